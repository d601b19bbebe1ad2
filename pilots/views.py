from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Sum
from django.db.models.functions import Length
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from juridisch.forms import RegimeForm
from juridisch.rules import check_regime
from warmtenet.http import REFUSED, AuthenticatedRequest, form_status

from . import audit, case_labels, charts
from .forms import CommitmentForm, HouseholdForm, MilestoneForm, PhaseForm, PortfolioFilterForm
from .household_rows import household_rows
from .milestone_rows import milestone_rows
from .models import (
    Commitment,
    Household,
    Milestone,
    Phase,
    PhaseStart,
    Pilot,
    PilotRegimeFacts,
    Role,
    StreetLink,
)
from .models.household import StaleEdit
from .page_cache import households_html, households_page, trend_chart
from .parameters import parameter_groups
from .participation import lead_times, participation
from .portfolio import portfolio_rows
from .scenario import ScenarioForm, overridden, pilot_result
from .street_map import list_rows_html, map_home

PILOTS_PER_PAGE = 50


def _get_pilot_for_user(request: AuthenticatedRequest, pk: int) -> Pilot:
    # A pilot outside the user's scope looks the same as one that doesn't exist: 404.
    pilot = get_object_or_404(
        Pilot.objects.visible_to(request.user)
        .with_rights_of(request.user)
        .select_related("gemeente"),
        pk=pk,
    )
    pilot.editable_for = (request.user.pk, pilot.user_may_edit)
    return pilot


def personal_data_allowed(request: AuthenticatedRequest, pilot: Pilot) -> bool:
    """Addresses, each home's commitment and exports of them: the kwartiermaker role only.

    The gemeente role reads aggregated figures (data minimisation, AVG art. 5(1)(c)); a
    gemeente employee who needs the register is given the kwartiermaker role.
    """
    return pilot.editable_by(request.user)


def _get_pilot_with_personal_data(request: AuthenticatedRequest, pk: int) -> Pilot:
    pilot = _get_pilot_for_user(request, pk)
    if not personal_data_allowed(request, pilot):
        raise PermissionDenied
    return pilot


def _get_pilot_for_editing(request: AuthenticatedRequest, pk: int) -> Pilot:
    pilot = _get_pilot_for_user(request, pk)
    if not pilot.editable_by(request.user):
        raise PermissionDenied
    return pilot


@require_safe
@login_required
def pilot_list(request: AuthenticatedRequest) -> HttpResponse:
    memberships = list(
        request.user.memberships.select_related("gemeente").order_by("role", "gemeente__name")
    )
    form = PortfolioFilterForm(request.GET or None, gemeenten=[m.gemeente for m in memberships])
    pilots = form.filter(Pilot.objects.visible_to(request.user).select_related("gemeente"))
    if not request.GET.get("sort"):
        pilots = pilots.order_by("gemeente__name", "name")
    totals = pilots.aggregate(homes=Sum("homes"), count=Count("pk"))
    paginator = Paginator(pilots, PILOTS_PER_PAGE)
    paginator.count = totals["count"]  # counted with the totals: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    roles: dict[str, list[str]] = {}
    for m in memberships:
        roles.setdefault(m.role, []).append(m.gemeente.name)
    context = {
        "form": form,
        "page": page,
        "rows": portfolio_rows(page),
        "totals": totals,
        "memberships": memberships,
        "roles": sorted(roles.items(), key=lambda item: item[0] != Role.KWARTIERMAKER),
        "query": _query_without_page(request),
        "can_create": Role.KWARTIERMAKER in roles,
        # An empty portfolio without filters: say what to do first instead of "nothing found".
        "onboarding": not request.GET and not totals["count"],
    }
    template = "pilots/pilot_list.html"
    if request.htmx.target == "portfolio":
        template += "#portfolio"
    return render(request, template, context)


