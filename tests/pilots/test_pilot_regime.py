"""The WCW tab of a pilot: facts stored per pilot, outcome, steps copied into milestones."""

from django.test import Client
from django.urls import reverse

from pilots.models import Milestone, PilotRegimeFacts
from tests.conftest import Cast

HTMX = {"HX-Request": "true"}


def _url(cast: Cast) -> str:
    return reverse("pilots:regime", args=[cast.pilot.pk])


def _facts(**overrides: object) -> dict:
    return {
        "connections_now": 0,
        "connections_expected": 18,
        "initiative": "residents",
        "version": 0,
        **overrides,
    }


def test_a_new_pilot_starts_from_its_homes_and_a_residents_initiative(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(_url(cast))
    assert response.status_code == 200
    assert "Klein collectief" in response.text
    assert "Ontheffing aanvragen bij het college van B&amp;W" in response.text


def test_kwartiermaker_saves_the_facts_and_sees_the_new_regime(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), _facts(connections_expected=9), headers=HTMX)
    assert 'id="pilot-regime"' in response.text
    assert "<html" not in response.text
    assert "Opgeslagen." in response.text
    assert "Beperkt gereguleerd" in response.text
    assert cast.pilot.regime_facts.connections_expected == 9


def test_bad_facts_get_a_dutch_message_and_are_not_saved(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(
        _url(cast), _facts(public_pct="60", community_pct="50", market_pct="0"), headers=HTMX
    )
    assert "100" in response.text
    assert not PilotRegimeFacts.objects.exists()


def test_a_stale_save_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    client.post(_url(cast), _facts(), headers=HTMX)  # creates, version 0
    client.post(_url(cast), _facts(connections_expected=30), headers=HTMX)  # version 0 → 1
    response = client.post(_url(cast), _facts(connections_expected=5), headers=HTMX)
    assert "iemand anders heeft de feiten intussen gewijzigd" in response.text
    assert PilotRegimeFacts.objects.get().connections_expected == 30


def test_gemeente_reader_sees_the_outcome_but_cannot_save(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert client.post(_url(cast), _facts(connections_expected=9)).status_code == 403
    assert not PilotRegimeFacts.objects.exists()
    assert "Als mijlpaal toevoegen" not in client.get(_url(cast)).text


def test_a_step_of_the_outcome_becomes_a_milestone_once(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:regime_milestone", args=[cast.pilot.pk])
    title = "Ontheffing aanvragen bij het college van B&W"
    client.post(url, {"title": title})
    client.post(url, {"title": title})
    milestone = Milestone.objects.get(pilot=cast.pilot, title=title)
    assert milestone.phase == cast.pilot.phase
    assert milestone.source.startswith("WCW-regimecheck")
    assert "staat al in de mijlpalen" in client.get(_url(cast)).text


def test_a_step_that_is_not_in_the_outcome_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:regime_milestone", args=[cast.pilot.pk])
    response = client.post(url, {"title": "Iets verzonnen"}, follow=True)
    assert "hoort niet bij de uitkomst" in response.text
    assert not Milestone.objects.filter(title="Iets verzonnen").exists()


def test_gemeente_reader_sees_labels_and_zero_not_codes_or_dashes(
    client: Client, cast: Cast
) -> None:
    PilotRegimeFacts.objects.create(pilot=cast.pilot, connections_now=0, connections_expected=18)
    client.force_login(cast.gemeente_utrecht)
    page = client.get(_url(cast)).text
    facts = page[page.index('class="utrecht-data-list app-regime-facts"') :]
    facts = facts[: facts.index("</dl>")]
    assert "Bewoners, op eigen initiatief" in facts
    assert "residents" not in facts
    assert 'item-value--html-dd">0</dd>' in facts


def test_a_save_answers_with_the_form_carrying_the_new_version(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    first = client.post(_url(cast), _facts(connections_expected=9), headers=HTMX)
    assert 'name="version" value="0"' in first.text  # created: version 0
    second = client.post(_url(cast), _facts(connections_expected=30), headers=HTMX)
    assert "Opgeslagen." in second.text
    assert 'name="version" value="1"' in second.text
    assert PilotRegimeFacts.objects.get().connections_expected == 30
