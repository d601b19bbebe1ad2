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
from dataclasses import dataclass

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
        # Lock the job only, not the pilot joined to it (edits of the pilot go on meanwhile).
        jobs = ReportJob.objects.select_for_update(of=("self",)).select_related("pilot")
        job = jobs.get(pk=job_id)
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


@dataclass(frozen=True)
class Rendered:
    result: PilotResult
    digest: str  # of the report's HTML: an identical report is not made again
    pdf: bytes = b""  # empty when the identical report is kept already
    annex_pdf: bytes = b""
    annex_xlsx: bytes = b""


def _render(job: ReportJob) -> Rendered:
    """The figures, the report and its annex (unless an identical report is kept)."""
    # Imported here: WeasyPrint and matplotlib take about a second to import.
    from .report import annex_xlsx, html_to_pdf, render_documents

    pilot = job.pilot
    # As on the business-case page: without a scenario, or with an invalid one, the pilot's own.
    form = ScenarioForm(_query(job.query) if job.query else None)
    scenario = form.to_scenario() if form.is_valid() else Scenario.for_pilot(pilot)
    today = timezone.localdate(job.requested_at)
    result = pilot_result(pilot, scenario, today)
    _progress(job.pk, 15)
    documents = render_documents(
        pilot, result, today=today, request_user=job.requested_by, site_url=job.site_url
    )
    _progress(job.pk, 30)
    digest = hashlib.sha256(documents.body.encode()).hexdigest()
    if pilot.reports.filter(html_sha256=digest).exists():
        return Rendered(result, digest)
    pdf = html_to_pdf(documents.body)
    _progress(job.pk, 65)
    annex = html_to_pdf(documents.annex)
    _progress(job.pk, 95)
    return Rendered(result, digest, pdf, annex, annex_xlsx(result))


def _query(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def _finish(job: ReportJob, rendered: Rendered) -> bool:
    """Store the report and mark the job ready, in one transaction; False if the identical
    report this job counted on is gone (deleted in the meantime): render again."""
    result = rendered.result
    with transaction.atomic():
        locked = ReportJob.objects.select_for_update().get(pk=job.pk)
        if locked.finished:  # made by an earlier attempt after all
            return True
        report = job.pilot.reports.filter(html_sha256=rendered.digest).first()
        if report is None:
            if not rendered.pdf:
                return False
            report = GeneratedReport.objects.create(
                pilot=job.pilot,
                created_by=job.requested_by,
                fingerprint=result.fingerprint,
                calc_version=result.calc_version,
                scenario=_scenario_label(result),
                html_sha256=rendered.digest,
                pdf=rendered.pdf,
                size_bytes=len(rendered.pdf),
                annex_pdf=rendered.annex_pdf,
                annex_xlsx=rendered.annex_xlsx,
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
    return True


@task
def make_report(job_id: int) -> int | None:
    """Render the report of job `job_id`; the id of its `GeneratedReport`."""
    job = _start(job_id)
    if job is None:
        return ReportJob.objects.get(pk=job_id).report_id
    try:
        with translation.override(job.language):
            if not _finish(job, _render(job)):
                _finish(job, _render(job))
    except Exception:
        error_id = uuid.uuid4().hex[:12]
        logger.exception("Business-case PDF failed: error id %s, job %s", error_id, job.pk)
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJob.Status.FAILED, error_id=error_id, updated_at=timezone.now()
        )
        raise
    return ReportJob.objects.get(pk=job_id).report_id
