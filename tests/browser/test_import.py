import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pilots.models import Household
from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Windows-1252 with a semicolon and a Dutch decimal comma, as Excel on a Dutch PC saves it.
CSV = (
    "straat;huisnummer;toevoeging;postcode;woningtype;bouwjaar;gasverbruik_m3;commitment\r\n"
    "Kennedylaan;40;;3581 ab;Tussenwoning;1932;1.350;geïnteresseerd\r\n"
    "Kennedylaan;42;a;3581AB;Hoekwoning;1932;1.550;intentie\r\n"
).encode("cp1252")


def test_kwartiermaker_imports_a_csv_after_a_preview(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}{reverse('pilots:import', args=[cast.pilot.pk])}")
    page.get_by_label("Bestand (.csv of .xlsx)").set_input_files(
        {"name": "huishoudens.csv", "mimeType": "text/csv", "buffer": CSV}
    )
    page.get_by_role("button", name="Controleren").click()
    assert Household.objects.filter(pilot=cast.pilot).count() == 12  # nothing written yet
    page.get_by_role("button", name="2 rijen importeren").click()
    expect(page.get_by_role("status")).to_contain_text("2 huishoudens geïmporteerd")
    assert Household.objects.filter(pilot=cast.pilot).count() == 14
    corner = Household.objects.get(pilot=cast.pilot, house_number=42, suffix="A")
    assert corner.postcode == "3581AB"
    assert corner.commitment == "intent"
