"""Borehole fields sized with g-functions for the hourly ground load over the lifetime.

- g-functions come from pygfunction (Cimmino 2018; the equivalent-borehole solver of Prieto &
  Cimmino 2021, uniform borehole-wall temperature): a line of boreholes for a bodemlus cluster, a
  near-square grid for a central field, `spacing_m` apart. They are kept per field geometry.
- Mean fluid temperature (Eskilson 1987; the same superposition as GHEtool's hourly method L4):

      Tf(t) = Tg − q(t)·Rb/L − Σ_τ q(τ)·[g(t − τ + 1) − g(t − τ)] / (2π·k·L)

  with q the ground load in W (extraction positive), L the total borehole metres and g the
  g-function at whole hours.
- The load repeats every year, so every year follows from one year of load: lags under a year are
  one FFT (linear in the first year, circular in every later one), lags of a year and more vary
  slowly and are convolved day by day, year by year. Kept: the first, the last and the mean year,
  and hour by hour the coldest of the later years.
- Sizing: the fewest boreholes of at most the allowed depth, then the depth at which the lowest
  fluid temperature of the lifetime meets the limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
import pygfunction as gt
from scipy.fft import irfft, next_fast_len, rfft

from . import defaults as d
from .defaults import check_ranges, default

HOURS = 8760
MAX_YEARS = 50  # the lifetime parameter's upper bound: one g-function serves every lifetime
MIN_LOAD_W = 1.0  # below a watt at the peak hour nothing is worth drilling
MIN_DEPTH_M = 10.0  # the shortest borehole the engine sizes
DEPTH_STEP_M = 10.0  # g-functions every 10 m of depth, linear in depth between them
FFT_SIZE = next_fast_len(2 * HOURS - 1, real=True)  # a linear convolution of two years

# g depends on the ground only through α·t, so g-functions are kept for one reference
# diffusivity over a wide time range and shifted in time for any other ground.
REFERENCE_ALPHA = 2.2 / 2.4e6  # m²/s: the default ground (2.2 W/m·K, 2.4 MJ/m³·K)
TABLE_TIMES_H = np.geomspace(0.2, 200 * HOURS, 96)
LOG_TABLE_TIMES = np.log(TABLE_TIMES_H)
# The engine's g-functions live on the same grid, shifted for the ground at hand.
G_TIMES_H = TABLE_TIMES_H
LOG_G_TIMES = LOG_TABLE_TIMES
TABLE = Path(__file__).parent / "data" / "gfunctions.npz"
TABLE_GEOMETRY = {"spacing_m": 6.0, "buried_m": 1.0, "radius_m": 0.075}


@dataclass(frozen=True)
class GroundParams:
    conductivity_w_per_mk: float = default(d.GROUND_CONDUCTIVITY)
    heat_capacity_mj_per_m3k: float = default(d.GROUND_HEAT_CAPACITY)
    undisturbed_temp_c: float = default(d.GROUND_TEMP)
    borehole_resistance_mk_per_w: float = default(d.BOREHOLE_RESISTANCE)
    borehole_radius_m: float = default(d.BOREHOLE_RADIUS)
    buried_depth_m: float = default(d.BOREHOLE_BURIED)
    min_fluid_temp_c: float = default(d.BOREHOLE_FLUID)
    lifetime_years: float = default(d.FIELD_LIFETIME)
    peak_duration_h: float = default(d.PEAK_DURATION)
    depletion_warning_k: float = default(d.DEPLETION_WARNING)

    def __post_init__(self) -> None:
        check_ranges(self)

    @property
    def diffusivity_m2_per_s(self) -> float:
        return self.conductivity_w_per_mk / (self.heat_capacity_mj_per_m3k * 1e6)

    @property
    def years(self) -> int:
        return max(1, round(self.lifetime_years))

    @property
    def allowed_drop_k(self) -> float:
        # A limit at or above the ground temperature cannot be met by any field: size for a
        # drop of 1 K and let the caller report the fluid below the limit.
        return max(self.undisturbed_temp_c - self.min_fluid_temp_c, 1.0)


class Layout(StrEnum):
    LINE = "line"  # a bodemlus cluster: boreholes along the gardens
    GRID = "grid"  # a central field: rows × columns, as square as possible


@dataclass(frozen=True)
class Shape:
    layout: Layout
    rows: int
    columns: int

    @property
    def count(self) -> int:
        return self.rows * self.columns


def shape_for(layout: Layout, count: int) -> Shape:
    """The smallest shape with at least `count` boreholes."""
    count = max(count, 1)
    if layout is Layout.LINE:
        return Shape(layout, 1, count)
    side = math.isqrt(count)
    if side * side >= count:
        return Shape(layout, side, side)
    if side * (side + 1) >= count:
        return Shape(layout, side, side + 1)
    return Shape(layout, side + 1, side + 1)


def compute_g(
    rows: int, columns: int, spacing_m: float, depth_m: float, buried_m: float, radius_m: float
) -> np.ndarray:
    """pygfunction's g at TABLE_TIMES_H for the reference diffusivity."""
    field = gt.borefield.Borefield.rectangle_field(
        columns, rows, spacing_m, spacing_m, depth_m, buried_m, radius_m
    )
    g = gt.gfunction.gFunction(
        field,
        REFERENCE_ALPHA,
        time=TABLE_TIMES_H * 3600.0,
        boundary_condition="UBWT",
        method="equivalent",
        options={"disp": False, "approximate_FLS": True},
    )
    return np.asarray(g.gFunc, dtype=float)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[int, int, float], np.ndarray]:
    """g-functions shipped for the default spacing, buried depth and radius
    (scripts/gfunction_table.py writes them; tests recompute a sample with pygfunction)."""
    if not TABLE.exists():
        return {}
    with np.load(TABLE) as data:
        times, shapes, depths, g = data["times_h"], data["shapes"], data["depths_m"], data["g"]
    if times.shape != TABLE_TIMES_H.shape or not np.allclose(times, TABLE_TIMES_H):
        return {}
    g = g.astype(float)
    return {
        (int(r), int(c), float(depth)): g[i, j]
        for i, (r, c) in enumerate(shapes)
        for j, depth in enumerate(depths)
    }


