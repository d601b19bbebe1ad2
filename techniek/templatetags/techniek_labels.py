"""Filters that turn the engine's codes into Dutch and order a comparison for the table."""

from django import template

from techniek import labels
from techniek.calc import (
    CATALOGUE,
    DEFAULTS,
    Assumptions,
    Comparison,
    Concept,
    ConceptResult,
    Fit,
    ScaleClass,
    Warning,
)

register = template.Library()

FIT_ORDER = {Fit.GOOD: 0, Fit.POSSIBLE: 1, Fit.UNSUITABLE: 2}


@register.filter
def concept_name(code: Concept | str) -> str:
    return str(labels.CONCEPTS[Concept(code)])


# Where a concept's card sits on the catalogue page (techniek/views.py builds the same ids).
SECTIONS = {
    ScaleClass.MINI: "mini",
    ScaleClass.MINI_AND_KLEINSCHALIG: "mini",
    ScaleClass.KLEINSCHALIG: "kleinschalig",
    ScaleClass.REFERENCE: "referentie",
}


@register.filter
def concept_anchor(code: Concept | str) -> str:
    concept = Concept(code)
    return f"{SECTIONS[CATALOGUE[concept].scale]}-{concept.value}"


@register.filter
def fit_text(fit: Fit | str) -> str:
    return str(labels.FITS[Fit(fit)])


@register.filter
def fit_badge(fit: Fit | str) -> str:
    return labels.FIT_BADGES[Fit(fit)]


@register.filter
def warning_text(code: Warning | str, assumptions: Assumptions | None = None) -> str:
    return labels.warning_text(code, assumptions or DEFAULTS)


@register.filter
def collective(comparison: Comparison) -> list[ConceptResult]:
    """The network concepts, best fit first, then the lowest investment per home: the ranking
    the reasons in each row explain."""
    rows = [r for r in comparison.results if CATALOGUE[r.concept].is_collective]
    return sorted(rows, key=lambda r: (FIT_ORDER[r.fit], r.costs.capex_per_home_eur))


@register.filter
def with_fields(comparison: Comparison) -> list[ConceptResult]:
    """The concepts with borehole fields, in catalogue order."""
    return [r for r in comparison.results if r.ground is not None and r.sizing.borehole_m > 0]


@register.filter
def references(comparison: Comparison) -> list[ConceptResult]:
    return [r for r in comparison.results if CATALOGUE[r.concept].is_reference]


@register.filter
def row_warnings(result: ConceptResult) -> list[Warning]:
    # Estimated demand holds for every row alike; the table says it once above the rows.
    return [w for w in result.warnings if w is not Warning.DEMAND_ESTIMATED]


@register.filter
def co2_saved_pct(result: ConceptResult) -> float:
    reference = result.energy.co2_reference_kg
    return 100 * result.energy.co2_saved_kg / reference if reference > 0 else 0.0


@register.filter
def kg_to_tonnes(kg: float) -> float:
    return kg / 1000


@register.filter
def per(value: float, count: int) -> float:
    return value / count if count else 0.0
