"""business_case.run and compare_models: cash flows by hand, the three organisation models,
WIS and the ACM maximum, and what a household in an 18-home bodemlus-cluster street pays."""

import statistics
import time
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techniek.calc import (
    CATALOGUE,
    Concept,
    HouseholdInput,
    SiteInput,
    compare_concepts,
    run_concept,
)
from techniek.calc.business_case import (
    BusinessCaseWarning,
    compare_models,
    run,
)
from techniek.calc.cash_flow import Owner
from techniek.calc.costs import Component, CostBreakdown, CostCategory, CostLine
from techniek.calc.finance import annuity, monthly_annuity  # noqa: E402
from techniek.calc.financing import FinancingInput, Investor, OrgModel, default_financing
from techniek.calc.prices import PricesParams
from techniek.calc.references import References, references_for
from techniek.calc.subsidies import SubsidyInput, SubsidyParams, WisReason

PRICES = PricesParams()
STREET = [HouseholdInput(gas_m3_per_year=1350)] * 18  # CBS mid-terrace, 1975–1991 (label D)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def street():
    cr = run_concept(STREET, SiteInput(), Concept.BODEMLUS_CLUSTER)
    return cr, references_for(STREET, SiteInput())


def _three_homes_five_years():
    """Three homes, two cost lines, no VAT, so every number can be checked on paper."""
    cr = run_concept(
        [HouseholdInput(gas_m3_per_year=1350)] * 3, SiteInput(), Concept.BODEMLUS_CLUSTER
    )
    costs = CostBreakdown(
        3,
        (
            CostLine(
                Component.WATER_HEAT_PUMPS, CostCategory.IN_HOME, Decimal(30000), Decimal(300), 4
            ),
            CostLine(Component.BOREHOLES, CostCategory.SOURCE, Decimal(12000), Decimal(60), 10),
        ),
    )
    e = cr.energy
    energy = replace(
        e,
        balance=replace(e.balance, heat_pump_electricity_kwh=3000.0),
        pumping_electricity_kwh=300.0,
        electricity_kwh=3300.0,
        gas_m3=0.0,
    )
    refs = References(
        gas_m3_per_home=1000.0,
        boiler_eur=Decimal(2000),
        boiler_om_eur_per_year=Decimal(100),
        boiler_lifetime_years=10,
        air_hp_eur=Decimal(8000),
        air_hp_insulation_eur=Decimal(0),
        air_hp_om_eur_per_year=Decimal(120),
        air_hp_lifetime_years=15,
        air_hp_electricity_kwh=2500.0,
    )
    prices = PricesParams(
        gas_supply_eur_per_m3=0.40,
        gas_tax_eur_per_m3=0.60,
        electricity_supply_eur_per_kwh=0.20,
        electricity_tax_eur_per_kwh=0.05,
        tax_credit_eur_per_year=0,
        vat_rate=0,
        gas_standing_charge_eur_per_year=200,
        electricity_standing_charge_eur_per_year=0,
    )
    financing = FinancingInput(
        model=OrgModel.ZELFBEHEER,
        investor=Investor.HOUSEHOLDS,
        discount_rate=0.05,
        household_discount_rate=0.05,
        entity_deducts_vat=False,
        entity_owns_in_home=False,
        contribution_eur_per_home=Decimal(0),
        fee_eur_per_home_per_year=Decimal(0),
    )
    cr = replace(cr, costs=costs, energy=energy)
    return cr, financing, prices, refs


