"""One pilot, one scenario, one result: the object the business-case page and the PDF share.

The scenario lives in the query string (and the PDF link carries it); nothing is cached, a run
for 1,500 homes takes milliseconds. `fingerprint` is printed on page and PDF so a printout can
be matched with a screen.
"""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date

from django import forms
from django.core.cache import cache
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from techniek.calc import CATALOGUE, Concept, ConceptResult, HouseholdInput, run_concept
from techniek.calc.business_case import BusinessCase, compare_models, run
from techniek.calc.financing import FinancingInput, OrgModel, default_financing
from techniek.calc.inputs import owner_occupied_share
from techniek.calc.parameters import PARAMETER_DEFAULTS, Parameters, parameter_rows
from techniek.calc.references import References, references_for
from techniek.calc.sensitivity import (
    ParticipationSweep,
    Tornado,
    participation_sweep,
    spread,
    tornado,
)
from techniek.calc.subsidies import SubsidyInput

from .calc_inputs import PilotInputs, pilot_inputs
from .models import Pilot, pilot_parameters
from .models.pilot import NETWORK_CONCEPTS, ORG_MODELS
from .participation import Participation, participation
from .privacy import MIN_GROUP

CALC_VERSION = "2026.12-1"  # bump when a formula or default changes


class ScenarioForm(forms.Form):
    concept = forms.ChoiceField(label=_("Concept"), choices=NETWORK_CONCEPTS)
    org_model = forms.ChoiceField(label=_("Organisatiemodel"), choices=ORG_MODELS)
    isde = forms.BooleanField(label=_("ISDE-subsidie"), required=False)
    wis = forms.BooleanField(label=_("WIS-subsidie (als de voorwaarden gelden)"), required=False)
    warmtefonds = forms.BooleanField(label=_("Lening Warmtefonds"), required=False)
    participation_pct = forms.IntegerField(
        label=_("Deelname (% van de woningen in het register)"),
        min_value=10,
        max_value=100,
        initial=100,
        required=False,
    )
    income_below_limit = forms.BooleanField(
        label=_("Inkomen onder de grens van het Warmtefonds (lening zonder rente)"), required=False
    )

    @classmethod
    def initial_for(cls, pilot: Pilot) -> dict[str, object]:
        return {
            "concept": pilot.concept or default_concept(pilot),
            "org_model": pilot.org_model or OrgModel.COOPERATIE.value,
            "isde": True,
            "wis": True,
            "warmtefonds": True,
            "income_below_limit": False,
            "participation_pct": 100,
        }

    def to_scenario(self) -> "Scenario":
        d = self.cleaned_data
        return Scenario(
            concept=d["concept"],
            org_model=d["org_model"],
            isde=d["isde"],
            wis=d["wis"],
            warmtefonds=d["warmtefonds"],
            income_below_limit=d["income_below_limit"],
            participation_pct=d["participation_pct"] or 100,
        )


# The pilot's own words for its technique (free text, e.g. "Aquathermie") to the concept the
# business case opens with, first match wins: the page should start from the pilot's concept
# (issue 22), not from a size rule that contradicts it.
TECHNIQUE_CONCEPTS = (
    ("bodemlus, ringnet", Concept.BODEMLUS_RINGNET),
    ("bodemlus", Concept.BODEMLUS_CLUSTER),
    ("pvt", Concept.PVT_RING),
    ("aquathermie", Concept.AQUATHERMIE_RING),
    ("zonthermie", Concept.ZONTHERMIE_MT),
    ("luchtwarmtepomp", Concept.COLLECTIVE_MT_AIR_HP),
    ("wko", Concept.WKO),
    ("restwarmte", Concept.RESTWARMTE),
)


def default_concept(pilot: Pilot) -> str:
    technique = (pilot.technique or "").lower()
    offered = {value for value, _label in NETWORK_CONCEPTS}
    for words, concept in TECHNIQUE_CONCEPTS:
        if words in technique and concept.value in offered:
            return concept.value
    # The seed deck's key choice for a mini network is bodemlus; larger pilots start from WKO.
    return (
        Concept.BODEMLUS_CLUSTER.value if pilot.homes <= 50 else Concept.COLLECTIVE_MT_AIR_HP.value
    )


@dataclass(frozen=True)
class Scenario:
    concept: str
    org_model: str
    isde: bool = True
    wis: bool = True
    warmtefonds: bool = True
    income_below_limit: bool = False
    participation_pct: int = 100  # share of the register (or plan area) that takes part

    @classmethod
    def for_pilot(cls, pilot: Pilot) -> "Scenario":
        form = ScenarioForm(ScenarioForm.initial_for(pilot))
        form.is_valid()
        return form.to_scenario()

    def subsidies(
        self, params: Parameters = PARAMETER_DEFAULTS, *, owner_occupied_share: float = 1.0
    ) -> SubsidyInput:
        return SubsidyInput(
            isde=self.isde,
            owner_occupied_share=owner_occupied_share,
            wis=self.wis,
            warmtefonds=self.warmtefonds,
            income_below_limit=self.income_below_limit,
            params=params.subsidies,
        )


