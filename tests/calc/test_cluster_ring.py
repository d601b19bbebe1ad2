"""The seed deck's key choice: bodemlus per cluster or one ringnet, and where each wins."""

from dataclasses import replace
from decimal import Decimal

import pytest

from techniek.calc import (
    DEFAULTS,
    Concept,
    HouseholdInput,
    SiteInput,
    compare_cluster_ring,
    run_concept,
    with_overrides,
)
from techniek.calc.cluster_ring import remote_group

STREET = [HouseholdInput(gas_m3_per_year=1350)] * 24


def _per_home(concept, street_m_per_home):
    site = SiteInput(street_length_m=street_m_per_home * len(STREET))
    return float(run_concept(STREET, site, concept).costs.capex_eur) / len(STREET)


@pytest.mark.parametrize("concept", [Concept.BODEMLUS_CLUSTER, Concept.BODEMLUS_RINGNET])
def test_capex_per_home_is_a_straight_line_in_street_metres(concept):
    """Only the trench scales with street metres per home, so three points lie on one line
    (this is what the break-even calculation relies on)."""
    y0, y10, y25 = (_per_home(concept, s) for s in (0, 10, 25))
    assert y25 - y0 == pytest.approx((y10 - y0) * 2.5, abs=0.05)


REGENERATED_RING = with_overrides(DEFAULTS, {"sizing.regeneration_share_ring": 1.0})


def test_without_regeneration_clusters_win_every_street():
    """24 mid-terraces, default ground, no regeneration: the ring's compact central grid cools
    itself, so it drills far more metres than clusters in a line (GHEtool agrees, see
    test_borefield.py) and trenches the whole street. Clusters are cheaper on every street."""
    comparison = compare_cluster_ring(STREET, cluster_sizes=(2, 4, 6, 8))
    for b in comparison.break_even:
        assert b.street_m_per_home is None, b
        assert not b.ring_cheaper_below, b
    for row in comparison.rows:
        assert row.cheaper is Concept.BODEMLUS_CLUSTER
        assert row.ring_borehole_m > 1.3 * row.cluster_borehole_m


def test_break_even_separates_the_winners_when_the_ring_is_regenerated():
    """Fully regenerated (summer cooling or dry coolers), the ring's field shrinks below the
    clusters': it wins on short streets, clusters on long ones, and pairs of homes (a field each)
    lose to the ring up to longer streets than clusters of 8."""
    comparison = compare_cluster_ring(STREET, REGENERATED_RING_SITE, REGENERATED_RING)
    by_size = {b.cluster_size_homes: b for b in comparison.break_even}
    for k, b in by_size.items():
        assert b.street_m_per_home is not None, k
        assert b.ring_cheaper_below, k
        for row in (r for r in comparison.rows if r.cluster_size_homes == k):
            ring_wins = row.ring_capex_per_home_eur < row.cluster_capex_per_home_eur
            assert ring_wins == (row.street_m_per_home < b.street_m_per_home), (k, row)
            assert row.cheaper is (
                Concept.BODEMLUS_RINGNET if ring_wins else Concept.BODEMLUS_CLUSTER
            )
    assert by_size[2].street_m_per_home > by_size[8].street_m_per_home


REGENERATED_RING_SITE = SiteInput()


def test_capex_is_equal_at_the_break_even():
    b = compare_cluster_ring(STREET, cluster_sizes=(4,), assumptions=REGENERATED_RING).break_even[0]
    clusters_of_4 = replace(
        REGENERATED_RING, sizing=replace(REGENERATED_RING.sizing, cluster_size_homes=4)
    )
    site = SiteInput(street_length_m=b.street_m_per_home * len(STREET))
    cluster = run_concept(STREET, site, Concept.BODEMLUS_CLUSTER, clusters_of_4).costs.capex_eur
    ring = run_concept(STREET, site, Concept.BODEMLUS_RINGNET, clusters_of_4).costs.capex_eur
    assert float(cluster) == pytest.approx(float(ring), abs=1.0)


def test_rows_report_the_figures_behind_the_winner():
    row = compare_cluster_ring(STREET, street_m_per_home=(10,), cluster_sizes=(6,)).rows[0]
    assert row.ring_borehole_m > row.cluster_borehole_m > 0
    assert row.ring_pipe_m == pytest.approx(2 * 10 * 24)
    assert row.cluster_pipe_m == pytest.approx(2 * 10 * 24 * 5 / 6)
    assert row.ring_pumping_kwh > row.cluster_pumping_kwh > 0
    # Source: boreholes at € 55/m plus € 8,000 per field (4 clusters, 1 central field).
    assert float(row.cluster_source_per_home_eur) == pytest.approx(
        (row.cluster_borehole_m * 55 + 4 * 8000) / 24, abs=0.01
    )
    assert float(row.ring_source_per_home_eur) == pytest.approx(
        (row.ring_borehole_m * 55 + 8000) / 24, abs=0.01
    )
    # Network: ring trench 240 m × € 250 + pump station; cluster pipes 200 m × € 100.
    assert row.cluster_network_per_home_eur == Decimal("833.33")
    assert row.ring_network_per_home_eur > Decimal(240 * 250 / 24)
    assert row.ring_depletion_k > row.cluster_depletion_k > 0
    assert row.ring_regeneration_needed
    assert not row.cluster_regeneration_needed
    assert row.ring_regeneration_kwh == 0  # default: no active regeneration on the ring


def test_a_remote_group_costs_the_ring_its_branch():
    """Six more homes 50 m off the street: a cluster gives them their own field; the ring runs
    a 50 m branch to them and its central field grows (and cools itself more)."""
    site = SiteInput(street_length_m=24 * 5.5)
    near = remote_group(STREET, site, distance_m=0)
    far = remote_group(STREET, site, distance_m=50)
    assert far.cluster_per_home_eur == near.cluster_per_home_eur  # no street, no distance
    # The branch: 50 m of street trench at € 250/m (+10 % engineering), shared by six homes.
    branch = far.ring_per_home_eur - near.ring_per_home_eur
    assert float(branch) == pytest.approx(50 * 250 * 1.10 / 6, abs=0.02)
    assert far.ring_per_home_eur > far.cluster_per_home_eur
