import re

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


def _version(client: Client, cast: Cast) -> str:
    """The version the site form was shown with, as an editor's browser would post it."""
    page = client.get(_url(cast)).text
    return re.search(r'name="version" value="([0-9a-f]+)"', page).group(1)


def test_kwartiermaker_saves_the_street_length(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    data = {"street_length_m": "140", "waste_heat_kw": "0", "version": _version(client, cast)}
    response = client.post(_url(cast), data)
    assert response.status_code == 302
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m == 140
    assert "Straatlengte: 140 m." in client.get(_url(cast)).text


def test_bad_site_facts_get_a_dutch_message_and_change_nothing(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    data = {"street_length_m": "0", "waste_heat_kw": "-3", "version": _version(client, cast)}
    response = client.post(_url(cast), data)
    assert response.status_code == 422
    assert "Een straatlengte tussen 1 en 100.000 m" in response.text
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m is None


def test_gemeente_reader_cannot_change_site_facts(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert client.post(_url(cast), {"street_length_m": "140"}).status_code == 403
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m is None


def test_a_site_edit_over_someone_elses_is_refused_with_409(client: Client, cast: Cast) -> None:
    # Issue 16: the last write won silently. Two editors opened the form; the first saves.
    client.force_login(cast.kwartiermaker)
    seen = _version(client, cast)
    first = {"street_length_m": "140", "waste_heat_kw": "0", "version": seen}
    assert client.post(_url(cast), first).status_code == 302
    second = {"street_length_m": "90", "waste_heat_kw": "0", "version": seen}
    response = client.post(_url(cast), second)
    assert response.status_code == 409
    assert "iemand anders heeft de gegevens van de locatie intussen gewijzigd" in response.text
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m == 140
    assert 'value="140"' in response.text  # the form shows what is stored now


def test_a_site_edit_without_a_version_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"street_length_m": "140", "waste_heat_kw": "0"})
    assert response.status_code == 409
    assert Pilot.objects.get(pk=cast.pilot.pk).street_length_m is None