@dataclass(frozen=True)
class PilotResult:
    pilot_id: int
    scenario: Scenario
    inputs: PilotInputs
    concept_name: str
    technical: ConceptResult
    case: BusinessCase
    models: tuple[BusinessCase, ...]  # zelfbeheer, coöperatie, marktpartner
    sweep: ParticipationSweep
    tornado: Tornado
    participation: Participation
    references: References
    parameters: Parameters
    fingerprint: str
    calc_version: str
    computed_on: date


def overridden(params: Parameters) -> dict[str, float]:
    return {row.key: row.value for row in parameter_rows(params) if row.overridden}


def _fingerprint(pilot: Pilot, scenario: Scenario, inputs: PilotInputs, params: Parameters) -> str:
    payload = json.dumps(
        {
            "pilot": pilot.pk,
            "homes": pilot.homes,
            "scenario": asdict(scenario),
            "households": [asdict(h) for h in inputs.households],
            "site": asdict(inputs.site),
            "overrides": overridden(params),
            "version": CALC_VERSION,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def pilot_result(pilot: Pilot, scenario: Scenario, today: date) -> PilotResult:
    inputs = pilot_inputs(pilot)
    params = pilot_parameters(pilot)
    a = params.assumptions
    concept = Concept(scenario.concept)
    # Fewer participants: an evenly spread subset keeps the mix of homes representative.
    participants = max(2, round(len(inputs.households) * scenario.participation_pct / 100))
    joining = tuple(spread(inputs.households, participants))
    technical = run_concept(joining, inputs.site, concept, a)
    refs = references_for(inputs.households, inputs.site, a)
    prices = params.prices
    subsidies = scenario.subsidies(params, owner_occupied_share=owner_occupied_share(joining))
    financing = default_financing(OrgModel(scenario.org_model), params.financing)
    case = run(technical, financing, prices, subsidies, participants, references=refs)
    models = compare_models(
        technical, prices, subsidies, participants, references=refs, params=params.financing
    )
    counts = dict(pilot.households.values_list("commitment").annotate(n=_count()).order_by())
    return PilotResult(
        pilot_id=pilot.pk,
        scenario=scenario,
        inputs=inputs,
        concept_name=CATALOGUE[concept].name_nl,
        technical=technical,
        case=case,
        models=models,
        sweep=_sweep(inputs, concept, financing, subsidies, params, refs),
        tornado=tornado(
            technical,
            financing,
            prices,
            subsidies,
            participants,
            references=refs,
            params=params.sensitivity,
        ),
        participation=participation(pilot.homes, counts),
        references=refs,
        parameters=params,
        fingerprint=_fingerprint(pilot, scenario, inputs, params),
        calc_version=CALC_VERSION,
        computed_on=today,
    )


def _sweep(
    inputs: PilotInputs,
    concept: Concept,
    financing: FinancingInput,
    subsidies: SubsidyInput,
    params: Parameters,
    refs: References,
) -> ParticipationSweep:
    return participation_sweep(
        inputs.households,
        inputs.site,
        concept,
        financing,
        params.prices,
        subsidies,
        assumptions=params.assumptions,
        references=refs,
        params=params.sensitivity,
    )


def _count() -> object:
    from django.db.models import Count

    return Count("pk")


@dataclass(frozen=True)
class ResidentEconomics:
    """What the resident dashboard needs from the business case, and nothing personal."""

    scenario: Scenario
    concept_name: str
    case: BusinessCase
    site: object
    break_even_pct: float | None
    household_rate: float
    parameters: Parameters


def resident_economics(pilot: Pilot) -> ResidentEconomics:
    """The pilot's business case for residents, cached until a household or the pilot changes.

    Under 10 registered households the figures would be derived from too few homes (privacy
    threshold), so the case is computed for the plan area's homes as average mid-terraces.
    """
    stamp = pilot.households.aggregate(n=_count(), last=Max("updated_at"))
    params = pilot_parameters(pilot)
    state = json.dumps(
        [pilot.updated_at, stamp["n"], stamp["last"], overridden(params)],
        sort_keys=True,
        default=str,
    )
    key = f"resident-economics:{pilot.pk}:{hashlib.sha256(state.encode()).hexdigest()[:16]}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    scenario = Scenario.for_pilot(pilot)
    inputs = pilot_inputs(pilot)
    if inputs.registered < MIN_GROUP:
        inputs = PilotInputs(
            tuple(HouseholdInput() for _ in range(pilot.homes)), inputs.site, 0, assumed=True
        )
    concept = Concept(scenario.concept)
    a = params.assumptions
    technical = run_concept(inputs.households, inputs.site, concept, a)
    refs = references_for(inputs.households, inputs.site, a)
    prices = params.prices
    share = owner_occupied_share(inputs.households)
    subsidies = scenario.subsidies(params, owner_occupied_share=share)
    financing = default_financing(OrgModel(scenario.org_model), params.financing)
    case = run(technical, financing, prices, subsidies, len(inputs.households), references=refs)
    sweep = _sweep(inputs, concept, financing, subsidies, params, refs)
    economics = ResidentEconomics(
        scenario=scenario,
        concept_name=CATALOGUE[concept].name_nl,
        case=case,
        site=inputs.site,
        break_even_pct=sweep.break_even.participation_pct if sweep.break_even else None,
        household_rate=financing.household_discount_rate,
        parameters=params,
    )
    cache.set(key, economics, timeout=600)
    return economics
