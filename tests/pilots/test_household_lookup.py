"""Households from the address register (issue 18), against recorded PDOK/EP-Online answers
served on localhost (tests/register_server.py). Failures store nothing."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from pilots.models import BuildingType, Household
from pilots.register import AddressQuery, PdokRegister, RegisterError
from tests.conftest import Cast
from tests.factories import HouseholdFactory
from tests.register_server import RecordedServer, Recording

BY_POSTCODE = {"postcode": "3572 ab", "first": "1", "last": "20"}
BY_STREET = {"street": "Lindelaan", "city": "Utrecht"}


def _url(cast: Cast) -> str:
    return reverse("pilots:lookup", args=[cast.pilot.pk])


def _confirm(client: Client, cast: Cast, preview_html: str) -> object:
    token = re.search(r'name="token" value="([^"]+)"', preview_html).group(1)
    return client.post(_url(cast), {"step": "confirm", "token": token})


def _lindelaan(cast: Cast) -> list[Household]:
    return list(cast.pilot.households.filter(street="Lindelaan"))


def test_postcode_range_previews_then_adds_the_homes_with_positions(
    client: Client, cast: Cast, register: RecordedServer
) -> None:
    client.force_login(cast.kwartiermaker)
    preview = client.post(_url(cast), BY_POSTCODE)
    assert preview.status_code == 200
    assert "14 adressen toevoegen" in preview.text
    assert "1 adres heeft geen woonfunctie" in preview.text  # the shop at number 1
    assert _lindelaan(cast) == []  # a preview stores nothing
    assert _confirm(client, cast, preview.text).status_code == 302
    homes = {h.street_address: h for h in _lindelaan(cast)}
    assert len(homes) == 14
    seven = homes["Lindelaan 7-A"]
    assert (seven.construction_year, seven.bag_id) == (1932, "0344010000123407")
    assert seven.rd_x == pytest.approx(137012.35 + 6 * 6.1 + 1.8)
    # 12-1 and 12-2 share a pand: flats; a house of its own is a tussenwoning by default.
    assert homes["Lindelaan 12-1"].building_type == BuildingType.APARTMENT_LOW
    assert homes["Lindelaan 12-1"].floor_area_m2 == 58
    assert homes["Lindelaan 2"].building_type == BuildingType.MID_TERRACE
    assert homes["Lindelaan 2"].energy_label == ""  # no EP-Online key set


def test_street_lookup_finds_the_same_homes(
    client: Client, cast: Cast, register: RecordedServer
) -> None:
    client.force_login(cast.kwartiermaker)
    preview = client.post(_url(cast), BY_STREET)
    assert "14 adressen toevoegen" in preview.text
    assert "Lindelaan 12-2, 3572AB Utrecht" in preview.text


def test_energy_labels_come_from_ep_online_when_a_key_is_set(
    client: Client, cast: Cast, register: RecordedServer, settings: object
) -> None:
    settings.WARMTENET_EP_ONLINE_API_KEY = "test-ep-key"
    client.force_login(cast.kwartiermaker)
    _confirm(client, cast, client.post(_url(cast), BY_POSTCODE).text)
    labels = dict(
        cast.pilot.households.filter(street="Lindelaan").values_list("house_number", "energy_label")
    )
    assert (labels[2], labels[5], labels[4]) == ("C", "A", "")  # A+ counts as A; 4 has none


def test_no_ep_online_requests_without_a_key(
    client: Client, cast: Cast, register: RecordedServer
) -> None:
    client.force_login(cast.kwartiermaker)
    client.post(_url(cast), BY_POSTCODE)
    assert register.requests
    assert not any("/ep/" in r for r in register.requests)


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("down", "is nu niet beschikbaar (status 503)"),
        ("slow", "antwoordt niet binnen 0.3 seconden"),
        ("malformed", "gaf een onverwacht antwoord"),
        ("garbage", "gaf een onverwacht antwoord"),
    ],
)
def test_a_failing_register_gives_a_clear_message_and_stores_nothing(
    client: Client, cast: Cast, register: RecordedServer, mode: str, message: str
) -> None:
    register.mode = mode
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), BY_POSTCODE)
    assert response.status_code == 502
    assert message in response.text
    assert "Er is niets opgeslagen" in response.text
    assert 'name="token"' not in response.text
    assert cast.pilot.households.count() == 12


def test_an_unreachable_register_gives_a_clear_message(
    client: Client, cast: Cast, register: RecordedServer, settings: object
) -> None:
    register.stop()
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), BY_POSTCODE)
    assert response.status_code == 502
    assert "is nu niet bereikbaar" in response.text


def test_a_tampered_preview_stores_nothing(
    client: Client, cast: Cast, register: RecordedServer
) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"step": "confirm", "token": "x" * 40})
    assert response.status_code == 422
    assert "verlopen of ongeldig" in response.text
    assert _lindelaan(cast) == []


def test_existing_household_keeps_its_data_and_gets_its_position(
    client: Client, cast: Cast, register: RecordedServer
) -> None:
    own = HouseholdFactory(
        pilot=cast.pilot,
        street="Lindelaan",
        house_number=5,
        postcode="3572AB",
        building_type=BuildingType.END_TERRACE,
    )
    client.force_login(cast.kwartiermaker)
    preview = client.post(_url(cast), BY_POSTCODE)
    assert "13 adressen toevoegen" in preview.text
    assert "de positie aangevuld" in preview.text
    _confirm(client, cast, preview.text)
    own.refresh_from_db()
    assert own.building_type == BuildingType.END_TERRACE
    assert own.rd_x is not None
    assert own.bag_id == "0344010000123404"


def test_the_form_asks_for_a_postcode_or_a_street(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"street": "Lindelaan"})
    assert response.status_code == 422
    assert "of een straat met de woonplaats" in response.text
    bad = client.post(_url(cast), {"postcode": "3572", "first": "9", "last": "3"})
    assert bad.status_code == 422


def test_adapter_pages_through_both_services() -> None:
    server = RecordedServer(Recording.long_street(1_200))
    try:
        settings = server.settings()
        register = PdokRegister(
            locatieserver_url=settings["WARMTENET_PDOK_LOCATIESERVER_URL"],
            bag_url=settings["WARMTENET_PDOK_BAG_URL"],
            timeout_s=2,
        )
        found = register.lookup(AddressQuery(street="Lindelaan", city="Utrecht"))
        assert len(found) == 1_200
        assert all(a.construction_year == 1932 for a in found)
        assert sum("/free?" in r for r in server.requests) == 12  # 100 rows a page
        assert sum("/items?" in r for r in server.requests) == 2  # a `next` link followed
        server.recording = Recording.long_street(1_501)
        with pytest.raises(RegisterError, match="ten hoogste"):
            register.lookup(AddressQuery(street="Lindelaan", city="Utrecht"))
    finally:
        server.stop()
