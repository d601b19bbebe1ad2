"""From a pilot's rows to the engine's frozen inputs: one query for households, none per row."""

from dataclasses import dataclass

from techniek.calc import BuildingType as CalcBuildingType
from techniek.calc import ConstructionPeriod, EnergyLabel, HouseholdInput, SiteInput

from .models import BuildingType, Commitment, Pilot, Tenure

# The engine has one apartment class (CBS 81528NED has one); both our apartment types map to it.
BUILDING_TYPES = {
    BuildingType.DETACHED: CalcBuildingType.DETACHED,
    BuildingType.SEMI_DETACHED: CalcBuildingType.SEMI_DETACHED,
    BuildingType.END_TERRACE: CalcBuildingType.END_TERRACE,
    BuildingType.MID_TERRACE: CalcBuildingType.MID_TERRACE,
    BuildingType.APARTMENT_LOW: CalcBuildingType.APARTMENT,
    BuildingType.APARTMENT_HIGH: CalcBuildingType.APARTMENT,
}


def construction_period(year: int | None) -> ConstructionPeriod:
    if year is None:
        return ConstructionPeriod.P1975_1991  # the engine's default when unknown
    bounds = (
        (1944, ConstructionPeriod.BEFORE_1945),
        (1974, ConstructionPeriod.P1945_1974),
        (1991, ConstructionPeriod.P1975_1991),
        (2005, ConstructionPeriod.P1992_2005),
        (2014, ConstructionPeriod.P2006_2014),
    )
    return next((period for last, period in bounds if year <= last), ConstructionPeriod.FROM_2015)


@dataclass(frozen=True)
class PilotInputs:
    households: tuple[HouseholdInput, ...]
    site: SiteInput
    registered: int  # households in the register that take part (not withdrawn)
    assumed: bool  # True: no register yet, the plan area's homes stand in as mid-terraces


def pilot_inputs(pilot: Pilot) -> PilotInputs:
    rows = (
        pilot.households.exclude(commitment=Commitment.WITHDRAWN)
        .values_list(
            "building_type",
            "construction_year",
            "floor_area_m2",
            "energy_label",
            "gas_m3_per_year",
            "rd_x",
            "rd_y",
            "tenure",
        )
        .order_by("pk")
    )
    households = tuple(
        HouseholdInput(
            building_type=BUILDING_TYPES[BuildingType(kind)],
            construction_period=construction_period(year),
            floor_area_m2=area,
            energy_label=EnergyLabel[label] if label else None,
            gas_m3_per_year=gas,
            rd_x_m=x,
            rd_y_m=y,
            owner_occupied=tenure == Tenure.OWNER,
        )
        for kind, year, area, label, gas, x, y, tenure in rows
    )
    site = SiteInput(
        street_length_m=pilot.street_length_m,
        surface_water=pilot.surface_water,
        aquifer_suitable=pilot.aquifer_suitable,
        waste_heat_kw=float(pilot.waste_heat_kw or 0),
    )
    if households:
        return PilotInputs(households, site, len(households), assumed=False)
    return PilotInputs(tuple(HouseholdInput() for _ in range(pilot.homes)), site, 0, assumed=True)


def register_or_plan_area(pilot: Pilot) -> PilotInputs:
    """The register, or without one the plan area's homes as average mid-terraces (the
    engine's default household), so staff documents and the programme have figures early."""
    inputs = pilot_inputs(pilot)
    if inputs.households:
        return inputs
    homes = tuple(HouseholdInput() for _ in range(pilot.homes))
    return PilotInputs(homes, inputs.site, 0, assumed=True)
