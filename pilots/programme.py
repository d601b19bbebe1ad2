"""The programme view's rows: every visible pilot's lead times, participation, cost per home and
cluster-or-ring outcome, in a fixed number of queries.

The engine figures are a light summary per pilot (three concept runs and two business-case
runs, not the full page with its sweep and tornado), kept in the cache per state of the pilot:
households, overrides, chosen concept and calculation version. An edit to one pilot recomputes
only that pilot's summary.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet

from techniek.calc import CATALOGUE, Concept, Fit, run_concept
from techniek.calc.business_case import run
from techniek.calc.financing import OrgModel, default_financing
from techniek.calc.references import references_for

from .calc_inputs import register_or_plan_area
from .models import Commitment, Household, Lesson, ParameterOverride, Phase, PhaseStart, Pilot
from .models.parameter import parameters_from
from .programme_calc import LeadTime, ParticipationGap, lead_time, participation_gap
from .scenario import CALC_VERSION, Scenario

SUMMARY_TIMEOUT = 24 * 3600  # the key changes with every input; the timeout only frees memory


@dataclass(frozen=True)
class PilotSummary:
    """What the programme needs from the engine for one pilot, in money at two places."""

    concept: str
    concept_name: str
    concept_chosen: bool  # False: the default concept stands in until the pilot chooses
    participants_full: int  # the register without withdrawn households (or the plan area)
    participants_signed: int
    capex_per_home_eur: Decimal  # chosen concept, full register
    monthly_full_eur: Decimal  # network cost per home per month, year 1, incl. VAT
    monthly_signed_eur: Decimal | None  # the same with only the signed homes; None under 2
    gas_monthly_eur: Decimal
    cluster_capex_per_home_eur: Decimal
    ring_capex_per_home_eur: Decimal
    cluster_fit: str
    ring_fit: str

    @property
    def cheaper_variant(self) -> str:
        cluster, ring = self.cluster_capex_per_home_eur, self.ring_capex_per_home_eur
        return "cluster" if cluster <= ring else "ring"

    @property
    def ring_minus_cluster_eur(self) -> Decimal:
        return self.ring_capex_per_home_eur - self.cluster_capex_per_home_eur


def compute_summary(pilot: Pilot, overrides: dict[str, float], signed: int) -> PilotSummary:
    inputs = register_or_plan_area(pilot)
    params = parameters_from(overrides)
    a = params.assumptions
    scenario = Scenario.for_pilot(pilot)
    concept = Concept(scenario.concept)
    households = inputs.households
    technical = run_concept(households, inputs.site, concept, a)
    refs = references_for(households, inputs.site, a)
    financing = default_financing(OrgModel(scenario.org_model), params.financing)
    subsidies = scenario.subsidies(params)
    full = run(technical, financing, params.prices, subsidies, len(households), references=refs)
    monthly_signed = None
    if signed >= 2:
        # Fewer participants: the shared lines stay, the per-home lines scale (run()'s quick
        # estimate); re-sizing the engine per pilot would make the view ten times slower.
        part = run(technical, financing, params.prices, subsidies, signed, references=refs)
        monthly_signed = part.network_monthly_eur
    cluster = run_concept(households, inputs.site, Concept.BODEMLUS_CLUSTER, a)
    ring = run_concept(households, inputs.site, Concept.BODEMLUS_RINGNET, a)
    return PilotSummary(
        concept=concept.value,
        concept_name=CATALOGUE[concept].name_nl,
        concept_chosen=bool(pilot.concept),
        participants_full=len(households),
        participants_signed=signed,
        capex_per_home_eur=technical.costs.capex_per_home_eur,
        monthly_full_eur=full.network_monthly_eur,
        monthly_signed_eur=monthly_signed,
        gas_monthly_eur=full.gas_monthly_eur,
        cluster_capex_per_home_eur=cluster.costs.capex_per_home_eur,
        ring_capex_per_home_eur=ring.costs.capex_per_home_eur,
        cluster_fit=Fit(cluster.fit).value,
        ring_fit=Fit(ring.fit).value,
    )


@dataclass(frozen=True)
class ProgrammeRow:
    pilot: Pilot
    phase: str
    lead: LeadTime
    gap: ParticipationGap
    signed: int
    intent_or_more: int
    registered: int
    summary: PilotSummary
    lessons: tuple[Lesson, ...]


def _state_key(pilot: Pilot, stamp: tuple, overrides: dict[str, float]) -> str:
    # repr() of plain values, not json.dumps(default=str): a third of the page's key cost.
    state = repr(
        (
            pilot.updated_at.timestamp(),
            pilot.concept,
            pilot.org_model,
            pilot.homes,
            stamp,
            sorted(overrides.items()),
        )
    )
    digest = hashlib.sha256(state.encode()).hexdigest()[:20]
    return f"programme-summary:{CALC_VERSION}:{pilot.pk}:{digest}"


def programme_rows(queryset: QuerySet[Pilot], today: date) -> list[ProgrammeRow]:
    pilots = list(queryset)
    # The pilots as a subquery, not a list of 200 ids: binding the ids cost more than the scans.
    pks = queryset.order_by().values("pk")
    # One row per pilot (not per commitment): a fifth of the rows and datetimes to convert.
    # Any edit of a household moves its updated_at, so (counts, last change) is the state.
    stamps: dict[int, tuple[int, int, int, int, float]] = {
        pk: (total, signed, intent, withdrawn, last.timestamp())
        for pk, total, signed, intent, withdrawn, last in Household.objects.filter(pilot_id__in=pks)
        .values("pilot_id")
        .annotate(
            total=Count("pk"),
            signed=Count("pk", filter=Q(commitment=Commitment.SIGNED)),
            intent=Count("pk", filter=Q(commitment=Commitment.INTENT)),
            withdrawn=Count("pk", filter=Q(commitment=Commitment.WITHDRAWN)),
            last=Max("updated_at"),
        )
        .order_by()
        .values_list("pilot_id", "total", "signed", "intent", "withdrawn", "last")
    }
    starts: dict[int, list[tuple[str, date]]] = defaultdict(list)
    for pk, phase, started in PhaseStart.objects.filter(pilot_id__in=pks).values_list(
        "pilot_id", "phase", "started_on"
    ):
        starts[pk].append((phase, started))
    overrides: dict[int, dict[str, float]] = defaultdict(dict)
    for pk, key, value in ParameterOverride.objects.filter(pilot_id__in=pks).values_list(
        "pilot_id", "key", "value"
    ):
        overrides[pk][key] = value
    lessons: dict[int, list[Lesson]] = defaultdict(list)
    for lesson in Lesson.objects.filter(pilot_id__in=pks).order_by("pilot_id", "created_at", "pk"):
        lessons[lesson.pilot_id].append(lesson)
    empty = (0, 0, 0, 0, 0.0)
    keys = {p.pk: _state_key(p, stamps.get(p.pk, empty), overrides[p.pk]) for p in pilots}
    cached = cache.get_many(list(keys.values()))
    fresh = {}
    phases = {value: str(label) for value, label in Phase.choices}
    rows = []
    for p in pilots:
        total, signed, intent, _withdrawn, _last = stamps.get(p.pk, empty)
        summary = cached.get(keys[p.pk])
        if summary is None:
            summary = compute_summary(p, overrides[p.pk], signed)
            fresh[keys[p.pk]] = summary
        rows.append(
            ProgrammeRow(
                pilot=p,
                phase=phases.get(p.phase, p.phase),
                lead=lead_time(starts[p.pk], today),
                gap=participation_gap(p.homes, signed, p.participation_target_pct),
                signed=signed,
                intent_or_more=signed + intent,
                registered=total,
                summary=summary,
                lessons=tuple(lessons[p.pk]),
            )
        )
    if fresh:
        cache.set_many(fresh, timeout=SUMMARY_TIMEOUT)
    return rows
