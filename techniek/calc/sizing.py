"""Collective loads and the size of everything that is bought: heat pumps, source, network."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import defaults as d
from . import geometry
from .climate import ClimateParams, ReferenceYear, collective_peak_kw, hourly_heat_kw
from .concepts import ConceptSpec, HeatPump, Network, Regeneration, Source

if TYPE_CHECKING:
    from .ground_source import GroundLoop
from .defaults import check_ranges, default
from .demand import DemandParams, HouseholdDemand
from .energy import EnergyParams, HeatPumpParams, Performance
from .inputs import SiteInput


@dataclass(frozen=True)
class SizingParams:
    borehole_max_depth_m: float = default(d.BOREHOLE_DEPTH)
    borehole_spacing_m: float = default(d.BOREHOLE_SPACING)
    borehole_max_per_field: float = default(d.BOREHOLES_PER_FIELD)
    horizontal_w_per_m2: float = default(d.HORIZONTAL_W_PER_M2)
    horizontal_max_kwh_per_m2: float = default(d.HORIZONTAL_KWH_PER_M2)
    cluster_size_homes: float = default(d.CLUSTER_SIZE)
    trench_detour_factor: float = default(d.TRENCH_DETOUR)
    street_apartment_m_per_home: float = default(d.STREET_APARTMENT)
    street_mid_terrace_m_per_home: float = default(d.STREET_MID_TERRACE)
    street_end_terrace_m_per_home: float = default(d.STREET_END_TERRACE)
    street_semi_detached_m_per_home: float = default(d.STREET_SEMI_DETACHED)
    street_detached_m_per_home: float = default(d.STREET_DETACHED)
    roof_apartment_m2: float = default(d.ROOF_APARTMENT)
    roof_mid_terrace_m2: float = default(d.ROOF_MID_TERRACE)
    roof_end_terrace_m2: float = default(d.ROOF_END_TERRACE)
    roof_semi_detached_m2: float = default(d.ROOF_SEMI_DETACHED)
    roof_detached_m2: float = default(d.ROOF_DETACHED)
    regeneration_share_ring: float = default(d.REGEN_RING)
    regeneration_share_zlt: float = default(d.REGEN_ZLT)
    regeneration_share_wko: float = default(d.REGEN_WKO)
    regeneration_full_load_hours: float = default(d.REGEN_HOURS)
    pvt_buffer_below_temp_c: float = default(d.PVT_BUFFER_BELOW)
    pvt_thermal_kwh_per_m2: float = default(d.PVT_THERMAL)
    pvt_electric_kwh_per_m2: float = default(d.PVT_ELECTRIC)
    solar_fraction: float = default(d.SOLAR_FRACTION)
    collector_kwh_per_m2: float = default(d.COLLECTOR_YIELD)
    storage_m3_per_m2: float = default(d.STORAGE_PER_M2)
    solar_land_m2_per_m2: float = default(d.SOLAR_LAND)
    module_kw: float = default(d.MODULE_KW)

    def __post_init__(self) -> None:
        check_ranges(self)

    def street_by_type(self) -> np.ndarray:
        t = self
        return np.array(
            [
                t.street_apartment_m_per_home,
                t.street_mid_terrace_m_per_home,
                t.street_end_terrace_m_per_home,
                t.street_semi_detached_m_per_home,
                t.street_detached_m_per_home,
            ]
        )

    def roof_by_type(self) -> np.ndarray:
        t = self
        return np.array(
            [
                t.roof_apartment_m2,
                t.roof_mid_terrace_m2,
                t.roof_end_terrace_m2,
                t.roof_semi_detached_m2,
                t.roof_detached_m2,
            ]
        )

    def regeneration_share(self, regeneration: Regeneration) -> float:
        return {
            Regeneration.NONE: 0.0,
            Regeneration.RING: self.regeneration_share_ring,
            Regeneration.ZLT: self.regeneration_share_zlt,
            Regeneration.WKO: self.regeneration_share_wko,
        }[regeneration]


@dataclass(frozen=True)
class Loads:
    """Collective heat loads of the connected homes for one concept (after any insulation)."""

    homes: int
    space_heating_kwh: float
    tap_water_kwh: float
    space_heating_peak_kw: np.ndarray  # per home, before simultaneity
    tap_water_peak_kw: np.ndarray
    collective_space_heating_peak_kw: float  # after simultaneity
    collective_tap_water_peak_kw: float
    collective_rated_kw: float  # heat pumps at max(space heating, tap water), after simultaneity
    street_length_m: float  # public-street trench if the concept has a street network
    network_loss_kw: float  # MT networks: heat loss of the buried pipes

    @property
    def collective_peak_kw(self) -> float:
        return self.collective_space_heating_peak_kw + self.collective_tap_water_peak_kw

    @property
    def source_peak_kw(self) -> float:
        return self.collective_peak_kw + self.network_loss_kw

    def load_share(self, year: ReferenceYear) -> np.ndarray:
        """Hourly load at the source divided by its design peak."""
        if self.source_peak_kw <= 0:
            return np.zeros_like(year.outdoor_temp_c)
        hourly = (
            self.space_heating_kwh * year.space_heating_shape
            + self.tap_water_kwh * year.tap_water_shape
            + self.network_loss_kw
        )
        return hourly / self.source_peak_kw


def cluster_homes(homes: int, sp: SizingParams) -> int:
    return max(1, min(homes, int(round(sp.cluster_size_homes))))


def cluster_sizes(homes: int, sp: SizingParams) -> list[tuple[int, int]]:
    """⌈n / k⌉ clusters as equal as possible: [(homes per cluster, number of such clusters)]."""
    clusters = math.ceil(homes / cluster_homes(homes, sp))
    small, larger = divmod(homes, clusters)
    sizes = [(small + 1, larger), (small, clusters - larger)]
    return [(size, count) for size, count in sizes if count > 0]


def _points(demand: HouseholdDemand) -> np.ndarray | None:
    if not geometry.has_positions(demand.x_m, demand.y_m):
        return None
    return np.column_stack([demand.x_m, demand.y_m])


def street_length_m(demand: HouseholdDemand, site: SiteInput, sp: SizingParams) -> float:
    """The site's street length; else the route that joins the homes' positions; else the sum
    of a default frontage per building type."""
    if site.street_length_m is not None:
        return site.street_length_m
    points = _points(demand)
    if points is not None and len(points) > 1:
        return geometry.route_m(points, sp.trench_detour_factor)
    return float(sp.street_by_type()[demand.building_type].sum())


def cluster_trench_m(demand: HouseholdDemand, site: SiteInput, sp: SizingParams) -> float:
    """Pipes on private ground within the clusters: with positions (and no street length given),
    each cluster of neighbours joins its own homes; else (k − 1) gaps of one frontage each."""
    k = cluster_homes(demand.homes, sp)
    points = _points(demand)
    if site.street_length_m is None and points is not None:
        groups = geometry.neighbour_groups(points, k)
        return sum(geometry.route_m(points[g], sp.trench_detour_factor) for g in groups)
    return street_length_m(demand, site, sp) * (k - 1) / k


def loads(
    spec: ConceptSpec,
    demand: HouseholdDemand,
    site: SiteInput,
    sp: SizingParams,
    dp: DemandParams,
    cp: ClimateParams,
    ep: EnergyParams,
    year: ReferenceYear,
) -> Loads:
    """Design peak per home = annual space heating / full-load hours; tap water = reheat power.

    Collective peaks use f(n) = limit + (1 − limit)/n^exponent (climate.collective_peak_kw); a
    bodemlus cluster applies it per cluster of k homes, every other network over all homes.
    """
    sh_peak = demand.space_heating_kwh / dp.full_load_hours
    tap_peak = np.where(demand.tap_water_kwh > 0, dp.tap_water_design_kw, 0.0)
    # A bodemlus cluster shares its field with k homes only: n / k groups.
    groups = (
        demand.homes / cluster_homes(demand.homes, sp) if spec.network is Network.CLUSTER else 1
    )
    sh = collective_peak_kw(
        sh_peak,
        cp.simultaneity_space_heating_limit,
        groups,
        cp.simultaneity_space_heating_exponent,
    )
    tap = collective_peak_kw(tap_peak, cp.simultaneity_tap_water_limit, groups)
    # Never below the peak hour of the reference year, in which all homes follow one profile:
    # for many homes the tap-water simultaneity alone would undercut the evening draw.
    sh_kwh, tap_kwh = float(demand.space_heating_kwh.sum()), float(demand.tap_water_kwh.sum())
    tap += max(float(hourly_heat_kw(sh_kwh, tap_kwh, year).max()) - sh - tap, 0.0)
    rated = collective_peak_kw(
        np.maximum(sh_peak, tap_peak),
        cp.simultaneity_space_heating_limit,
        groups,
        cp.simultaneity_space_heating_exponent,
    )
    street = (
        street_length_m(demand, site, sp) if spec.network in (Network.AMBIENT, Network.MT) else 0
    )
    loss_kw = ep.mt_heat_loss_w_per_m * street / 1000 if spec.network is Network.MT else 0.0
    return Loads(
        homes=demand.homes,
        space_heating_kwh=sh_kwh,
        tap_water_kwh=tap_kwh,
        space_heating_peak_kw=sh_peak,
        tap_water_peak_kw=tap_peak,
        collective_space_heating_peak_kw=sh,
        collective_tap_water_peak_kw=tap,
        collective_rated_kw=rated,
        street_length_m=float(street),
        network_loss_kw=loss_kw,
    )


@dataclass(frozen=True)
class Sizing:
    homes: int
    collective_peak_kw: float  # heat at the homes at the design hour, after simultaneity
    network_loss_kw: float
    individual_heat_pumps: int
    individual_heat_pump_kw: float  # summed over the homes
    central_heat_pump_kw: float
    modules: int
    source_extraction_kw: float  # heat taken from the source at the design hour
    source_heat_kwh: float  # heat the source gives per year (solar, residual heat: incl. direct)
    borehole_m: float
    borehole_count: int  # whole holes of at most the allowed depth
    borehole_depth_m: float  # the deepest borehole of the concept
    borehole_fields: float  # for the per-field cost: clusters, or central fields
    fluid_min_c: float | None  # lowest mean fluid temperature over the lifetime (simulated)
    depletion_k: float  # the last year's fluid that much colder than the first year's
    regeneration_needed: bool  # depletion above the warning: regeneration would pay
    fluid_below_limit: bool  # the field cannot keep the fluid at its limit (limit ≥ ground)
    cluster_homes: int
    horizontal_collector_m2: float
    solar_collector_m2: float
    storage_m3: float
    pvt_m2: float
    teo_kw: float
    aquifer_kw: float
    waste_heat_kw: float
    regeneration_kw: float
    regeneration_kwh: float
    street_trench_m: float  # public street
    private_trench_m: float  # gardens, within bodemlus clusters
    pipe_m: float  # supply + return
    pump_station: bool
    land_m2: float  # public/shared land for a central field or collectors
    roof_m2_available: float  # for PVT, from the building types

    @property
    def trench_m(self) -> float:
        return self.street_trench_m + self.private_trench_m


def size(
    spec: ConceptSpec,
    demand: HouseholdDemand,
    load: Loads,
    perf: Performance | None,
    source_kwh: float,
    direct_share: float,
    site: SiteInput,
    sp: SizingParams,
    hp: HeatPumpParams,
    ground: GroundLoop | None = None,
    depletion_warning_k: float = math.inf,
) -> Sizing:
    """Size one concept. `source_kwh` is the heat the source gives per year (for solar thermal:
    direct solar heat included); `direct_share` the part of the heat that needs no heat pump;
    `ground` the sized borehole fields of a BOREHOLES or PVT concept."""
    n = demand.homes
    q: dict[str, float] = {}
    if spec.heat_pump is HeatPump.INDIVIDUAL and perf is not None:
        rated = np.maximum(load.space_heating_peak_kw, load.tap_water_peak_kw)
        q["individual_heat_pumps"], q["individual_heat_pump_kw"] = n, float(rated.sum())
        # Sized to the larger of space heating and tap water, a heat pump gives one or the other
        # at full power: at the design hour the homes draw their rated power after simultaneity.
        extraction = load.collective_rated_kw * (1 - 1 / perf.design_cop_space_heating)
    elif spec.heat_pump is HeatPump.HYBRID:
        q["individual_heat_pumps"], q["individual_heat_pump_kw"] = n, n * hp.hybrid_heat_pump_kw
        extraction = 0.0
    elif spec.heat_pump in (HeatPump.CENTRAL, HeatPump.MODULES) and perf is not None:
        central = 0.0 if direct_share >= 1 else load.source_peak_kw
        q["central_heat_pump_kw"] = central
        if spec.heat_pump is HeatPump.MODULES:
            q["modules"] = math.ceil(central / sp.module_kw - 1e-9)
        lifted = central * (1 - 1 / perf.design_cop_space_heating)
        extraction = lifted if central else load.source_peak_kw
    else:
        extraction = 0.0
    if spec.source is Source.AIR:
        extraction = 0.0  # outdoor air: nothing to build or size on the source side

    regen = sp.regeneration_share(spec.regeneration)
    if ground is not None:
        extraction = ground.design_extraction_kw
        q.update(
            borehole_m=ground.borehole_m,
            borehole_count=ground.borehole_count,
            borehole_depth_m=ground.depth_m,
            borehole_fields=float(ground.field_count),
            fluid_min_c=ground.min_fluid_c,
            depletion_k=ground.depletion_k,
        )
        q["regeneration_needed"] = ground.depletion_k > depletion_warning_k
        q["fluid_below_limit"] = ground.min_fluid_c < ground.limit_c - 0.05
        if spec.network is Network.CLUSTER:
            q["cluster_homes"] = cluster_homes(n, sp)
        else:
            q["land_m2"] = ground.borehole_count * sp.borehole_spacing_m**2
        if spec.source is Source.PVT:
            q["pvt_m2"] = source_kwh / sp.pvt_thermal_kwh_per_m2
    match spec.source:
        case Source.HORIZONTAL:
            area = max(
                extraction * 1000 / sp.horizontal_w_per_m2,
                source_kwh / sp.horizontal_max_kwh_per_m2,
            )
            q["horizontal_collector_m2"] = q["land_m2"] = area
        case Source.SURFACE_WATER:
            q["teo_kw"] = extraction
        case Source.AQUIFER:
            q["aquifer_kw"] = extraction
        case Source.TEO_AQUIFER:
            # The TEO charges the aquifer in summer with what the heat pumps take out in winter.
            q["aquifer_kw"] = extraction
            q["teo_kw"] = source_kwh / sp.regeneration_full_load_hours
        case Source.WASTE_HEAT:
            q["waste_heat_kw"] = extraction
        case Source.SOLAR_THERMAL:
            # Collectors supply the direct solar share and all heat the heat pump lifts.
            q["solar_collector_m2"] = source_kwh / sp.collector_kwh_per_m2
            q["storage_m3"] = q["solar_collector_m2"] * sp.storage_m3_per_m2
            q["land_m2"] = q["solar_collector_m2"] * sp.solar_land_m2_per_m2
    if ground is not None and spec.source is Source.BOREHOLES and regen > 0:
        q["regeneration_kwh"] = ground.regeneration_kwh
        q["regeneration_kw"] = q["regeneration_kwh"] / sp.regeneration_full_load_hours
    elif regen > 0 and spec.source is Source.AQUIFER:
        q["regeneration_kwh"] = regen * source_kwh
        q["regeneration_kw"] = q["regeneration_kwh"] / sp.regeneration_full_load_hours

    street = load.street_length_m
    private = 0.0
    if spec.network is Network.CLUSTER:
        private = cluster_trench_m(demand, site, sp)
    return Sizing(
        homes=n,
        collective_peak_kw=load.collective_peak_kw,
        network_loss_kw=load.network_loss_kw,
        individual_heat_pumps=int(q.get("individual_heat_pumps", 0)),
        individual_heat_pump_kw=q.get("individual_heat_pump_kw", 0.0),
        central_heat_pump_kw=q.get("central_heat_pump_kw", 0.0),
        modules=int(q.get("modules", 0)),
        source_extraction_kw=extraction,
        source_heat_kwh=source_kwh,
        borehole_m=q.get("borehole_m", 0.0),
        borehole_count=int(q.get("borehole_count", 0)),
        borehole_depth_m=q.get("borehole_depth_m", 0.0),
        borehole_fields=q.get("borehole_fields", 0.0),
        fluid_min_c=q.get("fluid_min_c"),
        depletion_k=q.get("depletion_k", 0.0),
        regeneration_needed=bool(q.get("regeneration_needed", False)),
        fluid_below_limit=bool(q.get("fluid_below_limit", False)),
        cluster_homes=int(q.get("cluster_homes", 0)),
        horizontal_collector_m2=q.get("horizontal_collector_m2", 0.0),
        solar_collector_m2=q.get("solar_collector_m2", 0.0),
        storage_m3=q.get("storage_m3", 0.0),
        pvt_m2=q.get("pvt_m2", 0.0),
        teo_kw=q.get("teo_kw", 0.0),
        aquifer_kw=q.get("aquifer_kw", 0.0),
        waste_heat_kw=q.get("waste_heat_kw", 0.0),
        regeneration_kw=q.get("regeneration_kw", 0.0),
        regeneration_kwh=q.get("regeneration_kwh", 0.0),
        street_trench_m=street,
        private_trench_m=private,
        pipe_m=2 * (street + private),
        pump_station=spec.network is Network.AMBIENT,
        land_m2=q.get("land_m2", 0.0),
        roof_m2_available=float(sp.roof_by_type()[demand.building_type].sum()),
    )
