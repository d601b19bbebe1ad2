"""The kwartiermaker's daily edits: commitment, milestones, phases, households."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import DataError, IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import (
    Commitment,
    CommitmentChange,
    Household,
    Milestone,
    MilestoneStatus,
    Phase,
    PhaseStart,
)
from pilots.models.household import ChangeSource, StaleEdit
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory

HTMX = {"HX-Request": "true"}


def _commitment_url(cast: Cast) -> str:
    return reverse("pilots:household_commitment", args=[cast.pilot.pk, cast.household.pk])


# --- model rules ---------------------------------------------------------------------------


def test_an_address_is_unique_within_a_pilot_including_the_suffix(cast: Cast) -> None:
    h = cast.household
    HouseholdFactory(pilot=cast.pilot, postcode=h.postcode, house_number=h.house_number, suffix="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdFactory(pilot=cast.pilot, postcode=h.postcode, house_number=h.house_number)
    # The same address in another pilot is fine.
    HouseholdFactory(pilot=cast.other_pilot, postcode=h.postcode, house_number=h.house_number)


@pytest.mark.parametrize("postcode", ["0123AB", "3511 AB", "3511ab", "3511SS", "35111A", ""])
def test_database_refuses_a_malformed_postcode(cast: Cast, postcode: str) -> None:
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        HouseholdFactory(pilot=cast.pilot, postcode=postcode)


def test_set_commitment_writes_history_and_bumps_the_version(cast: Cast) -> None:
    h = cast.household
    change = h.set_commitment(Commitment.INTENT, by=cast.kwartiermaker, note="brief getekend")
    h.refresh_from_db()
    assert (h.commitment, h.version) == (Commitment.INTENT, 1)
    assert (change.from_status, change.to_status, change.changed_by) == (
        Commitment.UNKNOWN,
        Commitment.INTENT,
        cast.kwartiermaker,
    )
    assert change.note == "brief getekend"
    assert change.source == ChangeSource.EDIT


def test_setting_the_same_commitment_again_records_nothing(cast: Cast) -> None:
    cast.household.set_commitment(Commitment.INTERESTED, by=cast.kwartiermaker)
    assert cast.household.set_commitment(Commitment.INTERESTED, by=cast.kwartiermaker) is None
    assert CommitmentChange.objects.filter(household=cast.household).count() == 1


def test_a_stale_version_is_refused_with_the_current_value(cast: Cast) -> None:
    h = cast.household
    h.set_commitment(Commitment.SIGNED, by=cast.kwartiermaker, expected_version=0)
    with pytest.raises(StaleEdit) as refused:
        Household.objects.get(pk=h.pk).set_commitment(
            Commitment.WITHDRAWN, by=cast.kwartiermaker, expected_version=0
        )
    assert refused.value.current.commitment == Commitment.SIGNED
    assert Household.objects.get(pk=h.pk).commitment == Commitment.SIGNED


def test_a_new_pilot_gets_the_seed_deck_checklists(db: None) -> None:
    pilot = PilotFactory()
    titles = list(
        pilot.milestones.filter(phase=Phase.KWARTIERMAKEN).values_list("title", flat=True)
    )
    assert titles == [
        "Scope & technisch concept scherp",
        "Commitment bewoners per huishouden scherp",
        "Projectplan ontwikkelingsfase",
        "Financiering",
    ]
    assert pilot.milestones.filter(phase=Phase.ONTWIKKELING).count() == 5
    assert PhaseStart.objects.filter(pilot=pilot, phase=Phase.KWARTIERMAKEN).exists()


def test_a_done_milestone_needs_a_date(cast: Cast) -> None:
    milestone = cast.pilot.milestones.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.filter(pk=milestone.pk).update(status=MilestoneStatus.DONE)


# --- inline commitment edit ---------------------------------------------------------------


def test_inline_commitment_edit_returns_the_row_and_the_new_participation(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(
        _commitment_url(cast), {"commitment": "signed", "version": 0}, headers=HTMX
    )
    assert response.status_code == 200
    html = response.text
    assert f'id="household-{cast.household.pk}"' in html
    assert 'id="participation"' in html
    assert 'hx-swap-oob="true"' in html
    assert "<html" not in html
    assert 'data-testid="pct-signed">6%' in html  # 1 of 18 homes
    change = CommitmentChange.objects.get(household=cast.household)
    assert (change.to_status, change.changed_by) == ("signed", cast.kwartiermaker)


def test_second_editor_with_an_old_version_gets_a_conflict_not_an_overwrite(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    client.post(_commitment_url(cast), {"commitment": "signed", "version": 0}, headers=HTMX)
    response = client.post(
        _commitment_url(cast), {"commitment": "withdrawn", "version": 0}, headers=HTMX
    )
    assert "iemand anders heeft" in response.text
    assert "De huidige status is ‘Getekend (contract)’" in response.text
    assert Household.objects.get(pk=cast.household.pk).commitment == Commitment.SIGNED


def test_commitment_edit_works_without_javascript(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(
        _commitment_url(cast), {"commitment": "intent", "version": 0}, follow=True
    )
    assert response.redirect_chain[-1][0] == cast.pilot.get_absolute_url()
    assert "Commitment van" in response.text
    assert "opgeslagen" in response.text


def test_an_unknown_commitment_value_is_refused_in_dutch(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(
        _commitment_url(cast), {"commitment": "maybe", "version": 0}, headers=HTMX
    )
    assert "Kies een geldige commitmentstatus." in response.text
    assert not CommitmentChange.objects.exists()


def test_gemeente_reader_cannot_change_commitment(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.post(_commitment_url(cast), {"commitment": "signed", "version": 0})
    assert response.status_code == 403
    assert not CommitmentChange.objects.exists()


# --- milestones and phases ----------------------------------------------------------------


def test_ticking_a_milestone_marks_it_done_today(client: Client, cast: Cast) -> None:
    milestone = cast.pilot.milestones.first()
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:milestone_update", args=[cast.pilot.pk, milestone.pk])
    response = client.post(url, {"status": "done", "version": 0}, headers=HTMX)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.DONE
    assert milestone.done_on is not None
    assert f'id="milestone-{milestone.pk}"' in response.text
    assert "<html" not in response.text


def test_milestone_edit_with_an_old_version_is_refused(client: Client, cast: Cast) -> None:
    milestone = cast.pilot.milestones.first()
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:milestone_update", args=[cast.pilot.pk, milestone.pk])
    client.post(url, {"status": "done", "version": 0, "owner": "Kim"}, headers=HTMX)
    response = client.post(url, {"status": "open", "version": 0}, headers=HTMX)
    assert "De huidige status is ‘Gereed’" in response.text
    milestone.refresh_from_db()
    assert (milestone.status, milestone.owner) == (MilestoneStatus.DONE, "Kim")


def test_moving_on_with_open_milestones_asks_for_confirmation(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:phase_update", args=[cast.pilot.pk])
    response = client.post(url, {"phase": "ontwikkeling"})
    assert response.status_code == 200
    assert "staan nog 4 mijlpalen open" in response.text
    cast.pilot.refresh_from_db()
    assert cast.pilot.phase == Phase.KWARTIERMAKEN
    client.post(url, {"phase": "ontwikkeling", "confirm_open": "true"})
    cast.pilot.refresh_from_db()
    assert cast.pilot.phase == Phase.ONTWIKKELING
    assert PhaseStart.objects.filter(pilot=cast.pilot, phase=Phase.ONTWIKKELING).exists()


def test_moving_on_with_all_milestones_closed_needs_no_confirmation(
    client: Client, cast: Cast
) -> None:
    cast.pilot.milestones.filter(phase=Phase.KWARTIERMAKEN).update(
        status=MilestoneStatus.NOT_APPLICABLE
    )
    client.force_login(cast.kwartiermaker)
    response = client.post(
        reverse("pilots:phase_update", args=[cast.pilot.pk]), {"phase": "ontwikkeling"}
    )
    assert response.status_code == 302
    cast.pilot.refresh_from_db()
    assert cast.pilot.phase == Phase.ONTWIKKELING


# --- household forms ----------------------------------------------------------------------


def _household_data(**overrides: object) -> dict:
    data = {
        "street": "Kennedylaan",
        "house_number": 7,
        "suffix": "",
        "postcode": "3581 ab",
        "building_type": "mid_terrace",
        "construction_year": 1932,
        "floor_area_m2": 95,
        "energy_label": "D",
        "gas_m3_per_year": 1350,
        "heating": "gas_boiler",
        "tenure": "owner",
        "housing_corporation": "",
        "commitment": "interested",
    }
    return {**data, **overrides}


def test_adding_a_household_normalises_the_postcode_and_records_commitment(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_create", args=[cast.pilot.pk])
    assert client.post(url, _household_data()).status_code == 302
    household = Household.objects.get(pilot=cast.pilot, house_number=7)
    assert household.postcode == "3581AB"
    assert household.commitment == Commitment.INTERESTED
    assert household.changes.get().changed_by == cast.kwartiermaker


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "12345", "Geen geldige Nederlandse postcode"),
        ("floor_area_m2", "-5", "Zorg ervoor dat deze waarde minstens 0 is."),
        ("floor_area_m2", "5000", "tussen 15 en 2.000 m²"),
        ("gas_m3_per_year", "90000", "niet aannemelijk"),
        ("building_type", "kasteel", "Selecteer een geldige keuze"),
        ("house_number", "tien", "Voer een geheel getal in"),
        ("street", "", "Dit veld is verplicht"),
    ],
)
def test_bad_household_input_gets_a_dutch_message_and_writes_nothing(
    client: Client, cast: Cast, field: str, value: str, message: str
) -> None:
    client.force_login(cast.kwartiermaker)
    before = Household.objects.count()
    url = reverse("pilots:household_create", args=[cast.pilot.pk])
    response = client.post(url, _household_data(**{field: value}))
    assert response.status_code == 422
    assert message in response.text
    assert Household.objects.count() == before


def test_a_duplicate_address_is_a_form_error_not_a_crash(client: Client, cast: Cast) -> None:
    h = cast.household
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_create", args=[cast.pilot.pk])
    response = client.post(url, _household_data(postcode=h.postcode, house_number=h.house_number))
    assert response.status_code == 422
    assert "Dit adres staat al in deze pilot." in response.text


@contextmanager
def _same_address_added_meanwhile(pilot: object, **address: object) -> Iterator:
    """Between the form's validation and its save, another request stores the same address:
    Django's execute_wrapper runs that insert (outside the view's transaction, as another
    request would) right before the view opens its transaction for the save."""
    done: list[bool] = []

    def wrapper(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        if not done and sql.startswith("SAVEPOINT"):
            done.append(True)
            HouseholdFactory(pilot=pilot, **address)  # another request, committed first
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield
    assert done, "the race was not staged"


def test_an_address_added_meanwhile_by_someone_else_is_a_form_error_on_create(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_create", args=[cast.pilot.pk])
    data = _household_data()
    with _same_address_added_meanwhile(cast.pilot, postcode="3581AB", house_number=7, suffix=""):
        response = client.post(url, data)
    assert response.status_code == 422
    assert "Dit adres staat al in deze pilot." in response.text
    assert Household.objects.filter(pilot=cast.pilot, house_number=7).count() == 1


def test_an_address_added_meanwhile_by_someone_else_is_a_form_error_on_edit(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_edit", args=[cast.pilot.pk, cast.household.pk])
    data = _household_data(version=cast.household.version)
    with _same_address_added_meanwhile(cast.pilot, postcode="3581AB", house_number=7, suffix=""):
        response = client.post(url, data)
    assert response.status_code == 422
    assert "Dit adres staat al in deze pilot." in response.text
    assert Household.objects.get(pk=cast.household.pk).house_number == cast.household.house_number


def test_editing_a_household_someone_else_changed_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_edit", args=[cast.pilot.pk, cast.household.pk])
    data = _household_data(
        postcode=cast.household.postcode, house_number=cast.household.house_number, version=0
    )
    cast.household.set_commitment(Commitment.SIGNED, by=cast.gemeente_utrecht)  # version 1
    response = client.post(url, {**data, "street": "Andere straat"})
    assert "iemand anders heeft dit huishouden intussen gewijzigd" in response.text
    assert Household.objects.get(pk=cast.household.pk).street == "Oudwijkerdwarsstraat"


# --- pilot page ---------------------------------------------------------------------------


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_pilot_page_does_not_add_queries_per_household(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = cast.pilot.get_absolute_url()
    before = _queries(client, url)
    for h in HouseholdFactory.create_batch(200, pilot=cast.pilot):
        h.set_commitment(Commitment.INTERESTED, by=cast.kwartiermaker)
    assert _queries(client, url) == before <= 15


def test_pilot_page_pages_the_households_table(client: Client, cast: Cast) -> None:
    HouseholdFactory.create_batch(60, pilot=cast.pilot)
    client.force_login(cast.kwartiermaker)
    response = client.get(cast.pilot.get_absolute_url())
    assert "Pagina 1 van 2" in response.text
    fragment = client.get(
        cast.pilot.get_absolute_url(), {"page": 2}, headers={**HTMX, "HX-Target": "households"}
    )
    assert 'id="households"' in fragment.text
    assert "<html" not in fragment.text
    assert "Pagina 2 van 2" in fragment.text


def test_gemeente_reader_sees_no_statuses_per_home_and_no_edit_controls(
    client: Client, cast: Cast
) -> None:
    # Issue 21: the gemeente role reads totals; each home's commitment is personal data.
    client.force_login(cast.gemeente_utrecht)
    html = client.get(cast.pilot.get_absolute_url()).text
    assert cast.household.street not in html
    assert "household_commitment" not in html
    assert "/commitment/" not in html
    assert "Huishouden toevoegen" not in html


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no javascript"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"commitment": "maybe", "version": 0}, "Kies een geldige commitmentstatus."),
        (
            {"commitment": "signed", "version": 0, "note": "x" * 501},
            "De notitie is te lang: hoogstens 500 tekens, nu 501.",
        ),
        ({"commitment": "signed"}, "Het formulier is ongeldig geworden. Laad de pagina opnieuw."),
    ],
    ids=["unknown status", "note too long", "no version"],
)
def test_a_refused_commitment_edit_names_its_real_problem(
    client: Client, cast: Cast, data: dict, message: str, htmx: bool
) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_commitment_url(cast), data, headers=HTMX if htmx else {}, follow=True)
    assert message in response.text
    if "note" in data:
        assert "Kies een geldige commitmentstatus." not in response.text
    assert not CommitmentChange.objects.exists()
