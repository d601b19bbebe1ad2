"""The shared cache (issue 17): Django's Redis cache when REDIS_URL is set, the defaults otherwise.

Several web hosts share one Redis: a rate-limit count, a cached page fragment and a cached
session written through one host's connection are seen through another's.
"""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import CacheHandler, caches

from pilots import ratelimit

# The tests' Redis database: 15 unless the environment names another (parallel work trees).
REDIS = f"redis://127.0.0.1:6379/{os.environ.get('WARMTENET_TEST_REDIS_DB', '15')}"


def _cache_setting(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_CACHE_DIR"}}
    code = "import json; from django.conf import settings; print(json.dumps(settings.CACHES))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "warmtenet.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["default"]


def test_redis_url_selects_djangos_redis_cache_over_the_cache_directory() -> None:
    both = _cache_setting(REDIS_URL="redis://redis:6379/0", DJANGO_CACHE_DIR="/tmp/x")
    assert both["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert both["LOCATION"] == "redis://redis:6379/0"
    assert _cache_setting(DJANGO_CACHE_DIR="/tmp/x")["BACKEND"].endswith("FileBasedCache")
    assert _cache_setting()["BACKEND"].endswith("LocMemCache")


@pytest.fixture
def redis_cache(settings: object, redis_available: None) -> dict:
    config = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS,
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    settings.CACHES = {"default": config}
    yield config
    caches["default"].clear()


def test_counts_and_sessions_are_shared_through_redis(redis_cache: dict, db: None) -> None:
    # A second CacheHandler has its own connection pool: another host on the same Redis.
    other_host = CacheHandler({"default": redis_cache})["default"]
    assert [ratelimit.hit("probe", "198.51.100.7", 60) for _ in range(3)] == [1, 2, 3]
    key = next(k for k in other_host._cache.get_client().keys("*") if b"rl:probe" in k)
    assert int(other_host._cache.get_client().get(key)) == 3

    session = SessionStore()
    session["pilot"] = 7
    session.save()
    # Read back through the other host's cache only: the database row is gone.
    from django.contrib.sessions.models import Session

    Session.objects.filter(session_key=session.session_key).delete()
    cached = other_host.get(SessionStore.cache_key_prefix + session.session_key)
    assert cached == {"pilot": 7}
