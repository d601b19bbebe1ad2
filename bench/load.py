"""Load and fault test against gunicorn + PostgreSQL on 127.0.0.1 (`make bench`, `make load`).

1. Creates a throw-away database on the PostgreSQL server of DATABASE_URL (loopback only),
   runs `migrate` and `load_demo`, and scales the demo to 200 pilots of 50 households.
2. Starts `gunicorn warmtenet.wsgi -w 3 -b 127.0.0.1:8765` (the workers of docker-compose.yml)
   with DJANGO_DEBUG=false.
3. Baselines under the same number of clients: /healthz (JSON, no database) and the bare
   view of the budgets in architecture.md, base.html through the full middleware (here the
   anonymous log-in page: base.html plus a form, no queries). Ratios are to the latter.
4. Mixed load: kwartiermakers log in, open the portfolio and pilot pages and change
   commitments with the version from the page (htmx post, as the browser does); residents view
   the street dashboard; a business-case PDF and the XLSX of the largest pilot every few
   seconds. Reports throughput and p50/p95 per endpoint, checks that the CommitmentChange rows
   grew by exactly the number of saved edits, and checks issue 10's aims against the baseline
   (exit status 1 when one is missed). --write-docs puts the figures in docs/benchmarks.md.
5. With --fault: the same load while PostgreSQL restarts (`pg_ctlcluster ... restart`). Every
   request must answer 200 or 503 (never 500), and the app must recover by itself.

Every request loop is bounded in time and count, and only 127.0.0.1 is ever contacted.
"""

import argparse
import http.client
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
AIM_THROUGHPUT, AIM_P95 = 0.1, 10  # issue 10: ≥ a tenth of the bare view's req/s, p95 ≤ 10×
PYTHON = sys.executable
HOST, PORT = "127.0.0.1", 8765
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
USERNAME, PASSWORD = "kwartiermaker", "warmte-demo-2026"  # printed by load_demo
MAX_REQUESTS_PER_PHASE = 50_000
COMMITMENTS = ("unknown", "interested", "intent", "signed", "withdrawn")
HOUSEHOLD_FORM = re.compile(
    r'action="/pilots/(\d+)/huishoudens/(\d+)/commitment/".*?name="version" value="(\d+)"'
    r'.*?<option value="(\w+)" selected',
    re.DOTALL,
)
SCALE = """
from pilots.models import Gemeente, Household, Pilot
utrecht = Gemeente.objects.get(name="Utrecht")
missing = max(0, {pilots} - Pilot.objects.count())
new = [Pilot.objects.create(gemeente=utrecht, name=f"Loadpilot {{i:03}}", homes={homes})
       for i in range(missing)]
Household.objects.bulk_create(
    [Household(pilot=p, street="Loadstraat", house_number=n + 1, postcode="3511AB",
               building_type="mid_terrace", gas_m3_per_year=1350)
     for p in new for n in range({homes})], batch_size=2000)
print(Pilot.objects.count(), Household.objects.count())
"""


# --- a tiny HTTP client with a cookie jar (stdlib only) ------------------------------------


