"""Chart specs for the techniek pages: plotly figures as JSON, drawn by static/js/charts.js.

graph_objects, not plotly.express (about 10× faster per request, stack.md §4); SVG traces only
and no mode bar, so the strict CSP bundle draws them. Each chart comes with the rows of its text
alternative, so the page states in a table what the chart shows.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from techniek.calc import ClusterRingComparison, ClusterRingRow, Concept

# Capex per home is a straight line in street metres per home for both variants (cluster_ring.py,
# tested there), so the two ends of the range and this street draw the lines exactly, at less than
# half the runs of the engine's default grid. 25 m per home covers villa streets (18 m).
STREET_M_PER_HOME = (3.0, 25.0)
CLUSTER_SIZES = (2, 4, 6, 8)
MAX_CHART_M_PER_HOME = 60.0  # beyond this a street network is out of the question anyway

RING_COLOUR = "#154273"
CLUSTER_STYLES = (
    ("#e17000", "dot"),
    ("#39870c", "dash"),
    ("#3d7ab8", "dashdot"),
    ("#a90061", "longdash"),
)


def street_points(current_m_per_home: float | None) -> tuple[float, ...]:
    """The street metres per home to compute: the default grid plus this street's value."""
    points = set(STREET_M_PER_HOME)
    if current_m_per_home is not None and 0 < current_m_per_home <= MAX_CHART_M_PER_HOME:
        points.add(round(current_m_per_home, 1))
    return tuple(sorted(points))


def cluster_sizes(homes: int) -> tuple[int, ...]:
    """Cluster sizes that fit in the street: a cluster of 8 in a street of 5 is the same as 5."""
    return tuple(k for k in CLUSTER_SIZES if k <= homes) or (homes,)


@dataclass(frozen=True)
class ClusterRingSummary:
    """One row of the chart's text alternative: one cluster size at this street."""

    cluster_size_homes: int
    cluster_per_home_eur: Decimal | None  # None: this street is outside the computed grid
    ring_per_home_eur: Decimal | None
    cheaper: Concept | None
    break_even_m_per_home: float | None  # None: one variant wins on every street
    ring_cheaper_below: bool
    row: ClusterRingRow | None = None  # the figures behind the amounts, at this street

    @property
    def always_cheaper(self) -> Concept | None:
        if self.break_even_m_per_home is not None:
            return None
        return Concept.BODEMLUS_RINGNET if self.ring_cheaper_below else Concept.BODEMLUS_CLUSTER


def cluster_ring_summary(
    result: ClusterRingComparison, current_m_per_home: float | None
) -> tuple[ClusterRingSummary, ...]:
    here = round(current_m_per_home, 1) if current_m_per_home is not None else None
    summary = []
    for be in result.break_even:
        row = next(
            (
                r
                for r in result.rows
                if r.cluster_size_homes == be.cluster_size_homes and r.street_m_per_home == here
            ),
            None,
        )
        summary.append(
            ClusterRingSummary(
                cluster_size_homes=be.cluster_size_homes,
                cluster_per_home_eur=row.cluster_capex_per_home_eur if row else None,
                ring_per_home_eur=row.ring_capex_per_home_eur if row else None,
                cheaper=row.cheaper if row else None,
                break_even_m_per_home=be.street_m_per_home,
                ring_cheaper_below=be.ring_cheaper_below,
                row=row,
            )
        )
    return tuple(summary)


def _layout(**extra: object) -> dict:
    # Plotly's separators: decimal mark, then thousands mark.
    separators = ",." if (get_language() or "nl").startswith("nl") else ".,"
    return {
        "margin": {"l": 72, "r": 16, "t": 16, "b": 48},
        "height": 380,
        "font": {"family": "Noto Sans Variable, Arial, sans-serif", "size": 13},
        # Above the plot: on a phone the legend wraps to several rows and pushes the top margin
        # (plotly's automargin) instead of running into the axis title below.
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "separators": separators,
        **extra,
    }


def _line(xs: Sequence[float], ys: Sequence[float], x: float) -> float:
    """Both variants are straight lines in street metres per home (cluster_ring.py)."""
    slope = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    return ys[0] + slope * (x - xs[0])


def cluster_ring_chart(result: ClusterRingComparison, current_m_per_home: float | None) -> dict:
    """Investment per home against street metres per home: the ring, one line per cluster size,
    the break-even points and this street."""
    per_home = _("per woning")
    sizes = [be.cluster_size_homes for be in result.break_even]
    ring_rows = [r for r in result.rows if r.cluster_size_homes == sizes[0]]
    xs = [r.street_m_per_home for r in ring_rows]
    ring = [float(r.ring_capex_per_home_eur) for r in ring_rows]
    ring_name = _("Ringnet")
    traces = [
        go.Scatter(
            x=xs,
            y=ring,
            name=ring_name,
            mode="lines",
            line={"color": RING_COLOUR, "width": 4},
            hovertemplate=f"€ %{{y:,.0f}} {per_home}<extra>{ring_name}</extra>",
        )
    ]
    crossings_x, crossings_y, crossings_text = [], [], []
    for k, (colour, dash) in zip(sizes, CLUSTER_STYLES, strict=False):
        rows = [r for r in result.rows if r.cluster_size_homes == k]
        name = _("Clusters van %(k)d woningen") % {"k": k}
        traces.append(
            go.Scatter(
                x=[r.street_m_per_home for r in rows],
                y=[float(r.cluster_capex_per_home_eur) for r in rows],
                name=name,
                mode="lines",
                line={"color": colour, "width": 3, "dash": dash},
                hovertemplate=f"€ %{{y:,.0f}} {per_home}<extra>{name}</extra>",
            )
        )
    for be in result.break_even:
        x = be.street_m_per_home
        if x is not None and xs[0] <= x <= xs[-1]:
            crossings_x.append(round(x, 1))
            crossings_y.append(round(_line(xs, ring, x)))
            crossings_text.append(
                _("Omslagpunt clusters van %(k)d: %(m)s m per woning")
                % {"k": be.cluster_size_homes, "m": number_format(round(x, 1), 1)}
            )
    if crossings_x:
        traces.append(
            go.Scatter(
                x=crossings_x,
                y=crossings_y,
                name=_("Omslagpunt"),
                mode="markers",
                marker={"symbol": "diamond", "size": 12, "color": "#000000"},
                text=crossings_text,
                hovertemplate="%{text}<extra></extra>",
            )
        )
    shapes, annotations = [], []
    if current_m_per_home is not None and xs[0] <= current_m_per_home <= xs[-1]:
        shapes.append(
            {
                "type": "line",
                "x0": current_m_per_home,
                "x1": current_m_per_home,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": "#b00020", "width": 2, "dash": "dot"},
            }
        )
        annotations.append(
            {
                "x": current_m_per_home,
                "yref": "paper",
                "y": 1,
                "text": _("deze straat"),
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"color": "#b00020"},
            }
        )
    # The layout goes into the constructor: update_layout() costs as much again (batch updates).
    layout = _layout(
        xaxis={"title": {"text": _("Straatlengte per woning (m)")}, "zeroline": False},
        yaxis={
            "title": {"text": _("Investering per woning")},
            "tickprefix": "€ ",
            "tickformat": ",.0f",  # € 36.000, not plotly's SI "€ 36k"
        },
        shapes=shapes,
        annotations=annotations,
    )
    return go.Figure(traces, layout=layout).to_plotly_json()
