"""A small per-IP rate limit for the token pages, counted in the cache."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _client_ip(request: HttpRequest) -> str:
    # Behind the reverse proxy REMOTE_ADDR is the proxy; it must pass the client in
    # X-Forwarded-For only when DJANGO_BEHIND_PROXY is set (see settings.SECURE_PROXY_SSL_HEADER).
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(key: str, per_minute: int) -> Callable:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not settings.WARMTENET_RATE_LIMIT:
                return view(request, *args, **kwargs)
            bucket = f"rl:{key}:{_client_ip(request)}"
            cache.add(bucket, 0, timeout=60)
            try:
                hits = cache.incr(bucket)
            except ValueError:  # expired between add and incr
                cache.set(bucket, 1, timeout=60)
                hits = 1
            if hits > per_minute:
                response = render(request, "resident/too_many.html", status=429)
                response["Retry-After"] = "60"
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
