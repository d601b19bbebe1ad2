"""Resident pages: token links, privacy of every figure, personal commitment sign-up."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pilots.models import Commitment, CommitmentChange, Household, HouseholdLink, StreetLink
from pilots.models.household import ChangeSource
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory


def _dashboard(client: Client, token: str, **params: str) -> object:
    return client.get(reverse("bewoners:street_dashboard", args=[token]), params)


def _street_link(cast: Cast, street: str = "") -> str:
    _link, raw = StreetLink.issue(
        cast.pilot, created_by=cast.kwartiermaker, label="het hofje", street=street
    )
    return raw


def test_dashboard_shows_rounded_progress_for_ten_or_more_households(
    client: Client, cast: Cast
) -> None:
    for h in list(cast.pilot.households.all())[:6]:
        h.set_commitment(Commitment.SIGNED, by=cast.kwartiermaker)
    response = _dashboard(client, _street_link(cast))
    assert response.status_code == 200
    # 6 signed of the pilot's 18 homes = 33% → shown in steps of 5: 35%.
    assert 'data-testid="signed">35%' in response.text
    assert "Ongeveer 10 huishoudens" in response.text  # 12 registered, rounded to 5


def test_nine_households_show_no_figures(client: Client, db: None) -> None:
    pilot = PilotFactory(homes=9)
    HouseholdFactory.create_batch(9, pilot=pilot, commitment=Commitment.SIGNED)
    _link, raw = StreetLink.issue(pilot, created_by=None, label="klein hofje")
    response = _dashboard(client, raw)
    assert "nog te weinig huishoudens" in response.text
    assert "%" not in re.sub(r"<style.*?</style>", "", response.text.split("<main", 1)[1])


def test_a_street_filter_that_leaves_three_households_shows_nothing(
    client: Client, cast: Cast
) -> None:
    HouseholdFactory.create_batch(3, pilot=cast.pilot, street="Zijstraat")
    response = _dashboard(client, _street_link(cast, street="Zijstraat"))
    assert "nog te weinig huishoudens" in response.text


def test_no_address_or_personal_value_appears_anywhere(client: Client, cast: Cast) -> None:
    cast.pilot.households.update(gas_m3_per_year=1234)
    text = _dashboard(client, _street_link(cast)).text
    for h in cast.pilot.households.all():
        assert h.postcode not in text
        assert f"{h.street} {h.house_number}" not in text
    assert "Oudwijkerdwarsstraat" not in text
    assert "1234" not in text
    assert "1.234" not in text


def test_dashboard_sets_no_cookies_and_asks_not_to_be_indexed(client: Client, cast: Cast) -> None:
    response = _dashboard(client, _street_link(cast))
    assert not response.cookies
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["unknown", "revoked", "expired", "other pilot's hash"])
def test_bad_tokens_get_the_same_friendly_404(client: Client, cast: Cast, kind: str) -> None:
    link, raw = StreetLink.issue(cast.pilot, created_by=None, label="x")
    if kind == "unknown":
        raw = "x" * 43
    elif kind == "revoked":
        StreetLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    elif kind == "expired":
        StreetLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    else:
        raw = raw[:-1] + ("A" if raw[-1] != "A" else "B")
    response = _dashboard(client, raw)
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in response.text


def test_a_link_of_pilot_a_never_shows_pilot_b(client: Client, cast: Cast) -> None:
    HouseholdFactory.create_batch(12, pilot=cast.other_pilot, commitment=Commitment.SIGNED)
    text = _dashboard(client, _street_link(cast)).text
    assert cast.other_pilot.name not in text
    assert 'data-testid="signed">0%' in text


def test_dashboard_in_english_via_the_link(client: Client, cast: Cast) -> None:
    response = _dashboard(client, _street_link(cast), lang="en")
    assert '<html lang="en"' in response.text
    assert not response.cookies


def test_the_cached_dashboard_keeps_each_language_apart(client: Client, cast: Cast) -> None:
    # Issue 16: a browser with the language cookie set to English (a staff member who switched)
    # filled the shared cache, and the next resident got the English page.
    token = _street_link(cast)
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en"' in _dashboard(english, token).text
    assert '<html lang="nl"' in _dashboard(client, token).text
    assert '<html lang="en"' in _dashboard(english, token).text


def test_only_the_hash_of_a_token_is_stored(cast: Cast) -> None:
    link, raw = StreetLink.issue(cast.pilot, created_by=None, label="x")
    assert raw not in link.token_hash
    assert len(link.token_hash) == 64


# --- personal link ------------------------------------------------------------------------


def _personal(cast: Cast) -> tuple[str, str]:
    _link, raw = HouseholdLink.issue(cast.household)
    return raw, reverse("bewoners:household", args=[raw])


def test_resident_registers_interest_and_it_enters_the_history(client: Client, cast: Cast) -> None:
    raw, url = _personal(cast)
    response = client.post(url, {"commitment": "interested"})
    assert response.status_code == 302
    assert response["Location"] == reverse("bewoners:household_done", args=[raw])
    change = CommitmentChange.objects.get(household=cast.household)
    assert (change.to_status, change.source, change.changed_by) == (
        Commitment.INTERESTED,
        ChangeSource.RESIDENT,
        None,
    )
    assert "Geïnteresseerd" in client.get(response["Location"]).text


def test_double_submit_records_one_change(client: Client, cast: Cast) -> None:
    _raw, url = _personal(cast)
    client.post(url, {"commitment": "intent"})
    client.post(url, {"commitment": "intent"})
    assert CommitmentChange.objects.filter(household=cast.household).count() == 1


def test_a_resident_cannot_sign_a_contract_or_send_nonsense(client: Client, cast: Cast) -> None:
    _raw, url = _personal(cast)
    for value in ("signed", "unknown", "<script>"):
        response = client.post(url, {"commitment": value})
        assert response.status_code == 400
        assert "Kies een van de mogelijkheden." in response.text
    assert not CommitmentChange.objects.exists()


def test_the_personal_page_needs_a_csrf_token(cast: Cast) -> None:
    strict = Client(enforce_csrf_checks=True)
    _raw, url = _personal(cast)
    assert strict.post(url, {"commitment": "interested"}).status_code == 403
    assert not CommitmentChange.objects.exists()


def test_a_new_personal_link_revokes_the_old_one(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    old_raw, old_url = _personal(cast)
    response = client.post(
        reverse("pilots:household_link", args=[cast.pilot.pk, cast.household.pk])
    )
    assert "Doet u mee met het warmtenet" in response.text
    assert "<svg" in response.text  # the QR code
    client.logout()
    assert client.get(old_url).status_code == 404


def test_the_personal_pages_show_no_address_as_their_footer_says(
    client: Client, cast: Cast
) -> None:
    raw, url = _personal(cast)
    h = cast.household
    for page in (url, reverse("bewoners:household_done", args=[raw])):
        text = client.get(page).text
        assert "Op deze pagina staan geen namen of adressen." in text
        assert h.postcode not in text
        assert h.street not in text
        assert h.address not in text


def test_the_confirmation_page_is_rate_limited_with_the_personal_page(
    client: Client, cast: Cast
) -> None:
    raw, url = _personal(cast)
    done = reverse("bewoners:household_done", args=[raw])
    statuses = [client.get(done).status_code for _ in range(30)]
    assert statuses == [200] * 30
    assert client.get(done).status_code == 429
    assert client.get(url).status_code == 429  # token guesses count once over both pages


def test_personal_page_is_rate_limited(client: Client, cast: Cast) -> None:
    _raw, url = _personal(cast)
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


# --- kwartiermaker side -------------------------------------------------------------------


def test_kwartiermaker_issues_a_street_link_and_gets_a_flyer_once(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:street_links", args=[cast.pilot.pk])
    response = client.post(url, {"label": "het hofje", "street": "", "days": 30})
    assert response.status_code == 200
    token = re.search(r"/straat/([A-Za-z0-9_-]{43})/", response.text).group(1)
    assert "<svg" in response.text
    assert token not in client.get(url).text  # never shown again
    assert _dashboard(Client(), token).status_code == 200


def test_revoking_a_link_closes_the_dashboard(client: Client, cast: Cast) -> None:
    link, raw = StreetLink.issue(cast.pilot, created_by=None, label="x")
    client.force_login(cast.kwartiermaker)
    client.post(reverse("pilots:street_link_revoke", args=[cast.pilot.pk, link.pk]))
    assert _dashboard(Client(), raw).status_code == 404


def test_gemeente_reader_sees_links_but_cannot_issue_or_revoke(client: Client, cast: Cast) -> None:
    link, _raw = StreetLink.issue(cast.pilot, created_by=None, label="het hofje")
    before = StreetLink.objects.count()
    client.force_login(cast.gemeente_utrecht)
    url = reverse("pilots:street_links", args=[cast.pilot.pk])
    assert "het hofje" in client.get(url).text
    assert client.post(url, {"label": "x", "days": 30}).status_code == 403
    revoke = reverse("pilots:street_link_revoke", args=[cast.pilot.pk, link.pk])
    assert client.post(revoke).status_code == 403
    assert StreetLink.objects.count() == before
    assert StreetLink.objects.get(pk=link.pk).revoked_at is None


def test_personal_estimate_is_computed_not_stored_and_sets_no_cookie(
    client: Client, cast: Cast
) -> None:
    before = Household.objects.count()
    response = _dashboard(
        client,
        _street_link(cast),
        building_type="detached",
        period="before_1945",
        gas_m3="2100",
    )
    assert 'data-testid="my-network">€' in response.text
    assert 'data-testid="my-gas">€' in response.text
    assert not response.cookies
    assert Household.objects.count() == before


@pytest.mark.parametrize("gas", ["-5", "999999", "veel"])
def test_bad_personal_input_gets_a_dutch_message(client: Client, cast: Cast, gas: str) -> None:
    response = _dashboard(
        client, _street_link(cast), building_type="detached", period="before_1945", gas_m3=gas
    )
    assert response.status_code == 200
    assert "my-network" not in response.text
    assert "Zorg ervoor" in response.text or "Voer een geheel getal in" in response.text


def test_under_ten_households_the_costs_use_no_household_data(db: None) -> None:
    from pilots.scenario import resident_economics

    pilot = PilotFactory(homes=20)
    HouseholdFactory.create_batch(9, pilot=pilot, gas_m3_per_year=5000)
    economics = resident_economics(pilot)
    # The sentinel gas use of the nine homes must not shape the figures residents see.
    assert economics.case.references.gas_m3_per_home < 3000


def test_a_cached_dashboard_still_closes_when_the_link_is_revoked(
    client: Client, cast: Cast
) -> None:
    assert _dashboard(client, cast.street_token).status_code == 200
    assert _dashboard(client, cast.street_token).status_code == 200  # from the cache
    cast.street_link.revoked_at = timezone.now()
    cast.street_link.save()
    assert _dashboard(client, cast.street_token).status_code == 404


def test_the_personal_page_keeps_referrers_on_our_own_origin(client: Client, cast: Cast) -> None:
    # no-referrer would make Chromium send "Origin: null" with the form, which CSRF refuses.
    response = client.get(reverse("bewoners:household", args=[cast.household_token]))
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(("gas", "indicative"), [("", True), ("2100", False)])
def test_without_a_meter_reading_the_estimate_says_indicatief(
    client: Client, cast: Cast, gas: str, indicative: bool
) -> None:
    """Issue 15: no gas use given → the type's CBS average, and the page says so."""
    response = _dashboard(
        client, _street_link(cast), building_type="detached", period="before_1945", gas_m3=gas
    )
    assert 'data-testid="my-network">€' in response.text
    assert ('data-testid="demand-indicative"' in response.text) is indicative
