"""Background work (Django's Tasks framework): the business-case report.

The web request stores a `ReportJob` and enqueues `make_report`; a worker (`manage.py worker`,
or the request itself with the ImmediateBackend of `make run`) renders it. The report and the
job's `ready` state are written in one transaction, under a lock on the job's row, so a job made
twice (a worker killed after the commit but before the queue noted success, then re-run) still
stores one report.
"""

import hashlib
import logging
import uuid

from auditlog.models import LogEntry
from django.db import transaction
from django.http import QueryDict
from django.tasks import task
from django.utils import timezone, translation

from . import case_labels
from .models import GeneratedReport, ReportJob
from .scenario import PilotResult, Scenario, ScenarioForm, pilot_result

logger = logging.getLogger(__name__)

# A job that killed its worker this often is not tried again (it would kill every worker).
MAX_ATTEMPTS = 3


def _scenario_label(result: PilotResult) -> str:
    model = case_labels.ORG_MODELS[result.scenario.org_model]
    return f"{result.concept_name} · {model} · {result.scenario.participation_pct}%"[:200]


def _progress(job_id: int, percent: int) -> None:
    ReportJob.objects.filter(pk=job_id).update(progress=percent, updated_at=timezone.now())


def _start(job_id: int) -> ReportJob | None:
    """Mark the job as rendering (one more attempt); None when there is nothing left to do."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().select_related("pilot").get(pk=job_id)
        if job.finished:
            return None
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.error_id = ReportJob.Status.FAILED, "attempts"
            job.save(update_fields=["status", "error_id", "updated_at"])
            logger.error("Report job %s failed %s times; not tried again", job.pk, job.attempts)
            return None
        job.status, job.progress, job.attempts = ReportJob.Status.RENDERING, 5, job.attempts + 1
        job.save(update_fields=["status", "progress", "attempts", "updated_at"])
    return job


def _render(job: ReportJob) -> tuple[PilotResult, str, bytes | None]:
    """The figures, the HTML and (unless an identical report is kept) the PDF of the job."""
    # Imported here: WeasyPrint and matplotlib take about a second to import.
    from .report import html_to_pdf, render_html

    pilot = job.pilot
    # As on the business-case page: without a scenario, or with an invalid one, the pilot's own.
    form = ScenarioForm(_query(job.query) if job.query else None)
    scenario = form.to_scenario() if form.is_valid() else Scenario.for_pilot(pilot)
    today = timezone.localdate(job.requested_at)
    result = pilot_result(pilot, scenario, today)
    _progress(job.pk, 25)
    html = render_html(pilot, result, today=today, request_user=job.requested_by)
    _progress(job.pk, 45)
    digest = hashlib.sha256(html.encode()).hexdigest()
    if pilot.reports.filter(html_sha256=digest).exists():
        return result, digest, None
    return result, digest, html_to_pdf(html)


def _query(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def _finish(job: ReportJob, result: PilotResult, digest: str, pdf: bytes | None) -> None:
    with transaction.atomic():
        locked = ReportJob.objects.select_for_update().get(pk=job.pk)
        if locked.finished:  # made by an earlier attempt after all
            return
        report = job.pilot.reports.filter(html_sha256=digest).first()
        if report is None:
            if pdf is None:  # the identical report was deleted in the meantime
                from .report import render_html, html_to_pdf  # noqa: I001

                today = timezone.localdate(job.requested_at)
                html = render_html(job.pilot, result, today=today, request_user=job.requested_by)
                pdf = html_to_pdf(html)
            report = GeneratedReport.objects.create(
                pilot=job.pilot,
                created_by=job.requested_by,
                fingerprint=result.fingerprint,
                calc_version=result.calc_version,
                scenario=_scenario_label(result),
                html_sha256=digest,
                pdf=pdf,
                size_bytes=len(pdf),
            )
        locked.report, locked.status, locked.progress = report, ReportJob.Status.READY, 100
        locked.save(update_fields=["report", "status", "progress", "updated_at"])
        LogEntry.objects.log_create(
            job.pilot,
            force_log=True,
            action=LogEntry.Action.ACCESS,
            actor=job.requested_by,
            additional_data={
                "event": "report_pdf",
                "fingerprint": result.fingerprint,
                "report": report.pk,
                "job": job.pk,
            },
        )


@task
def make_report(job_id: int) -> int | None:
    """Render the report of job `job_id`; the id of its `GeneratedReport`."""
    job = _start(job_id)
    if job is None:
        return ReportJob.objects.get(pk=job_id).report_id
    try:
        with translation.override(job.language):
            result, digest, pdf = _render(job)
            _progress(job.pk, 90)
            _finish(job, result, digest, pdf)
    except Exception:
        error_id = uuid.uuid4().hex[:12]
        logger.exception("Business-case PDF failed: error id %s, job %s", error_id, job.pk)
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJob.Status.FAILED, error_id=error_id, updated_at=timezone.now()
        )
        raise
    return ReportJob.objects.get(pk=job_id).report_id
