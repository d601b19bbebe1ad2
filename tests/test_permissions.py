"""The permission matrix: every named URL × every role → expected status.

"login" means a 302 to the log-in page. A pilot outside the user's gemeenten is a 404, never a
403, so existence is not revealed. Every later issue adds rows for its URLs; the completeness
test fails when a named URL has none.

Data minimisation (issue 21): only the kwartiermaker sees personal data. Every answer to any
other role (gemeente staff above all) is searched for the pilot's addresses and postcodes,
in HTML, CSV, XLSX and PDF alike, and a row fails when one shows up.
"""

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

import docx
import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from pilots.models import GeneratedReport, Invitation, Lesson, ReportJob, Role

from .conftest import Cast
from .factories import PASSWORD, UserFactory

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
    headers: dict[str, str] | None = None


def _all(status: int | str) -> dict[str, int | str]:
    return dict.fromkeys(ROLES, status)


def _members(status: int | str, anonymous: int | str = LOGIN) -> dict[str, int | str]:
    return {**_all(status), "anonymous": anonymous}


def _pilot(cast: Cast) -> list[object]:
    return [cast.pilot.pk]


# Import writes and export reads personal data: kwartiermaker only (issue 21).
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


def _readers(status: int) -> dict[str, int]:
    return {"kwartiermaker": status, "gemeente_utrecht": status}


def _report_job(cast: Cast) -> list[object]:
    job = ReportJob.objects.create(pilot=cast.pilot, requested_by=cast.kwartiermaker, language="nl")
    return [cast.pilot.pk, job.pk]


def _household(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.household.pk]


def _link(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.street_link.pk]


def _empty_workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def _stored_report(cast: Cast) -> list[object]:
    report = GeneratedReport.objects.create(
        pilot=cast.pilot,
        fingerprint="0" * 12,
        calc_version="test",
        scenario="test",
        html_sha256="0" * 64,
        pdf=b"%PDF-1.7 stored",
        size_bytes=15,
        annex_pdf=b"%PDF-1.7 stored annex",
        annex_xlsx=_empty_workbook(),
    )
    return [cast.pilot.pk, report.pk]


def _annex(cast: Cast) -> list[object]:
    _stored_report(cast)
    return [cast.pilot.pk, "0" * 12]


def _parameter(cast: Cast) -> list[object]:
    return [cast.pilot.pk, "costs.borehole_eur_per_m"]


def _readers_then(status: int) -> dict[str, int | str]:
    return {**_pilot_readers, "kwartiermaker": status, "gemeente_utrecht": status}


def _with_concept(cast: Cast, doc: str, fmt: str, org_model: str = "") -> list[object]:
    cast.pilot.concept, cast.pilot.org_model = "bodemlus_cluster", org_model
    cast.pilot.save(update_fields=["concept", "org_model"])
    return [cast.pilot.pk, doc, fmt]


def _lesson(cast: Cast) -> list[object]:
    lesson = Lesson.objects.create(
        pilot=cast.pilot, phase="kwartiermaken", theme="proces", title="Les"
    )
    return [cast.pilot.pk, lesson.pk]


def _milestone(cast: Cast) -> list[object]:
    return [cast.pilot.pk, cast.pilot.milestones.first().pk]


# Creating pilots and inviting colleagues needs a kwartiermaker membership, whatever the pilot.
_kwartiermakers = {**_all(403), "anonymous": LOGIN, "kwartiermaker": 200}


def _invitation(cast: Cast) -> list[object]:
    invitation, _raw = Invitation.issue(
        cast.pilot.gemeente, role=Role.GEMEENTE, email="collega@utrecht.nl", created_by=None
    )
    return [invitation.pk]


