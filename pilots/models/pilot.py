from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from juridisch.organisation import OrgModel
from techniek.calc import CATALOGUE, Concept


class Gemeente(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    # CBS municipality code (GM + 4 digits), the key used by CBS and PDOK data sets.
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~Q(cbs_code=""), name="gemeente_cbs_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(cbs_code="") | Q(cbs_code__regex=r"^GM[0-9]{4}$"),
                name="gemeente_cbs_code_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    KWARTIERMAKER = "kwartiermaker", _("Kwartiermaker")
    GEMEENTE = "gemeente", _("Gemeente (lezen)")


class Membership(models.Model):
    """A user's role in one gemeente; roles come from memberships, never from user flags."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=16, choices=Role)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "gemeente"], name="membership_one_role"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.gemeente} ({self.get_role_display()})"


class ScaleClass(models.TextChoices):
    """Scale classes of the seed deck ("Definities"), by number of homes (woningequivalenten)."""

    MINI = "mini", _("Mini (2–50)")
    KLEINSCHALIG = "kleinschalig", _("Kleinschalig (51–1.500)")
    GROOTSCHALIG = "grootschalig", _("Grootschalig (>1.500)")

    @classmethod
    def for_homes(cls, homes: int) -> ScaleClass:
        if homes <= 50:
            return cls.MINI
        if homes <= 1500:
            return cls.KLEINSCHALIG
        return cls.GROOTSCHALIG


class Phase(models.TextChoices):
    """Phases of the seed deck's Utrecht route, plus exploitatie once the network runs."""

    KWARTIERMAKEN = "kwartiermaken", _("Kwartiermaken")
    ONTWIKKELING = "ontwikkeling", _("Ontwikkelingsfase")
    REALISATIE = "realisatie", _("Realisatie")
    EXPLOITATIE = "exploitatie", _("Exploitatie")


# Concepts a pilot can choose: the engine's catalogue without the per-home references.
NETWORK_CONCEPTS = [
    (c.value, CATALOGUE[c].name_nl)
    for c in Concept
    if c not in (Concept.GAS_BOILER, Concept.INDIVIDUAL_AIR_HP, Concept.HYBRID_HP)
]
ORG_MODELS = [
    (OrgModel.ZELFBEHEER.value, _("Zelfbeheer met individuele financiering")),
    (OrgModel.COOPERATIE.value, _("Lokale energiecoöperatie")),
    (OrgModel.MARKTPARTNER.value, _("Marktpartner / ESCO")),
]


class PilotQuerySet(models.QuerySet["Pilot"]):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> PilotQuerySet:
        if not user.is_authenticated:
            return self.none()
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column.
        return self.filter(gemeente__in=Membership.objects.filter(user=user).values("gemeente"))

    def with_rights_of(self, user: AbstractBaseUser | AnonymousUser) -> PilotQuerySet:
        """Annotate whether `user` may edit, so `Pilot.editable_by(user)` needs no query."""
        if not user.is_authenticated:
            return self.none()
        kwartiermaker = Membership.objects.filter(
            user=user, gemeente=models.OuterRef("gemeente"), role=Role.KWARTIERMAKER
        )
        return self.annotate(user_may_edit=models.Exists(kwartiermaker))

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> PilotQuerySet:
        if not user.is_authenticated:
            return self.none()
        kwartiermaker = Membership.objects.filter(user=user, role=Role.KWARTIERMAKER)
        return self.filter(gemeente__in=kwartiermaker.values("gemeente"))


class Pilot(models.Model):
    name = models.CharField(_("naam"), max_length=120)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="pilots", verbose_name=_("gemeente")
    )
    neighbourhood = models.CharField(_("buurt of wijk"), max_length=120, blank=True, default="")
    streets = models.CharField(
        _("straten"),
        max_length=300,
        blank=True,
        default="",
        help_text=_("Straat, blok of plein; meerdere gescheiden door komma's."),
    )
    homes = models.PositiveIntegerField(
        _("aantal woningen"), help_text=_("Woningen (equivalenten) in het plangebied.")
    )
    phase = models.CharField(_("fase"), max_length=16, choices=Phase, default=Phase.KWARTIERMAKEN)
    technique = models.CharField(
        _("techniek (kort)"),
        max_length=120,
        blank=True,
        default="",
        help_text=_("Voorlopige omschrijving; het gekozen concept volgt uit de vergelijking."),
    )
    programme = models.CharField(
        _("programma"),
        max_length=120,
        blank=True,
        default="",
        help_text=_("Bijvoorbeeld Programma Aardgasvrije Wijken (proeftuin)."),
    )
    description = models.TextField(_("omschrijving"), blank=True, default="")
    # Go threshold: domain.md §5, cases show 60–85 % (Staphorst 60, Warm Heeg 75,
    # Westerkwartier 75–85); no general rule confirmed, so 70 % is an editable default [U].
    participation_target_pct = models.PositiveSmallIntegerField(
        _("participatiedoel (%)"),
        default=70,
        help_text=_("Aandeel woningen dat moet tekenen voor een go; praktijk 60–85%."),
    )
    # The technical concept and organisation model the pilot works towards (blank: not yet).
    concept = models.CharField(
        _("gekozen concept"), max_length=32, blank=True, default="", choices=NETWORK_CONCEPTS
    )
    org_model = models.CharField(
        _("organisatiemodel"), max_length=16, blank=True, default="", choices=ORG_MODELS
    )
    # Site facts the concept comparison needs; None/False: unknown or not available.
    street_length_m = models.PositiveIntegerField(
        _("straatlengte (m)"),
        null=True,
        blank=True,
        help_text=_("Lengte van de straat of het tracé langs de deelnemende woningen."),
    )
    surface_water = models.BooleanField(_("oppervlaktewater in de buurt"), default=False)
    aquifer_suitable = models.BooleanField(
        _("bodem geschikt voor WKO"), null=True, blank=True, default=None
    )
    waste_heat_kw = models.PositiveIntegerField(
        _("beschikbare restwarmte (kW)"), default=0, blank=True
    )
    # Public contact for residents on the street dashboard (the kwartiermaker's, not a resident's).
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True, default="")
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True, default="")
    contact_phone = models.CharField(
        _("telefoon contactpersoon"), max_length=30, blank=True, default=""
    )
    # Archived pilots leave the portfolio's default list but keep every row (nothing is deleted).
    archived_at = models.DateTimeField(_("gearchiveerd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PilotQuerySet.as_manager()

    class Meta:
        ordering = ["gemeente__name", "name"]
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "name"], name="pilot_name_unique_in_gemeente"
            ),
            # A heat network connects at least two homes (seed deck: mini starts at 2).
            models.CheckConstraint(
                condition=Q(homes__gte=2) & Q(homes__lte=100_000), name="pilot_homes_range"
            ),
            models.CheckConstraint(condition=Q(phase__in=Phase.values), name="pilot_phase_valid"),
            models.CheckConstraint(
                condition=Q(participation_target_pct__gte=1) & Q(participation_target_pct__lte=100),
                name="pilot_participation_target_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # Every pilot starts with the phase checklists of the seed deck.
            from pilots.milestones import ensure_milestones

            ensure_milestones(self)

    def get_absolute_url(self) -> str:
        return reverse("pilots:detail", args=[self.pk])

    @property
    def scale_class(self) -> ScaleClass:
        return ScaleClass.for_homes(self.homes)

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> bool:
        if not user.is_authenticated:
            return False
        known = getattr(self, "editable_for", None)  # (user pk, answer) from with_rights_of()
        if known is not None and known[0] == user.pk:
            return known[1]
        return Membership.objects.filter(
            user=user, gemeente_id=self.gemeente_id, role=Role.KWARTIERMAKER
        ).exists()
