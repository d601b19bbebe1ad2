import re

from django.test import Client
from django.urls import reverse

from tests.conftest import Cast


def test_pages_carry_a_strict_csp_with_a_nonce(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("pilots:list"))
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert re.search(r"script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'", csp)


def test_pages_refuse_framing_and_limit_referrers_and_features(client: Client, db: None) -> None:
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_templates_contain_no_inline_scripts(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    html = client.get(reverse("pilots:list")).text
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag, f"inline script: {tag}"


def test_a_page_and_its_htmx_partial_are_cached_apart(client: Client, cast: Cast) -> None:
    # Both answer the same URL (hx-push-url); without Vary, Back shows the cached partial.
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:list") + "?q=Hof"
    full = client.get(url)
    partial = client.get(url, headers={"HX-Request": "true", "HX-Target": "portfolio"})
    assert "<html" in full.text
    assert "<html" not in partial.text
    for response in (full, partial):
        vary = {v.strip().lower() for v in response["Vary"].split(",")}
        assert {"hx-request", "hx-target"} <= vary
