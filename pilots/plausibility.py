"""Plausible values per building type: a value far from the type's typical one is flagged.

The hard limits (form and database constraints) refuse what no home can have; these bounds only
warn in the import preview, because an unusual home exists, but a value 4× below or 3× above the
type's average is far more often a typing or separator slip (1,350 read as 1 m³) than a real home.
Pure: no Django, no ORM.
"""

from __future__ import annotations

from dataclasses import dataclass

from techniek.calc import defaults as d
from techniek.calc.defaults import Sourced

# Vuistregel (onbevestigd), chosen for this check: CBS type averages spread roughly ×0.5–×2 over
# homes of one type (domain §1.1: apartments 810–930, detached 1,800–2,380 m³ across regions);
# a factor 4 below or 3 above leaves that spread and ordinary outliers unflagged.
LOW_FACTOR = 4.0
HIGH_FACTOR = 3.0


@dataclass(frozen=True)
class Bound:
    typical: Sourced
    low: float
    high: float


def _bound(typical: Sourced) -> Bound:
    return Bound(typical, typical.value / LOW_FACTOR, typical.value * HIGH_FACTOR)


# Keys are pilots.models.household.BuildingType values (kept as strings: this module is pure).
GAS_M3 = {
    "detached": _bound(d.GAS_DETACHED),
    "semi_detached": _bound(d.GAS_SEMI_DETACHED),
    "end_terrace": _bound(d.GAS_END_TERRACE),
    "mid_terrace": _bound(d.GAS_MID_TERRACE),
    "apartment_low": _bound(d.GAS_APARTMENT),
    "apartment_high": _bound(d.GAS_APARTMENT),
}
FLOOR_AREA_M2 = {
    "detached": _bound(d.AREA_DETACHED),
    "semi_detached": _bound(d.AREA_SEMI_DETACHED),
    "end_terrace": _bound(d.AREA_END_TERRACE),
    "mid_terrace": _bound(d.AREA_MID_TERRACE),
    "apartment_low": _bound(d.AREA_APARTMENT),
    "apartment_high": _bound(d.AREA_APARTMENT),
}


@dataclass(frozen=True)
class Implausible:
    field: str  # "gas_m3_per_year" or "floor_area_m2"
    value: int
    bound: Bound

    @property
    def too_low(self) -> bool:
        return self.value < self.bound.low


def check(building_type: str, gas_m3: int | None, floor_area_m2: int | None) -> list[Implausible]:
    """The values of one home that lie far outside its type's typical range."""
    found = []
    for field, value, table in (
        ("gas_m3_per_year", gas_m3, GAS_M3),
        ("floor_area_m2", floor_area_m2, FLOOR_AREA_M2),
    ):
        bound = table.get(building_type)
        if value is None or bound is None:
            continue
        # Zero gas is a real case (a home already off gas), not a slip.
        if field == "gas_m3_per_year" and value == 0:
            continue
        if not bound.low <= value <= bound.high:
            found.append(Implausible(field, value, bound))
    return found
