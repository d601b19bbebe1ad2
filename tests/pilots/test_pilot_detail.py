from django.test import Client
from django.urls import reverse

from tests.conftest import Cast


def test_kwartiermaker_sees_the_pilot_facts(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Hofje Oudwijk</h1>' in response.text
    assert "Mini (2–50)" in response.text
    assert "voorbehouden aan de kwartiermaker" not in response.text


def test_gemeente_reader_is_told_the_page_is_read_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert "wijzigen is voorbehouden aan de kwartiermaker" in response.text


def test_pilot_of_another_gemeente_is_not_found(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    assert client.get(reverse("pilots:detail", args=[cast.pilot.pk])).status_code == 404


def test_unknown_pilot_is_not_found(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    assert client.get(reverse("pilots:detail", args=[999_999])).status_code == 404
