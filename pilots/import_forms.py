"""One row of a household import file: spreadsheet cells in, Household field values out.

The field names are the Dutch column headers of the file, so a form error names the column the
user sees. The ranges mirror the Household check constraints and HouseholdForm's messages.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import cache

from django import forms
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models.household import (
    BuildingType,
    Commitment,
    EnergyLabel,
    Heating,
    Tenure,
    normalise_postcode,
    postcode_validator,
)

# What a cell holds after reading: text from CSV; text, numbers or booleans from XLSX.
Cell = str | int | float | bool | None

REQUIRED = {"required": _("Verplicht veld is leeg.")}

# Column header → Household field. Order is the column order of exports and the template.
MODEL_FIELDS = {
    "straat": "street",
    "huisnummer": "house_number",
    "toevoeging": "suffix",
    "postcode": "postcode",
    "woningtype": "building_type",
    "bouwjaar": "construction_year",
    "woonoppervlak_m2": "floor_area_m2",
    "energielabel": "energy_label",
    "gasverbruik_m3": "gas_m3_per_year",
    "verwarming": "heating",
    "eigendom": "tenure",
    "woningcorporatie": "housing_corporation",
    "toestemming_contact": "contact_consent",
    "commitment": "commitment",
}
# Columns whose field has a default instead of "empty": an empty cell keeps the current value
# (or the default for a new household) rather than clearing it.
KEEP_WHEN_EMPTY = {"verwarming", "eigendom", "toestemming_contact", "commitment"}


def alias_key(text: object) -> str:
    """'Twee-onder-een-kap', 'twee onder een kap ' → 'tweeondereenkap'; 'é' → 'e', 'm²' → 'm2'."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


# Headers people write instead of ours (the model's labels among them), by alias_key.
HEADER_ALIASES = {
    **{alias_key(name): name for name in MODEL_FIELDS},
    "huisnr": "huisnummer",
    "woonoppervlak": "woonoppervlak_m2",
    "gasverbruik": "gasverbruik_m3",
    "gasverbruikm3jaar": "gasverbruik_m3",
    "huidigeverwarming": "verwarming",
    "toestemmingvoorcontact": "toestemming_contact",
}

# Shorthands beyond the code and the parts of each label; alias_key form.
EXTRA_CHOICES: dict[type[models.TextChoices], dict[str, str]] = {
    Heating: {
        "cv": Heating.GAS_BOILER,
        "cvketel": Heating.GAS_BOILER,
        "gas": Heating.GAS_BOILER,
        "hybride": Heating.HYBRID,
        "warmtepomp": Heating.HEAT_PUMP,
        "warmtenet": Heating.DISTRICT,
        "blokverwarming": Heating.DISTRICT,
    },
    Tenure: {
        "eigenaar": Tenure.OWNER,
        "koop": Tenure.OWNER,
        "koopwoning": Tenure.OWNER,
        "socialehuur": Tenure.SOCIAL_RENT,
        "corporatie": Tenure.SOCIAL_RENT,
        "particulierehuur": Tenure.PRIVATE_RENT,
    },
    Commitment: {"intentieverklaring": Commitment.INTENT, "contract": Commitment.SIGNED},
}


@cache
def choice_aliases(choices: type[models.TextChoices]) -> dict[str, str]:
    """Every accepted spelling of a choice: code, Dutch label, and the label's parts.

    'Vrijstaand / villa' also answers to 'vrijstaand' and 'villa'; 'Getekend (contract)' to
    'getekend'. A part shared by two choices ('Huurder (…)') is dropped as ambiguous.
    """
    found: dict[str, set[str]] = {}
    with translation.override("nl"):
        for value, label in choices.choices:
            label = str(label)
            parts = {value, label, label.split("(")[0], *re.findall(r"\((.*?)\)", label)}
            parts |= set(label.split("(")[0].split("/"))
            for part in parts:
                if key := alias_key(part):
                    found.setdefault(key, set()).add(value)
    aliases = {key: values.pop() for key, values in found.items() if len(values) == 1}
    return {**aliases, **{k: str(v) for k, v in EXTRA_CHOICES.get(choices, {}).items()}}