def _query_without_page(request: AuthenticatedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _first_steps(pilot: Pilot, part: object) -> list[dict]:
    """The kwartiermaker's first steps for a pilot, each done or not, with where to do it.
    One query for the two facts the page does not already have."""
    has_facts, has_link = (
        Pilot.objects.filter(pk=pilot.pk)
        .annotate(
            f=Exists(PilotRegimeFacts.objects.filter(pilot=OuterRef("pk"))),
            l=Exists(StreetLink.objects.filter(pilot=OuterRef("pk"))),
        )
        .values_list("f", "l")
        .get()
    )
    pk = pilot.pk
    return [
        {
            "title": _("Huishoudens in het register zetten (toevoegen of importeren)"),
            "done": part.registered > 0,
            "url": reverse("pilots:import", args=[pk]),
        },
        {
            "title": _("Het aantal woningen in het plangebied controleren"),
            "done": part.registered > 0 and not part.over_plan,
            "url": reverse("pilots:plan_area", args=[pk]),
        },
        {
            "title": _("De feiten voor de WCW-regimecheck invullen"),
            "done": has_facts,
            "url": reverse("pilots:regime", args=[pk]),
        },
        {
            "title": _("Concept en organisatiemodel kiezen in de businesscase"),
            "done": bool(pilot.concept and pilot.org_model),
            "url": reverse("pilots:business_case", args=[pk]),
        },
        {
            "title": _("Een straatlink en flyer voor de bewoners maken"),
            "done": has_link,
            "url": reverse("pilots:street_links", args=[pk]),
        },
    ]


def _pilot_context(request: AuthenticatedRequest, pilot: Pilot) -> dict:
    today = timezone.localdate()
    groups = list(
        pilot.households.values_list("commitment")
        .annotate(n=Count("pk"), versions=Sum("version"), last=Max("updated_at"))
        .order_by()
    )
    counts = {commitment: n for commitment, n, _v, _l in groups}
    part = participation(pilot.homes, counts)
    stamp = (
        sum(counts.values()),
        sum(v for _c, _n, v, _l in groups),
        max((last for *_x, last in groups), default=None),
    )
    milestones = list(pilot.milestones.all())
    starts = list(pilot.phase_starts.values_list("phase", "started_on"))
    phases = []
    days = lead_times(starts, today)
    for value, label in Phase.choices:
        items = [m for m in milestones if m.phase == value]
        phases.append(
            {
                "value": value,
                "label": label,
                "milestones": items,
                "done": sum(m.is_closed for m in items),
                "days": days.get(value),
                "current": value == pilot.phase,
            }
        )
    current = next(p for p in phases if p["current"])
    can_edit = pilot.editable_by(request.user)
    # Data minimisation: addresses and each home's commitment only for the kwartiermaker; the
    # gemeente reads the aggregated figures (participation above, the council PDF).
    households = households_page(pilot, stamp[0], request.GET.get("page")) if can_edit else None
    return {
        "pilot": pilot,
        "can_edit": can_edit,
        "participation": part,
        "trend_chart": trend_chart(pilot, stamp, today),
        "phases": phases,
        "current_phase": current,
        "milestone_rows": milestone_rows(pilot, current["milestones"]),
        "households_html": (
            households_html(request, pilot, households, stamp, can_edit) if can_edit else ""
        ),
        "phase_form": PhaseForm(initial={"phase": pilot.phase}),
        "first_steps": _first_steps(pilot, part) if can_edit else [],
        # Named, not missing: a missing variable costs the template engine an exception.
        "conflict": None,
        "milestone_errors": None,
        "oob": False,
    }


@require_safe
@login_required
@never_cache  # addresses of households
def pilot_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    if request.htmx.target == "households" and not personal_data_allowed(request, pilot):
        raise PermissionDenied
    context = _pilot_context(request, pilot)
    if request.htmx.target == "households":
        return HttpResponse(context["households_html"])
    return render(request, "pilots/pilot_detail.html", context)


@require_POST
@login_required
@never_cache  # addresses of households
def household_commitment(request: AuthenticatedRequest, pk: int, hh: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    household = get_object_or_404(pilot.households, pk=hh)
    form = CommitmentForm(request.POST)
    conflict = None
    if form.is_valid():
        try:
            household.set_commitment(
                form.cleaned_data["commitment"],
                by=request.user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            household = stale.current
            conflict = _(
                "Niet opgeslagen: iemand anders heeft %(address)s intussen gewijzigd. "
                "De huidige status is ‘%(status)s’."
            ) % {"address": household.address, "status": household.get_commitment_display()}
    if request.htmx and (request.htmx.target or "").startswith("map-household-"):
        # The list beside the map (pilots/street_map.py): one row back; map.js recolours the point.
        home = map_home(household, request.POST.get("cluster", ""))
        invalid = "" if form.is_valid() else _("Kies een geldige commitmentstatus.")
        html = list_rows_html(
            pilot,
            [home],
            can_edit=True,
            csrf_token=get_token(request),
            message=conflict or invalid,
        )
        return HttpResponse(html, status=form_status(form, conflict=conflict))
    if request.htmx:
        counts = dict(pilot.households.values_list("commitment").annotate(n=Count("pk")).order_by())
        # Only what the saved row and the participation bars need, not the whole page.
        context = {
            "pilot": pilot,
            "can_edit": True,
            "participation": participation(pilot.homes, counts),
            "row": household_rows(pilot, [household])[0],
            "conflict": conflict,
            "row_errors": None if form.is_valid() else form.error_text(),
        }
        return render(
            request,
            "pilots/pilot_detail.html#household-saved",
            context,
            status=form_status(form, conflict=conflict),
        )
    if conflict:
        messages.error(request, conflict)
    elif not form.is_valid():
        messages.error(request, form.error_text())
    else:
        messages.success(
            request, _("Commitment van %(address)s opgeslagen.") % {"address": household.address}
        )
    if request.POST.get("next") == "map":
        return redirect(f"{reverse('pilots:map', args=[pilot.pk])}#map-household-{household.pk}")
    return redirect("pilots:detail", pk=pilot.pk)


@require_POST
@login_required
def milestone_update(request: AuthenticatedRequest, pk: int, ms: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    milestone = get_object_or_404(pilot.milestones, pk=ms)
    form = MilestoneForm(request.POST, instance=milestone)
    conflict = None
    if form.is_valid():
        with transaction.atomic():
            updated = Milestone.objects.filter(
                pk=milestone.pk, version=form.cleaned_data["version"]
            ).update(
                status=form.cleaned_data["status"],
                done_on=form.cleaned_data["done_on"],
                owner=form.cleaned_data["owner"],
                note=form.cleaned_data["note"],
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
            audit.log_update(milestone, form.initial, form.cleaned_data, rows=updated)
        milestone = Milestone.objects.get(pk=milestone.pk)
        if not updated:
            conflict = _(
                "Niet opgeslagen: iemand anders heeft ‘%(title)s’ intussen gewijzigd. "
                "De huidige status is ‘%(status)s’."
            ) % {"title": milestone.title, "status": milestone.get_status_display()}
    if request.htmx:
        context = {
            "pilot": pilot,
            "can_edit": True,
            "row": milestone_rows(pilot, [milestone])[0],
            "conflict": conflict,
            "milestone_errors": None if form.is_valid() else form.errors,
        }
        return render(
            request,
            "pilots/pilot_detail.html#milestone",
            context,
            status=form_status(form, conflict=conflict),
        )
    if conflict:
        messages.error(request, conflict)
    elif not form.is_valid():
        messages.error(request, _("Mijlpaal niet opgeslagen: controleer de invoer."))
    return redirect(f"{pilot.get_absolute_url()}#phase")


@require_http_methods(["GET", "POST"])
@login_required
def phase_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    form = PhaseForm(request.POST or None, initial={"phase": pilot.phase})
    open_items = []
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["phase"]
        open_items = list(
            pilot.milestones.filter(phase=pilot.phase).exclude(status__in=["done", "n_a"])
        )
        if new == pilot.phase:
            return redirect(pilot)
        if not open_items or form.cleaned_data["confirm_open"]:
            with transaction.atomic():
                Pilot.objects.filter(pk=pilot.pk).update(phase=new, updated_at=timezone.now())
                PhaseStart.objects.update_or_create(
                    pilot=pilot, phase=new, defaults={"started_on": timezone.localdate()}
                )
            messages.success(
                request, _("Fase gewijzigd naar %(phase)s.") % {"phase": Phase(new).label}
            )
            return redirect(pilot)
    context = {"pilot": pilot, "form": form, "open_items": open_items}
    return render(request, "pilots/phase_confirm.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # addresses of households
def household_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    form = HouseholdForm(request.POST or None, instance=Household(pilot=pilot))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                household = form.save()
                household.set_commitment(form.cleaned_data["commitment"], by=request.user)
        except IntegrityError:
            if not form.address_taken_meanwhile():
                raise
        else:
            messages.success(
                request, _("Huishouden %(address)s toegevoegd.") % {"address": household.address}
            )
            return redirect(pilot)
    return render(
        request,
        "pilots/household_form.html",
        {"pilot": pilot, "form": form},
        status=form_status(form),
    )


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # addresses of households
def household_edit(request: AuthenticatedRequest, pk: int, hh: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    household = get_object_or_404(pilot.households, pk=hh)
    form = HouseholdForm(request.POST or None, instance=household)
    conflict = updated = None
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in HouseholdForm.Meta.fields}
        try:
            with transaction.atomic():
                updated = Household.objects.filter(
                    pk=household.pk, version=form.cleaned_data["version"]
                ).update(**fields, version=F("version") + 1, updated_at=timezone.now())
        except IntegrityError:
            if not form.address_taken_meanwhile():
                raise
            updated = None
        if updated is not None:
            audit.log_update(household, form.initial, fields, rows=updated)
        if updated:
            messages.success(
                request, _("Huishouden %(address)s opgeslagen.") % {"address": household.address}
            )
            return redirect(pilot)
    if updated == 0:  # the optimistic lock: someone else saved first
        household = Household.objects.get(pk=household.pk)
        form = HouseholdForm(instance=household)
        conflict = _(
            "Niet opgeslagen: iemand anders heeft dit huishouden intussen gewijzigd. "
            "Hieronder staan de huidige gegevens; voer uw wijziging opnieuw in."
        )
    return render(
        request,
        "pilots/household_form.html",
        {"pilot": pilot, "form": form, "household": household, "conflict": conflict},
        status=form_status(form, conflict=conflict),
    )


def _regime_context(request: AuthenticatedRequest, pilot: Pilot, form: RegimeForm) -> dict:
    check = check_regime(form.to_facts(), on=timezone.localdate()) if form.is_valid() else None
    return {
        "pilot": pilot,
        "can_edit": pilot.editable_by(request.user),
        "form": form,
        "check": check,
        "existing_milestones": set(pilot.milestones.values_list("title", flat=True)),
    }


def _regime_facts(pilot: Pilot) -> PilotRegimeFacts:
    try:
        return pilot.regime_facts
    except PilotRegimeFacts.DoesNotExist:
        return PilotRegimeFacts.default_for(pilot)


def _stored_regime_facts(pilot: Pilot) -> PilotRegimeFacts:
    # Read again, not from pilot.regime_facts: that cache holds the version before the save.
    stored = PilotRegimeFacts.objects.filter(pilot=pilot).first()
    return stored or PilotRegimeFacts.default_for(pilot)


@require_http_methods(["GET", "POST"])
@login_required
def pilot_regime(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    facts = _regime_facts(pilot)
    if request.method == "GET":
        context = _regime_context(request, pilot, RegimeForm(facts.as_form_data()))
        return render(request, "pilots/pilot_regime.html", {**context, "facts": facts})
    if not pilot.editable_by(request.user):
        raise PermissionDenied
    form = RegimeForm(request.POST)
    context = _regime_context(request, pilot, form)
    try:
        expected = int(request.POST.get("version") or 0)
    except ValueError:
        expected = -1  # a tampered version matches no row: refused like a lost update
    if form.is_valid():
        values = {name: form.cleaned_data[name] for name in PilotRegimeFacts.FORM_FIELDS}
        with transaction.atomic():
            if facts.pk is None:
                facts = PilotRegimeFacts.objects.create(pilot=pilot, **values)
                saved = True
            else:
                saved = PilotRegimeFacts.objects.filter(pk=facts.pk, version=expected).update(
                    **values, version=F("version") + 1
                )
                audit.log_update(facts, facts, values, rows=saved)
        if saved:
            context["saved"] = True
        else:
            # Someone else saved first: show their facts, with the version they carry.
            current = _stored_regime_facts(pilot)
            context = _regime_context(request, pilot, RegimeForm(current.as_form_data()))
            context["conflict"] = _(
                "Niet opgeslagen: iemand anders heeft de feiten intussen gewijzigd. "
                "Hieronder staan de huidige feiten; voer uw wijziging opnieuw in."
            )
    status = form_status(form, conflict=context.get("conflict"))
    if context.get("saved") and not request.htmx:
        messages.success(request, _("De feiten voor de regimecheck zijn opgeslagen."))
        return redirect("pilots:regime", pk=pilot.pk)
    # A refused form keeps the version it was sent; a save or a conflict carries the stored one.
    facts = _stored_regime_facts(pilot)
    if not form.is_valid():
        facts.version = expected
    context["facts"] = facts
    template = "pilots/pilot_regime.html"
    if request.htmx:
        template += "#pilot-regime"
    return render(request, template, context, status=status)


@require_POST
@login_required
def regime_milestone(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Copy a step the regime check names (e.g. 'ontheffing aanvragen') into the milestones."""
    pilot = _get_pilot_for_editing(request, pk)
    facts = _regime_facts(pilot)
    form = RegimeForm(facts.as_form_data())
    check = check_regime(form.to_facts(), on=timezone.localdate()) if form.is_valid() else None
    title = request.POST.get("title", "")
    if check is None or title not in check.milestones:
        messages.error(request, _("Deze stap hoort niet bij de uitkomst van de regimecheck."))
        context = {**_regime_context(request, pilot, form), "facts": facts}
        return render(request, "pilots/pilot_regime.html", context, status=REFUSED)
    _milestone, created = Milestone.objects.get_or_create(
        pilot=pilot,
        phase=pilot.phase,
        title=title[:200],
        defaults={
            "order": 100,
            "source": f"WCW-regimecheck ({check.rule_set})",
        },
    )
    if created:
        messages.success(
            request, _("Mijlpaal ‘%(title)s’ toegevoegd aan de huidige fase.") % {"title": title}
        )
    return redirect("pilots:regime", pk=pilot.pk)


def _price_rows(result: object) -> list:
    """The prices of this calculation with VAT status and source year (issue 15)."""
    if result is None:
        return []
    rows = (p for _group, ps in parameter_groups(result.parameters) for p in ps)
    return [p for p in rows if p.key.startswith("prices.")]


def _business_case_context(request: AuthenticatedRequest, pilot: Pilot) -> dict:
    form = ScenarioForm(request.GET or None, initial=ScenarioForm.initial_for(pilot))
    if not request.GET:
        form = ScenarioForm(ScenarioForm.initial_for(pilot))
    result = charts_ = None
    if form.is_valid():
        result = pilot_result(pilot, form.to_scenario(), timezone.localdate())
        p = result.participation
        charts_ = {
            "monthly": charts.to_plotly(charts.monthly_costs(result.case)),
            "cash_flow": charts.to_plotly(charts.cumulative_cash_flow(result.case)),
            "participation": charts.to_plotly(
                charts.participation_curve(
                    result.sweep,
                    p.step(Commitment.SIGNED).pct,
                    p.step(Commitment.INTENT).pct,
                )
            ),
            "tornado": charts.to_plotly(charts.tornado_chart(result.tornado, case_labels.TORNADO)),
            "investment": charts.to_plotly(
                charts.investment_breakdown(result.case, case_labels.CATEGORIES)
            ),
        }
    return {
        "pilot": pilot,
        "can_edit": pilot.editable_by(request.user),
        "form": form,
        "result": result,
        "charts": charts_,
        "override_count": len(overridden(result.parameters)) if result else 0,
        "price_rows": _price_rows(result),
        "reports": pilot.reports.select_related("created_by")
        .defer("pdf", "annex_pdf", "annex_xlsx")
        .annotate(annex_bytes=Length("annex_pdf"))[:10],
        "labels": case_labels,
        "tornado_note": case_labels.tornado_note(result.tornado) if result else "",
        "query": request.GET.urlencode(),
    }


@require_safe
@login_required
def business_case(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    template = "pilots/pilot_business_case.html"
    if request.htmx.target == "business-case":
        template += "#business-case"
    context = _business_case_context(request, pilot)
    return render(request, template, context, status=form_status(context["form"]))


@require_POST
@login_required
def choose_scenario(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Store the concept and organisation model of the scenario as the pilot's choice."""
    pilot = _get_pilot_for_editing(request, pk)
    form = ScenarioForm(request.POST)
    if form.is_valid():
        Pilot.objects.filter(pk=pilot.pk).update(
            concept=form.cleaned_data["concept"],
            org_model=form.cleaned_data["org_model"],
            updated_at=timezone.now(),
        )
        messages.success(request, _("Concept en organisatiemodel vastgelegd voor deze pilot."))
        return redirect("pilots:business_case", pk=pilot.pk)
    # Only a tampered post gets here: the page offers valid choices only.
    messages.error(request, _("Kies een geldig concept en organisatiemodel."))
    context = _business_case_context(request, pilot)
    return render(request, "pilots/pilot_business_case.html", context, status=REFUSED)
