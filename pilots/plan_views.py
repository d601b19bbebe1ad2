"""Keeping the register and the plan area in step: the planned homes and removing a household.

Both are audited: Pilot and Household are followed by django-auditlog (pilots/audit.py), so a
plain save or delete writes its log entry with the actor from AuditlogMiddleware.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from warmtenet.forms import DesignSystemForm
from warmtenet.http import AuthenticatedRequest, form_status

from .models import Pilot
from .views import _get_pilot_for_editing


class PlanAreaForm(DesignSystemForm, forms.ModelForm):
    class Meta:
        model = Pilot
        fields = ["homes"]
        help_texts = {
            "homes": gettext_lazy(
                "Alle woningen in het plangebied, ook die nog niet in het register staan. "
                "Deelname wordt als aandeel hiervan getoond."
            )
        }

    def clean_homes(self) -> int:
        homes = self.cleaned_data["homes"]
        # The database's own range (pilot_homes_range), said in Dutch before it refuses.
        if not 2 <= homes <= 100_000:
            raise forms.ValidationError(_("Een warmtenet heeft tussen 2 en 100.000 woningen."))
        return homes


@require_http_methods(["GET", "POST"])
@login_required
def plan_area(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    registered = pilot.households.count()
    form = PlanAreaForm(request.POST if request.method == "POST" else None, instance=pilot)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(
            request,
            _("Het plangebied telt nu %(n)s woningen.") % {"n": form.cleaned_data["homes"]},
        )
        return redirect(pilot)
    context = {"pilot": pilot, "form": form, "registered": registered}
    return render(request, "pilots/plan_area.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # an address
def household_delete(request: AuthenticatedRequest, pk: int, hh: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    household = get_object_or_404(pilot.households, pk=hh)
    if request.method == "POST":
        address = household.address
        with transaction.atomic():
            # Its commitment history and links go with it (CASCADE); the audit log keeps the
            # deleted row's values.
            household.delete()
        messages.success(request, _("Huishouden %(address)s verwijderd.") % {"address": address})
        return redirect(pilot)
    return render(request, "pilots/household_delete.html", {"pilot": pilot, "household": household})
