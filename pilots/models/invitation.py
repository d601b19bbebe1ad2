"""An invitation for a colleague: a kwartiermaker asks someone into one gemeente with one role.

Like the resident links only the SHA-256 of the token is kept; the raw link is shown once to the
kwartiermaker, who sends it on. It works once and until it expires (seven days): the colleague
picks a user name and password, which creates the account and its membership in one go.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .links import _hash, new_token
from .pilot import Gemeente, Role

# A week: long enough for a colleague on leave for a few days, short enough that a forwarded
# mail stops working soon (vuistregel; Django's own password-reset links last three days).
INVITATION_DAYS = 7


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )

    def by_token(self, raw: str) -> Invitation | None:
        if not 20 <= len(raw) <= 100:
            return None
        return self.open().filter(token_hash=_hash(raw)).select_related("gemeente").first()


class Invitation(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("gemeente")
    )
    role = models.CharField(_("rol"), max_length=16, choices=Role)
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.gemeente} ({self.get_role_display()})"

    @classmethod
    def issue(
        cls, gemeente: Gemeente, *, role: str, email: str, created_by: object
    ) -> tuple[Invitation, str]:
        raw, digest = new_token()
        invitation = cls.objects.create(
            gemeente=gemeente,
            role=role,
            email=email,
            token_hash=digest,
            created_by=created_by,
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        )
        return invitation, raw
