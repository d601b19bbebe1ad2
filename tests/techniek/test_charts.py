"""The cluster-vs-ring chart: one line for the ring, one per cluster size, the break-even
points and this street; its text alternative states the same numbers."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from techniek import charts
from techniek.calc import (
    ClusterRingComparison,
    Concept,
    HouseholdInput,
    SiteInput,
    compare_cluster_ring,
)

HOMES = [HouseholdInput()] * 24  # CBS mid-terraces, as in docs/calculations.md §8


@pytest.fixture(scope="module")
def result() -> ClusterRingComparison:
    return compare_cluster_ring(HOMES, SiteInput(), street_m_per_home=charts.street_points(5.5))


def test_street_points_add_this_street_to_the_grid() -> None:
    assert charts.street_points(5.5) == (3.0, 5.5, 25.0)
    assert charts.street_points(25.0) == charts.STREET_M_PER_HOME
    assert charts.street_points(None) == charts.STREET_M_PER_HOME
    assert charts.street_points(500) == charts.STREET_M_PER_HOME  # off the chart: not computed


def test_cluster_sizes_never_exceed_the_street() -> None:
    assert charts.cluster_sizes(24) == (2, 4, 6, 8)
    assert charts.cluster_sizes(5) == (2, 4)
    assert charts.cluster_sizes(2) == (2,)


def test_chart_has_the_ring_a_line_per_cluster_size_and_the_break_even_points(
    result: ClusterRingComparison,
) -> None:
    with translation.override("nl"):
        fig = charts.cluster_ring_chart(result, 5.5)
    names = [trace["name"] for trace in fig["data"]]
    assert names == [
        "Ringnet",
        "Clusters van 2 woningen",
        "Clusters van 4 woningen",
        "Clusters van 6 woningen",
        "Clusters van 8 woningen",
        "Omslagpunt",
    ]
    assert all(trace["type"] == "scatter" for trace in fig["data"])  # SVG, never scattergl
    # Break-even for 24 mid-terraces (docs §8): 20.5 (2), 8.7 (4), 3.6 (6); 0.7 (8) is off the grid.
    assert list(fig["data"][-1]["x"]) == [20.5, 8.7, 3.6]
    assert fig["layout"]["shapes"][0]["x0"] == 5.5
    assert fig["layout"]["separators"] == ",."
    json.dumps(fig, cls=DjangoJSONEncoder)  # what json_script does with it


def test_summary_states_the_cheaper_variant_at_this_street(result: ClusterRingComparison) -> None:
    rows = {row.cluster_size_homes: row for row in charts.cluster_ring_summary(result, 5.5)}
    assert rows[2].cheaper is Concept.BODEMLUS_RINGNET
    assert rows[2].ring_per_home_eur < rows[2].cluster_per_home_eur
    assert rows[6].cheaper is Concept.BODEMLUS_CLUSTER  # break-even 3.6 m, this street 5.5 m
    assert rows[8].break_even_m_per_home == pytest.approx(0.65, abs=0.01)
    assert rows[8].always_cheaper is None


def test_two_points_draw_the_same_lines_as_the_engines_grid(
    result: ClusterRingComparison,
) -> None:
    fine = compare_cluster_ring(HOMES, SiteInput(), street_m_per_home=(3, 7.5, 15, 25))
    for row in fine.rows:
        ends = [r for r in result.rows if r.cluster_size_homes == row.cluster_size_homes]
        xs = [r.street_m_per_home for r in ends]
        for variant in ("cluster_capex_per_home_eur", "ring_capex_per_home_eur"):
            line = charts._line(
                xs, [float(getattr(r, variant)) for r in ends], row.street_m_per_home
            )
            assert float(getattr(row, variant)) == pytest.approx(line, abs=0.02)


def test_summary_without_this_street_in_the_grid_shows_no_amounts(
    result: ClusterRingComparison,
) -> None:
    rows = charts.cluster_ring_summary(result, 42.0)
    assert all(row.cluster_per_home_eur is None and row.cheaper is None for row in rows)
