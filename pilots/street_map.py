"""The street on a map (issue 18): homes as points coloured by commitment, the proposed
clusters and the ring route, drawn from the homes' RD New positions.

The drawing is an SVG in RD metres (x east, y north; SVG's y runs down, so it is −y), made here
in one pass: 1,500 homes are 1,500 circles and as many route segments, which the template
engine would render ten times slower. With `WARMTENET_MAP_TILES` the same features also go to
the page as JSON in WGS84 for Leaflet on PDOK's background map; the SVG stays as the fallback.
The clusters and the ring are those of the techniek engine (techniek.calc.geometry) with the
pilot's own cluster size and detour factor.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from techniek.calc import geometry
from warmtenet.http import option_lists, url_template

from .models import Commitment, Pilot, pilot_parameters

# Roughly a home's width in the drawing, whatever the street's extent.
POINT_SHARE_OF_EXTENT = 1 / 75
MIN_EXTENT_M = 60.0


@dataclass(frozen=True)
class MapHome:
    pk: int
    address: str
    commitment: str
    commitment_label: str
    version: int
    x: float | None  # RD New metres; None: no position
    y: float | None
    cluster: int | None  # 1-based proposed cluster; None: withdrawn or no position


@dataclass(frozen=True)
class StreetMap:
    homes: list[MapHome]
    placed: int
    unplaced: int
    ring_m: float  # trench metres of one ring along all taking-part homes (detour included)
    cluster_m: float  # trench metres within the clusters
    clusters: int
    cluster_size: int
    svg: SafeString
    features: dict  # for Leaflet: WGS84 points, ring segments and cluster segments


def street_map(pilot: Pilot, *, tiles: bool = False) -> StreetMap:
    """The map of the pilot's homes; `tiles`: also the WGS84 features Leaflet draws."""
    rows = list(
        pilot.households.order_by("street", "house_number", "suffix").values_list(
            "pk", "street", "house_number", "suffix", "commitment", "version", "rd_x", "rd_y"
        )
    )
    sizing = pilot_parameters(pilot).assumptions.sizing
    k = max(1, round(sizing.cluster_size_homes))
    labels = {value: str(label) for value, label in Commitment.choices}
    taking_part = [
        i for i, r in enumerate(rows) if r[6] is not None and r[4] != Commitment.WITHDRAWN
    ]
    points = np.array([(rows[i][6], rows[i][7]) for i in taking_part], dtype=float).reshape(-1, 2)
    tree = geometry.spanning_tree(points)
    groups = geometry.neighbour_groups(points, k, tree)
    cluster_of = {taking_part[j]: n + 1 for n, g in enumerate(groups) for j in g}
    cluster_edges = [(g, _small_tree(points[g])) for g in groups]
    homes = [
        MapHome(
            pk=pk,
            address=f"{street} {number}{'-' + suffix if suffix else ''}",
            commitment=commitment,
            commitment_label=labels.get(commitment, commitment),
            version=version,
            x=x,
            y=y,
            cluster=cluster_of.get(i),
        )
        for i, (pk, street, number, suffix, commitment, version, x, y) in enumerate(rows)
    ]
    placed = [h for h in homes if h.x is not None]
    detour = sizing.trench_detour_factor
    return StreetMap(
        homes=homes,
        placed=len(placed),
        unplaced=len(homes) - len(placed),
        ring_m=tree.length_m * detour,
        cluster_m=sum(t.length_m for _g, t in cluster_edges) * detour,
        clusters=len(groups),
        cluster_size=k,
        svg=_svg(placed, points, tree.edges, cluster_edges),
        features=_features(placed, points, tree.edges, cluster_edges) if tiles else {},
    )


def _small_tree(points: np.ndarray) -> geometry.Tree:
    """The minimum spanning tree of one cluster's few homes (Prim, O(n²)): the same tree length
    as geometry.spanning_tree, without its triangulation set-up, which costs more than the tree
    for a handful of points and is paid once per cluster (250 clusters for 1,500 homes)."""
    n = len(points)
    if n < 2:
        return geometry.Tree(np.zeros((0, 2), dtype=np.int64), 0.0)
    d = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    inside = np.zeros(n, dtype=bool)
    inside[0] = True
    best, parent = d[0].copy(), np.zeros(n, dtype=np.int64)
    edges, length = [], 0.0
    for _ in range(n - 1):
        candidates = np.where(inside, np.inf, best)
        j = int(np.argmin(candidates))
        edges.append((int(parent[j]), j))
        length += float(best[j])
        inside[j] = True
        closer = d[j] < best
        best = np.where(closer, d[j], best)
        parent = np.where(closer, j, parent)
    return geometry.Tree(np.array(edges, dtype=np.int64), length)