def test_cash_flows_of_three_homes_over_five_years_by_hand():
    """Zelfbeheer, no VAT, 5 % discount rate, Warmtefonds at 0 % (income below the limit).
    Heat pumps € 30,000 (3 homes, upkeep 300/yr, 4 years); boreholes € 12,000 (60/yr, 10 years).
    Year 0: investment −42,000; ISDE 3 × 4,500 (own water heat pump; ≤ its 10,000 + the
      4,000 share of the boreholes) = 13,500; project −28,500. Each home borrows
      10,000 + 4,000 − 4,500 = 9,500: drawdown 28,500; net 0.
    Years 1–5: avoided gas per home 1,000 m³ × € 1.00 + standing 200 + upkeep 100
      + annuity(2,000, 5 %, 10) 259.01 = 1,559.01; × 3 = 4,677.03.
      Electricity (3,000 + 300 kWh) × € 0.25 = −825; upkeep −360 → project 3,492.03.
      Repayment 28,500 / 15 = −1,900 a year at 0 % → net 1,592.03.
    Year 4: the heat pumps again, −30,000 → project −26,507.97.
    Year 5: residual value: heat pumps bought in year 4, 3 of 4 years left: 22,500; boreholes 5 of
      10 left: 6,000 → project 3,492.03 + 28,500 = 31,992.03.
    NPV at 5 %: −28,500 + 3,492.03 × (0.952381 + 0.907029 + 0.863838) − 26,507.97 × 0.822702
      + 31,992.03 × 0.783526 = −28,500 + 9,509.65 − 21,808.17 + 25,066.59 = −15,731.93.
    LCOH: PV(costs) = 28,500 + 1,185 × 2.723248 + 31,185 × 0.822702 − 27,315 × 0.783526
      = 35,980.98; heat 80.870 GJ a year × 4.329477 = 350.127 GJ → € 102.77/GJ.
    Per home per month: loan 9,500 / 15 / 12 = 52.78; electricity 1,100 kWh × 0.25 / 12 = 22.92;
      upkeep 120 / 12 = 10.00; exact total 85.694 → 85.69, electricity rounded down to 22.91.
    Gas: annuity 259.01 / 12 = 21.58 (.584 rounded up to 21.59 by the largest remainders),
      gas 83.33, upkeep 8.33, standing 16.67: € 129.92.
    """
    cr, financing, prices, refs = _three_homes_five_years()
    bc = run(cr, financing, prices, SubsidyInput(income_below_limit=True), 3, 5, references=refs)
    rows = bc.cash_flows
    assert [r.year for r in rows] == [0, 1, 2, 3, 4, 5]
    assert rows[0].investment_eur == Decimal("-42000.00")
    assert rows[0].subsidies_eur == Decimal("13500.00")
    assert rows[0].project_eur == Decimal("-28500.00")
    assert rows[0].loan_drawdown_eur == Decimal("28500.00")
    assert rows[0].net_eur == Decimal("0.00")
    for r in rows[1:]:
        assert r.avoided_gas_eur == Decimal("4677.03")
        assert r.energy_eur == Decimal("-825.00")
        assert r.om_eur == Decimal("-360.00")
        assert r.loan_repayment_eur == Decimal("-1900.00")
        assert r.loan_interest_eur == Decimal("0.00")
    assert [r.project_eur for r in rows[1:]] == [
        Decimal("3492.03"),
        Decimal("3492.03"),
        Decimal("3492.03"),
        Decimal("-26507.97"),
        Decimal("31992.03"),
    ]
    assert rows[4].replacements_eur == Decimal("-30000.00")
    assert rows[5].residual_value_eur == Decimal("28500.00")
    assert rows[1].net_eur == Decimal("1592.03")
    assert rows[-1].cumulative_project_eur == Decimal("-12539.85")
    assert bc.npv_eur == Decimal("-15731.93")
    assert bc.simple_payback_years is None
    assert bc.lcoh_eur_per_gj == Decimal("102.77")
    net = bc.household.network
    assert net.loan_eur == Decimal("9500.00")
    assert net.monthly.capital_eur_per_month == Decimal("52.78")
    assert net.monthly.energy_eur_per_month == Decimal("22.91")
    assert net.monthly.om_eur_per_month == Decimal("10.00")
    assert net.monthly_eur == Decimal("85.69")
    assert bc.gas_monthly_eur == Decimal("129.92")
    assert bc.cheaper_than_gas


def test_rows_and_frame_are_the_same_numbers(street):
    cr, refs = street
    bc = run(
        cr, default_financing(OrgModel.COOPERATIE), PRICES, SubsidyInput(), 18, references=refs
    )
    assert len(bc.cash_flows) == len(bc.frame) == 31
    for row in bc.cash_flows:
        frame_row = bc.frame.loc[row.year]
        assert row.investment_eur == Decimal(str(round(frame_row["investment_eur"], 2))) + 0
        lines = (
            row.investment_eur + row.replacements_eur + row.residual_value_eur + row.subsidies_eur
            + row.avoided_gas_eur + row.energy_eur + row.om_eur + row.vat_on_tariff_eur
        )  # fmt: skip
        assert row.project_eur == lines
        loans = row.loan_drawdown_eur + row.loan_interest_eur + row.loan_repayment_eur
        assert row.net_eur == row.project_eur + loans
    components = [
        c for c in bc.frame.columns if c.startswith("investment_") and c != "investment_eur"
    ]
    assert bc.frame.loc[0, components].sum() == pytest.approx(bc.frame.loc[0, "investment_eur"])
    assert sum(ln.capex_eur for ln in bc.investment_lines) == bc.investment_eur
    assert bc.cash_flows[-1].cumulative_project_eur == sum(r.project_eur for r in bc.cash_flows)


