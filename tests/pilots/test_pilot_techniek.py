from django.test import Client
from django.urls import reverse

from pilots.models import Pilot
from tests.conftest import Cast


def _url(cast: Cast) -> str:
    return reverse("pilots:techniek", args=[cast.pilot.pk])


def test_comparison_runs_on_the_pilots_own_households(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(_url(cast))
    assert response.status_code == 200
    assert "12 huishoudens uit het register" in response.text
    assert "Bodemlus variant ringnet" in response.text
    assert "De kwartiermaker houdt deze gegevens bij." in response.text


def test_kwartiermaker_saves_the_street_length(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"street_length_m": "140", "waste_heat_kw": "0"})
    assert response.status_code == 302
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m == 140
    assert "Straatlengte: 140 m." in client.get(_url(cast)).text


def test_bad_site_facts_get_a_dutch_message_and_change_nothing(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"street_length_m": "0", "waste_heat_kw": "-3"})
    assert response.status_code == 422
    assert "Een straatlengte tussen 1 en 100.000 m" in response.text
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m is None


def test_gemeente_reader_cannot_change_site_facts(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert client.post(_url(cast), {"street_length_m": "140"}).status_code == 403
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m is None
