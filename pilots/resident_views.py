"""Pages for residents: reached by token links only, no account, no cookies on the dashboard."""

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from techniek.calc import BuildingType as CalcBuildingType
from techniek.calc import ConstructionPeriod, HouseholdInput
from techniek.calc.personal import personal_estimate
from techniek.labels import CONSTRUCTION_PERIODS

from .models import Commitment, HouseholdLink, MilestoneStatus, Phase, StreetLink
from .models.household import ChangeSource
from .privacy import TooFew, link_summary
from .ratelimit import rate_limited
from .scenario import resident_economics


class HomeForm(forms.Form):
    """A resident's own home for the personal estimate: computed, never stored."""

    building_type = forms.ChoiceField(
        label=gettext_lazy("Soort woning"),
        choices=[
            (CalcBuildingType.MID_TERRACE.value, gettext_lazy("Tussenwoning")),
            (CalcBuildingType.END_TERRACE.value, gettext_lazy("Hoekwoning")),
            (CalcBuildingType.SEMI_DETACHED.value, gettext_lazy("Twee-onder-een-kap")),
            (CalcBuildingType.DETACHED.value, gettext_lazy("Vrijstaand / villa")),
            (CalcBuildingType.APARTMENT.value, gettext_lazy("Appartement")),
        ],
    )
    period = forms.ChoiceField(
        label=gettext_lazy("Bouwjaar"),
        choices=[(k.value, v) for k, v in CONSTRUCTION_PERIODS.items()],
    )
    gas_m3 = forms.IntegerField(
        label=gettext_lazy("Gasverbruik per jaar in m³ (als u het weet)"),
        required=False,
        min_value=0,
        max_value=20_000,
    )

    def home(self) -> HouseholdInput:
        d = self.cleaned_data
        return HouseholdInput(
            building_type=CalcBuildingType(d["building_type"]),
            construction_period=ConstructionPeriod(d["period"]),
            gas_m3_per_year=d["gas_m3"] or None,
        )


DASHBOARD_CACHE_SECONDS = 5

# What a resident may choose on the personal page (the kwartiermaker records contracts).
RESIDENT_CHOICES = (Commitment.INTERESTED, Commitment.INTENT, Commitment.WITHDRAWN)


def _private(response: HttpResponse, referrer: str = "no-referrer") -> HttpResponse:
    # The personal page posts a form: with no-referrer Chromium sends "Origin: null" and
    # Django's CSRF check refuses it, so that page keeps referrers on our own origin only.
    response["Referrer-Policy"] = referrer
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


def _not_found(request: HttpRequest) -> HttpResponse:
    # Unknown, expired and revoked tokens look the same.
    return _private(render(request, "resident/not_found.html", status=404))


def _lang(request: HttpRequest) -> str:
    return "en" if request.GET.get("lang") == "en" else ""


def dashboard_context(request: HttpRequest, link: StreetLink, token: str) -> dict:
    """What a street dashboard shows for `link`; also the staff's preview of an unsaved link."""
    pilot = link.pilot
    summary = link_summary(link)
    phase_order = list(Phase.values)
    steps = pilot.milestones.filter(phase=pilot.phase).exclude(
        status=MilestoneStatus.NOT_APPLICABLE
    )
    economics = resident_economics(pilot)
    form = HomeForm(request.GET if "building_type" in request.GET else None)
    estimate = None
    if form.is_valid():
        estimate = personal_estimate(
            economics.case,
            form.home(),
            economics.site,
            economics.parameters.prices,
            economics.scenario.subsidies(economics.parameters),
            economics.household_rate,
            economics.parameters.assumptions,
        )
    context = {
        "link": link,
        "pilot": pilot,
        "economics": economics,
        "form": form,
        "estimate": estimate,
        "token": token,
        "summary": None if isinstance(summary, TooFew) else summary,
        "steps": list(steps.values("title", "status", "done_on")),
        "phases": [
            {
                "label": label,
                "current": value == pilot.phase,
                "done": phase_order.index(value) < phase_order.index(pilot.phase),
            }
            for value, label in Phase.choices
        ],
        "lang": _lang(request),
    }
    return context


@require_safe
@never_cache
@rate_limited("street", per_minute=120)
def street_dashboard(request: HttpRequest, token: str) -> HttpResponse:
    link = StreetLink.objects.select_related("pilot", "pilot__gemeente").by_token(token)
    if link is None:
        return _not_found(request)
    # The plain page (no personal estimate) is the same for every visitor of a link: keep it a
    # few seconds, so a busy street costs one render per link, and a change shows within
    # DASHBOARD_CACHE_SECONDS. Revocation is still checked on every request above.
    personal = "building_type" in request.GET
    # Per active language: ?lang=en, or the language cookie a staff member's browser carries.
    key = f"dashboard:{link.pk}:{translation.get_language()}:{_lang(request)}"
    if not personal and (html := cache.get(key)) is not None:
        return _private(HttpResponse(html))
    context = dashboard_context(request, link, token)
    response = render(request, "resident/street_dashboard.html", context)
    if not personal:
        cache.set(key, response.content, timeout=DASHBOARD_CACHE_SECONDS)
    return _private(response)


@require_http_methods(["GET", "POST"])
@never_cache
@rate_limited("household", per_minute=30)
def household_page(request: HttpRequest, token: str) -> HttpResponse:
    link = HouseholdLink.objects.select_related("household", "household__pilot").by_token(token)
    if link is None:
        return _not_found(request)
    household = link.household
    error = ""
    if request.method == "POST":
        choice = request.POST.get("commitment", "")
        if choice not in RESIDENT_CHOICES:
            error = _("Kies een van de mogelijkheden.")
        else:
            # Setting the same choice twice records nothing: a double submit is harmless.
            household.set_commitment(choice, by=None, source=ChangeSource.RESIDENT)
            url = redirect("bewoners:household_done", token=token).url
            return redirect(f"{url}?lang=en" if _lang(request) else url)
    context = {
        "household": household,
        "pilot": household.pilot,
        "choices": [(c.value, c.label) for c in RESIDENT_CHOICES],
        "error": error,
        "lang": _lang(request),
        "token": token,
    }
    response = render(request, "resident/household.html", context, status=400 if error else 200)
    return _private(response, referrer="same-origin")


@require_safe
@never_cache
@rate_limited("household", per_minute=30)  # one count with the personal page: same token guesses
def household_done(request: HttpRequest, token: str) -> HttpResponse:
    link = HouseholdLink.objects.select_related("household", "household__pilot").by_token(token)
    if link is None:
        return _not_found(request)
    context = {
        "household": link.household,
        "pilot": link.household.pilot,
        "lang": _lang(request),
        "token": token,
    }
    return _private(render(request, "resident/household_done.html", context))
