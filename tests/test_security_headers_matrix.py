"""Security headers on every URL of the permission matrix, and production cookies and HSTS.

Walks every row of `MATRIX` for an anonymous visitor and a logged-in kwartiermaker, so a new
URL gets these checks as soon as it gets its permission row, whatever status it answers.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import Cast
from tests.factories import PASSWORD
from tests.test_permissions import MATRIX, Row

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("anonymous", "kwartiermaker")
CASES = [
    pytest.param(row, role, id=f"{row.method} {row.name} as {role}")
    for row in MATRIX
    for role in ROLES
]


def _request(client: Client, cast: Cast, row: Row) -> object:
    return client.generic(
        row.method,
        reverse(row.name, args=row.args(cast)),
        data="&".join(f"{k}={v}" for k, v in (row.data or {}).items()),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.mark.parametrize(("row", "role"), CASES)
def test_every_response_carries_the_security_headers(
    client: Client, cast: Cast, row: Row, role: str
) -> None:
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    response = _request(client, cast, row)
    csp = response.get("Content-Security-Policy", "")
    assert csp, f"no CSP on {row.method} {row.name} ({response.status_code})"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"same-origin", "no-referrer"}
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


# What warmtenet/settings.py makes of DJANGO_SECURE=true, read in a fresh interpreter because
# settings are fixed at import time.
SECURE_SETTINGS = (
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
)


@pytest.fixture(scope="module")
def production_settings() -> dict[str, object]:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {SECURE_SETTINGS!r}}}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "warmtenet.settings", "DJANGO_SECURE": "true"}
    for name in ("DJANGO_SSL_REDIRECT", "DJANGO_HSTS_SECONDS", "DJANGO_HSTS_PRELOAD"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_use_host_prefixed_secure_cookies_and_a_year_of_hsts(
    production_settings: dict[str, object],
) -> None:
    s = production_settings
    assert s["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert s["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert s["SESSION_COOKIE_SECURE"] is s["CSRF_COOKIE_SECURE"] is True
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True


def test_production_responses_set_host_cookies_and_hsts(
    cast: Cast, production_settings: dict[str, object]
) -> None:
    with override_settings(**production_settings):
        client = Client()  # middleware reads the settings when the client first loads it
        response = client.post(
            reverse("login"), {"username": "kwartiermaker", "password": PASSWORD}, secure=True
        )
        assert response.status_code == 302
        session = response.cookies[production_settings["SESSION_COOKIE_NAME"]]
        csrf = response.cookies[production_settings["CSRF_COOKIE_NAME"]]
        for cookie in (session, csrf):
            # __Host- cookies must be Secure, have path "/" and no Domain, or browsers drop them.
            assert cookie["secure"] is True
            assert cookie["path"] == "/"
            assert not cookie["domain"]
        assert session["httponly"] is True
        hsts = response["Strict-Transport-Security"]
        max_age = int(hsts.split("max-age=")[1].split(";")[0])
        assert max_age >= 31_536_000
        assert "includeSubDomains" in hsts
        # Plain http is sent to https before anything else happens.
        plain = client.get(reverse("login"))
        assert plain.status_code == 301
        assert plain["Location"].startswith("https://")


# Pages with households' addresses, the letter with a personal link, and the authenticator
# secret: no copy may stay in a browser or proxy cache (issue 16).
PERSONAL = (
    "pilots:detail",
    "pilots:household_create",
    "pilots:household_edit",
    "pilots:household_delete",
    "pilots:household_commitment",
    "pilots:household_link",
    "pilots:import",
    "pilots:export",
    "pilots:street_links",
    "second_factor_setup",
    "second_factor_verify",
)


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, id=f"{r.method} {r.name}") for r in MATRIX if r.name in PERSONAL],
)
def test_pages_with_personal_data_are_never_stored(client: Client, cast: Cast, row: Row) -> None:
    client.force_login(cast.kwartiermaker)
    response = _request(client, cast, row)
    if response.status_code == 405:
        return  # refused before the view
    assert "no-store" in response.get("Cache-Control", ""), (row.name, response.status_code)


def test_every_personal_page_is_in_the_matrix() -> None:
    assert set(PERSONAL) <= {r.name for r in MATRIX}
