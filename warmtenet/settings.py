"""One settings file for every environment; environments differ only in their variables."""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in {"true", "false", "1", "0"}:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected true or false")
    return raw in {"true", "1"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# The fallback has the prefix `check --deploy` rejects: production must set a real key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-local-only")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Behind TLS in production: secure cookies, HSTS and redirects. Off for `make run` on http.
SECURE = env_bool("DJANGO_SECURE")
# Behind one reverse proxy that sets X-Forwarded-Proto and appends the client's address to
# X-Forwarded-For (warmtenet/http.py: client_ip takes the right-most entry).
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")

INSTALLED_APPS = [
    # Django's admin on our AdminSite: log-in through the app's own log-in and code step.
    "warmtenet.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "warmtenet",
    "pilots",
    "techniek",
    "juridisch",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "warmtenet.middleware.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "warmtenet.middleware.HtmxVaryMiddleware",
    "warmtenet.middleware.PermissionsPolicyMiddleware",
    "warmtenet.middleware.DatabaseUnavailableMiddleware",
    "warmtenet.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: it turns a flagged log-in attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "warmtenet.urls"
WSGI_APPLICATION = "warmtenet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "warmtenet.context_processors.site",
            ],
        },
    },
]

# Without DATABASE_URL, `make run` uses embedded SQLite. CI and production use PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Length and a common-password list, no composition rules (NCSC / NIST SP 800-63B advice).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks the lockout before Django's own backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Log-in throttling (architecture.md, Security): 5 failures lock that username from that IP
# address for 15 minutes; a success resets the count. Locking the pair, not the IP alone, keeps
# one mistyping colleague behind the town hall's NAT from locking out everyone else.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address, also behind the proxy: the same function as the resident rate limits.
AXES_CLIENT_IP_CALLABLE = "warmtenet.http.client_ip"

# Second factor (warmtenet/second_factor.py): the name authenticator apps show for the account.
OTP_TOTP_ISSUER = "Warmtenet pilots"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "pilots:list"
LOGOUT_REDIRECT_URL = "login"

# Dutch is the source language of every UI string; English comes from locale/en.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_MANIFEST_STATIC", default=not DEBUG and SECURE)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_AUTOREFRESH = DEBUG
# Without collectstatic (make run, tests, bench) whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = "Manifest" not in STORAGES["staticfiles"]["BACKEND"]
if WHITENOISE_USE_FINDERS:
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

# Theme of the NL Design System components: the open example theme unless a municipality
# has given consent to use its own tokens (Utrecht's are proprietary to Gemeente Utrecht).
WARMTENET_THEME = os.environ.get("WARMTENET_THEME", "voorbeeld")
if WARMTENET_THEME not in {"voorbeeld", "utrecht"}:
    raise ImproperlyConfigured(
        f"WARMTENET_THEME={WARMTENET_THEME!r}: expected voorbeeld or utrecht"
    )

# Per-client limits on the resident token pages and the PDF (pilots/ratelimit.py), counted in
# the default cache: exact for all workers with Redis or the file cache, per process with the
# local-memory cache of development and tests.
WARMTENET_RATE_LIMIT = env_bool("WARMTENET_RATE_LIMIT", default=True)

# Background work (Django's Tasks framework, pilots/tasks.py). `immediate` runs a task inside the
# request that enqueues it: `make run` and tests need no worker. `database` queues it in
# PostgreSQL (django-tasks-db) for `manage.py worker`: production, docker-compose.yml.
WARMTENET_TASKS = os.environ.get("WARMTENET_TASKS", "immediate").strip() or "immediate"
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if WARMTENET_TASKS not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"WARMTENET_TASKS={WARMTENET_TASKS!r}: expected immediate or database"
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[WARMTENET_TASKS]}}

# Admin lives off the default path so scanners looking for /admin/ find nothing.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "beheer-support/")

# The street map (issue 18): PDOK's public background map (BRT-Achtergrondkaart, WMTS tiles)
# under the homes in production; off, the map is a plain drawing that needs no network.
WARMTENET_MAP_TILES = env_bool("WARMTENET_MAP_TILES")
MAP_TILE_ORIGINS = ["https://service.pdok.nl"] if WARMTENET_MAP_TILES else []

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The two hashes are the inline <style> elements plotly.js 4.1.1 injects (an empty global
    # sheet filled via insertRule, and MapLibre's sheet); see docs/decisions.md. Recompute
    # them when plotly.js changes. No 'unsafe-inline'.
    "style-src": [
        CSP.SELF,
        CSP.NONCE,
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
        "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='",
    ],
    "img-src": [CSP.SELF, "data:", "blob:", *MAP_TILE_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# One cache for all gunicorn workers: the rate limits, the pilot page's table and trend
# (pilots/page_cache.py) and the sessions. Redis when REDIS_URL is set (shared by several hosts),
# else a directory shared by the workers of one host (docker-compose.yml sets it), else process
# memory for development and tests.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_DIR = os.environ.get("DJANGO_CACHE_DIR", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that is away fails a request within seconds instead of hanging a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            # Several deployments (or test runs) on one Redis keep their keys apart.
            "KEY_PREFIX": os.environ.get("WARMTENET_CACHE_PREFIX", ""),
        }
    }
elif CACHE_DIR:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_COOKIE_AGE = 10 * 60 * 60
# Sessions stay in the database (they survive a restart) and are read through the cache: one
# query less on every page of a logged-in user.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

if SECURE:
    # __Host- cookies are only accepted over https, for the exact host, with path "/".
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=True)
    # The container's health check asks over plain http on 127.0.0.1 (docker-compose.yml), not
    # through the proxy; the probes show no data, so they answer without the redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
    # Only when the reverse proxy always overwrites this header.
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Resident tokens never reach the log (warmtenet/access_log.py; gunicorn's access log too).
    "filters": {"tokens": {"()": "warmtenet.access_log.RedactTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Address register (issue 18): BAG via PDOK's public services, energy labels from EP-Online
# (a free API key from RVO; without one, no labels are looked up). Tests point these at a
# localhost server with recorded answers.
WARMTENET_PDOK_LOCATIESERVER_URL = os.environ.get(
    "WARMTENET_PDOK_LOCATIESERVER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)
WARMTENET_PDOK_BAG_URL = os.environ.get(
    "WARMTENET_PDOK_BAG_URL", "https://api.pdok.nl/lv/bag/ogc/v1"
)
WARMTENET_EP_ONLINE_URL = os.environ.get(
    "WARMTENET_EP_ONLINE_URL", "https://public.ep-online.nl/api/v5"
)
WARMTENET_EP_ONLINE_API_KEY = os.environ.get("WARMTENET_EP_ONLINE_API_KEY", "")
WARMTENET_REGISTER_TIMEOUT_S = float(os.environ.get("WARMTENET_REGISTER_TIMEOUT_S", "10"))
