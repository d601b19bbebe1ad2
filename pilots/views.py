from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from warmtenet.http import AuthenticatedRequest

from .forms import PortfolioFilterForm
from .models import Gemeente, Pilot, Role


def _get_pilot_for_user(request: AuthenticatedRequest, pk: int) -> Pilot:
    # A pilot outside the user's scope looks the same as one that doesn't exist: 404.
    return get_object_or_404(
        Pilot.objects.visible_to(request.user).select_related("gemeente"), pk=pk
    )


@require_safe
@login_required
def pilot_list(request: AuthenticatedRequest) -> HttpResponse:
    gemeenten = Gemeente.objects.filter(memberships__user=request.user).distinct()
    form = PortfolioFilterForm(request.GET or None, gemeenten=gemeenten)
    pilots = form.filter(Pilot.objects.visible_to(request.user).select_related("gemeente"))
    memberships = list(
        request.user.memberships.select_related("gemeente").order_by("role", "gemeente__name")
    )
    roles: dict[str, list[str]] = {}
    for m in memberships:
        roles.setdefault(m.role, []).append(m.gemeente.name)
    context = {
        "form": form,
        "pilots": pilots,
        "totals": pilots.aggregate(homes=Sum("homes")),
        "memberships": memberships,
        "roles": sorted(roles.items(), key=lambda item: item[0] != Role.KWARTIERMAKER),
        "can_edit_any": any(m.role == Role.KWARTIERMAKER for m in memberships),
    }
    template = "pilots/pilot_list.html"
    if request.htmx.target == "portfolio":
        template += "#portfolio"
    return render(request, template, context)


@require_safe
@login_required
def pilot_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    context = {"pilot": pilot, "can_edit": pilot.editable_by(request.user)}
    return render(request, "pilots/pilot_detail.html", context)