def _invitation_token(cast: Cast) -> list[object]:
    _invitation, raw = Invitation.issue(
        cast.pilot.gemeente, role=Role.GEMEENTE, email="collega@utrecht.nl", created_by=None
    )
    return [raw]


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
    # pilot lifecycle and colleagues (issue 18): empty posts are refused (422) for kwartiermakers
    Row("pilots:create", "GET", _kwartiermakers),
    Row("pilots:create", "POST", {**_kwartiermakers, "kwartiermaker": 422}),
    Row("pilots:edit", "GET", _pilot_editors, args=_pilot),
    Row("pilots:edit", "POST", _editors_then(422), args=_pilot),
    Row("pilots:archive", "GET", _all(405), args=_pilot),
    Row("pilots:archive", "POST", _editors_then(302), args=_pilot),
    Row("pilots:invitations", "GET", _kwartiermakers),
    Row("pilots:invitations", "POST", {**_kwartiermakers, "kwartiermaker": 422}),
    Row("pilots:invitation_revoke", "GET", _all(405), args=_invitation),
    Row(
        "pilots:invitation_revoke",
        "POST",
        {**_kwartiermakers, "kwartiermaker": 302},
        args=_invitation,
    ),
    # the invitation link authenticates by its token alone, like the resident links
    Row("invitation_accept", "GET", _all(200), args=_invitation_token),
    Row("invitation_accept", "GET", _all(404), args=lambda cast: ["x" * 43]),
    Row("invitation_accept", "POST", _all(422), args=_invitation_token),
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
    # the households table alone (htmx paging): addresses, so not for the gemeente (issue 21)
    Row(
        "pilots:detail",
        "GET",
        {**_pilot_editors, "gemeente_utrecht": 403},
        args=_pilot,
        headers={"HX-Request": "true", "HX-Target": "households"},
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
    # register and plan area in step (issue 22)
    Row("pilots:household_delete", "GET", _pilot_editors, args=_household),
    Row("pilots:household_delete", "POST", _editors_then(302), args=_household),
    Row("pilots:plan_area", "GET", _pilot_editors, args=_pilot),
    Row("pilots:plan_area", "POST", _editors_then(422), args=_pilot),
    Row("pilots:household_commitment", "GET", _all(405), args=_household),
    Row("pilots:household_commitment", "POST", _editors_then(302), args=_household),
    Row("pilots:milestone_update", "GET", _all(405), args=_milestone),
    Row("pilots:milestone_update", "POST", _editors_then(302), args=_milestone),
    Row("pilots:regime", "GET", _pilot_readers, args=_pilot),
    Row("pilots:regime", "POST", _editors_then(422), args=_pilot),
    Row("pilots:regime_milestone", "GET", _all(405), args=_pilot),
    Row("pilots:regime_milestone", "POST", _editors_then(422), args=_pilot),
    # techniek tab (issue 5): an empty post has no version, refused as a lost update (issue 16)
    Row("pilots:techniek", "GET", _pilot_readers, args=_pilot),
    Row("pilots:techniek", "POST", _editors_then(409), args=_pilot),
    Row("pilots:simultaneity_update", "GET", _all(405), args=_pilot),
    Row("pilots:simultaneity_update", "POST", _editors_then(302), args=_pilot),
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
    # making a report stores it: a POST (issue 16); anonymous GET is refused before log-in
    Row("pilots:report_pdf", "GET", _all(405), args=_pilot),
    # the report is made as a task (issue 17): the POST sends to the job's progress page
    Row("pilots:report_pdf", "POST", {**_pilot_readers, **_readers(303)}, args=_pilot),
    Row("pilots:report_job", "GET", _pilot_readers, args=_report_job),
    Row("pilots:report_job", "POST", _all(405), args=_report_job),
    Row("pilots:annex_pdf", "GET", _pilot_readers, args=_annex),
    Row("pilots:annex_pdf", "POST", _all(405), args=_annex),
    Row("pilots:annex_xlsx", "GET", _pilot_readers, args=_annex),
    Row("pilots:annex_xlsx", "POST", _all(405), args=_annex),
    Row("pilots:stored_report", "GET", _pilot_readers, args=_stored_report),
    Row("pilots:stored_report", "POST", _all(405), args=_stored_report),
    # resident links (issue 8): token URLs authenticate by the token alone, whoever is logged in
    Row("pilots:street_links", "GET", _pilot_readers, args=_pilot),
    Row("pilots:street_links", "POST", _editors_then(422), args=_pilot),
    Row("pilots:resident_preview", "GET", _pilot_readers, args=_pilot),
    Row("pilots:resident_preview", "POST", _all(405), args=_pilot),
    Row("pilots:street_link_revoke", "GET", _all(405), args=_link),
    Row("pilots:street_link_revoke", "POST", _editors_then(302), args=_link),
    Row("pilots:household_link", "GET", _all(405), args=_household),
    Row("pilots:household_link", "POST", _pilot_editors, args=_household),
    # programme and lessons (issue 20): everyone logged in sees the programme of their pilots
    Row("pilots:programme", "GET", _members(200)),
    Row("pilots:programme", "POST", _all(405)),
    Row("pilots:programme_export", "GET", _members(200), args=lambda cast: ["csv"]),
    Row("pilots:programme_export", "GET", _members(200), args=lambda cast: ["xlsx"]),
    Row("pilots:programme_export", "POST", _all(405), args=lambda cast: ["csv"]),
    Row("pilots:lessons", "GET", _pilot_readers, args=_pilot),
    Row("pilots:lessons", "POST", _editors_then(422), args=_pilot),
    Row("pilots:lesson_edit", "GET", _pilot_editors, args=_lesson),
    Row("pilots:lesson_edit", "POST", _editors_then(422), args=_lesson),
    Row("pilots:lesson_delete", "GET", _all(405), args=_lesson),
    Row("pilots:lesson_delete", "POST", _editors_then(302), args=_lesson),
    # documents (issue 20): readers download; without a chosen concept the tab says why (409)
    Row("pilots:documents", "GET", _pilot_readers, args=_pilot),
    Row("pilots:documents", "POST", _all(405), args=_pilot),
    Row(
        "pilots:document", "GET", _readers_then(409), args=lambda c: [c.pilot.pk, "bestek", "docx"]
    ),
    Row(
        "pilots:document", "GET", _pilot_readers, args=lambda c: _with_concept(c, "bestek", "docx")
    ),
    Row("pilots:document", "GET", _pilot_readers, args=lambda c: _with_concept(c, "bestek", "pdf")),
    Row("pilots:document", "POST", _all(405), args=lambda c: _with_concept(c, "bestek", "pdf")),
    Row(
        "pilots:document",
        "GET",
        _readers_then(409),
        args=lambda c: [c.pilot.pk, "ledenovereenkomst", "docx"],
    ),
    Row(
        "pilots:document",
        "GET",
        _pilot_readers,
        args=lambda c: _with_concept(c, "ledenovereenkomst", "docx", "zelfbeheer"),
    ),
    Row(
        "pilots:document",
        "GET",
        _pilot_readers,
        args=lambda c: _with_concept(c, "statuten", "docx", "zelfbeheer"),
    ),
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
    # the street map (issue 18): staff read it, residents have no route to it
    Row("pilots:map", "GET", _pilot_editors, args=_pilot),
    Row("pilots:map", "POST", _all(405), args=_pilot),
    # address register lookup (issue 18): an empty search is refused before any request
    Row("pilots:lookup", "GET", _pilot_editors, args=_pilot),
    Row("pilots:lookup", "POST", _editors_then(422), args=_pilot),
    # import/export rows
    Row("pilots:import", "GET", _pilot_editors, args=_pilot),
    Row("pilots:import", "POST", _editors_then(422), args=_pilot),
    Row("pilots:import", "PUT", _all(405), args=_pilot),
    Row("pilots:export", "GET", _pilot_editors, args=lambda cast: [cast.pilot.pk, "csv"]),
    Row("pilots:export", "GET", _pilot_editors, args=lambda cast: [cast.pilot.pk, "xlsx"]),
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
        headers=row.headers,
    )
    expected = row.expected[role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected
    # Resident token pages authenticate by the token, whoever is logged in: not a role's view;
    # the import template holds one invented example row (exports.EXAMPLE), no pilot's data.
    if role in NO_PERSONAL_DATA and row.name not in NOT_PILOT_DATA:
        assert _addresses_in(response, cast) == [], f"{role} reaches an address"


# Roles that never see an address: gemeente staff read aggregates only (issue 21).
NO_PERSONAL_DATA = ("gemeente_utrecht", "gemeente_other", "outsider", "admin")
NOT_PILOT_DATA = {
    "bewoners:street_dashboard",
    "bewoners:household",
    "bewoners:household_done",
    "pilots:import_template",
}


def _text_of(response: object) -> str:
    """What a reader sees in the response: HTML/CSV text, the cells of an XLSX, a PDF's text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if content.startswith(b"%PDF") and b"stored" not in content[:20]:
        if not shutil.which("pdftotext"):
            pytest.skip("poppler's pdftotext is not installed")
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
        )
        return done.stdout.decode()
    if "wordprocessingml" in content_type:
        document = docx.Document(io.BytesIO(content))
        cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    if content.startswith(b"PK\x03\x04") or "spreadsheetml" in content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        cells = [c for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row]
        return " ".join(str(cell) for cell in cells if cell is not None)
    # CSV cells side by side read as the address they are: "Kennedylaan;12" → "Kennedylaan 12".
    return re.sub(r'[;,\t"]', " ", content.decode(errors="replace"))


def _addresses_in(response: object, cast: Cast) -> list[str]:
    text = re.sub(r"\s+", " ", _text_of(response))
    found = []
    for household in cast.pilot.households.all():
        postcode = f"{household.postcode[:4]} ?{household.postcode[4:]}"
        number = rf"{re.escape(household.street)} {household.house_number}\b"
        found += [m.group(0) for p in (number, postcode) if (m := re.search(p, text, re.I))]
    return sorted(set(found))


def test_the_address_check_finds_an_address(client: Client, cast: Cast) -> None:
    """The check above can fail: the kwartiermaker's export does hold the addresses."""
    client.force_login(cast.kwartiermaker)
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("pilots:export", args=[cast.pilot.pk, fmt]))
        assert cast.household.street_address in " ".join(_addresses_in(response, cast))
    page = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert _addresses_in(page, cast)


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


