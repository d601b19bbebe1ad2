"""Synthetic 8,760-hour reference year for De Bilt, hourly heat profiles, peak and simultaneity."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import defaults as d
from .defaults import check_ranges, default

# Sources of the two simultaneity rules a pilot can choose between (issue 15).
V_ROOT = "vuistregel (onbevestigd): f(n) = 0,75 + 0,25/√n, 0,83–0,79 bij 10–50 woningen"
THERMOS = (
    "THERMOS-handleiding netwerkmodel (EU H2020 THERMOS, 2020): f(n) = 0,62 + 0,38/n, "
    "naar Winter, Haslauer en Obernberger, 'Untersuchungen der Gleichzeitigkeit in kleinen und "
    "mittleren Nahwärmenetzen', Euroheat & Power 2001 (onbevestigd)"
)
HOURS = 8760
DAYS = 365
NORMALS_CSV = Path(__file__).parent / "data" / "debilt_monthly_normals.csv"
MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
# Month index (0 = January) of every hour and every day of the non-leap reference year.
DAY_MONTH = np.repeat(np.arange(12), MONTH_DAYS)
HOUR_MONTH = np.repeat(DAY_MONTH, 24)
# Seeded with the De Bilt station number, so the year is the same on every run and machine.
WEATHER_SEED = 260
# Tap-water draw by hour of day (vuistregel): morning and evening peaks on a steady base.
TAP_WATER_BY_HOUR = np.array(
    [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 2.0, 1.5, 1.0, 0.8, 0.8]
    + [0.8, 0.7, 0.7, 0.8, 1.0, 1.3, 1.6, 1.5, 1.3, 1.0, 0.6, 0.4]
)


@dataclass(frozen=True)
class ClimateParams:
    design_outdoor_temp_c: float = default(d.DESIGN_OUTDOOR)
    heating_base_temp_c: float = default(d.HEATING_BASE)
    degree_day_weight_summer: float = default(d.WEIGHT_SUMMER)
    degree_day_weight_shoulder: float = default(d.WEIGHT_SHOULDER)
    degree_day_weight_winter: float = default(d.WEIGHT_WINTER)
    diurnal_amplitude_winter_k: float = default(d.DIURNAL_WINTER)
    diurnal_amplitude_summer_k: float = default(d.DIURNAL_SUMMER)
    synoptic_sd_k: float = default(d.SYNOPTIC_SD)
    synoptic_memory_days: float = default(d.SYNOPTIC_MEMORY)
    tap_water_seasonal_amplitude: float = default(d.TAP_SEASONAL)
    simultaneity_space_heating_limit: float = default(d.SIMULT_HEATING)
    simultaneity_space_heating_exponent: float = default(d.SIMULT_EXPONENT)
    simultaneity_tap_water_limit: float = default(d.SIMULT_TAP)

    def __post_init__(self) -> None:
        check_ranges(self)

    def month_weights(self) -> np.ndarray:
        """Weighted-degree-day factors per month: Nov–Feb winter, Mar/Oct shoulder, Apr–Sep."""
        w, s, z = (
            self.degree_day_weight_winter,
            self.degree_day_weight_shoulder,
            self.degree_day_weight_summer,
        )
        return np.array([w, w, s, z, z, z, z, z, z, s, w, w])


@dataclass(frozen=True, eq=False)
class ReferenceYear:
    outdoor_temp_c: np.ndarray  # 8,760 hourly values
    seasonal_temp_c: np.ndarray  # smooth seasonal part only, for lagged ground and water models
    space_heating_shape: np.ndarray  # share of annual space heating per hour, sums to 1
    tap_water_shape: np.ndarray  # share of annual tap water per hour, sums to 1
    degree_days: float  # CBS definition, base 18 °C, K·d
    weighted_degree_days: float

    def seasonal_lagged_c(self, lag_days: float) -> np.ndarray:
        """The seasonal curve delayed by `lag_days` (the year is periodic)."""
        return np.roll(self.seasonal_temp_c, int(round(lag_days * 24)))


@lru_cache(maxsize=1)
def monthly_normals_c() -> np.ndarray:
    """Monthly mean temperature De Bilt 1991–2020 from the shipped CSV (KNMI; see data/README)."""
    table = pd.read_csv(NORMALS_CSV, comment="#")
    if list(table["month"]) != list(range(1, 13)) or list(table["days"]) != list(MONTH_DAYS):
        raise ValueError(f"{NORMALS_CSV.name}: expected twelve months in order")
    return table["mean_temp_c"].to_numpy(dtype=float)


def _seasonal_curve(normals: np.ndarray, t_days: np.ndarray) -> np.ndarray:
    """The smoothest periodic daily curve whose monthly means equal `normals`, per hour.

    Minimises the summed squared second difference of 365 daily values subject to the twelve
    monthly means (a linear KKT system), then interpolates linearly to the hours.
    """
    eye = np.eye(DAYS)
    second_diff = np.roll(eye, -1, axis=1) - 2 * eye + np.roll(eye, 1, axis=1)
    month_mean = (np.arange(12)[:, None] == DAY_MONTH) / MONTH_DAYS[:, None]
    kkt = np.block(
        [[2 * second_diff.T @ second_diff, month_mean.T], [month_mean, np.zeros((12, 12))]]
    )
    daily = np.linalg.solve(kkt, np.concatenate([np.zeros(DAYS), normals]))[:DAYS]
    return np.interp(t_days, np.arange(DAYS) + 0.5, daily, period=DAYS)


def _weather_anomaly_c(p: ClimateParams, t_days: np.ndarray) -> np.ndarray:
    """Day-to-day weather as smoothed seeded noise (an AR(1) process via an exponential filter)."""
    if p.synoptic_sd_k == 0:
        return np.zeros_like(t_days)
    warmup = 60
    noise = np.random.default_rng(WEATHER_SEED).standard_normal(DAYS + warmup)
    alpha = 1 - np.exp(-1 / p.synoptic_memory_days)
    daily = pd.Series(noise).ewm(alpha=alpha, adjust=False).mean().to_numpy()[warmup:]
    daily = (daily - daily.mean()) / daily.std() * p.synoptic_sd_k
    return np.interp(t_days, np.arange(DAYS) + 0.5, daily, period=DAYS)


def _month_mean(values: np.ndarray) -> np.ndarray:
    return np.bincount(HOUR_MONTH, weights=values, minlength=12) / (MONTH_DAYS * 24)


@lru_cache(maxsize=8)
def reference_year(p: ClimateParams) -> ReferenceYear:
    """8,760 hours: seasonal curve + daily cycle + weather; each month's mean equals its normal."""
    normals = monthly_normals_c()
    t_days = (np.arange(HOURS) + 0.5) / 24
    day = np.floor(t_days)
    seasonal = _seasonal_curve(normals, t_days)
    # Daily cycle: warmest at 15:00; its amplitude grows from mid-January to mid-July. Sums to
    # zero over each day, so it leaves the daily and monthly means alone.
    summer = (1 - np.cos(2 * np.pi * (day + 0.5 - 15) / DAYS)) / 2
    amplitude = p.diurnal_amplitude_winter_k + summer * (
        p.diurnal_amplitude_summer_k - p.diurnal_amplitude_winter_k
    )
    hour_of_day = np.arange(HOURS) % 24
    diurnal = amplitude * np.cos(2 * np.pi * (hour_of_day + 0.5 - 15) / 24)
    temp = seasonal + diurnal + _weather_anomaly_c(p, t_days)
    temp += (normals - _month_mean(temp))[HOUR_MONTH]  # restore the exact monthly normals

    weights = p.month_weights()
    weighted_hours = weights[HOUR_MONTH] * np.maximum(p.heating_base_temp_c - temp, 0)
    daily_temp = temp.reshape(DAYS, 24).mean(axis=1)
    daily_dd = np.maximum(p.heating_base_temp_c - daily_temp, 0)
    tap = TAP_WATER_BY_HOUR[hour_of_day] * (
        1 + p.tap_water_seasonal_amplitude * np.cos(2 * np.pi * (t_days - 15) / DAYS)
    )
    return ReferenceYear(
        outdoor_temp_c=temp,
        seasonal_temp_c=seasonal,
        space_heating_shape=weighted_hours / weighted_hours.sum(),
        tap_water_shape=tap / tap.sum(),
        degree_days=float(daily_dd.sum()),
        weighted_degree_days=float((weights[DAY_MONTH] * daily_dd).sum()),
    )


