"""The business-case PDF: access, the same figures as the page, sources, privacy, fonts, metadata.

PDF text comes from poppler's pdftotext (`-raw`: content order, so a wrapped table cell stays in
one piece), fonts from pdffonts, metadata from pdfinfo. Outside CI the tests that need poppler are
skipped when it is missing; under CI they fail.
"""

import os
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from pilots.models import Commitment, GeneratedReport, ParameterOverride, ReportJob, Role, Tenure
from pilots.report import STATIC_BASE, StaticFilesFetcher
from techniek.calc.parameters import parameter_rows
from tests.conftest import Cast
from tests.factories import GemeenteFactory, HouseholdFactory, MemberFactory, PilotFactory

SCENARIO = {
    "concept": "bodemlus_ringnet",
    "org_model": "zelfbeheer",
    "isde": "on",
    "warmtefonds": "on",
}
# Seeded into the households of a pilot; none of it may reach the PDF.
SENTINEL_STREET = "Zilverschoonsentinelhof"
SENTINEL_POSTCODE = "9797QX"
SENTINEL_NUMBERS = range(8641, 8653)
SENTINEL_GAS = 7919


@pytest.fixture
def poppler() -> None:
    if not all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo")):
        if os.environ.get("CI"):
            pytest.fail("poppler-utils is missing: .ci/run installs it")
        pytest.skip("poppler-utils not installed (apt-get install poppler-utils)")


def _url(pilot_pk: int) -> str:
    return reverse("pilots:report_pdf", args=[pilot_pk])


def _request(client: Client, pilot_pk: int, params: dict | None = None) -> HttpResponse:
    """Ask for a report (the POST of the page's button) and follow to the download when ready:
    the task runs inside the request here (the immediate backend of the tests)."""
    response = client.post(_url(pilot_pk) + "?" + urlencode(params or {}))
    assert response.status_code == 303, response.content[:500]
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    assert progress["Cache-Control"] == "no-store"
    assert 'data-status="ready"' in progress.text, progress.text[:2000]
    download = re.search(r'data-testid="report-download" href="([^"]+)"', progress.text).group(1)
    return client.get(download)


def _page(client: Client, pilot_pk: int) -> str:
    return client.get(reverse("pilots:business_case", args=[pilot_pk])).text


