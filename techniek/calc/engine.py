"""Entry points: run one concept, or compare every applicable concept, for a set of homes."""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

import numpy as np

from .borefield import GroundParams
from .climate import HOURS, ClimateParams, ReferenceYear, collective_peak_kw, reference_year
from .concepts import CATALOGUE, Concept, ConceptSpec, HeatPump, Network, Source
from .costs import CostParams, concept_costs
from .defaults import Sourced
from .demand import BUILDING_TYPES, DemandParams, HouseholdDemand, household_demand, insulate
from .energy import (
    EnergyBalance,
    EnergyParams,
    EnergyResult,
    HeatPumpParams,
    Performance,
    cop,
    design_source_temp_c,
    hybrid_split,
    performance,
    pumping,
    source_temp_c,
)
from .ground_source import GroundLoop, ground_loop
from .inputs import BuildingType, EnergyLabel, HouseholdInput, SiteInput
from .results import Comparison, ConceptResult, DemandSummary, Exclusion, Warning, fit_for
from .sizing import Loads, Sizing, SizingParams, loads, size
from .units import kwh_to_gj

APARTMENT = BUILDING_TYPES.index(BuildingType.APARTMENT)


@dataclass(frozen=True)
class Assumptions:
    """Every parameter group. Override with `with_overrides` or `dataclasses.replace`."""

    demand: DemandParams = field(default_factory=DemandParams)
    climate: ClimateParams = field(default_factory=ClimateParams)
    heat_pump: HeatPumpParams = field(default_factory=HeatPumpParams)
    ground: GroundParams = field(default_factory=GroundParams)
    sizing: SizingParams = field(default_factory=SizingParams)
    costs: CostParams = field(default_factory=CostParams)
    energy: EnergyParams = field(default_factory=EnergyParams)


DEFAULTS = Assumptions()


@dataclass(frozen=True)
class AssumptionRow:
    """One row of the "Aannames en bronnen" table."""

    key: str  # "group.field", the key `with_overrides` takes
    value: float
    sourced: Sourced

    @property
    def overridden(self) -> bool:
        return self.value != self.sourced.value


def assumption_rows(a: Assumptions = DEFAULTS) -> tuple[AssumptionRow, ...]:
    return tuple(
        AssumptionRow(f"{group.name}.{f.name}", getattr(params, f.name), f.metadata["sourced"])
        for group in fields(a)
        for params in [getattr(a, group.name)]
        for f in fields(params)
    )


def with_overrides(a: Assumptions, overrides: Mapping[str, float]) -> Assumptions:
    """Apply {"group.field": value} overrides; each value is checked against its valid range."""
    changes: dict[str, dict[str, float]] = {}
    for key, value in overrides.items():
        group, _, name = key.partition(".")
        params = getattr(a, group, None) if group in {g.name for g in fields(a)} else None
        if params is None or name not in {f.name for f in fields(params)}:
            raise ValueError(f"{key}: no such parameter")
        changes.setdefault(group, {})[name] = value
    return replace(a, **{g: replace(getattr(a, g), **c) for g, c in changes.items()})


class _Prepared:
    """Work shared by every concept of one run: demand, reference year, insulated variants."""

    def __init__(self, households: Sequence[HouseholdInput], a: Assumptions) -> None:
        demand = household_demand(households, a.demand)
        # Canonical order, so household order never changes a sum in the last bit.
        keys = (
            demand.y_m,
            demand.x_m,
            demand.estimated,
            demand.building_type,
            demand.label,
            demand.floor_area_m2,
            demand.tap_water_kwh,
            demand.space_heating_kwh,
        )
        self.base: HouseholdDemand = demand.take(np.lexsort(keys))
        self.year: ReferenceYear = reference_year(a.climate)
        self._insulated: dict[EnergyLabel, tuple[HouseholdDemand, np.ndarray]] = {}
        self.a = a

    def demand_for(self, spec: ConceptSpec) -> tuple[HouseholdDemand, np.ndarray]:
        label = spec.required_label
        if label is None:
            return self.base, np.zeros(self.base.homes, dtype=np.int64)
        if label not in self._insulated:
            self._insulated[label] = insulate(self.base, label, self.a.demand)
        return self._insulated[label]


