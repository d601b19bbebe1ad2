"""Chart specs for the pilot page: plotly figures as JSON, drawn by static/js/charts.js.

graph_objects, not plotly.express: about 10× faster per request (stack.md). SVG traces only
and no mode bar, so the strict CSP bundle draws them.
"""

from collections.abc import Sequence

import plotly.graph_objects as go
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
    fig = go.Figure(
        [
            go.Scatter(
                x=months,
                y=[round(v, 1) for v in values],
                name=name,
                mode="lines+markers",
                line={"color": COLOURS[key], "width": 3},
                hovertemplate="%{y:.0f}%<extra>" + name + "</extra>",
            )
            for key, name, values in series
        ]
    )
    fig.update_layout(_layout(yaxis={"range": [0, 100], "ticksuffix": "%"}))
    return fig.to_plotly_json()
