"""Households from the address register: search → preview → confirm, like the file import.

The preview carries the register's answer back in a signed, compressed hidden field bound to the
pilot and the user; confirming writes the new homes and the positions in one transaction. Homes
already in the pilot keep what the kwartiermaker entered; only a missing position is filled in.
"""

from __future__ import annotations

from dataclasses import asdict

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.validators import RegexValidator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from warmtenet.http import REFUSED, AuthenticatedRequest

from .imports import Key, check_households, import_households
from .models import BuildingType, Household, Pilot
from .models.household import normalise_postcode, postcode_validator
from .register import AddressQuery, RegisterAddress, RegisterError, get_register
from .views import _get_pilot_for_editing

TOKEN_MAX_AGE_S = 60 * 60
PREVIEW_ROWS = 50
# An upstream service failed: 502 Bad Gateway, the page says what happened.
UPSTREAM_FAILED = 502

_name = RegexValidator(
    r"^[^\W\d_][\w .'’()/-]*$",
    gettext_lazy("Gebruik letters, cijfers, spaties en - . ' ( ) /."),
)


class LookupForm(forms.Form):
    postcode = forms.CharField(label=gettext_lazy("Postcode"), required=False, max_length=10)
    first = forms.IntegerField(
        label=gettext_lazy("Van huisnummer"), required=False, min_value=1, max_value=99_999
    )
    last = forms.IntegerField(
        label=gettext_lazy("Tot en met huisnummer"),
        required=False,
        min_value=1,
        max_value=99_999,
    )
    street = forms.CharField(
        label=gettext_lazy("Straat"), required=False, max_length=120, validators=[_name]
    )
    city = forms.CharField(
        label=gettext_lazy("Woonplaats"), required=False, max_length=80, validators=[_name]
    )

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode:
            postcode_validator(postcode)
        return postcode

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        if data["postcode"]:
            first, last = data["first"] or 1, data["last"] or 99_999
            if last < first:
                self.add_error("last", _("Het laatste huisnummer ligt vóór het eerste."))
            data["first"], data["last"] = first, last
        elif not (data["street"] and data["city"]):
            raise forms.ValidationError(
                _("Vul een postcode in (met huisnummers), of een straat met de woonplaats.")
            )
        return data

    def to_query(self) -> AddressQuery:
        d = self.cleaned_data
        if d["postcode"]:
            return AddressQuery(postcode=d["postcode"], first=d["first"], last=d["last"])
        return AddressQuery(street=d["street"].strip(), city=d["city"].strip())


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=2_000_000, widget=forms.HiddenInput)


def register_rows(addresses: list[RegisterAddress]) -> list[dict[str, object]]:
    """The register's homes as import rows (the file import's columns)."""
    per_building: dict[str, int] = {}
    for a in addresses:
        if a.building_id:
            per_building[a.building_id] = per_building.get(a.building_id, 0) + 1
    this_year = timezone.localdate().year
    rows = []
    for a in addresses:
        # BAG has no dwelling type. Several homes in one pand are flats; otherwise the most
        # common Dutch dwelling, the tussenwoning (CBS 82550NED: ~28 % of homes); editable after.
        flats = per_building.get(a.building_id, 0) > 1
        kind = BuildingType.APARTMENT_LOW if flats else BuildingType.MID_TERRACE
        area = a.floor_area_m2 if a.floor_area_m2 and 15 <= a.floor_area_m2 <= 2000 else None
        year = a.construction_year
        year = year if year and 1500 <= year <= this_year + 5 else None
        rows.append(
            {
                "straat": a.street,
                "huisnummer": str(a.house_number),
                "toevoeging": a.suffix,
                "postcode": a.postcode,
                "woningtype": kind.value,
                "bouwjaar": year,
                "woonoppervlak_m2": area,
                "energielabel": a.energy_label or None,
            }
        )
    return rows


def _key(a: RegisterAddress) -> Key:
    return (a.postcode, a.house_number, a.suffix)


def _existing(pilot: Pilot) -> dict[Key, tuple[int, bool]]:
    """Key → (pk, has a position) of the pilot's households."""
    rows = pilot.households.values_list("postcode", "house_number", "suffix", "pk", "rd_x")
    return {(p, n, s.upper()): (pk, x is not None) for p, n, s, pk, x in rows}


