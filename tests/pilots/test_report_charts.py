"""The PDF's charts: the page's chart specs drawn to SVG by matplotlib, without a database."""

import base64
from xml.etree import ElementTree

import pytest

from pilots.charts import ChartSpec, Marker, Series
from pilots.report_charts import chart_font, nl_number, to_data_url, to_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234567, 0, "1.234.567"),
        (-250000, 0, "-250.000"),
        (12.5, 1, "12,5"),
        (0.0, 0, "0"),
        (-0.0001, 0, "0"),
        (-0.5, 1, "-0,5"),
    ],
)
def test_axis_numbers_are_dutch(value: float, decimals: int, text: str) -> None:
    assert nl_number(value, decimals) == text


SPECS = [
    ChartSpec(
        "stacked_bar",
        "Maandlasten",
        ("Warmtenet", "Gas"),
        (
            Series("Kapitaal", (100.0, 20.0), "#154273"),
            Series("Aansluiting", (-12.0, -12.0), "#f2f4f7"),
        ),
        y_title="€ per maand",
    ),
    ChartSpec(
        "bar",
        "Investering",
        ("Bron", "Net"),
        (Series("Investering", (80000.0, 7800.0), "#154273"),),
    ),
    ChartSpec(
        "line",
        "Deelname",
        (30.0, 35.0, 40.0),
        (Series("Warmtenet", (300.0, 290.0, 280.0), "#154273"),),
        markers=(Marker(11.0, "nu getekend", "#154273"), Marker(35.0, "break-even", "#b54708")),
    ),
    ChartSpec(
        "line",
        "Trend",
        ("jun 2026", "jul 2026"),
        (Series("Getekend", (5.0, 10.0), "#154273"),),
        y_suffix="%",
    ),
    ChartSpec(
        "hbar",
        "Gevoeligheid",
        ("Investering ±20%", "Gasprijs ±20%"),
        (Series("laag", (-54.3, 13.8), "#3d7ab8"), Series("hoog", (52.4, -13.8), "#b54708")),
    ),
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.kind}-{s.title}")
def test_every_kind_of_spec_draws_to_svg_in_the_spec_colours(spec: ChartSpec) -> None:
    svg = to_svg(spec)
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    for series in spec.series:
        assert series.colour.encode() in svg
    # Text stays text, in the document's font (WeasyPrint embeds it once for the whole PDF).
    assert b"font-family: 'Noto Sans'" in svg


def test_the_same_spec_gives_the_same_svg() -> None:
    spec = SPECS[0]
    assert to_svg.__wrapped__(spec) == to_svg.__wrapped__(spec)


def test_data_url_carries_the_svg() -> None:
    url = to_data_url(SPECS[1])
    assert url.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(url.split(",", 1)[1]).startswith(b"<?xml")


def test_charts_use_the_bundled_noto_sans() -> None:
    assert chart_font() == "Noto Sans"
