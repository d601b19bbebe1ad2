"""The synthetic De Bilt reference year, hourly profiles, design peak and simultaneity."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.climate import (
    HOUR_MONTH,
    HOURS,
    MONTH_DAYS,
    ClimateParams,
    collective_peak_kw,
    hourly_heat_kw,
    monthly_normals_c,
    reference_year,
    simultaneity,
)
from techniek.calc.demand import DemandParams

YEAR = reference_year(ClimateParams())


def test_shipped_normals_are_de_bilt_1991_2020():
    """January 3.6, February 3.9, March 6.5 °C: KNMI normals 1991–2020 as quoted in 2023."""
    normals = monthly_normals_c()
    assert list(normals[:3]) == [3.6, 3.9, 6.5]
    assert normals.mean() == pytest.approx(10.5, abs=0.1)


def test_reference_year_keeps_every_monthly_normal():
    temp = YEAR.outdoor_temp_c
    assert temp.shape == (HOURS,)
    means = np.bincount(HOUR_MONTH, weights=temp) / (MONTH_DAYS * 24)
    assert means == pytest.approx(monthly_normals_c(), abs=1e-9)


def test_reference_year_is_the_same_on_every_run():
    reference_year.cache_clear()
    again = reference_year(ClimateParams())
    assert np.array_equal(again.outdoor_temp_c, YEAR.outdoor_temp_c)


def test_degree_days_match_a_normal_de_bilt_year():
    """CBS 80182NED: 2,884 degree days (base 18 °C) for De Bilt 1981–2010; 1991–2020 is about
    0.4 K warmer, so somewhat fewer. Domain §1.5: about 2,600–3,000 weighted degree days."""
    assert 2600 < YEAR.degree_days < 2884
    assert 2600 < YEAR.weighted_degree_days < 3000


def test_profiles_are_shares_that_sum_to_one():
    assert YEAR.space_heating_shape.sum() == pytest.approx(1.0)
    assert YEAR.tap_water_shape.sum() == pytest.approx(1.0)
    assert (YEAR.space_heating_shape >= 0).all()
    # No space heating in the warmest hours, tap water in every hour.
    assert YEAR.space_heating_shape[YEAR.outdoor_temp_c > 18].sum() == 0
    assert (YEAR.tap_water_shape > 0).all()


@given(st.floats(0, 1e8), st.floats(0, 1e8))
def test_hourly_profile_sums_to_the_annual_demand(space_heating_kwh, tap_water_kwh):
    hourly = hourly_heat_kw(space_heating_kwh, tap_water_kwh, YEAR)
    total = space_heating_kwh + tap_water_kwh
    assert hourly.sum() == pytest.approx(total, rel=1e-9, abs=1e-6)


@given(st.floats(1, 1e6), st.floats(1200, 2400))
def test_design_peak_is_at_least_the_peak_hour_and_the_average(space_heating_kwh, flh):
    """Design peak = annual space heating / full-load hours (VDI 4640 basis 1,800 h); the
    reference year never asks more in any hour, and the average is far below."""
    design = space_heating_kwh / flh
    hourly = hourly_heat_kw(space_heating_kwh, 0.0, YEAR)
    assert design >= hourly.max() >= hourly.mean()
    assert design >= space_heating_kwh / HOURS


def test_default_full_load_hours_sit_in_the_dutch_range():
    assert 1600 <= DemandParams().full_load_hours <= 2000


def test_simultaneity_hand_values():
    """f(n) = limit + (1 − limit)/√n.
    Space heating, limit 0.75: f(1) = 1, f(25) = 0.75 + 0.25/5 = 0.80 (domain: 0.7–0.85).
    Tap water, limit 0.10: f(25) = 0.10 + 0.90/5 = 0.28 (domain: 0.2–0.3 at 20–50 homes).
    Equal peaks: 0.75·100 + 0.25·√(25·4²) = 75 + 5 = 80 kW = f(25) × 25 × 4 kW.
    Clusters of 6 among 24 homes (groups = 4): 0.75·96 + 0.25·√(4·24·16) = 81.80 = f(6) × 96."""
    assert simultaneity(1, 0.75) == 1
    assert simultaneity(25, 0.75) == pytest.approx(0.80)
    assert simultaneity(25, 0.10) == pytest.approx(0.28)
    assert collective_peak_kw(np.full(25, 4.0), 0.75) == pytest.approx(80.0)
    assert collective_peak_kw(np.full(24, 4.0), 0.75, groups=4) == pytest.approx(
        simultaneity(6, 0.75) * 96
    )


@given(
    st.lists(st.floats(0, 200), min_size=1, max_size=40),
    st.floats(0, 200),
    st.floats(0, 1),
    st.floats(1, 10),
)
def test_collective_peak_never_falls_when_a_home_joins(peaks, extra, limit, groups):
    before = collective_peak_kw(np.array(peaks), limit, groups)
    after = collective_peak_kw(np.array([*peaks, extra]), limit, groups + 1 / 6)
    assert after >= before - 1e-9
    assert before <= sum(peaks) * max(groups, 1) ** 0.5 + 1e-9


def test_climate_params_reject_out_of_range_values():
    with pytest.raises(ValueError, match="ClimateParams.design_outdoor_temp_c"):
        ClimateParams(design_outdoor_temp_c=5)