class GStore(Protocol):
    """Somewhere to keep computed g-functions beyond the process (the app passes its cache)."""

    def get(self, key: str) -> np.ndarray | None: ...

    def set(self, key: str, value: np.ndarray) -> None: ...


_store: GStore | None = None


def use_store(store: GStore | None) -> None:
    """Keep g-functions that are not shipped in `store` too, so other processes reuse them."""
    global _store
    _store = store


@lru_cache(maxsize=4096)
def _g_reference(
    rows: int, columns: int, spacing_m: float, depth_m: float, buried_m: float, radius_m: float
) -> np.ndarray:
    geometry = {"spacing_m": spacing_m, "buried_m": buried_m, "radius_m": radius_m}
    if geometry == TABLE_GEOMETRY:
        shipped = _table().get((rows, columns, depth_m))
        if shipped is not None:
            return shipped
    key = f"g:{len(TABLE_TIMES_H)}:{rows}x{columns}:{spacing_m}:{depth_m}:{buried_m}:{radius_m}"
    kept = _store.get(key) if _store is not None else None
    if kept is not None and np.shape(kept) == TABLE_TIMES_H.shape:
        return np.asarray(kept, dtype=float)
    g = compute_g(rows, columns, spacing_m, depth_m, buried_m, radius_m)
    if _store is not None:
        _store.set(key, g)
    return g


@lru_cache(maxsize=8192)
def _g_at_depth(shape: Shape, spacing_m: float, depth_m: float, ground: GroundParams) -> np.ndarray:
    """g at G_TIMES_H for this ground: the reference g, shifted in time by α / α_ref."""
    rows, columns = sorted((shape.rows, shape.columns))
    reference = _g_reference(
        rows, columns, spacing_m, depth_m, ground.buried_depth_m, ground.borehole_radius_m
    )
    shift = math.log(ground.diffusivity_m2_per_s / REFERENCE_ALPHA)
    values = np.interp(LOG_G_TIMES + shift, LOG_TABLE_TIMES, reference)
    values.setflags(write=False)
    return values


def _ladder(depth_m: float, max_depth_m: float) -> tuple[float, float, float]:
    """The cached depths around `depth_m` and the weight of the deeper one. Below one step the
    first step is used; beyond the allowed depth, the allowed depth's own neighbours."""
    depth = min(max(depth_m, DEPTH_STEP_M), max(max_depth_m, DEPTH_STEP_M))
    low = math.floor(depth / DEPTH_STEP_M + 1e-9) * DEPTH_STEP_M
    weight = (depth - low) / DEPTH_STEP_M
    return low, low + DEPTH_STEP_M, weight


