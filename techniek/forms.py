import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from techniek.calc import BuildingType, ConstructionPeriod, HouseholdInput, SiteInput
from techniek.labels import BUILDING_TYPES, CONSTRUCTION_PERIODS

# The WCW's klein collectief maximum; above it a network is grootschalig (seed deck).
MAX_HOMES = 1500
MAX_STREET_M = 100_000  # SiteInput's valid range
MAX_WASTE_HEAT_KW = 100_000
DEFAULT_PERIOD = ConstructionPeriod.P1975_1991  # CBS's average home is taken as label D

# A text box, not type=number: Dutch users type "1.500", which a number input would refuse.
WHOLE_NUMBER = forms.TextInput(
    attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "inputmode": "numeric"}
)
CHECKBOX = forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"})
SELECT = forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"})


class WholeNumberField(forms.IntegerField):
    """An integer that may carry the language's thousands separator: "1.500" in Dutch."""

    def to_python(self, value: object) -> int | None:
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", "").replace(" ", "")
            sep = re.escape(get_format("THOUSAND_SEPARATOR"))
            if re.fullmatch(rf"\d{{1,3}}(?:{sep}\d{{3}})+", value):
                value = re.sub(sep, "", value)
        return super().to_python(value)


def _whole(label: str, maximum: int, too_big: str, help_text: str = "") -> forms.IntegerField:
    return WholeNumberField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=maximum,
        widget=WHOLE_NUMBER,
        error_messages={
            "invalid": _("Vul een heel getal in, zonder komma."),
            "min_value": _("Dit getal kan niet negatief zijn."),
            "max_value": too_big,
        },
    )


def _homes(building_type: BuildingType) -> forms.IntegerField:
    return _whole(
        BUILDING_TYPES[building_type], MAX_HOMES, _("Vul hoogstens 1.500 woningen per type in.")
    )


@dataclass(frozen=True)
class Quickscan:
    households: tuple[HouseholdInput, ...]
    site: SiteInput
    street_length_estimated: bool  # no street length given: the engine's frontage per type

    @property
    def homes(self) -> int:
        return len(self.households)


class QuickscanForm(forms.Form):
    """A street described by counts per building type; builds the engine's inputs."""

    # Shown when the page opens without inputs: a street of 24 terraced homes from the 1980s.
    DEFAULTS = QueryDict(
        "mid_terrace=20&end_terrace=4&construction_period=1975_1991&aquifer=unknown"
    )

    apartment = _homes(BuildingType.APARTMENT)
    mid_terrace = _homes(BuildingType.MID_TERRACE)
    end_terrace = _homes(BuildingType.END_TERRACE)
    semi_detached = _homes(BuildingType.SEMI_DETACHED)
    detached = _homes(BuildingType.DETACHED)
    construction_period = forms.ChoiceField(
        label=_("Bouwperiode"),
        choices=list(CONSTRUCTION_PERIODS.items()),
        initial=DEFAULT_PERIOD,
        widget=SELECT,
        error_messages={"invalid_choice": _("Kies een bouwperiode uit de lijst.")},
    )
    street_length_m = _whole(
        _("Straatlengte (m)"),
        MAX_STREET_M,
        _("Vul hoogstens 100.000 meter in."),
        help_text=_("Leiding door de openbare straat langs alle deelnemers. Leeg: geschat."),
    )
    surface_water = forms.BooleanField(
        label=_("Oppervlaktewater in de buurt (sloot, vaart, plas)"),
        required=False,
        widget=CHECKBOX,
    )
    aquifer = forms.ChoiceField(
        label=_("Bodem geschikt voor WKO"),
        choices=[("unknown", _("Onbekend")), ("yes", _("Ja")), ("no", _("Nee"))],
        initial="unknown",
        required=False,
        widget=SELECT,
        error_messages={"invalid_choice": _("Kies ja, nee of onbekend.")},
    )
    waste_heat_kw = _whole(
        _("Restwarmte beschikbaar (kW)"),
        MAX_WASTE_HEAT_KW,
        _("Vul hoogstens 100.000 kW in."),
        help_text=_("Continu beschikbaar vermogen. Leeg of 0: geen restwarmte."),
    )

    HOME_FIELDS = tuple(BuildingType)

    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        # A link with only counts (?detached=12) gets the default period, and the select shows it.
        if data is not None and not data.get("construction_period"):
            data = data.copy()
            data["construction_period"] = DEFAULT_PERIOD.value
        super().__init__(data, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if any(name in self.errors for name in self.HOME_FIELDS):
            return cleaned
        total = sum(cleaned.get(name) or 0 for name in self.HOME_FIELDS)
        if total < 2:
            self.add_error(
                None,
                _("Vul samen minstens 2 woningen in: een warmtenet verbindt er minstens twee."),
            )
        elif total > MAX_HOMES:
            self.add_error(
                None,
                _(
                    "Samen meer dan 1.500 woningen: dat is een grootschalig warmtenet. De "
                    "quickscan rekent tot 1.500 woningen."
                ),
            )
        return cleaned

    def to_quickscan(self) -> Quickscan:
        if not self.is_valid():
            raise ValueError("to_quickscan() needs a valid form")
        data = self.cleaned_data
        period = ConstructionPeriod(data["construction_period"])
        households = tuple(
            HouseholdInput(building_type=BuildingType(name), construction_period=period)
            for name in self.HOME_FIELDS
            for _home in range(data[name] or 0)
        )
        street = data["street_length_m"]
        site = SiteInput(
            street_length_m=float(street) if street is not None else None,
            surface_water=data["surface_water"],
            aquifer_suitable={"yes": True, "no": False}.get(data["aquifer"]),
            waste_heat_kw=float(data["waste_heat_kw"] or 0),
        )
        return Quickscan(households, site, street is None)
