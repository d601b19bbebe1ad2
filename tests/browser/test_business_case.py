import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests import processes
from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_model_and_participation_change_the_figures_without_reload(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}{reverse('pilots:business_case', args=[cast.pilot.pk])}")
    page.evaluate("window.__marker = 'same page'")
    monthly = page.get_by_test_id("network-monthly")
    before = monthly.inner_text()
    expect(page.locator("[data-chart=chart-monthly] .main-svg").first).to_be_visible()

    page.get_by_label("Organisatiemodel", exact=True).select_option("marktpartner")
    expect(monthly).not_to_have_text(before)
    expect(page.get_by_role("heading", name="Kerncijfers (Marktpartner / ESCO)")).to_be_visible()

    slider = page.get_by_label("Deelname (% van de woningen in het register)")
    slider.fill("50")
    slider.dispatch_event("change")
    expect(page.get_by_test_id("participants")).to_have_text("6")  # half of 12 households
    expect(page.locator("[data-chart=chart-monthly] .main-svg").first).to_be_visible()
    assert page.evaluate("window.__marker") == "same page"
    assert "participation_pct=50" in page.url


def test_the_report_page_follows_the_worker_until_the_pdf_is_ready(
    watched_page: Page, live_server: object, cast: Cast, database_tasks: None, tmp_path: object
) -> None:
    """Issue 17: the button queues the report; the page polls (htmx, strict CSP) through queued
    and rendering to the download while a real worker makes it, without a reload."""
    page = watched_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kwartiermaker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}{reverse('pilots:business_case', args=[cast.pilot.pk])}")
    page.get_by_test_id("report-pdf").click()
    job = page.get_by_test_id("report-job")
    expect(job).to_have_attribute("data-status", "queued")
    expect(page.get_by_role("progressbar", name="Voortgang")).to_be_visible()
    page.evaluate("window.__marker = 'same page'")
    worker = processes.worker(processes.environment(), tmp_path / "worker.log")
    try:
        expect(job).to_have_attribute("data-status", "ready", timeout=60_000)
    finally:
        worker.stop()
    assert page.evaluate("window.__marker") == "same page"
    with page.expect_download() as download:
        page.get_by_test_id("report-download").click()
    assert download.value.suggested_filename.startswith("businesscase-hofje-oudwijk-")
    expect(page.get_by_test_id("annex-xlsx")).to_be_visible()
