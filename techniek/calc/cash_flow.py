"""The yearly cash-flow table behind `business_case.run`: cost lines by owner, purchases and
replacements, running costs, the entity's cost-based tariff, and the Decimal rows.

View: the participants and their network entity together, against staying on gas. Payments
between households and their entity cancel out, except the VAT an entity charges on its tariff.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import numpy as np
import pandas as pd

from .concepts import CATALOGUE, HeatPump, Network, Source
from .costs import Component, CostCategory
from .finance import annuity_factor, discount_factors
from .financing import FinancingInput
from .money import eur
from .prices import PricesParams
from .references import References, gas_avoided_eur_per_year, replacements_in_window
from .results import ConceptResult
from .subsidies import SubsidyInput, isde_eur

PER_HOME = frozenset({CostCategory.IN_HOME, CostCategory.CONNECTION, CostCategory.INSULATION})
HEAT_PUMPS = (Component.AIR_HEAT_PUMPS, Component.WATER_HEAT_PUMPS, Component.HYBRID_HEAT_PUMPS)


class Owner(StrEnum):
    HOUSEHOLD = "household"  # each home's own: insulation, and in-home equipment unless leased
    SHARED = "shared"  # the households together (zelfbeheer) or the entity


@dataclass(frozen=True)
class InvestmentLine:
    component: Component
    category: CostCategory
    owner: Owner
    capex_excl_vat_eur: Decimal  # all participants, before subsidies
    vat_eur: Decimal  # VAT the owner cannot deduct
    lifetime_years: int | None

    @property
    def capex_eur(self) -> Decimal:
        return self.capex_excl_vat_eur + self.vat_eur


@dataclass(frozen=True)
class CashFlowRow:
    """One year of the table, all participants together. Signs are cash-flow signs."""

    year: int
    investment_eur: Decimal  # year 0, incl. VAT the owner cannot deduct
    replacements_eur: Decimal
    residual_value_eur: Decimal  # last year: remaining straight-line value
    subsidies_eur: Decimal  # ISDE and WIS
    avoided_gas_eur: Decimal  # the gas bills and boiler the homes no longer pay (income)
    energy_eur: Decimal  # electricity (and gas) of the network
    om_eur: Decimal  # maintenance and service fees
    vat_on_tariff_eur: Decimal  # VAT an entity charges on its tariff
    project_eur: Decimal  # sum of the lines above
    contributions_eur: Decimal  # households → entity; internal, not in any total
    loan_drawdown_eur: Decimal  # Warmtefonds (households) and bank (cooperative)
    loan_interest_eur: Decimal
    loan_repayment_eur: Decimal
    net_eur: Decimal  # project + loans
    cumulative_project_eur: Decimal
    discounted_project_eur: Decimal


PROJECT_COLUMNS = (
    "investment_eur",
    "replacements_eur",
    "residual_value_eur",
    "subsidies_eur",
    "avoided_gas_eur",
    "energy_eur",
    "om_eur",
    "vat_on_tariff_eur",
)
LOAN_COLUMNS = ("loan_drawdown_eur", "loan_interest_eur", "loan_repayment_eur")


@dataclass(frozen=True)
class Line:
    component: Component
    category: CostCategory
    owner: Owner
    capex: float  # excl. VAT, all participants
    om: float  # per year, excl. VAT
    lifetime: int | None
    vat_factor: float  # 1 + the VAT its owner pays


def lines(cr: ConceptResult, n: int, f: FinancingInput, vat: float) -> list[Line]:
    """Cost lines for n participants: per-home categories scale with n, shared ones stay."""
    scale = n / cr.homes
    shared_vat = 1.0 if f.has_entity and f.entity_deducts_vat else 1 + vat
    out = []
    for ln in cr.costs.lines:
        own = ln.category is CostCategory.INSULATION or (
            ln.category is CostCategory.IN_HOME and not f.entity_owns_in_home
        )
        k = scale if ln.category in PER_HOME else 1.0
        out.append(
            Line(
                component=ln.component,
                category=ln.category,
                owner=Owner.HOUSEHOLD if own else Owner.SHARED,
                capex=float(ln.capex_eur) * k,
                om=float(ln.om_eur_per_year) * k,
                lifetime=ln.lifetime_years,
                vat_factor=1 + vat if own else shared_vat,
            )
        )
    return out


def investment_lines(
    cr: ConceptResult, n: int, f: FinancingInput, vat: float
) -> tuple[InvestmentLine, ...]:
    return tuple(
        InvestmentLine(
            component=ln.component,
            category=ln.category,
            owner=ln.owner,
            capex_excl_vat_eur=eur(ln.capex),
            vat_eur=eur(ln.capex * (ln.vat_factor - 1)),
            lifetime_years=ln.lifetime,
        )
        for ln in lines(cr, n, f, vat)
    )


def purchases(capex: float, life: int | None, years: int) -> tuple[np.ndarray, float]:
    """Purchases at t = 0, L, 2L, … < years, and the straight-line value left at the end."""
    buy = np.zeros(years + 1)
    if not life:
        buy[0] = capex
        return buy, 0.0
    buy[0:years:life] = capex
    remaining = (years - 1) // life * life + life - years
    return buy, capex * remaining / life


def renewable_share(cr: ConceptResult) -> float:
    """Ambient heat of the heat pumps (and solar or residual heat) over all heat supplied."""
    b = cr.energy.balance
    source = CATALOGUE[cr.concept].source
    direct = b.direct_heat_kwh if source in (Source.SOLAR_THERMAL, Source.WASTE_HEAT) else 0.0
    total = b.delivered_heat_kwh + b.network_loss_kwh
    return (b.ambient_heat_kwh + direct) / total if total > 0 else 0.0


@dataclass(frozen=True)
class Tariff:
    """An entity's cost-based tariff per home per year, excl. VAT, by share."""

    capital: float  # (net investment + PV replacements − PV residual) × CRF(r, N)
    om: float
    energy: float
    fee: float

    @property
    def total(self) -> float:
        return self.capital + self.om + self.energy + self.fee


