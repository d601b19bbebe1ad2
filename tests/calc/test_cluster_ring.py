"""The seed deck's key choice: bodemlus per cluster or one ringnet, and where each wins."""

from dataclasses import replace

import pytest

from techniek.calc import (
    DEFAULTS,
    Concept,
    HouseholdInput,
    SiteInput,
    compare_cluster_ring,
    run_concept,
)

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


def test_break_even_separates_the_winners():
    """24 mid-terraces, default costs: the ring trenches the whole public street (€ 250/m) while
    a cluster trenches (k − 1)/k of it on private ground (€ 100/m) but drills more metres and pays a
    field per cluster. So the ring wins on short streets, clusters on long ones."""
    comparison = compare_cluster_ring(STREET, cluster_sizes=(2, 4, 6, 8))
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
    # Pairs of homes share little simultaneity; clusters of 8 almost match the ring's field.
    assert by_size[2].street_m_per_home > by_size[8].street_m_per_home


def test_capex_is_equal_at_the_break_even():
    b = compare_cluster_ring(STREET, cluster_sizes=(4,)).break_even[0]
    clusters_of_4 = replace(DEFAULTS, sizing=replace(DEFAULTS.sizing, cluster_size_homes=4))
    site = SiteInput(street_length_m=b.street_m_per_home * len(STREET))
    cluster = run_concept(STREET, site, Concept.BODEMLUS_CLUSTER, clusters_of_4).costs.capex_eur
    ring = run_concept(STREET, site, Concept.BODEMLUS_RINGNET, clusters_of_4).costs.capex_eur
    assert float(cluster) == pytest.approx(float(ring), abs=1.0)


def test_rows_report_metres_pumping_and_regeneration():
    row = compare_cluster_ring(STREET, street_m_per_home=(10,), cluster_sizes=(6,)).rows[0]
    assert row.cluster_borehole_m > row.ring_borehole_m > 0
    assert row.ring_pipe_m == pytest.approx(2 * 10 * 24)
    assert row.cluster_pipe_m == pytest.approx(2 * 10 * 24 * 5 / 6)
    assert row.ring_pumping_kwh > row.cluster_pumping_kwh > 0
    assert row.ring_energy_limited
    assert not row.cluster_energy_limited
    assert row.ring_regeneration_kwh == 0  # default: no active regeneration on the ring