def hard_reasons(spec: ConceptSpec, site: SiteInput) -> tuple[Warning, ...]:
    reasons = []
    if spec.source in (Source.SURFACE_WATER, Source.TEO_AQUIFER) and not site.surface_water:
        reasons.append(Warning.NO_SURFACE_WATER)
    if spec.source is Source.WASTE_HEAT and site.waste_heat_kw <= 0:
        reasons.append(Warning.NO_WASTE_HEAT)
    if spec.source in (Source.AQUIFER, Source.TEO_AQUIFER) and site.aquifer_suitable is False:
        reasons.append(Warning.AQUIFER_UNSUITABLE)
    return tuple(reasons)


def _direct_share(spec: ConceptSpec, site: SiteInput, a: Assumptions) -> float:
    if spec.source is Source.WASTE_HEAT and site.waste_heat_temp_c >= a.heat_pump.mt_supply_temp_c:
        return 1.0
    if spec.source is Source.SOLAR_THERMAL:
        return a.sizing.solar_fraction
    return 0.0


def _performance(
    spec: ConceptSpec,
    load: Loads,
    year: ReferenceYear,
    site: SiteInput,
    a: Assumptions,
    source_hourly_c: np.ndarray | None = None,
) -> Performance | None:
    """`source_hourly_c`: a simulated source (the borehole fluid) instead of the source model."""
    hp = a.heat_pump
    if spec.heat_pump in (HeatPump.NONE, HeatPump.HYBRID):
        return None
    air = spec.source is Source.AIR
    if spec.heat_pump is HeatPump.INDIVIDUAL:
        sinks = hp.lt_supply_temp_c, hp.tap_water_temp_c
        eta = hp.carnot_efficiency_air if air else hp.carnot_efficiency_water
    else:
        sinks = hp.mt_supply_temp_c, hp.mt_supply_temp_c
        eta = hp.carnot_efficiency_central_air if air else hp.carnot_efficiency_central_water
    if source_hourly_c is None:
        source_hourly_c = source_temp_c(
            spec.source, spec.network, year, load.load_share(year), hp, site
        )
    design = design_source_temp_c(
        spec.source, spec.network, hp, a.climate, site, a.ground.min_fluid_temp_c
    )
    return performance(source_hourly_c, design, *sinks, eta, year, hp)


def _scop(perf: Performance | None, load: Loads) -> float | None:
    if perf is None:
        return None
    electricity = (
        load.space_heating_kwh * perf.space_heating_kwh_per_kwh
        + load.tap_water_kwh * perf.tap_water_kwh_per_kwh
    )
    return (load.space_heating_kwh + load.tap_water_kwh) / electricity if electricity else None


@dataclass(frozen=True, eq=False)
class _Ground:
    """A sized ground loop with the heat-pump performance on its fluid (mean, first, last year)."""

    loop: GroundLoop
    perf: Performance | None
    scop_first_year: float | None
    scop_last_year: float | None


_GROUND_MEMO: OrderedDict[tuple, _Ground] = OrderedDict()
_GROUND_MEMO_SIZE = 256


def clear_memo() -> None:
    """Forget sized ground loops (benchmarks measure the sizing itself; g-functions stay)."""
    _GROUND_MEMO.clear()


def _ground(
    spec: ConceptSpec, load: Loads, year: ReferenceYear, site: SiteInput, a: Assumptions
) -> _Ground | None:
    """The sized fields of a borehole concept. The fields depend on the heat, not on the street,
    so the many runs of a cluster-or-ring comparison share them (a pure memo on the inputs)."""
    if spec.heat_pump is not HeatPump.INDIVIDUAL or spec.source not in (
        Source.BOREHOLES,
        Source.PVT,
    ):
        return None
    depth = min(a.sizing.borehole_max_depth_m, site.max_borehole_depth_m or math.inf)
    digest = hashlib.blake2b(digest_size=16)
    for values in (load.space_heating_peak_kw, load.tap_water_peak_kw):
        digest.update(np.ascontiguousarray(values, dtype=float).tobytes())
    key = (
        spec, depth, load.space_heating_kwh, load.tap_water_kwh, digest.digest(),
        a.heat_pump, a.ground, a.sizing, a.climate,
    )  # fmt: skip
    if key in _GROUND_MEMO:
        _GROUND_MEMO.move_to_end(key)
        return _GROUND_MEMO[key]
    loop = ground_loop(spec, load, year, depth, a.heat_pump, a.ground, a.sizing, a.climate)

    def on(row: int) -> Performance | None:
        return _performance(spec, load, year, site, a, loop.source_c[row])

    found = _Ground(loop, on(2), _scop(on(0), load), _scop(on(1), load))
    _GROUND_MEMO[key] = found
    if len(_GROUND_MEMO) > _GROUND_MEMO_SIZE:
        _GROUND_MEMO.popitem(last=False)
    return found


