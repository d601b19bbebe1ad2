"""Issue 18 end to end: a new kwartiermaker creates a pilot, adds its addresses from the
(recorded) register, sees them on the map and changes a commitment there; axe finds nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from pilots.models import Household, Role
from tests.factories import PASSWORD, GemeenteFactory, MemberFactory
from tests.register_server import RecordedServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Axe()


def _violations(page: Page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in AXE.run(page).response["violations"]
    ]


def test_new_user_fills_a_street_from_the_register_and_sees_it_on_the_map(
    watched_page: Page, live_server: object, register: RecordedServer
) -> None:
    MemberFactory(
        gemeente=GemeenteFactory(name="Utrecht"), role=Role.KWARTIERMAKER, username="anna"
    )
    page = watched_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Aan de slag")).to_be_visible()
    assert _violations(page) == []
    page.get_by_role("main").get_by_role("link", name="Nieuwe pilot").first.click()
    page.get_by_label("Naam").fill("Lindelaan")
    page.get_by_label("Aantal woningen").fill("14")
    page.get_by_role("button", name="Pilot aanmaken").click()
    expect(page.get_by_role("status")).to_contain_text("Pilot Lindelaan aangemaakt")

    page.get_by_role("link", name="Adressen uit het register").first.click()
    page.get_by_label("Postcode").fill("3572 AB")
    page.get_by_label("Van huisnummer").fill("1")
    page.get_by_label("Tot en met huisnummer").fill("20")
    page.get_by_role("button", name="Zoeken in het register").click()
    expect(page.get_by_role("heading", name="Voorvertoning")).to_be_visible()
    assert _violations(page) == []
    assert Household.objects.count() == 0  # the preview stores nothing
    page.get_by_role("button", name="14 adressen toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("14 huishoudens uit het adressenregister")

    page.get_by_role("link", name="Kaart").click()
    points = page.locator("#map-svg circle.map-point")
    expect(points).to_have_count(14)
    assert _violations(page) == []
    home = Household.objects.get(house_number=2)
    point = page.locator(f"#point-{home.pk}")
    expect(point).to_have_class("map-point map-point--unknown")
    page.get_by_label("Commitment van Lindelaan 2").select_option("signed")
    expect(point).to_have_class("map-point map-point--signed")
    home.refresh_from_db()
    assert home.commitment == "signed"
    assert _violations(page) == []


# A 1×1 transparent PNG for every background tile: the test machine has no internet.
TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000005000100e2c1a0f00000000049454e44ae426082"
)


def test_with_tiles_leaflet_draws_the_homes_on_the_background_map(
    watched_page: Page, live_server: object, cast: object, settings: object
) -> None:
    from django.urls import reverse

    from tests.factories import HouseholdFactory

    settings.WARMTENET_MAP_TILES = True
    csp = {**settings.SECURE_CSP}
    csp["img-src"] = [*csp["img-src"], "https://service.pdok.nl"]
    settings.SECURE_CSP = csp
    homes = [
        HouseholdFactory(
            pilot=cast.pilot,
            street="Lindelaan",
            house_number=i + 1,
            postcode="3572AB",
            rd_x=137_000.0 + 6.1 * i,
            rd_y=456_200.0,
        )
        for i in range(4)
    ]
    page = watched_page
    page.route("https://service.pdok.nl/**", lambda route: route.fulfill(body=TILE))
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}{reverse('pilots:map', args=[cast.pilot.pk])}")
    expect(page.locator("#leaflet-map")).to_be_visible()
    expect(page.locator("#map-svg")).to_be_hidden()
    markers = page.locator("#leaflet-map path.map-point")
    expect(markers).to_have_count(4)
    expect(page.locator("#leaflet-map img.leaflet-tile").first).to_be_attached()
    page.get_by_label("Commitment van Lindelaan 1").select_option("intent")
    expect(page.locator("#leaflet-map path.map-point--intent")).to_have_count(1)
    assert homes
