from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from techniek.calc.parameters import SOURCED, Parameters, with_parameter_overrides

from ..parameters import display
from .pilot import Pilot


class ParameterOverride(models.Model):
    """A pilot's own value for one calculation parameter, instead of its sourced default.

    `key` is the engine's "group.field"; the value must lie within the default's valid range.
    The note is the pilot's source for the value (an offer, a measurement), shown beside it.
    """

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="overrides")
    key = models.CharField(_("parameter"), max_length=80)
    value = models.FloatField(_("waarde"))
    note = models.CharField(_("bron of toelichting"), max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("eigen parameterwaarde")
        verbose_name_plural = _("eigen parameterwaarden")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "key"], name="override_unique_per_pilot"),
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"

    def clean(self) -> None:
        if self.key not in SOURCED:
            raise ValidationError({"key": _("Deze parameter bestaat niet.")})
        if self.value is not None and (message := out_of_range(self.key, self.value)):
            raise ValidationError({"value": message})


def out_of_range(key: str, value: float) -> str | None:
    """The Dutch message for a value outside the default's valid range, or None."""
    s = SOURCED[key]
    if s.low <= value <= s.high:  # type: ignore[operator]
        return None
    return _("Kies een waarde tussen %(low)s en %(high)s.") % {
        "low": display(s.low, s.unit),  # type: ignore[arg-type]
        "high": display(s.high, s.unit),  # type: ignore[arg-type]
    }


def pilot_parameters(pilot: Pilot) -> Parameters:
    """The pilot's parameters: the defaults with its stored overrides applied."""
    return parameters_from(dict(pilot.overrides.values_list("key", "value")))


def parameters_from(overrides: dict[str, float]) -> Parameters:
    """Apply `overrides`, skipping any that no longer fits the registry (a default's range or
    name changed in a later version) rather than failing every page of the pilot."""
    valid: dict[str, float] = {}
    for key, value in sorted(overrides.items()):
        try:
            with_parameter_overrides({**valid, key: value})
        except ValueError:
            continue
        valid[key] = value
    return with_parameter_overrides(valid)