def g_function(
    shape: Shape, spacing_m: float, depth_m: float, max_depth_m: float, ground: GroundParams
) -> np.ndarray:
    """g at G_TIMES_H for boreholes of `depth_m`, linear between the cached depths."""
    low, high, weight = _ladder(depth_m, max_depth_m)
    g_low = _g_at_depth(shape, spacing_m, low, ground)
    if weight <= 1e-12:
        return g_low
    return g_low + weight * (_g_at_depth(shape, spacing_m, high, ground) - g_low)


def _g_hours(g: np.ndarray, log_hours: np.ndarray) -> np.ndarray:
    return np.interp(log_hours, LOG_G_TIMES, g)


DAYS = HOURS // 24
_LOG_NEAR = np.log(np.arange(1, HOURS + 1, dtype=float))  # g(0) = 0 is added by hand
_FAR_D = 24.0 * np.arange(-DAYS + 1, DAYS)  # whole days, −364 … 364
_FAR_X = np.arange(1, MAX_YEARS + 1)[:, None] * HOURS + _FAR_D[None, :]  # lags (i + 1)·8760 + d
_LOG_FAR, _LOG_FAR_NEXT = np.log(_FAR_X), np.log(_FAR_X + 1)
_DAY_CENTRES = 24.0 * np.arange(DAYS) + 11.5
_HOUR_CENTRES = np.arange(HOURS) + 0.5


def _near_kernel(g: np.ndarray) -> np.ndarray:
    """h(ℓ) = g(ℓ + 1) − g(ℓ) for lags ℓ = 0 … 8759 hours."""
    upper = _g_hours(g, _LOG_NEAR)
    return upper - np.concatenate([[0.0], upper[:-1]])


def _far_terms(g: np.ndarray, years: int) -> np.ndarray:
    """The lags of a year and more, at whole days d = −364 … 364: row i holds lag (i + 1)·8760 + d.

    In year y the load s hours into a year reaches hour t at lags (i + 1)·8760 + (t − s) for
    i = 0 … y − 1 (i ≥ 1 when t < s); these vary slowly with d = t − s.
    """
    i = np.arange(years - 1)[:, None]
    terms = _g_hours(g, _LOG_FAR_NEXT[: years - 1]) - _g_hours(g, _LOG_FAR[: years - 1])
    return np.where((i > 0) | (_FAR_D[None, :] >= 0), terms, 0.0)


DAILY_FFT = next_fast_len(3 * DAYS - 2, real=True)


@lru_cache(maxsize=128)
def _kernel_spectra(
    shape: Shape, spacing_m: float, depth_m: float, ground: GroundParams
) -> tuple[np.ndarray, np.ndarray | None]:
    """The spectra of the near and far kernels of one field: they do not depend on the load, so
    the two passes of the COP and concepts with the same field geometry share them."""
    g = _g_at_depth(shape, spacing_m, depth_m, ground)
    near = rfft(_near_kernel(g), FFT_SIZE)
    far = rfft(_far_terms(g, ground.years), DAILY_FFT, axis=1) if ground.years > 1 else None
    return near, far


