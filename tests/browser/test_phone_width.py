"""At 360 px (a small phone) the business case and the new street link fit the screen
(issue 22): no sideways scrolling, the one-time link in full with a copy button, chart labels
that do not run into each other."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.test_regime_check import _log_in
from tests.conftest import Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 360
PAGE_WIDTH = "document.documentElement.scrollWidth"
# Bounding boxes of the marker labels of one plotly chart; any two that intersect overlap.
OVERLAPS = """el => {
  const boxes = [...el.querySelectorAll('.annotation')].map(a => a.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++;
  }
  return [boxes.length, n];
}"""


def test_business_case_and_flyer_fit_a_phone(
    watched_page: Page, live_server: object, cast: Cast
) -> None:
    page = watched_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    _log_in(page, live_server.url, "kwartiermaker")
    page.goto(live_server.url + reverse("pilots:business_case", args=[cast.pilot.pk]))
    curve = page.locator("[data-chart=chart-participation]")
    expect(curve.locator(".main-svg").first).to_be_visible()
    assert page.evaluate(PAGE_WIDTH) <= WIDTH
    labels, overlapping = curve.evaluate(OVERLAPS)
    assert labels >= 1
    assert overlapping == 0

    page.goto(live_server.url + reverse("pilots:street_links", args=[cast.pilot.pk]))
    assert page.evaluate(PAGE_WIDTH) <= WIDTH
    page.get_by_label("Naam op de pagina").fill("Kennedylaan")
    page.get_by_role("button", name="Link en flyer maken").click()
    link = page.locator("#link-url")
    expect(link).to_contain_text("/straat/")
    box = link.bounding_box()
    assert box["x"] + box["width"] <= WIDTH
    assert page.evaluate(PAGE_WIDTH) <= WIDTH
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Link kopiëren").click()
    expect(page.get_by_role("status").filter(has_text="klembord")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link.inner_text().strip()
