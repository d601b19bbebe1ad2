"""Settings for benchmarks under gunicorn: the app's settings plus the bench baselines."""

from warmtenet.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The load comes from one IP on purpose; the per-IP limit would turn it into 429s.
WARMTENET_RATE_LIMIT = False
