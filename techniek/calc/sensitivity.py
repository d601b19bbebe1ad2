"""How the business case moves: with participation (and where it breaks even against gas), and
with the key uncertain parameters (a tornado).

The participation sweep re-runs the engine for each share of the target homes, an evenly spread
subset, with the street network kept at the full street: source and heat pumps shrink with fewer
homes, the street does not. About 20 engine and business-case runs for a full sweep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from enum import StrEnum

from .business_case import BusinessCase, run
from .concepts import CATALOGUE, Concept, Network
from .costs import CostBreakdown
from .defaults import Sourced, V, check_ranges, default
from .engine import DEFAULTS, Assumptions, run_concept
from .financing import FinancingInput
from .inputs import HouseholdInput, SiteInput
from .money import eur
from .prices import PricesParams
from .references import References, references_for
from .results import ConceptResult
from .subsidies import SubsidyInput

# The sweep spans the participation seen in practice (Warm Heeg 75 %, Westerkwartier 75–85 %,
# Staphorst at least 60 %) with room below it, where a pilot starts.
PRACTICE = (
    "deelnamedrempels in de praktijk 60–85 % (Warm Heeg 75 %, nwn.nu; Westerkwartier 75–85 %, "
    "warmwesterkwartier.nl; Staphorst ≥ 60 %)"
)
PARTICIPATION_MIN = Sourced(30, "%", f"{V}: reeks 30–100 % rond de {PRACTICE}", False, 1, 100)
PARTICIPATION_MAX = Sourced(100, "%", f"{V}: reeks 30–100 % rond de {PRACTICE}", False, 1, 100)
PARTICIPATION_STEP = Sourced(5, "procentpunt", f"{V}: stappen van 5 procentpunt", False, 1, 50)
INVESTMENT_RANGE = Sourced(
    0.20,
    "-",
    "AACE International RP 18R-97, kostenraming klasse 4 (haalbaarheid): −15 tot −30 % en +20 tot "
    "+50 %; ±20 % is de smalle kant van die bandbreedte (onbevestigd)",
    False,
    0,
    0.9,
)
GAS_PRICE_RANGE = Sourced(0.20, "-", f"{V}: leveringsprijs gas ±20 %", False, 0, 0.9)
ELECTRICITY_PRICE_RANGE = Sourced(0.20, "-", f"{V}: leveringsprijs stroom ±20 %", False, 0, 0.9)
SCOP_RANGE = Sourced(0.10, "-", f"{V}: SCOP ±10 % (JAZ-klassen 3,0–4,0+)", False, 0, 0.5)


@dataclass(frozen=True)
class SensitivityParams:
    participation_min_pct: float = default(PARTICIPATION_MIN)
    participation_max_pct: float = default(PARTICIPATION_MAX)
    participation_step_pct: float = default(PARTICIPATION_STEP)
    investment_share: float = default(INVESTMENT_RANGE)
    gas_price_share: float = default(GAS_PRICE_RANGE)
    electricity_price_share: float = default(ELECTRICITY_PRICE_RANGE)
    scop_share: float = default(SCOP_RANGE)

    def __post_init__(self) -> None:
        check_ranges(self)
        if self.participation_min_pct > self.participation_max_pct:
            raise ValueError("SensitivityParams: participation_min_pct above participation_max_pct")

    def participation_steps_pct(self) -> tuple[int, ...]:
        lo, hi = int(self.participation_min_pct), int(self.participation_max_pct)
        return tuple(range(lo, hi + 1, int(self.participation_step_pct)))


# --- Participation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipationPoint:
    participation_pct: int
    participants: int
    capex_per_home_eur: Decimal  # gross, excl. VAT, per participating home
    shared_capex_per_home_eur: Decimal  # source, network, engineering
    network_monthly_eur: Decimal
    gas_monthly_eur: Decimal
    air_hp_monthly_eur: Decimal
    npv_eur: Decimal

    @property
    def cheaper_than_gas(self) -> bool:
        return self.network_monthly_eur <= self.gas_monthly_eur


@dataclass(frozen=True)
class ParticipationBreakEven:
    """The fewest participants at which the network costs no more per month than gas."""

    participants: int
    participation_pct: float  # participants / target homes × 100
    network_monthly_eur: Decimal
    gas_monthly_eur: Decimal
    below_range: bool  # already cheaper at the lowest share swept: the true point may be lower


@dataclass(frozen=True)
class ParticipationSweep:
    target_homes: int
    points: tuple[ParticipationPoint, ...]
    break_even: ParticipationBreakEven | None  # None: never cheaper than gas up to 100 %


def spread(homes: Sequence[HouseholdInput], k: int) -> list[HouseholdInput]:
    """k of the homes, evenly spread over the list, so the mix of homes stays representative."""
    n = len(homes)
    return [homes[j * n // k] for j in range(k)]


def participation_sweep(
    households: Sequence[HouseholdInput],
    site: SiteInput,
    concept: Concept,
    financing: FinancingInput,
    prices: PricesParams,
    subsidies: SubsidyInput,
    *,
    assumptions: Assumptions = DEFAULTS,
    lifetime_years: int = 30,
    references: References | None = None,
    params: SensitivityParams | None = None,
) -> ParticipationSweep:
    """Cost per participating home from 30 % to 100 % of `households` (the target homes), and the
    break-even: the lowest share at which the network's monthly cost is at most the gas
    reference, refined to the single home by bisection between the two sweep points around it
    (monthly cost falls with participation for every concept but the modular one)."""
    homes = tuple(households)
    target = len(homes)
    if target == 0:
        raise ValueError("households: at least one target home is required")
    p = params or SensitivityParams()
    spec = CATALOGUE[Concept(concept)]
    refs = references if references is not None else references_for(homes, site, assumptions)
    if spec.network in (Network.AMBIENT, Network.MT) and site.street_length_m is None:
        # The street is trenched whoever joins: fix it at the full street's length.
        full = run_concept(homes, site, spec.concept, assumptions)
        site = replace(site, street_length_m=full.sizing.street_trench_m)

    cases: dict[int, tuple[ConceptResult, BusinessCase]] = {}

    def case(k: int) -> tuple[ConceptResult, BusinessCase]:
        if k not in cases:
            cr = run_concept(spread(homes, k), site, spec.concept, assumptions)
            bc = run(cr, financing, prices, subsidies, k, lifetime_years, references=refs)
            cases[k] = (cr, bc)
        return cases[k]

    points = []
    for pct in p.participation_steps_pct():
        k = max(1, int(target * pct / 100 + 0.5))
        cr, bc = case(k)
        points.append(
            ParticipationPoint(
                participation_pct=pct,
                participants=k,
                capex_per_home_eur=cr.costs.capex_per_home_eur,
                shared_capex_per_home_eur=cr.costs.shared_capex_per_home_eur,
                network_monthly_eur=bc.network_monthly_eur,
                gas_monthly_eur=bc.gas_monthly_eur,
                air_hp_monthly_eur=bc.air_hp_monthly_eur,
                npv_eur=bc.npv_eur,
            )
        )
    return ParticipationSweep(target, tuple(points), _break_even(points, target, case))


def _break_even(
    points: list[ParticipationPoint],
    target: int,
    case: Callable[[int], tuple[ConceptResult, BusinessCase]],
) -> ParticipationBreakEven | None:
    first = next((i for i, pt in enumerate(points) if pt.cheaper_than_gas), None)
    if first is None:
        return None
    hi = points[first].participants
    if first > 0:
        lo = points[first - 1].participants  # not cheaper here
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if case(mid)[1].cheaper_than_gas:
                hi = mid
            else:
                lo = mid
    bc = case(hi)[1]
    return ParticipationBreakEven(
        participants=hi,
        participation_pct=100 * hi / target,
        network_monthly_eur=bc.network_monthly_eur,
        gas_monthly_eur=bc.gas_monthly_eur,
        below_range=first == 0,
    )


# --- Tornado -------------------------------------------------------------------------------------


class TornadoParameter(StrEnum):
    INVESTMENT = "investment"  # every capex line of the network
    GAS_PRICE = "gas_price"  # gas supply price (moves the gas reference only)
    ELECTRICITY_PRICE = "electricity_price"  # electricity supply price
    SCOP = "scop"  # heat-pump electricity ∝ 1 / SCOP
    SUBSIDY = "subsidy"  # ISDE and WIS off (low) or on (high)


@dataclass(frozen=True)
class TornadoBar:
    parameter: TornadoParameter
    low_change: float  # relative change at the low end (−0.2), or 0 = off for the subsidy
    high_change: float  # (+0.2), or 1 = on
    low_delta_eur_per_month: Decimal  # network monthly cost, low end − base
    high_delta_eur_per_month: Decimal
    low_vs_gas_delta_eur_per_month: Decimal  # change of (network − gas), low end
    high_vs_gas_delta_eur_per_month: Decimal
    clamped: bool = False  # an end was held at the parameter's valid range: less than ±share

    @property
    def span_eur_per_month(self) -> Decimal:
        return abs(self.high_vs_gas_delta_eur_per_month - self.low_vs_gas_delta_eur_per_month)


@dataclass(frozen=True)
class Tornado:
    base_network_monthly_eur: Decimal
    base_gas_monthly_eur: Decimal
    bars: tuple[TornadoBar, ...]  # widest effect on (network − gas) first


def _scale_investment(cr: ConceptResult, factor: float) -> ConceptResult:
    lines = tuple(
        replace(ln, capex_eur=eur(ln.capex_eur * Decimal(str(factor)))) for ln in cr.costs.lines
    )
    return replace(cr, costs=CostBreakdown(cr.costs.homes, lines))


def _scale_scop(cr: ConceptResult, factor: float) -> ConceptResult:
    """SCOP × factor: compressor electricity ÷ factor; pumping unchanged."""
    e, b = cr.energy, cr.energy.balance
    hp_kwh = b.heat_pump_electricity_kwh / factor
    balance = replace(
        b,
        heat_pump_electricity_kwh=hp_kwh,
        ambient_heat_kwh=b.heat_pump_heat_kwh - hp_kwh,
    )
    scop = e.scop * factor if e.scop is not None else None
    energy = replace(
        e, balance=balance, scop=scop, electricity_kwh=hp_kwh + e.pumping_electricity_kwh
    )
    return replace(cr, energy=energy)


def _range(params: object, name: str) -> Sourced:
    return next(f for f in fields(params) if f.name == name).metadata["sourced"]  # type: ignore[arg-type]


def _varied(prices: PricesParams, name: str, change: float) -> PricesParams:
    """`prices` with field `name` × (1 + change), held inside the field's valid range: a price
    at the top of its range has no +20 % case, and PricesParams refuses one."""
    s, value = _range(prices, name), getattr(prices, name) * (1 + change)
    if s.high is not None:
        value = min(value, s.high)
    if s.low is not None:
        value = max(value, s.low)
    return replace(prices, **{name: value})


def _clamped_change(prices: PricesParams, name: str, change: float) -> float:
    """The relative change `_varied` really applies: `change` itself unless it was held."""
    value, varied = getattr(prices, name), getattr(_varied(prices, name, change), name)
    if varied == value * (1 + change) or not value:
        return change
    return varied / value - 1


def tornado(
    concept_result: ConceptResult,
    financing: FinancingInput,
    prices: PricesParams,
    subsidies: SubsidyInput,
    participants: int,
    *,
    references: References | None = None,
    lifetime_years: int = 30,
    params: SensitivityParams | None = None,
) -> Tornado:
    """Monthly cost of the network, and its gap to gas, at the low and high end of each key
    uncertainty, one at a time, against the base case."""
    p = params or SensitivityParams()
    refs = references if references is not None else References.estimate(concept_result)

    def monthly(
        cr: ConceptResult = concept_result, pr: PricesParams = prices, s: SubsidyInput = subsidies
    ) -> tuple[Decimal, Decimal]:
        bc = run(cr, financing, pr, s, participants, lifetime_years, references=refs)
        return bc.network_monthly_eur, bc.network_monthly_eur - bc.gas_monthly_eur

    base, base_gap = monthly()
    gas_field, el_field = "gas_supply_eur_per_m3", "electricity_supply_eur_per_kwh"
    cases = {
        TornadoParameter.INVESTMENT: (
            -p.investment_share,
            p.investment_share,
            lambda x: monthly(cr=_scale_investment(concept_result, 1 + x)),
        ),
        TornadoParameter.GAS_PRICE: (
            _clamped_change(prices, gas_field, -p.gas_price_share),
            _clamped_change(prices, gas_field, p.gas_price_share),
            lambda x: monthly(pr=_varied(prices, gas_field, x)),
        ),
        TornadoParameter.ELECTRICITY_PRICE: (
            _clamped_change(prices, el_field, -p.electricity_price_share),
            _clamped_change(prices, el_field, p.electricity_price_share),
            lambda x: monthly(pr=_varied(prices, el_field, x)),
        ),
        TornadoParameter.SCOP: (
            -p.scop_share,
            p.scop_share,
            lambda x: monthly(cr=_scale_scop(concept_result, 1 + x)),
        ),
        TornadoParameter.SUBSIDY: (
            0.0,
            1.0,
            lambda x: monthly(s=replace(subsidies, isde=bool(x), wis=bool(x))),
        ),
    }
    shares = {
        TornadoParameter.GAS_PRICE: p.gas_price_share,
        TornadoParameter.ELECTRICITY_PRICE: p.electricity_price_share,
    }
    bars = []
    for parameter, (low, high, at) in cases.items():
        (lo_m, lo_gap), (hi_m, hi_gap) = at(low), at(high)
        share = shares.get(parameter)
        bars.append(
            TornadoBar(
                parameter=parameter,
                low_change=low,
                high_change=high,
                low_delta_eur_per_month=lo_m - base,
                high_delta_eur_per_month=hi_m - base,
                low_vs_gas_delta_eur_per_month=lo_gap - base_gap,
                high_vs_gas_delta_eur_per_month=hi_gap - base_gap,
                clamped=share is not None and not (low == -share and high == share),
            )
        )
    bars.sort(key=lambda bar: bar.span_eur_per_month, reverse=True)
    return Tornado(base, base - base_gap, tuple(bars))
