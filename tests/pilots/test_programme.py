"""The programme view across pilots (issue 20): scope, figures, export, query discipline."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pilots.models import Commitment, Lesson, PhaseStart, Pilot
from pilots.programme import compute_summary, programme_rows
from pilots.programme_calc import LeadTimeStatus, lead_time, participation_gap
from techniek.templatetags.money import euro, euro_cents
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory

TODAY = date(2026, 12, 3)


# --- pure arithmetic ---------------------------------------------------------------------------


def test_development_time_runs_from_kwartiermaken_to_realisatie() -> None:
    starts = [
        ("ontwikkeling", date(2025, 4, 1)),
        ("kwartiermaken", date(2024, 9, 1)),
        ("realisatie", date(2025, 12, 1)),
    ]
    lead = lead_time(starts, TODAY)
    # 1 Sep 2024 → 1 Dec 2025 = 456 days = 1.25 years: inside the deck's 1–1.5 years.
    assert lead.development_days == 456
    assert lead.days_per_phase == {"kwartiermaken": 212, "ontwikkeling": 244, "realisatie": 367}
    assert lead.status is LeadTimeStatus.WITHIN


@pytest.mark.parametrize(
    ("days", "reached", "status"),
    [
        (300, True, LeadTimeStatus.FASTER),
        (400, True, LeadTimeStatus.WITHIN),
        (600, True, LeadTimeStatus.OVER),
        (400, False, LeadTimeStatus.RUNNING),
        (560, False, LeadTimeStatus.OVER),  # 1.53 years and still not building
    ],
)
def test_lead_time_status_against_one_to_one_and_a_half_years(
    days: int, reached: bool, status: LeadTimeStatus
) -> None:
    start = date(2024, 1, 1)
    starts = [("kwartiermaken", start)]
    today = start + timedelta(days=days)
    if reached:
        starts.append(("realisatie", today))
        today += timedelta(days=30)
    assert lead_time(starts, today).status is status


def test_no_phase_start_is_unknown() -> None:
    assert lead_time([], TODAY).status is LeadTimeStatus.UNKNOWN


def test_participation_gap_rounds_the_needed_homes_up() -> None:
    gap = participation_gap(homes=18, signed=9, target_pct=70)
    # 70 % of 18 = 12.6: the 13th signature reaches the target.
    assert (gap.homes_needed, gap.homes_short, gap.met) == (13, 4, False)
    assert participation_gap(homes=10, signed=7, target_pct=70).met


# --- the page ----------------------------------------------------------------------------------


@pytest.fixture
def programme(cast: Cast) -> Cast:
    HouseholdFactory.create_batch(6, pilot=cast.pilot, commitment=Commitment.SIGNED)
    PhaseStart.objects.filter(pilot=cast.pilot).update(started_on=date(2025, 1, 6))
    Lesson.objects.create(
        pilot=cast.pilot,
        phase="kwartiermaken",
        theme="proces",
        title="Keukentafelgesprekken werken beter dan een avond in het buurthuis",
        advice="Plan per straat twee ronden huisbezoek.",
    )
    return cast


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_kwartiermaker_sees_figures_of_own_pilots_only(client: Client, programme: Cast) -> None:
    client.force_login(programme.kwartiermaker)
    html = _get(client, reverse("pilots:programme"))
    assert programme.pilot.name in html
    assert programme.other_pilot.name not in html
    assert "Keukentafelgesprekken werken beter" in html
    [row] = programme_rows(Pilot.objects.filter(pk=programme.pilot.pk), timezone.localdate())
    # The cells are the summary the engine computed for this pilot.
    assert euro_cents(row.summary.monthly_signed_eur) in html
    assert euro(row.summary.cluster_capex_per_home_eur) in html
    assert row.signed == 6
    assert row.gap.homes_needed == 13


def test_gemeente_of_another_municipality_sees_only_its_pilot(
    client: Client, programme: Cast
) -> None:
    client.force_login(programme.gemeente_other)
    html = _get(client, reverse("pilots:programme"))
    assert programme.other_pilot.name in html
    assert programme.pilot.name not in html
    assert "Keukentafelgesprekken" not in html


def test_summary_follows_an_edit_of_the_register(programme: Cast) -> None:
    today = timezone.localdate()
    [before] = programme_rows(Pilot.objects.filter(pk=programme.pilot.pk), today)
    HouseholdFactory.create_batch(4, pilot=programme.pilot, commitment=Commitment.SIGNED)
    [after] = programme_rows(Pilot.objects.filter(pk=programme.pilot.pk), today)
    assert (before.signed, after.signed) == (6, 10)
    assert after.summary.participants_signed == 10
    assert after.summary.monthly_signed_eur < before.summary.monthly_signed_eur


def test_signed_cost_uses_fewer_homes_than_the_full_register(programme: Cast) -> None:
    summary = compute_summary(programme.pilot, {}, signed=6)
    assert summary.participants_full == 18
    # The shared source and network over 6 homes instead of 18: dearer per home.
    assert summary.monthly_signed_eur > summary.monthly_full_eur


def test_export_holds_the_same_figures_as_the_page(client: Client, programme: Cast) -> None:
    client.force_login(programme.gemeente_utrecht)
    [row] = programme_rows(Pilot.objects.filter(pk=programme.pilot.pk), timezone.localdate())
    response = client.get(reverse("pilots:programme_export", args=["csv"]))
    assert response["Content-Disposition"].startswith("attachment")
    text = response.content.decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))
    record = dict(zip(header, line, strict=True))
    assert record["Pilot"] == programme.pilot.name
    assert record["Getekend (woningen)"] == "6"
    assert record["Nog te tekenen (woningen)"] == "7"
    assert record["Lessen"] == "1"
    expected = str(float(row.summary.monthly_signed_eur)).replace(".", ",")
    assert record["Maandlasten met alleen getekende woningen (€)"] == expected

    response = client.get(reverse("pilots:programme_export", args=["xlsx"]))
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(book["Programma"].values)
    assert rows[1][0] == programme.pilot.name
    assert rows[1][rows[0].index("Investering per woning (€)")] == float(
        row.summary.capex_per_home_eur
    )
    lessons = list(book["Lessen"].values)
    assert lessons[1][3].startswith("Keukentafelgesprekken")


def test_unknown_export_format_is_404(client: Client, programme: Cast) -> None:
    client.force_login(programme.kwartiermaker)
    assert client.get(reverse("pilots:programme_export", args=["pdf"])).status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_programme_does_not_add_queries_per_pilot(client: Client, programme: Cast) -> None:
    client.force_login(programme.kwartiermaker)
    url = reverse("pilots:programme")
    client.get(url)  # summaries into the cache
    before = _queries(client, url)
    for i in range(5):
        pilot = PilotFactory(gemeente=programme.pilot.gemeente, name=f"Extra {i}", homes=12)
        HouseholdFactory.create_batch(3, pilot=pilot, commitment=Commitment.SIGNED)
    client.get(url)
    assert _queries(client, url) == before <= 12


def test_cold_cache_computes_and_stores_the_summaries(client: Client, programme: Cast) -> None:
    client.force_login(programme.kwartiermaker)
    cache.clear()
    _get(client, reverse("pilots:programme"))
    keys = [k for k in cache._cache if "programme-summary" in str(k)]  # locmem in tests
    assert len(keys) == 1


@pytest.mark.parametrize("value", ["0", "7.5", "16905.49", "1234567.891", "-12.5", None])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fast_money_text_prints_what_the_euro_filters_print(value: str | None, lang: str) -> None:
    from decimal import Decimal

    from django.utils import translation

    from pilots.programme_table import money_text

    amount = None if value is None else Decimal(value)
    with translation.override(lang):
        assert money_text(0)(amount) == euro(amount)
        assert money_text(2)(amount) == euro_cents(amount)
