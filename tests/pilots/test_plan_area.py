"""Register and plan area in step (issue 22): a register beyond the plan area is warned about,
the kwartiermaker changes the planned homes and removes households, both audited."""

from datetime import date

from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse

from pilots.models import Commitment, Household
from pilots.participation import participation
from pilots.report import render_html
from pilots.scenario import Scenario, pilot_result
from tests.conftest import Cast
from tests.factories import HouseholdFactory


def test_a_register_beyond_the_plan_area_counts_against_the_register() -> None:
    p = participation(18, {Commitment.INTERESTED: 18, Commitment.UNKNOWN: 3})
    assert p.over_plan == 3
    assert p.basis == 21
    assert round(p.step(Commitment.INTERESTED).pct) == 86  # 18 of 21, not "100 %" of 18


def test_the_pilot_page_warns_when_the_register_exceeds_the_plan_area(
    client: Client, cast: Cast
) -> None:
    HouseholdFactory.create_batch(9, pilot=cast.pilot)  # 21 against 18 planned homes
    client.force_login(cast.kwartiermaker)
    page = client.get(cast.pilot.get_absolute_url()).text
    assert "Het register telt 21 huishoudens, meer dan de 18 woningen in het plangebied" in page
    assert reverse("pilots:plan_area", args=[cast.pilot.pk]) in page


def test_within_the_plan_area_no_warning(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    page = client.get(cast.pilot.get_absolute_url()).text
    assert "meer dan de 18 woningen" not in page
    assert "Aandeel van alle 18 woningen in het plangebied" in page


def test_kwartiermaker_changes_the_planned_homes_and_the_change_is_audited(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:plan_area", args=[cast.pilot.pk])
    response = client.post(url, {"homes": "24"})
    assert response.status_code == 302
    cast.pilot.refresh_from_db()
    assert cast.pilot.homes == 24
    entry = LogEntry.objects.get_for_object(cast.pilot).latest("timestamp")
    assert entry.changes_dict["homes"] == ["18", "24"]
    assert entry.actor == cast.kwartiermaker


def test_planned_homes_out_of_range_get_a_dutch_message(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(reverse("pilots:plan_area", args=[cast.pilot.pk]), {"homes": "1"})
    assert response.status_code == 422
    assert "tussen 2 en 100.000 woningen" in response.text


def test_a_household_is_deleted_after_a_confirmation_and_the_deletion_is_audited(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_delete", args=[cast.pilot.pk, cast.household.pk])
    confirm = client.get(url)
    assert "verwijderen?" in confirm.text
    assert Household.objects.filter(pk=cast.household.pk).exists()
    assert client.post(url).status_code == 302
    assert not Household.objects.filter(pk=cast.household.pk).exists()
    entry = LogEntry.objects.get(action=LogEntry.Action.DELETE, object_pk=str(cast.household.pk))
    assert entry.actor == cast.kwartiermaker


def test_the_report_warns_and_its_risk_counts_the_homes_the_summary_counts(cast: Cast) -> None:
    HouseholdFactory.create_batch(9, pilot=cast.pilot, commitment=Commitment.INTERESTED)
    Household.objects.filter(pk=cast.household.pk).update(gas_m3_per_year=None)
    result = pilot_result(cast.pilot, Scenario.for_pilot(cast.pilot), date(2026, 12, 3))
    html = render_html(cast.pilot, result, today=date(2026, 12, 3), request_user=cast.kwartiermaker)
    assert "Het register telt 21 huishoudens, meer dan de 18 woningen" in html
    assert "er is geen gemeten gasverbruik" not in html
    demand = result.technical.demand
    metered = demand.homes - demand.homes_estimated
    assert f"Waarvan met gemeten gasverbruik</th><td>{metered}</td>" in html
    if demand.homes_estimated:
        assert f"Van {demand.homes_estimated} van de {demand.homes} woningen" in html
