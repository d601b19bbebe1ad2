"""Page benchmarks as ratios to baselines measured in the same run (machines are noisy).

Run with `make bench` (DATABASE_URL picks the database; a throw-away test database is created).
Seeds 200 pilots × 50 households and one pilot with 1,500 households, then prints one line per
measurement and exits non-zero when a budget is exceeded.
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
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WARMUP, RUNS = 3, 20


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    for _ in range(WARMUP):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def seed() -> tuple[object, int, int]:
    from datetime import timedelta

    from django.utils import timezone

    from pilots.models import CommitmentChange, Household, Pilot
    from tests.factories import GemeenteFactory, MemberFactory

    gemeente = GemeenteFactory(name="Utrecht")
    user = MemberFactory(gemeente=gemeente, username="bench")
    pilots = [
        Pilot.objects.create(gemeente=gemeente, name=f"Pilot {i:03}", homes=50) for i in range(200)
    ]
    big = Pilot.objects.create(gemeente=gemeente, name="Grote pilot", homes=1500)
    rows = [
        Household(
            pilot=pilot,
            street="Benchstraat",
            house_number=n + 1,
            postcode=f"35{n // 100 + 10:02}AB",
            building_type="mid_terrace",
            commitment=("unknown", "interested", "intent", "signed")[n % 4],
        )
        for pilot in (*pilots, big)
        for n in range(pilot.homes)
    ]
    Household.objects.bulk_create(rows, batch_size=2000)
    # A history as the page replays it: every household that moved did so in the last 8 months.
    now = timezone.now()
    changes = [
        CommitmentChange(
            household_id=pk,
            from_status="unknown",
            to_status=status,
            changed_at=now - timedelta(days=(pk * 37) % 240),
        )
        for pk, status in Household.objects.exclude(commitment="unknown").values_list(
            "pk", "commitment"
        )
    ]
    CommitmentChange.objects.bulk_create(changes, batch_size=2000)
    return user, pilots[0].pk, big.pk


def bench_import(user: object) -> bool:
    """Import 1,500 new households with a commitment from CSV, then re-import with changes."""
    import io

    from pilots.imports import import_households, read_table
    from pilots.models import Pilot

    pilot = Pilot.objects.create(
        gemeente=user.memberships.first().gemeente, name="Import", homes=1500
    )
    statuses = ("geïnteresseerd", "intentie", "getekend")
    lines = ["straat;huisnummer;postcode;woningtype;bouwjaar;gasverbruik_m3;commitment"]
    lines += [
        f"Importlaan;{n + 1};3581AB;Tussenwoning;1932;1.350;{statuses[n % 3]}" for n in range(1500)
    ]
    data = "\n".join(lines).encode()
    ok = True
    for label in ("import 1,500 new rows", "re-import 1,500 rows, all commitments changed"):
        start = time.perf_counter()
        plan = import_households(pilot, read_table(io.BytesIO(data)), by=user)
        seconds = time.perf_counter() - start
        assert plan.ok, plan.errors[:3]
        ok &= seconds < 2.0
        print(f"{label}: {seconds:.2f} s (aim < 2 s) {'ok' if seconds < 2.0 else 'OVER'}")
        data = data.replace(b"getekend", b"X").replace(b"intentie", b"getekend")
        data = data.replace(b"X", "geïnteresseerd".encode())
    return ok


def bench_lookup(user: object, client: Client) -> bool:
    """Issue 18: add 1,500 addresses from the register (recorded answers on localhost):
    search, preview and confirm through the pages, as the kwartiermaker does."""
    import re

    from pilots.models import Pilot
    from tests.register_server import RecordedServer, Recording

    pilot = Pilot.objects.create(
        gemeente=user.memberships.first().gemeente, name="Register", homes=1500
    )
    server = RecordedServer(Recording.long_street(1500))
    try:
        for name, value in server.settings().items():
            setattr(settings, name, value)
        settings.WARMTENET_REGISTER_TIMEOUT_S = 10
        url = f"/pilots/{pilot.pk}/adressen/"
        start = time.perf_counter()
        preview = client.post(url, {"street": "Lindelaan", "city": "Utrecht"})
        token = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
        done = client.post(url, {"step": "confirm", "token": token})
        seconds = time.perf_counter() - start
    finally:
        server.stop()
    assert done.status_code == 302, done.status_code
    assert pilot.households.filter(rd_x__isnull=False).count() == 1500
    ok = seconds < 2.0
    print(
        f"register lookup + import of 1,500 addresses (recorded answers): {seconds:.2f} s "
        f"(aim < 2 s) {'ok' if ok else 'OVER'}"
    )
    return ok


def bench_map(client: Client, bare: float) -> bool:
    """Issue 18: the map page of 1,500 placed households within 20× the bare view."""
    from pilots.models import Household, Pilot

    pilot = Pilot.objects.create(gemeente=Pilot.objects.first().gemeente, name="Kaart", homes=1500)
    Household.objects.bulk_create(
        [
            Household(
                pilot=pilot,
                street="Kaartlaan",
                house_number=n + 1,
                postcode=f"35{n // 100 + 10:02}AB",
                building_type="mid_terrace",
                commitment=("unknown", "interested", "intent", "signed")[n % 4],
                rd_x=137_000.0 + 6.1 * (n // 2) % 900,
                rd_y=456_200.0 + 14.6 * (n % 2) + 40 * ((6.1 * (n // 2)) // 900),
            )
            for n in range(1500)
        ]
    )

    def fetch() -> object:
        response = client.get(f"/pilots/{pilot.pk}/kaart/")
        assert response.status_code == 200
        return response

    seconds = median_seconds(fetch, runs=10)
    ratio = seconds / bare
    ok = ratio <= 20
    print(
        f"map page, 1,500 households: {seconds * 1000:.1f} ms = {ratio:.1f}× base.html "
        f"(budget 20×) {'ok' if ok else 'OVER'}"
    )
    return ok


def main() -> int:
    setup_test_environment()
    settings.ROOT_URLCONF = "bench.urls"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        user, small, big = seed()
        client = Client()
        client.force_login(user)
        if sys.argv[1:] == ["lookup"]:  # `python bench/run.py lookup`: only that measurement
            return 0 if bench_lookup(user, client) else 1

        def get(url: str) -> Callable[[], object]:
            def fetch() -> object:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response

            return fetch

        fixed = median_seconds(get("/__bench__/fixed/"))
        bare = median_seconds(get("/__bench__/bare/"))
        if sys.argv[1:] == ["map"]:  # `python bench/run.py map`: only that measurement
            print(f"base.html {bare * 1000:.2f} ms")
            return 0 if bench_map(client, bare) else 1
        print(f"{connection.vendor}; baselines: fixed string {fixed * 1000:.2f} ms, ", end="")
        print(f"base.html {bare * 1000:.2f} ms")
        # Budgets are ratios to base.html through the full middleware (architecture.md);
        # the ratio to a fixed string is printed too, as issue 4 asks.
        # Issue 4's aim is the last column: the 1,500-household page within 50× the fixed string
        # (warm: the households table and trend are cached per state of the register, see
        # pilots/page_cache.py; the cold figure is the first request after an edit).
        budgets = (
            ("portfolio, 200 pilots (first page of 50)", "/pilots/", 20.0, None),
            ("pilot page, 50 households", f"/pilots/{small}/", 20.0, None),
            ("pilot page, 1,500 households", f"/pilots/{big}/", 50.0, 50.0),
            # Issue 20: every pilot on one page, engine summaries warm in the cache.
            ("programme view, 201 pilots (warm)", "/pilots/programma/", 20.0, None),
        )
        failed = False
        for label, url, budget, fixed_aim in budgets:
            seconds = median_seconds(get(url))
            ratio = seconds / bare
            ok = ratio <= budget and (fixed_aim is None or seconds / fixed <= fixed_aim)
            failed |= not ok
            aim = f" (aim {fixed_aim:.0f}×)" if fixed_aim else ""
            print(
                f"{label}: {seconds * 1000:.1f} ms = {ratio:.1f}× base.html "
                f"(budget {budget:.0f}×), {seconds / fixed:.0f}× fixed string{aim} "
                f"{'ok' if ok else 'OVER'}"
            )
        cold = median_seconds(lambda: (cache.clear(), get(f"/pilots/{big}/")()), runs=10)
        print(
            f"pilot page, 1,500 households, cold cache: {cold * 1000:.1f} ms = "
            f"{cold / bare:.1f}× base.html, {cold / fixed:.0f}× fixed string"
        )
        # Issue 20, cold: the cache emptied and the engine's memo forgotten before each request,
        # so every pilot's summary is computed again (the 200 seeded pilots have identical
        # households, so within one request the engine still shares their sized fields).
        from techniek.calc.engine import clear_memo

        def programme_cold() -> object:
            cache.clear()
            clear_memo()
            return get("/pilots/programma/")()

        cold = median_seconds(programme_cold, runs=3)
        print(
            f"programme view, 201 pilots, cold cache: {cold * 1000:.0f} ms = "
            f"{cold / bare:.0f}× base.html (reported)"
        )
        # Issue 6: recompute the business case after one input change, through the htmx
        # endpoint, as the slider does.
        htmx = {"HX-Request": "true", "HX-Target": "business-case"}
        for label, pk in (("business case, 50 homes", small), ("business case, 1,500 homes", big)):
            url = f"/pilots/{pk}/businesscase/?concept=bodemlus_ringnet&org_model=cooperatie"

            def recompute(url: str = url) -> object:
                response = client.get(f"{url}&participation_pct=90", headers=htmx)
                assert response.status_code == 200
                return response

            seconds = median_seconds(recompute, runs=5)
            ratio = seconds / bare
            ok = ratio <= 100
            failed |= not ok
            print(
                f"{label} (htmx recompute): {seconds * 1000:.0f} ms = {ratio:.0f}× base.html "
                f"(aim 100×), {seconds / fixed:.0f}× fixed string {'ok' if ok else 'OVER'}"
            )
        failed |= not bench_import(user)
        failed |= not bench_lookup(user, client)
        failed |= not bench_map(client, bare)
        return 1 if failed else 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
