"""Unit conversions (m³ ↔ kWh ↔ GJ) and the one way a float becomes money."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.money import eur
from techniek.calc.units import (
    KWH_PER_GJ,
    gas_m3_to_gj,
    gas_m3_to_kwh,
    gj_to_gas_m3,
    gj_to_kwh,
    kwh_to_gas_m3,
    kwh_to_gj,
)

LHV = 31.65  # MJ/m³, Infomil: 1 GJ ≈ 31.6 m³
amounts = st.floats(0, 1e9, allow_nan=False, allow_infinity=False)


def test_infomil_factor_31_6_m3_is_one_gj():
    """31.6 m³ × 31.65 MJ/m³ = 1,000.14 MJ ≈ 1 GJ; 1 GJ = 10⁹ J / 3.6·10⁶ J = 277.78 kWh."""
    assert gas_m3_to_gj(31.6, LHV) == pytest.approx(1.0, rel=2e-4)
    assert pytest.approx(277.7778, rel=1e-6) == KWH_PER_GJ
    assert gas_m3_to_kwh(1.0, LHV) == pytest.approx(8.7917, rel=1e-4)


@given(amounts)
def test_gj_kwh_round_trip(gj):
    assert kwh_to_gj(gj_to_kwh(gj)) == pytest.approx(gj, rel=1e-12, abs=1e-12)


@given(amounts, st.floats(30, 36))
def test_m3_gj_and_m3_kwh_round_trips(m3, lhv):
    assert gj_to_gas_m3(gas_m3_to_gj(m3, lhv), lhv) == pytest.approx(m3, rel=1e-12, abs=1e-12)
    assert kwh_to_gas_m3(gas_m3_to_kwh(m3, lhv), lhv) == pytest.approx(m3, rel=1e-12, abs=1e-12)
    via_gj = gj_to_kwh(gas_m3_to_gj(m3, lhv))
    assert via_gj == pytest.approx(gas_m3_to_kwh(m3, lhv), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0.005, "0.01"),  # half up, not banker's rounding
        (2.675, "2.68"),  # str() of the float, not its binary expansion 2.67499…
        (-0.005, "-0.01"),
        (Decimal("1.005"), "1.01"),
        (1234.5, "1234.50"),
    ],
)
def test_eur_rounds_half_up_to_cents(amount, expected):
    result = eur(amount)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)
    assert result.as_tuple().exponent == -2