def _balance(
    spec: ConceptSpec,
    demand: HouseholdDemand,
    load: Loads,
    perf: Performance | None,
    direct_share: float,
    year: ReferenceYear,
    a: Assumptions,
) -> EnergyBalance:
    delivered = load.space_heating_kwh + load.tap_water_kwh
    loss = load.network_loss_kw * HOURS
    sh, tap = load.space_heating_kwh, load.tap_water_kwh
    if spec.heat_pump is HeatPump.HYBRID:
        heat, electricity = hybrid_split(demand.space_heating_kwh, year, a.heat_pump)
        hp_heat, hp_el = float(heat.sum()), float(electricity.sum())
    elif perf is None:
        hp_heat = hp_el = 0.0
    elif spec.heat_pump is HeatPump.INDIVIDUAL:
        hp_heat = delivered
        hp_el = sh * perf.space_heating_kwh_per_kwh + tap * perf.tap_water_kwh_per_kwh
    else:
        via_hp = 1 - direct_share
        hp_heat = (delivered + loss) * via_hp
        hp_el = via_hp * (
            sh * perf.space_heating_kwh_per_kwh
            + tap * perf.tap_water_kwh_per_kwh
            + loss * perf.flat_kwh_per_kwh
        )
    return EnergyBalance(
        delivered_heat_kwh=delivered,
        network_loss_kwh=loss,
        heat_pump_heat_kwh=hp_heat,
        heat_pump_electricity_kwh=hp_el,
        ambient_heat_kwh=hp_heat - hp_el,
        direct_heat_kwh=delivered + loss - hp_heat,
    )


def _pumping(
    spec: ConceptSpec, s: Sizing, load: Loads, year: ReferenceYear, ep: EnergyParams
) -> tuple[float, float]:
    """Circulation pump power at design (kW) and energy per year (kWh) of the concept's network."""
    share = load.load_share(year)
    if spec.network is Network.AMBIENT:
        return pumping(
            s.source_extraction_kw, 2 * s.street_trench_m, ep.ambient_delta_t_k, share, ep
        )
    if spec.network is Network.CLUSTER:
        # Each cluster has its own short circuit; the summed power follows the summed flow.
        circuit = s.pipe_m / max(s.borehole_fields, 1.0)
        return pumping(s.source_extraction_kw, circuit, ep.ambient_delta_t_k, share, ep)
    if spec.network is Network.MT:
        return pumping(load.source_peak_kw, 2 * s.street_trench_m, ep.mt_delta_t_k, share, ep)
    return 0.0, 0.0


def _grid_peaks(
    spec: ConceptSpec,
    s: Sizing,
    load: Loads,
    perf: Performance | None,
    pump_kw: float,
    a: Assumptions,
) -> tuple[float, float]:
    """Electric load at the design hour: all homes and plant, and the central plant alone."""
    limit = a.climate.simultaneity_space_heating_limit
    hp = a.heat_pump
    if spec.heat_pump is HeatPump.INDIVIDUAL and perf is not None:
        # Each heat pump at its rated power (space heating or tap-water reheat, not both), and
        # the electric element that reheats tap water meanwhile, each with its simultaneity.
        rated = np.maximum(load.space_heating_peak_kw, load.tap_water_peak_kw)
        c = a.climate
        compressors = collective_peak_kw(
            rated / perf.design_cop_space_heating,
            limit,
            exponent=c.simultaneity_space_heating_exponent,
        )
        element = np.where(load.tap_water_peak_kw > 0, hp.backup_heater_kw, 0.0)
        backup = collective_peak_kw(element, c.simultaneity_tap_water_limit)
        return compressors + backup + pump_kw, pump_kw
    if spec.heat_pump is HeatPump.HYBRID:
        # Below the bivalent point the boiler takes over: the heat pump's peak is at that point.
        c = a.climate
        at_biv = (c.heating_base_temp_c - hp.hybrid_bivalent_temp_c) / (
            c.heating_base_temp_c - c.design_outdoor_temp_c
        )
        heat = np.minimum(load.space_heating_peak_kw * at_biv, hp.hybrid_heat_pump_kw)
        cop_biv = cop(
            hp.hybrid_bivalent_temp_c, hp.hybrid_supply_temp_c, hp.carnot_efficiency_air, hp
        )
        return collective_peak_kw(heat / float(cop_biv), limit), 0.0
    if perf is not None:
        central = s.central_heat_pump_kw / perf.design_cop_space_heating + pump_kw
        return central, central
    return pump_kw, pump_kw


