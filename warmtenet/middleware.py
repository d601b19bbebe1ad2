import logging
from collections.abc import Callable

from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from django.conf import settings
from django.contrib.auth.models import User
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.functional import SimpleLazyObject

# The app uses no camera, microphone, location or payment APIs; say so to the browser.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class HtmxVaryMiddleware:
    """Every answer says that it differs by the htmx request headers.

    Views answer an htmx request with only a partial on the same URL as the full page
    (`hx-push-url`). Without `Vary`, the browser keeps that partial in its cache and shows it,
    without head, styles or scripts, when the user goes Back to that URL from another page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response


class CookieLocaleMiddleware:
    """Dutch unless the user picked another language with the language switch.

    Unlike Django's LocaleMiddleware this ignores Accept-Language: a Dutch municipal tool
    opens in Dutch even in a browser set to English, and the switch keeps the choice.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Resident pages set no cookies: their links carry ?lang=en instead.
        chosen = request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


logger = logging.getLogger(__name__)

# A PostgreSQL restart takes a few seconds (measured in docs/benchmarks.md, "Last en storingen").
RETRY_AFTER_SECONDS = 10


class DatabaseUnavailableMiddleware:
    """A lost database connection answers a short Dutch 503 page, not a 500 with a traceback.

    OperationalError also covers a lock timeout or "database is locked": transient as well, so
    "try again shortly" is the right answer there too. The page renders without a request
    context, so no context processor (user, messages) touches the database again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        page = loader.render_to_string("503.html", {"theme": settings.WARMTENET_THEME})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware, but the actor is looked up only when an entry is written.

    The original resolves `request.user` on every request: a session query even on /healthz,
    and with the database down it fails before DatabaseUnavailableMiddleware can answer 503.
    """

    @staticmethod
    def _get_actor(request: HttpRequest) -> User | None:
        return SimpleLazyObject(lambda: BaseAuditlogMiddleware._get_actor(request))