class _Field:
    """One load on fields of one layout: ground responses per shape and cached depth, so that any
    depth between two cached depths costs a weighted sum (the response is linear in g).

    The load repeats every year. Lags under a year: a linear convolution in the first year, a
    circular one (this year and the last) in every later year, both from one FFT. Lags of a year
    and more vary slowly and are convolved day by day, then interpolated to the hours.
    """

    def __init__(
        self, load_w: np.ndarray, spacing_m: float, max_depth_m: float, ground: GroundParams
    ) -> None:
        self.load_w = load_w
        self.spacing_m, self.max_depth_m, self.ground = spacing_m, max_depth_m, ground
        self.spectrum = rfft(load_w, FFT_SIZE)
        self.daily_spectrum = rfft(load_w.reshape(DAYS, 24).sum(axis=1), DAILY_FFT)
        self._responses: dict[tuple[Shape, float], np.ndarray] = {}

    def _response(self, shape: Shape, depth_m: float) -> np.ndarray:
        """First, last, mean and coldest later year, hour by hour, at a cached depth: (4, 8760).

        "Coldest": for every hour the largest response of years 2 … Y, so that the lowest fluid
        temperature of any year of the lifetime is found, not only of the first and the last.
        """
        key = (shape, depth_m)
        if key not in self._responses:
            years = self.ground.years
            near, far = _kernel_spectra(shape, self.spacing_m, depth_m, self.ground)
            full = irfft(self.spectrum * near, FFT_SIZE)
            first = full[:HOURS]
            if far is None:
                self._responses[key] = np.stack([first, first, first, first])
                return self._responses[key]
            circular = first + full[HOURS : 2 * HOURS]
            by_term = irfft(self.daily_spectrum * far, DAILY_FFT, axis=1)
            by_year = np.cumsum(by_term[:, DAYS - 1 : 2 * DAYS - 1], axis=0)  # years 2 … Y
            daily = np.stack([by_year[-1], by_year.sum(axis=0), by_year.max(axis=0)])
            last, total, worst = (np.interp(_HOUR_CENTRES, _DAY_CENTRES, row) for row in daily)
            mean = (first + (years - 1) * circular + total) / years
            self._responses[key] = np.stack([first, circular + last, mean, circular + worst])
        return self._responses[key]

    def temperatures(self, shape: Shape, depth_m: float, rows: slice = slice(None)) -> np.ndarray:
        """Mean fluid temperature (°C), hour by hour: first, last, mean, coldest later year."""
        low, high, weight = _ladder(depth_m, self.max_depth_m)
        response = self._response(shape, low)[rows]
        if weight > 1e-12:
            response = response + weight * (self._response(shape, high)[rows] - response)
        gr = self.ground
        metres = shape.count * depth_m
        return (
            gr.undisturbed_temp_c
            - self.load_w[None, :] * gr.borehole_resistance_mk_per_w / metres
            - response / (2 * math.pi * gr.conductivity_w_per_mk * metres)
        )

    def drop_k(self, shape: Shape, depth_m: float) -> float:
        """Undisturbed ground minus the lowest fluid of the lifetime (first or a later year)."""
        temps = self.temperatures(shape, depth_m, slice(0, 4, 3))
        return self.ground.undisturbed_temp_c - float(temps.min())

    def required_depth(self, shape: Shape) -> float:
        """The depth at which the lowest fluid temperature meets the limit.

        The drop falls roughly as 1/depth, so depth · drop / allowed drop converges in a few
        steps (GHEtool iterates the same way); each step is a weighted sum of cached responses.
        """
        depth, allowed = self.max_depth_m, self.ground.allowed_drop_k
        for _ in range(60):
            new = max(depth * max(self.drop_k(shape, depth), 1e-9) / allowed, MIN_DEPTH_M)
            if abs(new - depth) < max(0.005, 1e-5 * depth):
                return new
            depth = new
        return depth


def fluid_temperatures(
    load_w: np.ndarray,
    shape: Shape,
    spacing_m: float,
    depth_m: float,
    max_depth_m: float,
    ground: GroundParams,
) -> np.ndarray:
    """Mean fluid temperature (°C) of every hour of the first, the last, the mean and the
    coldest later year (hour by hour the coldest of years 2 … Y)."""
    field = _Field(np.asarray(load_w, dtype=float), spacing_m, max_depth_m, ground)
    return field.temperatures(shape, depth_m)


@dataclass(frozen=True, eq=False)
class FieldDesign:
    shape: Shape
    depth_m: float  # per borehole
    spacing_m: float
    fluid_first_year_c: np.ndarray  # mean fluid temperature, 8,760 hours
    fluid_last_year_c: np.ndarray
    fluid_mean_year_c: np.ndarray  # the lifetime's mean, hour by hour
    load_w: np.ndarray  # the ground load it was sized for: one year, repeated every year
    min_fluid_c: float  # the lowest mean fluid temperature of any hour of the lifetime
    extraction_kwh: float  # per year
    injection_kwh: float  # regeneration per year
    peak_extraction_kw: float

    @property
    def boreholes(self) -> int:
        return self.shape.count if self.depth_m > 0 else 0

    @property
    def total_m(self) -> float:
        return self.boreholes * self.depth_m

    @property
    def depletion_k(self) -> float:
        """How much colder the last year runs than the first, on average (0 if not colder)."""
        return max(float(self.fluid_first_year_c.mean() - self.fluid_last_year_c.mean()), 0.0)


