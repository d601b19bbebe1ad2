"""Privacy rules for resident-facing figures, without a database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilots.privacy import (
    MIN_GROUP,
    GroupShare,
    ResidentSummary,
    TooFew,
    group_shares,
    published_streets,
    resident_summary,
)


def test_nine_households_show_nothing() -> None:
    assert resident_summary({"signed": 5, "unknown": 4}, homes=9, target_pct=70) == TooFew()


def test_ten_households_show_rounded_figures() -> None:
    summary = resident_summary(
        {"signed": 3, "interested": 4, "unknown": 3}, homes=10, target_pct=70
    )
    assert summary == ResidentSummary(
        households_rounded=10,
        interested_pct=70,
        intent_pct=30,
        signed_pct=30,
        target_pct=70,
        signed_to_go_pct=40,
    )


@given(
    st.dictionaries(
        st.sampled_from(["unknown", "interested", "intent", "signed", "withdrawn"]),
        st.integers(min_value=0, max_value=400),
    ),
    st.integers(min_value=2, max_value=1500),
)
def test_shares_are_always_in_steps_of_five_and_sizes_rounded(counts: dict, homes: int) -> None:
    summary = resident_summary(counts, homes=homes, target_pct=70)
    if sum(counts.values()) < MIN_GROUP:
        assert summary == TooFew()
        return
    for value in (summary.interested_pct, summary.intent_pct, summary.signed_pct):
        assert value % 5 == 0
        assert 0 <= value <= 100
    assert summary.households_rounded % 5 == 0


def test_a_small_subgroup_suppresses_its_siblings_too() -> None:
    rows = [("Tussenwoning", "interested")] * 12 + [("Hoekwoning", "signed")] * 3
    assert group_shares(rows) == TooFew()


def test_groups_of_ten_or_more_are_shown() -> None:
    rows = [("Tussenwoning", "interested")] * 12 + [("Hoekwoning", "unknown")] * 10
    assert group_shares(rows) == (
        GroupShare("Hoekwoning", 10, 0),
        GroupShare("Tussenwoning", 10, 100),
    )


@pytest.mark.parametrize("n", [0, 1, 9])
def test_no_group_figures_below_the_threshold(n: int) -> None:
    assert group_shares([("Tussenwoning", "signed")] * n) == TooFew()


# --- Street links of one pilot: complementary suppression (issue 16) ---------------------------


def test_a_small_street_suppresses_the_street_that_would_reveal_it() -> None:
    # whole pilot − Lindelaan = Beukenlaan's 3 households: so Lindelaan shows nothing either.
    assert published_streets({"Lindelaan": 12, "Beukenlaan": 3}) == frozenset()


def test_the_smallest_street_joins_a_small_rest() -> None:
    sizes = {"Lindelaan": 12, "Eikenlaan": 20, "Beukenlaan": 3}
    assert published_streets(sizes) == {"Eikenlaan"}  # rest: 12 + 3


def test_a_rest_of_ten_or_more_needs_no_further_suppression() -> None:
    sizes = {"Lindelaan": 12, "Beukenlaan": 4, "Iepenlaan": 6}
    assert published_streets(sizes) == {"Lindelaan"}


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(1, 40), max_size=8))
def test_no_difference_of_shown_figures_is_a_small_group(sizes: dict[str, int]) -> None:
    shown = published_streets(sizes)
    assert all(sizes[s] >= MIN_GROUP for s in shown)
    rest = sum(sizes.values()) - sum(sizes[s] for s in shown)
    for street in shown:  # whole pilot − one shown street
        assert sum(sizes.values()) - sizes[street] == 0 or (
            sum(sizes.values()) - sizes[street] >= MIN_GROUP
        )
    assert rest == 0 or rest >= MIN_GROUP or not shown
