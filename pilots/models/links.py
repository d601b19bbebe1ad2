"""Token links for residents: a street dashboard link and a personal link per household.

Only the SHA-256 of a token is stored; the raw token is shown once when it is issued. A lost
link is revoked and issued anew.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .household import Household
from .pilot import Pilot


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    raw = secrets.token_urlsafe(32)
    return raw, _hash(raw)


class LinkQuerySet(models.QuerySet):
    def live(self) -> LinkQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def by_token(self, raw: str) -> models.Model | None:
        # Tokens are 43 URL-safe characters; anything else cannot match, so skip the query.
        if not 20 <= len(raw) <= 100:
            return None
        return self.live().filter(token_hash=_hash(raw)).first()


class StreetLink(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="street_links")
    label = models.CharField(_("omschrijving"), max_length=120)
    street = models.CharField(
        _("straat"),
        max_length=120,
        blank=True,
        default="",
        help_text=_("Leeg: de hele pilot. Anders alleen de huishoudens in deze straat."),
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("straatlink")
        verbose_name_plural = _("straatlinks")

    def __str__(self) -> str:
        return f"{self.pilot}: {self.label}"

    @classmethod
    def issue(
        cls,
        pilot: Pilot,
        *,
        created_by: object,
        label: str,
        street: str = "",
        days: int | None = 180,
    ) -> tuple[StreetLink, str]:
        raw, digest = new_token()
        expires = timezone.now() + timedelta(days=days) if days else None
        link = cls.objects.create(
            pilot=pilot,
            label=label,
            street=street,
            token_hash=digest,
            created_by=created_by,
            expires_at=expires,
        )
        return link, raw

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    def households(self) -> models.QuerySet[Household]:
        households = self.pilot.households.all()
        return households.filter(street=self.street) if self.street else households


class HouseholdLink(models.Model):
    """A personal link on a letter: the household registers or changes its own commitment."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("persoonlijke link")
        verbose_name_plural = _("persoonlijke links")

    def __str__(self) -> str:
        return f"link {self.household_id}"

    @classmethod
    def issue(cls, household: Household, days: int | None = 365) -> tuple[HouseholdLink, str]:
        raw, digest = new_token()
        expires = timezone.now() + timedelta(days=days) if days else None
        return cls.objects.create(household=household, token_hash=digest, expires_at=expires), raw
