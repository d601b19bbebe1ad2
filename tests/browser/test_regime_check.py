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


def test_changing_the_connection_count_changes_the_regime_without_a_page_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _log_in(page, live_server.url, "gemeente_utrecht")
    page.get_by_role("link", name="Wet collectieve warmte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Welk regime van de Wet collectieve warmte geldt?"
    )
    result = page.locator("#regime-result .app-regime-name")
    expect(result).to_have_text("Klein collectief: ontheffing van de gemeente")
    page.evaluate("window.__marker = 'same page'")

    connections = page.get_by_label("Aansluitingen in het eindbeeld")
    connections.fill("9")
    connections.press("Tab")  # change fires when the field loses focus
    expect(result).to_have_text("Beperkt gereguleerd: eigen initiatief mogelijk")
    assert "connections_expected=9" in page.url

    connections.fill("10")
    connections.press("Tab")
    expect(result).to_have_text("Klein collectief: ontheffing van de gemeente")
    expect(page.locator("#regime-result")).to_contain_text("Ontheffing aanvragen bij het college")

    # Shares above 100% together: the rules' Dutch message, in place of the result.
    page.get_by_label("Publiek (gemeente, provincie, netbeheerder)").fill("70")
    market = page.get_by_label("Marktpartij", exact=True)
    market.fill("40")
    market.press("Tab")
    alert = page.locator("#regime-result").get_by_role("alert")
    expect(alert).to_contain_text("De eigendomsaandelen zijn samen meer dan 100%.")
    assert page.evaluate("window.__marker") == "same page"