def _svg(
    placed: list[MapHome],
    points: np.ndarray,
    ring: np.ndarray,
    clusters: list[tuple[np.ndarray, geometry.Tree]],
) -> SafeString:
    if not placed:
        return SafeString("")
    xs = np.array([h.x for h in placed])
    ys = np.array([h.y for h in placed])
    extent = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), MIN_EXTENT_M)
    r = extent * POINT_SHARE_OF_EXTENT
    pad = 3 * r
    cx, cy = (xs.max() + xs.min()) / 2, (ys.max() + ys.min()) / 2
    width = max(float(xs.max() - xs.min()), extent / 2) + 2 * pad
    height = max(float(ys.max() - ys.min()), extent / 2) + 2 * pad
    view = f"{cx - width / 2:.1f} {-cy - height / 2:.1f} {width:.1f} {height:.1f}"

    # Numbers need no escaping; only the addresses and labels are text (escaped once each).
    def line(a: int, b: int) -> str:
        (x1, y1), (x2, y2) = points[a], points[b]
        return f'<line x1="{x1:.1f}" y1="{-y1:.1f}" x2="{x2:.1f}" y2="{-y2:.1f}"/>'

    ring_lines = "".join(line(a, b) for a, b in ring)
    cluster_lines = "".join(line(g[a], g[b]) for g, tree in clusters for a, b in tree.edges)
    cluster_labels = "".join(
        f'<text x="{points[g, 0].mean():.1f}" y="{-points[g, 1].mean() - 1.6 * r:.1f}">{n + 1}'
        "</text>"
        for n, (g, _tree) in enumerate(clusters)
        if len(g) > 1
    )
    dots = "".join(
        f'<circle id="point-{h.pk}" class="map-point map-point--{escape(h.commitment)}" '
        f'cx="{h.x:.1f}" cy="{-h.y:.1f}" r="{r:.2f}"><title>{escape(h.address)}: '
        f"{escape(h.commitment_label)}</title></circle>"
        for h in placed
    )
    title = gettext("Kaart van de straat: %(n)d woningen, gekleurd naar commitment.") % {
        "n": len(placed)
    }
    return format_html(
        '<svg id="map-svg" class="street-map__svg" viewBox="{}" role="img" aria-label="{}" '
        'preserveAspectRatio="xMidYMid meet">'
        '<g class="map-ring" stroke-width="{}">{}</g>'
        '<g class="map-clusters" stroke-width="{}" stroke-dasharray="{} {}">{}</g>'
        '<g class="map-cluster-labels" font-size="{}">{}</g>'
        '<g class="map-points" stroke-width="{}">{}</g></svg>',
        view,
        title,
        f"{r * 1.2:.2f}",
        mark_safe(ring_lines),  # noqa: S308 (numbers only)
        f"{r * 0.35:.2f}",
        f"{r * 0.8:.2f}",
        f"{r * 0.5:.2f}",
        mark_safe(cluster_lines),  # noqa: S308 (numbers only)
        f"{r * 2.4:.2f}",
        mark_safe(cluster_labels),  # noqa: S308 (numbers only)
        f"{r * 0.3:.2f}",
        mark_safe(dots),  # noqa: S308 (text escaped above)
    )


def _features(
    placed: list[MapHome],
    points: np.ndarray,
    ring: np.ndarray,
    clusters: list[tuple[np.ndarray, geometry.Tree]],
) -> dict:
    if not placed:
        return {"points": [], "ring": [], "clusters": []}
    lat, lon = geometry.rd_to_wgs84(
        np.array([h.x for h in placed]), np.array([h.y for h in placed])
    )
    plat, plon = geometry.rd_to_wgs84(points[:, 0], points[:, 1]) if len(points) else ([], [])

    def ll(i: int) -> list[float]:
        return [round(float(plat[i]), 7), round(float(plon[i]), 7)]

    return {
        "points": [
            {
                "pk": h.pk,
                "c": h.commitment,
                "t": f"{h.address}: {h.commitment_label}",
                "ll": [round(float(a), 7), round(float(b), 7)],
            }
            for h, a, b in zip(placed, lat, lon, strict=True)
        ],
        "ring": [[ll(a), ll(b)] for a, b in ring],
        "clusters": [[ll(g[a]), ll(g[b])] for g, tree in clusters for a, b in tree.edges],
    }