def _warnings(
    spec: ConceptSpec,
    demand: HouseholdDemand,
    steps: np.ndarray,
    load: Loads,
    s: Sizing,
    e: EnergyResult,
    site: SiteInput,
    a: Assumptions,
) -> tuple[Warning, ...]:
    n, ep, sp = demand.homes, a.energy, a.sizing
    w = list(hard_reasons(spec, site))
    uses_boreholes = s.borehole_m > 0
    checks = [
        (not spec.homes_min <= n <= spec.homes_max, Warning.CONCEPT_OUT_OF_SCALE),
        (bool(steps.any()), Warning.LABEL_TOO_LOW),
        (
            bool(
                np.any(
                    load.space_heating_peak_kw + load.tap_water_peak_kw
                    > ep.heat_connection_limit_kw
                )
            ),
            Warning.PEAK_ABOVE_100_KW,
        ),
        (e.central_grid_peak_kw > ep.small_connection_kw, Warning.GRID_PEAK_ABOVE_SMALL_CONNECTION),
        (
            spec.network is Network.MT
            and e.balance.network_loss_kwh
            > ep.network_loss_warning_share * e.balance.delivered_heat_kwh,
            Warning.NETWORK_LOSS_HIGH,
        ),
        (
            spec.network is not Network.NONE and s.street_trench_m / n > ep.long_network_m_per_home,
            Warning.LONG_NETWORK_PER_HOME,
        ),
        (site.land_m2 is not None and s.land_m2 > site.land_m2, Warning.LAND_SHORT),
        (s.pvt_m2 > s.roof_m2_available, Warning.ROOF_SHORT),
        (
            spec.network is Network.CLUSTER and np.mean(demand.building_type == APARTMENT) > 0.5,
            Warning.FEW_GARDENS,
        ),
        (
            spec.source in (Source.AQUIFER, Source.TEO_AQUIFER) and site.aquifer_suitable is None,
            Warning.AQUIFER_UNKNOWN,
        ),
        (0 < site.waste_heat_kw < s.waste_heat_kw, Warning.WASTE_HEAT_TOO_SMALL),
        (bool(demand.estimated.any()), Warning.DEMAND_ESTIMATED),
        (
            uses_boreholes
            and site.max_borehole_depth_m is not None
            and site.max_borehole_depth_m < sp.borehole_max_depth_m,
            Warning.BOREHOLE_DEPTH_LIMITED,
        ),
        (s.regeneration_needed, Warning.REGENERATION_NEEDED),
        (s.fluid_below_limit, Warning.FLUID_BELOW_LIMIT),
    ]
    return tuple(w + [code for hit, code in checks if hit])


