from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import Commitment, Phase
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory

URL = reverse("pilots:list")


def test_kwartiermaker_sees_only_the_pilots_of_own_gemeenten(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Hofje Oudwijk" in response.text
    assert "Kerckebosch" not in response.text
    assert "U bent kwartiermaker in 1 gemeente: Utrecht." in " ".join(response.text.split())


def test_gemeente_other_sees_its_own_pilot_and_not_utrecht(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    response = client.get(URL)
    assert "Kerckebosch" in response.text
    assert "Hofje Oudwijk" not in response.text


def test_user_without_membership_is_told_to_ask_for_access(client: Client, cast: Cast) -> None:
    client.force_login(cast.outsider)
    response = client.get(URL)
    assert "U bent nog aan geen gemeente gekoppeld" in response.text
    assert "Geen pilots gevonden." in response.text


def test_filters_narrow_the_list_by_phase_scale_and_search(client: Client, cast: Cast) -> None:
    PilotFactory(
        gemeente=cast.pilot.gemeente,
        name="Lombok Noord",
        neighbourhood="Lombok",
        homes=320,
        phase=Phase.ONTWIKKELING,
    )
    client.force_login(cast.kwartiermaker)
    assert "Lombok Noord" not in client.get(URL, {"scale": "mini"}).text
    assert "Lombok Noord" in client.get(URL, {"scale": "kleinschalig"}).text
    assert "Hofje Oudwijk" not in client.get(URL, {"phase": "ontwikkeling"}).text
    assert "Hofje Oudwijk" in client.get(URL, {"q": "oudw"}).text
    assert "Lombok Noord" not in client.get(URL, {"q": "oudw"}).text


def test_an_invalid_filter_value_shows_everything_instead_of_failing(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(URL, {"phase": "<script>", "gemeente": "999999"})
    assert response.status_code == 200
    assert "Hofje Oudwijk" in response.text


def test_htmx_filter_returns_only_the_portfolio_fragment(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(
        URL, {"q": "Hofje"}, headers={"HX-Request": "true", "HX-Target": "portfolio"}
    )
    assert 'id="portfolio"' in response.text
    assert "<html" not in response.text
    assert "Hofje Oudwijk" in response.text


def test_portfolio_does_not_add_queries_per_pilot(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for pilot in PilotFactory.create_batch(60, gemeente=cast.pilot.gemeente):
        HouseholdFactory.create_batch(2, pilot=pilot)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert response.text.count("utrecht-table__row") == 51  # header row + the first 50 pilots
    assert len(many) == len(few) <= 12


def test_portfolio_pages_beyond_fifty_pilots(client: Client, cast: Cast) -> None:
    PilotFactory.create_batch(55, gemeente=cast.pilot.gemeente)
    client.force_login(cast.kwartiermaker)
    first = client.get(URL, {"sort": "name"})
    assert "Pagina 1 van 2" in first.text
    second = client.get(URL, {"sort": "name", "page": 2})
    assert second.text.count("utrecht-table__row") == 1 + 6


def test_portfolio_shows_signed_share_and_next_milestone(client: Client, cast: Cast) -> None:
    HouseholdFactory.create_batch(9, pilot=cast.pilot, commitment=Commitment.SIGNED)
    client.force_login(cast.kwartiermaker)
    response = client.get(URL)
    assert "50%" in response.text  # 9 of the pilot's 18 homes signed
    assert "Scope &amp; technisch concept scherp" in response.text  # first open milestone
