import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone

from pilots.models import Household, HouseholdLink, Pilot, Role, StreetLink

from .factories import (
    GemeenteFactory,
    HouseholdFactory,
    MemberFactory,
    PilotFactory,
    UserFactory,
)
from .register_server import RecordedServer, Recording

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # PBKDF2's deliberate slowness costs ~0.3 s per user; tests only need a working hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Rate-limit counters live in the cache; every test starts with none.
    cache.clear()


@dataclass
class Cast:
    pilot: Pilot  # Utrecht, 18 homes, 12 households in the register
    household: Household  # one of the pilot's households
    other_pilot: Pilot  # Zeist: invisible to every Utrecht user
    kwartiermaker: User  # kwartiermaker in Utrecht: may edit
    gemeente_utrecht: User  # gemeente staff of the pilot's municipality: may read
    gemeente_other: User  # another municipality: 404
    outsider: User  # logged in, no membership at all
    admin: User  # Django staff for support; no membership, so no pilots
    street_link: StreetLink  # live dashboard link of the pilot
    street_token: str  # its raw token; a resident holds only this
    household_token: str  # raw personal link of `household`
    revoked_token: str  # a revoked street link of the pilot


@pytest.fixture
def cast(db: None) -> Cast:
    utrecht, zeist = GemeenteFactory(name="Utrecht"), GemeenteFactory(name="Zeist")
    pilot = PilotFactory(gemeente=utrecht, name="Hofje Oudwijk", homes=18)
    households = HouseholdFactory.create_batch(12, pilot=pilot)
    street_link, street_token = StreetLink.issue(pilot, created_by=None, label="het hofje")
    revoked, revoked_token = StreetLink.issue(pilot, created_by=None, label="oud")
    StreetLink.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    _personal, household_token = HouseholdLink.issue(households[0])
    return Cast(
        pilot=pilot,
        household=households[0],
        other_pilot=PilotFactory(gemeente=zeist, name="Kerckebosch", homes=24),
        kwartiermaker=MemberFactory(
            gemeente=utrecht, role=Role.KWARTIERMAKER, username="kwartiermaker"
        ),
        gemeente_utrecht=MemberFactory(
            gemeente=utrecht, role=Role.GEMEENTE, username="gemeente_utrecht"
        ),
        gemeente_other=MemberFactory(gemeente=zeist, role=Role.GEMEENTE, username="gemeente_other"),
        outsider=UserFactory(username="outsider"),
        admin=UserFactory(username="admin", is_staff=True, is_superuser=True),
        street_link=street_link,
        street_token=street_token,
        household_token=household_token,
        revoked_token=revoked_token,
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # Debian's Chromium, never a browser download; keep it off the closed network.
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def register(settings: object) -> Iterator[RecordedServer]:
    """PDOK and EP-Online on localhost, answering from the Lindelaan recording."""
    server = RecordedServer(Recording.lindelaan())
    for name, value in server.settings().items():
        setattr(settings, name, value)
    yield server
    server.stop()


@pytest.fixture
def redis_available() -> None:
    """Redis on 127.0.0.1:6379 (.ci/run starts it): required in CI, else the test is skipped."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
        pytest.skip("Redis is not running on 127.0.0.1:6379")


@pytest.fixture
def database_tasks(settings: object) -> None:
    """The production queue (django-tasks-db) instead of the tests' immediate backend."""
    from django.tasks import task_backends

    from tests import processes

    processes.require_postgresql()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _forget(task_backends)
    yield
    _forget(task_backends)


def _forget(handler: object) -> None:
    """The task handler keeps the settings and backends it made; make it read them again."""
    from asgiref.local import Local

    handler.__dict__.pop("settings", None)
    handler._connections = Local(handler.thread_critical)
