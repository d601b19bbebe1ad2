from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pilot import Pilot


class GeneratedReport(models.Model):
    """A business-case PDF as it was handed out, so the gemeente can find the version it discussed.

    `html_sha256` is the hash of the exact HTML the PDF was made from (figures, milestones, date,
    author, language): an identical request is answered with the stored PDF instead of a new
    rendering.
    """

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="reports")
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(_("kenmerk invoer"), max_length=12)
    calc_version = models.CharField(_("rekenversie"), max_length=20)
    scenario = models.CharField(_("scenario"), max_length=200)
    html_sha256 = models.CharField(max_length=64, db_index=True)
    pdf = models.BinaryField()
    size_bytes = models.PositiveIntegerField()
    # The annex (every parameter, models and strategies in full), made with the report and kept
    # beside it; the report links to it by fingerprint (pilots/report_views.py: annex).
    annex_pdf = models.BinaryField(default=b"", blank=True)
    annex_xlsx = models.BinaryField(default=b"", blank=True)

    class Meta:
        verbose_name = _("businesscase-rapport")
        verbose_name_plural = _("businesscase-rapporten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pilot} · {self.created_at:%Y-%m-%d %H:%M} · {self.fingerprint}"


class ReportJob(models.Model):
    """One request for a report, made in the background (pilots/tasks.py) and polled by the page.

    The job carries everything the rendering needs (scenario, language, day, who asked), so any
    worker on any host can make it. It becomes `ready` in the same transaction that stores its
    `GeneratedReport`: a worker killed mid-job leaves the job `rendering` and no report, and the
    job is made again by the next worker.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RENDERING = "rendering", _("wordt gemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="report_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    # The business-case page's query string (the scenario), as the form would read it.
    query = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8)
    # Scheme and host the request came in on: the report's links to its annex.
    site_url = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, for the progress bar
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    report = models.ForeignKey(
        GeneratedReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error_id = models.CharField(max_length=12, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rapportopdracht")
        verbose_name_plural = _("rapportopdrachten")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pilot} · {self.requested_at:%Y-%m-%d %H:%M} · {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.READY, self.Status.FAILED}
