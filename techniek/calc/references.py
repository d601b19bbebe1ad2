"""What a household pays per month: the network, staying on gas, or its own air-water heat pump.

All household amounts include VAT. Year 1 is what the household pays in its first year; the
15-year total adds years 1–15 and the replacements that fall due within them. Capital is the
Warmtefonds annuity plus the household's own money spread over the same term at its discount rate
(so options with different up-front amounts compare fairly), plus, under a cooperative or ESCO,
the capital part of their tariff.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .concepts import Concept
from .costs import Component, CostLine, CostParams
from .defaults import Sourced
from .demand import DemandParams
from .engine import DEFAULTS, Assumptions, run_concept
from .finance import annuity
from .inputs import HouseholdInput, SiteInput
from .money import CENT, eur
from .prices import PricesParams
from .results import ConceptResult
from .subsidies import HouseholdFinance, SubsidyInput, household_finance, isde_eur
from .units import gj_to_kwh

COMPARISON_YEARS = 15  # issue 6: year 1 and the 15-year total
# Only for `References.estimate`, when no reference run is at hand (domain §2.2, rule of thumb).
AIR_HP_SCOP = Sourced(3.5, "-", "vuistregel (onbevestigd): SCOP lucht-water bij 35 °C", False)


class Option(StrEnum):
    NETWORK = "network"
    GAS = "gas"
    AIR_HP = "air_hp"


@dataclass(frozen=True)
class MonthlyCost:
    """One household's cost per month in year 1, incl. VAT, by share."""

    capital_eur_per_month: Decimal  # loans, own money spread, tariff capital part, boiler annuity
    energy_eur_per_month: Decimal  # gas or electricity, tariff energy part
    om_eur_per_month: Decimal  # maintenance
    fixed_eur_per_month: Decimal  # gas standing charge; network service fee
    # Electricity connection: standing charge less the tax credit; the same in every option.
    electricity_connection_eur_per_month: Decimal

    @property
    def total_eur_per_month(self) -> Decimal:
        return (
            self.capital_eur_per_month
            + self.energy_eur_per_month
            + self.om_eur_per_month
            + self.fixed_eur_per_month
            + self.electricity_connection_eur_per_month
        )


@dataclass(frozen=True)
class HouseholdOption:
    option: Option
    investment_eur: Decimal  # the household's own investment incl. VAT, before ISDE
    isde_eur: Decimal
    loan_eur: Decimal  # Warmtefonds
    one_off_eur: Decimal  # paid up front from own money (spread over the term in `monthly`)
    monthly: MonthlyCost
    year1_eur: Decimal
    total_15_years_eur: Decimal

    @property
    def monthly_eur(self) -> Decimal:
        return self.monthly.total_eur_per_month


def household_option(
    option: Option,
    *,
    investment_eur: float,
    isde_eur: float,
    finance: HouseholdFinance | None,
    tariff_capital_eur_per_year: float,
    energy_eur_per_year: float,
    om_eur_per_year: float,
    fixed_eur_per_year: float,
    connection_eur_per_year: float,
    replacements_in_window_eur: float,
) -> HouseholdOption:
    """Year-1 shares per month (they add up to the rounded total) and the 15-year total."""
    loan_capital = finance.capital_eur_per_year if finance else 0.0
    term = finance.term_years if finance else 0
    capital = loan_capital + tariff_capital_eur_per_year
    running = energy_eur_per_year + om_eur_per_year + fixed_eur_per_year + connection_eur_per_year
    shares = (capital, energy_eur_per_year, om_eur_per_year, fixed_eur_per_year)
    monthly = MonthlyCost(*_rounded_shares([*shares, connection_eur_per_year], capital + running))
    total = (
        loan_capital * min(term, COMPARISON_YEARS)
        + (tariff_capital_eur_per_year + running) * COMPARISON_YEARS
        + replacements_in_window_eur
    )
    return HouseholdOption(
        option=option,
        investment_eur=eur(investment_eur),
        isde_eur=eur(isde_eur),
        loan_eur=eur(finance.loan_eur if finance else 0.0),
        one_off_eur=eur(finance.own_funds_eur if finance else 0.0),
        monthly=monthly,
        year1_eur=eur(capital + running),
        total_15_years_eur=eur(total),
    )


