"""Setting or resetting one parameter of a pilot, checked against its range and the others."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techniek.calc.parameters import SOURCED, with_parameter_overrides

from .models.parameter import out_of_range

# Rates are stored as fractions (0.05) but typed as percentages (5), as people write them.
PERCENT_UNITS = {"1/jaar"}


def input_scale(unit: str) -> float:
    return 100.0 if unit in PERCENT_UNITS else 1.0


def input_unit(unit: str) -> str:
    return str(_("% per jaar")) if unit in PERCENT_UNITS else unit


def input_value(value: float, unit: str) -> str:
    # Ten significant digits hide float noise like 7.000000000000001 after the × 100.
    shown = float(f"{value * input_scale(unit):.10g}")
    return number_format(int(shown) if shown.is_integer() else shown, use_l10n=True)


class OverrideForm(forms.Form):
    action = forms.ChoiceField(choices=[("save", "save"), ("reset", "reset")], initial="save")
    value = forms.FloatField(
        label=gettext_lazy("Waarde voor deze pilot"), required=False, localize=True
    )
    note = forms.CharField(
        label=gettext_lazy("Bron of toelichting"), max_length=300, required=False
    )
    # The stored value the user saw ("" for the default): a change in between is a conflict.
    seen = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: object, key: str, others: dict[str, float], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.key = key
        self.sourced = SOURCED[key]
        self.others = others

    def clean_seen(self) -> float | None:
        seen = self.cleaned_data["seen"]
        if not seen:
            return None
        try:
            return float(seen)
        except ValueError:
            raise forms.ValidationError(_("Ongeldige formuliergegevens.")) from None

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") != "save" or "value" not in data:
            return data
        if data["value"] is None:
            self.add_error(
                "value", _("Vul een waarde in, of zet de parameter terug naar standaard.")
            )
            return data
        value = data["value"] / input_scale(self.sourced.unit)
        if message := out_of_range(self.key, value):
            self.add_error("value", message)
            return data
        try:
            with_parameter_overrides({**self.others, self.key: value})
        except ValueError:
            self.add_error(
                "value",
                _(
                    "Deze waarde past niet bij de andere eigen waarden van deze pilot "
                    "(bijvoorbeeld aandelen die samen 100 procent of meer worden, of een minimum "
                    "boven het maximum)."
                ),
            )
            return data
        data["stored"] = value
        return data
