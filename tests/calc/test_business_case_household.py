"""Prices, subsidies and what a household pays: the gas and air-water references by hand."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc import HouseholdInput, SiteInput
from techniek.calc.costs import Component
from techniek.calc.prices import PricesParams
from techniek.calc.references import Option, air_hp_reference, gas_reference, references_for
from techniek.calc.subsidies import (
    SubsidyInput,
    WisReason,
    household_finance,
    isde_eur,
    wis_check,
)

PRICES = PricesParams()
STREET = [HouseholdInput(gas_m3_per_year=1350)] * 18  # CBS mid-terrace, 1975–1991


def test_2026_prices_all_in():
    """Gas (0.55 + 0.6007) × 1.21 = € 1.3923/m³ (domain: all-in about € 1.35–1.45);
    electricity (0.12 + 0.0916) × 1.21 = € 0.2560/kWh (about € 0.25–0.30);
    electricity connection (400 − 519.80) × 1.21 = −€ 144.96 a year."""
    assert PRICES.gas_eur_per_m3() == pytest.approx(1.392347)
    assert PRICES.gas_eur_per_m3(vat=False) == pytest.approx(1.1507)
    assert PRICES.electricity_eur_per_kwh() == pytest.approx(0.256036)
    assert PRICES.electricity_connection_eur_per_year() == pytest.approx(-144.958)
    # ACM cap for 30 GJ: 828 + 40.97 × 30 = € 2,057.10 incl. VAT
    assert PRICES.acm_max_eur_per_year(30) == pytest.approx(2057.10)


def test_gas_reference_for_1350_m3_by_hand():
    """A CBS mid-terrace burning 1,350 m³ (all of it counted here), 2026 prices, per month:
    gas       1,350 × 1.392347 / 12                        = 156.639
    standing  250 × 1.21 / 12                              =  25.208
    boiler    annuity(2,500 × 1.21, 3 %, 15 yr) / 12
              = 3,025 × 0.0837666 / 12 = 253.394 / 12     =  21.116
    upkeep    150 × 1.21 / 12                              =  15.125
    electricity connection (400 − 519.80) × 1.21 / 12      = −12.080
    total                                                  = 206.0085 → € 206.01
    The shares add up to the total exactly: each is rounded down or up, the cents going to the
    largest remainders (gas .90, standing .83, boiler .62), so upkeep shows 15.12."""
    g = gas_reference(1350, PRICES)
    assert g.option is Option.GAS
    assert g.monthly_eur == Decimal("206.01")
    m = g.monthly
    assert m.energy_eur_per_month == Decimal("156.64")
    assert m.fixed_eur_per_month == Decimal("25.21")
    assert m.capital_eur_per_month == Decimal("21.12")
    assert m.om_eur_per_month == Decimal("15.12")
    assert m.electricity_connection_eur_per_month == Decimal("-12.08")
    assert g.year1_eur == Decimal("2472.10")
    assert g.total_15_years_eur == Decimal("37081.57")  # 15 × 2,472.1045
    assert g.one_off_eur == g.loan_eur == Decimal(0)


def test_air_water_reference_for_a_cbs_street_by_hand():
    """The engine's air-water reference per home: heat pump € 4,959 + 3 kW × € 620 = € 6,819 (Milieu
    Centraal's consumer price ÷ 1.21) and insulation to label B € 13,800 (excl. VAT); 2,147.39 kWh.
    Investment (6,819 + 13,800) × 1.21 = 24,948.99; ISDE € 3,150 → 21,798.99 borrowed from the
    Warmtefonds at 4.35 % over 15 years, repaid monthly: i = 0.003625, (1 + i)^180 = 1.91806,
    × i / (1 − 1/1.91806) = 21,798.99 × 0.0075736 = 165.095 a month.
    Electricity 2,147.39 × 0.256036 / 12 = 45.817; upkeep 102.29 × 1.21 / 12 = 10.314;
    connection −12.08. Exact total 209.147 → € 209.15."""
    refs = references_for(STREET, SiteInput())
    a = air_hp_reference(refs, PRICES, SubsidyInput(), household_rate=0.03)
    assert a.investment_eur == Decimal("24948.99")
    assert a.isde_eur == Decimal("3150.00")
    assert a.loan_eur == Decimal("21798.99")
    assert a.one_off_eur == Decimal(0)
    assert a.monthly.capital_eur_per_month == Decimal("165.10")
    assert a.monthly.energy_eur_per_month == Decimal("45.82")
    assert a.monthly_eur == Decimal("209.15")


def test_cbs_street_references_leave_cooking_gas_out():
    """1,350 m³ less 4 % cooking = 1,296 m³ of heating and tap-water gas."""
    refs = references_for(STREET, SiteInput())
    assert refs.gas_m3_per_home == pytest.approx(1296.0)
    assert gas_reference(refs.gas_m3_per_home, PRICES).monthly_eur == Decimal("199.74")


@given(
    st.floats(200, 5000),
    st.floats(0.05, 2.5),
    st.floats(0.0, 0.5),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.3),
)
def test_a_higher_gas_price_never_lowers_the_gas_reference(m3, supply, extra, tax, vat):
    low = replace(PRICES, gas_supply_eur_per_m3=supply, gas_tax_eur_per_m3=tax, vat_rate=vat)
    high = replace(low, gas_supply_eur_per_m3=supply + extra)
    assert gas_reference(m3, high).monthly_eur >= gas_reference(m3, low).monthly_eur


@given(
    st.floats(0, 8000),
    st.floats(0.05, 3.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.3),
    st.floats(0, 1500),
    st.floats(0, 1500),
)
def test_monthly_shares_add_up_to_the_total_within_a_cent(m3, gas, el, vat, standing, credit):
    p = replace(
        PRICES,
        gas_supply_eur_per_m3=gas,
        electricity_supply_eur_per_kwh=el,
        vat_rate=vat,
        electricity_standing_charge_eur_per_year=standing,
        tax_credit_eur_per_year=credit,
    )
    g = gas_reference(m3, p)
    m = g.monthly
    shares = (
        m.capital_eur_per_month
        + m.energy_eur_per_month
        + m.om_eur_per_month
        + m.fixed_eur_per_month
        + m.electricity_connection_eur_per_month
    )
    assert shares == m.total_eur_per_month
    assert abs(m.total_eur_per_month - g.year1_eur / 12) <= Decimal("0.01")


# --- Subsidies -----------------------------------------------------------------------------------


def test_isde_follows_what_the_household_buys():
    s = SubsidyInput()
    assert isde_eur(Component.AIR_HEAT_PUMPS, False, s) == 3150
    assert isde_eur(Component.WATER_HEAT_PUMPS, True, s) == 4500  # own pump on a source network
    assert isde_eur(None, True, s) == 3325  # heat-network connection, no pump of its own
    assert isde_eur(None, False, s) == 0
    assert isde_eur(Component.AIR_HEAT_PUMPS, False, replace(s, isde=False)) == 0


def test_wis_needs_250_connections_in_5_buildings_and_renewable_heat():
    s = SubsidyInput()
    assert wis_check(250, 5, 0.7, s).eligible
    assert wis_check(249, 5, 0.7, s).reasons == (WisReason.TOO_FEW_CONNECTIONS,)
    assert wis_check(300, 4, 0.7, s).reasons == (WisReason.TOO_FEW_BUILDINGS,)
    assert wis_check(300, None, 0.4, s).reasons == (WisReason.TOO_LITTLE_RENEWABLE,)
    assert wis_check(300, None, 0.7, s).buildings == 300  # one building per home by default
    off = wis_check(18, None, 0.7, replace(s, wis=False))
    assert not off.eligible
    assert off.reasons == (WisReason.SWITCHED_OFF, WisReason.TOO_FEW_CONNECTIONS)


def test_warmtefonds_lends_1000_to_27000_at_0_or_4_35_percent():
    """€ 38,053 needed: € 27,000 borrowed, € 11,053 own money. Own money is spread over the same
    15 years at 3 %: 11,053 × 0.0837666 = 925.88 a year; the loan at 4.35 % repaid monthly:
    27,000 × 0.0075736 = 204.48 a month, 2,453.81 a year (a yearly annuity would be 2,488.21)."""
    above = household_finance(38_053, SubsidyInput(), household_rate=0.03)
    assert above.loan_eur == 27_000
    assert above.own_funds_eur == pytest.approx(11_053)
    assert above.loan_payment_eur_per_year == pytest.approx(2453.81, abs=0.01)
    assert above.own_funds_eur_per_year == pytest.approx(925.88, abs=0.01)
    below = household_finance(38_053, SubsidyInput(income_below_limit=True), 0.03)
    assert below.loan_rate == 0
    assert below.loan_payment_eur_per_year == pytest.approx(1800.0)  # 27,000 / 15
    assert household_finance(900, SubsidyInput(), 0.03).loan_eur == 0  # below the minimum
    off = household_finance(5000, SubsidyInput(warmtefonds=False), 0.03)
    assert off.loan_eur == 0
    assert off.own_funds_eur == 5000
