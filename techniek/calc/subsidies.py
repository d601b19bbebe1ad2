"""ISDE, WIS and the Nationaal Warmtefonds loan: amounts, conditions and switches.

`SubsidyParams` holds the sourced figures; `SubsidyInput` says which instruments a scenario uses.
Financing of the network itself (discount rates, bank loan, ESCO return) is in `financing.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .costs import Component
from .defaults import Sourced, V, check_ranges, default
from .finance import annuity, monthly_annuity

MC = "Milieu Centraal-voorbeeld via VEH kennisbank 5016"
WF = "Nationaal Warmtefonds, Energiebespaarlening (warmtefonds.nl; milieucentraal.nl)"

ISDE_HEAT_NETWORK = Sourced(
    3325,
    "€/woning",
    "ISDE aansluiting warmtenet, bedrag 2021 (warmtenetwerk.nl); bedrag 2025/26 onbevestigd",
    False,
    0,
    20000,
    year=2021,
)
ISDE_AIR_HP = Sourced(3150, "€/woning", f"{MC}: lucht-water 8 kW", False, 0, 20000)
ISDE_WATER_HP = Sourced(
    4500,
    "€/woning",
    f"{MC}: bodemwarmtepomp 8 kW; ook voor een WP op een bronnet (onbevestigd)",
    False,
    0,
    20000,
)
ISDE_HYBRID_HP = Sourced(2550, "€/woning", f"{MC}: hybride 4 kW", False, 0, 20000)
WIS_CONNECTIONS = Sourced(
    250,
    "aansluitingen",
    "WIS-ronde 2025: ≥ 250 kleinverbruikaansluitingen (ondernemeninzvl.nl)",
    True,
    1,
    100000,
    year=2025,
)
WIS_BUILDINGS = Sourced(
    5,
    "gebouwen",
    "WIS-ronde 2025: verspreid over ≥ 5 bestaande gebouwen (ondernemeninzvl.nl)",
    True,
    1,
    10000,
    year=2025,
)
WIS_RENEWABLE = Sourced(
    0.5,
    "-",
    "WIS 2024 'efficiënt warmtenet': ≥ 50 % hernieuwbare warmte (nlsi.nl); aandeel "
    "omgevingswarmte van de warmtepomp als hernieuwbaar gerekend (onbevestigd)",
    False,
    0,
    1,
    year=2024,
)
WIS_MAX = Sourced(
    20e6,
    "€/project",
    "WIS: maximaal € 20 mln per project (rijksoverheid.nl, april 2023)",
    True,
    0,
    1e9,
    year=2023,
)
WF_INCOME_LIMIT = Sourced(
    60000, "€ verzamelinkomen", f"{WF}: 0 % rente onder deze inkomensgrens", True, 0, 1e6
)
WF_RATE_LOW = Sourced(0.0, "1/jaar", f"{WF}: 0 % onder de inkomensgrens", True, 0, 0.2)
WF_RATE = Sourced(
    0.0435,
    "1/jaar",
    f"{WF}: voorbeeld 10 jaar boven de inkomensgrens (datum niet vermeld)",
    False,
    0,
    0.2,
)
WF_MIN = Sourced(1000, "€", f"{WF}: lening € 1.000–27.000", True, 0, 100000)
WF_MAX = Sourced(27000, "€", f"{WF}: lening € 1.000–27.000 (ZEP-pakket tot € 71.000)", True, 0, 1e6)
WF_TERM = Sourced(
    15,
    "jaar",
    f"{WF}: looptijd 7, 10, 15 of 20 jaar; keuze 15 = levensduur warmtepomp ({V})",
    False,
    1,
    30,
)


@dataclass(frozen=True)
class SubsidyParams:
    isde_heat_network_eur: float = default(ISDE_HEAT_NETWORK)
    isde_air_hp_eur: float = default(ISDE_AIR_HP)
    isde_water_hp_eur: float = default(ISDE_WATER_HP)
    isde_hybrid_hp_eur: float = default(ISDE_HYBRID_HP)
    wis_min_connections: float = default(WIS_CONNECTIONS)
    wis_min_buildings: float = default(WIS_BUILDINGS)
    wis_min_renewable_share: float = default(WIS_RENEWABLE)
    wis_max_eur: float = default(WIS_MAX)
    warmtefonds_income_limit_eur: float = default(WF_INCOME_LIMIT)
    warmtefonds_rate_low_income: float = default(WF_RATE_LOW)
    warmtefonds_rate: float = default(WF_RATE)
    warmtefonds_min_eur: float = default(WF_MIN)
    warmtefonds_max_eur: float = default(WF_MAX)
    warmtefonds_term_years: float = default(WF_TERM)

    def __post_init__(self) -> None:
        check_ranges(self)


@dataclass(frozen=True)
class SubsidyInput:
    """Which instruments a scenario uses. Each can be switched off for a what-if."""

    isde: bool = True
    wis: bool = True  # applied only where its conditions hold (see `wis_check`)
    warmtefonds: bool = True
    income_below_limit: bool = False  # True: 0 % Warmtefonds loan; unknown counts as above
    buildings: int | None = None  # for WIS; None: one building per participating home
    # ISDE goes to owner-occupiers only (`inputs.owner_occupied_share` of the participants).
    owner_occupied_share: float = 1.0
    params: SubsidyParams = field(default_factory=SubsidyParams)

    def __post_init__(self) -> None:
        if self.buildings is not None and self.buildings < 1:
            raise ValueError(f"SubsidyInput.buildings={self.buildings}: at least 1")
        share = self.owner_occupied_share
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ValueError(f"SubsidyInput.owner_occupied_share={share!r}: expected 0–1")

    def owner_occupied_homes(self, participants: int) -> int:
        return round(participants * self.owner_occupied_share)

    def isde_homes(self, participants: int) -> int:
        """How many of `participants` homes may receive ISDE: the owner-occupied ones."""
        return self.owner_occupied_homes(participants) if self.isde else 0

    @property
    def warmtefonds_rate(self) -> float:
        p = self.params
        return p.warmtefonds_rate_low_income if self.income_below_limit else p.warmtefonds_rate

    @property
    def warmtefonds_term_years(self) -> int:
        return int(round(self.params.warmtefonds_term_years))


# --- ISDE ----------------------------------------------------------------------------------------


def isde_eur(heat_pump: Component | None, network: bool, s: SubsidyInput) -> float:
    """ISDE for one home: for the heat pump the household buys, else for the network connection.

    Since 2026 one heat-pump subsidy per address per 3 years: a home with its own heat pump on a
    source network gets the heat-pump amount, not also the connection amount (rule of the engine).
    """
    if not s.isde:
        return 0.0
    p = s.params
    by_pump = {
        Component.AIR_HEAT_PUMPS: p.isde_air_hp_eur,
        Component.WATER_HEAT_PUMPS: p.isde_water_hp_eur,
        Component.HYBRID_HEAT_PUMPS: p.isde_hybrid_hp_eur,
    }
    if heat_pump in by_pump:
        return by_pump[heat_pump]
    return p.isde_heat_network_eur if network else 0.0


# --- WIS -----------------------------------------------------------------------------------------


class WisReason(StrEnum):
    SWITCHED_OFF = "switched_off"
    TOO_FEW_CONNECTIONS = "too_few_connections"  # < 250 small-consumer connections
    TOO_FEW_BUILDINGS = "too_few_buildings"  # spread over < 5 existing buildings
    TOO_LITTLE_RENEWABLE = "too_little_renewable"  # not an "efficient" network
    NO_UNPROFITABLE_GAP = "no_unprofitable_gap"  # eligible, but the network pays without it


@dataclass(frozen=True)
class WisCheck:
    eligible: bool  # the conditions hold (an amount may still be zero: see reasons)
    reasons: tuple[WisReason, ...]  # why not, or why zero; empty when WIS is granted
    connections: int
    buildings: int
    renewable_share: float


def wis_check(
    connections: int, buildings: int | None, renewable_share: float, s: SubsidyInput
) -> WisCheck:
    """WIS 2025 conditions: ≥ 250 connections in ≥ 5 existing buildings, ≥ 50 % renewable heat.

    Mini networks (2–50 homes) and most of the kleinschalig range never qualify.
    """
    p = s.params
    n_buildings = connections if buildings is None else buildings
    checks = (
        (not s.wis, WisReason.SWITCHED_OFF),
        (connections < p.wis_min_connections, WisReason.TOO_FEW_CONNECTIONS),
        (n_buildings < p.wis_min_buildings, WisReason.TOO_FEW_BUILDINGS),
        (renewable_share < p.wis_min_renewable_share, WisReason.TOO_LITTLE_RENEWABLE),
    )
    reasons = tuple(reason for failed, reason in checks if failed)
    return WisCheck(not reasons, reasons, connections, n_buildings, renewable_share)


# --- Warmtefonds ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFinance:
    """How one household pays what it must invest up front (after ISDE)."""

    upfront_eur: float  # incl. VAT, after ISDE
    loan_eur: float  # Warmtefonds
    own_funds_eur: float  # paid from savings: the one-off contribution
    loan_rate: float
    term_years: int
    loan_payment_eur_per_month: float  # monthly annuity, months 1 … 12 × term
    own_funds_eur_per_year: float  # own funds spread over the term at the household rate

    @property
    def loan_payment_eur_per_year(self) -> float:
        return 12 * self.loan_payment_eur_per_month

    @property
    def capital_eur_per_year(self) -> float:
        return self.loan_payment_eur_per_year + self.own_funds_eur_per_year


def household_finance(
    upfront_eur: float, s: SubsidyInput, household_rate: float
) -> HouseholdFinance:
    """Warmtefonds loan up to € 27,000 (none below € 1,000 or when switched off); the rest is own
    money, spread over the same term at the household's discount rate so that monthly figures
    compare options with different up-front amounts.

    The Warmtefonds is repaid monthly: the payment is the monthly annuity at rate / 12 (docs/
    calculations.md); own money stays a yearly annuity (an opportunity cost, not a bill)."""
    p = s.params
    upfront = max(upfront_eur, 0.0)
    usable = s.warmtefonds and upfront >= p.warmtefonds_min_eur
    loan = min(upfront, p.warmtefonds_max_eur) if usable else 0.0
    own = upfront - loan
    term = s.warmtefonds_term_years
    rate = s.warmtefonds_rate
    return HouseholdFinance(
        upfront_eur=upfront,
        loan_eur=loan,
        own_funds_eur=own,
        loan_rate=rate,
        term_years=term,
        loan_payment_eur_per_month=monthly_annuity(loan, rate, term),
        own_funds_eur_per_year=annuity(own, household_rate, term),
    )
