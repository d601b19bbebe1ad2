"""Investment, yearly O&M and replacement lifetimes per concept, as Decimal cost lines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from . import defaults_costs as c
from .concepts import ConceptSpec, HeatPump, Network, Source
from .defaults import check_ranges, default
from .money import eur
from .sizing import Sizing


@dataclass(frozen=True)
class CostParams:
    air_hp_base_eur: float = default(c.AIR_HP_BASE)
    air_hp_eur_per_kw: float = default(c.AIR_HP_PER_KW)
    water_hp_base_eur: float = default(c.WATER_HP_BASE)
    water_hp_eur_per_kw: float = default(c.WATER_HP_PER_KW)
    hybrid_hp_eur: float = default(c.HYBRID_HP)
    gas_boiler_eur: float = default(c.GAS_BOILER)
    delivery_set_eur: float = default(c.DELIVERY_SET)
    insulation_eur_per_m2_per_label_step: float = default(c.INSULATION_STEP)
    trench_pe_street_eur_per_m: float = default(c.TRENCH_PE_STREET)
    trench_pe_garden_eur_per_m: float = default(c.TRENCH_PE_GARDEN)
    trench_mt_eur_per_m: float = default(c.TRENCH_MT)
    connection_mt_eur_per_home: float = default(c.CONNECTION_MT)
    connection_ambient_eur_per_home: float = default(c.CONNECTION_AMBIENT)
    pump_station_eur: float = default(c.PUMP_STATION)
    borehole_eur_per_m: float = default(c.BOREHOLE)
    borehole_field_eur: float = default(c.BOREHOLE_FIELD)
    horizontal_collector_eur_per_m2: float = default(c.HORIZONTAL)
    central_hp_fixed_eur: float = default(c.CENTRAL_HP_FIXED)
    central_air_hp_eur_per_kw: float = default(c.CENTRAL_AIR_HP)
    central_water_hp_eur_per_kw: float = default(c.CENTRAL_WATER_HP)
    module_eur: float = default(c.MODULE)
    teo_fixed_eur: float = default(c.TEO_FIXED)
    teo_eur_per_kw: float = default(c.TEO_PER_KW)
    aquifer_fixed_eur: float = default(c.AQUIFER_FIXED)
    aquifer_eur_per_kw: float = default(c.AQUIFER_PER_KW)
    dry_cooler_eur_per_kw: float = default(c.DRY_COOLER)
    waste_heat_fixed_eur: float = default(c.WASTE_FIXED)
    waste_heat_eur_per_kw: float = default(c.WASTE_PER_KW)
    solar_collector_eur_per_m2: float = default(c.SOLAR_COLLECTOR)
    storage_eur_per_m3: float = default(c.STORAGE)
    pvt_eur_per_m2: float = default(c.PVT_PANEL)
    engineering_share: float = default(c.ENGINEERING_SHARE)
    process_fixed_eur: float = default(c.PROCESS_FIXED)
    om_heat_pump_share: float = default(c.OM_HEAT_PUMP)
    om_boiler_share: float = default(c.OM_BOILER)
    om_plant_share: float = default(c.OM_PLANT)
    om_network_share: float = default(c.OM_NETWORK)
    om_source_share: float = default(c.OM_SOURCE)
    om_wells_share: float = default(c.OM_WELLS)
    om_solar_share: float = default(c.OM_SOLAR)
    lifetime_heat_pump_years: float = default(c.LIFE_HEAT_PUMP)
    lifetime_delivery_years: float = default(c.LIFE_DELIVERY)
    lifetime_solar_years: float = default(c.LIFE_SOLAR)
    lifetime_wells_years: float = default(c.LIFE_WELLS)
    lifetime_network_years: float = default(c.LIFE_NETWORK)
    lifetime_borehole_years: float = default(c.LIFE_BOREHOLE)

    def __post_init__(self) -> None:
        check_ranges(self)


class CostCategory(StrEnum):
    SOURCE = "source"
    NETWORK = "network"
    IN_HOME = "in_home"
    CONNECTION = "connection"
    INSULATION = "insulation"
    ENGINEERING = "engineering"


class Component(StrEnum):
    WATER_HEAT_PUMPS = "water_heat_pumps"
    AIR_HEAT_PUMPS = "air_heat_pumps"
    HYBRID_HEAT_PUMPS = "hybrid_heat_pumps"
    GAS_BOILERS = "gas_boilers"
    DELIVERY_SETS = "delivery_sets"
    INSULATION = "insulation"
    BOREHOLES = "boreholes"
    HORIZONTAL_COLLECTOR = "horizontal_collector"
    PVT_PANELS = "pvt_panels"
    SOLAR_COLLECTORS = "solar_collectors"
    HEAT_STORAGE = "heat_storage"
    TEO = "teo"
    AQUIFER_WELLS = "aquifer_wells"
    WASTE_HEAT_LINK = "waste_heat_link"
    DRY_COOLERS = "dry_coolers"
    CENTRAL_HEAT_PUMP = "central_heat_pump"
    HEAT_PUMP_MODULES = "heat_pump_modules"
    PUMP_STATION = "pump_station"
    STREET_NETWORK = "street_network"
    CLUSTER_PIPES = "cluster_pipes"
    CONNECTIONS = "connections"
    ENGINEERING = "engineering"


_CAT = CostCategory
# Component → (category, O&M share field, lifetime field); None: no O&M or no replacement.
COMPONENTS: dict[Component, tuple[CostCategory, str | None, str | None]] = {
    Component.WATER_HEAT_PUMPS: (_CAT.IN_HOME, "om_heat_pump_share", "lifetime_heat_pump_years"),
    Component.AIR_HEAT_PUMPS: (_CAT.IN_HOME, "om_heat_pump_share", "lifetime_heat_pump_years"),
    Component.HYBRID_HEAT_PUMPS: (_CAT.IN_HOME, "om_heat_pump_share", "lifetime_heat_pump_years"),
    Component.GAS_BOILERS: (_CAT.IN_HOME, "om_boiler_share", "lifetime_heat_pump_years"),
    Component.DELIVERY_SETS: (_CAT.IN_HOME, "om_solar_share", "lifetime_delivery_years"),
    Component.INSULATION: (_CAT.INSULATION, None, None),
    Component.BOREHOLES: (_CAT.SOURCE, "om_source_share", "lifetime_borehole_years"),
    Component.HORIZONTAL_COLLECTOR: (_CAT.SOURCE, "om_source_share", "lifetime_network_years"),
    Component.PVT_PANELS: (_CAT.SOURCE, "om_solar_share", "lifetime_solar_years"),
    Component.SOLAR_COLLECTORS: (_CAT.SOURCE, "om_solar_share", "lifetime_solar_years"),
    Component.HEAT_STORAGE: (_CAT.SOURCE, "om_solar_share", "lifetime_wells_years"),
    Component.TEO: (_CAT.SOURCE, "om_wells_share", "lifetime_solar_years"),
    Component.AQUIFER_WELLS: (_CAT.SOURCE, "om_wells_share", "lifetime_wells_years"),
    Component.WASTE_HEAT_LINK: (_CAT.SOURCE, "om_wells_share", "lifetime_solar_years"),
    Component.DRY_COOLERS: (_CAT.SOURCE, "om_plant_share", "lifetime_delivery_years"),
    Component.CENTRAL_HEAT_PUMP: (_CAT.SOURCE, "om_plant_share", "lifetime_heat_pump_years"),
    Component.HEAT_PUMP_MODULES: (_CAT.SOURCE, "om_plant_share", "lifetime_heat_pump_years"),
    Component.PUMP_STATION: (_CAT.NETWORK, "om_plant_share", "lifetime_heat_pump_years"),
    Component.STREET_NETWORK: (_CAT.NETWORK, "om_network_share", "lifetime_network_years"),
    Component.CLUSTER_PIPES: (_CAT.NETWORK, "om_network_share", "lifetime_network_years"),
    Component.CONNECTIONS: (_CAT.CONNECTION, "om_network_share", "lifetime_network_years"),
    Component.ENGINEERING: (_CAT.ENGINEERING, None, None),
}


@dataclass(frozen=True)
class CostLine:
    component: Component
    category: CostCategory
    capex_eur: Decimal
    om_eur_per_year: Decimal
    lifetime_years: int | None  # replaced after this many years; None: never


@dataclass(frozen=True)
class CostBreakdown:
    homes: int
    lines: tuple[CostLine, ...]

    def category_eur(self, category: CostCategory) -> Decimal:
        return sum((ln.capex_eur for ln in self.lines if ln.category is category), Decimal(0))

    @property
    def source_eur(self) -> Decimal:
        return self.category_eur(CostCategory.SOURCE)

    @property
    def network_eur(self) -> Decimal:
        return self.category_eur(CostCategory.NETWORK)

    @property
    def in_home_eur(self) -> Decimal:
        return self.category_eur(CostCategory.IN_HOME)

    @property
    def connection_eur(self) -> Decimal:
        return self.category_eur(CostCategory.CONNECTION)

    @property
    def insulation_eur(self) -> Decimal:
        return self.category_eur(CostCategory.INSULATION)

    @property
    def engineering_eur(self) -> Decimal:
        return self.category_eur(CostCategory.ENGINEERING)

    @property
    def capex_eur(self) -> Decimal:
        return sum((ln.capex_eur for ln in self.lines), Decimal(0))

    @property
    def shared_capex_eur(self) -> Decimal:
        """Source, network and engineering: what the participants share."""
        return self.source_eur + self.network_eur + self.engineering_eur

    @property
    def om_eur_per_year(self) -> Decimal:
        return sum((ln.om_eur_per_year for ln in self.lines), Decimal(0))

    @property
    def capex_per_home_eur(self) -> Decimal:
        return eur(self.capex_eur / self.homes)

    @property
    def shared_capex_per_home_eur(self) -> Decimal:
        return eur(self.shared_capex_eur / self.homes)

    @property
    def replacements(self) -> tuple[CostLine, ...]:
        return tuple(ln for ln in self.lines if ln.lifetime_years is not None)


def _quantities(
    spec: ConceptSpec, s: Sizing, insulation_m2_steps: float, p: CostParams
) -> dict[Component, float]:
    """Capex per component in float euros: quantity × unit price (+ fixed part)."""
    n = s.homes
    q: dict[Component, float] = {}
    if spec.heat_pump is HeatPump.INDIVIDUAL:
        if spec.source is Source.AIR:
            base, per_kw, comp = p.air_hp_base_eur, p.air_hp_eur_per_kw, Component.AIR_HEAT_PUMPS
        else:
            base, per_kw = p.water_hp_base_eur, p.water_hp_eur_per_kw
            comp = Component.WATER_HEAT_PUMPS
        q[comp] = s.individual_heat_pumps * base + per_kw * s.individual_heat_pump_kw
    if spec.heat_pump is HeatPump.HYBRID:
        q[Component.HYBRID_HEAT_PUMPS] = n * p.hybrid_hp_eur
    if spec.source is Source.GAS:
        q[Component.GAS_BOILERS] = n * p.gas_boiler_eur
    q[Component.INSULATION] = insulation_m2_steps * p.insulation_eur_per_m2_per_label_step
    if s.central_heat_pump_kw > 0 and spec.heat_pump is HeatPump.CENTRAL:
        per_kw = (
            p.central_air_hp_eur_per_kw
            if spec.source is Source.AIR
            else p.central_water_hp_eur_per_kw
        )
        q[Component.CENTRAL_HEAT_PUMP] = p.central_hp_fixed_eur + per_kw * s.central_heat_pump_kw
    q[Component.HEAT_PUMP_MODULES] = s.modules * p.module_eur
    q[Component.BOREHOLES] = (
        s.borehole_m * p.borehole_eur_per_m + s.borehole_fields * p.borehole_field_eur
    )
    q[Component.HORIZONTAL_COLLECTOR] = (
        s.horizontal_collector_m2 * p.horizontal_collector_eur_per_m2
    )
    q[Component.PVT_PANELS] = s.pvt_m2 * p.pvt_eur_per_m2
    q[Component.SOLAR_COLLECTORS] = s.solar_collector_m2 * p.solar_collector_eur_per_m2
    q[Component.HEAT_STORAGE] = s.storage_m3 * p.storage_eur_per_m3
    if s.teo_kw > 0:
        q[Component.TEO] = p.teo_fixed_eur + s.teo_kw * p.teo_eur_per_kw
    if s.aquifer_kw > 0:
        q[Component.AQUIFER_WELLS] = p.aquifer_fixed_eur + s.aquifer_kw * p.aquifer_eur_per_kw
    if s.waste_heat_kw > 0:
        q[Component.WASTE_HEAT_LINK] = (
            p.waste_heat_fixed_eur + s.waste_heat_kw * p.waste_heat_eur_per_kw
        )
    q[Component.DRY_COOLERS] = s.regeneration_kw * p.dry_cooler_eur_per_kw
    if spec.network is Network.MT:
        q[Component.DELIVERY_SETS] = n * p.delivery_set_eur
        q[Component.STREET_NETWORK] = s.street_trench_m * p.trench_mt_eur_per_m
        q[Component.CONNECTIONS] = n * p.connection_mt_eur_per_home
    elif spec.network in (Network.AMBIENT, Network.CLUSTER):
        q[Component.STREET_NETWORK] = s.street_trench_m * p.trench_pe_street_eur_per_m
        q[Component.CLUSTER_PIPES] = s.private_trench_m * p.trench_pe_garden_eur_per_m
        q[Component.CONNECTIONS] = n * p.connection_ambient_eur_per_home
    if s.pump_station:
        q[Component.PUMP_STATION] = p.pump_station_eur
    if spec.is_collective:
        hard = sum(v for k, v in q.items() if k is not Component.INSULATION)
        q[Component.ENGINEERING] = p.engineering_share * hard + p.process_fixed_eur
    return q


def concept_costs(
    spec: ConceptSpec, sizing: Sizing, insulation_m2_steps: float, p: CostParams
) -> CostBreakdown:
    """Gross investment (before subsidies, excl. VAT), O&M per year and lifetimes, per component.

    `insulation_m2_steps` = Σ over homes of floor area × label steps to the required label.
    """
    lines = []
    for component, capex in _quantities(spec, sizing, insulation_m2_steps, p).items():
        if capex <= 0:
            continue
        category, om_field, life_field = COMPONENTS[component]
        om = capex * getattr(p, om_field) if om_field else 0.0
        life = int(round(getattr(p, life_field))) if life_field else None
        lines.append(CostLine(component, category, eur(capex), eur(om), life))
    return CostBreakdown(sizing.homes, tuple(lines))
