"""The two costly parts of the pilot page, computed once per state of the household register.

A kwartiermaker reloads and pages far more often than the register changes. The state is a
stamp of the register: number of households, sum of their versions, last change. Every edit
path raises a household's version (inline, form, import, resident page), and every commitment
change, the only input of the participation history, is made through one of them.

- the households table (most of the rendering time): keyed also on page, language and whether
  the user may edit. The CSRF token differs per user, so the cached HTML carries a placeholder
  that each response fills in. When the register changed, the table's rows come from the rows
  kept per household version: an edit renders one row again, not the page's fifty.
- the participation trend (a replay of the whole commitment history): keyed also on the day
  and the number of homes.
"""

import hashlib
from datetime import date

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import charts
from .household_rows import household_rows
from .models import CommitmentChange, Household, Pilot
from .participation import over_time

HOUSEHOLDS_PER_PAGE = 50
CACHE_SECONDS = 600
CSRF_PLACEHOLDER = "csrf-token-placeholder-7f3a"


def households_page(pilot: Pilot, total: int, number: object) -> Page:
    paginator = Paginator(pilot.households.all(), HOUSEHOLDS_PER_PAGE)
    paginator.count = total  # known from the participation counts: no COUNT query
    return paginator.get_page(number)


def _state(stamp: tuple) -> str:
    return hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]


def trend_chart(pilot: Pilot, stamp: tuple, today: date) -> dict:
    """The participation chart of the last six months, as plotly JSON."""
    key = f"trend:{pilot.pk}:{today}:{pilot.homes}:{get_language()}:{_state(stamp)}"
    chart = cache.get(key)
    if chart is None:
        history = [
            (household, status, timezone.localtime(at))
            for household, status, at in CommitmentChange.objects.filter(
                household__pilot=pilot
            ).values_list("household_id", "to_status", "changed_at")
        ]
        chart = charts.to_plotly(charts.participation_trend(over_time(pilot.homes, history, today)))
        cache.set(key, chart, CACHE_SECONDS)
    return chart


def households_html(
    request: HttpRequest, pilot: Pilot, page: Page, stamp: tuple, can_edit: bool
) -> SafeString:
    key = f"households:{pilot.pk}:{page.number}:{get_language()}:{int(can_edit)}:{_state(stamp)}"
    html = cache.get(key)
    if html is None:
        context = {
            "pilot": pilot,
            "can_edit": can_edit,
            "households": page,
            "household_rows_html": _rows_html(pilot, page, can_edit),
            "csrf_token": CSRF_PLACEHOLDER,
        }
        html = render_to_string("pilots/pilot_detail.html#households", context)
        cache.set(key, html, CACHE_SECONDS)
    # The template escaped the HTML; the token is URL-safe base64.
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308


def _rows_html(pilot: Pilot, page: Page, can_edit: bool) -> list[SafeString]:
    """The rows of one table page, kept with the version each was rendered from: after an edit
    only the changed row is rendered again, not all fifty. One cache entry per page, because
    the file cache lists its directory on every write (thousands of row entries would slow that).
    A worker that writes an older set back only makes a row render once more."""
    key = f"household-rows:{pilot.pk}:{page.number}:{get_language()}:{int(can_edit)}"
    kept: dict[int, tuple[int, str]] = cache.get(key) or {}
    households: list[Household] = list(page)
    stale = [h for h in households if kept.get(h.pk, (None, ""))[0] != h.version]
    if stale:
        row = get_template("pilots/pilot_detail.html#household-row")
        for r in household_rows(pilot, stale):
            context = {
                "pilot": pilot,
                "can_edit": can_edit,
                "row": r,
                "csrf_token": CSRF_PLACEHOLDER,
                # Named, not missing: a missing variable costs the template engine an exception.
                "conflict": None,
                "row_errors": None,
            }
            kept[r.household.pk] = (r.household.version, row.render(context))
        cache.set(key, {h.pk: kept[h.pk] for h in households}, CACHE_SECONDS)
    return [mark_safe(kept[h.pk][1]) for h in households]  # noqa: S308 (rendered above)
