from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from juridisch.regime import Initiative

from .pilot import Pilot


class PilotRegimeFacts(models.Model):
    """The facts a pilot's WCW regime check runs on; field names are those of RegimeForm."""

    pilot = models.OneToOneField(Pilot, on_delete=models.CASCADE, related_name="regime_facts")
    connections_now = models.PositiveIntegerField(default=0)
    connections_expected = models.PositiveIntegerField()
    small_consumer_connections = models.PositiveIntegerField(null=True, blank=True)
    prospect_above_max = models.BooleanField(default=False)
    initiative = models.CharField(
        max_length=16, choices=[(i.value, i.value) for i in Initiative], default="residents"
    )
    public_pct = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    community_pct = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    market_pct = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    area_designated = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    FORM_FIELDS = (
        "connections_now",
        "connections_expected",
        "small_consumer_connections",
        "prospect_above_max",
        "initiative",
        "public_pct",
        "community_pct",
        "market_pct",
        "area_designated",
    )

    class Meta:
        verbose_name = _("WCW-feiten")
        verbose_name_plural = _("WCW-feiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(public_pct__gte=0, public_pct__lte=100) | Q(public_pct__isnull=True),
                name="regime_public_pct_range",
            ),
            models.CheckConstraint(
                condition=Q(community_pct__gte=0, community_pct__lte=100)
                | Q(community_pct__isnull=True),
                name="regime_community_pct_range",
            ),
            models.CheckConstraint(
                condition=Q(market_pct__gte=0, market_pct__lte=100) | Q(market_pct__isnull=True),
                name="regime_market_pct_range",
            ),
        ]

    def __str__(self) -> str:
        return f"WCW-feiten {self.pilot}"

    def as_form_data(self) -> dict[str, object]:
        data = {name: getattr(self, name) for name in self.FORM_FIELDS}
        return {k: ("" if v is None else v) for k, v in data.items() if v is not False}

    @classmethod
    def default_for(cls, pilot: Pilot) -> "PilotRegimeFacts":
        # Until the kwartiermaker fills it in: the plan area's homes, a residents' initiative.
        return cls(pilot=pilot, connections_expected=pilot.homes)
