"""Trench lengths and clusters from the homes' positions (RD New metres)."""

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.geometry import neighbour_groups, route_m, spanning_tree

ORIGIN = (155_000.0, 463_000.0)  # Amersfoort, the RD New origin


def row(n: int, spacing: float, start: float = 0.0, y: float = 0.0) -> np.ndarray:
    return np.array([(ORIGIN[0] + start + i * spacing, ORIGIN[1] + y) for i in range(n)])


def homes(points: np.ndarray) -> list[HouseholdInput]:
    return [HouseholdInput(gas_m3_per_year=1350, rd_x_m=x, rd_y_m=y) for x, y in points]


def test_a_row_of_homes_is_joined_by_its_length():
    """Ten homes 6 m apart: the tree is 9 × 6 = 54 m; with the 1.3 detour 70.2 m of trench."""
    assert spanning_tree(row(10, 6)).length_m == pytest.approx(54.0)
    assert route_m(row(10, 6), 1.3) == pytest.approx(70.2)


def test_two_sides_of_a_street():
    """Five homes on each side of a 12 m street: 2 × 4 × 6 m along the sides, one crossing."""
    points = np.vstack([row(5, 6), row(5, 6, y=12)])
    assert spanning_tree(points).length_m == pytest.approx(2 * 24 + 12)


def test_clusters_are_neighbours():
    """A row of 6 and a group of 6 around the corner, 200 m away: clusters of 6 are exactly the
    two groups."""
    points = np.vstack([row(6, 6), row(6, 6, start=200)])
    groups = sorted(sorted(g.tolist()) for g in neighbour_groups(points, 6))
    assert groups == [list(range(6)), list(range(6, 12))]


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 60), st.integers(1, 12), st.randoms(use_true_random=False))
def test_groups_cover_every_home_once_with_near_equal_sizes(n, k, rnd):
    points = np.array(
        [(ORIGIN[0] + rnd.uniform(0, 300), ORIGIN[1] + rnd.uniform(0, 300)) for _ in range(n)]
    )
    groups = neighbour_groups(points, k)
    assert sorted(np.concatenate(groups).tolist()) == list(range(n))
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    assert max(sizes) <= max(k, 1)


def test_positions_set_the_ring_and_the_cluster_pipes():
    """24 homes in two rows of 12, 6 m apart, 12 m across: the ring trench is the tree of all
    homes (2 × 66 + 12 m) × 1.3; clusters of six neighbours join their own homes: four clusters
    of 5 × 6 m = 30 m each (rows stay together) × 1.3."""
    points = np.vstack([row(12, 6), row(12, 6, y=12)])
    site = SiteInput()
    ring = run_concept(homes(points), site, Concept.BODEMLUS_RINGNET).sizing
    assert ring.street_trench_m == pytest.approx((2 * 66 + 12) * 1.3)
    cluster = run_concept(homes(points), site, Concept.BODEMLUS_CLUSTER).sizing
    assert cluster.private_trench_m == pytest.approx(4 * 30 * 1.3)
    # A street length entered for the site still overrides the positions.
    given = run_concept(homes(points), SiteInput(street_length_m=500), Concept.BODEMLUS_RINGNET)
    assert given.sizing.street_trench_m == 500


def test_household_order_does_not_change_the_geometry():
    points = np.vstack([row(9, 6), row(9, 7, y=15)])
    shuffled = homes(points)
    random.Random(4).shuffle(shuffled)
    for concept in (Concept.BODEMLUS_CLUSTER, Concept.BODEMLUS_RINGNET):
        a = run_concept(homes(points), SiteInput(), concept).sizing
        b = run_concept(shuffled, SiteInput(), concept).sizing
        assert a.trench_m == pytest.approx(b.trench_m)


def test_a_home_with_only_one_coordinate_is_refused():
    with pytest.raises(ValueError, match="both coordinates"):
        HouseholdInput(rd_x_m=155_000)


def test_flats_at_one_address_point_add_no_trench():
    """Twelve flats share an address point; with two houses 20 m away the tree is 20 + 20 m."""
    points = np.vstack([np.repeat(row(1, 0), 12, axis=0), row(2, 20, start=20)])
    tree = spanning_tree(points)
    assert tree.length_m == pytest.approx(40.0)
    assert len(tree.edges) == len(points) - 1
    groups = neighbour_groups(points, 6)
    assert sorted(np.concatenate(groups).tolist()) == list(range(14))


def test_rd_to_wgs84_at_the_origin_and_ten_kilometres_off() -> None:
    from techniek.calc.geometry import rd_to_wgs84

    x = np.array([155_000.0, 155_000.0, 165_000.0])
    y = np.array([463_000.0, 473_000.0, 463_000.0])
    lat, lon = rd_to_wgs84(x, y)
    # Amersfoort is the origin of RD. 10 km is 10 / 111.2 = 0.0899° of latitude and
    # 10 / (111.3 · cos 52.155°) = 0.1463° of longitude (RD's scale is 1 within 0.01 %).
    assert (lat[0], lon[0]) == pytest.approx((52.15517440, 5.38720621), abs=1e-9)
    assert lat[1] - lat[0] == pytest.approx(0.0899, rel=0.01)
    assert lon[2] - lon[0] == pytest.approx(0.1463, rel=0.01)
