"""The pilot's techniek tab: the concept comparison on the pilot's own households and site."""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from techniek.calc import compare_concepts
from techniek.calc.climate import (
    SIMULTANEITY_RULES,
    ClimateParams,
    simultaneity,
    simultaneity_rule,
)
from techniek.calc.parameters import SOURCED
from techniek.forms import Quickscan
from techniek.labels import SIMULTANEITY_RULES as RULE_LABELS
from techniek.views import _cluster_ring, street_length_m
from warmtenet.forms import DesignSystemForm
from warmtenet.http import AuthenticatedRequest, form_status

from .calc_inputs import pilot_inputs
from .models import ParameterOverride, Pilot, pilot_parameters
from .views import _get_pilot_for_editing, _get_pilot_for_user

LIMIT_KEY = "climate.simultaneity_space_heating_limit"
EXPONENT_KEY = "climate.simultaneity_space_heating_exponent"
OWN_RULE = "eigen"  # the pilot's own limit and exponent, set on the Aannames tab


def site_version(pilot: Pilot) -> str:
    """A version of the site data for the optimistic lock: a digest of the stored values, so
    the lock needs no column of its own."""
    values = "|".join(str(getattr(pilot, name)) for name in SiteForm.Meta.fields)
    return hashlib.sha256(values.encode()).hexdigest()[:16]


class SiteForm(DesignSystemForm, forms.ModelForm):
    # The version the editor saw; a save over a newer one is refused (409), as on the other edits.
    version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", site_version(self.instance))

    class Meta:
        model = Pilot
        fields = ["street_length_m", "surface_water", "aquifer_suitable", "waste_heat_kw"]
        widgets = {"aquifer_suitable": forms.NullBooleanSelect}

    def clean_street_length_m(self) -> int | None:
        length = self.cleaned_data["street_length_m"]
        if length is not None and not 1 <= length <= 100_000:
            raise forms.ValidationError(_("Een straatlengte tussen 1 en 100.000 m, graag."))
        return length

    def clean_waste_heat_kw(self) -> int:
        kw = self.cleaned_data["waste_heat_kw"] or 0
        if kw > 100_000:
            raise forms.ValidationError(_("Meer dan 100.000 kW restwarmte is niet aannemelijk."))
        return kw


@require_http_methods(["GET", "POST"])
@login_required
def pilot_techniek(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    can_edit = pilot.editable_by(request.user)
    conflict = None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = SiteForm(request.POST, instance=pilot)
        if form.is_valid():
            with transaction.atomic():
                current = Pilot.objects.select_for_update().get(pk=pilot.pk)
                if site_version(current) == form.cleaned_data["version"]:
                    form.save()
                else:
                    conflict = _(
                        "Niet opgeslagen: iemand anders heeft de gegevens van de locatie "
                        "intussen gewijzigd. Hieronder staan de huidige gegevens; voer uw "
                        "wijziging opnieuw in."
                    )
            if not conflict:
                messages.success(request, _("De gegevens van de locatie zijn opgeslagen."))
                return redirect("pilots:techniek", pk=pilot.pk)
    else:
        form = SiteForm(instance=pilot)
    pilot.refresh_from_db()  # an invalid form must not compute with its rejected values
    if conflict:
        form = SiteForm(instance=pilot)
    inputs = pilot_inputs(pilot)
    params = pilot_parameters(pilot)
    scan = Quickscan(inputs.households, inputs.site, pilot.street_length_m is None)
    street_m = street_length_m(scan, params.assumptions)
    context = {
        "pilot": pilot,
        "can_edit": can_edit,
        "form": form,
        "conflict": conflict,
        "inputs": inputs,
        "street_m": street_m,
        "comparison": compare_concepts(inputs.households, inputs.site, params.assumptions),
        "override_count": pilot.overrides.count(),
        "cluster_ring": _cluster_ring(scan, street_m / len(inputs.households), params.assumptions),
        "simultaneity": _simultaneity(params.assumptions.climate, len(inputs.households)),
    }
    status = form_status(form, conflict=conflict)
    return render(request, "pilots/pilot_techniek.html", context, status=status)


def _current_rule(limit: float, exponent: float) -> str:
    rule = simultaneity_rule(limit, exponent)
    return rule.key if rule else OWN_RULE


def _simultaneity(climate: ClimateParams, homes: int) -> dict[str, object]:
    """What the techniek tab says about the simultaneity rule in use, for the chooser."""
    limit = climate.simultaneity_space_heating_limit
    exponent = climate.simultaneity_space_heating_exponent
    rule = simultaneity_rule(limit, exponent)
    return {
        "current": rule.key if rule else OWN_RULE,
        "source": rule.source if rule else "",
        "limit": limit,
        "exponent": exponent,
        "homes": homes,
        "factor": float(simultaneity(max(homes, 1), limit, exponent)),
        "choices": [(r.key, RULE_LABELS[r.key]) for r in SIMULTANEITY_RULES],
    }


class SimultaneityForm(forms.Form):
    rule = forms.ChoiceField(choices=[(r.key, r.key) for r in SIMULTANEITY_RULES])
    # The rule the editor saw; a choice over a newer one is refused, as on the other edits.
    seen = forms.CharField(max_length=20)


@require_POST
@login_required
def simultaneity_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Choose the simultaneity rule: its limit and exponent become the pilot's own values (or
    return to the defaults), both under one lock so the pair never half changes."""
    pilot = _get_pilot_for_editing(request, pk)
    form = SimultaneityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een van de gelijktijdigheidsregels."))
        return redirect("pilots:techniek", pk=pilot.pk)
    rule = next(r for r in SIMULTANEITY_RULES if r.key == form.cleaned_data["rule"])
    with transaction.atomic():
        Pilot.objects.select_for_update().filter(pk=pilot.pk).first()
        current = {
            o.key: o
            for o in ParameterOverride.objects.filter(
                pilot=pilot, key__in=[LIMIT_KEY, EXPONENT_KEY]
            )
        }
        seen = _current_rule(
            *(
                current[k].value if k in current else SOURCED[k].value
                for k in (LIMIT_KEY, EXPONENT_KEY)
            )
        )
        if seen != form.cleaned_data["seen"]:
            messages.error(
                request,
                _(
                    "Niet opgeslagen: iemand anders heeft de gelijktijdigheid intussen gewijzigd. "
                    "Hieronder staat de huidige regel."
                ),
            )
            return redirect("pilots:techniek", pk=pilot.pk)
        note = _("Gelijktijdigheidsregel gekozen op het tabblad Techniek: %(rule)s") % {
            "rule": RULE_LABELS[rule.key]
        }
        for key, value in ((LIMIT_KEY, rule.limit), (EXPONENT_KEY, rule.exponent)):
            override = current.get(key)
            if value == SOURCED[key].value:
                if override:
                    override.delete()
                continue
            override = override or ParameterOverride(pilot=pilot, key=key)
            override.value, override.note, override.updated_by = value, note[:300], request.user
            override.save()
        Pilot.objects.filter(pk=pilot.pk).update(updated_at=timezone.now())
    messages.success(
        request,
        _("De gelijktijdigheid rekent nu met: %(rule)s.") % {"rule": RULE_LABELS[rule.key]},
    )
    return redirect(f"{pilot.get_absolute_url()}techniek/#gelijktijdigheid")
