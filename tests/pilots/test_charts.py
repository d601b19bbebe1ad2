from datetime import date

import plotly.graph_objects as go

from pilots.charts import participation_trend, to_plotly
from pilots.participation import MonthPoint


def test_participation_trend_is_a_valid_plotly_figure() -> None:
    points = [MonthPoint(date(2026, m, 1), 10.0 * m, 5.0 * m, 1.0 * m) for m in (9, 10, 11)]
    spec = to_plotly(participation_trend(points))
    # graph_objects validates the plain spec against plotly's schema and raises on typos.
    figure = go.Figure(spec)
    names = [t.name for t in figure.data]
    assert names == ["Geïnteresseerd of verder", "Intentie of verder", "Getekend"]
    assert list(figure.data[2].y) == [9.0, 10.0, 11.0]
    assert figure.layout.yaxis.ticksuffix == "%"