# --- The Django admin (issue 16) ------------------------------------------------------------------
# Its own permission system decides what staff may change; these rows pin who gets in at all. A
# superuser with an authenticator app gets in only with a session that passed the code step.

ADMIN_ROLES = ("anonymous", "kwartiermaker", "admin", "admin_password_only", "admin_with_code")
ADMIN_LOGIN = "admin_login"  # a 302 to the admin's log-in URL, which sends on to the app's
INDEX = "index"  # a 302 to the admin index


@dataclass(frozen=True)
class AdminRow:
    name: str
    method: str
    expected: dict[str, int | str]
    args: Callable[[Cast], list[object]] = lambda cast: []
    data: str = ""


def _staff_only(staff: int) -> dict[str, int | str]:
    return {
        "anonymous": ADMIN_LOGIN,
        "kwartiermaker": ADMIN_LOGIN,
        "admin": staff,
        "admin_password_only": ADMIN_LOGIN,
        "admin_with_code": staff,
    }


def _device_of(cast: Cast) -> list[object]:
    return [TOTPDevice.objects.get(user__username="admin_password_only").pk]


ADMIN_MATRIX = (
    AdminRow("admin:index", "GET", _staff_only(200)),
    AdminRow(
        "admin:login",
        "GET",
        {
            "anonymous": LOGIN,
            "kwartiermaker": 403,
            "admin": INDEX,
            "admin_password_only": LOGIN,
            "admin_with_code": INDEX,
        },
    ),
    AdminRow(
        "admin:login",
        "POST",
        {
            "anonymous": LOGIN,
            "kwartiermaker": 403,
            "admin": INDEX,
            "admin_password_only": LOGIN,
            "admin_with_code": INDEX,
        },
    ),
    AdminRow("admin:auth_user_changelist", "GET", _staff_only(200)),
    AdminRow("admin:otp_totp_totpdevice_changelist", "GET", _staff_only(200)),
    AdminRow("admin:otp_totp_totpdevice_delete", "GET", _staff_only(200), args=_device_of),
    AdminRow(
        "admin:otp_totp_totpdevice_delete",
        "POST",
        _staff_only(302),
        args=_device_of,
        data="post=yes",
    ),
    AdminRow("admin:auditlog_logentry_changelist", "GET", _staff_only(200)),
    AdminRow("admin:pilots_household_changelist", "GET", _staff_only(200)),
    AdminRow("admin:password_change", "GET", _staff_only(200)),
)


