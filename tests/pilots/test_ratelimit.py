"""Resident rate limits (pilots/ratelimit.py) on the cache backends production uses (issue 16).

Fixed windows: a limit lifts when its minute ends, however busy the address stays, and parallel
requests are all counted: on Django's file cache (DJANGO_CACHE_DIR) and on Redis (REDIS_URL).
"""

import os
import socket
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client

from pilots import ratelimit

REDIS = "redis://127.0.0.1:6379/15"  # db 15: the tests' own, keys under a per-run prefix
ALICE, BOB = "198.51.100.7", "203.0.113.9"  # documentation addresses (RFC 5737)
PROXY = "192.0.2.1"
UNKNOWN_TOKEN = "x" * 43  # cheap: no link matches, the page is a plain 404


def _redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["file", "redis", "locmem"])
def backend(request: pytest.FixtureRequest, settings: object, tmp_path: Path) -> str:
    if request.param == "file":
        config = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    elif request.param == "redis":
        if not _redis_running():
            if os.environ.get("CI"):
                pytest.fail("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        config = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    else:
        config = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": config}
    return request.param


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = 1_800_000_000.0  # the start of a minute
        monkeypatch.setattr(ratelimit, "time", lambda: self.now)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def test_parallel_hits_are_all_counted(backend: str, clock: Clock) -> None:
    def fifty(_: int) -> None:
        for _ in range(50):
            ratelimit.hit("street", ALICE, 60)
        caches["default"].close()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(fifty, range(8)))
    assert ratelimit.hit("street", ALICE, 60) == 401


def test_the_window_resets_while_traffic_continues(backend: str, clock: Clock) -> None:
    counts = []
    for _ in range(90):  # one hit a second for a minute and a half
        counts.append(ratelimit.hit("street", ALICE, 60))
        clock.now += 1
    assert counts[:60] == list(range(1, 61))
    assert counts[60:] == list(range(1, 31))


def test_a_blocked_address_is_served_again_in_the_next_minute(
    db: None, client: Client, backend: str, clock: Clock
) -> None:
    url = f"/straat/{UNKNOWN_TOKEN}/"
    statuses = [client.get(url, REMOTE_ADDR=ALICE).status_code for _ in range(121)]
    assert statuses == [404] * 120 + [429]
    clock.now += 30
    refused = client.get(url, REMOTE_ADDR=ALICE)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    clock.now += 30
    assert client.get(url, REMOTE_ADDR=ALICE).status_code == 404


def _hits_behind_proxy(client: Client, url: str, forwarded: str, times: int) -> list[int]:
    return [
        client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded).status_code
        for _ in range(times)
    ]


def test_behind_the_proxy_two_clients_are_limited_separately(
    db: None, client: Client, settings: object, backend: str, clock: Clock
) -> None:
    settings.BEHIND_PROXY = True
    url = f"/straat/{UNKNOWN_TOKEN}/"
    assert _hits_behind_proxy(client, url, ALICE, 121)[-1] == 429
    assert _hits_behind_proxy(client, url, BOB, 1) == [404]
    # Only the right-most entry counts: the one our proxy appended. A forged one left of it
    # does not give Alice a fresh counter.
    assert _hits_behind_proxy(client, url, f"{BOB}, {ALICE}", 1) == [429]


def test_without_the_proxy_setting_forwarded_headers_are_ignored(
    db: None, client: Client, backend: str, clock: Clock
) -> None:
    url = f"/straat/{UNKNOWN_TOKEN}/"
    assert _hits_behind_proxy(client, url, ALICE, 121)[-1] == 429
    assert _hits_behind_proxy(client, url, BOB, 1) == [429]
