from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pilot import Pilot

# PostNL: four digits not starting with 0, two letters; SA, SD and SS are never issued.
POSTCODE_RE = r"^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$"
postcode_validator = RegexValidator(
    POSTCODE_RE,
    _("Geen geldige Nederlandse postcode (vier cijfers en twee letters, zoals 3511AB)."),
)


def normalise_postcode(raw: str) -> str:
    """'3511 ab' → '3511AB'; validation happens separately."""
    return "".join(raw.split()).upper()


class BuildingType(models.TextChoices):
    """Building classes of the seed deck and CBS (dwelling type)."""

    DETACHED = "detached", _("Vrijstaand / villa")
    SEMI_DETACHED = "semi_detached", _("Twee-onder-een-kap")
    END_TERRACE = "end_terrace", _("Hoekwoning")
    MID_TERRACE = "mid_terrace", _("Tussenwoning")
    APARTMENT_LOW = "apartment_low", _("Appartement laagbouw")
    APARTMENT_HIGH = "apartment_high", _("Appartement hoogbouw")


class EnergyLabel(models.TextChoices):
    A = "A", "A (A+ t/m A++++)"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"
    E = "E", "E"
    F = "F", "F"
    G = "G", "G"


class Heating(models.TextChoices):
    GAS_BOILER = "gas_boiler", _("Cv-ketel op gas")
    HYBRID = "hybrid", _("Hybride warmtepomp")
    HEAT_PUMP = "heat_pump", _("Volledig elektrische warmtepomp")
    DISTRICT = "district", _("Warmtenet / blokverwarming")
    OTHER = "other", _("Anders")


class Tenure(models.TextChoices):
    OWNER = "owner", _("Eigenaar-bewoner")
    SOCIAL_RENT = "social_rent", _("Huurder (woningcorporatie)")
    PRIVATE_RENT = "private_rent", _("Huurder (particulier)")


class Commitment(models.TextChoices):
    """The commitment ladder of the issue; 'afgehaakt' can follow any step."""

    UNKNOWN = "unknown", _("Onbekend")
    INTERESTED = "interested", _("Geïnteresseerd")
    INTENT = "intent", _("Intentie (intentieverklaring)")
    SIGNED = "signed", _("Getekend (contract)")
    WITHDRAWN = "withdrawn", _("Afgehaakt")


class ChangeSource(models.TextChoices):
    EDIT = "edit", _("Kwartiermaker")
    IMPORT = "import", _("Import")
    RESIDENT = "resident", _("Bewoner")


