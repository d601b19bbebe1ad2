import os
import shutil
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from pilots.models import Household, Pilot, Role

from .factories import (
    GemeenteFactory,
    HouseholdFactory,
    MemberFactory,
    PilotFactory,
    UserFactory,
)

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # PBKDF2's deliberate slowness costs ~0.3 s per user; tests only need a working hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture
def cast(db: None) -> Cast:
    utrecht, zeist = GemeenteFactory(name="Utrecht"), GemeenteFactory(name="Zeist")
    pilot = PilotFactory(gemeente=utrecht, name="Hofje Oudwijk", homes=18)
    households = HouseholdFactory.create_batch(12, pilot=pilot)
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