def hourly_heat_kw(
    space_heating_kwh: float, tap_water_kwh: float, year: ReferenceYear
) -> np.ndarray:
    """Hourly heat load (kW = kWh per hour) of annual space heating and tap water."""
    return space_heating_kwh * year.space_heating_shape + tap_water_kwh * year.tap_water_shape


def simultaneity(homes: int | float, limit: float, exponent: float = 0.5) -> float:
    """f(n) = limit + (1 − limit) / n^exponent: 1 for one home, falling towards `limit`.

    exponent 0.5 with limit 0.75 is the app's rule of thumb; exponent 1 with limit 0.62 is the
    THERMOS diversity curve 0.62 + 0.38/n.
    """
    return limit + (1 - limit) / np.power(homes, exponent)


@dataclass(frozen=True)
class SimultaneityRule:
    """A published or rule-of-thumb simultaneity curve f(n) = limit + (1 − limit) / n^exponent."""

    key: str
    limit: float
    exponent: float
    source: str


SIMULTANEITY_RULES = (
    SimultaneityRule("wortelregel", d.SIMULT_HEATING.value, d.SIMULT_EXPONENT.value, V_ROOT),
    SimultaneityRule("thermos", 0.62, 1.0, THERMOS),
)


def simultaneity_rule(limit: float, exponent: float) -> SimultaneityRule | None:
    """The named rule these two parameters make, or None for a pilot's own combination."""
    for rule in SIMULTANEITY_RULES:
        if abs(rule.limit - limit) < 1e-9 and abs(rule.exponent - exponent) < 1e-9:
            return rule
    return None


def collective_peak_kw(
    peaks_kw: np.ndarray, limit: float, groups: float = 1.0, exponent: float = 0.5
) -> float:
    """f(n_eff)·Σp with n_eff = (Σp)² / Σp² (the number of equal homes with the same spread):
    f(n)·Σp for n equal homes. With `groups` = n / k equal groups (bodemlus clusters of k homes)
    it is f(k)·Σp. For exponent 0.5 it is limit·Σp + (1 − limit)·√(groups·Σp²), which never falls
    when a home joins, whatever its peak.
    """
    total = float(np.sum(peaks_kw))
    if total <= 0:
        return 0.0
    scaled = np.asarray(peaks_kw, dtype=float) / float(np.max(peaks_kw))  # no underflow
    n_eff = float(scaled.sum()) ** 2 / float(np.square(scaled).sum()) / max(groups, 1.0)
    return float(total * simultaneity(max(n_eff, 1.0), limit, exponent))
