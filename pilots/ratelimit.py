"""Per-client rate limits, counted in the cache in fixed windows.

Each window has its own counter (`rl:<name>:<client>:<window number>`) whose expiry is set once,
when the window's first request creates it; later requests only increment it. So a limit lifts
when its window ends however busy the address stays, and nothing has to expire on time.

Increments are atomic on Redis (INCR) and in the local-memory cache (one lock per process). The
file cache has no atomic increment (it reads, adds and rewrites the file), so there the count runs
under an flock on one lock file in the cache directory, shared by every worker of the host.
"""

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from time import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from warmtenet.http import client_ip

# A window's counter outlives the window a little, so a clock step between workers cannot make
# a counter vanish mid-window.
GRACE_SECONDS = 30


@contextmanager
def _exclusive(backend: BaseCache) -> Iterator[None]:
    if not isinstance(backend, FileBasedCache):
        yield
        return
    os.makedirs(backend._dir, exist_ok=True)
    with open(os.path.join(backend._dir, "ratelimit.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def hit(name: str, client: str, window_seconds: int) -> int:
    """Count one request of `client` against limit `name`; requests in this window so far."""
    backend = caches["default"]
    key = f"rl:{name}:{client}:{int(time() // window_seconds)}"
    with _exclusive(backend):
        backend.add(key, 0, timeout=window_seconds + GRACE_SECONDS)
        try:
            return backend.incr(key)
        except ValueError:  # culled between add and incr: this request starts the count anew
            backend.add(key, 1, timeout=window_seconds + GRACE_SECONDS)
            return 1


def seconds_left(window_seconds: int) -> int:
    """Seconds until the current window ends: the Retry-After of a refused request."""
    return max(1, window_seconds - int(time() % window_seconds))


def rate_limited(key: str, per_minute: int) -> Callable:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not settings.WARMTENET_RATE_LIMIT:
                return view(request, *args, **kwargs)
            if hit(key, client_ip(request) or "unknown", 60) > per_minute:
                response = render(request, "resident/too_many.html", status=429)
                response["Retry-After"] = str(seconds_left(60))
                response["Cache-Control"] = "no-store"
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