class Browser:
    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: dict | None = None, htmx: bool = False
    ) -> tuple[int, str]:
        headers = {"Host": f"{HOST}:{PORT}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        if htmx:
            headers["HX-Request"] = "true"
        # gunicorn's sync workers close every connection, so one connection per request.
        conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in header or "expires=Thu, 01 Jan 1970" in header:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
            return response.status, text
        finally:
            conn.close()

    def log_in(self) -> None:
        self.request("GET", "/inloggen/")
        status, _ = self.request(
            "POST",
            "/inloggen/",
            {
                "username": USERNAME,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"log-in as {USERNAME} failed ({status}): is load_demo loaded?")


# --- recording ------------------------------------------------------------------------------


@dataclass
class Sample:
    label: str
    status: int  # 0: no HTTP answer at all (connection refused or reset)
    seconds: float
    started: float


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    edits_saved: int = 0
    edits_conflict: int = 0
    edits_failed: int = 0  # answered 503: the edit may or may not have been committed
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, browser: Browser, label: str, method: str, path: str, **kw: object) -> tuple:
        start = time.perf_counter()
        try:
            status, text = browser.request(method, path, **kw)
        except OSError:
            status, text = 0, ""
        with self.lock:
            self.samples.append(Sample(label, status, time.perf_counter() - start, start))
        return status, text


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def report(title: str, run: Run, seconds: float, ok: set[int]) -> list[str]:
    by_label: dict[str, list[Sample]] = defaultdict(list)
    for s in run.samples:
        by_label[s.label].append(s)
    lines = [
        f"**{title}** ({seconds:.0f} s, {len(run.samples)} requests, "
        f"{len(run.samples) / seconds:.0f} req/s)",
        "",
        "| endpoint | requests | req/s | p50 ms | p95 ms | max ms | statuses |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, samples in sorted(by_label.items()):
        ms = [s.seconds * 1000 for s in samples]
        statuses = defaultdict(int)
        for s in samples:
            statuses[s.status] += 1
        shown = ", ".join(
            f"{code or 'no answer'}: {n}{'' if code in ok else ' (!)'}"
            for code, n in sorted(statuses.items())
        )
        lines.append(
            f"| {label} | {len(samples)} | {len(samples) / seconds:.1f} | "
            f"{statistics.median(ms):.1f} | {percentile(ms, 95):.1f} | {max(ms):.1f} | {shown} |"
        )
    return lines


# --- the workload ---------------------------------------------------------------------------


def kwartiermaker(run: Run, worker: int, workers: int, pilots: list[int], until: float) -> None:
    browser = Browser()
    browser.log_in()
    rng = random.Random(worker)
    while time.perf_counter() < until and len(run.samples) < MAX_REQUESTS_PER_PHASE:
        run.timed(browser, "portfolio", "GET", f"/pilots/?page={rng.randint(1, 4)}")
        pilot = rng.choice(pilots)
        status, html = run.timed(browser, "pilot page", "GET", f"/pilots/{pilot}/")
        # Only this worker's households (id modulo workers): kwartiermakers edit their own
        # streets, so a refused stale edit here would point at a bug, not at contention.
        rows = [r for r in HOUSEHOLD_FORM.findall(html) if int(r[1]) % workers == worker]
        if status == 200 and rows:
            pk, hh, version, current = rng.choice(rows)
            new = rng.choice([c for c in COMMITMENTS if c != current])
            status, text = run.timed(
                browser,
                "commitment edit (POST)",
                "POST",
                f"/pilots/{pk}/huishoudens/{hh}/commitment/",
                body={"commitment": new, "version": version, "note": "load test"},
                htmx=True,
            )
            with run.lock:
                if status == 409:  # refused as a lost update
                    run.edits_conflict += 1
                elif status == 200:
                    run.edits_saved += 1
                else:
                    run.edits_failed += 1
        run.timed(browser, "pilot page", "GET", f"/pilots/{rng.choice(pilots)}/")


def heavy(run: Run, pilots: list[int], big_pilot: int, until: float, every: float) -> None:
    """A business-case PDF every few seconds, each with another scenario so that it is rendered
    (an identical request would be answered with the kept report), and the largest export."""
    browser = Browser()
    browser.log_in()
    rng = random.Random(99)
    while time.perf_counter() < until:
        pct = rng.randint(30, 100)
        run.timed(
            browser,
            "business-case PDF (rendered)",
            "POST",
            f"/pilots/{rng.choice(pilots[:15])}/rapport.pdf?participation_pct={pct}"
            "&concept=bodemlus_cluster&org_model=cooperatie&isde=on&wis=on&warmtefonds=on",
            body={},  # a POST with the CSRF header: making a report stores it
        )
        time.sleep(every)
        run.timed(
            browser, "export XLSX, largest register", "GET", f"/pilots/{big_pilot}/export.xlsx"
        )
        time.sleep(every)


def resident(run: Run, worker: int, until: float) -> None:
    """A resident on the street dashboard, now and then with their own home's estimate."""
    browser = Browser()
    rng = random.Random(1000 + worker)
    while time.perf_counter() < until and len(run.samples) < MAX_REQUESTS_PER_PHASE:
        query = ""
        if rng.random() < 0.3:
            gas = rng.randint(800, 2500)
            query = f"?building_type=mid_terrace&period=1975_1991&gas_m3={gas}"
        run.timed(browser, "street dashboard (resident)", "GET", f"{STREET}{query}")
        time.sleep(0.2)  # reading


def bare(run: Run, label: str, path: str, until: float) -> None:
    browser = Browser()
    while time.perf_counter() < until and len(run.samples) < MAX_REQUESTS_PER_PHASE:
        run.timed(browser, label, "GET", path)


STREET = "/straat/demo-hofje-oudwijk-straatlink-2026/"  # the demo's fixed street link
BASELINES = (
    ("baseline: /healthz (JSON)", "/healthz"),
    ("baseline: log-in page (base.html)", "/inloggen/"),
)
BASELINE_SECONDS = 6
RESIDENTS = 2  # besides the kwartiermakers and the one PDF/export client


def clients(workers: int) -> int:
    """Client threads of the mixed load; the baselines get as many ("under the same load")."""
    return workers + RESIDENTS + 1


def drive(workers: int, seconds: float, pilots: list[int], big: int, during=None) -> Run:
    run = Run()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=kwartiermaker, args=(run, i, workers, pilots, until))
        for i in range(workers)
    ]
    threads += [threading.Thread(target=resident, args=(run, i, until)) for i in range(RESIDENTS)]
    threads.append(threading.Thread(target=heavy, args=(run, pilots, big, until, 1.5)))
    for t in threads:
        t.start()
    if during:
        during()
    for t in threads:
        t.join()
    return run


