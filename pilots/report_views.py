"""Download of the business-case report as PDF (pilots/report.py renders it)."""

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import get_language
from django.views.decorators.http import require_POST, require_safe

from warmtenet.http import AuthenticatedRequest

from .models import GeneratedReport, Pilot, ReportJob
from .ratelimit import hit, seconds_left
from .tasks import make_report
from .views import _get_pilot_for_user

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
    """Queue the report for the scenario in the query string; the job's page shows its progress.

    The rendering runs as a task (pilots/tasks.py): on a worker in production, inside this request
    with the immediate backend of `make run` and the tests.
    """
    pilot = _get_pilot_for_user(request, pk)
    if settings.WARMTENET_RATE_LIMIT and (
        hit("report_pdf", str(request.user.pk), REPORT_WINDOW_SECONDS) > REPORTS_PER_WINDOW
    ):
        return _too_many(request, pilot)
    # The job and its queue entry are stored together, or neither is (same database).
    with transaction.atomic():
        job = ReportJob.objects.create(
            pilot=pilot,
            requested_by=request.user,
            query={key: request.GET.getlist(key) for key in request.GET},
            language=get_language() or settings.LANGUAGE_CODE,
            site_url=request.build_absolute_uri("/").rstrip("/")[:200],
        )
        queued = make_report.enqueue(job.pk)
        ReportJob.objects.filter(pk=job.pk).update(task_id=str(queued.id))
    # 303: the browser follows with a GET, so a reload of the progress page queues nothing.
    response = redirect("pilots:report_job", pk=pilot.pk, job=job.pk)
    response.status_code = 303
    return response


@require_safe
@login_required
def report_job(request: AuthenticatedRequest, pk: int, job: int) -> HttpResponse:
    """Progress of a report: queued, rendering, ready (with the download) or failed.

    htmx polls the status partial every second until the job is finished; without JavaScript the
    page has a link to look again.
    """
    pilot = _get_pilot_for_user(request, pk)
    found = get_object_or_404(
        pilot.report_jobs.select_related("report").defer("report__pdf", "report__annex_xlsx"),
        pk=job,
    )
    context = {"pilot": pilot, "job": found}
    template = "pilots/_report_job_status.html" if request.htmx else "pilots/report_job.html"
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


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


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _annex(request: AuthenticatedRequest, pk: int, fingerprint: str, kind: str) -> HttpResponse:
    """The annex of the newest kept report with this input fingerprint (the report links here)."""
    pilot = _get_pilot_for_user(request, pk)
    field = f"annex_{kind}"
    stored = (
        pilot.reports.filter(fingerprint=fingerprint)
        .exclude(**{field: b""})
        .only("pk", "created_at", "fingerprint", field)
        .first()
    )
    if stored is None:
        raise Http404
    LogEntry.objects.log_create(
        pilot,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        additional_data={"event": f"report_annex_{kind}", "report": stored.pk},
    )
    stamp = timezone.localtime(stored.created_at).strftime("%Y-%m-%d-%H%M")
    name = f"bijlage-{slugify(pilot.name)}-{stamp}-{stored.fingerprint}.{kind}"
    return HttpResponse(
        bytes(getattr(stored, field)),
        content_type="application/pdf" if kind == "pdf" else XLSX,
        headers={
            "Content-Disposition": content_disposition_header(True, name),
            "Cache-Control": "no-store",
        },
    )


@require_safe
@login_required
def annex_pdf(request: AuthenticatedRequest, pk: int, fingerprint: str) -> HttpResponse:
    return _annex(request, pk, fingerprint, "pdf")


@require_safe
@login_required
def annex_xlsx(request: AuthenticatedRequest, pk: int, fingerprint: str) -> HttpResponse:
    return _annex(request, pk, fingerprint, "xlsx")
