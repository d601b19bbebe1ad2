"""Benchmarks as ratios to a bare view rendering base.html in the same run (machines are noisy).

Run with `make bench` (DATABASE_URL picks the database; a throw-away test database is created).
Prints one line per measurement and exits non-zero when a budget is exceeded.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warmtenet.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WARMUP, RUNS = 5, 30


def median_seconds(fn: Callable[[], object]) -> float:
    for _ in range(WARMUP):
        fn()
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    setup_test_environment()
    settings.ROOT_URLCONF = "bench.urls"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.factories import GemeenteFactory, MemberFactory, PilotFactory

        gemeente = GemeenteFactory(name="Utrecht")
        user = MemberFactory(gemeente=gemeente, username="bench")
        PilotFactory.create_batch(200, gemeente=gemeente)
        client = Client()
        client.force_login(user)

        def get(url: str) -> Callable[[], object]:
            def fetch() -> object:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response

            return fetch

        baseline = median_seconds(get("/__bench__/bare/"))
        budgets = {"portfolio, 200 pilots": ("/pilots/", 20.0)}
        failed = False
        print(f"baseline (bare view, base.html): {baseline * 1000:.2f} ms")
        for label, (url, budget) in budgets.items():
            ratio = median_seconds(get(url)) / baseline
            ok = ratio <= budget
            failed |= not ok
            print(f"{label}: {ratio:.1f}× baseline (budget {budget:.0f}×) {'ok' if ok else 'OVER'}")
        return 1 if failed else 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
