"""Discounting arithmetic: NPV, IRR, annuities, loans and payback against closed forms."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.finance import (
    annuity,
    annuity_factor,
    irr,
    loan_schedule,
    npv,
    payback_years,
)


def test_npv_of_a_simple_cash_flow_by_hand():
    """−1,000 now, then 300, 400, 500 at 5 %:
    300 / 1.05 = 285.7143; 400 / 1.1025 = 362.8118; 500 / 1.157625 = 431.9188;
    sum 1,080.4449 − 1,000 = 80.4449."""
    assert npv(0.05, np.array([-1000, 300, 400, 500])) == pytest.approx(80.4449, abs=1e-4)


def test_annuity_by_hand():
    """€ 10,000 over 10 years at the Warmtefonds rate of 4.35 %:
    1.0435^10 = 1.530821; 1 − 1/1.530821 = 0.346756; 0.0435 / 0.346756 = 0.125448
    → € 1,254.48 a year. At 0 %: € 1,000 a year."""
    assert annuity(10_000, 0.0435, 10) == pytest.approx(1254.48, abs=0.01)
    assert annuity(10_000, 0.0, 10) == pytest.approx(1000.0)
    assert annuity(10_000, 0.05, 0) == 0.0


def test_irr_is_none_without_a_sign_change():
    assert irr(np.array([-100.0, -10.0, -5.0])) is None
    assert irr(np.array([100.0, 10.0])) is None
    assert irr(np.zeros(5)) is None


def test_irr_of_a_loan_is_its_rate():
    """Lending P and receiving the annuity A(P, r, n) back has IRR r."""
    flows = np.r_[-10_000.0, np.full(15, annuity(10_000, 0.0435, 15))]
    assert irr(flows) == pytest.approx(0.0435, abs=1e-8)


def test_loan_schedule_repays_the_principal_and_charges_interest_by_hand():
    """€ 1,000 at 10 % over 2 years: A = 1,000 × 0.1 / (1 − 1.1^−2) = 576.19.
    Year 1: interest 100.00, repayment 476.19; year 2: interest 52.38, repayment 523.81."""
    s = loan_schedule(1000, 0.10, 2, horizon=5)
    assert s.interest[:3] == pytest.approx([0, 100.0, 52.381], abs=1e-3)
    assert s.repayment[:3] == pytest.approx([0, 476.190, 523.810], abs=1e-3)
    assert s.repayment.sum() == pytest.approx(1000)
    assert s.payment[1] == pytest.approx(s.payment[2])
    assert s.payment[3:].sum() == 0


def test_payback_interpolates_within_the_year():
    """−1,000 then 400 a year: cumulative −600, −200, +200 → paid back after 2.5 years."""
    assert payback_years(np.array([-1000, 400, 400, 400])) == pytest.approx(2.5)
    assert payback_years(np.array([-1000, 100, 100])) is None
    assert payback_years(np.array([0, 100])) == 0.0


conventional = st.tuples(
    st.floats(100, 1e6),
    st.lists(st.floats(0, 1e5), min_size=1, max_size=40),
)


@given(conventional, st.floats(-0.5, 0.5), st.floats(0.0, 0.5))
def test_npv_decreases_with_the_discount_rate_for_a_conventional_investment(flows, rate, step):
    investment, returns = flows
    cash = np.r_[-investment, returns]
    assert npv(rate + step, cash) <= npv(rate, cash) + 1e-6 * investment


@given(conventional)
def test_npv_is_zero_at_the_irr(flows):
    investment, returns = flows
    cash = np.r_[-investment, returns]
    rate = irr(cash)
    if sum(returns) == 0:
        assert rate is None
    elif rate is not None:
        assert abs(npv(rate, cash)) < 1e-4 * investment


@given(st.floats(1, 1e6), st.floats(0, 0.3), st.integers(1, 40))
def test_annuity_pays_back_the_principal_at_its_rate(principal, rate, years):
    assert annuity(principal, rate, years) * annuity_factor(rate, years) == pytest.approx(principal)
