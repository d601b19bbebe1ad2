from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Page

# Reports every CSP violation to the test the moment it happens. The binding lives outside the
# page, so a violation just before a navigation (Back, a redirect, a reload) is not lost with
# the document, and it works under our strict policy (bindings are not page scripts).
CSP_WATCH = """
document.addEventListener('securitypolicyviolation', e => {
  window.__reportCsp(e.violatedDirective + ' ' + (e.blockedURI || '-') + ' ' + (e.sample || ''));
});
// htmx refuses eval under allowEval=false instead of tripping the CSP: the same mistake.
document.addEventListener('htmx:evalDisallowedError', () => window.__reportCsp('htmx eval'));
"""


@pytest.fixture
def csp_violations() -> list[str]:
    return []


@pytest.fixture
def page(page: Page, csp_violations: list[str]) -> Iterator[Page]:
    """Every browser test fails on a content-security error, in the page or on the console."""

    def on_console(message: ConsoleMessage) -> None:
        # Chromium also logs each refusal ("Refused to apply inline style because it violates
        # the following Content Security Policy directive ..."), workers and iframes included.
        if message.type == "error" and "Content Security Policy" in message.text:
            csp_violations.append(message.text)

    page.expose_binding("__reportCsp", lambda _source, text: csp_violations.append(text))
    page.add_init_script(CSP_WATCH)
    page.on("console", on_console)
    yield page
    assert csp_violations == []


@pytest.fixture
def watched_page(page: Page) -> Page:
    # The older name; every `page` is watched now.
    return page
