"""The background worker (issue 17): a report is made once, also when its worker is killed.

A real `manage.py worker` on the test database; the web side is the app in this process, which
queues in PostgreSQL (django-tasks-db) as production does.
"""

from pathlib import Path

from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pilots.models import Commitment, GeneratedReport, ReportJob, Role
from tests import processes
from tests.factories import GemeenteFactory, HouseholdFactory, MemberFactory, PilotFactory


def test_a_worker_killed_mid_render_leaves_nothing_and_the_next_one_makes_it_once(
    transactional_db: None, database_tasks: None, tmp_path: Path
) -> None:
    utrecht = GemeenteFactory(name="Utrecht")
    pilot = PilotFactory(gemeente=utrecht, name="Hofje Oudwijk", homes=18)
    HouseholdFactory.create_batch(12, pilot=pilot, commitment=Commitment.INTENT)
    client = Client()
    client.force_login(MemberFactory(gemeente=utrecht, role=Role.KWARTIERMAKER))
    progress_url = client.post(reverse("pilots:report_pdf", args=[pilot.pk]))["Location"]
    job = ReportJob.objects.get()
    assert job.status == ReportJob.Status.QUEUED  # queued, not made in the request
    assert 'data-status="queued"' in client.get(progress_url).text

    env = processes.environment()
    first = processes.worker(env, tmp_path / "worker-1.log")
    try:
        processes.wait_for(
            lambda: ReportJob.objects.filter(pk=job.pk, status="rendering").exists(), 60, first
        )
        first.kill()
    finally:
        first.stop()
    # Mid-job: the task is left running by the dead worker, and nothing of the report is stored.
    assert not GeneratedReport.objects.exists()
    task = DBTaskResult.objects.get()
    assert task.status == "RUNNING"
    job.refresh_from_db()
    assert (job.status, job.attempts, job.report) == ("rendering", 1, None)

    second = processes.worker(env, tmp_path / "worker-2.log")
    try:
        processes.wait_for(
            lambda: ReportJob.objects.filter(pk=job.pk, status="ready").exists(), 60, second
        )
    finally:
        second.stop()
    assert "of vanished worker" in second.output()
    job.refresh_from_db()
    assert job.attempts == 2
    assert GeneratedReport.objects.count() == 1
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert len(task.worker_ids) == 2  # the killed worker's run and the second one's
    download = client.get(reverse("pilots:stored_report", args=[pilot.pk, job.report_id]))
    assert download.content.startswith(b"%PDF-")
    assert 'data-status="ready"' in client.get(progress_url).text
