"""Participation of a pilot: how many homes reached each step of the commitment ladder.

Pure functions over counts and history rows, so they are tested without a database. A home
"reached" a step when its current commitment is that step or a later one (afgehaakt counts
for none). Shares are of the pilot's homes in the plan area, not only the registered ones;
when the register holds more households than the plan area has homes, the plan area is out
of date and the shares are of the register instead, so no share passes 100 % unnoticed.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from .models.household import Commitment

LADDER = (Commitment.INTERESTED, Commitment.INTENT, Commitment.SIGNED)
_RANK = {Commitment.UNKNOWN: 0, Commitment.INTERESTED: 1, Commitment.INTENT: 2}
_RANK |= {Commitment.SIGNED: 3, Commitment.WITHDRAWN: -1}


@dataclass(frozen=True)
class Step:
    commitment: Commitment
    homes: int
    pct: float  # 0–100, of the basis: the plan area's homes, or the register when larger


@dataclass(frozen=True)
class Participation:
    homes: int  # homes in the plan area
    registered: int  # households in the register
    withdrawn: int
    steps: tuple[Step, ...]  # interested, intent, signed (cumulative: at least this step)

    @property
    def basis(self) -> int:
        """What the shares are of: the plan area's homes, or the register when it is larger."""
        return max(self.homes, self.registered)

    @property
    def over_plan(self) -> int:
        """Households in the register beyond the homes of the plan area (0 when within)."""
        return max(0, self.registered - self.homes)

    def step(self, commitment: Commitment) -> Step:
        return next(s for s in self.steps if s.commitment == commitment)


def participation(homes: int, counts: Mapping[str, int]) -> Participation:
    """`counts`: households per current commitment value."""
    steps = []
    basis = max(homes, sum(counts.values()))
    for commitment in LADDER:
        reached = sum(n for c, n in counts.items() if _RANK[Commitment(c)] >= _RANK[commitment])
        steps.append(Step(commitment, reached, 100 * reached / basis if basis else 0.0))
    return Participation(
        homes=homes,
        registered=sum(counts.values()),
        withdrawn=counts.get(Commitment.WITHDRAWN, 0),
        steps=tuple(steps),
    )


@dataclass(frozen=True)
class MonthPoint:
    month: date  # first day of the month; the status is as at the end of that month
    interested_pct: float
    intent_pct: float
    signed_pct: float


def month_starts(end: date, months: int) -> list[date]:
    year, month = end.year, end.month
    out = []
    for _ in range(months):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def over_time(
    homes: int,
    changes: Iterable[tuple[int, str, datetime]],
    today: date,
    months: int = 6,
) -> tuple[MonthPoint, ...]:
    """Participation at the end of each of the last `months` months, from the history.

    `changes`: (household id, new commitment, changed at) in any order. A household without
    a change before a month's end was still 'onbekend' then.
    """
    ordered = sorted(changes, key=lambda c: c[2])
    points = []
    for start in month_starts(today, months):
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        status: dict[int, str] = {}
        for household, new, at in ordered:
            if at.date() >= nxt:
                break
            status[household] = new
        p = participation(homes, Counter(status.values()))
        points.append(
            MonthPoint(
                start,
                p.step(Commitment.INTERESTED).pct,
                p.step(Commitment.INTENT).pct,
                p.step(Commitment.SIGNED).pct,
            )
        )
    return tuple(points)


def lead_times(starts: list[tuple[str, date]], today: date) -> dict[str, int]:
    """Days spent in each phase: until the next phase started, or until today."""
    days = {}
    for i, (phase, started) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else today
        days[phase] = (end - started).days
    return days