def _run(spec: ConceptSpec, prep: _Prepared, site: SiteInput) -> ConceptResult:
    a, year, base = prep.a, prep.year, prep.base
    demand, steps = prep.demand_for(spec)
    load = loads(spec, demand, site, a.sizing, a.demand, a.climate, a.energy, year)
    sized = _ground(spec, load, year, site, a)
    ground = None if sized is None else sized.loop
    perf = _performance(spec, load, year, site, a) if sized is None else sized.perf
    direct_share = _direct_share(spec, site, a)
    balance = _balance(spec, demand, load, perf, direct_share, year, a)
    # Collectors and residual heat also give the direct share; other sources only ambient heat.
    source_kwh = balance.ambient_heat_kwh + (
        balance.direct_heat_kwh if spec.source in (Source.SOLAR_THERMAL, Source.WASTE_HEAT) else 0.0
    )
    sizing = size(
        spec, demand, load, perf, source_kwh, direct_share, site, a.sizing, a.heat_pump,
        ground, a.ground.depletion_warning_k,
    )  # fmt: skip
    costs = concept_costs(spec, sizing, float((steps * demand.floor_area_m2).sum()), a.costs)

    pump_kw, pump_kwh = _pumping(spec, sizing, load, year, a.energy)
    pump_kwh += sizing.regeneration_kwh * a.energy.regeneration_aux_kwh_per_kwh
    useful = a.demand.useful_heat_kwh_per_m3()
    gas_m3 = (
        balance.direct_heat_kwh / useful
        if spec.source is Source.GAS or (spec.heat_pump is HeatPump.HYBRID)
        else 0.0
    )
    electricity = balance.heat_pump_electricity_kwh + pump_kwh
    ep = a.energy
    grid, central = _grid_peaks(spec, sizing, load, perf, pump_kw, a)
    cooking_co2_m3 = float(demand.cooking_gas_m3.sum()) * ep.co2_reference_includes_cooking
    energy = EnergyResult(
        balance=balance,
        scop=balance.heat_pump_heat_kwh / balance.heat_pump_electricity_kwh
        if balance.heat_pump_electricity_kwh > 0
        else None,
        scop_first_year=None if sized is None else sized.scop_first_year,
        scop_last_year=None if sized is None else sized.scop_last_year,
        pumping_electricity_kwh=pump_kwh,
        electricity_kwh=electricity,
        gas_m3=gas_m3,
        pv_generation_kwh=sizing.pvt_m2 * a.sizing.pvt_electric_kwh_per_m2,
        # Cooking stays on gas in every concept: counted (choice) on both sides, or on neither.
        co2_kg=electricity * ep.co2_electricity_kg_per_kwh
        + (gas_m3 + cooking_co2_m3) * ep.co2_gas_kg_per_m3,
        co2_reference_kg=(float(base.heat_kwh.sum()) / useful + cooking_co2_m3)
        * ep.co2_gas_kg_per_m3,
        co2_with_cooking=bool(ep.co2_reference_includes_cooking),
        grid_peak_kw=grid,
        central_grid_peak_kw=central,
    )
    peak_sum = float(load.space_heating_peak_kw.sum() + load.tap_water_peak_kw.sum())
    summary = DemandSummary(
        homes=demand.homes,
        homes_estimated=int(demand.estimated.sum()),
        homes_insulated=int((steps > 0).sum()),
        space_heating_gj=kwh_to_gj(load.space_heating_kwh),
        tap_water_gj=kwh_to_gj(load.tap_water_kwh),
        heat_demand_before_insulation_gj=kwh_to_gj(float(base.heat_kwh.sum())),
        cooking_gas_m3=float(demand.cooking_gas_m3.sum()),
        space_heating_peak_sum_kw=float(load.space_heating_peak_kw.sum()),
        collective_peak_kw=load.collective_peak_kw,
        simultaneity=load.collective_peak_kw / peak_sum if peak_sum > 0 else 1.0,
    )
    warnings = _warnings(spec, demand, steps, load, sizing, energy, site, a)
    return ConceptResult(
        concept=spec.concept,
        name_nl=spec.name_nl,
        homes=demand.homes,
        fit=fit_for(warnings),
        warnings=warnings,
        ground=ground,
        demand=summary,
        sizing=sizing,
        costs=costs,
        energy=energy,
    )


def run_concept(
    households: Sequence[HouseholdInput],
    site: SiteInput,
    concept: Concept,
    assumptions: Assumptions = DEFAULTS,
) -> ConceptResult:
    """Demand, sizing, costs, energy, CO₂ and grid peak of one concept for these homes."""
    return _run(CATALOGUE[Concept(concept)], _Prepared(households, assumptions), site)


def compare_concepts(
    households: Sequence[HouseholdInput],
    site: SiteInput,
    assumptions: Assumptions = DEFAULTS,
    *,
    include_out_of_scale: bool = False,
) -> Comparison:
    """Every concept the site allows (and, by default, whose scale fits), plus the references.

    Concepts left out come back in `excluded` with their reasons.
    """
    prep = _Prepared(households, assumptions)
    results, excluded = [], []
    for spec in CATALOGUE.values():
        reasons = hard_reasons(spec, site)
        n = prep.base.homes
        if not include_out_of_scale and not spec.homes_min <= n <= spec.homes_max:
            reasons += (Warning.CONCEPT_OUT_OF_SCALE,)
        if reasons:
            excluded.append(Exclusion(spec.concept, spec.name_nl, reasons))
        else:
            results.append(_run(spec, prep, site))
    return Comparison(tuple(results), tuple(excluded))
