"""Heat-pump performance against source temperature, pumping, CO₂ and the energy result."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import defaults as d
from .climate import ClimateParams, ReferenceYear
from .concepts import Network, Source
from .defaults import check_ranges, default
from .inputs import SiteInput

KELVIN = 273.15


@dataclass(frozen=True)
class HeatPumpParams:
    carnot_efficiency_water: float = default(d.CARNOT_WATER)
    carnot_efficiency_air: float = default(d.CARNOT_AIR)
    carnot_efficiency_central_water: float = default(d.CARNOT_CENTRAL_WATER)
    carnot_efficiency_central_air: float = default(d.CARNOT_CENTRAL_AIR)
    min_lift_k: float = default(d.MIN_LIFT)
    max_cop: float = default(d.MAX_COP)
    lt_supply_temp_c: float = default(d.LT_SUPPLY)
    tap_water_temp_c: float = default(d.TAP_WATER_TEMP)
    mt_supply_temp_c: float = default(d.MT_SUPPLY)
    hybrid_supply_temp_c: float = default(d.HYBRID_SUPPLY)
    hybrid_bivalent_temp_c: float = default(d.HYBRID_BIVALENT)
    hybrid_heat_pump_kw: float = default(d.HYBRID_KW)
    backup_heater_kw: float = default(d.BACKUP_HEATER)
    ring_temp_drop_k: float = default(d.RING_DROP)
    shallow_ground_amplitude_ratio: float = default(d.SHALLOW_RATIO)
    shallow_ground_lag_days: float = default(d.SHALLOW_LAG)
    shallow_ground_offset_k: float = default(d.SHALLOW_OFFSET)
    horizontal_design_fluid_temp_c: float = default(d.HORIZONTAL_FLUID)
    surface_water_min_temp_c: float = default(d.WATER_MIN)
    surface_water_lag_days: float = default(d.WATER_LAG)
    teo_approach_k: float = default(d.TEO_APPROACH)
    aquifer_temp_c: float = default(d.AQUIFER_TEMP)
    teo_aquifer_temp_c: float = default(d.TEO_WELL_TEMP)
    pvt_source_offset_k: float = default(d.PVT_OFFSET)
    solar_storage_source_temp_c: float = default(d.SOLAR_STORE_SOURCE)

    def __post_init__(self) -> None:
        check_ranges(self)


@dataclass(frozen=True)
class EnergyParams:
    co2_gas_kg_per_m3: float = default(d.CO2_GAS)
    co2_electricity_kg_per_kwh: float = default(d.CO2_ELECTRICITY)
    co2_reference_includes_cooking: float = default(d.CO2_COOKING)  # a choice: 0 or 1
    small_connection_kw: float = default(d.SMALL_CONNECTION)
    heat_connection_limit_kw: float = default(d.HEAT_CONNECTION_LIMIT)
    mt_heat_loss_w_per_m: float = default(d.MT_LOSS_W_PER_M)
    network_loss_warning_share: float = default(d.LOSS_WARNING)
    long_network_m_per_home: float = default(d.LONG_NETWORK)
    ambient_delta_t_k: float = default(d.DT_AMBIENT)
    mt_delta_t_k: float = default(d.DT_MT)
    fluid_heat_capacity_kj_per_m3_k: float = default(d.FLUID_HEAT)
    pipe_pressure_gradient_pa_per_m: float = default(d.PIPE_GRADIENT)
    fixed_pressure_drop_kpa: float = default(d.FIXED_HEAD)
    pump_efficiency: float = default(d.PUMP_EFFICIENCY)
    min_flow_share: float = default(d.MIN_FLOW)
    regeneration_aux_kwh_per_kwh: float = default(d.REGEN_AUX)

    def __post_init__(self) -> None:
        check_ranges(self)
        if self.co2_reference_includes_cooking not in (0, 1):
            raise ValueError("EnergyParams.co2_reference_includes_cooking: 0 (without) or 1 (with)")


def cop(
    source_c: np.ndarray | float, sink_c: float, carnot_efficiency: float, p: HeatPumpParams
) -> np.ndarray:
    """COP = η · T_sink / (T_sink − T_source), temperatures in K, lift at least `min_lift_k`.

    η (the Carnot fraction) is calibrated so the engine's seasonal result matches the domain's SCOP
    defaults at 35 °C: 4.5 ground source, 3.5 air-water. Clipped to [1, max_cop].
    """
    lift = np.maximum(sink_c - np.asarray(source_c, dtype=float), p.min_lift_k)
    return np.clip(carnot_efficiency * (sink_c + KELVIN) / lift, 1.0, p.max_cop)


def _shallow_ground_c(year: ReferenceYear, hp: HeatPumpParams) -> np.ndarray:
    mean = float(year.seasonal_temp_c.mean())
    lagged = year.seasonal_lagged_c(hp.shallow_ground_lag_days)
    return mean + hp.shallow_ground_offset_k + hp.shallow_ground_amplitude_ratio * (lagged - mean)


def _surface_water_c(year: ReferenceYear, hp: HeatPumpParams) -> np.ndarray:
    lagged = year.seasonal_lagged_c(hp.surface_water_lag_days)
    return np.maximum(lagged, hp.surface_water_min_temp_c)


def source_temp_c(
    source: Source,
    network: Network,
    year: ReferenceYear,
    load_share: np.ndarray,
    hp: HeatPumpParams,
    site: SiteInput,
) -> np.ndarray:
    """Hourly temperature the heat pumps see on their source side (°C).

    `load_share` is the hourly collective heat load divided by the design peak. Borehole fields
    and the PVT buffer are simulated instead (ground_source.py).
    """
    drop = hp.ring_temp_drop_k if network is Network.AMBIENT else 0.0
    match source:
        case Source.AIR:
            return year.outdoor_temp_c
        case Source.HORIZONTAL:
            shallow = _shallow_ground_c(year, hp)
            drawdown = max(float(shallow.min()) - hp.horizontal_design_fluid_temp_c, 0.0)
            return shallow - drawdown * load_share - drop
        case Source.SURFACE_WATER:
            return _surface_water_c(year, hp) - hp.teo_approach_k - drop
        case Source.AQUIFER:
            return np.full_like(load_share, hp.aquifer_temp_c - drop)
        case Source.TEO_AQUIFER:
            return np.full_like(load_share, hp.teo_aquifer_temp_c)
        case Source.WASTE_HEAT:
            return np.full_like(load_share, site.waste_heat_temp_c)
        case Source.SOLAR_THERMAL:
            return np.full_like(load_share, hp.solar_storage_source_temp_c)
        case Source.GAS:
            return np.full_like(load_share, np.nan)
    raise ValueError(f"source {source!r} has no temperature model")


def design_source_temp_c(
    source: Source,
    network: Network,
    hp: HeatPumpParams,
    climate: ClimateParams,
    site: SiteInput,
    min_fluid_c: float,
) -> float:
    """Source temperature at the design condition (−10 °C outside, full design load)."""
    drop = hp.ring_temp_drop_k if network is Network.AMBIENT else 0.0
    by_source = {
        Source.AIR: climate.design_outdoor_temp_c,
        Source.BOREHOLES: min_fluid_c - drop,  # the field is sized to reach its limit
        Source.PVT: min_fluid_c - drop,  # no sun at the design hour: the buffer
        Source.HORIZONTAL: hp.horizontal_design_fluid_temp_c - drop,
        Source.SURFACE_WATER: hp.surface_water_min_temp_c - hp.teo_approach_k - drop,
        Source.AQUIFER: hp.aquifer_temp_c - drop,
        Source.TEO_AQUIFER: hp.teo_aquifer_temp_c,
        Source.WASTE_HEAT: site.waste_heat_temp_c,
        Source.SOLAR_THERMAL: hp.solar_storage_source_temp_c,
        Source.GAS: float("nan"),
    }
    return by_source[source]


@dataclass(frozen=True)
class Performance:
    """Electricity per kWh of heat for each load profile, and the COP at the design condition."""

    space_heating_kwh_per_kwh: float  # Σ_h shape_sh(h) / COP_sh(h)
    tap_water_kwh_per_kwh: float  # Σ_h shape_tap(h) / COP_tap(h)
    flat_kwh_per_kwh: float  # mean 1 / COP_sh, for a constant load such as network losses
    design_cop_space_heating: float
    design_cop_tap_water: float


def performance(
    source_hourly_c: np.ndarray,
    design_source_c: float,
    sink_space_heating_c: float,
    sink_tap_water_c: float,
    carnot_efficiency: float,
    year: ReferenceYear,
    hp: HeatPumpParams,
) -> Performance:
    cop_sh = cop(source_hourly_c, sink_space_heating_c, carnot_efficiency, hp)
    cop_tap = cop(source_hourly_c, sink_tap_water_c, carnot_efficiency, hp)
    return Performance(
        space_heating_kwh_per_kwh=float(year.space_heating_shape @ (1 / cop_sh)),
        tap_water_kwh_per_kwh=float(year.tap_water_shape @ (1 / cop_tap)),
        flat_kwh_per_kwh=float((1 / cop_sh).mean()),
        design_cop_space_heating=float(
            cop(design_source_c, sink_space_heating_c, carnot_efficiency, hp)
        ),
        design_cop_tap_water=float(cop(design_source_c, sink_tap_water_c, carnot_efficiency, hp)),
    )


def hybrid_split(
    space_heating_kwh: np.ndarray, year: ReferenceYear, hp: HeatPumpParams
) -> tuple[np.ndarray, np.ndarray]:
    """Heat and electricity of a hybrid heat pump per home (kWh/yr).

    The heat pump runs only when it is at least the bivalent temperature outside, up to its
    capacity; the boiler does the rest and all tap water. Per home x (annual space heating):
    heat(x) = Σ_h min(x·s_h, cap) over those hours. The hours are sorted by s_h, so the hours at
    capacity are a prefix: no per-home hourly arrays are needed.
    """
    warm = year.outdoor_temp_c >= hp.hybrid_bivalent_temp_c
    cop_h = cop(year.outdoor_temp_c[warm], hp.hybrid_supply_temp_c, hp.carnot_efficiency_air, hp)
    shape = year.space_heating_shape[warm]
    order = np.argsort(-shape)
    s, inv = shape[order], 1 / cop_h[order]
    cum_s = np.concatenate([[0.0], np.cumsum(s)])
    cum_inv = np.concatenate([[0.0], np.cumsum(inv)])
    cum_s_inv = np.concatenate([[0.0], np.cumsum(s * inv)])
    cap = hp.hybrid_heat_pump_kw
    x = np.asarray(space_heating_kwh, dtype=float)
    with np.errstate(over="ignore"):  # a tiny x gives an infinite threshold: no hour at capacity
        threshold = np.divide(cap, x, out=np.full_like(x, np.inf), where=x > 0)
    at_cap = np.searchsorted(-s, -threshold, side="right")  # hours with x·s_h ≥ cap
    heat = cap * at_cap + x * (cum_s[-1] - cum_s[at_cap])
    electricity = cap * cum_inv[at_cap] + x * (cum_s_inv[-1] - cum_s_inv[at_cap])
    return heat, electricity


def pumping(
    design_heat_kw: float,
    circuit_length_m: float,
    delta_t_k: float,
    load_share: np.ndarray,
    p: EnergyParams,
) -> tuple[float, float]:
    """Circulation pump power at design (kW) and energy per year (kWh).

    flow = Q / (ρc·ΔT); head = fixed + gradient × circuit length; P = flow × head / η.
    With speed control the power follows the cube of the flow, never below the minimum flow.
    """
    if design_heat_kw <= 0:
        return 0.0, 0.0
    flow_m3_per_s = design_heat_kw / (p.fluid_heat_capacity_kj_per_m3_k * delta_t_k)
    head_pa = (
        p.fixed_pressure_drop_kpa * 1000 + p.pipe_pressure_gradient_pa_per_m * circuit_length_m
    )
    design_kw = flow_m3_per_s * head_pa / p.pump_efficiency / 1000
    flow_share = np.clip(load_share, p.min_flow_share, 1.0)
    return design_kw, float(design_kw * np.power(flow_share, 3).sum())


@dataclass(frozen=True)
class EnergyBalance:
    """Per year: delivered + network loss = heat-pump heat + direct heat; heat-pump heat =
    compressor electricity + ambient heat. Pumping electricity is kept outside the balance."""

    delivered_heat_kwh: float  # at the homes (space heating + tap water)
    network_loss_kwh: float
    heat_pump_heat_kwh: float
    heat_pump_electricity_kwh: float
    ambient_heat_kwh: float  # from ground, air, water, PVT or storage
    direct_heat_kwh: float  # without a heat pump: gas boiler, solar direct, hot residual heat

    @property
    def closure_kwh(self) -> float:
        """Zero when the balance closes."""
        supplied = self.heat_pump_heat_kwh + self.direct_heat_kwh
        lifted = self.heat_pump_electricity_kwh + self.ambient_heat_kwh
        return (self.delivered_heat_kwh + self.network_loss_kwh - supplied) + (
            self.heat_pump_heat_kwh - lifted
        )


@dataclass(frozen=True)
class EnergyResult:
    balance: EnergyBalance
    scop: float | None  # heat-pump heat / compressor electricity; None without a heat pump
    scop_first_year: float | None  # borehole concepts: the fluid of the first year
    scop_last_year: float | None  # and of the last year of the field's lifetime
    pumping_electricity_kwh: float  # circulation and regeneration fans
    electricity_kwh: float  # compressors + pumping
    gas_m3: float  # boiler gas of the concept (gas reference, hybrid)
    pv_generation_kwh: float  # PVT panels; reported, not netted
    co2_kg: float
    co2_reference_kg: float  # all homes keep their gas boiler (before insulation)
    co2_with_cooking: bool  # True: cooking gas counted on both sides (the reference's choice)
    grid_peak_kw: float  # electric load of all homes and plant at the design hour
    central_grid_peak_kw: float  # the part behind one central connection

    @property
    def co2_saved_kg(self) -> float:
        return self.co2_reference_kg - self.co2_kg