def test_eighteen_home_bodemlus_cluster_street_per_model(street):
    """18 CBS mid-terraces (1,350 m³, label D → B), bodemlus cluster, 2026 prices, income above
    the Warmtefonds limit. Per home, excl. VAT: heat pump 6,612 + 3 × 826 = 9,090 (consumer
    price ÷ 1.21), insulation 13,800, cluster
    pipes 458.33, connection 2,000, boreholes and engineering from the sized fields.
    Zelfbeheer: capex × 1.21 − ISDE 4,500: Warmtefonds 27,000 (4.35 %, 15 yr, repaid monthly)
      + own money (3 %,
      15 yr); electricity kWh × 0.256036 / 18 / 12; upkeep × 1.21 / 18 / 12; connection −12.08.
    Gas for the same homes (1,296 m³ without cooking): € 199.74; own air-water pump € 209.15.
    """
    cr, refs = street
    zelf, coop, esco = compare_models(cr, PRICES, SubsidyInput(), references=refs)
    costs = cr.costs
    upfront = float(costs.capex_per_home_eur) * 1.21 - 4500
    by_hand = (
        12 * monthly_annuity(27000, 0.0435, 15) / 12
        + annuity(upfront - 27000, 0.03, 15) / 12
        + cr.energy.electricity_kwh * 0.256036 / 18 / 12
        + float(costs.om_eur_per_year) * 1.21 / 18 / 12
        - 12.08
    )
    assert float(zelf.network_monthly_eur) == pytest.approx(by_hand, abs=0.006)
    assert float(zelf.household.network.one_off_eur) == pytest.approx(upfront - 27000, abs=0.01)
    # The other two models, pinned (their arithmetic is checked in the tests below).
    assert coop.network_monthly_eur == Decimal("294.36")
    assert esco.network_monthly_eur == Decimal("373.11")
    for bc in (zelf, coop, esco):
        assert bc.gas_monthly_eur == Decimal("199.74")
        assert bc.air_hp_monthly_eur == Decimal("209.15")
        assert not bc.cheaper_than_gas
    assert zelf.npv_eur == Decimal("-95291.63")
    assert zelf.irr == pytest.approx(0.0189, abs=1e-4)
    # Below the income limit the Warmtefonds lends at 0 %: 27,000 / 15 = 1,800 a year.
    low = compare_models(cr, PRICES, SubsidyInput(income_below_limit=True), references=refs)
    saving = monthly_annuity(27000, 0.0435, 15) - 1800 / 12
    assert float(low[0].network_monthly_eur) == pytest.approx(by_hand - saving, abs=0.01)
    assert [bc.network_monthly_eur for bc in low[1:]] == [Decimal("243.51"), Decimal("339.41")]


def test_the_three_models_differ_as_the_seed_deck_describes(street):
    cr, refs = street
    zelf, coop, esco = compare_models(cr, PRICES, SubsidyInput(), references=refs)
    # Who invests, and at what return: residents 3 %, cooperative 5 %, market party 7 %.
    assert zelf.discount_rate < coop.discount_rate < esco.discount_rate
    assert zelf.npv_eur > coop.npv_eur > esco.npv_eur
    # Residents pay VAT on the shared part; an entity deducts it and charges it on its tariff.
    assert zelf.investment_eur > coop.investment_eur > esco.investment_eur
    assert all(r.vat_on_tariff_eur == 0 for r in zelf.cash_flows)
    assert coop.cash_flows[1].vat_on_tariff_eur < 0
    # The cooperative borrows from a bank; its members contribute € 2,000 each.
    assert coop.bank_loan_eur > 0
    assert zelf.bank_loan_eur == esco.bank_loan_eur == 0
    assert coop.cash_flows[0].contributions_eur == Decimal("36000.00")
    # The ESCO takes the investment away from the residents (it leases the heat pumps) ...
    assert esco.household.network.investment_eur < coop.household.network.investment_eur
    owners = {ln.component: ln.owner for ln in esco.investment_lines}
    assert owners[Component.WATER_HEAT_PUMPS] is Owner.SHARED
    assert owners[Component.INSULATION] is Owner.HOUSEHOLD
    # ... at higher monthly costs ("hogere lasten bewoners?") and a service fee.
    assert esco.network_monthly_eur > coop.network_monthly_eur
    fixed = [bc.household.network.monthly.fixed_eur_per_month for bc in (zelf, coop, esco)]
    assert fixed[0] == 0 < fixed[1] < fixed[2]
    # Only an entity supplies heat under a tariff; zelfbeheer is flagged above 10 homes.
    assert zelf.acm is None
    assert coop.acm is not None
    assert BusinessCaseWarning.ZELFBEHEER_ABOVE_10 in zelf.warnings
    assert BusinessCaseWarning.ZELFBEHEER_ABOVE_10 not in coop.warnings


