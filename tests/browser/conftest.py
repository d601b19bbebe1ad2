import pytest
from playwright.sync_api import Page

# Collects CSP violations in the page itself; it runs even under a strict policy.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


@pytest.fixture
def watched_page(page: Page) -> Page:
    page.add_init_script(CSP_WATCH)
    yield page
    assert page.evaluate("window.__cspViolations") == []
