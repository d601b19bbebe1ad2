"""Download of the business-case report as PDF (pilots/report.py renders it)."""

import hashlib
import logging
import uuid

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe

from warmtenet.http import AuthenticatedRequest

from . import case_labels
from .models import GeneratedReport, Pilot
from .ratelimit import hit, seconds_left
from .scenario import PilotResult, Scenario, ScenarioForm, pilot_result
from .views import _get_pilot_for_user

logger = logging.getLogger(__name__)

# Each new report takes 2–3 s of CPU and is kept (~250 KB): a handful per user per ten minutes is
# plenty for a meeting, and stops one account from filling the database or the workers.
REPORTS_PER_WINDOW = 10
REPORT_WINDOW_SECONDS = 10 * 60


def _too_many(request: AuthenticatedRequest, pilot: Pilot) -> HttpResponse:
    wait = seconds_left(REPORT_WINDOW_SECONDS)
    context = {"pilot": pilot, "minutes": max(1, round(wait / 60))}
    response = render(request, "pilots/report_too_many.html", context, status=429)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def report_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Make (or find the kept copy of) the report for the scenario in the query string."""
    pilot = _get_pilot_for_user(request, pk)
    if settings.WARMTENET_RATE_LIMIT and (
        hit("report_pdf", str(request.user.pk), REPORT_WINDOW_SECONDS) > REPORTS_PER_WINDOW
    ):
        return _too_many(request, pilot)
    # The scenario comes from the query string, as on the business-case page; the page's link
    # carries it. Without one, or with an invalid one, the pilot's own scenario.
    form = ScenarioForm(request.GET or None)
    scenario = form.to_scenario() if form.is_valid() else Scenario.for_pilot(pilot)
    today = timezone.localdate()
    try:
        # Imported here: WeasyPrint and matplotlib take about a second to import, which every
        # process would otherwise pay at start-up for a page few people open.
        from .report import html_to_pdf, render_html

        result = pilot_result(pilot, scenario, today)
        html = render_html(pilot, result, today=today, request_user=request.user)
        digest = hashlib.sha256(html.encode()).hexdigest()
        report = pilot.reports.filter(html_sha256=digest).first()
        if report is None:
            pdf = html_to_pdf(html)
            report = GeneratedReport.objects.create(
                pilot=pilot,
                created_by=request.user,
                fingerprint=result.fingerprint,
                calc_version=result.calc_version,
                scenario=_scenario_label(result),
                html_sha256=digest,
                pdf=pdf,
                size_bytes=len(pdf),
            )
    except (OperationalError, InterfaceError):
        raise  # the database is away: DatabaseUnavailableMiddleware answers 503
    except Exception:
        error_id = uuid.uuid4().hex[:12]
        logger.exception("Business-case PDF failed: error id %s, pilot %s", error_id, pilot.pk)
        response = render(
            request,
            "pilots/report_error.html",
            {"pilot": pilot, "error_id": error_id},
            status=500,
        )
        response["Cache-Control"] = "no-store"
        return response
    LogEntry.objects.log_create(
        pilot,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        additional_data={
            "event": "report_pdf",
            "fingerprint": result.fingerprint,
            "report": report.pk,
        },
    )
    return _attachment(pilot, report)


def _scenario_label(result: PilotResult) -> str:
    model = case_labels.ORG_MODELS[result.scenario.org_model]
    return f"{result.concept_name} · {model} · {result.scenario.participation_pct}%"[:200]


def _attachment(pilot: Pilot, report: GeneratedReport) -> HttpResponse:
    stamp = timezone.localtime(report.created_at).strftime("%Y-%m-%d-%H%M")
    name = f"businesscase-{slugify(pilot.name)}-{stamp}-{report.fingerprint}.pdf"
    return HttpResponse(
        bytes(report.pdf),
        content_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition_header(True, name),
            "Cache-Control": "no-store",
        },
    )


@require_safe
@login_required
def stored_report(request: AuthenticatedRequest, pk: int, report: int) -> HttpResponse:
    """A report as it was handed out earlier: the same file, byte for byte."""
    pilot = _get_pilot_for_user(request, pk)
    stored = get_object_or_404(pilot.reports, pk=report)
    LogEntry.objects.log_create(
        pilot,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        additional_data={"event": "report_pdf_stored", "report": stored.pk},
    )
    return _attachment(pilot, stored)
