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


def test_overriding_a_parameter_inline_without_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _open_pilot(page, live_server.url, cast)
    page.get_by_role("link", name="Aannames").click()
    page.evaluate("window.__marker = 'same page'")
    row = page.locator("#p-costs-borehole-eur-per-m")
    expect(row).to_be_hidden()  # groups start folded
    page.get_by_label("Zoek een parameter").fill("boren")
    expect(page.get_by_role("status").filter(has_text="gevonden")).to_have_text(
        "1 parameter gevonden voor ‘boren’."
    )
    expect(row).to_be_visible()
    row.get_by_text("Wijzigen").click()
    row.get_by_label("Waarde voor deze pilot").fill("62,5")
    row.get_by_label("Bron of toelichting").fill("offerte mei 2026")
    row.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("value-costs.borehole_eur_per_m")).to_contain_text("€ 62,5/m")
    expect(page.locator("#override-count")).to_have_text("1 eigen waarde")
    assert page.evaluate("window.__marker") == "same page"
    assert cast.pilot.overrides.get().value == 62.5
    # A value out of range is refused in place, with the range in the message.
    row = page.locator("#p-costs-borehole-eur-per-m")
    row.get_by_text("Wijzigen").click()
    row.get_by_label("Waarde voor deze pilot").fill("5")
    row.get_by_role("button", name="Opslaan").click()
    expect(row.get_by_role("alert")).to_have_text("Kies een waarde tussen € 20/m en € 200/m.")
    assert cast.pilot.overrides.get().value == 62.5
