"""The pilot's Juridisch tab as a kwartiermaker types: several fields, then one save."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from pilots.models import PilotRegimeFacts
from tests.browser.test_regime_check import _log_in
from tests.conftest import Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_edits_and_opslaan_keep_all_three_and_a_second_save_works(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    _log_in(page, live_server.url, "kwartiermaker")
    page.goto(live_server.url + reverse("pilots:regime", args=[cast.pilot.pk]))
    page.get_by_label("Aansluitingen nu").fill("3")
    page.get_by_label("Aansluitingen in het eindbeeld").fill("40")
    page.get_by_label("Bewonerscoöperatie (warmtegemeenschap)").fill("100")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Opgeslagen.")
    facts = PilotRegimeFacts.objects.get(pilot=cast.pilot)
    assert (facts.connections_now, facts.connections_expected) == (3, 40)
    assert facts.community_pct == 100

    page.get_by_label("Aansluitingen in het eindbeeld").fill("45")
    # "Opgeslagen." is still on screen from the first save: wait for the second answer itself.
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Opgeslagen.")
    expect(page.get_by_role("alert")).to_have_count(0)
    facts.refresh_from_db()
    assert facts.connections_expected == 45
    page.reload()
    expect(page.get_by_label("Aansluitingen in het eindbeeld")).to_have_value("45")
