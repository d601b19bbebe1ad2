from collections.abc import Iterable

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warmtenet.forms import DesignSystemForm

from .models import (
    Commitment,
    Gemeente,
    Household,
    Milestone,
    MilestoneStatus,
    Phase,
    PilotQuerySet,
    ScaleClass,
)
from .models.household import normalise_postcode

SORTS = {
    "name": ("name",),
    "gemeente": ("gemeente__name", "name"),
    "homes": ("-homes", "name"),
    "phase": ("phase", "name"),
    "activity": ("-updated_at",),
}


class PortfolioFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    gemeente = forms.TypedChoiceField(label=_("Gemeente"), required=False, coerce=int)
    phase = forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle fasen")), *Phase.choices]
    )
    scale = forms.ChoiceField(
        label=_("Schaal"), required=False, choices=[("", _("Alle schalen")), *ScaleClass.choices]
    )
    archive = forms.ChoiceField(
        label=_("Archief"),
        required=False,
        choices=[("", _("Lopende pilots")), ("ja", _("Gearchiveerde pilots"))],
    )
    sort = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=[
            ("gemeente", _("Gemeente")),
            ("name", _("Naam")),
            ("homes", _("Woningen (meeste eerst)")),
            ("phase", _("Fase")),
            ("activity", _("Laatste activiteit")),
        ],
    )

    def __init__(self, *args: object, gemeenten: Iterable[Gemeente], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # The user's own gemeenten, known from their memberships: no query of its own.
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *sorted(((g.pk, g.name) for g in gemeenten), key=lambda choice: choice[1]),
        ]

    def filter(self, pilots: PilotQuerySet) -> PilotQuerySet:
        # Archived pilots only on request; an invalid form still hides them.
        archived = self.is_valid() and self.cleaned_data["archive"] == "ja"
        pilots = pilots.filter(archived_at__isnull=not archived)
        if not self.is_valid():
            return pilots
        data = self.cleaned_data
        if data["q"]:
            q = data["q"]
            pilots = pilots.filter(
                Q(name__icontains=q)
                | Q(neighbourhood__icontains=q)
                | Q(streets__icontains=q)
                | Q(technique__icontains=q)
                | Q(gemeente__name__icontains=q)
            )
        if data["gemeente"]:
            pilots = pilots.filter(gemeente_id=data["gemeente"])
        if data["phase"]:
            pilots = pilots.filter(phase=data["phase"])
        if data["scale"] == ScaleClass.MINI:
            pilots = pilots.filter(homes__lte=50)
        elif data["scale"] == ScaleClass.KLEINSCHALIG:
            pilots = pilots.filter(homes__gt=50, homes__lte=1500)
        elif data["scale"] == ScaleClass.GROOTSCHALIG:
            pilots = pilots.filter(homes__gt=1500)
        return pilots.order_by(*SORTS.get(data["sort"] or "gemeente", SORTS["gemeente"]))


class VersionedForm(forms.ModelForm):
    """Carries the row version the user saw, so a concurrent save is refused, not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean(self) -> dict:
        data = super().clean()
        if "version" in self.errors:  # a hidden field: its own error would not be shown
            self.add_error(None, _("Het formulier is ongeldig geworden. Laad de pagina opnieuw."))
        return data


class CommitmentForm(forms.Form):
    # Each field says its own problem: a too-long note is not "an invalid status".
    commitment = forms.ChoiceField(
        label=_("Commitment"),
        choices=Commitment.choices,
        error_messages={
            "required": _("Kies een geldige commitmentstatus."),
            "invalid_choice": _("Kies een geldige commitmentstatus."),
        },
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={
            "required": _("Het formulier is ongeldig geworden. Laad de pagina opnieuw."),
            "invalid": _("Het formulier is ongeldig geworden. Laad de pagina opnieuw."),
            "min_value": _("Het formulier is ongeldig geworden. Laad de pagina opnieuw."),
        },
    )
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        max_length=500,
        error_messages={
            "max_length": _(
                "De notitie is te lang: hoogstens %(limit_value)d tekens, nu %(show_value)d."
            )
        },
    )

    def error_text(self) -> str:
        """Every error of the form in one line, for a flash message or the row's alert."""
        return " ".join(dict.fromkeys(str(m) for ms in self.errors.values() for m in ms))


class HouseholdForm(DesignSystemForm, VersionedForm):
    # Longer than the stored 6 characters: people type "3511 ab", clean_postcode normalises.
    postcode = forms.CharField(label=_("Postcode"), max_length=10)

    class Meta:
        model = Household
        fields = [
            "street",
            "house_number",
            "suffix",
            "postcode",
            "building_type",
            "construction_year",
            "floor_area_m2",
            "energy_label",
            "gas_m3_per_year",
            "heating",
            "tenure",
            "housing_corporation",
            "contact_consent",
        ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["version"].required = False
            self.fields["commitment"] = forms.ChoiceField(
                label=_("Commitment"), choices=Commitment.choices, initial=Commitment.UNKNOWN
            )
            self.style_widgets()
        else:
            self.initial.setdefault("version", self.instance.version)

    def _get_validation_exclusions(self) -> set[str]:
        # The pilot is set by the view, not the form; keep it so the address-unique
        # constraint becomes a form error instead of an IntegrityError.
        exclude = super()._get_validation_exclusions()
        exclude.discard("pilot")
        return exclude

    def address_taken_meanwhile(self) -> bool:
        """After the database refused a save: was it because another household got this
        address between validation and save? Then say so on the form, as validation would."""
        d = self.cleaned_data
        taken = (
            Household.objects.filter(
                pilot=self.instance.pilot,
                postcode=d["postcode"],
                house_number=d["house_number"],
                suffix=d["suffix"],
            )
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            self.add_error(None, _("Dit adres staat al in deze pilot."))
        return taken

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        for validator in self.fields["postcode"].validators:
            validator(postcode)
        return postcode

    def clean_suffix(self) -> str:
        return self.cleaned_data["suffix"].strip().upper()

    def clean_construction_year(self) -> int | None:
        year = self.cleaned_data["construction_year"]
        if year is not None and not 1500 <= year <= timezone.localdate().year + 5:
            raise forms.ValidationError(_("Bouwjaar moet tussen 1500 en nu liggen."))
        return year

    def clean_floor_area_m2(self) -> int | None:
        area = self.cleaned_data["floor_area_m2"]
        if area is not None and not 15 <= area <= 2000:
            raise forms.ValidationError(_("Woonoppervlak moet tussen 15 en 2.000 m² liggen."))
        return area

    def clean_gas_m3_per_year(self) -> int | None:
        gas = self.cleaned_data["gas_m3_per_year"]
        if gas is not None and gas > 20_000:
            raise forms.ValidationError(
                _("Meer dan 20.000 m³ gas per jaar is niet aannemelijk voor een woning.")
            )
        return gas


class MilestoneForm(VersionedForm):
    class Meta:
        model = Milestone
        fields = ["status", "done_on", "owner", "note"]
        widgets = {"done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self) -> dict:
        data = super().clean()
        if data.get("status") == MilestoneStatus.DONE and not data.get("done_on"):
            data["done_on"] = timezone.localdate()
        if data.get("status") != MilestoneStatus.DONE:
            data["done_on"] = None
        return data


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Fase"), choices=Phase.choices)
    confirm_open = forms.BooleanField(required=False, widget=forms.HiddenInput)