@dataclass(frozen=True)
class HouseholdShares:
    """Per home per year: what the household bears itself (incl. VAT)."""

    own_investment: float  # its own lines in year 0
    contribution: float  # to the entity, or (zelfbeheer) its share of the shared lines
    isde: float  # per owner-occupied home; a rented home gets none
    home_energy: float  # on its own meter
    home_om: float
    shared_energy: float  # zelfbeheer: its share of the shared running costs
    shared_om: float
    fee: float
    replacements_in_window: float  # own (and, in zelfbeheer, shared) replacements, years 1–15


@dataclass(frozen=True)
class Flows:
    columns: dict[str, np.ndarray]  # PROJECT_COLUMNS
    components: dict[str, np.ndarray]  # investment per component, year 0
    tariff: Tariff | None
    tariff_vat: float  # VAT rate on the entity's tariff (0 without an entity that deducts)
    shared_capex: float  # year 0, incl. the owner's VAT
    household: HouseholdShares

    @property
    def project(self) -> np.ndarray:
        return np.sum(list(self.columns.values()), axis=0)


def flows(
    cr: ConceptResult,
    f: FinancingInput,
    prices: PricesParams,
    s: SubsidyInput,
    n: int,
    years: int,
    refs: References,
    wis_eur: float,
) -> Flows:
    spec = CATALOGUE[cr.concept]
    vat = prices.vat_rate
    entity_vat = f.has_entity and f.entity_deducts_vat
    cost_lines = lines(cr, n, f, vat)
    running = np.r_[0.0, np.ones(years)]  # years 1 … N
    scale = n / cr.homes

    investment, replacements, residual = np.zeros(years + 1), np.zeros(years + 1), 0.0
    components: dict[str, np.ndarray] = {}
    capex0 = dict.fromkeys(Owner, 0.0)
    om = dict.fromkeys(Owner, 0.0)
    shared_repl, shared_residual, in_home_own = np.zeros(years + 1), 0.0, 0.0
    for ln in cost_lines:
        buy, left = purchases(ln.capex * ln.vat_factor, ln.lifetime, years)
        investment[0] -= buy[0]
        replacements[1:] -= buy[1:]
        residual += left
        components.setdefault(f"investment_{ln.component.value}", np.zeros(years + 1))[0] -= buy[0]
        capex0[ln.owner] += buy[0]
        om[ln.owner] += ln.om * ln.vat_factor
        if ln.owner is Owner.SHARED:
            shared_repl[1:] += buy[1:]
            shared_residual += left
        elif ln.category is CostCategory.IN_HOME:
            in_home_own += buy[0]

    # Electricity: heat pumps in the homes on household meters; central plant and pumps shared.
    b = cr.energy.balance
    in_homes = spec.heat_pump in (HeatPump.INDIVIDUAL, HeatPump.HYBRID)
    home_kwh = b.heat_pump_electricity_kwh * scale if in_homes else 0.0
    shared_kwh = cr.energy.pumping_electricity_kwh + (
        0.0 if in_homes else b.heat_pump_electricity_kwh * scale
    )
    home_energy = home_kwh * prices.electricity_eur_per_kwh()  # collective concepts burn no gas
    shared_energy = shared_kwh * prices.electricity_eur_per_kwh(vat=not entity_vat)
    fee = float(f.fee_eur_per_home_per_year) * n * (1.0 if entity_vat else 1 + vat)

    tariff, revenue = None, 0.0
    if f.has_entity:
        contribution = float(f.contribution_eur_per_home)
        df = discount_factors(f.discount_rate, years)
        net0 = capex0[Owner.SHARED] - wis_eur - n * contribution
        crf = 1 / annuity_factor(f.discount_rate, years)
        capital = crf * (net0 + float(shared_repl @ df) - shared_residual * df[-1])
        tariff = Tariff(capital / n, om[Owner.SHARED] / n, shared_energy / n, fee / n)
        revenue = tariff.total * n
    else:
        contribution = (capex0[Owner.SHARED] - wis_eur) / n

    pump = next(
        (
            ln.component
            for ln in cost_lines
            if ln.owner is Owner.HOUSEHOLD and ln.component in HEAT_PUMPS
        ),
        None,
    )
    isde = min(isde_eur(pump, spec.network is not Network.NONE, s), in_home_own / n + contribution)
    tariff_vat = vat if entity_vat else 0.0
    avoided = n * gas_avoided_eur_per_year(refs, prices, f.household_discount_rate)
    columns = {
        "investment_eur": investment,
        "replacements_eur": replacements,
        "residual_value_eur": np.r_[np.zeros(years), residual],
        # ISDE for the owner-occupied homes only (issue 15); `isde` is the amount per such home.
        "subsidies_eur": np.r_[s.isde_homes(n) * isde + wis_eur, np.zeros(years)],
        "avoided_gas_eur": avoided * running,
        "energy_eur": -(home_energy + shared_energy) * running,
        "om_eur": -(om[Owner.HOUSEHOLD] + om[Owner.SHARED] + fee) * running,
        "vat_on_tariff_eur": -tariff_vat * revenue * running,
    }
    household = HouseholdShares(
        own_investment=capex0[Owner.HOUSEHOLD] / n,
        contribution=contribution,
        isde=isde,
        home_energy=home_energy / n,
        home_om=om[Owner.HOUSEHOLD] / n,
        shared_energy=shared_energy / n,
        shared_om=om[Owner.SHARED] / n,
        fee=fee / n,
        replacements_in_window=sum(
            replacements_in_window(ln.capex * ln.vat_factor / n, ln.lifetime)
            for ln in cost_lines
            if ln.owner is Owner.HOUSEHOLD or not f.has_entity
        ),
    )
    return Flows(columns, components, tariff, tariff_vat, capex0[Owner.SHARED], household)


def rows(frame: pd.DataFrame) -> tuple[CashFlowRow, ...]:
    """Decimal rows: each line rounded once; the totals are sums of the rounded lines."""
    out, cumulative = [], Decimal(0)
    names = (*PROJECT_COLUMNS, "contributions_eur", *LOAN_COLUMNS, "discounted_project_eur")
    table = frame[list(names)].to_numpy().tolist()  # plain floats: itertuples is slow
    for year, values in zip(frame.index.tolist(), table, strict=True):
        money = {name: eur(v + 0.0) for name, v in zip(names, values, strict=True)}  # no −0.00
        project = sum((money[c] for c in PROJECT_COLUMNS), Decimal(0))
        cumulative += project
        out.append(
            CashFlowRow(
                year=int(year),
                **money,
                project_eur=project,
                net_eur=project + sum((money[c] for c in LOAN_COLUMNS), Decimal(0)),
                cumulative_project_eur=cumulative,
            )
        )
    return tuple(out)
