import ipaddress

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django_htmx.middleware import HtmxDetails


class AuthenticatedRequest(HttpRequest):
    user: User
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


def client_ip(request: HttpRequest) -> str:
    """The client's address, for rate limits and django-axes (AXES_CLIENT_IP_CALLABLE).

    Behind the reverse proxy (DJANGO_BEHIND_PROXY) REMOTE_ADDR is the proxy for everyone. The
    proxy must append the address it received the request from to X-Forwarded-For (nginx:
    `proxy_add_x_forwarded_for`, Caddy and Traefik do by default), so the right-most entry is the
    one our proxy wrote; entries left of it come from the client and can be forged. One proxy
    only: with a second one in front, the right-most entry would be that proxy.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:  # no header (a request not through the proxy): the direct peer
            pass
    return request.META.get("REMOTE_ADDR") or ""