def _rounded_shares(per_year: list[float], total_per_year: float) -> list[Decimal]:
    """Each share per month in whole cents, adding up to the rounded total exactly: every share
    is its exact value rounded down or up, the cents going to the largest remainders."""
    cents = [x / 12 * 100 for x in per_year]
    floors = [math.floor(c) for c in cents]
    short = int(eur(total_per_year / 12) * 100) - sum(floors)
    order = sorted(range(len(cents)), key=lambda i: cents[i] - floors[i], reverse=True)
    for i in order[: max(0, min(short, len(cents)))]:
        floors[i] += 1
    return [(Decimal(c) / 100).quantize(CENT) for c in floors]


def replacements_in_window(cost_eur: float, lifetime_years: int | None) -> float:
    """Replacements bought at t = L, 2L, … and paid at the start of year t + 1 ≤ 15."""
    if not lifetime_years or lifetime_years <= 0:
        return 0.0
    return cost_eur * len(range(lifetime_years, COMPARISON_YEARS, lifetime_years))


@dataclass(frozen=True)
class References:
    """Per home: what staying on gas and an own air-water heat pump take (costs excl. VAT)."""

    gas_m3_per_home: float  # space heating + tap water; cooking gas is left out on both sides
    boiler_eur: Decimal
    boiler_om_eur_per_year: Decimal
    boiler_lifetime_years: int
    air_hp_eur: Decimal  # the heat pump
    air_hp_insulation_eur: Decimal  # to the label it needs (B)
    air_hp_om_eur_per_year: Decimal
    air_hp_lifetime_years: int
    air_hp_electricity_kwh: float  # per home per year
    estimated: bool = False  # True: guessed from the network concept, not from reference runs

    @classmethod
    def from_results(cls, gas: ConceptResult, air_hp: ConceptResult) -> References:
        if gas.concept is not Concept.GAS_BOILER or air_hp.concept is not Concept.INDIVIDUAL_AIR_HP:
            raise ValueError("References.from_results: expected the gas and air-water references")
        boiler = _line(gas, Component.GAS_BOILERS)
        pump = _line(air_hp, Component.AIR_HEAT_PUMPS)
        n, m = gas.homes, air_hp.homes
        return cls(
            gas_m3_per_home=gas.energy.gas_m3 / n,
            boiler_eur=eur(boiler.capex_eur / n),
            boiler_om_eur_per_year=eur(boiler.om_eur_per_year / n),
            boiler_lifetime_years=boiler.lifetime_years or COMPARISON_YEARS,
            air_hp_eur=eur(pump.capex_eur / m),
            air_hp_insulation_eur=eur(air_hp.costs.insulation_eur / m),
            air_hp_om_eur_per_year=eur(pump.om_eur_per_year / m),
            air_hp_lifetime_years=pump.lifetime_years or COMPARISON_YEARS,
            air_hp_electricity_kwh=air_hp.energy.electricity_kwh / m,
        )

    @classmethod
    def estimate(cls, network: ConceptResult) -> References:
        """From the network concept's own demand, with default demand and cost parameters.

        Exact for the gas use when the demand defaults were used; the air-water heat pump is
        sized on the concept's (possibly insulated) demand at SCOP 3.5. Prefer `references_for`.
        """
        dp, cp = DemandParams(), CostParams()
        n = network.homes
        kw = max(network.demand.space_heating_peak_sum_kw / n, dp.tap_water_design_kw)
        pump = cp.air_hp_base_eur + cp.air_hp_eur_per_kw * kw
        return cls(
            gas_m3_per_home=gj_to_kwh(network.demand.heat_demand_before_insulation_gj)
            / dp.useful_heat_kwh_per_m3()
            / n,
            boiler_eur=eur(cp.gas_boiler_eur),
            boiler_om_eur_per_year=eur(cp.gas_boiler_eur * cp.om_boiler_share),
            boiler_lifetime_years=int(round(cp.lifetime_heat_pump_years)),
            air_hp_eur=eur(pump),
            air_hp_insulation_eur=eur(network.costs.insulation_eur / n),
            air_hp_om_eur_per_year=eur(pump * cp.om_heat_pump_share),
            air_hp_lifetime_years=int(round(cp.lifetime_heat_pump_years)),
            air_hp_electricity_kwh=network.demand.heat_demand_kwh / n / AIR_HP_SCOP.value,
            estimated=True,
        )


