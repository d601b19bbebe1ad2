"""Trench lengths and clusters from where the homes are (RD New, EPSG:28992, metres).

- The street network joins every home: the minimum spanning tree of the homes (Euclidean), times a
  detour factor because a trench follows streets and kerbs, not straight lines between fronts.
- Bodemlus clusters are neighbours: the homes are ordered along the tree (depth first from one end,
  so neighbours stay together) and cut into ⌈n / k⌉ consecutive groups of near-equal size; each
  cluster's pipes join its own homes (its own tree, same detour factor).
Homes without a position fall back to the frontage per building type (sizing.street_length_m).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import breadth_first_order, depth_first_order, minimum_spanning_tree
from scipy.spatial import Delaunay, QhullError


@dataclass(frozen=True, eq=False)
class Tree:
    """A minimum spanning tree over points: its edges (index pairs) and total length (m)."""

    edges: np.ndarray  # (m, 2) indices into the points
    length_m: float


def _candidate_edges(points: np.ndarray) -> np.ndarray:
    """Edges that contain the Euclidean minimum spanning tree of distinct points: the Delaunay
    triangulation's (O(n log n)); every pair when the points lie on one line or are few."""
    n = len(points)
    if n >= 4:
        try:
            simplices = Delaunay(points).simplices
        except QhullError:  # collinear: no triangulation
            simplices = None
        # Qhull leaves out points it finds too close to others; then take every pair.
        if simplices is not None and len(np.unique(simplices)) == n:
            pairs = np.vstack([simplices[:, [0, 1]], simplices[:, [1, 2]], simplices[:, [0, 2]]])
            return np.unique(np.sort(pairs, axis=1), axis=0)
    rows, cols = np.triu_indices(n, k=1)
    return np.column_stack([rows, cols])


def spanning_tree(points: np.ndarray) -> Tree:
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    n = len(points)
    if n < 2:
        return Tree(np.zeros((0, 2), dtype=np.int64), 0.0)
    # Flats often share one address point: join the distinct points, then each flat to its point.
    distinct, first, inverse = np.unique(points, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    edges = first[_candidate_edges(distinct)] if len(distinct) > 1 else np.zeros((0, 2), int)
    weights = np.linalg.norm(points[edges[:, 0]] - points[edges[:, 1]], axis=1)
    twins = np.flatnonzero(np.arange(n) != first[inverse])
    edges = np.vstack([edges, np.column_stack([first[inverse[twins]], twins])]).astype(np.int64)
    # csgraph drops zero weights: a flat is a millimetre from its address point.
    weights = np.maximum(np.concatenate([weights, np.zeros(len(twins))]), 1e-3)
    graph = coo_matrix((weights, (edges[:, 0], edges[:, 1])), shape=(n, n))
    tree = minimum_spanning_tree(graph).tocoo()
    found = np.stack([tree.row, tree.col], axis=1).astype(np.int64)
    length = float(np.linalg.norm(points[found[:, 0]] - points[found[:, 1]], axis=1).sum())
    return Tree(found, length)


def route_m(points: np.ndarray, detour: float) -> float:
    """Trench metres to join `points`: the spanning tree times the detour factor."""
    return spanning_tree(points).length_m * detour


def along_the_street(points: np.ndarray, tree: Tree | None = None) -> np.ndarray:
    """An order of the points in which neighbours follow each other: depth first through the
    spanning tree (`tree`, when the caller has it already), starting at one end of its longest
    path."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(points) < 3:
        return np.arange(len(points))
    tree = tree or spanning_tree(points)
    n = len(points)
    weights = np.linalg.norm(points[tree.edges[:, 0]] - points[tree.edges[:, 1]], axis=1)
    graph = coo_matrix((np.maximum(weights, 1e-3), (tree.edges[:, 0], tree.edges[:, 1])), (n, n))
    graph = (graph + graph.T).tocsr()
    # Start from a leaf far from the west-most home (whatever order the homes came in).
    west = int(np.lexsort((points[:, 1], points[:, 0]))[0])
    far, _ = breadth_first_order(graph, west, directed=False)
    order, _ = depth_first_order(graph, int(far[-1]), directed=False)
    return order


def neighbour_groups(
    points: np.ndarray, cluster_size: int, tree: Tree | None = None
) -> list[np.ndarray]:
    """⌈n / k⌉ groups of neighbouring points, as equal in size as possible (larger first)."""
    n = len(points)
    if n == 0:
        return []
    clusters = math.ceil(n / max(1, min(cluster_size, n)))
    small, larger = divmod(n, clusters)
    order = along_the_street(points, tree)
    groups, start = [], 0
    for i in range(clusters):
        size = small + (1 if i < larger else 0)
        groups.append(order[start : start + size])
        start += size
    return groups


def has_positions(x: np.ndarray, y: np.ndarray) -> bool:
    """True when every home has a position."""
    return len(x) > 0 and bool(np.isfinite(x).all() and np.isfinite(y).all())


# RD New → WGS84 by the polynomial of Schreutelkamp and Strang van Hees ("Benaderingsformules
# voor de transformatie tussen RD- en WGS84-kaartcoördinaten", 2001): within about a metre over
# the Netherlands, enough to draw a home on a background map; sizing uses RD metres only.
_RD_X0, _RD_Y0 = 155_000.0, 463_000.0  # Amersfoort, the origin of RD
_LAT0, _LON0 = 52.15517440, 5.38720621
_LAT_TERMS = (  # (p, q, K): Δφ″ += K · dX^p · dY^q
    (0, 1, 3235.65389),
    (2, 0, -32.58297),
    (0, 2, -0.2475),
    (2, 1, -0.84978),
    (0, 3, -0.0655),
    (2, 2, -0.01709),
    (1, 0, -0.00738),
    (4, 0, 0.0053),
    (2, 3, -0.00039),
    (4, 1, 0.00033),
    (1, 1, -0.00012),
)
_LON_TERMS = (  # (p, q, L): Δλ″ += L · dX^p · dY^q
    (1, 0, 5260.52916),
    (1, 1, 105.94684),
    (1, 2, 2.45656),
    (3, 0, -0.81885),
    (1, 3, 0.05594),
    (3, 1, -0.05607),
    (0, 1, 0.01199),
    (3, 2, -0.00256),
    (1, 4, 0.00128),
    (0, 2, 0.00022),
    (2, 0, -0.00022),
    (5, 0, 0.00026),
)


def rd_to_wgs84(x_m: np.ndarray, y_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude (degrees, WGS84) of RD New positions (metres)."""
    dx = (np.asarray(x_m, dtype=float) - _RD_X0) * 1e-5
    dy = (np.asarray(y_m, dtype=float) - _RD_Y0) * 1e-5
    lat = _LAT0 + sum(k * dx**p * dy**q for p, q, k in _LAT_TERMS) / 3600
    lon = _LON0 + sum(k * dx**p * dy**q for p, q, k in _LON_TERMS) / 3600
    return lat, lon
