"""Pure calculation core for heat-network concepts: no Django, frozen dataclasses in and out.

Start at `run_concept` and `compare_concepts`; docs/calculations.md explains every formula.
"""

from .cluster_ring import (
    BreakEven,
    ClusterRingComparison,
    ClusterRingRow,
    RemoteGroup,
    compare_cluster_ring,
    remote_group,
)
from .concepts import CATALOGUE, Concept, ConceptSpec, ScaleClass
from .engine import (
    DEFAULTS,
    AssumptionRow,
    Assumptions,
    assumption_rows,
    compare_concepts,
    run_concept,
    with_overrides,
)
from .inputs import BuildingType, ConstructionPeriod, EnergyLabel, HouseholdInput, SiteInput
from .results import Comparison, ConceptResult, Exclusion, Fit, Warning

__all__ = [
    "CATALOGUE",
    "DEFAULTS",
    "AssumptionRow",
    "Assumptions",
    "BreakEven",
    "BuildingType",
    "ClusterRingComparison",
    "ClusterRingRow",
    "Comparison",
    "Concept",
    "ConceptResult",
    "ConceptSpec",
    "ConstructionPeriod",
    "EnergyLabel",
    "Exclusion",
    "Fit",
    "HouseholdInput",
    "RemoteGroup",
    "ScaleClass",
    "SiteInput",
    "Warning",
    "assumption_rows",
    "compare_cluster_ring",
    "compare_concepts",
    "remote_group",
    "run_concept",
    "with_overrides",
]
