from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from juridisch.rules import Initiative, InputError, InvalidFacts, Ownership, RegimeFacts

COUNT = forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"})
# Localised decimals are typed with a comma in Dutch; a number input would refuse that.
SHARE = forms.TextInput(
    attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "inputmode": "decimal"}
)
CHECKBOX = forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"})
SELECT = forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"})
# Labels of the rules' enums are msgids through juridisch/text_catalog.py.
NOT_A_WHOLE_NUMBER = {"invalid": _(InputError.NOT_A_WHOLE_NUMBER.label)}


# Far above the largest Dutch heat network (about 100,000 connections), far below the database's
# integer limit.
MAX_CONNECTIONS = 1_000_000


def _count(label: str, required: bool = True, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        help_text=help_text,
        widget=COUNT,
        error_messages=NOT_A_WHOLE_NUMBER,
        max_value=MAX_CONNECTIONS,  # negative counts are the rules' to refuse, in their words
    )


def _share(label: str) -> forms.DecimalField:
    # Range and total are checked by juridisch.rules.Ownership, not here.
    return forms.DecimalField(
        label=label, required=False, max_digits=4, decimal_places=1, localize=True, widget=SHARE
    )


class RegimeForm(forms.Form):
    """The facts of the WCW regime check. Field names are those of RegimeFacts and Ownership, so
    an InvalidFacts from the rules lands on the field it names."""

    # Shown when the page opens without inputs: a residents' initiative for a street.
    DEFAULTS = QueryDict("connections_now=0&connections_expected=24&initiative=residents")

    connections_now = _count(
        _("Aansluitingen nu"), required=False, help_text=_("0 als er nog niets is aangesloten")
    )
    connections_expected = _count(
        _("Aansluitingen in het eindbeeld"), help_text=_("Het aantal waar de pilot naartoe werkt")
    )
    small_consumer_connections = _count(
        _("Waarvan kleinverbruikaansluitingen"),
        required=False,
        help_text=_("Leeg: elke aansluiting is een kleinverbruiker, zoals bij woningen"),
    )
    prospect_above_max = forms.BooleanField(
        label=_("Reëel perspectief op meer dan 1.500 aansluitingen"),
        required=False,
        widget=CHECKBOX,
    )
    initiative = forms.ChoiceField(
        label=_("Wie neemt het initiatief?"),
        choices=[(i.value, _(i.label)) for i in Initiative],
        widget=SELECT,
    )
    public_pct = _share(_("Publiek (gemeente, provincie, netbeheerder)"))
    community_pct = _share(_("Bewonerscoöperatie (warmtegemeenschap)"))
    market_pct = _share(_("Marktpartij"))
    area_designated = forms.BooleanField(
        label=_("De gemeente heeft het gebied aangewezen als warmtekavel"),
        required=False,
        widget=CHECKBOX,
    )

    OWNERSHIP_FIELDS = ("public_pct", "community_pct", "market_pct")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned  # a field that did not parse: the rules would only repeat it
        # The ownership shares and the counts are checked apart, so both can report an error.
        try:
            ownership = self._ownership(cleaned)
        except InvalidFacts as error:
            self._add_invalid(error)
            ownership = Ownership()
        try:
            self._facts(cleaned, ownership)
        except InvalidFacts as error:
            self._add_invalid(error)
        return cleaned

    def clean_connections_now(self) -> int:
        return self.cleaned_data["connections_now"] or 0  # empty: nothing connected yet

    def readable(self) -> list[tuple[str, str]]:
        """Label and shown value of every fact, for a reader who may not edit: the choice's
        label instead of its code, "ja"/"nee" for a box, 0 as 0 and only an empty value as "–"."""
        rows = []
        for field in self:
            value = field.value()
            if isinstance(field.field, forms.BooleanField):
                shown = gettext("ja") if field.field.to_python(value) else gettext("nee")
            elif isinstance(field.field, forms.ChoiceField):
                shown = str(dict(field.field.choices).get(value, value or "–"))
            elif value is None or value == "":
                shown = "–"
            else:
                shown = str(formats.localize(value))
            rows.append((str(field.label), shown))
        return rows

    def to_facts(self) -> RegimeFacts:
        if not self.is_valid():
            raise ValueError("to_facts() needs a valid form")
        return self._facts(self.cleaned_data, self._ownership(self.cleaned_data))

    def _add_invalid(self, error: InvalidFacts) -> None:
        # "ownership" (the shares together) is no single input: a form-wide error, which the
        # template shows with the ownership fields.
        field = error.field if error.field in self.fields else None
        self.add_error(field, gettext(error.code.label))

    @classmethod
    def _ownership(cls, cleaned: dict[str, Any]) -> Ownership:
        # An empty share counts as 0 and the rest as unknown (Ownership.unknown_pct).
        return Ownership(**{name: cleaned[name] or Decimal(0) for name in cls.OWNERSHIP_FIELDS})

    @staticmethod
    def _facts(cleaned: dict[str, Any], ownership: Ownership) -> RegimeFacts:
        return RegimeFacts(
            connections_now=cleaned["connections_now"] or 0,
            connections_expected=cleaned["connections_expected"],
            initiative=Initiative(cleaned["initiative"]),
            small_consumer_connections=cleaned["small_consumer_connections"],
            prospect_above_max=cleaned["prospect_above_max"],
            ownership=ownership,
            area_designated=cleaned["area_designated"],
        )