def _download(client: Client, pilot_pk: int, params: dict | None = None) -> bytes:
    response = _request(client, pilot_pk, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _poppler(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    command = [tool, *args, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _text(pdf: bytes, tmp_path: Path) -> str:
    return _poppler("pdftotext", pdf, tmp_path, "-raw", "-enc", "UTF-8")


def _squash(text: str) -> str:
    """Without whitespace: a value or source wrapped over lines still matches."""
    return re.sub(r"[\s\u200b]+", "", text)  # keys wrap at zero-width spaces


def _catalog_lang(pdf: bytes) -> set[bytes]:
    """/Lang entries of the PDF, also inside compressed object streams (pdfinfo has no field)."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            chunks.append(zlib.decompressobj().decompress(pdf[match.end() :]))
        except zlib.error:
            continue
    return {m for chunk in chunks for m in re.findall(rb"/Lang \((\w+)\)", chunk)}


@dataclass(frozen=True)
class Rendered:
    page: str  # the business-case page for SCENARIO
    pdf: bytes  # the PDF for SCENARIO
    again: bytes  # the same download once more
    annex: bytes  # its annex as PDF (every parameter)
    annex_xlsx: bytes  # and as a spreadsheet
    pilot_pk: int


OVERRIDE_NOTE = "leveringstarief uit het collectieve inkoopcontract 2027"


@pytest.fixture(scope="module")
def report(django_db_setup: None, django_db_blocker: object) -> Rendered:
    """One pilot of 12 sentinel households, rendered once for the content tests (a render takes
    seconds); the data is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        utrecht = GemeenteFactory(name="Utrecht")
        pilot = PilotFactory(gemeente=utrecht, name="Hofje Oudwijk", homes=18)
        for n in SENTINEL_NUMBERS:
            HouseholdFactory(
                pilot=pilot,
                street=SENTINEL_STREET,
                house_number=n,
                suffix="zq",
                postcode=SENTINEL_POSTCODE,
                gas_m3_per_year=SENTINEL_GAS,
                commitment=Commitment.INTENT,
                # Four corporation homes: ISDE for the other 8 only (issue 15).
                tenure=Tenure.SOCIAL_RENT if n < SENTINEL_NUMBERS[4] else Tenure.OWNER,
            )
        # An own value: page and PDF must both compute with it.
        ParameterOverride.objects.create(
            pilot=pilot, key="prices.gas_supply_eur_per_m3", value=0.95, note=OVERRIDE_NOTE
        )
        # A proposed heat tariff (issue 15): page and PDF check it against ACM and NMDA.
        ParameterOverride.objects.create(
            pilot=pilot, key="prices.proposed_heat_fixed_eur_per_year", value=900, note="voorstel"
        )
        client = Client()
        client.force_login(MemberFactory(gemeente=utrecht, role=Role.GEMEENTE, username="lezer"))
        page = client.get(reverse("pilots:business_case", args=[pilot.pk]), SCENARIO).text
        pdf = _download(client, pilot.pk, SCENARIO)
        again = _download(client, pilot.pk, SCENARIO)
        links = dict(
            re.findall(
                r'href="([^"]+)" download data-testid="(annex-pdf|annex-xlsx)"',
                _page(client, pilot.pk),
            )
        )
        annex = {kind: client.get(url) for url, kind in links.items()}
        assert annex["annex-pdf"]["Content-Type"] == "application/pdf"
        rendered = Rendered(
            page, pdf, again, annex["annex-pdf"].content, annex["annex-xlsx"].content, pilot.pk
        )
        transaction.set_rollback(True)
    return rendered


# --- access -------------------------------------------------------------------------------------


def test_kwartiermaker_downloads_an_attachment_that_is_not_cached(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    response = _request(client, cast.pilot.pk)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert re.fullmatch(
        r'attachment; filename="businesscase-hofje-oudwijk-'
        r'\d{4}-\d{2}-\d{2}-\d{4}-[0-9a-f]{12}\.pdf"',
        response["Content-Disposition"],
    )
    assert response["Cache-Control"] == "no-store"
    # The download is in the audit trail, with the input hash of what was handed out.
    entry = LogEntry.objects.get(additional_data__event="report_pdf")
    assert (entry.actor, entry.object_pk) == (cast.kwartiermaker, str(cast.pilot.pk))
    assert re.fullmatch(r"[0-9a-f]{12}", entry.additional_data["fingerprint"])


def test_a_report_is_kept_and_an_identical_request_gets_the_same_file(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.gemeente_utrecht)
    first = _download(client, cast.pilot.pk)
    again = _download(client, cast.pilot.pk)
    assert first == again
    stored = GeneratedReport.objects.get(pilot=cast.pilot)
    assert bytes(stored.pdf) == first
    assert stored.created_by == cast.gemeente_utrecht
    # Anything the report shows changes the HTML, so a new report is made and kept beside it.
    milestone = cast.pilot.milestones.filter(phase=cast.pilot.phase).first()
    milestone.status, milestone.done_on = "done", date(2026, 11, 2)
    milestone.save()
    assert _download(client, cast.pilot.pk) != first
    assert GeneratedReport.objects.filter(pilot=cast.pilot).count() == 2
    # Both are listed on the business-case page and can be downloaded as they were.
    page = client.get(reverse("pilots:business_case", args=[cast.pilot.pk])).text
    assert page.count(f'href="/pilots/{cast.pilot.pk}/rapporten/') == 2
    old = client.get(reverse("pilots:stored_report", args=[cast.pilot.pk, stored.pk]))
    assert old.content == first
    client.force_login(cast.gemeente_other)
    assert (
        client.get(reverse("pilots:stored_report", args=[cast.pilot.pk, stored.pk])).status_code
        == 404
    )


def test_gemeente_other_gets_404_and_anonymous_the_login(client: Client, cast: Cast) -> None:
    assert client.post(_url(cast.pilot.pk))["Location"].startswith(reverse("login"))
    client.force_login(cast.gemeente_other)
    assert client.post(_url(cast.pilot.pk)).status_code == 404


def test_the_business_case_page_posts_for_the_pdf_with_its_scenario(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.gemeente_utrecht)
    page = client.get(reverse("pilots:business_case", args=[cast.pilot.pk]), SCENARIO).text
    form = re.search(
        r'<form method="post" action="([^"]+)"[^>]*>\s*<input type="hidden" '
        r'name="csrfmiddlewaretoken"[^>]*>\s*<button[^>]*data-testid="report-pdf"',
        page,
    )
    assert form is not None
    action = form.group(1).replace("&amp;", "&")
    assert action.startswith(_url(cast.pilot.pk) + "?")
    assert "concept=bodemlus_ringnet" in action
    assert "org_model=zelfbeheer" in action
    assert "Maak de businesscase als pdf" in page


def test_a_get_makes_no_report(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert client.get(_url(cast.pilot.pk)).status_code == 405
    assert not GeneratedReport.objects.exists()


def test_the_pdf_needs_the_csrf_token(cast: Cast) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.gemeente_utrecht)
    assert strict.post(_url(cast.pilot.pk)).status_code == 403
    assert not GeneratedReport.objects.exists()


def test_reports_are_limited_per_user_with_a_dutch_429(client: Client, cast: Cast) -> None:
    from pilots.report_views import REPORTS_PER_WINDOW

    client.force_login(cast.gemeente_utrecht)
    for _ in range(REPORTS_PER_WINDOW):  # the same scenario: answered from the kept report
        assert client.post(_url(cast.pilot.pk)).status_code == 303
    refused = client.post(_url(cast.pilot.pk))
    assert refused.status_code == 429
    assert "U heeft in korte tijd veel rapporten gemaakt" in refused.text
    assert int(refused["Retry-After"]) <= 600
    # Another user has a count of their own; kept reports still download.
    stored = GeneratedReport.objects.get(pilot=cast.pilot)
    stored_url = reverse("pilots:stored_report", args=[cast.pilot.pk, stored.pk])
    assert client.get(stored_url).status_code == 200
    client.force_login(cast.kwartiermaker)
    assert client.post(_url(cast.pilot.pk)).status_code == 303


@pytest.mark.parametrize(
    ("key", "value"),
    [("prices.gas_supply_eur_per_m3", 3.0), ("prices.electricity_supply_eur_per_kwh", 1.0)],
)
def test_a_price_at_the_edge_of_its_range_gives_a_pdf(
    client: Client, cast: Cast, key: str, value: float
) -> None:
    ParameterOverride.objects.create(pilot=cast.pilot, key=key, value=value)
    client.force_login(cast.gemeente_utrecht)
    assert _download(client, cast.pilot.pk).startswith(b"%PDF-")


def test_a_failing_render_shows_a_friendly_page_with_an_error_id(
    client: Client, cast: Cast, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import pilots.report

    def broken(*args: object, **kwargs: object) -> object:
        raise OSError("pango is gone")

    monkeypatch.setattr(pilots.report, "HTML", broken)  # the outside edge: WeasyPrint
    client.force_login(cast.kwartiermaker)
    progress = client.get(client.post(_url(cast.pilot.pk))["Location"])
    assert 'data-status="failed"' in progress.text
    assert 'hx-trigger="every 1s"' not in progress.text  # finished: no more polling
    error_id = re.search(r'data-testid="error-id">([0-9a-f]{12})<', progress.text).group(1)
    assert any(error_id in r.getMessage() and r.exc_info for r in caplog.records)
    assert not GeneratedReport.objects.exists()
    assert ReportJob.objects.get().status == ReportJob.Status.FAILED


def test_the_progress_page_polls_until_the_job_is_finished(client: Client, cast: Cast) -> None:
    job = ReportJob.objects.create(pilot=cast.pilot, requested_by=cast.kwartiermaker, language="nl")
    url = reverse("pilots:report_job", args=[cast.pilot.pk, job.pk])
    client.force_login(cast.gemeente_utrecht)
    page = client.get(url).text
    assert 'data-status="queued"' in page
    assert f'hx-get="{url}"' in page
    assert "in de wachtrij" in page
    assert 'value="0"' in page
    ReportJob.objects.filter(pk=job.pk).update(status="rendering", progress=45)
    partial = client.get(url, headers={"HX-Request": "true"}).text
    assert "<html" not in partial
    assert 'id="report-job"' in partial
    assert "wordt gemaakt" in partial
    assert 'value="45"' in partial
    client.force_login(cast.gemeente_other)
    assert client.get(url).status_code == 404


# --- content ------------------------------------------------------------------------------------


def test_key_figures_print_exactly_as_on_the_business_case_page(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    figures = dict(re.findall(r'data-testid="([a-z-]+)">([^<]+)<', report.page))
    text = _squash(_text(report.pdf, tmp_path))
    for key in ("network-monthly", "gas-monthly", "npv", "break-even"):
        assert _squash(figures[key]) in text, (key, figures[key])
    fingerprint = re.search(r"kenmerk invoer ([0-9a-f]{12})", report.page).group(1)
    assert fingerprint in text
    assert "Bodemlusvariantringnet" in text  # the scenario of the query string, not the default


def test_page_and_pdf_say_how_many_homes_get_isde_and_why(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    said = "ISDE voor 8 van 12 woningen"
    why = "alleen eigenaar-bewoners krijgen ISDE. 4 huurwoningen"
    page = re.search(r'data-testid="isde-homes">(.*?)</dd>', report.page, re.S).group(1)
    assert said in page
    assert why in " ".join(page.split())
    text = _squash(_text(report.pdf, tmp_path))
    assert _squash(said) in text
    assert _squash(why) in text


def test_the_pilots_own_values_are_listed_with_their_source(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    text = _squash(_text(report.pdf, tmp_path))
    assert _squash("Deze pilot rekent met 2 eigen waarden in plaats van de standaard.") in text
    annex = _squash(_text(report.annex, tmp_path))
    assert _squash("2 eigen waarden van deze pilot") in annex
    assert _squash(OVERRIDE_NOTE) in annex
    assert _squash("aangepast, standaard € 0,55/m³ excl. btw") in _squash(
        _text(report.annex, tmp_path)
    )
    assert "Rekentmet2eigenwaardeninplaatsvandestandaard." in _squash(report.page)


def test_same_inputs_give_the_same_figures_and_hash(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    assert _text(report.pdf, tmp_path) == _text(report.again, tmp_path)


def test_every_default_and_its_source_is_in_the_annex(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    text = _squash(_text(report.annex, tmp_path))
    rows = parameter_rows()
    assert [r.key for r in rows if _squash(r.key) not in text] == []
    assert [r.sourced.source for r in rows if _squash(r.sourced.source) not in text] == []
    assert "Rekenversie2026." in text
    assert _squash(OVERRIDE_NOTE) in text
    # The body no longer carries the tables: it names the annex and links to it.
    body = _squash(_text(report.pdf, tmp_path))
    assert [r.key for r in rows if _squash(r.key) in body] == []
    fingerprint = re.search(r"kenmerk invoer ([0-9a-f]{12})", report.page).group(1)
    assert _squash(f"/bijlage/{fingerprint}.pdf") in body  # printed, and a link:
    chunks = [report.pdf]
    for match in re.finditer(rb"stream\r?\n", report.pdf):
        try:
            chunks.append(zlib.decompressobj().decompress(report.pdf[match.end() :]))
        except zlib.error:
            continue
    uris = {m for c in chunks for m in re.findall(rb"/URI \(([^)]+)\)", c)}
    xlsx = f"http://testserver/pilots/{report.pilot_pk}/bijlage/{fingerprint}.xlsx"
    assert xlsx.encode() in uris


def test_the_annex_spreadsheet_has_every_parameter_with_its_source(report: Rendered) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(report.annex_xlsx), read_only=True)["Parameters"]
    header, *rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert header[:4] == ("Groep", "Sleutel", "Parameter", "Waarde")
    by_key = {row[1]: row for row in rows}
    assert set(by_key) == {r.key for r in parameter_rows()}
    own = by_key["prices.gas_supply_eur_per_m3"]
    assert own[header.index("Eigen waarde")] == "ja"
    assert all(row[header.index("Bron")] for row in rows)


def test_the_report_body_is_ten_to_twelve_pages(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    """Issue 17: the council reads about 10–12 pages; the tables of every parameter, the models
    and strategies in full and the participation table are in the annex."""
    info = _poppler("pdfinfo", report.pdf, tmp_path)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 10 <= pages <= 12, pages
    text = _text(report.pdf, tmp_path)
    for title in ("Samenvatting", "feiten", "deelname", "concepten", "Businesscase",
                  "Wet collectieve warmte", "Organisatiemodel", "Risico", "Lessen"):  # fmt: skip
        assert title in text, title


def test_no_address_or_household_value_reaches_the_pdf(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    text = _text(report.pdf, tmp_path)
    assert "Intentie of verder" in text  # 12 households: the aggregates are shown
    squashed = _squash(text)
    for needle in (SENTINEL_STREET, SENTINEL_POSTCODE, "9797 QX", "zq", "7.919", "7919"):
        assert _squash(needle) not in squashed, needle
    for n in SENTINEL_NUMBERS:
        assert not re.search(rf"(?<![\d.,]){n}(?![\d.,])", text), n


def test_fonts_are_embedded_and_the_body_font_is_noto_sans(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    listing = _poppler("pdffonts", report.pdf, tmp_path)
    fonts = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert fonts
    # Columns: name, type (two words), encoding, emb, sub, uni, object, generation.
    assert all(font[-5] == "yes" for font in fonts), listing
    assert any("Noto-Sans" in font[0] for font in fonts), listing


def test_title_language_and_tagging_are_set(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    info = _poppler("pdfinfo", report.pdf, tmp_path)
    assert re.search(r"^Title:\s+Businesscase Hofje Oudwijk \(Utrecht\)$", info, re.M), info
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Creator:\s+Warmtenet pilots, rekenversie ", info, re.M)
    assert re.search(r"^Author:\s+\S", info, re.M)
    assert 'pdfuaid:part="1"' in _poppler("pdfinfo", report.pdf, tmp_path, "-meta")
    assert _catalog_lang(report.pdf) == {b"nl"}


def test_the_language_follows_the_interface(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert _catalog_lang(_download(client, cast.pilot.pk)) == {b"en"}


# --- pilots without enough households ----------------------------------------------------------


def test_a_pilot_without_households_gets_a_report_for_its_homes(
    client: Client, cast: Cast, tmp_path: Path, poppler: None
) -> None:
    pilot = PilotFactory(gemeente=cast.pilot.gemeente, name="Leeg hofje", homes=20)
    client.force_login(cast.kwartiermaker)
    text = _text(_download(client, pilot.pk), tmp_path)
    assert "Er staan nog geen huishoudens in het register" in text
    assert "Intentie of verder" not in text
    assert "nog niet gekozen" in text  # no concept or model chosen: the report says so


def test_under_ten_households_the_participation_is_suppressed(
    client: Client, cast: Cast, tmp_path: Path, poppler: None
) -> None:
    pilot = PilotFactory(gemeente=cast.pilot.gemeente, name="Klein hofje", homes=12)
    HouseholdFactory.create_batch(9, pilot=pilot, commitment=Commitment.SIGNED)
    client.force_login(cast.kwartiermaker)
    text = _text(_download(client, pilot.pk), tmp_path)
    assert "Nog te weinig huishoudens in het register" in text
    assert "Intentie of verder" not in text
    assert "Getekend" not in text


# --- resources ----------------------------------------------------------------------------------


def test_the_renderer_loads_only_static_files_and_data_urls() -> None:
    fetch = StaticFilesFetcher()
    assert b"@page" in fetch(f"{STATIC_BASE}css/report.css").read()
    assert fetch("data:text/plain,ok").read() == b"ok"
    font = fetch(f"{STATIC_BASE}fonts/noto-sans/noto-sans-latin-wght-normal.woff2?wght=700")
    assert font.read(4) == b"\x00\x01\x00\x00"  # a static TrueType instance
    for url in (
        "https://example.com/logo.png",
        f"{STATIC_BASE}../warmtenet/settings.py",
        f"{STATIC_BASE}css/does-not-exist.css",
        f"file://{settings.BASE_DIR}/static/css/report.css",
        "http://static.invalid/css/report.css",
    ):
        with pytest.raises(ValueError, match="only load static files"):
            fetch(url)


def test_prices_show_their_source_year_on_page_parameters_tab_and_pdf(
    report: Rendered, tmp_path: Path, poppler: None, client: Client, cast: Cast
) -> None:
    """Issue 15: each price's year beside it (the energy tax is the 2026 figure, the ISDE
    heat-network amount the 2021 one)."""
    assert 'data-testid="year-prices.gas_tax_eur_per_m3">2026<' in report.page
    assert "één keer 21 % btw" in report.page
    text = _squash(_text(report.annex, tmp_path))
    gas_tax = parameter_rows()[[r.key for r in parameter_rows()].index("prices.gas_tax_eur_per_m3")]
    assert _squash(gas_tax.sourced.source + " · bronjaar 2026") in text
    isde = next(r for r in parameter_rows() if r.key == "subsidies.isde_heat_network_eur")
    assert _squash(isde.sourced.source + " · bronjaar 2021") in text
    client.force_login(cast.gemeente_utrecht)
    tab = client.get(reverse("pilots:parameters", args=[cast.pilot.pk])).text
    assert 'data-testid="year-prices.gas_tax_eur_per_m3">bronjaar 2026<' in tab


def test_the_proposed_tariff_is_checked_on_page_and_pdf(
    report: Rendered, tmp_path: Path, poppler: None
) -> None:
    """€ 900 a year and € 0/GJ: within the ACM cap; the verdicts show on page and PDF."""
    assert re.search(r'data-testid="proposal-acm"><strong>voldoet</strong>', report.page)
    assert 'data-testid="proposal-nmda"><strong>' in report.page
    assert "Voorgesteld tarief: € 900,00 per jaar" in report.page
    text = _squash(_text(report.pdf, tmp_path))
    assert _squash("Tariefvoorstel getoetst") in text
    assert _squash("Voorgesteld tarief: € 900,00 per jaar") in text


def test_the_pdf_says_which_co2_reference_is_used(
    report: Rendered, tmp_path: Path, poppler: None, client: Client, cast: Cast
) -> None:
    text = _squash(_text(report.pdf, tmp_path))
    assert _squash("CO₂-referentie: alleen verwarming en tapwater, zonder koken.") in text
    client.force_login(cast.kwartiermaker)
    page = client.get(reverse("pilots:techniek", args=[cast.pilot.pk])).text
    assert "CO₂-referentie: alleen verwarming en tapwater, zonder koken." in page
