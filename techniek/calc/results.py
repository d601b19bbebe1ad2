"""What a run returns: result dataclasses, warning codes and the fit of a concept to the pilot."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from .concepts import Concept
from .costs import CostBreakdown
from .energy import EnergyResult
from .sizing import Sizing
from .units import KWH_PER_GJ

if TYPE_CHECKING:
    from .ground_source import GroundLoop


class Warning(StrEnum):  # shadows the builtin on purpose: the style guide names it so
    # Hard: the concept cannot be built here; compare_concepts leaves it out.
    NO_SURFACE_WATER = "no_surface_water"
    NO_WASTE_HEAT = "no_waste_heat"
    AQUIFER_UNSUITABLE = "aquifer_unsuitable"
    # Fit: computed, but the concept fits the pilot less well.
    CONCEPT_OUT_OF_SCALE = "concept_out_of_scale"  # homes outside the concept's typical range
    LABEL_TOO_LOW = "label_too_low"  # homes below the required label; insulation surcharge added
    PEAK_ABOVE_100_KW = "peak_above_100_kw"  # a home above the Warmtewet small-consumer limit
    GRID_PEAK_ABOVE_SMALL_CONNECTION = "grid_peak_above_small_connection"  # central plant > 3×80 A
    NETWORK_LOSS_HIGH = "network_loss_high"  # MT network loses more than the warning share
    LONG_NETWORK_PER_HOME = "long_network_per_home"  # street metres per home above the limit
    LAND_SHORT = "land_short"  # field or collectors need more land than the site has
    ROOF_SHORT = "roof_short"  # PVT needs more roof than the homes have
    FEW_GARDENS = "few_gardens"  # cluster fields need private ground; mostly apartments here
    AQUIFER_UNKNOWN = "aquifer_unknown"
    WASTE_HEAT_TOO_SMALL = "waste_heat_too_small"
    # Information: worth knowing, does not change the fit.
    DEMAND_ESTIMATED = "demand_estimated"  # some homes have no metered gas use
    BOREHOLE_DEPTH_LIMITED = "borehole_depth_limited"  # local drilling limit below the default
    REGENERATION_NEEDED = "regeneration_needed"  # the ground depletes: regeneration would pay
    FLUID_BELOW_LIMIT = "fluid_below_limit"  # the field cannot keep the fluid at its limit


HARD = frozenset({Warning.NO_SURFACE_WATER, Warning.NO_WASTE_HEAT, Warning.AQUIFER_UNSUITABLE})
INFO = frozenset({Warning.DEMAND_ESTIMATED, Warning.BOREHOLE_DEPTH_LIMITED})


class Fit(StrEnum):
    GOOD = "good"
    POSSIBLE = "possible"  # fit warnings; the reasons are in `warnings`
    UNSUITABLE = "unsuitable"


def fit_for(warnings: tuple[Warning, ...]) -> Fit:
    if any(w in HARD for w in warnings):
        return Fit.UNSUITABLE
    if any(w not in INFO for w in warnings):
        return Fit.POSSIBLE
    return Fit.GOOD


@dataclass(frozen=True)
class DemandSummary:
    homes: int
    homes_estimated: int  # without metered gas: building-type default
    homes_insulated: int  # brought up to the concept's required label
    space_heating_gj: float  # per year, all homes, after insulation
    tap_water_gj: float
    heat_demand_before_insulation_gj: float
    cooking_gas_m3: float  # stays outside every concept
    space_heating_peak_sum_kw: float  # design peaks summed, before simultaneity
    collective_peak_kw: float  # space heating + tap water after simultaneity
    simultaneity: float  # collective_peak / summed peaks

    @property
    def heat_demand_gj(self) -> float:
        return self.space_heating_gj + self.tap_water_gj

    @property
    def heat_demand_gj_per_home(self) -> float:
        return self.heat_demand_gj / self.homes

    @property
    def heat_demand_kwh(self) -> float:
        return self.heat_demand_gj * KWH_PER_GJ


@dataclass(frozen=True)
class ConceptResult:
    concept: Concept
    name_nl: str
    homes: int
    fit: Fit
    warnings: tuple[Warning, ...]
    demand: DemandSummary
    sizing: Sizing
    costs: CostBreakdown
    energy: EnergyResult
    ground: GroundLoop | None = field(default=None, compare=False, repr=False)  # borehole fields

    @property
    def electricity_kwh_per_home(self) -> float:
        return self.energy.electricity_kwh / self.homes

    @property
    def grid_peak_kw_per_home(self) -> float:
        return self.energy.grid_peak_kw / self.homes


@dataclass(frozen=True)
class Exclusion:
    concept: Concept
    name_nl: str
    reasons: tuple[Warning, ...]


@dataclass(frozen=True)
class Comparison:
    results: tuple[ConceptResult, ...]  # catalogue order; references last
    excluded: tuple[Exclusion, ...]

    def result(self, concept: Concept) -> ConceptResult | None:
        return next((r for r in self.results if r.concept is concept), None)
