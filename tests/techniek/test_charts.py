"""The cluster-vs-ring chart: one line for the ring, one per cluster size, the break-even
points and this street; its text alternative states the same numbers."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from techniek import charts
from techniek.calc import (
    DEFAULTS,
    ClusterRingComparison,
    Concept,
    HouseholdInput,
    SiteInput,
    compare_cluster_ring,
    with_overrides,
)

HOMES = [HouseholdInput()] * 24  # CBS mid-terraces, as in docs/calculations.md §8
# A fully regenerated ring, so that both variants win somewhere and the chart has break-evens.
REGENERATED = with_overrides(DEFAULTS, {"sizing.regeneration_share_ring": 1.0})


@pytest.fixture(scope="module")
def result() -> ClusterRingComparison:
    points = charts.street_points(5.5)
    return compare_cluster_ring(HOMES, SiteInput(), REGENERATED, street_m_per_home=points)


def test_without_a_break_even_the_chart_has_no_break_even_points() -> None:
    plain = compare_cluster_ring(HOMES, SiteInput(), street_m_per_home=charts.street_points(5.5))
    with translation.override("nl"):
        fig = charts.cluster_ring_chart(plain, 5.5)
    assert [trace["name"] for trace in fig["data"]][-1] == "Clusters van 8 woningen"
    summary = charts.cluster_ring_summary(plain, 5.5)
    assert all(row.always_cheaper is Concept.BODEMLUS_CLUSTER for row in summary)


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
    # Break-even for 24 mid-terraces with the ring regenerated (docs §8), in the chart's range.
    expected = [
        round(b.street_m_per_home, 1)
        for b in result.break_even
        if b.street_m_per_home is not None and b.street_m_per_home >= 3.0
    ]
    assert list(fig["data"][-1]["x"]) == expected
    assert len(expected) >= 3
    assert fig["layout"]["shapes"][0]["x0"] == 5.5
    assert fig["layout"]["separators"] == ",."
    json.dumps(fig, cls=DjangoJSONEncoder)  # what json_script does with it


def test_summary_states_the_cheaper_variant_at_this_street(result: ClusterRingComparison) -> None:
    rows = {row.cluster_size_homes: row for row in charts.cluster_ring_summary(result, 5.5)}
    for row in rows.values():
        ring_wins = row.ring_per_home_eur < row.cluster_per_home_eur
        assert row.cheaper is (Concept.BODEMLUS_RINGNET if ring_wins else Concept.BODEMLUS_CLUSTER)
        assert ring_wins == (row.break_even_m_per_home > 5.5)
        assert row.always_cheaper is None
        assert row.row.street_m_per_home == 5.5  # the figures behind it
    assert rows[2].cheaper is Concept.BODEMLUS_RINGNET


def test_two_points_draw_the_same_lines_as_the_engines_grid(
    result: ClusterRingComparison,
) -> None:
    fine = compare_cluster_ring(HOMES, SiteInput(), REGENERATED, street_m_per_home=(3, 7.5, 15, 25))
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
