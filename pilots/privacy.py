"""The only path from households to figures residents see.

Rules (architecture.md, "Privacy threshold"): count first, after every filter; under 10
households nothing but "nog te weinig deelnemers"; otherwise group sizes rounded to 5 and shares
in 5-point steps, never per-status counts under 10, minima, maxima or per-household values.
When one subgroup is suppressed its siblings are merged too, so subtraction reveals nothing.

Street links of one pilot are such subgroups: the whole pilot's figures minus a street's are the
rest of the pilot, so `published_streets` suppresses streets as well until that rest is empty or
a group of at least MIN_GROUP (complementary suppression, issue 16).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count
from django.utils.translation import ngettext

from .models.household import Commitment
from .participation import participation

if TYPE_CHECKING:
    from .models import StreetLink

MIN_GROUP = 10


@dataclass(frozen=True)
class TooFew:
    """Fewer than MIN_GROUP households: show no figures at all."""


@dataclass(frozen=True)
class ResidentSummary:
    households_rounded: int  # to the nearest 5
    interested_pct: int  # in steps of 5
    intent_pct: int
    signed_pct: int
    target_pct: int  # the pilot's go threshold (signed share)
    signed_to_go_pct: int  # how far signed still is from the threshold, in steps of 5


@dataclass(frozen=True)
class GroupShare:
    label: str
    households_rounded: int
    interested_pct: int


def _round5(value: float) -> int:
    return int(5 * round(value / 5))


def resident_summary(
    counts: Mapping[str, int], homes: int, target_pct: int
) -> ResidentSummary | TooFew:
    """`counts`: households per commitment, after every filter; `homes`: homes they stand for."""
    registered = sum(counts.values())
    if registered < MIN_GROUP:
        return TooFew()
    # A street link over part of a pilot: shares are of the households in that part.
    p = participation(max(homes, registered), counts)
    interested, intent, signed = (
        _round5(p.step(c).pct)
        for c in (Commitment.INTERESTED, Commitment.INTENT, Commitment.SIGNED)
    )
    return ResidentSummary(
        households_rounded=_round5(registered),
        interested_pct=interested,
        intent_pct=intent,
        signed_pct=signed,
        target_pct=target_pct,
        signed_to_go_pct=max(0, _round5(target_pct - signed)),
    )


def group_shares(rows: Iterable[tuple[str, str]]) -> tuple[GroupShare, ...] | TooFew:
    """Interested share per group (e.g. building type), from (group label, commitment) rows.

    If any group has fewer than MIN_GROUP households, all groups are merged into none: showing
    the others would let a reader subtract them from the total.
    """
    groups: dict[str, Counter] = {}
    for label, commitment in rows:
        groups.setdefault(label, Counter())[commitment] += 1
    if not groups or any(sum(c.values()) < MIN_GROUP for c in groups.values()):
        return TooFew()
    shares = []
    for label, counts in sorted(groups.items()):
        n = sum(counts.values())
        p = participation(n, counts)
        shares.append(GroupShare(label, _round5(n), _round5(p.step(Commitment.INTERESTED).pct)))
    return tuple(shares)


def published_streets(households_per_street: Mapping[str, int]) -> frozenset[str]:
    """The streets of a pilot whose figures may be shown beside the whole pilot's.

    A street under MIN_GROUP is suppressed. Subtracting the shown streets from the whole pilot
    gives the rest (small streets together): while that rest is 1 to MIN_GROUP − 1 households,
    the smallest shown street is suppressed too and joins it. Street links never overlap, so
    no other difference between two links exists.
    """
    shown = {s: n for s, n in households_per_street.items() if n >= MIN_GROUP}
    rest = sum(households_per_street.values()) - sum(shown.values())
    while 0 < rest < MIN_GROUP and shown:
        smallest = min(shown, key=lambda street: (shown[street], street))
        rest += shown.pop(smallest)
    return frozenset(shown)


def link_summary(link: StreetLink) -> ResidentSummary | TooFew:
    """The figures of a street dashboard link: its own households, counted in SQL, and nothing
    for a street that `published_streets` suppresses."""
    pilot = link.pilot
    if link.street:
        per_street = pilot.households.values_list("street").annotate(n=Count("pk")).order_by()
        if link.street not in published_streets(dict(per_street)):
            return TooFew()
    counts = dict(link.households().values_list("commitment").annotate(n=Count("pk")).order_by())
    homes = pilot.homes if not link.street else 0  # a street's share is of its own households
    return resident_summary(counts, homes=homes, target_pct=pilot.participation_target_pct)


def street_link_warnings(households_per_street: Mapping[str, int], street: str) -> list[str]:
    """Why a new link for `street` will show no figures yet, for the kwartiermaker issuing it.

    The whole pilot minus this street is the rest of the pilot: while that rest has 1 to
    MIN_GROUP − 1 households the street stays suppressed (`published_streets`), and issuing
    the link should say so rather than surprise the residents with an empty dashboard.
    """
    if not street:
        return []
    own = households_per_street.get(street, 0)
    rest = sum(households_per_street.values()) - own
    warnings = []
    if own < MIN_GROUP:
        warnings.append(
            ngettext(
                "%(street)s heeft %(n)d huishouden in het register, minder dan %(min)d: het "
                "dashboard toont nog geen cijfers.",
                "%(street)s heeft %(n)d huishoudens in het register, minder dan %(min)d: het "
                "dashboard toont nog geen cijfers.",
                own,
            )
            % {"street": street, "n": own, "min": MIN_GROUP}
        )
    if 0 < rest < MIN_GROUP:
        warnings.append(
            ngettext(
                "De rest van de pilot (buiten %(street)s) telt %(n)d huishouden, minder dan "
                "%(min)d. De hele pilot min deze straat zou zijn cijfers verraden, dus toont dit "
                "straatdashboard geen cijfers tot de rest %(min)d huishoudens telt.",
                "De rest van de pilot (buiten %(street)s) telt %(n)d huishoudens, minder dan "
                "%(min)d. De hele pilot min deze straat zou hun cijfers verraden, dus toont dit "
                "straatdashboard geen cijfers tot de rest %(min)d huishoudens telt.",
                rest,
            )
            % {"street": street, "n": rest, "min": MIN_GROUP}
        )
    return warnings
