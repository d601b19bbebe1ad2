"""The portfolio table's rows: the household figures and next milestone of the pilots on one
page in a single query, and every label resolved once (the table renders 50 rows)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, Subquery

from warmtenet.http import url_template

from .models import Commitment, Milestone, MilestoneStatus, Phase, Pilot


@dataclass(frozen=True)
class PortfolioRow:
    pilot: Pilot
    url: str
    scale: str
    phase: str
    signed_pct: int
    next_milestone: str | None
    last_activity: datetime


def portfolio_rows(pilots: Iterable[Pilot]) -> list[PortfolioRow]:
    pilots = list(pilots)
    first_open = Milestone.objects.filter(
        pilot=OuterRef("pk"),
        phase=OuterRef("phase"),
        status__in=[MilestoneStatus.OPEN, MilestoneStatus.IN_PROGRESS],
    ).order_by("order", "pk")
    # Aggregates only for this page's pilots: not a join over every visible household.
    stats = {
        pk: (signed, last, title)
        for pk, signed, last, title in Pilot.objects.filter(pk__in=[p.pk for p in pilots])
        .annotate(
            signed=Count("households", filter=Q(households__commitment=Commitment.SIGNED)),
            last=Max("households__updated_at"),
            next_title=Subquery(first_open.values("title")[:1]),
        )
        .values_list("pk", "signed", "last", "next_title")
    }
    url = url_template("pilots:detail")
    phases = {value: str(label) for value, label in Phase.choices}
    rows = []
    for p in pilots:
        signed, last, title = stats[p.pk]
        rows.append(
            PortfolioRow(
                pilot=p,
                url=url.format(p.pk),
                scale=str(p.scale_class.label),
                phase=phases.get(p.phase, p.phase),
                signed_pct=round(100 * signed / p.homes) if p.homes else 0,
                next_milestone=title,
                last_activity=last or p.updated_at,
            )
        )
    return rows