@pytest.fixture
def admins(cast: Cast) -> dict[str, User]:
    """Two more superusers with an authenticator app: one logged in with the password only (a
    session that skipped the code step), one whose session passed it."""
    password_only = UserFactory(username="admin_password_only", is_staff=True, is_superuser=True)
    with_code = UserFactory(username="admin_with_code", is_staff=True, is_superuser=True)
    for user in (password_only, with_code):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return {
        "kwartiermaker": cast.kwartiermaker,
        "admin": cast.admin,
        "admin_password_only": password_only,
        "admin_with_code": with_code,
    }


def _log_in_as(client: Client, user: User) -> None:
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None and user.username == "admin_with_code":
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


ADMIN_CASES = [
    pytest.param(row, role, id=f"{row.method} {row.name} as {role}")
    for row in ADMIN_MATRIX
    for role in ADMIN_ROLES
]


@pytest.mark.parametrize(("row", "role"), ADMIN_CASES)
def test_admin_matrix(
    client: Client, cast: Cast, admins: dict[str, User], row: AdminRow, role: str
) -> None:
    if role != "anonymous":
        _log_in_as(client, admins[role])
    url = reverse(row.name, args=row.args(cast))
    response = client.generic(
        row.method, url, data=row.data, content_type="application/x-www-form-urlencoded"
    )
    expected = row.expected[role]
    if expected in (LOGIN, ADMIN_LOGIN, INDEX):
        assert response.status_code == 302
        target = {LOGIN: reverse("login"), ADMIN_LOGIN: reverse("admin:login")}.get(expected)
        if target is None:
            assert response["Location"] == reverse("admin:index")
        else:
            assert response["Location"].startswith(target)
    else:
        assert response.status_code == expected


