from datetime import date

import plotly.graph_objects as go

from pilots.charts import ChartSpec, Series, participation_trend, to_plotly
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


def test_euro_axes_read_as_dutch_amounts_not_si_units() -> None:
    # Issue 22: plotly's default ticks said "250k"; with these the axis reads "€ 250.000".
    spec = ChartSpec(
        kind="line",
        title="Kasstroom",
        categories=(0.0, 1.0),
        series=(Series("Cumulatief", (-250_000.0, 12_500.5), "#000000"),),
        y_title="€",
    )
    figure = go.Figure(to_plotly(spec))
    assert figure.layout.separators == ",."
    assert figure.layout.yaxis.tickformat == ",~f"  # d3: thousands grouped, no SI suffix
    assert figure.layout.yaxis.tickprefix == "€ "
    share = ChartSpec(kind="bar", title="Deelname", categories=("a",), series=(), y_suffix="%")
    assert go.Figure(to_plotly(share)).layout.yaxis.tickprefix is None
