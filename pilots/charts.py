"""Chart specs for the pilot page: plotly figures as plain JSON, drawn by static/js/charts.js.

Plain dicts in plotly's figure schema instead of graph_objects: go.Figure validates every
property and cost ~20 ms per chart on the pilot page (bench/run.py); the schema is the same.
SVG traces only and no mode bar, so the strict CSP bundle draws them.
"""

from collections.abc import Sequence

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .participation import MonthPoint

COLOURS = {"interested": "#8fb8de", "intent": "#3d7ab8", "signed": "#154273"}


def _layout(**extra: object) -> dict:
    return {
        "margin": {"l": 48, "r": 16, "t": 40, "b": 32},
        "height": 260,
        "font": {"family": "Noto Sans Variable, Arial, sans-serif", "size": 13},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        **extra,
    }


def participation_trend(points: Sequence[MonthPoint]) -> dict:
    months = [date_format(p.month, "M Y") for p in points]
    series = (
        ("interested", _("Geïnteresseerd of verder"), [p.interested_pct for p in points]),
        ("intent", _("Intentie of verder"), [p.intent_pct for p in points]),
        ("signed", _("Getekend"), [p.signed_pct for p in points]),
    )
    data = [
        {
            "type": "scatter",
            "x": months,
            "y": [round(v, 1) for v in values],
            "name": name,
            "mode": "lines+markers",
            "line": {"color": COLOURS[key], "width": 3},
            "hovertemplate": "%{y:.0f}%<extra>" + name + "</extra>",
        }
        for key, name, values in series
    ]
    return {"data": data, "layout": _layout(yaxis={"range": [0, 100], "ticksuffix": "%"})}