def _line(result: ConceptResult, component: Component) -> CostLine:
    line = next((ln for ln in result.costs.lines if ln.component is component), None)
    if line is None:
        raise ValueError(f"{result.concept}: no {component} cost line")
    return line


def references_for(
    households: Sequence[HouseholdInput], site: SiteInput, assumptions: Assumptions = DEFAULTS
) -> References:
    """Run the engine's gas and air-water references for these homes."""
    return References.from_results(
        run_concept(households, site, Concept.GAS_BOILER, assumptions),
        run_concept(households, site, Concept.INDIVIDUAL_AIR_HP, assumptions),
    )


def gas_reference(
    gas_m3_per_year: float,
    prices: PricesParams,
    *,
    boiler_eur: float = 2500.0,
    boiler_om_eur_per_year: float = 150.0,
    boiler_lifetime_years: int = 15,
    household_rate: float = 0.03,
) -> HouseholdOption:
    """Staying on gas: gas × (supply + energy tax), the gas standing charge, boiler maintenance
    and the annuity of the next boiler, all × (1 + VAT), plus the electricity connection.

    Defaults: the engine's boiler (€ 2,500, € 150/yr, 15 years) at the 3 % household rate.
    """
    vat = prices.vat_factor
    return household_option(
        Option.GAS,
        investment_eur=0.0,
        isde_eur=0.0,
        finance=None,
        tariff_capital_eur_per_year=annuity(
            boiler_eur * vat, household_rate, boiler_lifetime_years
        ),
        energy_eur_per_year=gas_m3_per_year * prices.gas_eur_per_m3(),
        om_eur_per_year=boiler_om_eur_per_year * vat,
        fixed_eur_per_year=prices.gas_standing_charge_eur_per_year * vat,
        connection_eur_per_year=prices.electricity_connection_eur_per_year(),
        replacements_in_window_eur=0.0,
    )


def gas_reference_for(
    refs: References, prices: PricesParams, household_rate: float
) -> HouseholdOption:
    return gas_reference(
        refs.gas_m3_per_home,
        prices,
        boiler_eur=float(refs.boiler_eur),
        boiler_om_eur_per_year=float(refs.boiler_om_eur_per_year),
        boiler_lifetime_years=refs.boiler_lifetime_years,
        household_rate=household_rate,
    )


def air_hp_reference(
    refs: References, prices: PricesParams, subsidies: SubsidyInput, household_rate: float
) -> HouseholdOption:
    """An own air-water heat pump (and insulation to label B): the investment incl. VAT less ISDE
    (at most the heat pump's price) through the Warmtefonds, plus electricity and maintenance."""
    vat = prices.vat_factor
    pump = float(refs.air_hp_eur) * vat
    investment = pump + float(refs.air_hp_insulation_eur) * vat
    isde = min(isde_eur(Component.AIR_HEAT_PUMPS, False, subsidies), pump)
    return household_option(
        Option.AIR_HP,
        investment_eur=investment,
        isde_eur=isde,
        finance=household_finance(investment - isde, subsidies, household_rate),
        tariff_capital_eur_per_year=0.0,
        energy_eur_per_year=refs.air_hp_electricity_kwh * prices.electricity_eur_per_kwh(),
        om_eur_per_year=float(refs.air_hp_om_eur_per_year) * vat,
        fixed_eur_per_year=0.0,
        connection_eur_per_year=prices.electricity_connection_eur_per_year(),
        replacements_in_window_eur=replacements_in_window(pump, refs.air_hp_lifetime_years),
    )


def gas_avoided_eur_per_year(
    refs: References, prices: PricesParams, household_rate: float
) -> float:
    """What a home stops paying when it leaves gas: the gas reference without the electricity
    connection (which every option keeps). Float, for the cash-flow table."""
    vat = prices.vat_factor
    return (
        refs.gas_m3_per_home * prices.gas_eur_per_m3()
        + prices.gas_standing_charge_eur_per_year * vat
        + float(refs.boiler_om_eur_per_year) * vat
        + annuity(float(refs.boiler_eur) * vat, household_rate, refs.boiler_lifetime_years)
    )
