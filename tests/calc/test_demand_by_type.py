"""Default demand by dwelling type orders sensibly at equal floor area (issue 15).

Without a meter reading the space heating of a home is the CBS gas figure of its type scaled by
floor area / type-average area: at equal area a detached house must need more heat than a
semi-detached one, than an end-terrace, a mid-terrace and an apartment, in every build period.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techniek.calc.demand import DemandParams, household_demand
from techniek.calc.inputs import BuildingType, ConstructionPeriod, EnergyLabel, HouseholdInput

P = DemandParams()
# Least to most exposed: the order the issue asks for, read from the end.
ORDER = [
    BuildingType.APARTMENT,
    BuildingType.MID_TERRACE,
    BuildingType.END_TERRACE,
    BuildingType.SEMI_DETACHED,
    BuildingType.DETACHED,
]


def _heat(area: float | None, period: ConstructionPeriod, label: EnergyLabel | None = None):
    homes = [HouseholdInput(t, period, floor_area_m2=area, energy_label=label) for t in ORDER]
    d = household_demand(homes, P)
    return d.space_heating_kwh.tolist(), d.heat_kwh.tolist()


@pytest.mark.parametrize("area", [40, 75, 100, 115, 150, 250])
@pytest.mark.parametrize("period", list(ConstructionPeriod))
def test_table_vrijstaand_above_2_onder_1_kap_above_hoek_above_tussen_above_appartement(
    area, period
):
    heating, heat = _heat(area, period)
    assert heating == sorted(heating), (area, period, heating)
    assert len(set(heating)) == 5
    assert heat == sorted(heat)
    assert len(set(heat)) == 5


@given(
    st.floats(15, 2000),
    st.sampled_from(list(ConstructionPeriod)),
    st.none() | st.sampled_from(list(EnergyLabel)),
)
def test_at_equal_floor_area_more_exposed_types_need_more_heat(area, period, label):
    heating, heat = _heat(area, period, label)
    assert all(a < b for a, b in zip(heating, heating[1:], strict=False))
    assert all(a < b for a, b in zip(heat, heat[1:], strict=False))


def test_per_m2_by_hand():
    """m³ per m² at label D: 930/85 = 10.94 < 1,350/115 = 11.74 < 1,550/120 = 12.92
    < 1,760/130 = 13.54 < 2,380/165 = 14.42."""
    per_m2 = (P.gas_by_type() / P.floor_area_by_type()).round(2).tolist()
    assert per_m2 == [10.94, 11.74, 12.92, 13.54, 14.42]


@pytest.mark.parametrize(
    "override",
    [
        {"floor_area_apartment_m2": 70},  # 930/70 = 13.3 m³/m²: above the mid-terrace
        {"floor_area_detached_m2": 200},  # 2,380/200 = 11.9: below the semi-detached
        {"gas_semi_detached_m3_per_year": 1500},  # fewer m³ than an end-terrace
    ],
)
def test_an_override_that_breaks_the_order_is_refused(override):
    with pytest.raises(ValueError, match="must rise from apartment"):
        DemandParams(**override)
