"""The audit log: edits through the pages, commitment history and log-ins, with the actor."""

from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from pilots.models import CommitmentChange, Household, Membership, Milestone, PilotRegimeFacts
from tests.conftest import Cast
from tests.factories import PASSWORD

HTMX = {"HX-Request": "true"}


def _entries(model: type, pk: int) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_model(model).filter(object_pk=str(pk)).order_by("pk"))


def _household_data(household: Household, **overrides: object) -> dict:
    return {
        "street": household.street,
        "house_number": household.house_number,
        "suffix": household.suffix,
        "postcode": household.postcode,
        "building_type": household.building_type,
        "construction_year": household.construction_year,
        "floor_area_m2": household.floor_area_m2,
        "energy_label": household.energy_label,
        "gas_m3_per_year": household.gas_m3_per_year,
        "heating": household.heating,
        "tenure": household.tenure,
        "housing_corporation": household.housing_corporation,
        "version": household.version,
        **overrides,
    }


def test_a_milestone_edit_on_the_pilot_page_is_logged_with_its_actor(
    client: Client, cast: Cast
) -> None:
    milestone = cast.pilot.milestones.first()
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:milestone_update", args=[cast.pilot.pk, milestone.pk])
    client.post(url, {"status": "in_progress", "owner": "Kim", "version": 0}, headers=HTMX)
    (entry,) = _entries(Milestone, milestone.pk)
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == cast.kwartiermaker
    assert entry.remote_addr == "127.0.0.1"
    assert entry.changes_dict == {"status": ["open", "in_progress"], "owner": ["", "Kim"]}


def test_a_refused_stale_milestone_edit_is_not_logged(client: Client, cast: Cast) -> None:
    milestone = cast.pilot.milestones.first()
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:milestone_update", args=[cast.pilot.pk, milestone.pk])
    client.post(url, {"status": "done", "version": 0}, headers=HTMX)
    client.post(url, {"status": "open", "version": 0}, headers=HTMX)  # stale: refused
    assert len(_entries(Milestone, milestone.pk)) == 1


def test_a_household_edit_is_logged_with_its_actor(client: Client, cast: Cast) -> None:
    household = cast.household
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_edit", args=[cast.pilot.pk, household.pk])
    response = client.post(url, _household_data(household, gas_m3_per_year=1100))
    assert response.status_code == 302
    entry = _entries(Household, household.pk)[-1]
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == cast.kwartiermaker
    assert entry.changes_dict == {"gas_m3_per_year": ["1350", "1100"]}


def test_a_commitment_change_is_logged_as_its_history_row(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_commitment", args=[cast.pilot.pk, cast.household.pk])
    client.post(url, {"commitment": "intent", "version": 0, "note": ""})
    change = CommitmentChange.objects.get(household=cast.household)
    (entry,) = _entries(CommitmentChange, change.pk)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast.kwartiermaker
    assert entry.changes_dict["to_status"] == ["None", "intent"]


def test_regime_facts_are_logged_when_created_and_when_changed(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:regime", args=[cast.pilot.pk])
    facts = {"connections_now": 0, "connections_expected": 18, "initiative": "residents"}
    client.post(url, {**facts, "version": 0}, headers=HTMX)
    client.post(url, {**facts, "connections_expected": 9, "version": 0}, headers=HTMX)
    created, changed = _entries(PilotRegimeFacts, cast.pilot.regime_facts.pk)
    assert created.action == LogEntry.Action.CREATE
    assert changed.action == LogEntry.Action.UPDATE
    assert changed.changes_dict == {"connections_expected": ["18", "9"]}
    assert {created.actor, changed.actor} == {cast.kwartiermaker}


def test_memberships_are_logged(cast: Cast) -> None:
    membership = Membership.objects.get(user=cast.gemeente_utrecht)
    (entry,) = _entries(Membership, membership.pk)
    assert entry.changes_dict["role"] == ["None", "gemeente"]


def test_log_ins_and_failed_log_ins_are_logged(client: Client, cast: Cast) -> None:
    login = reverse("login")
    client.post(login, {"username": "kwartiermaker", "password": "fout"})
    client.post(login, {"username": "niemand", "password": "fout"})
    client.post(login, {"username": "kwartiermaker", "password": PASSWORD})
    entries = LogEntry.objects.get_for_model(User).filter(action=LogEntry.Action.ACCESS)
    events = [
        (e.additional_data["event"], e.object_repr, e.actor, e.remote_addr)
        for e in entries.order_by("pk")
    ]
    assert events == [
        ("login_failed", "kwartiermaker", None, "127.0.0.1"),
        ("login_failed", "niemand", None, "127.0.0.1"),
        ("login", "kwartiermaker", cast.kwartiermaker, "127.0.0.1"),
    ]
    assert "fout" not in str(list(entries.values()))


def test_admins_read_the_audit_log_in_the_admin(client: Client, cast: Cast) -> None:
    url = reverse("admin:auditlog_logentry_changelist")
    client.force_login(cast.kwartiermaker)
    assert client.get(url).status_code == 302  # not staff: to the admin log-in
    client.force_login(cast.admin)
    response = client.get(url)
    assert response.status_code == 200
    assert "kwartiermaker" in response.text
