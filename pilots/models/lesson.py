from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .pilot import Phase, Pilot


class LessonTheme(models.TextChoices):
    """The seed deck's three kinds of "bouwstenen voor opschaling": proces, organisatie,
    techniek (slide "De pilots in Utrecht leveren concrete bouwstenen voor opschaling op")."""

    PROCES = "proces", _("Proces")
    ORGANISATIE = "organisatie", _("Organisatie")
    TECHNIEK = "techniek", _("Techniek")


class Lesson(models.Model):
    """One entry of a pilot's lessons-learned register: filled by the kwartiermaker, read by the
    gemeente, gathered across pilots in the programme view."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="lessons")
    phase = models.CharField(_("fase"), max_length=16, choices=Phase)
    theme = models.CharField(_("thema"), max_length=16, choices=LessonTheme)
    title = models.CharField(_("les"), max_length=200)
    detail = models.TextField(_("toelichting"), max_length=2000, blank=True, default="")
    advice = models.CharField(_("advies voor opschaling"), max_length=500, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0)  # optimistic lock, as on milestones

    class Meta:
        ordering = ["pilot", "phase", "created_at", "pk"]
        verbose_name = _("les")
        verbose_name_plural = _("lessen")
        constraints = [
            models.CheckConstraint(condition=Q(phase__in=Phase.values), name="lesson_phase_valid"),
            models.CheckConstraint(
                condition=Q(theme__in=LessonTheme.values), name="lesson_theme_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="lesson_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title
