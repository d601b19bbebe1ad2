"""The street on a map (issue 18), for the kwartiermaker only: each point is a home's address and
commitment, personal data the gemeente role does not see (issue 21); residents never see positions
(their dashboard has no map and no addresses)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from warmtenet.http import AuthenticatedRequest

from .models import Commitment
from .street_map import CSRF_PLACEHOLDER, cached_map
from .views import _get_pilot_for_user, personal_data_allowed


@require_safe
@login_required
@never_cache  # addresses and positions of households
def pilot_map(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    if not personal_data_allowed(request, pilot):
        raise PermissionDenied
    can_edit = True
    smap, rows = cached_map(pilot, can_edit=can_edit, tiles=settings.WARMTENET_MAP_TILES)
    context = {
        "pilot": pilot,
        "can_edit": can_edit,
        "map": smap,
        # The cached rows were escaped when made; the token is URL-safe.
        "rows_html": mark_safe(rows.replace(CSRF_PLACEHOLDER, get_token(request))),  # noqa: S308
        "tiles": settings.WARMTENET_MAP_TILES,
        "commitments": Commitment.choices,
    }
    return render(request, "pilots/pilot_map.html", context)
