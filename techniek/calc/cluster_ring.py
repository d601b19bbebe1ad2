"""The seed deck's key choice for mini networks: bodemlus per cluster or one ringnet.

Cluster: a small borehole field per cluster of k homes (a line along the gardens), short PE pipes
on private ground, no central pump; simultaneity only within the cluster. Ring: one PE ring in the
public street, one central field (a compact grid) sized with the simultaneity of the whole street,
a central pump station. The ring pays for the whole street and, because the boreholes of a
compact field cool each other, usually drills more metres; the cluster pays per field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .concepts import CATALOGUE, Concept
from .costs import Component
from .engine import DEFAULTS, Assumptions, _Prepared, _run
from .inputs import HouseholdInput, SiteInput
from .money import eur
from .results import ConceptResult
from .sizing import street_length_m

PROBE_M_PER_HOME = 10.0
SOURCE_LINES = frozenset({Component.BOREHOLES, Component.DRY_COOLERS})
NETWORK_LINES = frozenset(
    {Component.STREET_NETWORK, Component.CLUSTER_PIPES, Component.PUMP_STATION}
)


@dataclass(frozen=True)
class ClusterRingRow:
    street_m_per_home: float
    cluster_size_homes: int
    cluster_capex_per_home_eur: Decimal
    ring_capex_per_home_eur: Decimal
    cluster_borehole_m: float
    ring_borehole_m: float
    cluster_pipe_m: float
    ring_pipe_m: float
    cluster_pumping_kwh: float
    ring_pumping_kwh: float
    cluster_electricity_kwh: float  # heat pumps + pumping
    ring_electricity_kwh: float
    ring_regeneration_kwh: float
    cluster_source_per_home_eur: Decimal  # boreholes, fields (and dry coolers)
    ring_source_per_home_eur: Decimal
    cluster_network_per_home_eur: Decimal  # pipes, trench and the pump station
    ring_network_per_home_eur: Decimal
    cluster_depletion_k: float  # last year's fluid that much colder than the first year's
    ring_depletion_k: float
    cluster_regeneration_needed: bool
    ring_regeneration_needed: bool
    cheaper: Concept


@dataclass(frozen=True)
class BreakEven:
    cluster_size_homes: int
    street_m_per_home: float | None  # equal capex per home here; None: one variant always wins
    ring_cheaper_below: bool  # True: the ring wins on streets shorter than the break-even


@dataclass(frozen=True)
class RemoteGroup:
    """What a group of homes some way off the street adds, per home of the group."""

    homes: int
    distance_m: float  # from the street network to the group
    cluster_per_home_eur: Decimal  # one more cluster field on their own ground
    ring_per_home_eur: Decimal  # a branch of the ring to them and a larger central field


@dataclass(frozen=True)
class ClusterRingComparison:
    rows: tuple[ClusterRingRow, ...]
    break_even: tuple[BreakEven, ...]
    remote_group: RemoteGroup | None = None


def _pair(
    prep: _Prepared, site: SiteInput, street_m_per_home: float
) -> tuple[ConceptResult, ConceptResult]:
    site = replace(site, street_length_m=street_m_per_home * prep.base.homes)
    return (
        _run(CATALOGUE[Concept.BODEMLUS_CLUSTER], prep, site),
        _run(CATALOGUE[Concept.BODEMLUS_RINGNET], prep, site),
    )


def _per_home(result: ConceptResult) -> float:
    return float(result.costs.capex_eur) / result.homes


def _lines_per_home(result: ConceptResult, components: frozenset[Component]) -> Decimal:
    total = sum(
        (ln.capex_eur for ln in result.costs.lines if ln.component in components), Decimal(0)
    )
    return eur(total / result.homes)


def remote_group(
    households: Sequence[HouseholdInput],
    site: SiteInput | None = None,
    assumptions: Assumptions = DEFAULTS,
    homes: int = 6,
    distance_m: float = 50.0,
) -> RemoteGroup:
    """Capex a group of `homes` (the street's own mix) adds per home when it lies `distance_m`
    from the street: a cluster gives them their own field; the ring runs a branch of that length
    to them and its central field grows. The street's length is the same for both variants."""
    site = site or SiteInput()
    group = [households[i % len(households)] for i in range(homes)]
    base, larger = _Prepared(households, assumptions), _Prepared([*households, *group], assumptions)
    street = site.street_length_m
    if street is None:
        street = float(street_length_m(base.base, site, assumptions.sizing))
    frontage = float(street_length_m(larger.base, SiteInput(), assumptions.sizing)) - float(
        street_length_m(base.base, SiteInput(), assumptions.sizing)
    )
    before = replace(site, street_length_m=street)
    # The group's own frontage: pipes on their ground (cluster) or along their homes (ring).
    own = replace(site, street_length_m=street + frontage)
    branch = replace(site, street_length_m=street + distance_m + frontage)
    extra = {}
    for concept, grown in ((Concept.BODEMLUS_CLUSTER, own), (Concept.BODEMLUS_RINGNET, branch)):
        spec = CATALOGUE[concept]
        cost = _run(spec, larger, grown).costs.capex_eur - _run(spec, base, before).costs.capex_eur
        extra[concept] = eur(cost / homes)
    return RemoteGroup(
        homes, distance_m, extra[Concept.BODEMLUS_CLUSTER], extra[Concept.BODEMLUS_RINGNET]
    )


def _break_even(prep: _Prepared, site: SiteInput, cluster_size: int) -> BreakEven:
    """Capex per home is a straight line in street metres per home for both variants (only the
    trench scales with it), so two runs give both lines and their crossing."""
    c0, r0 = (_per_home(r) for r in _pair(prep, site, 0.0))
    c1, r1 = (_per_home(r) for r in _pair(prep, site, PROBE_M_PER_HOME))
    slope_c, slope_r = (c1 - c0) / PROBE_M_PER_HOME, (r1 - r0) / PROBE_M_PER_HOME
    crossing = (c0 - r0) / (slope_r - slope_c) if slope_r != slope_c else None
    if crossing is not None and crossing <= 0:
        crossing = None
    return BreakEven(cluster_size, crossing, r0 < c0)


def compare_cluster_ring(
    households: Sequence[HouseholdInput],
    site: SiteInput | None = None,
    assumptions: Assumptions = DEFAULTS,
    street_m_per_home: Sequence[float] = (3, 5, 7.5, 10, 15, 20),
    cluster_sizes: Sequence[int] = (2, 4, 6, 8),
) -> ClusterRingComparison:
    """Cluster vs ring for these homes over street metres per home and cluster sizes.

    Only the assumed street length and cluster size change between rows; everything else is the
    full engine (run_concept) for both variants.
    """
    site = site or SiteInput()
    rows, break_even = [], []
    for k in cluster_sizes:
        a = replace(assumptions, sizing=replace(assumptions.sizing, cluster_size_homes=k))
        prep = _Prepared(households, a)
        break_even.append(_break_even(prep, site, k))
        for s in street_m_per_home:
            cluster, ring = _pair(prep, site, s)
            cheaper = cluster if cluster.costs.capex_eur <= ring.costs.capex_eur else ring
            rows.append(
                ClusterRingRow(
                    street_m_per_home=s,
                    cluster_size_homes=cluster.sizing.cluster_homes,
                    cluster_capex_per_home_eur=cluster.costs.capex_per_home_eur,
                    ring_capex_per_home_eur=ring.costs.capex_per_home_eur,
                    cluster_borehole_m=cluster.sizing.borehole_m,
                    ring_borehole_m=ring.sizing.borehole_m,
                    cluster_pipe_m=cluster.sizing.pipe_m,
                    ring_pipe_m=ring.sizing.pipe_m,
                    cluster_pumping_kwh=cluster.energy.pumping_electricity_kwh,
                    ring_pumping_kwh=ring.energy.pumping_electricity_kwh,
                    cluster_electricity_kwh=cluster.energy.electricity_kwh,
                    ring_electricity_kwh=ring.energy.electricity_kwh,
                    ring_regeneration_kwh=ring.sizing.regeneration_kwh,
                    cluster_source_per_home_eur=_lines_per_home(cluster, SOURCE_LINES),
                    ring_source_per_home_eur=_lines_per_home(ring, SOURCE_LINES),
                    cluster_network_per_home_eur=_lines_per_home(cluster, NETWORK_LINES),
                    ring_network_per_home_eur=_lines_per_home(ring, NETWORK_LINES),
                    cluster_depletion_k=cluster.sizing.depletion_k,
                    ring_depletion_k=ring.sizing.depletion_k,
                    cluster_regeneration_needed=cluster.sizing.regeneration_needed,
                    ring_regeneration_needed=ring.sizing.regeneration_needed,
                    cheaper=cheaper.concept,
                )
            )
    return ClusterRingComparison(tuple(rows), tuple(break_even))
