"""What the engine needs to know about the homes and the site. Validated on construction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum


class BuildingType(StrEnum):
    APARTMENT = "apartment"
    MID_TERRACE = "mid_terrace"
    END_TERRACE = "end_terrace"
    SEMI_DETACHED = "semi_detached"
    DETACHED = "detached"


class ConstructionPeriod(StrEnum):
    BEFORE_1945 = "before_1945"
    P1945_1974 = "1945_1974"
    P1975_1991 = "1975_1991"
    P1992_2005 = "1992_2005"
    P2006_2014 = "2006_2014"
    FROM_2015 = "from_2015"


class EnergyLabel(IntEnum):
    """Energy label as an ordinal: lower is better. A+ and better count as A."""

    A = 1
    B = 2
    C = 3
    D = 4
    E = 5
    F = 6
    G = 7


# Upper bound shared with the Household model's check constraint.
MAX_GAS_M3_PER_YEAR = 20_000


def _check(name: str, value: float | None, low: float, high: float, unit: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ValueError(f"{name}={value!r}: expected a number in {unit}")
    if not low <= value <= high:
        raise ValueError(f"{name}={value} {unit} is outside the valid range {low}–{high}")


@dataclass(frozen=True)
class HouseholdInput:
    """One connected home. Unknown fields fall back to building-type defaults."""

    building_type: BuildingType = BuildingType.MID_TERRACE
    construction_period: ConstructionPeriod = ConstructionPeriod.P1975_1991
    floor_area_m2: float | None = None
    energy_label: EnergyLabel | None = None
    gas_m3_per_year: float | None = None  # metered, not climate-corrected
    rd_x_m: float | None = None  # position in RD New (EPSG:28992), for trench lengths and clusters
    rd_y_m: float | None = None
    # ISDE is for owner-occupiers only: a rented home (corporation or private landlord) gets none.
    owner_occupied: bool = True

    def __post_init__(self) -> None:
        BuildingType(self.building_type)
        if not isinstance(self.owner_occupied, bool):
            raise ValueError(f"HouseholdInput.owner_occupied={self.owner_occupied!r}: a bool")
        ConstructionPeriod(self.construction_period)
        if self.energy_label is not None:
            EnergyLabel(self.energy_label)
        _check("HouseholdInput.floor_area_m2", self.floor_area_m2, 15, 2000, "m²")
        _check("HouseholdInput.gas_m3_per_year", self.gas_m3_per_year, 0, MAX_GAS_M3_PER_YEAR, "m³")
        # The RD New domain of the Netherlands (EPSG:28992 bounds).
        _check("HouseholdInput.rd_x_m", self.rd_x_m, -7_000, 300_000, "m")
        _check("HouseholdInput.rd_y_m", self.rd_y_m, 289_000, 629_000, "m")
        if (self.rd_x_m is None) != (self.rd_y_m is None):
            raise ValueError("HouseholdInput.rd_x_m/rd_y_m: give both coordinates or neither")


def owner_occupied_share(households: Sequence[HouseholdInput]) -> float:
    """Share of the homes whose residents own them: the ISDE share of a business case."""
    if not households:
        return 1.0
    return sum(h.owner_occupied for h in households) / len(households)


@dataclass(frozen=True)
class SiteInput:
    """The street or neighbourhood. `None` means unknown: a default is used, or a check skipped."""

    street_length_m: float | None = None  # public-street trench to reach all participants
    land_m2: float | None = None  # public/shared land free for a borehole field or collectors
    surface_water: bool = False  # open water within reach for aquathermie
    aquifer_suitable: bool | None = None  # suitable aquifer for an open WKO system
    waste_heat_kw: float = 0.0  # continuously available local residual heat
    waste_heat_temp_c: float = 30.0
    max_borehole_depth_m: float | None = None  # local drilling limit

    def __post_init__(self) -> None:
        _check("SiteInput.street_length_m", self.street_length_m, 0, 100_000, "m")
        _check("SiteInput.land_m2", self.land_m2, 0, 10_000_000, "m²")
        _check("SiteInput.waste_heat_kw", self.waste_heat_kw, 0, 100_000, "kW")
        _check("SiteInput.waste_heat_temp_c", self.waste_heat_temp_c, 5, 120, "°C")
        _check("SiteInput.max_borehole_depth_m", self.max_borehole_depth_m, 10, 500, "m")
