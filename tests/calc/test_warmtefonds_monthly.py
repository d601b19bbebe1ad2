"""Warmtefonds: a loan repaid monthly, at the nominal yearly rate / 12 (issue 15).

The reference is numpy-financial's `pmt` (an independent implementation), and the Warmtefonds'
own example: € 10,000 at 4.35 % over 10 years is € 102.92 a month, not annuity / 12 = € 104.54.
"""

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.finance import annuity, monthly_annuity, monthly_loan_schedule
from techniek.calc.subsidies import SubsidyInput, SubsidyParams, household_finance

# principal, yearly rate, years, monthly payment worked out by hand:
#   i = r / 12; payment = P × i / (1 − (1 + i)^−12n)
CASES = [
    (10_000, 0.0435, 10, 102.92),  # the Warmtefonds example (i = 0.003625, (1+i)^120 = 1.5437)
    (27_000, 0.0435, 15, 204.48),  # the maximum over the default term: (1+i)^180 = 1.91806
    (10_000, 0.0, 10, 83.33),  # 0 % below the income limit: 10,000 / 120
    (5_000, 0.0435, 7, 69.15),  # (1+i)^84 = 1.35520
]


@pytest.mark.parametrize(("principal", "rate", "years", "by_hand"), CASES)
def test_monthly_payment_by_hand_and_against_numpy_financial(principal, rate, years, by_hand):
    payment = monthly_annuity(principal, rate, years)
    assert payment == pytest.approx(by_hand, abs=0.005)
    assert payment == pytest.approx(-npf.pmt(rate / 12, years * 12, principal), rel=1e-12)


def test_monthly_payment_is_not_the_yearly_annuity_over_twelve():
    assert annuity(10_000, 0.0435, 10) / 12 == pytest.approx(104.54, abs=0.005)
    assert monthly_annuity(10_000, 0.0435, 10) < annuity(10_000, 0.0435, 10) / 12 - 1.5


def test_household_finance_pays_the_monthly_annuity():
    ten_years = SubsidyInput(params=SubsidyParams(warmtefonds_term_years=10))
    f = household_finance(10_000, ten_years, household_rate=0.03)
    assert f.loan_payment_eur_per_month == pytest.approx(102.92, abs=0.005)
    assert f.loan_payment_eur_per_year == pytest.approx(12 * 102.9167, abs=0.01)


@given(
    st.floats(1_000, 27_000),
    st.sampled_from([0.0, 0.0435, 0.08]),
    st.integers(1, 20),
    st.integers(1, 30),
)
def test_yearly_schedule_adds_up_the_monthly_payments(principal, rate, term, horizon):
    s = monthly_loan_schedule(principal, rate, term, horizon)
    payment = monthly_annuity(principal, rate, term)
    paid_years = min(term, horizon)
    assert s.payment[1:paid_years] == pytest.approx([12 * payment] * (paid_years - 1), rel=1e-9)
    assert s.payment[0] == 0
    if horizon >= term:
        assert s.repayment.sum() == pytest.approx(principal, rel=1e-9)
        # Interest by numpy-financial, month by month.
        months = range(1, term * 12 + 1)
        ipmt = -sum(npf.ipmt(rate / 12, m, term * 12, principal) for m in months)
        assert s.interest.sum() == pytest.approx(ipmt, rel=1e-9, abs=1e-6)
