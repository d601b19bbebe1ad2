"""Techniek engine benchmark: every concept for a 1,500-household pilot, as a ratio to a bare view
rendering base.html in the same run (machines are noisy), plus its extra memory.

Run with `.venv/bin/python bench/techniek.py` (DATABASE_URL picks the database; a throw-away test
database is created for the logged-in quick-scan pages). Prints one line per measurement and exits
non-zero when a budget is exceeded. Budgets: issue 5 (50× the bare view, 100 MB extra memory).
"""

import os
import platform
import statistics
import sys
import time
import tracemalloc
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

from techniek.calc import (  # noqa: E402
    CATALOGUE,
    BuildingType,
    ConstructionPeriod,
    EnergyLabel,
    HouseholdInput,
    SiteInput,
    borefield,  # noqa: E402
    compare_concepts,
    run_concept,
)
from techniek.calc.engine import clear_memo  # noqa: E402

WARMUP, RUNS = 3, 20
HOMES = 1500
CALC_BUDGET = 50.0  # × the bare view (issue 5)
MEMORY_BUDGET_MB = 100.0
PAGE_BUDGET = 50.0  # the quick scan for 1,500 homes, as the 1,500-household pilot page


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    for _ in range(WARMUP):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def pilot_households(n: int = HOMES) -> list[HouseholdInput]:
    """A mixed neighbourhood: every building type and period, two in three homes with metered gas
    use, some with a registered label, so every branch of the demand model runs."""
    types, periods, labels = list(BuildingType), list(ConstructionPeriod), list(EnergyLabel)
    return [
        HouseholdInput(
            building_type=types[i % len(types)],
            construction_period=periods[i % len(periods)],
            floor_area_m2=60 + i % 120 if i % 4 else None,
            energy_label=labels[i % len(labels)] if i % 5 == 0 else None,
            gas_m3_per_year=800 + (i * 37) % 1800 if i % 3 else None,
        )
        for i in range(n)
    ]


# Every site requirement met, so no concept is left out.
SITE = SiteInput(
    street_length_m=9000, surface_water=True, aquifer_suitable=True, waste_heat_kw=3000
)


def full_calculation(households: list[HouseholdInput]) -> object:
    # The sized borehole fields are memoised per input; forget them so every run sizes the four
    # borehole concepts again (the g-functions stay cached, as on a warm server).
    clear_memo()
    comparison = compare_concepts(households, SITE, include_out_of_scale=True)
    assert len(comparison.results) == len(CATALOGUE), comparison.excluded
    return comparison


def every_concept_separately(households: list[HouseholdInput]) -> object:
    clear_memo()
    return [run_concept(households, SITE, concept) for concept in CATALOGUE]


def cold_g_functions(households: list[HouseholdInput]) -> tuple[float, int]:
    """Seconds for the full comparison with no g-function cached at all (shipped table and process
    cache emptied), and how many g-functions pygfunction computed."""
    saved = dict(borefield._table())
    borefield._table().clear()
    borefield._g_reference.cache_clear()
    borefield._g_at_depth.cache_clear()
    borefield._kernel_spectra.cache_clear()
    try:
        start = time.perf_counter()
        full_calculation(households)
        seconds = time.perf_counter() - start
        return seconds, borefield._g_reference.cache_info().misses
    finally:
        borefield._table().update(saved)
        borefield._g_reference.cache_clear()
        borefield._g_at_depth.cache_clear()
        borefield._kernel_spectra.cache_clear()


def extra_memory_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - base) / 1e6


def main() -> int:
    households = pilot_households()
    # Cold: the first call of the process also builds and caches the 8,760-hour reference year.
    cold_memory = extra_memory_mb(lambda: full_calculation(households))
    warm_memory = extra_memory_mb(lambda: full_calculation(households))

    setup_test_environment()
    settings.ROOT_URLCONF = "bench.urls"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.factories import GemeenteFactory, MemberFactory

        user = MemberFactory(gemeente=GemeenteFactory(name="Utrecht"), username="bench")
        client = Client()

        def get(url: str) -> Callable[[], object]:
            def fetch() -> object:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response

            return fetch

        bare = median_seconds(get("/__bench__/bare/"))
        client.force_login(user)
        print(f"{platform.python_implementation()} {platform.python_version()}, ", end="")
        print(f"{connection.vendor}; baseline base.html {bare * 1000:.2f} ms")

        failed = False

        def report(label: str, seconds: float, budget: float | None) -> None:
            nonlocal failed
            ratio = seconds / bare
            verdict = ""
            if budget is not None:
                ok = ratio <= budget
                failed |= not ok
                verdict = f" (budget {budget:.0f}×) {'ok' if ok else 'OVER'}"
            print(f"{label}: {seconds * 1000:.1f} ms = {ratio:.1f}× base.html{verdict}")

        report(
            f"all {len(CATALOGUE)} concepts, {HOMES:,} households (compare_concepts)",
            median_seconds(lambda: full_calculation(households)),
            CALC_BUDGET,
        )
        report(
            f"all {len(CATALOGUE)} concepts one by one (run_concept × {len(CATALOGUE)})",
            median_seconds(lambda: every_concept_separately(households)),
            CALC_BUDGET,
        )
        report(
            f"quick-scan page, {HOMES:,} homes",
            median_seconds(get("/techniek/quickscan/?mid_terrace=1000&apartment=500")),
            PAGE_BUDGET,
        )
        report(
            "quick-scan page, 24 homes with the cluster-or-ring chart",
            median_seconds(get("/techniek/quickscan/")),
            None,
        )
        report("concept catalogue page", median_seconds(get("/techniek/")), None)
        cold, computed = cold_g_functions(households)
        print(
            f"cold g-functions (none shipped or cached; {computed} computed by pygfunction): "
            f"{cold:.1f} s for the full comparison, reported, no budget"
        )
        for label, mb in (("cold, first call", cold_memory), ("warm", warm_memory)):
            ok = mb <= MEMORY_BUDGET_MB
            failed |= not ok
            print(
                f"extra memory, all concepts for {HOMES:,} households ({label}): {mb:.1f} MB "
                f"(budget {MEMORY_BUDGET_MB:.0f} MB) {'ok' if ok else 'OVER'}"
            )
        return 1 if failed else 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
