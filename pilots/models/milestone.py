from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pilot import Phase, Pilot


class MilestoneStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("Bezig")
    DONE = "done", _("Gereed")
    NOT_APPLICABLE = "n_a", _("Niet van toepassing")


class Milestone(models.Model):
    """One checklist item of a phase, copied from the templates into each pilot."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="milestones")
    phase = models.CharField(_("fase"), max_length=16, choices=Phase)
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("mijlpaal"), max_length=200)
    source = models.CharField(_("bron"), max_length=200, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=16, choices=MilestoneStatus, default=MilestoneStatus.OPEN
    )
    done_on = models.DateField(_("gereed op"), null=True, blank=True)
    owner = models.CharField(_("eigenaar"), max_length=120, blank=True, default="")
    note = models.CharField(_("notitie"), max_length=500, blank=True, default="")
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pilot", "phase", "order", "pk"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "phase", "title"], name="milestone_title_unique_in_phase"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MilestoneStatus.values), name="milestone_status_valid"
            ),
            # A done milestone has a date; an open one has none.
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False) | ~Q(status="done"),
                name="milestone_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status in {MilestoneStatus.DONE, MilestoneStatus.NOT_APPLICABLE}


class PhaseStart(models.Model):
    """When a pilot entered a phase; lead time per phase is the gap to the next start."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="phase_starts")
    phase = models.CharField(max_length=16, choices=Phase)
    started_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["started_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "phase"], name="phase_start_once"),
        ]

    def __str__(self) -> str:
        return f"{self.phase} {self.started_on}"
