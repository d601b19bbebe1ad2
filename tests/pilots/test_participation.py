"""Participation arithmetic, without a database."""

from datetime import date, datetime

import pytest

from pilots.models import Commitment
from pilots.participation import lead_times, month_starts, over_time, participation


def test_steps_are_cumulative_shares_of_all_homes_in_the_plan_area() -> None:
    counts = {"unknown": 4, "interested": 6, "intent": 3, "signed": 5, "withdrawn": 2}
    p = participation(homes=40, counts=counts)
    # interested or further = 6 + 3 + 5 = 14 of 40 homes; intent or further = 8; signed 5.
    assert [(s.homes, s.pct) for s in p.steps] == [(14, 35.0), (8, 20.0), (5, 12.5)]
    assert (p.registered, p.withdrawn) == (20, 2)


def test_a_pilot_without_households_has_zero_participation() -> None:
    p = participation(homes=25, counts={})
    assert [s.pct for s in p.steps] == [0.0, 0.0, 0.0]
    assert p.step(Commitment.SIGNED).homes == 0


def test_month_starts_cross_the_year_boundary() -> None:
    assert month_starts(date(2026, 2, 14), 4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_over_time_replays_the_history_per_month_end() -> None:
    changes = [
        (1, "interested", datetime(2026, 9, 3)),
        (1, "signed", datetime(2026, 11, 2)),
        (2, "interested", datetime(2026, 10, 30)),
        (2, "withdrawn", datetime(2026, 11, 20)),
    ]
    points = over_time(homes=10, changes=changes, today=date(2026, 11, 26), months=3)
    assert [p.month for p in points] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert [p.interested_pct for p in points] == [10.0, 20.0, 10.0]
    assert [p.signed_pct for p in points] == [0.0, 0.0, 10.0]


def test_history_order_does_not_matter() -> None:
    changes = [(1, "signed", datetime(2026, 11, 2)), (1, "interested", datetime(2026, 9, 3))]
    points = over_time(10, changes, date(2026, 11, 26), months=1)
    assert points[-1].signed_pct == 10.0


@pytest.mark.parametrize(
    ("starts", "expected"),
    [
        ([("kwartiermaken", date(2026, 1, 1))], {"kwartiermaken": 329}),
        (
            [("kwartiermaken", date(2025, 6, 1)), ("ontwikkeling", date(2026, 6, 1))],
            {"kwartiermaken": 365, "ontwikkeling": 178},
        ),
    ],
)
def test_lead_time_runs_until_the_next_phase_or_today(starts: list, expected: dict) -> None:
    assert lead_times(starts, today=date(2026, 11, 26)) == expected
