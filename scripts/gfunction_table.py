"""Write techniek/calc/data/gfunctions.npz: pygfunction g-functions for the default borehole
geometry (6 m spacing, top 1 m below ground, radius 0.075 m), so a page needs no cold g-function.

Shapes: a line of 1–100 boreholes (bodemlus clusters) and near-square grids up to 10 × 10 (the
default largest field); depths every 10 m from 10 to 150 m; times TABLE_TIMES_H for the reference
diffusivity (borefield.py shifts them to any other ground). Other geometries are computed when
needed. Run after changing pygfunction, the time grid or these shapes:

    .venv/bin/python scripts/gfunction_table.py   # about 5 minutes on two cores
"""

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from techniek.calc.borefield import (  # noqa: E402
    DEPTH_STEP_M,
    TABLE,
    TABLE_GEOMETRY,
    TABLE_TIMES_H,
    compute_g,
)

LINES = [(1, n) for n in range(1, 101)]
GRIDS = [(s, s + extra) for s in range(1, 11) for extra in (0, 1) if s * (s + extra) <= 100]
SHAPES = sorted(set(LINES) | set(GRIDS))
DEPTHS = DEPTH_STEP_M * np.arange(1, 16)


def _row(shape: tuple[int, int]) -> np.ndarray:
    g = TABLE_GEOMETRY
    return np.stack(
        [
            compute_g(*shape, g["spacing_m"], float(depth), g["buried_m"], g["radius_m"])
            for depth in DEPTHS
        ]
    )


def main() -> None:
    with ProcessPoolExecutor() as pool:
        rows = list(pool.map(_row, SHAPES))
    TABLE.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        TABLE,
        shapes=np.array(SHAPES, dtype=np.int32),
        depths_m=DEPTHS,
        times_h=TABLE_TIMES_H,
        g=np.stack(rows).astype(np.float32),
    )
    print(f"{TABLE}: {len(SHAPES)} shapes × {len(DEPTHS)} depths")


if __name__ == "__main__":
    main()