def _admin_urls(cast: Cast) -> list[str]:
    """Every URL of the admin, with sample arguments for its path converters."""
    samples = {
        "object_id": str(cast.admin.pk),
        "pk": str(cast.admin.pk),
        "id": str(cast.admin.pk),
        "app_label": "auth",
        "content_type_id": "1",
    }
    admin_site = next(
        e for e in get_resolver().url_patterns if getattr(e, "namespace", None) == "admin"
    )
    return [
        reverse(
            f"admin:{pattern.name}",
            kwargs={k: samples[k] for k in pattern.pattern.regex.groupindex},
        )
        for pattern in _patterns(admin_site)
        if pattern.name
    ]


def _patterns(resolver: URLResolver) -> list[URLPattern]:
    found = []
    for entry in resolver.url_patterns:
        found += _patterns(entry) if isinstance(entry, URLResolver) else [entry]
    return found


def test_no_admin_url_opens_for_a_session_that_skipped_the_code(
    client: Client, cast: Cast, admins: dict[str, User]
) -> None:
    urls = _admin_urls(cast)
    assert len(urls) > 50  # every model admin's list, add, change, delete and history
    refused = (reverse("admin:login"), reverse("login"))
    index = reverse("admin:index")
    for url in urls:
        for method in ("GET", "POST"):
            _log_in_as(client, admins["admin_password_only"])  # the log-in URL logs out
            response = client.generic(method, url)
            assert response.status_code in (302, 403, 404, 405), (method, url)
            if response.status_code == 302:
                # logout sends to the index, itself refused (first row of ADMIN_MATRIX)
                location = response["Location"]
                assert location.startswith(refused) or location == index, (method, url)


def test_admin_log_in_with_only_the_password_logs_no_one_in(
    client: Client, cast: Cast, admins: dict[str, User]
) -> None:
    response = client.post(
        reverse("admin:login"),
        {"username": "admin_password_only", "password": PASSWORD, "next": reverse("admin:index")},
    )
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))


def test_admin_opens_after_the_apps_log_in_and_code(
    client: Client, cast: Cast, admins: dict[str, User]
) -> None:
    index = reverse("admin:index")
    to_login = client.get(client.get(index)["Location"])
    assert to_login["Location"] == f"{reverse('login')}?next={index}"
    to_code = client.post(
        to_login["Location"],
        {"username": "admin_password_only", "password": PASSWORD, "next": index},
    )
    assert to_code["Location"].startswith(reverse("second_factor_verify"))
    device = TOTPDevice.objects.get(user=admins["admin_password_only"])
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    done = client.post(to_code["Location"], {"code": f"{totp.token():06d}", "next": index})
    assert done["Location"] == index
    assert client.get(index).status_code == 200
