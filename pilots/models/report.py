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

    class Meta:
        verbose_name = _("businesscase-rapport")
        verbose_name_plural = _("businesscase-rapporten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pilot} · {self.created_at:%Y-%m-%d %H:%M} · {self.fingerprint}"
