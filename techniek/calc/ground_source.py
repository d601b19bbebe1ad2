"""The ground loop of the borehole concepts: which fields, their hourly load, and the source
temperature the heat pumps see, from the simulated fluid (borefield.py).

- Bodemlus cluster: ⌈n / k⌉ clusters of near-equal size, a line of boreholes each, simultaneity
  within the cluster; no regeneration.
- Ringnet, ZLT and the PVT buffer: one central grid (or several equal ones of at most
  `borehole_max_per_field` boreholes), simultaneity over all homes, the network's temperature drop
  between field and homes.
- Ground load per hour = heat × (1 − 1/COP(source)); the design extraction (heat pumps at their
  rated power after simultaneity) is held for `peak_duration_h` around the coldest hour. A
  regenerated field gets a share of the yearly extraction back in the warmest hours (dry coolers,
  summer cooling); the PVT panels put back all the buffer gave.
- COP and load depend on each other: sized first with the COP of the undisturbed ground (the
  largest extraction), then again with the simulated lifetime-mean fluid temperature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .borefield import (
    HOURS,
    FieldDesign,
    FieldTooLarge,
    GroundParams,
    Layout,
    Shape,
    size_field,
)
from .climate import ClimateParams, ReferenceYear, collective_peak_kw
from .concepts import ConceptSpec, Network, Source
from .energy import HeatPumpParams, cop
from .sizing import Loads, SizingParams, cluster_sizes


@dataclass(frozen=True, eq=False)
class FieldGroup:
    design: FieldDesign
    fields: int  # identical fields of this design
    homes_per_field: float


@dataclass(frozen=True, eq=False)
class GroundLoop:
    groups: tuple[FieldGroup, ...]
    source_c: np.ndarray  # (3, 8,760) at the heat pumps: first, last and mean year (°C)
    design_extraction_kw: float  # all fields together, at the design hour
    regeneration_kwh: float  # put back per year (dry coolers, summer cooling or PVT)
    limit_c: float  # the lowest mean fluid temperature allowed

    @property
    def borehole_m(self) -> float:
        return sum(g.fields * g.design.total_m for g in self.groups)

    @property
    def borehole_count(self) -> int:
        return sum(g.fields * g.design.boreholes for g in self.groups)

    @property
    def field_count(self) -> int:
        return sum(g.fields for g in self.groups if g.design.boreholes)

    @property
    def depth_m(self) -> float:
        return max((g.design.depth_m for g in self.groups), default=0.0)

    @property
    def min_fluid_c(self) -> float:
        return min(g.design.min_fluid_c for g in self.groups)

    @property
    def depletion_k(self) -> float:
        """How much colder the fluid runs in the last year than in the first, on average."""
        return max(g.design.depletion_k for g in self.groups)


def _peak_block(heat_kw: np.ndarray, hours: int) -> slice:
    """`hours` consecutive hours around the year's largest heat load."""
    hours = max(1, min(int(round(hours)), HOURS))
    start = int(np.argmax(heat_kw)) - hours // 2
    start = min(max(start, 0), HOURS - hours)
    return slice(start, start + hours)


def _warmest_hours(year: ReferenceYear, hours: float) -> np.ndarray:
    count = max(1, min(int(round(hours)), HOURS))
    return np.argsort(year.outdoor_temp_c)[-count:]


@dataclass(frozen=True)
class _Group:
    homes: int  # homes per field group (cluster size, or all homes)
    fields: int  # how many such groups
    layout: Layout


def _groups(spec: ConceptSpec, homes: int, sp: SizingParams) -> list[_Group]:
    if spec.network is Network.CLUSTER:
        return [_Group(size, count, Layout.LINE) for size, count in cluster_sizes(homes, sp)]
    return [_Group(homes, 1, Layout.GRID)]


