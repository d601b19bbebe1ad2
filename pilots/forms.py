from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Phase, PilotQuerySet, ScaleClass


class PortfolioFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    phase = forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle fasen")), *Phase.choices]
    )
    scale = forms.ChoiceField(
        label=_("Schaal"), required=False, choices=[("", _("Alle schalen")), *ScaleClass.choices]
    )

    def __init__(self, *args: object, gemeenten: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten

    def filter(self, pilots: PilotQuerySet) -> PilotQuerySet:
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
            pilots = pilots.filter(gemeente=data["gemeente"])
        if data["phase"]:
            pilots = pilots.filter(phase=data["phase"])
        if data["scale"] == ScaleClass.MINI:
            pilots = pilots.filter(homes__lte=50)
        elif data["scale"] == ScaleClass.KLEINSCHALIG:
            pilots = pilots.filter(homes__gt=50, homes__lte=1500)
        elif data["scale"] == ScaleClass.GROOTSCHALIG:
            pilots = pilots.filter(homes__gt=1500)
        return pilots
