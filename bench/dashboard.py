"""The resident dashboard under wrk against gunicorn + PostgreSQL with the demo data.

Run: `.venv/bin/python bench/dashboard.py` (needs wrk and PostgreSQL on 127.0.0.1; creates and
drops the database `bench_dashboard`). Reports requests/s and p99 of the dashboard as a ratio
to the bare view (base.html) in the same run. Aim: at least one third of the bare throughput.
Traffic goes only to 127.0.0.1.
"""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORT = 8765
DB = "bench_dashboard"
BASE_URL = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def _wrk(url: str, seconds: int) -> tuple[float, float]:
    out = subprocess.run(
        ["wrk", "-t2", "-c20", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses")
    return rps, float(p99.group(1)) * factor


def main() -> int:
    seconds = int(os.environ.get("BENCH_SECONDS", "20"))
    env = {
        **os.environ,
        "DATABASE_URL": f"{BASE_URL}/{DB}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
    }
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], check=True)
    manage = [PY, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "warmtenet.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
        import django

        django.setup()
        from pilots.demo import DEMO_STREET_TOKEN

        dashboard = f"http://127.0.0.1:{PORT}/straat/{DEMO_STREET_TOKEN}/"
        bare = f"http://127.0.0.1:{PORT}/__bench__/bare/"
        for _ in range(50):
            try:
                urllib.request.urlopen(dashboard, timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        bare_rps, bare_p99 = _wrk(bare, seconds)
        dash_rps, dash_p99 = _wrk(dashboard, seconds)
        ratio = dash_rps / bare_rps
        print(f"bare view (base.html): {bare_rps:.0f} req/s, p99 {bare_p99:.1f} ms")
        print(f"street dashboard: {dash_rps:.0f} req/s, p99 {dash_p99:.1f} ms")
        verdict = "ok" if ratio >= 1 / 3 else "UNDER"
        print(f"dashboard throughput = {ratio:.2f} × bare (aim ≥ 0.33) {verdict}")
        return 0 if ratio >= 1 / 3 else 1
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB], check=False
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