def _salt(pilot: Pilot, request: AuthenticatedRequest) -> str:
    return f"pilots.register:{pilot.pk}:{request.user.pk}"


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # addresses
def household_lookup(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    step = request.POST.get("step")
    form = LookupForm(request.POST if request.method == "POST" and step != "confirm" else None)
    context: dict[str, object] = {"pilot": pilot, "form": form}
    status = 200
    if step == "confirm":
        return _confirm(request, pilot, context)
    if form.is_bound:
        if not form.is_valid():
            status = REFUSED
        else:
            try:
                found = get_register().lookup(form.to_query())
            except RegisterError as error:
                context["register_error"] = str(error)
                status = UPSTREAM_FAILED
            else:
                status = _preview(request, pilot, found, context)
    return render(request, "pilots/household_lookup.html", context, status=status)


def _preview(
    request: AuthenticatedRequest, pilot: Pilot, found: list[RegisterAddress], context: dict
) -> int:
    homes = [a for a in found if a.is_home]
    existing = _existing(pilot)
    new = [a for a in homes if _key(a) not in existing]
    located = [a for a in homes if _key(a) in existing and not existing[_key(a)][1]]
    plan = check_households(pilot, register_rows(new)) if new else None
    context.update(
        searched=True,
        found=len(found),
        skipped=len(found) - len(homes),
        already=len(homes) - len(new),
        located=len(located),
        new=new[:PREVIEW_ROWS],
        new_count=len(new),
        plan=plan,
    )
    if plan is not None and not plan.ok:
        context["register_error"] = _(
            "Het register gaf adressen die de app niet kan opslaan; er is niets opgeslagen."
        )
        context["plan_errors"] = plan.errors[:20]
        return REFUSED
    if new or located:
        payload = [asdict(a) for a in new + located]
        token = signing.dumps(payload, salt=_salt(pilot, request), compress=True)
        context["confirm_form"] = ConfirmForm(initial={"token": token})
    return 200


def _confirm(request: AuthenticatedRequest, pilot: Pilot, context: dict) -> HttpResponse:
    form = ConfirmForm(request.POST)
    addresses = None
    if form.is_valid():
        try:
            payload = signing.loads(
                form.cleaned_data["token"], salt=_salt(pilot, request), max_age=TOKEN_MAX_AGE_S
            )
            addresses = [
                RegisterAddress(**{**a, "purposes": tuple(a["purposes"])}) for a in payload
            ]
        except (signing.BadSignature, TypeError, KeyError):
            addresses = None
    if addresses is None:
        context["register_error"] = _("De voorvertoning is verlopen of ongeldig. Zoek opnieuw.")
        return render(request, "pilots/household_lookup.html", context, status=REFUSED)
    with transaction.atomic():
        # The pilot row lock serialises this with imports and other lookups of the pilot.
        Pilot.objects.select_for_update().filter(pk=pilot.pk).get()
        existing = _existing(pilot)
        new = [a for a in addresses if _key(a) not in existing]
        plan = import_households(pilot, register_rows(new), by=request.user) if new else None
        if plan is not None and not plan.ok:
            transaction.set_rollback(True)
            context["register_error"] = _(
                "Het register gaf adressen die de app niet kan opslaan; er is niets opgeslagen."
            )
            context["plan_errors"] = plan.errors[:20]
            return render(request, "pilots/household_lookup.html", context, status=REFUSED)
        located = _set_positions(pilot, addresses)
    n = len(new)
    text = ngettext(
        "%(n)d huishouden uit het adressenregister toegevoegd.",
        "%(n)d huishoudens uit het adressenregister toegevoegd.",
        n,
    ) % {"n": n}
    if located > n:
        text += " " + _("Bij %(n)d bestaande huishoudens is de positie aangevuld.") % {
            "n": located - n
        }
    messages.success(request, text)
    return redirect(pilot)


def _set_positions(pilot: Pilot, addresses: list[RegisterAddress]) -> int:
    """Position and BAG id for the looked-up homes that have no position yet."""
    by_key = {_key(a): a for a in addresses}
    targets = []
    for household in pilot.households.filter(rd_x__isnull=True).only(
        "pk", "postcode", "house_number", "suffix"
    ):
        a = by_key.get((household.postcode, household.house_number, household.suffix.upper()))
        if a is not None:
            household.rd_x, household.rd_y, household.bag_id = a.rd_x, a.rd_y, a.bag_id
            targets.append(household)
    Household.objects.bulk_update(targets, ["rd_x", "rd_y", "bag_id"], batch_size=500)
    return len(targets)