class _Load:
    """The hourly ground load of one group of homes, given the source temperature."""

    def __init__(
        self,
        spec: ConceptSpec,
        group: _Group,
        load: Loads,
        year: ReferenceYear,
        hp: HeatPumpParams,
        ground: GroundParams,
        sp: SizingParams,
        cp: ClimateParams,
    ) -> None:
        share = group.homes / load.homes
        self.space_heating_kw = load.space_heating_kwh * share * year.space_heating_shape
        self.tap_water_kw = load.tap_water_kwh * share * year.tap_water_shape
        self.spec, self.hp, self.ground, self.sp, self.year = spec, hp, ground, sp, year
        self.drop = hp.ring_temp_drop_k if spec.network is Network.AMBIENT else 0.0
        # Each heat pump is sized to the larger of space heating and tap water and cannot give
        # both at full power at once: at the design hour the group draws its rated power.
        rated = np.maximum(load.space_heating_peak_kw, load.tap_water_peak_kw)
        per_home = np.full(group.homes, float(rated.mean()))
        design_heat = collective_peak_kw(
            per_home,
            cp.simultaneity_space_heating_limit,
            exponent=cp.simultaneity_space_heating_exponent,
        )
        design_cop = float(self._cop(ground.min_fluid_temp_c - self.drop, hp.lt_supply_temp_c))
        self.design_kw = design_heat * (1 - 1 / design_cop)
        self.block = _peak_block(self.space_heating_kw + self.tap_water_kw, ground.peak_duration_h)
        self.buffer_hours = (
            year.outdoor_temp_c < sp.pvt_buffer_below_temp_c
            if spec.source is Source.PVT
            else np.ones(HOURS, dtype=bool)
        )
        self.warm = _warmest_hours(year, sp.regeneration_full_load_hours)

    def _cop(self, source_c: np.ndarray | float, sink_c: float) -> np.ndarray:
        return cop(source_c, sink_c, self.hp.carnot_efficiency_water, self.hp)

    def watts(self, source_c: np.ndarray, regeneration_share: float) -> tuple[np.ndarray, float]:
        """Ground load (W) per hour, and the kWh regenerated a year; `source_c` is the
        temperature at the heat pumps."""
        hp = self.hp
        extraction = self.space_heating_kw * (1 - 1 / self._cop(source_c, hp.lt_supply_temp_c))
        extraction += self.tap_water_kw * (1 - 1 / self._cop(source_c, hp.tap_water_temp_c))
        extraction = np.where(self.buffer_hours, extraction, 0.0)
        extraction[self.block] = np.maximum(extraction[self.block], self.design_kw)
        load = extraction * 1000
        regenerated = regeneration_share * float(load.sum())
        load[self.warm] -= regenerated / len(self.warm)
        return load, regenerated / 1000


def _size_split(
    load_w: np.ndarray,
    layout: Layout,
    spacing_m: float,
    depth_m: float,
    ground: GroundParams,
    max_per_field: int,
    fields: int,
    start: Shape | None,
) -> tuple[FieldDesign, int]:
    """Size equal fields that share `load_w`; more of them when one would be too large."""
    for _ in range(50):
        try:
            design = size_field(
                load_w / fields, layout, spacing_m, depth_m, ground, max_per_field, start
            )
            return design, fields
        except FieldTooLarge as too_large:
            fields = max(fields + 1, math.ceil(fields * too_large.boreholes / max_per_field))
            start = None
    raise ValueError("no borehole field layout found")  # not reached for valid parameters


def ground_loop(
    spec: ConceptSpec,
    load: Loads,
    year: ReferenceYear,
    max_depth_m: float,
    hp: HeatPumpParams,
    ground: GroundParams,
    sp: SizingParams,
    cp: ClimateParams,
) -> GroundLoop:
    """Size the fields of a borehole concept (BOREHOLES or PVT source, individual heat pumps)."""
    regeneration = 1.0 if spec.source is Source.PVT else sp.regeneration_share(spec.regeneration)
    max_per_field = max(1, int(round(sp.borehole_max_per_field)))
    groups, sources, design_kw, regen_kwh = [], [], 0.0, 0.0
    for group in _groups(spec, load.homes, sp):
        loads = _Load(spec, group, load, year, hp, ground, sp, cp)
        source = np.full(HOURS, ground.undisturbed_temp_c - loads.drop)
        fields, start = 1, None
        for _ in range(2):
            watts, regenerated = loads.watts(source, regeneration)
            design, fields = _size_split(
                watts, group.layout, sp.borehole_spacing_m, max_depth_m, ground,
                max_per_field, fields, start,
            )  # fmt: skip
            start = design.shape if design.boreholes else None
            source = design.fluid_mean_year_c - loads.drop
        count = group.fields * fields
        groups.append(FieldGroup(design, count, group.homes / fields))
        temps = np.stack(
            [design.fluid_first_year_c, design.fluid_last_year_c, design.fluid_mean_year_c]
        )
        temps = temps - loads.drop
        if spec.source is Source.PVT:
            panels = year.outdoor_temp_c + hp.pvt_source_offset_k - loads.drop
            temps = np.where(loads.buffer_hours[None, :], temps, panels[None, :])
        sources.append((group.homes * group.fields, temps))
        design_kw += group.fields * loads.design_kw
        regen_kwh += group.fields * regenerated
    homes = sum(h for h, _ in sources)
    source_c = sum(h * t for h, t in sources) / homes
    return GroundLoop(tuple(groups), source_c, design_kw, regen_kwh, ground.min_fluid_temp_c)
