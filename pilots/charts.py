"""Chart specs: one neutral description per chart, drawn by plotly on the page
(`to_plotly`, via static/js/charts.js) and as static SVG in the PDF (pilots/report_charts.py).

Plotly figures are plain dicts in plotly's schema instead of graph_objects: go.Figure validates
every property and cost ~20 ms per chart (bench/run.py); tests validate the dicts with go.Figure.
SVG traces only and no mode bar, so the strict CSP bundle draws them.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .participation import MonthPoint

COLOURS = {
    "interested": "#8fb8de",
    "intent": "#3d7ab8",
    "signed": "#154273",
    "network": "#154273",
    "gas": "#b54708",
    "air_hp": "#667085",
    "capital": "#154273",
    "energy": "#3d7ab8",
    "om": "#8fb8de",
    "fixed": "#d0d5dd",
    "connection": "#f2f4f7",
    "low": "#3d7ab8",
    "high": "#b54708",
}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str


@dataclass(frozen=True)
class Marker:
    """A vertical reference line at x, e.g. the current signed share."""

    x: float
    label: str
    colour: str


@dataclass(frozen=True)
class ChartSpec:
    kind: Literal["line", "bar", "stacked_bar", "hbar"]
    title: str
    categories: tuple[str, ...] | tuple[float, ...]
    series: tuple[Series, ...]
    y_title: str = ""
    x_title: str = ""
    y_suffix: str = ""
    markers: tuple[Marker, ...] = field(default=())


def _f(value: Decimal | float) -> float:
    return round(float(value), 2)


def participation_trend(points: Sequence[MonthPoint]) -> ChartSpec:
    return ChartSpec(
        kind="line",
        title=_("Participatie over de laatste zes maanden"),
        categories=tuple(date_format(p.month, "M Y") for p in points),
        series=(
            Series(
                _("Geïnteresseerd of verder"),
                tuple(round(p.interested_pct, 1) for p in points),
                COLOURS["interested"],
            ),
            Series(
                _("Intentie of verder"),
                tuple(round(p.intent_pct, 1) for p in points),
                COLOURS["intent"],
            ),
            Series(_("Getekend"), tuple(round(p.signed_pct, 1) for p in points), COLOURS["signed"]),
        ),
        y_suffix="%",
    )


def monthly_costs(case: object) -> ChartSpec:
    options = (case.household.network, case.household.gas, case.household.air_hp)
    parts = (
        ("capital", _("Kapitaal en afschrijving"), "capital_eur_per_month"),
        ("energy", _("Energie"), "energy_eur_per_month"),
        ("om", _("Onderhoud"), "om_eur_per_month"),
        ("fixed", _("Vaste kosten"), "fixed_eur_per_month"),
        ("connection", _("Elektriciteitsaansluiting"), "electricity_connection_eur_per_month"),
    )
    return ChartSpec(
        kind="stacked_bar",
        title=_("Maandlasten per woning, jaar 1 (incl. btw)"),
        categories=(_("Warmtenet"), _("Blijven op gas"), _("Eigen lucht-warmtepomp")),
        series=tuple(
            Series(name, tuple(_f(getattr(o.monthly, attr)) for o in options), COLOURS[key])
            for key, name, attr in parts
        ),
        y_title=_("€ per maand"),
    )


def cumulative_cash_flow(case: object) -> ChartSpec:
    return ChartSpec(
        kind="line",
        title=_("Cumulatieve kasstroom van het project"),
        categories=tuple(float(r.year) for r in case.cash_flows),
        series=(
            Series(
                _("Cumulatief (nominaal)"),
                tuple(_f(r.cumulative_project_eur) for r in case.cash_flows),
                COLOURS["network"],
            ),
        ),
        x_title=_("jaar"),
        y_title="€",
    )


def participation_curve(sweep: object, signed_pct: float, intent_pct: float) -> ChartSpec:
    points = sweep.points
    markers = [
        Marker(round(signed_pct, 1), _("nu getekend"), COLOURS["signed"]),
        Marker(round(intent_pct, 1), _("nu intentie of verder"), COLOURS["intent"]),
    ]
    if sweep.break_even is not None:
        markers.append(
            Marker(round(sweep.break_even.participation_pct, 1), _("break-even"), COLOURS["gas"])
        )
    return ChartSpec(
        kind="line",
        title=_("Maandlasten per deelnemende woning naar deelname"),
        categories=tuple(float(p.participation_pct) for p in points),
        series=(
            Series(
                _("Warmtenet"), tuple(_f(p.network_monthly_eur) for p in points), COLOURS["network"]
            ),
            Series(
                _("Blijven op gas"), tuple(_f(p.gas_monthly_eur) for p in points), COLOURS["gas"]
            ),
        ),
        x_title=_("deelname (% van de woningen)"),
        y_title=_("€ per maand"),
        markers=tuple(markers),
    )


def tornado_chart(result: object, labels: dict[str, str]) -> ChartSpec:
    bars = result.bars
    return ChartSpec(
        kind="hbar",
        title=_("Gevoeligheid: verschil met gas per maand"),
        categories=tuple(labels[b.parameter] for b in bars),
        series=(
            Series(
                _("laag"), tuple(_f(b.low_vs_gas_delta_eur_per_month) for b in bars), COLOURS["low"]
            ),
            Series(
                _("hoog"),
                tuple(_f(b.high_vs_gas_delta_eur_per_month) for b in bars),
                COLOURS["high"],
            ),
        ),
        x_title=_("€ per maand t.o.v. de basis"),
    )


def investment_breakdown(case: object, labels: dict[str, str]) -> ChartSpec:
    totals: dict[str, float] = {}
    for line in case.investment_lines:
        key = str(labels.get(str(line.category), str(line.category)))
        totals[key] = totals.get(key, 0.0) + float(line.capex_eur)
    return ChartSpec(
        kind="bar",
        title=_("Investering naar onderdeel"),
        categories=tuple(totals),
        series=(
            Series(_("Investering"), tuple(round(v) for v in totals.values()), COLOURS["network"]),
        ),
        y_title="€",
    )


# Category labels break onto lines of this many characters on the page: on a 360 px phone a
# one-line "Eigen lucht-warmtepomp" was cut off under the chart.
BAR_LABEL_CHARS = 12
HBAR_LABEL_CHARS = 18
MARKER_ROW_PX = 16


def _wrap(label: object, width: int) -> str:
    text = str(label)
    return "<br>".join(textwrap.wrap(text, width, break_on_hyphens=True)) or text


def _marker_labels(markers: Sequence[Marker]) -> list[tuple[Marker, str, int]]:
    """(marker, label, row): markers at the same x share one label, and each label has a row
    of its own, so a long label never runs into the next one on a narrow screen."""
    merged: dict[float, tuple[Marker, list[str]]] = {}
    for m in markers:
        merged.setdefault(m.x, (m, []))[1].append(m.label)
    return [
        (marker, " · ".join(labels), row)
        for row, (marker, labels) in enumerate(merged[x] for x in sorted(merged))
    ]


def to_plotly(spec: ChartSpec) -> dict:
    layout: dict = {
        "margin": {"l": 64, "r": 16, "t": 40, "b": 48},
        "height": 300,
        "font": {"family": "Noto Sans Variable, Arial, sans-serif", "size": 13},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"title": {"text": spec.x_title}},
        "yaxis": {"title": {"text": spec.y_title}, "ticksuffix": spec.y_suffix},
        "separators": ",.",
    }
    cats = list(spec.categories)
    if spec.kind == "hbar":
        data = [
            {
                "type": "bar",
                "orientation": "h",
                "y": [_wrap(c, HBAR_LABEL_CHARS) for c in cats],
                "x": list(s.values),
                "name": s.name,
                "marker": {"color": s.colour},
            }
            for s in spec.series
        ]
        layout["barmode"] = "overlay"
        layout["yaxis"] = {"autorange": "reversed", "automargin": True}
        layout["xaxis"] = {"title": {"text": spec.x_title}, "zeroline": True, "automargin": True}
    elif spec.kind in ("bar", "stacked_bar"):
        data = [
            {
                "type": "bar",
                "x": [_wrap(c, BAR_LABEL_CHARS) for c in cats],
                "y": list(s.values),
                "name": s.name,
                "marker": {"color": s.colour},
            }
            for s in spec.series
        ]
        layout["barmode"] = "stack" if spec.kind == "stacked_bar" else "group"
        layout["xaxis"]["automargin"] = True
    else:
        data = [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": cats,
                "y": list(s.values),
                "name": s.name,
                "line": {"color": s.colour, "width": 3},
            }
            for s in spec.series
        ]
    if spec.y_suffix == "%":
        layout["yaxis"]["range"] = [0, 100]
    # Plotly's default tick format is SI ("250k"); a Dutch reader expects 250.000 (the
    # `separators` above make "," the decimal and "." the thousands mark).
    value_axis = layout["xaxis"] if spec.kind == "hbar" else layout["yaxis"]
    value_axis["tickformat"] = ",~f"
    value_axis["automargin"] = True  # "€ 5.000.000" is wider than "5M"
    if (spec.x_title if spec.kind == "hbar" else spec.y_title).startswith("€"):
        value_axis["tickprefix"] = "€ "
    layout["shapes"] = [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": m.x,
            "x1": m.x,
            "y0": 0,
            "y1": 1,
            "line": {"color": m.colour, "dash": "dash", "width": 2},
        }
        for m in spec.markers
    ]
    numeric = [float(c) for c in cats if isinstance(c, int | float)]
    span = (max(numeric) - min(numeric)) if len(numeric) > 1 else 100.0
    middle = (min(numeric) + span / 2) if numeric else 50.0
    # Inside the plot, left-aligned on their line and stacked downwards: above the plot they
    # ran into the legend, and two markers at the same share printed on top of each other.
    layout["annotations"] = [
        {
            "x": m.x,
            "xref": "x",
            "y": 1,
            "yref": "paper",
            "yanchor": "top",
            # Right of the line in the left half, left of it in the right half: never off the plot.
            "xanchor": "left" if m.x <= middle else "right",
            "xshift": 4 if m.x <= middle else -4,
            "yshift": -MARKER_ROW_PX * row,
            "text": label,
            "showarrow": False,
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"color": m.colour, "size": 11},
        }
        for m, label, row in _marker_labels(spec.markers)
    ]
    return {"data": data, "layout": layout}