class LabelChoiceField(forms.Field):
    def __init__(self, choices: type[models.TextChoices], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.choice_class = choices

    def to_python(self, value: Cell) -> str | None:
        if value is None or str(value).strip() == "":
            return None
        found = choice_aliases(self.choice_class).get(alias_key(value))
        if found is None:
            with translation.override("nl"):
                options = ", ".join(str(label) for label in self.choice_class.labels)
            raise forms.ValidationError(
                _("Onbekende waarde “%(value)s”. Kies uit: %(options)s."),
                code="invalid_choice",
                params={"value": str(value).strip(), "options": options},
            )
        return found


YES = {"ja", "j", "yes", "y", "waar", "true", "1", "x"}
NO = {"nee", "n", "no", "onwaar", "false", "0"}


class YesNoField(forms.Field):
    def to_python(self, value: Cell) -> bool | None:
        if isinstance(value, bool):
            return value
        if value is None or str(value).strip() == "":
            return None
        key = alias_key(value)
        if key in YES or key in NO:
            return key in YES
        raise forms.ValidationError(
            _("Vul ja of nee in, niet “%(value)s”."), code="invalid", params={"value": value}
        )


# "1.350" is Dutch for one thousand three hundred and fifty: a dot before groups of three.
THOUSANDS_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
# "1,350" is 1,35 with a Dutch decimal comma but 1350 in an English file: neither is assumed.
# A leading zero ("0,350") is never a thousands group, so that one is a plain decimal.
AMBIGUOUS_COMMA = re.compile(r"^-?[1-9]\d{0,2},\d{3}$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class AmbiguousNumber(ValueError):
    """A cell whose thousands/decimal separator can be read two ways."""


def parse_number(value: Cell) -> Decimal:
    """'1.350' → 1350, '1350,5' → 1350.5, '1.350,5' → 1350.5; ValueError for anything else.

    '1,350' raises AmbiguousNumber: a file with Dutch decimals means 1,35, an English one 1350.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = "".join(str(value).split())
    if AMBIGUOUS_COMMA.match(text):
        raise AmbiguousNumber(value)
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif THOUSANDS_DOTS.match(text):
        text = text.replace(".", "")
    if not PLAIN_NUMBER.match(text):
        raise ValueError(value)
    return Decimal(text)


def _decimal_reading(text: str) -> str:
    """'1,350' read with a decimal comma, as the Dutch write it: '1,35'."""
    number = Decimal("".join(text.split()).replace(",", ".")).normalize()
    return f"{number:f}".replace(".", ",")


class NumberField(forms.Field):
    """A whole number from a Dutch-formatted cell.

    The Household fields hold whole numbers; a decimal is refused, never rounded, so the user
    decides (1350,5 m³ is not silently 1351).
    """

    def __init__(
        self,
        *,
        minimum: int = 0,
        maximum: int | None = None,
        range_message: str = "",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)
        self.minimum, self.maximum = minimum, maximum
        self.range_message = range_message

    def to_python(self, value: Cell) -> int | None:
        if value is None or str(value).strip() == "":
            return None
        shown = str(value).strip()
        try:
            number = parse_number(value)
        except AmbiguousNumber:
            raise forms.ValidationError(
                _(
                    "Dubbelzinnig getal “%(value)s”: met een decimale komma is het %(decimal)s, "
                    "met een komma als duizendtal %(thousands)s. Schrijf het zonder "
                    "scheidingsteken (%(plain)s) of met een punt voor de duizendtallen."
                ),
                code="ambiguous",
                params={
                    "value": shown,
                    "decimal": _decimal_reading(shown),
                    "thousands": shown.replace(",", "."),
                    "plain": shown.replace(",", ""),
                },
            ) from None
        except ValueError:
            raise forms.ValidationError(
                _("Geen geldig getal: “%(value)s”."), code="invalid", params={"value": shown}
            ) from None
        if number < 0:
            raise forms.ValidationError(_("Mag niet negatief zijn."), code="negative")
        if number != number.to_integral_value():
            raise forms.ValidationError(
                _(
                    "Vul een heel getal in, zonder decimalen: “%(value)s” wordt niet afgerond. "
                    "Schrijf bijvoorbeeld %(down)s of %(up)s."
                ),
                code="whole",
                params={
                    "value": shown,
                    "down": int(number.to_integral_value(rounding=ROUND_FLOOR)),
                    "up": int(number.to_integral_value(rounding=ROUND_CEILING)),
                },
            )
        return int(number)

    def validate(self, value: int | None) -> None:
        super().validate(value)
        if value is None or self.maximum is None:
            return
        if not self.minimum <= value <= self.maximum:
            raise forms.ValidationError(self.range_message, code="range")


HOUSE_NUMBER = re.compile(r"^(\d+)(?:\s*[-/]?\s*(\S.*))?$")


# Shown on the import page and in the template's "Toelichting" sheet. Kept off the form
# fields: every row builds a bound field per column, and lazy help texts cost a gettext each.
COLUMN_HELP = {
    "straat": _("Straatnaam, bijvoorbeeld Kennedylaan."),
    "huisnummer": _("Alleen het nummer; “12a” wordt gesplitst in 12 en toevoeging A."),
    "toevoeging": _("Huisletter of -toevoeging, mag leeg."),
    "postcode": _("Zoals 3511AB of 3511 ab."),
    "woningtype": _("Een van de woningtypen hieronder."),
    "bouwjaar": _("Jaartal, mag leeg."),
    "woonoppervlak_m2": _("Hele vierkante meters; een getal met decimalen wordt geweigerd."),
    "energielabel": _("A t/m G (A+ en hoger tellen als A), mag leeg."),
    "gasverbruik_m3": _(
        "Bekend jaarverbruik in hele m³, zoals 1.350 of 1350 (niet 1,350); mag leeg."
    ),
    "verwarming": _("Leeg: cv-ketel op gas, of de bestaande waarde."),
    "eigendom": _("Leeg: eigenaar-bewoner, of de bestaande waarde."),
    "woningcorporatie": _("Bij huur van een corporatie, mag leeg."),
    "toestemming_contact": _("ja of nee. Leeg: nee, of de bestaande waarde."),
    "commitment": _("Leeg laat de status ongemoeid; een wijziging komt in de historie."),
}


class _SharedFields(dict):
    """Row forms never change their fields, so the thousands of forms of one import share
    them instead of deep-copying fourteen fields with widgets each (half of the check's time).
    """

    def __deepcopy__(self, memo: dict) -> _SharedFields:
        return self


class HouseholdRowForm(forms.Form):
    straat = forms.CharField(max_length=120, error_messages=REQUIRED)
    huisnummer = forms.CharField(max_length=20, error_messages=REQUIRED)
    toevoeging = forms.CharField(max_length=8, required=False)
    postcode = forms.CharField(max_length=10, error_messages=REQUIRED)
    woningtype = LabelChoiceField(BuildingType, error_messages=REQUIRED)
    bouwjaar = NumberField(required=False)
    woonoppervlak_m2 = NumberField(
        required=False,
        minimum=15,
        maximum=2000,
        range_message=_("Woonoppervlak moet tussen 15 en 2.000 m² liggen."),
    )
    energielabel = LabelChoiceField(EnergyLabel, required=False)
    gasverbruik_m3 = NumberField(
        required=False,
        maximum=20_000,
        range_message=_("Meer dan 20.000 m³ gas per jaar is niet aannemelijk voor een woning."),
    )
    verwarming = LabelChoiceField(Heating, required=False)
    eigendom = LabelChoiceField(Tenure, required=False)
    woningcorporatie = forms.CharField(max_length=120, required=False)
    toestemming_contact = YesNoField(required=False)
    commitment = LabelChoiceField(Commitment, required=False)

    def clean_huisnummer(self) -> tuple[int, str]:
        match = HOUSE_NUMBER.match(self.cleaned_data["huisnummer"])
        number = int(match.group(1)) if match else 0
        if not 1 <= number <= 99_999:
            raise forms.ValidationError(
                _("Huisnummer moet een getal van 1 tot 99.999 zijn (toevoeging apart)."),
                code="invalid",
            )
        return number, (match.group(2) or "")

    def clean_toevoeging(self) -> str:
        return self.cleaned_data["toevoeging"].lstrip("-").strip().upper()

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        postcode_validator(postcode)
        return postcode

    def clean_bouwjaar(self) -> int | None:
        year = self.cleaned_data["bouwjaar"]
        if year is not None and not 1500 <= year <= timezone.localdate().year + 5:
            raise forms.ValidationError(_("Bouwjaar moet tussen 1500 en nu liggen."))
        return year

    def clean(self) -> dict:
        data = super().clean()
        number = data.get("huisnummer")
        if number is not None:
            data["huisnummer"], split_suffix = number
            if split_suffix:
                if data.get("toevoeging"):
                    self.add_error(
                        "huisnummer", _("Toevoeging staat zowel bij huisnummer als apart.")
                    )
                elif len(split_suffix) > 8:
                    self.add_error("huisnummer", _("Toevoeging is langer dan 8 tekens."))
                else:
                    data["toevoeging"] = split_suffix.lstrip("-").strip().upper()
        return data


HouseholdRowForm.base_fields = _SharedFields(HouseholdRowForm.base_fields)
