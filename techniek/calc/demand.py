"""Useful heat per household: from metered gas, or from building-type defaults."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from . import defaults as d
from .defaults import check_ranges, default
from .inputs import BuildingType, ConstructionPeriod, EnergyLabel, HouseholdInput
from .units import gas_m3_to_kwh

BUILDING_TYPES = tuple(BuildingType)
PERIODS = tuple(ConstructionPeriod)
TYPE_INDEX = {t: i for i, t in enumerate(BUILDING_TYPES)}
PERIOD_INDEX = {p: i for i, p in enumerate(PERIODS)}


@dataclass(frozen=True)
class DemandParams:
    gas_lhv_mj_per_m3: float = default(d.GAS_LHV)
    boiler_efficiency: float = default(d.BOILER_EFFICIENCY)
    tap_water_share: float = default(d.TAP_WATER_SHARE)
    cooking_share: float = default(d.COOKING_SHARE)
    full_load_hours: float = default(d.FULL_LOAD_HOURS)
    tap_water_design_kw: float = default(d.TAP_WATER_DESIGN)
    gas_apartment_m3_per_year: float = default(d.GAS_APARTMENT)
    gas_mid_terrace_m3_per_year: float = default(d.GAS_MID_TERRACE)
    gas_end_terrace_m3_per_year: float = default(d.GAS_END_TERRACE)
    gas_semi_detached_m3_per_year: float = default(d.GAS_SEMI_DETACHED)
    gas_detached_m3_per_year: float = default(d.GAS_DETACHED)
    floor_area_apartment_m2: float = default(d.AREA_APARTMENT)
    floor_area_mid_terrace_m2: float = default(d.AREA_MID_TERRACE)
    floor_area_end_terrace_m2: float = default(d.AREA_END_TERRACE)
    floor_area_semi_detached_m2: float = default(d.AREA_SEMI_DETACHED)
    floor_area_detached_m2: float = default(d.AREA_DETACHED)
    heating_factor_label_a: float = default(d.LABEL_A)
    heating_factor_label_b: float = default(d.LABEL_B)
    heating_factor_label_c: float = default(d.LABEL_C)
    heating_factor_label_d: float = default(d.LABEL_D)
    heating_factor_label_e: float = default(d.LABEL_E)
    heating_factor_label_f: float = default(d.LABEL_F)
    heating_factor_label_g: float = default(d.LABEL_G)
    label_before_1945: float = default(d.PERIOD_BEFORE_1945)
    label_1945_1974: float = default(d.PERIOD_1945_1974)
    label_1975_1991: float = default(d.PERIOD_1975_1991)
    label_1992_2005: float = default(d.PERIOD_1992_2005)
    label_2006_2014: float = default(d.PERIOD_2006_2014)
    label_from_2015: float = default(d.PERIOD_FROM_2015)

    def __post_init__(self) -> None:
        check_ranges(self)
        if self.tap_water_share + self.cooking_share >= 1:
            raise ValueError("DemandParams.tap_water_share + cooking_share must stay below 1")
        per_m2 = self.gas_by_type() / self.floor_area_by_type()
        if np.any(np.diff(per_m2) <= 0) or np.any(np.diff(self.gas_by_type()) <= 0):
            # At equal floor area a more exposed type must need more heat (issue 15): apartment <
            # mid-terrace < end-terrace < semi-detached < detached, in BUILDING_TYPES order.
            raise ValueError(
                "DemandParams.gas_*_m3_per_year / floor_area_*_m2: gas use per m² (and per home) "
                "must rise from apartment to mid-terrace, end-terrace, semi-detached and detached"
            )
        factors = self.heating_factors()
        if np.any(np.diff(factors[1:]) < 0):
            # A better label must never mean more heat: the insulation step relies on it.
            raise ValueError("DemandParams.heating_factor_label_*: must not fall from A to G")

    def gas_by_type(self) -> np.ndarray:
        t = self
        return np.array(
            [
                t.gas_apartment_m3_per_year,
                t.gas_mid_terrace_m3_per_year,
                t.gas_end_terrace_m3_per_year,
                t.gas_semi_detached_m3_per_year,
                t.gas_detached_m3_per_year,
            ]
        )

    def floor_area_by_type(self) -> np.ndarray:
        t = self
        return np.array(
            [
                t.floor_area_apartment_m2,
                t.floor_area_mid_terrace_m2,
                t.floor_area_end_terrace_m2,
                t.floor_area_semi_detached_m2,
                t.floor_area_detached_m2,
            ]
        )

    def heating_factors(self) -> np.ndarray:
        """Indexed by label ordinal (index 0 unused, 1 = A … 7 = G)."""
        t = self
        return np.array(
            [
                np.nan,
                t.heating_factor_label_a,
                t.heating_factor_label_b,
                t.heating_factor_label_c,
                t.heating_factor_label_d,
                t.heating_factor_label_e,
                t.heating_factor_label_f,
                t.heating_factor_label_g,
            ]
        )

    def label_by_period(self) -> np.ndarray:
        t = self
        labels = [
            t.label_before_1945,
            t.label_1945_1974,
            t.label_1975_1991,
            t.label_1992_2005,
            t.label_2006_2014,
            t.label_from_2015,
        ]
        return np.rint(labels).astype(np.int64)

    def useful_heat_kwh_per_m3(self) -> float:
        """1 m³ × 31.65 MJ/m³ / 3.6 MJ/kWh × 0.90 ≈ 7.91 kWh useful heat (domain §1.2)."""
        return float(gas_m3_to_kwh(1.0, self.gas_lhv_mj_per_m3)) * self.boiler_efficiency


@dataclass(frozen=True, eq=False)
class HouseholdDemand:
    """Per-household arrays, in input order. Heat is useful heat at the home (after the boiler)."""

    building_type: np.ndarray  # index into BUILDING_TYPES
    floor_area_m2: np.ndarray
    label: np.ndarray  # effective label ordinal, 1 = A … 7 = G
    estimated: np.ndarray  # True: no metered gas, building-type default used
    space_heating_kwh: np.ndarray
    tap_water_kwh: np.ndarray
    cooking_gas_m3: np.ndarray  # not supplied by any concept; reported for completeness
    x_m: np.ndarray  # RD New position, NaN when unknown
    y_m: np.ndarray

    @property
    def homes(self) -> int:
        return len(self.space_heating_kwh)

    @property
    def heat_kwh(self) -> np.ndarray:
        return self.space_heating_kwh + self.tap_water_kwh

    def take(self, order: np.ndarray) -> HouseholdDemand:
        return HouseholdDemand(*(getattr(self, name)[order] for name in self.__dataclass_fields__))


def household_demand(households: Sequence[HouseholdInput], p: DemandParams) -> HouseholdDemand:
    """Split each home's gas use into space heating, tap water and cooking (useful kWh).

    Metered gas:  heat_part = gas_m3 × share × useful_kwh_per_m3, with the tap-water and cooking
    shares of domain §1.3 and the rest space heating.
    No meter:     the CBS gas figure for the building type, with the space-heating part scaled by
    floor area / type-average floor area and by the label factor (label D = CBS average).
    """
    if len(households) == 0:
        raise ValueError("households: at least one household is required")
    types = np.array([TYPE_INDEX[h.building_type] for h in households])
    periods = np.array([PERIOD_INDEX[h.construction_period] for h in households])
    area = np.array([np.nan if h.floor_area_m2 is None else h.floor_area_m2 for h in households])
    gas = np.array(
        [np.nan if h.gas_m3_per_year is None else h.gas_m3_per_year for h in households],
        dtype=float,
    )
    label = np.array([0 if h.energy_label is None else int(h.energy_label) for h in households])

    area_ref = p.floor_area_by_type()[types]
    area = np.where(np.isnan(area), area_ref, area)
    label = np.where(label == 0, p.label_by_period()[periods], label)
    estimated = np.isnan(gas)
    heating_share = 1.0 - p.tap_water_share - p.cooking_share
    kwh_per_m3 = p.useful_heat_kwh_per_m3()

    gas_type = p.gas_by_type()[types]
    gas_used = np.where(estimated, gas_type, gas)
    factors = p.heating_factors()
    default_scale = area / area_ref * factors[label] / p.heating_factor_label_d
    heating_scale = np.where(estimated, default_scale, 1.0)
    return HouseholdDemand(
        building_type=types,
        floor_area_m2=area,
        label=label,
        estimated=estimated,
        space_heating_kwh=gas_used * heating_share * kwh_per_m3 * heating_scale,
        tap_water_kwh=gas_used * p.tap_water_share * kwh_per_m3,
        cooking_gas_m3=gas_used * p.cooking_share,
        x_m=np.array([np.nan if h.rd_x_m is None else h.rd_x_m for h in households], dtype=float),
        y_m=np.array([np.nan if h.rd_y_m is None else h.rd_y_m for h in households], dtype=float),
    )


def insulate(
    demand: HouseholdDemand, to_label: EnergyLabel, p: DemandParams
) -> tuple[HouseholdDemand, np.ndarray]:
    """Bring every home below `to_label` up to it: space heating × factor(to) / factor(now).

    Returns the new demand and the number of label steps per home (for the insulation cost).
    """
    steps = np.maximum(demand.label - int(to_label), 0)
    if not steps.any():
        return demand, steps
    factors = p.heating_factors()
    new_label = np.minimum(demand.label, int(to_label))
    scale = factors[new_label] / factors[demand.label]
    return (
        replace(demand, label=new_label, space_heating_kwh=demand.space_heating_kwh * scale),
        steps,
    )
