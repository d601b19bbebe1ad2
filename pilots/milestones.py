"""Milestone checklists per phase, copied into every pilot.

Source: the seed deck's slide "We werken toe naar realisatie begin 2026" (Utrechtse kopgroep,
phases kwartiermaken → ontwikkelingsfase → realisatie with their checklists). The deck has no
checklist for exploitatie; those items are our own, marked as such.
"""

from dataclasses import dataclass

from django.db import transaction

from .models import Milestone, Phase, PhaseStart, Pilot

DECK = "Seed deck, Utrechtse kopgroep mini-warmtenetten"
OWN = "Eigen aanvulling (niet in de seed deck)"


@dataclass(frozen=True)
class MilestoneTemplate:
    phase: Phase
    title: str
    source: str


TEMPLATES = (
    MilestoneTemplate(Phase.KWARTIERMAKEN, "Scope & technisch concept scherp", DECK),
    MilestoneTemplate(Phase.KWARTIERMAKEN, "Commitment bewoners per huishouden scherp", DECK),
    MilestoneTemplate(Phase.KWARTIERMAKEN, "Projectplan ontwikkelingsfase", DECK),
    MilestoneTemplate(Phase.KWARTIERMAKEN, "Financiering", DECK),
    MilestoneTemplate(Phase.ONTWIKKELING, "Partnerselectie realisatie", DECK),
    MilestoneTemplate(Phase.ONTWIKKELING, "Detailuitwerking technisch ontwerp", DECK),
    MilestoneTemplate(Phase.ONTWIKKELING, "Businesscase update", DECK),
    MilestoneTemplate(Phase.ONTWIKKELING, "Uitwerking organisatie / contracten", DECK),
    MilestoneTemplate(Phase.ONTWIKKELING, "Besluitvorming", DECK),
    MilestoneTemplate(Phase.REALISATIE, "Contracteren", DECK),
    MilestoneTemplate(Phase.REALISATIE, "Realisatie", DECK),
    MilestoneTemplate(Phase.EXPLOITATIE, "Alle deelnemers aangesloten", OWN),
    MilestoneTemplate(Phase.EXPLOITATIE, "Eerste jaarafrekening en evaluatie", OWN),
)


@transaction.atomic
def ensure_milestones(pilot: Pilot) -> int:
    """Copy the templates a pilot does not have yet; returns how many were added."""
    have = set(pilot.milestones.values_list("phase", "title"))
    new = [
        Milestone(pilot=pilot, phase=t.phase, order=i, title=t.title, source=t.source)
        for i, t in enumerate(TEMPLATES)
        if (t.phase, t.title) not in have
    ]
    Milestone.objects.bulk_create(new)
    PhaseStart.objects.get_or_create(pilot=pilot, phase=pilot.phase)
    return len(new)
