from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django_htmx.middleware import HtmxDetails


class AuthenticatedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails


# A refused form answers 422 and a lost update 409, so clients and tests see the refusal in the
# status; base.html's htmx-config swaps both like a 200 so the message shows in place.
REFUSED = 422
CONFLICT = 409


def form_status(*forms: object, conflict: object = None) -> int:
    """200, or 409 when an edit lost a race, or 422 when a bound form has errors."""
    if conflict:
        return CONFLICT
    bound = [f for f in forms if getattr(f, "is_bound", False)]
    return REFUSED if any(f.errors for f in bound) else 200  # type: ignore[attr-defined]


def url_template(name: str, *args: object) -> str:
    """`reverse(name, args=[*args, id])` as a format string for many ids: one reverse() for a
    table instead of one per row. The id is the last path segment argument."""
    return reverse(name, args=[*args, 0]).replace("/0/", "/{}/", 1)


def option_lists(choices: list[tuple[str, str]]) -> dict[str, SafeString]:
    """The <option>s of a select for every possible selected value, rendered once for a table
    instead of once per row."""
    return {
        selected: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((value, " selected" if value == selected else "", label) for value, label in choices),
        )
        for selected, _label in choices
    }
