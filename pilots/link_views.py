"""The kwartiermaker's side of the resident links: issue, show once with a QR code, revoke."""

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from warmtenet.http import REFUSED, AuthenticatedRequest

from .models import HouseholdLink, StreetLink
from .privacy import street_link_warnings
from .resident_views import dashboard_context
from .views import _get_pilot_for_editing, _get_pilot_for_user


class StreetLinkForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Naam op de pagina"),
        max_length=120,
        help_text=gettext_lazy("Bijvoorbeeld de straat of het hofje: ‘de Kennedylaan’."),
    )
    street = forms.ChoiceField(label=gettext_lazy("Voor welke huishoudens"), required=False)
    days = forms.IntegerField(
        label=gettext_lazy("Geldig (dagen)"), min_value=1, max_value=730, initial=180
    )

    def __init__(self, *args: object, streets: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["street"].choices = [("", _("De hele pilot"))] + [(s, s) for s in streets]


def _qr_svg(url: str) -> str:
    # segno writes a self-contained SVG: printable, no JavaScript, no external requests.
    return segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff")


def _links_context(request: AuthenticatedRequest, pilot: object, form: StreetLinkForm) -> dict:
    return {
        "pilot": pilot,
        "form": form,
        "links": pilot.street_links.all(),
        "can_edit": pilot.editable_by(request.user),
        "now": timezone.now(),
    }


@require_http_methods(["GET", "POST"])
@login_required
@never_cache
def street_links(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    per_street = dict(pilot.households.values_list("street").annotate(n=Count("pk")).order_by())
    streets = sorted(per_street)
    if request.method == "GET":
        form = StreetLinkForm(streets=streets, initial={"label": pilot.streets or pilot.name})
        return render(request, "pilots/street_links.html", _links_context(request, pilot, form))
    pilot = _get_pilot_for_editing(request, pk)
    form = StreetLinkForm(request.POST, streets=streets)
    if not form.is_valid():
        context = _links_context(request, pilot, form)
        return render(request, "pilots/street_links.html", context, status=REFUSED)
    link, raw = StreetLink.issue(
        pilot,
        created_by=request.user,
        label=form.cleaned_data["label"],
        street=form.cleaned_data["street"],
        days=form.cleaned_data["days"],
    )
    url = request.build_absolute_uri(reverse("bewoners:street_dashboard", args=[raw]))
    context = {
        "pilot": pilot,
        "link": link,
        "url": url,
        "qr": _qr_svg(url),
        "privacy_warnings": street_link_warnings(per_street, link.street),
    }
    return render(request, "pilots/street_link_flyer.html", context)


@require_POST
@login_required
def street_link_revoke(request: AuthenticatedRequest, pk: int, link: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    street_link = get_object_or_404(pilot.street_links, pk=link)
    if street_link.revoked_at is None:
        street_link.revoked_at = timezone.now()
        street_link.save(update_fields=["revoked_at"])
        messages.success(request, _("Link ‘%(label)s’ ingetrokken.") % {"label": street_link.label})
    return redirect("pilots:street_links", pk=pilot.pk)


@require_POST
@login_required
@never_cache
def household_link(request: AuthenticatedRequest, pk: int, hh: int) -> HttpResponse:
    """Issue a personal link for one household: revokes its earlier links, shows a letter."""
    pilot = _get_pilot_for_editing(request, pk)
    household = get_object_or_404(pilot.households, pk=hh)
    household.links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    _link, raw = HouseholdLink.issue(household)
    url = request.build_absolute_uri(reverse("bewoners:household", args=[raw]))
    context = {"pilot": pilot, "household": household, "url": url, "qr": _qr_svg(url)}
    return render(request, "pilots/household_letter.html", context)


@require_safe
@login_required
@never_cache
def resident_preview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """ "Bekijk als bewoner": the street dashboard of the whole pilot as residents would see it,
    without making a link (an unsaved one, so no token exists and nothing is stored)."""
    pilot = _get_pilot_for_user(request, pk)
    link = StreetLink(pilot=pilot, label=pilot.streets or pilot.name)
    context = {**dashboard_context(request, link, token=""), "preview": True}
    return render(request, "resident/street_dashboard.html", context)