class StaleEdit(Exception):
    """Somebody else saved this row since the form was opened: refuse, never overwrite."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(f"{current!r} changed meanwhile")
        self.current = current


class Household(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="households")
    street = models.CharField(_("straat"), max_length=120)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    suffix = models.CharField(_("toevoeging"), max_length=8, blank=True, default="")
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    building_type = models.CharField(_("woningtype"), max_length=16, choices=BuildingType)
    construction_year = models.PositiveSmallIntegerField(_("bouwjaar"), null=True, blank=True)
    floor_area_m2 = models.PositiveIntegerField(_("woonoppervlak (m²)"), null=True, blank=True)
    energy_label = models.CharField(
        _("energielabel"), max_length=1, choices=EnergyLabel, blank=True, default=""
    )
    gas_m3_per_year = models.PositiveIntegerField(_("gasverbruik (m³/jaar)"), null=True, blank=True)
    heating = models.CharField(
        _("huidige verwarming"), max_length=16, choices=Heating, default=Heating.GAS_BOILER
    )
    tenure = models.CharField(_("eigendom"), max_length=16, choices=Tenure, default=Tenure.OWNER)
    housing_corporation = models.CharField(
        _("woningcorporatie"), max_length=120, blank=True, default=""
    )
    contact_consent = models.BooleanField(_("toestemming voor contact"), default=False)
    commitment = models.CharField(
        _("commitment"), max_length=16, choices=Commitment, default=Commitment.UNKNOWN
    )
    # Where the home is, in RD New (EPSG:28992) metres: trench lengths, clusters and the map.
    # From the address register (BAG); empty for homes typed or imported without a position.
    rd_x = models.FloatField(_("RD x (m)"), null=True, blank=True)
    rd_y = models.FloatField(_("RD y (m)"), null=True, blank=True)
    # BAG verblijfsobject id (16 digits): the register's key, for labels and later updates.
    bag_id = models.CharField(_("BAG-id"), max_length=16, blank=True, default="")
    version = models.PositiveIntegerField(default=0)  # optimistic lock for inline edits
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["street", "house_number", "suffix"]
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        constraints = [
            # "" instead of NULL for no suffix, so the unique constraint holds.
            models.UniqueConstraint(
                fields=["pilot", "postcode", "house_number", "suffix"],
                name="household_address_unique_in_pilot",
                violation_error_message=_("Dit adres staat al in deze pilot."),
            ),
            models.CheckConstraint(
                condition=Q(postcode__regex=POSTCODE_RE), name="household_postcode_format"
            ),
            models.CheckConstraint(
                condition=Q(house_number__gte=1) & Q(house_number__lte=99_999),
                name="household_house_number_range",
            ),
            # Upper bound shared with techniek.calc.inputs.MAX_GAS_M3_PER_YEAR.
            models.CheckConstraint(
                condition=Q(gas_m3_per_year__lte=20_000), name="household_gas_use_plausible"
            ),
            models.CheckConstraint(
                condition=Q(floor_area_m2__gte=15) & Q(floor_area_m2__lte=2000),
                name="household_floor_area_plausible",
            ),
            models.CheckConstraint(
                condition=Q(construction_year__gte=1500) & Q(construction_year__lte=2100),
                name="household_construction_year_plausible",
            ),
            models.CheckConstraint(
                condition=Q(building_type__in=BuildingType.values),
                name="household_building_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(commitment__in=Commitment.values), name="household_commitment_valid"
            ),
            # Both or neither, inside the RD New domain of the Netherlands (the engine's bounds,
            # techniek.calc.inputs.HouseholdInput).
            models.CheckConstraint(
                condition=(Q(rd_x__isnull=True) & Q(rd_y__isnull=True))
                | (
                    Q(rd_x__gte=-7_000)
                    & Q(rd_x__lte=300_000)
                    & Q(rd_y__gte=289_000)
                    & Q(rd_y__lte=629_000)
                ),
                name="household_rd_position_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.address

    @property
    def street_address(self) -> str:
        return f"{self.street} {self.house_number}{'-' + self.suffix if self.suffix else ''}"

    @property
    def address(self) -> str:
        return f"{self.street_address}, {self.postcode}"

    def set_commitment(
        self,
        new: Commitment | str,
        *,
        by: object | None,
        source: ChangeSource = ChangeSource.EDIT,
        note: str = "",
        expected_version: int | None = None,
    ) -> CommitmentChange | None:
        """Change the commitment and append its history row in one transaction.

        With `expected_version`, a concurrent save since the form was opened raises
        StaleEdit instead of overwriting it. Setting the current value again records nothing.
        """
        new = Commitment(new)
        with transaction.atomic():
            current = Household.objects.select_for_update().get(pk=self.pk)
            if expected_version is not None and current.version != expected_version:
                raise StaleEdit(current)
            if current.commitment == new:
                self.commitment, self.version = current.commitment, current.version
                return None
            Household.objects.filter(pk=self.pk).update(
                commitment=new, version=F("version") + 1, updated_at=timezone.now()
            )
            change = CommitmentChange.objects.create(
                household=self,
                from_status=current.commitment,
                to_status=new,
                changed_by=by,
                source=source,
                note=note,
            )
        self.commitment, self.version = new, current.version + 1
        return change

    @classmethod
    def set_commitments(
        cls,
        changes: list[tuple[Household, str]],
        *,
        by: object | None,
        source: ChangeSource,
    ) -> int:
        """Bulk form of set_commitment for imports: one UPDATE per new status, one INSERT.

        The caller holds the rows locked (select_for_update) inside its transaction, so the
        `from` status read from the instances is the current one.
        """
        changes = [(h, Commitment(new)) for h, new in changes if h.commitment != new]
        if not changes:
            return 0
        now = timezone.now()
        for new in {new for _h, new in changes}:
            pks = [h.pk for h, n in changes if n == new]
            cls.objects.filter(pk__in=pks).update(
                commitment=new, version=F("version") + 1, updated_at=now
            )
        CommitmentChange.objects.bulk_create(
            [
                CommitmentChange(
                    household=h,
                    from_status=h.commitment,
                    to_status=new,
                    changed_by=by,
                    changed_at=now,
                    source=source,
                )
                for h, new in changes
            ],
            batch_size=1000,
        )
        for h, new in changes:
            h.commitment, h.version = new, h.version + 1
        return len(changes)


class CommitmentChange(models.Model):
    """Append-only history of a household's commitment; feeds participation over time."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=16, choices=Commitment)
    to_status = models.CharField(max_length=16, choices=Commitment)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    source = models.CharField(max_length=16, choices=ChangeSource, default=ChangeSource.EDIT)
    note = models.CharField(_("notitie"), max_length=500, blank=True, default="")

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("commitmentwijziging")
        verbose_name_plural = _("commitmentwijzigingen")

    def __str__(self) -> str:
        return f"{self.household_id}: {self.from_status} → {self.to_status}"