def list_rows_html(
    pilot: Pilot,
    homes: list[MapHome],
    *,
    can_edit: bool,
    csrf_token: str,
    message: str = "",
) -> SafeString:
    """The rows of the list beside the map, one per home, with the inline commitment form for
    editors (htmx swaps one row; without JavaScript the form posts and returns to the map)."""
    options = option_lists([(value, str(label)) for value, label in Commitment.choices])
    url = url_template("pilots:household_commitment", pilot.pk)
    none = gettext("zonder positie")
    save = gettext("Opslaan")
    select_label = gettext("Commitment van %(address)s")

    token = escape(csrf_token)
    save_button = (
        '<noscript><button class="utrecht-button utrecht-button--secondary-action" '
        f'type="submit">{escape(save)}</button></noscript></form>'
    )
    error = f'<p class="app-error" role="alert">{escape(message)}</p>' if message else ""

    def cell(h: MapHome, address: str) -> str:
        if not can_edit:
            return escape(h.commitment_label)
        action = url.format(h.pk)
        return (
            f'<form method="post" action="{action}" class="app-commitment" hx-post="{action}" '
            f'hx-trigger="change" hx-target="#map-household-{h.pk}" hx-swap="outerHTML">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
            f'<input type="hidden" name="version" value="{h.version}">'
            '<input type="hidden" name="next" value="map">'
            f'<input type="hidden" name="cluster" value="{h.cluster or ""}">'
            '<select class="utrecht-select utrecht-select--html-select" name="commitment" '
            f'aria-label="{escape(select_label % {"address": h.address})}">'
            f"{options.get(h.commitment, '')}</select>{save_button}{error}"
        )

    rows = []
    for h in homes:
        address = escape(h.address)
        c = escape(h.commitment)
        cluster = escape(none) if h.x is None else (h.cluster or "–")
        rows.append(
            f'<tr class="utrecht-table__row" id="map-household-{h.pk}" data-household="{h.pk}" '
            f'data-commitment="{c}"><th class="utrecht-table__header-cell" scope="row">'
            f'<span class="map-swatch map-swatch--{c}" aria-hidden="true"></span>{address}</th>'
            f'<td class="utrecht-table__cell">{cluster}</td>'
            f'<td class="utrecht-table__cell">{cell(h, address)}</td></tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308 (every text escaped above)


def map_home(household: object, cluster: str) -> MapHome:
    """One household as the list shows it after an inline edit; the cluster is the number the
    row showed (the form carries it), the page recomputes the clusters on its next load."""
    return MapHome(
        pk=household.pk,
        address=household.street_address,
        commitment=household.commitment,
        commitment_label=str(Commitment(household.commitment).label),
        version=household.version,
        x=household.rd_x,
        y=household.rd_y,
        cluster=int(cluster) if cluster.isdigit() else None,
    )


CACHE_SECONDS = 600
CSRF_PLACEHOLDER = "csrf-token-placeholder-map-18"


def cached_map(pilot: Pilot, *, can_edit: bool, tiles: bool) -> tuple[StreetMap, str]:
    """The map and the list's rows (with a CSRF placeholder), kept per state of the register as
    the pilot page keeps its table (pilots/page_cache.py). The state adds the sums of the
    positions, which the register lookup fills without raising a version."""
    state = pilot.households.aggregate(
        n=Count("pk"), v=Sum("version"), t=Max("updated_at"), x=Sum("rd_x"), y=Sum("rd_y")
    )
    overrides = sorted(pilot.overrides.values_list("key", "value"))
    stamp = repr((state, overrides, get_language(), tiles))
    key = f"street-map:{pilot.pk}:{int(can_edit)}:{hashlib.sha256(stamp.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        smap = street_map(pilot, tiles=tiles)
        rows = list_rows_html(pilot, smap.homes, can_edit=can_edit, csrf_token=CSRF_PLACEHOLDER)
        found = (smap, str(rows))
        cache.set(key, found, CACHE_SECONDS)
    return found
