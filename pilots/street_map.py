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

from dataclasses import dataclass

import numpy as np
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from techniek.calc import geometry
from warmtenet.http import option_lists, url_template

from .models import Commitment, Pilot, pilot_parameters

# Roughly a home's width in the drawing, whatever the street's extent.
POINT_SHARE_OF_EXTENT = 1 / 110
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


def street_map(pilot: Pilot) -> StreetMap:
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
    groups = geometry.neighbour_groups(points, k)
    cluster_of = {taking_part[j]: n + 1 for n, g in enumerate(groups) for j in g}
    cluster_edges = [(g, geometry.spanning_tree(points[g])) for g in groups]
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
        features=_features(placed, points, tree.edges, cluster_edges),
    )


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

    def segment(a: int, b: int) -> tuple[str, str, str, str]:
        (x1, y1), (x2, y2) = points[a], points[b]
        return (f"{x1:.1f}", f"{-y1:.1f}", f"{x2:.1f}", f"{-y2:.1f}")

    ring_lines = format_html_join(
        "", '<line x1="{}" y1="{}" x2="{}" y2="{}"/>', (segment(a, b) for a, b in ring)
    )
    cluster_lines = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}"/>',
        (segment(g[a], g[b]) for g, tree in clusters for a, b in tree.edges),
    )
    cluster_labels = format_html_join(
        "",
        '<text x="{}" y="{}">{}</text>',
        (
            (f"{points[g, 0].mean():.1f}", f"{-points[g, 1].mean() - 1.6 * r:.1f}", n + 1)
            for n, (g, _tree) in enumerate(clusters)
            if len(g) > 1
        ),
    )
    dots = format_html_join(
        "",
        '<circle id="point-{}" class="map-point map-point--{}" cx="{}" cy="{}" r="{}">'
        "<title>{}: {}</title></circle>",
        (
            (
                h.pk,
                h.commitment,
                f"{h.x:.1f}",
                f"{-h.y:.1f}",
                f"{r:.2f}",
                h.address,
                h.commitment_label,
            )
            for h in placed
        ),
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
        ring_lines,
        f"{r * 0.35:.2f}",
        f"{r * 0.8:.2f}",
        f"{r * 0.5:.2f}",
        cluster_lines,
        f"{r * 2.4:.2f}",
        cluster_labels,
        f"{r * 0.3:.2f}",
        dots,
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

    def cell(h: MapHome) -> SafeString:
        if not can_edit:
            return format_html("{}", h.commitment_label)
        action = url.format(h.pk)
        return format_html(
            '<form method="post" action="{}" class="app-commitment" hx-post="{}" '
            'hx-trigger="change" hx-target="#map-household-{}" hx-swap="outerHTML">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="version" value="{}">'
            '<input type="hidden" name="next" value="map">'
            '<input type="hidden" name="cluster" value="{}">'
            '<select class="utrecht-select utrecht-select--html-select" name="commitment" '
            'aria-label="{}">{}</select>'
            '<noscript><button class="utrecht-button utrecht-button--secondary-action" '
            'type="submit">{}</button></noscript></form>{}',
            action,
            action,
            h.pk,
            csrf_token,
            h.version,
            h.cluster or "",
            select_label % {"address": h.address},
            options.get(h.commitment, SafeString()),
            save,
            format_html('<p class="app-error" role="alert">{}</p>', message) if message else "",
        )

    return format_html_join(
        "",
        '<tr class="utrecht-table__row" id="map-household-{}" data-household="{}" '
        'data-commitment="{}"><th class="utrecht-table__header-cell" scope="row">'
        '<span class="map-swatch map-swatch--{}" aria-hidden="true"></span>{}</th>'
        '<td class="utrecht-table__cell">{}</td><td class="utrecht-table__cell">{}</td></tr>',
        (
            (
                h.pk,
                h.pk,
                h.commitment,
                h.commitment,
                h.address,
                none if h.x is None else (h.cluster or "–"),
                cell(h),
            )
            for h in homes
        ),
    )


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
