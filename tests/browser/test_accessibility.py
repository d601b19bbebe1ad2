"""axe-core (bundled by axe-playwright-python) on the pages residents and staff use."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page

from pilots.models import HouseholdLink
from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Axe()


def _violations(page: Page, serious_only: bool = False) -> list[str]:
    results = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in results
        if not serious_only or v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["", "en"])
def test_street_dashboard_has_no_axe_violations(
    watched_page: Page, live_server: object, cast: Cast, width: int, lang: str
) -> None:
    page = watched_page
    page.set_viewport_size({"width": width, "height": 900})
    url = reverse("bewoners:street_dashboard", args=[cast.street_token])
    query = "?building_type=mid_terrace&period=before_1945&gas_m3=1400" + (
        f"&lang={lang}" if lang else ""
    )
    page.goto(f"{live_server.url}{url}{query}")
    assert _violations(page) == []


@pytest.mark.parametrize("lang", ["", "en"])
def test_personal_page_has_no_axe_violations(
    watched_page: Page, live_server: object, cast: Cast, lang: str
) -> None:
    _link, raw = HouseholdLink.issue(cast.household)
    suffix = "?lang=en" if lang else ""
    watched_page.goto(f"{live_server.url}{reverse('bewoners:household', args=[raw])}{suffix}")
    assert _violations(watched_page) == []


def test_resident_chooses_by_keyboard_only(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    _link, raw = HouseholdLink.issue(cast.household)
    page = watched_page
    page.goto(f"{live_server.url}{reverse('bewoners:household', args=[raw])}")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # language link
    page.keyboard.press("Tab")  # first radio button
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bevestigd/")
    assert "Geïnteresseerd" in page.content()


def _log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/pilots/")


def test_flyer_has_no_axe_violations(watched_page: Page, live_server: object, cast: Cast) -> None:
    page = watched_page
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}{reverse('pilots:street_links', args=[cast.pilot.pk])}")
    page.get_by_role("button", name="Link en flyer maken").click()
    page.get_by_role("article").wait_for()
    assert _violations(page) == []


@pytest.mark.parametrize(
    "name",
    [
        "pilots:list",
        "pilots:detail",
        "pilots:business_case",
        "pilots:regime",
        "pilots:parameters",
        "pilots:lessons",
        "pilots:documents",
        "second_factor_setup",
    ],
)
def test_staff_pages_have_no_serious_axe_violations(
    watched_page: Page, live_server: object, cast: Cast, name: str
) -> None:
    page = watched_page
    _log_in(page, live_server.url)
    args = [] if name in ("pilots:list", "second_factor_setup") else [cast.pilot.pk]
    page.goto(f"{live_server.url}{reverse(name, args=args)}")
    page.wait_for_load_state("networkidle")
    assert _violations(page, serious_only=True) == []


def test_programme_view_has_no_axe_violations(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    """Issue 20: axe 0 (every impact) on the programme view, charts drawn, with a lesson."""
    from pilots.models import Lesson

    Lesson.objects.create(
        pilot=cast.pilot, phase="kwartiermaken", theme="proces", title="Huisbezoek werkt"
    )
    page = watched_page
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}{reverse('pilots:programme')}")
    page.wait_for_load_state("networkidle")
    page.locator("[data-chart='chart-cost'] .main-svg").first.wait_for()
    assert "Huisbezoek werkt" in page.content()
    assert _violations(page) == []
