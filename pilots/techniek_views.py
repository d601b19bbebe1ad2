"""The pilot's techniek tab: the concept comparison on the pilot's own households and site."""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from techniek.calc import compare_concepts
from techniek.forms import Quickscan
from techniek.views import _cluster_ring, street_length_m
from warmtenet.forms import DesignSystemForm
from warmtenet.http import AuthenticatedRequest, form_status

from .calc_inputs import pilot_inputs
from .models import Pilot, pilot_parameters
from .views import _get_pilot_for_user


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
    }
    status = form_status(form, conflict=conflict)
    return render(request, "pilots/pilot_techniek.html", context, status=status)
