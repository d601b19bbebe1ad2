"""No content-security error in the console while swapping with htmx and going Back/Forward."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()


def test_the_watch_reports_an_inline_style(
    page: Page, csp_violations: list[str], live_server: object, db: None
) -> None:
    # The fixture itself must be able to fail: an inline style attribute is refused.
    page.goto(f"{live_server.url}/inloggen/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    expect(page.locator("p[style]")).to_have_count(1)
    page.wait_for_function("true")  # let the violation event reach the binding
    page.reload()
    assert any("style-src" in v for v in csp_violations)
    csp_violations.clear()


def test_swaps_back_and_forward_keep_charts_and_raise_no_csp_error(
    page: Page, live_server: object, cast: Cast
) -> None:
    _log_in(page, live_server.url)
    page.get_by_label("Zoeken").fill("Hof")
    expect(page).to_have_url(re.compile(r"\?.*q=Hof"))
    page.get_by_role("link", name="Hofje Oudwijk").click()
    page.wait_for_load_state()  # htmx takes over the buttons once the page has loaded
    page.get_by_role("button", name="‘Financiering’ afvinken").click()
    expect(page.get_by_role("button", name="‘Financiering’ heropenen")).to_be_visible()
    page.get_by_role("navigation", name="Onderdelen van de pilot").get_by_role(
        "link", name="Businesscase"
    ).click()
    chart = page.locator("[data-chart=chart-monthly] .main-svg").first
    expect(chart).to_be_visible()
    model = page.get_by_label("Organisatiemodel", exact=True)
    model.select_option("marktpartner")
    expect(page).to_have_url(re.compile("org_model=marktpartner"))
    expect(chart).to_be_visible()

    page.go_back()  # htmx restores the business case as it was
    expect(model).to_have_value("cooperatie")
    expect(chart).to_be_visible()
    page.go_forward()
    expect(model).to_have_value("marktpartner")
    expect(chart).to_be_visible()
    page.go_back()
    page.go_back()  # the pilot page, with the milestone ticked
    expect(page.get_by_role("button", name="‘Financiering’ heropenen")).to_be_visible()
    page.go_back()
    expect(page.get_by_label("Zoeken")).to_have_value("Hof")
