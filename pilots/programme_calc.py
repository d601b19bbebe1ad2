"""Arithmetic of the programme view: lead times against the seed deck's development time and
participation against the go threshold. Pure: dates and counts in, frozen dataclasses out."""

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from techniek.calc.defaults import Sourced

DECK = "Seed deck Utrechtse kopgroep mini-warmtenetten, dia ‘Tot besluit’"
# "Eerste pilots gerealiseerd in 2025/begin 2026; ontwikkeling 1-1,5 jaar tijd": from the first
# street meeting (kwartiermaken) to the start of realisatie. The deck's own route fits it:
# kwartiermaken "afgerond zomer 2024", realisatie "eind 2025 / begin 2026" (dia ‘Fasering’).
DEVELOPMENT_MIN_YEARS = Sourced(1.0, "jaar", f"{DECK}: ‘ontwikkeling 1-1,5 jaar tijd’", True)
DEVELOPMENT_MAX_YEARS = Sourced(1.5, "jaar", f"{DECK}: ‘ontwikkeling 1-1,5 jaar tijd’", True)
DAYS_PER_YEAR = 365.25

DEVELOPMENT_PHASES = ("kwartiermaken", "ontwikkeling")
BUILD_PHASES = ("realisatie", "exploitatie")


class LeadTimeStatus(StrEnum):
    FASTER = "faster"  # realisatie reached within one year: shorter than the deck
    WITHIN = "within"  # reached within 1–1.5 years
    OVER = "over"  # more than 1.5 years, reached or still running
    RUNNING = "running"  # still developing, within 1.5 years so far
    UNKNOWN = "unknown"  # no phase start recorded


@dataclass(frozen=True)
class LeadTime:
    days_per_phase: dict[str, int]
    development_days: int | None  # first development phase start → realisatie (or today)
    reached_realisatie: bool
    status: LeadTimeStatus

    @property
    def development_years(self) -> float | None:
        if self.development_days is None:
            return None
        return self.development_days / DAYS_PER_YEAR


def lead_time(
    starts: list[tuple[str, date]],
    today: date,
    min_years: float = DEVELOPMENT_MIN_YEARS.value,
    max_years: float = DEVELOPMENT_MAX_YEARS.value,
) -> LeadTime:
    """Days per phase (until the next phase started, or today) and the development time.

    `starts`: (phase, started on), in any order.
    """
    ordered = sorted(starts, key=lambda s: s[1])
    days = {}
    for i, (phase, started) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else today
        days[phase] = (end - started).days
    dev_starts = [d for phase, d in ordered if phase in DEVELOPMENT_PHASES]
    build_starts = [d for phase, d in ordered if phase in BUILD_PHASES]
    if not dev_starts:
        return LeadTime(days, None, bool(build_starts), LeadTimeStatus.UNKNOWN)
    begin = dev_starts[0]
    reached = bool(build_starts)
    development = ((build_starts[0] if reached else today) - begin).days
    years = development / DAYS_PER_YEAR
    if years > max_years:
        status = LeadTimeStatus.OVER
    elif not reached:
        status = LeadTimeStatus.RUNNING
    elif years < min_years:
        status = LeadTimeStatus.FASTER
    else:
        status = LeadTimeStatus.WITHIN
    return LeadTime(days, development, reached, status)


@dataclass(frozen=True)
class ParticipationGap:
    signed_pct: float  # of the homes in the plan area
    target_pct: int
    homes_needed: int  # signed homes the target asks for
    homes_short: int  # still to sign; 0 when the target is met

    @property
    def met(self) -> bool:
        return self.homes_short == 0


def participation_gap(homes: int, signed: int, target_pct: int) -> ParticipationGap:
    # Rounded up: 70 % of 18 homes is 12.6, so the 13th signature reaches the target.
    needed = math.ceil(homes * target_pct / 100 - 1e-9)
    return ParticipationGap(
        signed_pct=100 * signed / homes if homes else 0.0,
        target_pct=target_pct,
        homes_needed=needed,
        homes_short=max(0, needed - signed),
    )
