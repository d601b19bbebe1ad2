"""Heat demand per household: metered gas, building-type defaults and the insulation step."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.demand import DemandParams, household_demand, insulate
from techniek.calc.inputs import BuildingType, ConstructionPeriod, EnergyLabel, HouseholdInput

P = DemandParams()

households = st.builds(
    HouseholdInput,
    building_type=st.sampled_from(BuildingType),
    construction_period=st.sampled_from(ConstructionPeriod),
    floor_area_m2=st.none() | st.floats(30, 400),
    energy_label=st.none() | st.sampled_from(EnergyLabel),
    gas_m3_per_year=st.none() | st.floats(0, 5000),
)


def test_metered_gas_splits_into_heating_tap_water_and_cooking():
    """Mid-terrace with 1,350 m³ (CBS 81528NED).

    useful heat per m³ = 31.65 MJ/m³ / 3.6 MJ/kWh × 0.90 (Infomil LHV, HR-ketel) = 7.9125 kWh
    space heating = 1,350 × (1 − 0.22 − 0.04) × 7.9125 = 7,904.5875 kWh
    tap water     = 1,350 × 0.22 × 7.9125               = 2,350.0125 kWh
    cooking gas   = 1,350 × 0.04                        = 54 m³ (not supplied by any concept)
    """
    d = household_demand([HouseholdInput(gas_m3_per_year=1350)], P)
    assert P.useful_heat_kwh_per_m3() == pytest.approx(7.9125)
    assert d.space_heating_kwh[0] == pytest.approx(7904.5875)
    assert d.tap_water_kwh[0] == pytest.approx(2350.0125)
    assert d.cooking_gas_m3[0] == pytest.approx(54)
    assert not d.estimated[0]


def test_unmetered_home_uses_cbs_type_scaled_by_floor_area_and_label():
    """Detached, 1992–2005 (typical label C), 210 m², no meter reading.

    space heating = 2,380 m³ (CBS, vrijstaand) × 0.74 × 7.9125 × 210/165 m² × 0.81 (label C)
                  = 14,366.23 kWh
    tap water     = 2,380 × 0.22 × 7.9125 = 4,142.985 kWh (does not scale with area or label)
    """
    home = HouseholdInput(BuildingType.DETACHED, ConstructionPeriod.P1992_2005, floor_area_m2=210)
    d = household_demand([home], P)
    assert d.label[0] == EnergyLabel.C
    assert d.space_heating_kwh[0] == pytest.approx(14366.22848)
    assert d.tap_water_kwh[0] == pytest.approx(4142.985)
    assert d.estimated[0]


def test_registered_label_wins_over_construction_period():
    """Apartment from 2015 (typical A) with a registered G:
    930 × 0.74 × 7.9125 × 1.48 = 688.2 × 7.9125 × 1.48 = 5,445.3825 × 1.48 = 8,059.17 kWh."""
    home = HouseholdInput(
        BuildingType.APARTMENT, ConstructionPeriod.FROM_2015, energy_label=EnergyLabel.G
    )
    assert household_demand([home], P).space_heating_kwh[0] == pytest.approx(8059.1661)


def test_insulating_a_label_d_home_to_b_cuts_space_heating_by_the_label_factors():
    """D → B: space heating × 0.65 / 1.00 = 7,904.5875 × 0.65 = 5,137.98 kWh; two label steps.
    A home already at A keeps its demand and needs no steps."""
    homes = [
        HouseholdInput(gas_m3_per_year=1350),
        HouseholdInput(gas_m3_per_year=700, energy_label=EnergyLabel.A),
    ]
    before = household_demand(homes, P)
    after, steps = insulate(before, EnergyLabel.B, P)
    assert after.space_heating_kwh[0] == pytest.approx(5137.981875)
    assert after.space_heating_kwh[1] == before.space_heating_kwh[1]
    assert list(steps) == [2, 0]
    assert list(after.label) == [EnergyLabel.B, EnergyLabel.A]
    assert np.array_equal(after.tap_water_kwh, before.tap_water_kwh)


@given(households, st.sampled_from(EnergyLabel), st.sampled_from(EnergyLabel))
def test_better_label_never_raises_demand(home, label, better):
    if better > label:
        label, better = better, label
    worse_home = HouseholdInput(**{**home.__dict__, "energy_label": label})
    better_home = HouseholdInput(**{**home.__dict__, "energy_label": better})
    worse, best = household_demand([worse_home, better_home], P).heat_kwh
    assert best <= worse


@given(households, st.sampled_from(EnergyLabel))
def test_insulation_never_raises_demand(home, target):
    before = household_demand([home], P)
    after, _ = insulate(before, target, P)
    assert after.heat_kwh[0] <= before.heat_kwh[0]


@given(st.lists(households, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_household_order_and_repetition_do_not_change_its_demand(homes, rnd):
    alone = {h: household_demand([h], P) for h in homes}
    mixed = homes * 2
    rnd.shuffle(mixed)
    together = household_demand(mixed, P)
    for i, h in enumerate(mixed):
        assert together.space_heating_kwh[i] == alone[h].space_heating_kwh[0]
        assert together.tap_water_kwh[i] == alone[h].tap_water_kwh[0]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"gas_m3_per_year": -1}, "HouseholdInput.gas_m3_per_year"),
        ({"gas_m3_per_year": 25_000}, "HouseholdInput.gas_m3_per_year"),
        ({"floor_area_m2": 5}, "HouseholdInput.floor_area_m2"),
        ({"gas_m3_per_year": float("nan")}, "HouseholdInput.gas_m3_per_year"),
    ],
)
def test_invalid_household_names_the_field(kwargs, field):
    with pytest.raises(ValueError, match=field):
        HouseholdInput(**kwargs)


def test_no_households_is_an_error():
    with pytest.raises(ValueError, match="households"):
        household_demand([], P)


def test_label_factors_must_not_fall_from_a_to_g():
    with pytest.raises(ValueError, match="heating_factor_label"):
        DemandParams(heating_factor_label_c=0.5)
