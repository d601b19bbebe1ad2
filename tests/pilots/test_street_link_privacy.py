"""No figure of a small group follows from two street dashboard links of one pilot (issue 16).

The whole pilot's link minus a street's link is the rest of the pilot; every pair of links whose
figures are both shown must leave either nothing or at least MIN_GROUP households.
"""

from itertools import combinations

import pytest
from django.test import Client
from django.urls import reverse

from pilots.models import Commitment, Pilot, StreetLink
from pilots.privacy import MIN_GROUP, ResidentSummary, link_summary
from tests.factories import GemeenteFactory, HouseholdFactory, PilotFactory

LAYOUTS = [
    {"Lindelaan": 12, "Beukenlaan": 3},
    {"Lindelaan": 12, "Eikenlaan": 20, "Beukenlaan": 3},
    {"Lindelaan": 12, "Eikenlaan": 11, "Beukenlaan": 4, "Iepenlaan": 5},
    {"Lindelaan": 10, "Eikenlaan": 10},
    {"Lindelaan": 25, "Beukenlaan": 9},
    {"Lindelaan": 9, "Beukenlaan": 9, "Iepenlaan": 30},
]


def _pilot(sizes: dict[str, int]) -> Pilot:
    pilot = PilotFactory(gemeente=GemeenteFactory(name="Utrecht"), homes=sum(sizes.values()))
    for street, n in sizes.items():
        for i in range(n):
            commitment = Commitment.SIGNED if street == "Beukenlaan" or i % 4 == 0 else "unknown"
            HouseholdFactory(pilot=pilot, street=street, commitment=commitment)
    return pilot


@pytest.mark.parametrize("sizes", LAYOUTS, ids=lambda s: "+".join(map(str, s.values())))
def test_no_pair_of_links_reveals_a_small_group(db: None, sizes: dict[str, int]) -> None:
    pilot = _pilot(sizes)
    links = [StreetLink.issue(pilot, created_by=None, label="alles")[0]] + [
        StreetLink.issue(pilot, created_by=None, label=s, street=s)[0] for s in sizes
    ]
    shown = {
        link.pk: set(link.households().values_list("pk", flat=True))
        for link in links
        if isinstance(link_summary(link), ResidentSummary)
    }
    for a, b in combinations(shown.values(), 2):
        big, small = (a, b) if len(a) >= len(b) else (b, a)
        if small <= big:  # the one contains the other: their difference is a group
            assert len(big - small) == 0 or len(big - small) >= MIN_GROUP
        else:
            assert not a & b  # street links never overlap


def test_a_street_link_shows_nothing_when_the_whole_pilot_minus_it_is_small(
    db: None, client: Client
) -> None:
    # The review's case: whole pilot and Lindelaan shown, the 3-household Beukenlaan suppressed,
    # so subtracting gave "all 3 signed". Now Lindelaan is suppressed as well.
    pilot = _pilot({"Lindelaan": 12, "Beukenlaan": 3})
    _whole, whole = StreetLink.issue(pilot, created_by=None, label="alles")
    _linde, linde = StreetLink.issue(pilot, created_by=None, label="Lindelaan", street="Lindelaan")
    figures = "huishoudens doen mee aan het onderzoek"

    def page(token: str) -> str:
        return client.get(reverse("bewoners:street_dashboard", args=[token])).text

    assert figures in page(whole)
    assert figures not in page(linde)
