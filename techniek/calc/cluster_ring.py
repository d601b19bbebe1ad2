"""The seed deck's key choice for mini networks: bodemlus per cluster or one ringnet.

Cluster: a small borehole field per cluster of k homes, short PE pipes on private ground, no
central pump; simultaneity only within the cluster. Ring: one PE ring in the public street, one
central field sized with the simultaneity of the whole street, a central pump station.
The ring pays for the whole street; the cluster drills more metres and pays per field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .concepts import CATALOGUE, Concept
from .engine import DEFAULTS, Assumptions, _Prepared, _run
from .inputs import HouseholdInput, SiteInput
from .results import ConceptResult

PROBE_M_PER_HOME = 10.0


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
    cluster_energy_limited: bool  # the annual kWh/m limit sets the metres: regeneration pays
    ring_energy_limited: bool
    cheaper: Concept


@dataclass(frozen=True)
class BreakEven:
    cluster_size_homes: int
    street_m_per_home: float | None  # equal capex per home here; None: one variant always wins
    ring_cheaper_below: bool  # True: the ring wins on streets shorter than the break-even


@dataclass(frozen=True)
class ClusterRingComparison:
    rows: tuple[ClusterRingRow, ...]
    break_even: tuple[BreakEven, ...]


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
                    cluster_energy_limited=cluster.sizing.borehole_energy_limited,
                    ring_energy_limited=ring.sizing.borehole_energy_limited,
                    cheaper=cheaper.concept,
                )
            )
    return ClusterRingComparison(tuple(rows), tuple(break_even))