# --- set-up ---------------------------------------------------------------------------------


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres") or parts.hostname not in LOOPBACK:
        raise SystemExit("bench/load.py needs DATABASE_URL=postgres://…@127.0.0.1/… (loopback)")
    return url


def with_db(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def history_rows(url: str) -> tuple[int, int]:
    """CommitmentChange rows, and households whose last history row disagrees with them."""
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT count(*) FROM pilots_commitmentchange").fetchone()[0]
        mismatched = conn.execute(
            """SELECT count(*) FROM pilots_household h
               JOIN LATERAL (SELECT to_status FROM pilots_commitmentchange c
                             WHERE c.household_id = h.id
                             ORDER BY changed_at DESC, id DESC LIMIT 1) last ON true
               WHERE last.to_status <> h.commitment"""
        ).fetchone()[0]
    return rows, mismatched


def wait_for_server(proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited during start-up; see its log")
        try:
            if Browser().request("GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def cluster() -> tuple[str, str] | None:
    """(version, name) of the local cluster on our port, if this machine can restart it."""
    if not shutil.which("pg_ctlcluster") or os.geteuid() != 0:
        return None
    port = str(urlsplit(server_url()).port or 5432)
    for line in subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=False
    ).stdout.splitlines():
        version, name, cluster_port, status, *_ = line.split()
        if cluster_port == port and status == "online":
            return version, name
    return None


def other_sessions(url: str, own_db: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
            "AND datname <> %s AND pid <> pg_backend_pid()",
            [own_db],
        ).fetchone()[0]


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="length of the mixed load")
    parser.add_argument("--workers", type=int, default=4, help="kwartiermaker threads")
    parser.add_argument("--fault", action="store_true", help="restart PostgreSQL during load")
    parser.add_argument(
        "--gunicorn-workers", type=int, default=3, help="as docker-compose.yml runs the app"
    )
    parser.add_argument(
        "--force", action="store_true", help="restart even while other databases are in use"
    )
    parser.add_argument(
        "--wait", type=float, default=180, help="seconds to wait for other sessions to end"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help=f"write the figures into {DOCS.name}"
    )
    args = parser.parse_args()

    url = server_url()
    name = f"warmtenet_load_{uuid.uuid4().hex[:8]}"
    db_url = with_db(url, name)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Every client here is 127.0.0.1; real residents come from many addresses.
        "WARMTENET_RATE_LIMIT": "false",
        # As docker-compose.yml: one cache for the gunicorn workers.
        "DJANGO_CACHE_DIR": (cache_dir := tempfile.mkdtemp(prefix="warmtenet-cache-")),
    }
    env.pop("DJANGO_SECURE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    # Kept open for the server until the end; the path is printed with the results.
    log = tempfile.NamedTemporaryFile("w+", prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    server = None
    failed = False
    lines: list[str] = []
    fault_lines: list[str] = []
    about = ""
    try:
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_demo")
        pilots_total, households_total = manage(
            env, "shell", "-c", SCALE.format(pilots=200, homes=50)
        ).split()[-2:]
        with psycopg.connect(db_url) as conn:
            pilots = [r[0] for r in conn.execute("SELECT id FROM pilots_pilot ORDER BY id")]
            big = conn.execute(
                "SELECT pilot_id FROM pilots_household GROUP BY pilot_id ORDER BY count(*) DESC"
            ).fetchone()[0]
        print(f"# {pilots_total} pilots, {households_total} households in {name}")

        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "warmtenet.wsgi",
                "-w",
                str(args.gunicorn_workers),
                "-b",
                f"{HOST}:{PORT}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_server(server)

        for label, path in BASELINES:
            baseline = Run()
            until = time.perf_counter() + BASELINE_SECONDS
            threads = [
                threading.Thread(target=bare, args=(baseline, label, path, until))
                for _ in range(clients(args.workers))
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            lines += [*report(label, baseline, BASELINE_SECONDS, {200}), ""]
        # The last baseline, base.html, is the one the budgets compare with.
        bare_rps = len(baseline.samples) / BASELINE_SECONDS
        bare_p95 = percentile([s.seconds for s in baseline.samples], 95)

        drive(args.workers, 5, pilots, big)  # warm-up, not reported: imports, template caches
        before, _ = history_rows(db_url)
        run = drive(args.workers, args.seconds, pilots, big)
        after, mismatched = history_rows(db_url)
        lines += report("Mixed load", run, args.seconds, {200})
        page_labels = {"portfolio", "pilot page", "street dashboard (resident)"}
        pages = [s.seconds for s in run.samples if s.label in page_labels]
        errors = sum(1 for s in run.samples if s.status != 200)
        lost = run.edits_saved - (after - before)
        lines += [
            "",
            f"- throughput {len(run.samples) / args.seconds:.0f} req/s = "
            f"{len(run.samples) / args.seconds / bare_rps:.2f} × baseline ({bare_rps:.0f} req/s);"
            f" page p95 {percentile(pages, 95) * 1000:.0f} ms = "
            f"{percentile(pages, 95) / bare_p95:.1f} × baseline p95 ({bare_p95 * 1000:.1f} ms)",
            f"- errors: {errors}; edits saved {run.edits_saved}, refused as stale "
            f"{run.edits_conflict}; CommitmentChange rows {before} → {after} "
            f"(+{after - before}); lost edits: {lost}; households whose last history row "
            f"disagrees with them: {mismatched}",
        ]
        throughput = len(run.samples) / args.seconds / bare_rps
        p95_ratio = percentile(pages, 95) / bare_p95
        during, outside = pages_beside_pdf(run, page_labels)
        during_ratio = percentile(during, 95) / bare_p95 if during else float("nan")
        lines += [
            f"- while a PDF was rendering, {len(during)} pages answered, p95 "
            f"{percentile(during, 95) * 1000 if during else float('nan'):.0f} ms = "
            f"{during_ratio:.1f} × baseline p95; while none was, {len(outside)} pages, p95 "
            f"{percentile(outside, 95) * 1000 if outside else float('nan'):.0f} ms",
            f"- aims (issue 10): throughput ≥ {AIM_THROUGHPUT} × baseline: "
            f"{'met' if throughput >= AIM_THROUGHPUT else 'NOT MET'} ({throughput:.2f} ×); "
            f"page p95 ≤ {AIM_P95} × baseline: {'met' if p95_ratio <= AIM_P95 else 'NOT MET'} "
            f"({p95_ratio:.1f} ×), also while a PDF renders: "
            f"{'met' if during and during_ratio <= AIM_P95 else 'NOT MET'} ({during_ratio:.1f} ×)"
            f"; zero errors: {'met' if errors == 0 else 'NOT MET'}",
        ]
        failed |= errors > 0 or lost != 0 or mismatched != 0 or run.edits_conflict > 0
        failed |= throughput < AIM_THROUGHPUT or p95_ratio > AIM_P95
        failed |= not during or during_ratio > AIM_P95
        about = machine(db_url, args)

        if args.fault:
            found = cluster()
            busy = other_sessions(url, name) if found else 0
            deadline = time.perf_counter() + args.wait
            while busy and not args.force and time.perf_counter() < deadline:
                time.sleep(2)  # a shared server: wait for the others' tests to finish
                busy = other_sessions(url, name)
            if found is None:
                fault_lines += ["Fault run skipped: needs root and pg_ctlcluster for this port."]
            elif busy and not args.force:
                fault_lines += [
                    f"Fault run skipped: {busy} other session(s) use this PostgreSQL server; "
                    "a restart would break them (--force to restart anyway).",
                ]
            else:
                failed |= fault_run(args, found, pilots, big, db_url, fault_lines)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        log.flush()
        server_errors = Path(log.name).read_text().count("Internal Server Error")
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(cache_dir, ignore_errors=True)
    lines += ["", f"- 'Internal Server Error' lines in the gunicorn log: {server_errors}"]
    failed |= server_errors > 0
    write_docs(args, "load", about, lines)
    if fault_lines:
        write_docs(args, "fault", about, fault_lines)
    print("\n".join([*lines, "", *fault_lines, "", f"gunicorn log: {log.name}"]))
    return 1 if failed else 0


def pages_beside_pdf(run: Run, labels: set[str]) -> tuple[list[float], list[float]]:
    """Page times of requests that overlapped a PDF being rendered, and of the others: the PDF
    may hold its own worker, never the pages' (issue 10)."""
    renders = [
        (s.started, s.started + s.seconds) for s in run.samples if s.label.startswith("business")
    ]
    during, outside = [], []
    for s in run.samples:
        if s.label in labels:
            overlaps = any(a < s.started + s.seconds and s.started < b for a, b in renders)
            (during if overlaps else outside).append(s.seconds)
    return during, outside


def machine(db_url: str, args: argparse.Namespace) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    memory = next(
        (
            int(line.split()[1]) / 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    with psycopg.connect(db_url) as conn:
        postgres = conn.execute("SHOW server_version").fetchone()[0].split()[0]
    return (
        f"{os.cpu_count()} vCPUs ({cpu}), {memory:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}; CPython {platform.python_version()}, PostgreSQL {postgres}; "
        f"gunicorn -w {args.gunicorn_workers}, {clients(args.workers)} client threads on the "
        "same machine"
    )


def write_docs(args: argparse.Namespace, part: str, machine: str, lines: list[str]) -> None:
    """Replace this part's figures in docs/benchmarks.md (between its two marker comments)."""
    if not args.write_docs:
        return
    start, end = f"<!-- {part}-figures:start -->", f"<!-- {part}-figures:end -->"
    text = DOCS.read_text()
    if start not in text or end not in text:
        raise SystemExit(f"{DOCS} lacks the markers {start} … {end}")
    when = time.strftime("%d %B %Y, %H:%M %Z")
    block = "\n".join(
        [
            start,
            f"Run of {when} (`{' '.join(['bench/load.py', *sys.argv[1:]])}`): {machine}.",
            "",
            *lines,
            end,
        ]
    )
    head, rest = text.split(start, 1)
    DOCS.write_text(head + block + rest.split(end, 1)[1])


def fault_run(
    args: argparse.Namespace,
    found: tuple[str, str],
    pilots: list[int],
    big: int,
    db_url: str,
    lines: list[str],
) -> bool:
    version, cluster_name = found
    seconds = 25.0
    window: dict[str, float] = {}

    def restart() -> None:
        time.sleep(8)
        window["start"] = time.perf_counter()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster_name, "restart"],
            check=True,
            capture_output=True,
        )
        window["end"] = time.perf_counter()

    before, _ = history_rows(db_url)
    run = drive(args.workers, seconds, pilots, big, during=restart)
    after, mismatched = history_rows(db_url)
    statuses = defaultdict(int)
    for s in run.samples:
        statuses[s.status] += 1
    unavailable = [s for s in run.samples if s.status == 503]
    recovered = [s for s in run.samples if s.status == 200 and s.started > window["end"]]
    first_ok = min((s.started for s in recovered), default=float("nan")) - window["end"]
    first_503 = min((s.started for s in unavailable), default=window["start"])
    last_503 = max((s.started + s.seconds for s in unavailable), default=window["end"])
    tail = [s for s in run.samples if s.started > last_503]
    added = after - before
    lines += [
        "",
        *report(
            f"Fault run: PostgreSQL {version} restarted during the load", run, seconds, {200, 503}
        ),
        "",
        f"- restart took {window['end'] - window['start']:.1f} s; answers: "
        + ", ".join(f"{code or 'no answer'} × {n}" for code, n in sorted(statuses.items())),
        f"- 503 answers from {first_503 - window['start']:+.1f} s"
        f" to {last_503 - window['start']:+.1f} s after the restart began; first 200 after the "
        f"restart ended: {first_ok:+.2f} s; after the last 503 all {len(tail)} requests answered "
        f"{sorted({s.status for s in tail})}",
        f"- edits saved {run.edits_saved}, answered 503 {run.edits_failed}; CommitmentChange rows "
        f"+{added} (an edit that answered 503 may have committed before the page failed: "
        f"{added - run.edits_saved} did); households whose last history row disagrees: "
        f"{mismatched}",
    ]
    bad = set(statuses) - {200, 503}
    ok_history = run.edits_saved <= added <= run.edits_saved + run.edits_failed
    return (
        bool(bad)
        or not recovered
        or not ok_history
        or mismatched != 0
        or not tail
        or any(s.status != 200 for s in tail)
    )


if __name__ == "__main__":
    sys.exit(main())
