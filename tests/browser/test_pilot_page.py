import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_pilot(page: Page, base: str, cast: Cast) -> None:
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.goto(f"{base}{cast.pilot.get_absolute_url()}")
    page.evaluate("window.__marker = 'same page'")


def test_inline_commitment_change_updates_participation_without_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _open_pilot(page, live_server.url, cast)
    signed = page.get_by_test_id("pct-signed")
    expect(signed).to_have_text("0%")
    page.get_by_label(f"Commitment van {cast.household.address}").select_option("signed")
    expect(signed).to_have_text("6%")  # 1 of 18 homes
    assert page.evaluate("window.__marker") == "same page"
    page.reload()
    expect(page.get_by_label(f"Commitment van {cast.household.address}")).to_have_value("signed")


def test_ticking_a_milestone_without_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _open_pilot(page, live_server.url, cast)
    tick = page.get_by_role("button", name="‘Financiering’ afvinken")
    tick.click()
    expect(page.get_by_role("button", name="‘Financiering’ heropenen")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert page.evaluate("window.__marker") == "same page"
    milestone = cast.pilot.milestones.get(title="Financiering")
    assert milestone.status == "done"
