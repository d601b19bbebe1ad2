"""The permission matrix: every named URL × every role → expected status.

"login" means a 302 to the log-in page. A pilot outside the user's gemeenten is a 404, never a
403, so existence is not revealed. Every later issue adds rows for its URLs; the completeness
test fails when a named URL has none.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pilots.models import GeneratedReport

from .conftest import Cast

ROLES = ("anonymous", "outsider", "kwartiermaker", "gemeente_utrecht", "gemeente_other", "admin")
LOGIN = "login"
# Namespaces that are ours; Django's admin has its own permission system and tests.
OUR_NAMESPACES = ("", "pilots", "techniek", "juridisch", "bewoners")


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    expected: dict[str, int | str]
    args: Callable[[Cast], list[object]] = lambda cast: []
    data: dict[str, str] | None = None


def _all(status: int | str) -> dict[str, int | str]:
    return dict.fromkeys(ROLES, status)


def _members(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {**_all(status), "anonymous": anonymous}


def _pilot(cast: Cast) -> list[object]:
    return [cast.pilot.pk]


# Import writes (kwartiermaker only); export reads (the gemeente may download).
_pilot_editors = {
    "anonymous": LOGIN,
    "outsider": 404,
    "kwartiermaker": 200,
    "gemeente_utrecht": 403,
    "gemeente_other": 404,
    "admin": 404,
}
_pilot_readers = {**_pilot_editors, "gemeente_utrecht": 200}


def _editors_then(status: int) -> dict[str, int | str]:
    """Editors get `status` (e.g. 422 for an empty post), others as editors."""
    return {**_pilot_editors, "kwartiermaker": status}


def _household(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.household.pk]


def _link(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.street_link.pk]


def _stored_report(cast: Cast) -> list[object]:
    report = GeneratedReport.objects.create(
        pilot=cast.pilot,
        fingerprint="0" * 12,
        calc_version="test",
        scenario="test",
        html_sha256="0" * 64,
        pdf=b"%PDF-1.7 stored",
        size_bytes=15,
    )
    return [cast.pilot.pk, report.pk]


def _parameter(cast: Cast) -> list[object]:
    return [cast.pilot.pk, "costs.borehole_eur_per_m"]


def _milestone(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.pilot.milestones.first().pk]


MATRIX = (
    Row("home", "GET", _all(302)),
    Row("login", "GET", _members(302, anonymous=200)),
    Row("logout", "GET", _all(405)),
    Row("logout", "POST", _all(302)),
    Row("set_language", "POST", _all(302), data={"language": "en", "next": "/"}),
    # Second factor (issue 10): without a pending log-in the code form sends the user on.
    Row("second_factor_verify", "GET", _members(302)),
    Row("second_factor_verify", "POST", _members(302)),
    Row("second_factor_setup", "GET", _members(200)),
    Row("second_factor_setup", "POST", _members(200)),
    Row("healthz", "GET", _all(200)),
    Row("readyz", "GET", _all(200)),
    Row("pilots:list", "GET", _members(200)),
    Row("pilots:list", "POST", _all(405)),
    Row(
        "pilots:detail",
        "GET",
        {
            "anonymous": LOGIN,
            "outsider": 404,
            "kwartiermaker": 200,
            "gemeente_utrecht": 200,
            "gemeente_other": 404,
            "admin": 404,
        },
        args=_pilot,
    ),
    Row("pilots:detail", "POST", _all(405), args=_pilot),
    # pilot tracking rows (issue 4): empty posts are invalid, so editors see the form again
    # (200) or, for inline edits without htmx, a redirect back to the pilot page (302).
    Row("pilots:phase_update", "GET", _pilot_editors, args=_pilot),
    Row("pilots:phase_update", "POST", _pilot_editors, args=_pilot),
    Row("pilots:household_create", "GET", _pilot_editors, args=_pilot),
    Row("pilots:household_create", "POST", _pilot_editors, args=_pilot),
    Row("pilots:household_edit", "GET", _pilot_editors, args=_household),
    Row("pilots:household_edit", "POST", _pilot_editors, args=_household),
    Row("pilots:household_commitment", "GET", _all(405), args=_household),
    Row("pilots:household_commitment", "POST", _editors_then(302), args=_household),
    Row("pilots:milestone_update", "GET", _all(405), args=_milestone),
    Row("pilots:milestone_update", "POST", _editors_then(302), args=_milestone),
    Row("pilots:regime", "GET", _pilot_readers, args=_pilot),
    Row("pilots:regime", "POST", _editors_then(422), args=_pilot),
    Row("pilots:regime_milestone", "GET", _all(405), args=_pilot),
    Row("pilots:regime_milestone", "POST", _editors_then(422), args=_pilot),
    # techniek tab (issue 5): an empty post is a valid "nothing known" site
    Row("pilots:techniek", "GET", _pilot_readers, args=_pilot),
    Row("pilots:techniek", "POST", _editors_then(302), args=_pilot),
    # business case (issue 6)
    # parameters tab (issue 5): an empty post is refused with a message and a redirect
    Row("pilots:parameters", "GET", _pilot_readers, args=_pilot),
    Row("pilots:parameters", "POST", _all(405), args=_pilot),
    Row("pilots:parameter_update", "GET", _all(405), args=_parameter),
    Row("pilots:parameter_update", "POST", _editors_then(302), args=_parameter),
    Row("pilots:business_case", "GET", _pilot_readers, args=_pilot),
    Row("pilots:business_case", "POST", _all(405), args=_pilot),
    Row("pilots:choose_scenario", "GET", _all(405), args=_pilot),
    Row("pilots:choose_scenario", "POST", _editors_then(422), args=_pilot),
    Row("pilots:report_pdf", "GET", _pilot_readers, args=_pilot),
    Row("pilots:report_pdf", "POST", _all(405), args=_pilot),
    Row("pilots:stored_report", "GET", _pilot_readers, args=_stored_report),
    Row("pilots:stored_report", "POST", _all(405), args=_stored_report),
    # resident links (issue 8): token URLs authenticate by the token alone, whoever is logged in
    Row("pilots:street_links", "GET", _pilot_readers, args=_pilot),
    Row("pilots:street_links", "POST", _editors_then(422), args=_pilot),
    Row("pilots:street_link_revoke", "GET", _all(405), args=_link),
    Row("pilots:street_link_revoke", "POST", _editors_then(302), args=_link),
    Row("pilots:household_link", "GET", _all(405), args=_household),
    Row("pilots:household_link", "POST", _pilot_editors, args=_household),
    Row("bewoners:street_dashboard", "GET", _all(200), args=lambda c: [c.street_token]),
    Row("bewoners:street_dashboard", "GET", _all(404), args=lambda c: [c.revoked_token]),
    Row("bewoners:street_dashboard", "POST", _all(405), args=lambda c: [c.street_token]),
    Row("bewoners:household", "GET", _all(200), args=lambda c: [c.household_token]),
    Row("bewoners:household", "GET", _all(404), args=lambda c: [c.street_token]),
    Row("bewoners:household", "POST", _all(400), args=lambda c: [c.household_token]),
    Row("bewoners:household_done", "GET", _all(200), args=lambda c: [c.household_token]),
    Row("bewoners:household_done", "GET", _all(404), args=lambda c: [c.revoked_token]),
    # juridisch rows
    Row("juridisch:regime_check", "GET", _members(200)),
    Row("juridisch:regime_check", "POST", _all(405)),
    Row("juridisch:organisation_models", "GET", _members(200)),
    Row("juridisch:organisation_models", "POST", _all(405)),
    Row("juridisch:gemeente_role", "GET", _members(200)),
    Row("juridisch:gemeente_role", "POST", _all(405)),
    # techniek rows
    Row("techniek:concepts", "GET", _members(200)),
    Row("techniek:concepts", "POST", _all(405)),
    Row("techniek:quickscan", "GET", _members(200)),
    Row("techniek:quickscan", "POST", _all(405)),
    # import/export rows
    Row("pilots:import", "GET", _pilot_editors, args=_pilot),
    Row("pilots:import", "POST", _editors_then(422), args=_pilot),
    Row("pilots:import", "PUT", _all(405), args=_pilot),
    Row("pilots:export", "GET", _pilot_readers, args=lambda cast: [cast.pilot.pk, "csv"]),
    Row("pilots:export", "GET", _pilot_readers, args=lambda cast: [cast.pilot.pk, "xlsx"]),
    Row("pilots:export", "POST", _all(405), args=lambda cast: [cast.pilot.pk, "csv"]),
    Row("pilots:import_template", "GET", _members(200), args=lambda cast: ["csv"]),
    Row("pilots:import_template", "GET", _members(200), args=lambda cast: ["xlsx"]),
    Row("pilots:import_template", "POST", _all(405), args=lambda cast: ["csv"]),
)

CASES = [
    pytest.param(row, role, id=f"{row.method} {row.name} as {role}")
    for row in MATRIX
    for role in ROLES
]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_permission_matrix(client: Client, cast: Cast, row: Row, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    url = reverse(row.name, args=row.args(cast))
    response = client.generic(
        row.method,
        url,
        data="&".join(f"{k}={v}" for k, v in (row.data or {}).items()),
        content_type="application/x-www-form-urlencoded",
    )
    expected = row.expected[role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected


def _named_urls(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            names |= _named_urls(entry, f"{inner}" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}:{entry.name}" if namespace else entry.name)
    return names


def test_every_named_url_has_a_row_in_the_matrix() -> None:
    ours = {
        name
        for name in _named_urls(get_resolver())
        if (name.split(":")[0] if ":" in name else "") in OUR_NAMESPACES
    }
    covered = {row.name for row in MATRIX}
    assert ours - covered == set(), "add rows to MATRIX for these URLs"
    assert covered - ours == set(), "MATRIX names URLs that no longer exist"
