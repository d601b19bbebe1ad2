"""The business case of one concept under one organisation model: yearly cash flows, NPV, IRR,
payback, levelised cost of heat, and what each household pays against gas and an own heat pump.

The cash-flow table (`cash_flow.py`) takes the view of the participants and their network entity
together, against staying on gas: the investment, replacements and running costs of the network,
the subsidies, and as income the gas bills the homes no longer pay. Loans are shown below the
project line, so NPV and IRR are those of the project. docs/calculations.md, section "Business
case", has every formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

import numpy as np
import pandas as pd

from .cash_flow import CashFlowRow, InvestmentLine, flows, investment_lines, renewable_share, rows
from .concepts import CATALOGUE, Concept
from .finance import (
    discount_factors,
    irr,
    loan_schedule,
    monthly_loan_schedule,
    npv,
    payback_years,
)
from .financing import FinancingInput, FinancingParams, OrgModel, default_financing
from .money import eur
from .prices import PricesParams
from .references import (
    HouseholdOption,
    Option,
    References,
    air_hp_reference,
    gas_avoided_eur_per_year,
    gas_reference_for,
    household_option,
)
from .results import ConceptResult
from .subsidies import (
    SubsidyInput,
    WisCheck,
    WisReason,
    household_finance,
    wis_check,
)

ZELFBEHEER_MAX = 10  # seed deck: zelfbeheer "meest haalbaar <= 10 deelnemers"
MAX_YEARS = 100


class BusinessCaseWarning(StrEnum):
    ACM_MAX_EXCEEDED = "acm_max_exceeded"  # the entity's tariff is above the ACM maximum
    LOAN_CAPPED = "loan_capped"  # a household needs more than the Warmtefonds maximum
    ZELFBEHEER_ABOVE_10 = "zelfbeheer_above_10"  # the seed deck: feasible up to 10 participants
    REFERENCES_ESTIMATED = "references_estimated"  # no reference runs passed: estimated


@dataclass(frozen=True)
class AcmCheck:
    """Where a cooperative or market party supplies heat: its tariff against the ACM maximum."""

    tariff_eur_per_year: Decimal  # per home incl. VAT
    max_eur_per_year: Decimal  # fixed + variable × GJ, incl. VAT
    heat_gj_per_home: float
    tariff_eur_per_gj: Decimal

    @property
    def exceeded(self) -> bool:
        return self.tariff_eur_per_year > self.max_eur_per_year


@dataclass(frozen=True)
class TariffProposal:
    """A pilot's proposed heat tariff against the ACM maximum and "niet meer dan anders" (NMDA).

    NMDA: the proposed tariff plus what the home still pays itself for heat (its own heat-pump
    electricity and upkeep) must not exceed what it stops paying when it leaves gas (gas incl.
    taxes, the gas standing charge, boiler upkeep and the boiler's annuity), all incl. VAT.
    """

    fixed_eur_per_year: Decimal  # incl. VAT
    eur_per_gj: Decimal  # incl. VAT
    heat_gj_per_home: float
    tariff_eur_per_year: Decimal  # fixed + GJ × variable
    own_heat_costs_eur_per_year: Decimal  # the home's own electricity and upkeep for heat
    acm_max_eur_per_year: Decimal
    nmda_eur_per_year: Decimal  # the gas reference without the electricity connection

    @property
    def within_acm(self) -> bool:
        return self.tariff_eur_per_year <= self.acm_max_eur_per_year

    @property
    def within_nmda(self) -> bool:
        return self.tariff_eur_per_year + self.own_heat_costs_eur_per_year <= self.nmda_eur_per_year


@dataclass(frozen=True)
class HouseholdComparison:
    network: HouseholdOption
    gas: HouseholdOption
    air_hp: HouseholdOption

    @property
    def network_vs_gas_eur_per_month(self) -> Decimal:
        """Positive: the network costs more per month than staying on gas."""
        return self.network.monthly_eur - self.gas.monthly_eur

    @property
    def network_vs_air_hp_eur_per_month(self) -> Decimal:
        return self.network.monthly_eur - self.air_hp.monthly_eur


@dataclass(frozen=True)
class BusinessCase:
    concept: Concept
    model: OrgModel
    participants: int
    lifetime_years: int
    discount_rate: float
    investment_lines: tuple[InvestmentLine, ...]
    cash_flows: tuple[CashFlowRow, ...]  # years 0 … lifetime
    npv_eur: Decimal
    irr: float | None  # None without a sign change
    simple_payback_years: float | None  # None: not within the lifetime
    discounted_payback_years: float | None
    lcoh_eur_per_gj: Decimal  # incl. VAT borne by households, after subsidies
    investment_eur: Decimal  # year 0, incl. non-deductible VAT
    subsidies_eur: Decimal  # ISDE (owner-occupied homes) + WIS
    isde_per_home_eur: Decimal  # per owner-occupied home
    owner_occupied_homes: int  # of the participants; the others are rented
    isde_homes: int  # participants that receive ISDE: owner-occupiers, when ISDE applies
    isde_eur: Decimal  # isde_homes × isde_per_home_eur
    wis: WisCheck
    wis_eur: Decimal
    household_loans_eur: Decimal  # Warmtefonds, all homes
    bank_loan_eur: Decimal
    tariff_eur_per_home_per_year: Decimal | None  # entity models, incl. VAT
    household: HouseholdComparison
    acm: AcmCheck | None  # None: no heat supplier (zelfbeheer)
    proposal: TariffProposal | None  # None: the pilot entered no proposed tariff
    references: References
    warnings: tuple[BusinessCaseWarning, ...]
    frame: pd.DataFrame = field(compare=False, repr=False)  # the same table in floats

    @property
    def rented_homes(self) -> int:
        return self.participants - self.owner_occupied_homes

    @property
    def network_monthly_eur(self) -> Decimal:
        return self.household.network.monthly_eur

    @property
    def gas_monthly_eur(self) -> Decimal:
        return self.household.gas.monthly_eur

    @property
    def air_hp_monthly_eur(self) -> Decimal:
        return self.household.air_hp.monthly_eur

    @property
    def cheaper_than_gas(self) -> bool:
        return self.network_monthly_eur <= self.gas_monthly_eur


def run(
    concept_result: ConceptResult,
    financing: FinancingInput,
    prices: PricesParams,
    subsidies: SubsidyInput,
    participants: int,
    lifetime_years: int = 30,
    *,
    references: References | None = None,
) -> BusinessCase:
    """The business case of `concept_result` for `participants` homes under one financing model.

    `concept_result` is normally run for exactly the participating homes. With another number,
    the per-home cost lines (in-home, connection, insulation) and the heat-pump energy scale with
    it and the shared lines stay: a quick estimate; re-run the engine for exact sizing.
    `references`: pass `references_for(households, site, assumptions)`; without it they are
    estimated from the concept and the result carries `REFERENCES_ESTIMATED`.
    """
    cr, f, n, years = concept_result, financing, int(participants), int(lifetime_years)
    if n < 1:
        raise ValueError(f"participants={participants}: at least 1")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"lifetime_years={lifetime_years}: expected 1–{MAX_YEARS}")
    if CATALOGUE[cr.concept].is_reference:
        raise ValueError(
            f"{cr.concept}: a reference, not a collective concept; every business case compares "
            "the network with the gas and air-water references (BusinessCase.household)"
        )
    refs = references if references is not None else References.estimate(cr)

    wis = wis_check(n, subsidies.buildings, renewable_share(cr), subsidies)
    fl = flows(cr, f, prices, subsidies, n, years, refs, 0.0)
    wis_eur = 0.0
    if wis.eligible:
        # WIS covers the unprofitable gap: the grant that brings NPV to zero. An entity's tariff
        # falls with the grant, and the VAT on it too: dNPV/dW = 1 + VAT on the tariff. It pays
        # for the network, so never more than the shared investment (nor the € 20 mln cap).
        gap = -npv(f.discount_rate, fl.project) / (1 + fl.tariff_vat)
        wis_eur = min(max(gap, 0.0), subsidies.params.wis_max_eur, fl.shared_capex)
        if wis_eur > 0:
            fl = flows(cr, f, prices, subsidies, n, years, refs, wis_eur)
        else:
            wis = WisCheck(
                True, (WisReason.NO_UNPROFITABLE_GAP,), n, wis.buildings, wis.renewable_share
            )
    project = fl.project
    h = fl.household

    fin = household_finance(
        h.own_investment + h.contribution - h.isde, subsidies, f.household_discount_rate
    )
    # A rented home gets no ISDE: its up-front amount is the whole share (paid by the landlord,
    # financed in this line like the owners' loans; a landlord's own financing is not modelled).
    isde_homes = subsidies.isde_homes(n) if h.isde > 0 else 0
    fin_rented = household_finance(
        h.own_investment + h.contribution, subsidies, f.household_discount_rate
    )
    household_loans = isde_homes * fin.loan_eur + (n - isde_homes) * fin_rented.loan_eur
    entity_need = fl.shared_capex - wis_eur - n * h.contribution
    bank = f.bank_loan_share * max(entity_need, 0.0) if f.has_entity and f.bank_loan else 0.0
    loans = (
        monthly_loan_schedule(household_loans, fin.loan_rate, fin.term_years, years),
        loan_schedule(bank, f.bank_loan_rate, f.bank_loan_term_years, years),
    )
    drawdown = np.r_[household_loans + bank, np.zeros(years)]
    interest = -sum(ln.interest for ln in loans)
    repayment = -sum(ln.repayment for ln in loans)
    df = discount_factors(f.discount_rate, years)
    frame = pd.DataFrame(
        {
            **fl.columns,
            "project_eur": project,
            "contributions_eur": np.r_[
                n * h.contribution if f.has_entity else 0.0, np.zeros(years)
            ],
            "loan_drawdown_eur": drawdown,
            "loan_interest_eur": interest,
            "loan_repayment_eur": repayment,
            "net_eur": project + drawdown + interest + repayment,
            "cumulative_project_eur": np.cumsum(project),
            "discounted_project_eur": project * df,
            **fl.components,
        },
        index=pd.RangeIndex(years + 1, name="year"),
    )

    t, vat_t = fl.tariff, 1 + fl.tariff_vat
    network = household_option(
        Option.NETWORK,
        investment_eur=h.own_investment + h.contribution,
        isde_eur=h.isde,
        finance=fin,
        tariff_capital_eur_per_year=t.capital * vat_t if t else 0.0,
        energy_eur_per_year=h.home_energy + (t.energy * vat_t if t else h.shared_energy),
        om_eur_per_year=h.home_om + (t.om * vat_t if t else h.shared_om),
        fixed_eur_per_year=t.fee * vat_t if t else h.fee,
        connection_eur_per_year=prices.electricity_connection_eur_per_year(),
        replacements_in_window_eur=h.replacements_in_window,
    )
    comparison = HouseholdComparison(
        network=network,
        gas=gas_reference_for(refs, prices, f.household_discount_rate),
        air_hp=air_hp_reference(refs, prices, subsidies, f.household_discount_rate),
    )

    acm = None
    if t is not None:
        gj = cr.demand.heat_demand_gj / cr.homes
        acm = AcmCheck(
            tariff_eur_per_year=eur(t.total * vat_t),
            max_eur_per_year=eur(prices.acm_max_eur_per_year(gj)),
            heat_gj_per_home=gj,
            tariff_eur_per_gj=eur(t.total * vat_t / gj) if gj > 0 else Decimal(0),
        )

    proposal = None
    if prices.proposed_heat_fixed_eur_per_year > 0 or prices.proposed_heat_eur_per_gj > 0:
        gj = cr.demand.heat_demand_gj / cr.homes
        proposal = TariffProposal(
            fixed_eur_per_year=eur(prices.proposed_heat_fixed_eur_per_year),
            eur_per_gj=eur(prices.proposed_heat_eur_per_gj),
            heat_gj_per_home=gj,
            tariff_eur_per_year=eur(
                prices.proposed_heat_fixed_eur_per_year + prices.proposed_heat_eur_per_gj * gj
            ),
            own_heat_costs_eur_per_year=eur(h.home_energy + h.home_om),
            acm_max_eur_per_year=eur(prices.acm_max_eur_per_year(gj)),
            nmda_eur_per_year=eur(
                gas_avoided_eur_per_year(refs, prices, f.household_discount_rate)
            ),
        )

    # Levelised cost of heat: every flow but the avoided gas, per GJ delivered, both discounted.
    costs = fl.columns["avoided_gas_eur"] - project
    pv_heat = cr.demand.heat_demand_gj / cr.homes * n * float(df[1:].sum())
    warnings = [
        code
        for hit, code in (
            (acm is not None and acm.exceeded, BusinessCaseWarning.ACM_MAX_EXCEEDED),
            (
                fin.loan_eur >= subsidies.params.warmtefonds_max_eur and fin.own_funds_eur >= 0.005,
                BusinessCaseWarning.LOAN_CAPPED,
            ),
            (
                f.model is OrgModel.ZELFBEHEER and n > ZELFBEHEER_MAX,
                BusinessCaseWarning.ZELFBEHEER_ABOVE_10,
            ),
            (refs.estimated, BusinessCaseWarning.REFERENCES_ESTIMATED),
        )
        if hit
    ]
    return BusinessCase(
        concept=cr.concept,
        model=f.model,
        participants=n,
        lifetime_years=years,
        discount_rate=f.discount_rate,
        investment_lines=investment_lines(cr, n, f, prices.vat_rate),
        cash_flows=rows(frame),
        npv_eur=eur(npv(f.discount_rate, project)),
        irr=irr(project),
        simple_payback_years=payback_years(project),
        discounted_payback_years=payback_years(project * df),
        lcoh_eur_per_gj=eur(float(costs @ df) / pv_heat) if pv_heat > 0 else Decimal(0),
        investment_eur=eur(-fl.columns["investment_eur"][0]),
        subsidies_eur=eur(fl.columns["subsidies_eur"][0]),
        isde_per_home_eur=eur(h.isde),
        owner_occupied_homes=subsidies.owner_occupied_homes(n),
        isde_homes=isde_homes,
        isde_eur=eur(isde_homes * h.isde),
        wis=wis,
        wis_eur=eur(wis_eur),
        household_loans_eur=eur(household_loans),
        bank_loan_eur=eur(bank),
        tariff_eur_per_home_per_year=acm.tariff_eur_per_year if acm else None,
        household=comparison,
        acm=acm,
        proposal=proposal,
        references=refs,
        warnings=tuple(warnings),
        frame=frame,
    )


def compare_models(
    concept_result: ConceptResult,
    prices: PricesParams,
    subsidies: SubsidyInput,
    participants: int | None = None,
    lifetime_years: int = 30,
    *,
    references: References | None = None,
    params: FinancingParams | None = None,
) -> tuple[BusinessCase, ...]:
    """The same concept under zelfbeheer, coöperatie and marktpartij (`OrgModel` order), each
    with `default_financing(model, params)`."""
    n = concept_result.homes if participants is None else participants
    refs = references if references is not None else References.estimate(concept_result)
    return tuple(
        run(
            concept_result,
            default_financing(model, params),
            prices,
            subsidies,
            n,
            lifetime_years,
            references=refs,
        )
        for model in OrgModel
    )