def test_acm_warning_when_the_entity_tariff_exceeds_the_maximum(street):
    """ACM 2026 for 26.96 GJ a home: 828 + 40.97 × 26.957 = € 1,932.42. The ESCO's tariff,
    heat pumps included, is € 2,684.74; the cooperative's (source and pipes only) € 802.36."""
    cr, refs = street
    _, coop, esco = compare_models(cr, PRICES, SubsidyInput(), references=refs)
    assert esco.acm.max_eur_per_year == Decimal("1932.42")
    assert esco.acm.exceeded
    assert BusinessCaseWarning.ACM_MAX_EXCEEDED in esco.warnings
    assert not coop.acm.exceeded
    assert BusinessCaseWarning.ACM_MAX_EXCEEDED not in coop.warnings
    assert coop.tariff_eur_per_home_per_year == Decimal("802.36")
    lenient = replace(PRICES, acm_max_heat_eur_per_gj=100.0)
    _, _, esco_lenient = compare_models(cr, lenient, SubsidyInput(), references=refs)
    assert BusinessCaseWarning.ACM_MAX_EXCEEDED not in esco_lenient.warnings


def test_wis_is_not_granted_to_a_mini_network(street):
    cr, refs = street
    bc = run(
        cr, default_financing(OrgModel.COOPERATIE), PRICES, SubsidyInput(), 18, references=refs
    )
    assert not bc.wis.eligible
    assert bc.wis.reasons == (WisReason.TOO_FEW_CONNECTIONS,)
    assert bc.wis_eur == 0


def test_wis_closes_the_unprofitable_gap_of_a_large_network_up_to_its_maximum():
    """300 homes on a collective MT air heat pump, cooperative: the grant that brings NPV to 0."""
    homes = [HouseholdInput(gas_m3_per_year=1350)] * 300
    cr = run_concept(homes, SiteInput(), Concept.COLLECTIVE_MT_AIR_HP)
    refs = references_for(homes, SiteInput())
    coop = default_financing(OrgModel.COOPERATIE)
    off = run(cr, coop, PRICES, SubsidyInput(wis=False), 300, references=refs)
    assert off.npv_eur < 0
    assert off.wis_eur == 0
    on = run(cr, coop, PRICES, SubsidyInput(), 300, references=refs)
    assert on.wis.eligible
    assert on.wis.reasons == ()
    assert on.wis_eur > 0
    assert abs(on.npv_eur) <= Decimal("0.01")  # the grant fills the gap exactly
    assert on.network_monthly_eur < off.network_monthly_eur
    capped = SubsidyInput(params=SubsidyParams(wis_max_eur=100_000))
    at_cap = run(cr, coop, PRICES, capped, 300, references=refs)
    assert at_cap.wis_eur == Decimal("100000.00")
    assert off.npv_eur < at_cap.npv_eur < 0
    few_buildings = run(cr, coop, PRICES, SubsidyInput(buildings=4), 300, references=refs)
    assert few_buildings.wis.reasons == (WisReason.TOO_FEW_BUILDINGS,)


def test_wis_pays_for_the_network_not_for_the_homes_own_heat_pumps():
    """ZLT with 300 homes: the gap is larger than the shared investment (the homes' own heat
    pumps and insulation are most of it), so WIS stops at the shared investment."""
    homes = [HouseholdInput(gas_m3_per_year=1350)] * 300
    cr = run_concept(homes, SiteInput(), Concept.ZLT_NETWORK)
    bc = run(cr, default_financing(OrgModel.COOPERATIE), PRICES, SubsidyInput(), 300)
    shared = sum(ln.capex_eur for ln in bc.investment_lines if ln.owner is Owner.SHARED)
    assert bc.wis_eur == shared
    assert bc.npv_eur < 0


