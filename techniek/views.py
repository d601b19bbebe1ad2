from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from techniek import catalogue, charts, labels
from techniek.calc import (
    CATALOGUE,
    DEFAULTS,
    AssumptionRow,
    Assumptions,
    BuildingType,
    Concept,
    ScaleClass,
    assumption_rows,
    compare_cluster_ring,
    compare_concepts,
    remote_group,
)
from techniek.catalogue import Weight
from techniek.forms import Quickscan, QuickscanForm
from warmtenet.http import AuthenticatedRequest, form_status

MINI_MAX_HOMES = 50  # seed deck: a mini-warmtenet has 2–50 homes


@dataclass(frozen=True)
class Assumption:
    """One row of an "Aannames en bronnen" table, with its plain name where we have one."""

    key: str
    label: str | None
    value: float
    default: float
    unit: str
    source: str
    confirmed: bool

    @property
    def overridden(self) -> bool:
        return self.value != self.default

    @property
    def display(self) -> str:
        return value_with_unit(self.value, self.unit)

    @property
    def default_display(self) -> str:
        return value_with_unit(self.default, self.unit)


def value_with_unit(value: float, unit: str) -> str:
    """ "€ 55/m", "45 W/m", "0,475": localised, euros in front as in Dutch prices."""
    number = number_format(int(value) if float(value).is_integer() else value, force_grouping=True)
    if unit.startswith("€"):
        return f"€ {number}{unit[1:]}"
    return number if unit in ("-", "") else f"{number} {unit}"


def _assumption(row: AssumptionRow) -> Assumption:
    label = labels.ASSUMPTIONS.get(row.key)
    s = row.sourced
    return Assumption(
        row.key, str(label) if label else None, row.value, s.value, s.unit, s.source, s.confirmed
    )


def assumption_groups(a: Assumptions = DEFAULTS) -> list[tuple[str, list[Assumption]]]:
    """Every parameter of the engine, by group, for the "Aannames en bronnen" table."""
    groups: dict[str, list[Assumption]] = {}
    for row in assumption_rows(a):
        groups.setdefault(row.key.partition(".")[0], []).append(_assumption(row))
    return [(str(labels.ASSUMPTION_GROUPS[g]), rows) for g, rows in groups.items()]


@dataclass(frozen=True)
class ConceptCard:
    concept: Concept
    name: str
    scale: str
    weight: str | None
    explanation: Promise
    fits_when: Promise
    assumptions: tuple[Assumption, ...]
    anchor: str


def _cards(entries: Iterable[tuple[Concept, Weight | None]], section: str) -> list[ConceptCard]:
    rows = {row.key: row for row in assumption_rows()}
    cards = []
    for concept, weight in entries:
        text = catalogue.TEXTS[concept]
        cards.append(
            ConceptCard(
                concept=concept,
                name=str(labels.CONCEPTS[concept]),
                scale=str(labels.SCALES[CATALOGUE[concept].scale]),
                weight=str(catalogue.WEIGHTS[weight]) if weight else None,
                explanation=text.explanation,
                fits_when=text.fits_when,
                assumptions=tuple(_assumption(rows[key]) for key in text.key_assumptions),
                anchor=f"{section}-{concept.value}",
            )
        )
    return cards


@require_safe
@login_required
def concepts(request: AuthenticatedRequest) -> HttpResponse:
    context = {
        "mini": _cards(catalogue.MINI, "mini"),
        "kleinschalig": _cards(catalogue.KLEINSCHALIG, "kleinschalig"),
        "references": _cards(catalogue.REFERENCES, "referentie"),
        "areas": catalogue.AREAS,
        "proeftuinen": catalogue.PROEFTUINEN,
        "proeftuinen_source": catalogue.PROEFTUINEN_SOURCE,
    }
    return render(request, "techniek/concepts.html", context)


def street_length_m(scan: Quickscan, a: Assumptions = DEFAULTS) -> float:
    """The street length the engine uses: as given, or the frontage per building type."""
    if scan.site.street_length_m is not None:
        return scan.site.street_length_m
    return sum(
        getattr(a.sizing, f"street_{BuildingType(h.building_type).value}_m_per_home")
        for h in scan.households
    )


def _scale(homes: int) -> str:
    scale = ScaleClass.MINI if homes <= MINI_MAX_HOMES else ScaleClass.KLEINSCHALIG
    return str(labels.SCALES[scale])


REMOTE_DISTANCE_M = 50.0  # a group of homes around the corner, off the street's own length


def _cluster_ring(scan: Quickscan, m_per_home: float, a: Assumptions = DEFAULTS) -> dict | None:
    """The seed deck's key choice for mini networks; for more homes the ring or a bronnet is the
    only street network left, so the page leaves the chart out."""
    if scan.homes > MINI_MAX_HOMES:
        return None
    result = compare_cluster_ring(
        scan.households,
        scan.site,
        a,
        street_m_per_home=charts.street_points(m_per_home),
        cluster_sizes=charts.cluster_sizes(scan.homes),
    )
    summary = charts.cluster_ring_summary(result, m_per_home)
    default_size = round(a.sizing.cluster_size_homes)
    return {
        "chart": charts.cluster_ring_chart(result, m_per_home),
        "summary": summary,
        "m_per_home": m_per_home,
        # The figures behind the winner, for the default cluster size (or the nearest computed).
        "detail": min(
            (s for s in summary if s.row is not None),
            key=lambda s: abs(s.cluster_size_homes - default_size),
            default=None,
        ),
        "remote": remote_group(
            scan.households,
            scan.site,
            a,
            homes=min(default_size, scan.homes),
            distance_m=REMOTE_DISTANCE_M,
        ),
        "ring_regenerated": a.sizing.regeneration_share_ring > 0,
    }


@require_safe
@login_required
@vary_on_headers("HX-Request")  # the same URL answers with the page or with the fragment
def quickscan(request: AuthenticatedRequest) -> HttpResponse:
    # No pilot data: the street lives in the query string, so a result can be linked. Without
    # inputs the page opens on an example street.
    form = QuickscanForm(request.GET or QuickscanForm.DEFAULTS)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        scan = form.to_quickscan()
        street_m = street_length_m(scan)
        m_per_home = street_m / scan.homes
        context |= {
            "scan": scan,
            "scale": _scale(scan.homes),
            "street_m": street_m,
            "m_per_home": m_per_home,
            "comparison": compare_concepts(scan.households, scan.site),
            "cluster_ring": _cluster_ring(scan, m_per_home),
        }
    template = "techniek/quickscan.html"
    if request.htmx.target == "quickscan-result":
        template += "#quickscan-result"
    else:
        context["assumption_groups"] = assumption_groups()
    return render(request, template, context, status=form_status(form))
