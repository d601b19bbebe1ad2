"""Energy unit conversions. Work on floats and numpy arrays alike."""

from __future__ import annotations

import numpy as np

MJ_PER_GJ = 1000.0
KWH_PER_GJ = 1e9 / 3.6e6  # 277.78: 1 kWh = 3.6 MJ
MJ_PER_KWH = 3.6


def kwh_to_gj[N: (float, np.ndarray)](kwh: N) -> N:
    return kwh / KWH_PER_GJ


def gj_to_kwh[N: (float, np.ndarray)](gj: N) -> N:
    return gj * KWH_PER_GJ


def gas_m3_to_gj[N: (float, np.ndarray)](m3: N, lhv_mj_per_m3: float) -> N:
    """Fuel energy (lower heating value) of natural gas; Infomil: 1 GJ ≈ 31.6 m³."""
    return m3 * lhv_mj_per_m3 / MJ_PER_GJ


def gj_to_gas_m3[N: (float, np.ndarray)](gj: N, lhv_mj_per_m3: float) -> N:
    return gj * MJ_PER_GJ / lhv_mj_per_m3


def gas_m3_to_kwh[N: (float, np.ndarray)](m3: N, lhv_mj_per_m3: float) -> N:
    return m3 * lhv_mj_per_m3 / MJ_PER_KWH


def kwh_to_gas_m3[N: (float, np.ndarray)](kwh: N, lhv_mj_per_m3: float) -> N:
    return kwh * MJ_PER_KWH / lhv_mj_per_m3
