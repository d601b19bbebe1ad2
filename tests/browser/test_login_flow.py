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


def test_kwartiermaker_logs_in_sees_the_portfolio_and_switches_to_english(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _log_in(page, live_server.url, "kwartiermaker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Portfolio")
    expect(page.get_by_role("link", name="Hofje Oudwijk")).to_be_visible()
    expect(page.get_by_text("Kerckebosch")).to_have_count(0)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Hofje Oudwijk")

    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_search_filters_the_portfolio_without_a_page_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    from tests.factories import PilotFactory

    PilotFactory(gemeente=cast.pilot.gemeente, name="Lombok Noord", neighbourhood="Lombok")
    page = watched_page
    _log_in(page, live_server.url, "kwartiermaker")
    page.evaluate("window.__marker = 'same page'")
    page.get_by_label("Zoeken").fill("Lombok")
    expect(page.get_by_role("link", name="Hofje Oudwijk")).to_have_count(0)
    expect(page.get_by_role("link", name="Lombok Noord")).to_be_visible()
    assert page.evaluate("window.__marker") == "same page"
    assert "q=Lombok" in page.url


def test_skip_link_moves_focus_to_the_main_content(
    watched_page: Page, live_server: object, db: None
) -> None:
    page = watched_page
    page.goto(f"{live_server.url}/inloggen/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_kwartiermaker_switches_on_the_second_factor_and_logs_in_with_a_code(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def code(device: TOTPDevice, steps: int = 0) -> str:
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time() + steps * device.step
        return f"{totp.token():06d}"

    page = watched_page
    _log_in(page, live_server.url, "kwartiermaker")
    page.get_by_role("link", name="kwartiermaker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    expect(page.locator("figure svg")).to_be_visible()
    device = TOTPDevice.objects.get(user=cast.kwartiermaker)
    page.get_by_label("Code uit uw authenticator-app").fill(code(device))
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_test_id("second-factor-status")).to_contain_text("Staat aan sinds")

    page.get_by_role("button", name="Uitloggen").click()
    _log_in(page, live_server.url, "kwartiermaker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invoeren")
    page.get_by_label("Code uit uw authenticator-app").fill("12")
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("alert")).to_have_text("Vul de zes cijfers uit uw app in.")
    page.get_by_label("Code uit uw authenticator-app").fill(code(device, steps=1))
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Portfolio")