def test_estimated_references_are_flagged_and_use_the_same_gas(street):
    cr, refs = street
    bc = run(cr, default_financing(OrgModel.COOPERATIE), PRICES, SubsidyInput(), 18)
    assert BusinessCaseWarning.REFERENCES_ESTIMATED in bc.warnings
    assert bc.references.gas_m3_per_home == pytest.approx(refs.gas_m3_per_home)
    assert bc.gas_monthly_eur == Decimal("199.74")


def test_other_participant_numbers_scale_the_per_home_lines_only(street):
    cr, refs = street
    f = default_financing(OrgModel.COOPERATIE)
    half = run(cr, f, PRICES, SubsidyInput(), 9, references=refs)
    lines = {ln.component: ln.capex_excl_vat_eur for ln in half.investment_lines}
    assert lines[Component.WATER_HEAT_PUMPS] == Decimal("81810.00")  # 163,620 × 9 / 18
    boreholes = next(ln for ln in cr.costs.lines if ln.component is Component.BOREHOLES)
    assert lines[Component.BOREHOLES] == boreholes.capex_eur  # shared: unchanged
    full = run(cr, f, PRICES, SubsidyInput(), 18, references=refs)
    assert half.network_monthly_eur > full.network_monthly_eur
    with pytest.raises(ValueError, match="participants"):
        run(cr, f, PRICES, SubsidyInput(), 0, references=refs)


def test_references_are_not_business_cases_of_their_own():
    gas = run_concept(STREET, SiteInput(), Concept.GAS_BOILER)
    with pytest.raises(ValueError, match="reference"):
        run(gas, default_financing(OrgModel.ZELFBEHEER), PRICES, SubsidyInput(), 18)


def test_every_collective_concept_gives_finite_results_under_every_model():
    homes = [HouseholdInput(gas_m3_per_year=1350)] * 20
    site = SiteInput(surface_water=True, aquifer_suitable=True, waste_heat_kw=2000)
    refs = references_for(homes, site)
    comparison = compare_concepts(homes, site, include_out_of_scale=True)
    for cr in comparison.results:
        if CATALOGUE[cr.concept].is_reference:
            continue
        for bc in compare_models(cr, PRICES, SubsidyInput(), references=refs):
            assert np.isfinite(bc.frame.to_numpy()).all(), (cr.concept, bc.model)
            assert bc.household.network.monthly_eur > 0
            assert bc.investment_eur > 0


@SLOW
@given(
    st.sampled_from(OrgModel),
    st.floats(0.1, 2.0),
    st.floats(0.0, 0.6),
    st.floats(0.0, 0.3),
    st.booleans(),
    st.booleans(),
    st.integers(5, 30),
)
def test_network_shares_add_up_to_the_total_within_a_cent(
    street, model, gas, el, vat, low_income, isde, homes
):
    cr, refs = street
    prices = replace(
        PRICES, gas_supply_eur_per_m3=gas, electricity_supply_eur_per_kwh=el, vat_rate=vat
    )
    s = SubsidyInput(isde=isde, income_below_limit=low_income)
    bc = run(cr, default_financing(model), prices, s, homes, references=refs)
    for option in (bc.household.network, bc.household.gas, bc.household.air_hp):
        m = option.monthly
        shares = (
            m.capital_eur_per_month + m.energy_eur_per_month + m.om_eur_per_month
            + m.fixed_eur_per_month + m.electricity_connection_eur_per_month
        )  # fmt: skip
        assert shares == option.monthly_eur
        assert abs(option.monthly_eur - option.year1_eur / 12) <= Decimal("0.01")
    assert np.isfinite(bc.frame.to_numpy()).all()


def test_business_case_for_1500_homes_takes_under_a_tenth_of_a_second():
    """The budget (architecture, performance budgets): business_case.run for 1,500 homes < 0.1 s."""
    homes = [HouseholdInput(gas_m3_per_year=1350)] * 1500
    cr = run_concept(homes, SiteInput(), Concept.ZLT_NETWORK)
    refs = references_for(homes, SiteInput())
    f = default_financing(OrgModel.COOPERATIE)
    run(cr, f, PRICES, SubsidyInput(), 1500, references=refs)  # warm up
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        run(cr, f, PRICES, SubsidyInput(), 1500, references=refs)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.1