def _design(field: _Field, shape: Shape, depth_m: float) -> FieldDesign:
    temps = field.temperatures(shape, depth_m)
    load = field.load_w
    return FieldDesign(
        shape=shape,
        depth_m=depth_m,
        spacing_m=field.spacing_m,
        fluid_first_year_c=temps[0],
        fluid_last_year_c=temps[1],
        fluid_mean_year_c=temps[2],
        load_w=load,
        min_fluid_c=float(temps[[0, 3]].min()),
        extraction_kwh=float(np.maximum(load, 0).sum()) / 1000,
        injection_kwh=float(np.maximum(-load, 0).sum()) / 1000,
        peak_extraction_kw=float(load.max()) / 1000,
    )


class FieldTooLarge(Exception):
    """More boreholes than one field may have; `boreholes` estimates how many one field needs."""

    def __init__(self, boreholes: int) -> None:
        super().__init__(f"about {boreholes} boreholes needed")
        self.boreholes = boreholes


def empty_field(layout: Layout, spacing_m: float, ground: GroundParams) -> FieldDesign:
    flat = np.full(HOURS, ground.undisturbed_temp_c)
    zero = np.zeros(HOURS)
    temp = ground.undisturbed_temp_c
    return FieldDesign(
        Shape(layout, 0, 0), 0.0, spacing_m, flat, flat, flat, zero, temp, 0.0, 0.0, 0.0
    )


def size_field(
    load_w: np.ndarray,
    layout: Layout,
    spacing_m: float,
    max_depth_m: float,
    ground: GroundParams,
    max_boreholes: int | None = None,
    start: Shape | None = None,
) -> FieldDesign:
    """The smallest field of `layout` that keeps the fluid at or above the limit.

    `load_w`: the ground load of one year, hour by hour (W; extraction positive, regeneration
    negative). The count is the fewest boreholes of at most `max_depth_m` (found from the drop at
    max depth, which falls roughly as 1/metres), then the depth is solved for that count.
    Raises FieldTooLarge when more than `max_boreholes` would be needed.
    """
    load_w = np.asarray(load_w, dtype=float)
    if load_w.max(initial=0.0) < MIN_LOAD_W:
        return empty_field(layout, spacing_m, ground)
    field = _Field(load_w, spacing_m, max_depth_m, ground)
    allowed, hmax = ground.allowed_drop_k, max_depth_m
    shape = start if start is not None and start.layout is layout else Shape(layout, 1, 1)
    fits: dict[int, bool] = {}
    best: Shape | None = None
    largest = shape_for(layout, max_boreholes) if max_boreholes is not None else None
    if largest is not None and largest.count > max_boreholes:
        largest = _previous(layout, largest)
    for _ in range(100):
        if largest is not None and shape.count > largest.count:
            # Test the largest allowed field before giving up on one field.
            if best is None and fits.get(largest.count) is None:
                shape = largest
            elif best is None:
                raise FieldTooLarge(shape.count)
            else:
                break
        drop = field.drop_k(shape, hmax)
        fits[shape.count] = drop <= allowed
        estimate = math.ceil(shape.count * drop / allowed - 1e-9)
        if fits[shape.count]:
            best = shape
            smaller = shape_for(layout, max(estimate, 1))
            if smaller.count >= shape.count:
                smaller = _previous(layout, shape)
            if smaller is None or fits.get(smaller.count) is False:
                break
            shape = smaller
        else:
            shape = shape_for(layout, max(estimate, shape.count + 1))
            if best is not None and shape.count >= best.count:
                break
    assert best is not None
    return _design(field, best, min(field.required_depth(best), hmax))


def _previous(layout: Layout, shape: Shape) -> Shape | None:
    """The next smaller shape of the layout, or None below one borehole."""
    if shape.count <= 1:
        return None
    smaller = shape_for(layout, shape.count - 1)
    return smaller if smaller.count < shape.count else None


def simulate_field(
    load_w: np.ndarray,
    shape: Shape,
    depth_m: float,
    spacing_m: float,
    max_depth_m: float,
    ground: GroundParams,
) -> FieldDesign:
    """A given field (e.g. capped by the land there is) under a load: its fluid temperatures."""
    field = _Field(np.asarray(load_w, dtype=float), spacing_m, max_depth_m, ground)
    return _design(field, shape, depth_m)
