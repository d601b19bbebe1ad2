import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()


def test_changing_the_street_length_updates_the_comparison_without_a_page_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _log_in(page, live_server.url, "gemeente_utrecht")
    page.get_by_role("link", name="Techniek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Technische concepten voor kleine warmtenetten"
    )
    page.get_by_role("link", name="Reken uw straat door in de quickscan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Quickscan: welk concept past bij deze straat?"
    )
    ring = page.locator('#comparison-table [data-testid="capex-bodemlus_ringnet"]')
    expect(ring).to_have_text(re.compile(r"^€ \d{3}\.\d{3}$"))  # the example street: 142 m
    before = ring.inner_text()
    expect(page.locator("#quickscan-result .app-chart svg.main-svg").first).to_be_visible()
    page.evaluate("window.__marker = 'same page'")

    street = page.get_by_label("Straatlengte (m)")
    street.fill("600")
    street.press("Tab")  # change fires when the field loses focus
    expect(page.get_by_test_id("m-per-home")).to_have_text("25 m")
    expect(ring).not_to_have_text(before)
    expect(page.locator("#comparison-table")).to_contain_text(
        "Meer dan 15 m straatleiding per woning"
    )
    # The chart was drawn again in the swapped fragment.
    expect(page.locator("#quickscan-result .app-chart svg.main-svg").first).to_be_visible()
    assert page.evaluate("window.__marker") == "same page"
    assert "street_length_m=600" in page.url

    street.fill("-5")
    street.press("Tab")
    expect(page.locator("#quickscan-result").get_by_role("alert")).to_contain_text(
        "Dit getal kan niet negatief zijn."
    )
    assert page.evaluate("window.__marker") == "same page"
