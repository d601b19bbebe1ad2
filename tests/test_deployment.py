"""The production set-up: `check --deploy` is clean and docker-compose.yml is what we expect."""

import http.client
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECURE": "true",
    "DJANGO_ALLOWED_HOSTS": "warmtenet.example.nl",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # The test run's own DJANGO_ALLOW_ASYNC_UNSAFE would be flagged by --deploy.
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_defaults() -> None:
    env = {k: "" for k in PRODUCTION_ENV}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr + result.stdout


def test_a_cache_directory_gives_every_worker_the_same_cache(tmp_path: Path) -> None:
    code = (
        "from django.core.cache import caches; from django.conf import settings; "
        "caches['default'].set('k', 'shared'); print(type(caches['default']).__name__)"
    )
    env = {"DJANGO_CACHE_DIR": str(tmp_path)}
    first = _manage("shell", "-c", code, env=env)
    assert first.stdout.strip().endswith("FileBasedCache"), first.stderr
    second = _manage(
        "shell", "-c", "from django.core.cache import cache; print(cache.get('k'))", env=env
    )
    assert second.stdout.strip().endswith("shared")  # another process reads what the first wrote


def test_a_malformed_boolean_setting_fails_loudly() -> None:
    result = _manage("check", env={"DJANGO_DEBUG": "yes please"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='yes please': expected true or false" in result.stderr


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_postgres_with_a_health_check_and_a_volume() -> None:
    db = _compose()["services"]["db"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])


def test_compose_runs_the_app_under_gunicorn_after_migrating() -> None:
    web = _compose()["services"]["web"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    command = web["command"]
    assert command.index("migrate") < command.index("gunicorn warmtenet.wsgi")
    assert web["ports"] == ["127.0.0.1:8000:8000"]
    assert "/healthz" in " ".join(web["healthcheck"]["test"])


def test_compose_configures_the_app_only_from_the_environment() -> None:
    env = _compose()["services"]["web"]["environment"]
    assert env["DATABASE_URL"].startswith("postgres://")
    assert env["DJANGO_DEBUG"] == "false"
    assert env["DJANGO_SECURE"] == "true"
    assert env["REDIS_URL"] == "redis://redis:6379/0"  # one cache for all replicas
    assert env["WARMTENET_TASKS"] == "database"  # reports are made by the worker
    # Secrets come from outside, never from the file.
    assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


def test_compose_runs_two_web_replicas_a_worker_and_redis_with_health_checks() -> None:
    services = _compose()["services"]
    web, web2, worker, redis = (services[n] for n in ("web", "web2", "worker", "redis"))
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    # The second replica starts after the first has migrated; same app, same environment.
    assert web2["depends_on"]["web"]["condition"] == "service_healthy"
    assert "migrate" not in web2["command"]
    assert web2["command"].strip() == web["command"][web["command"].index("gunicorn") :].strip(
        '" \n'
    )
    assert web2["environment"] == web["environment"] == worker["environment"]
    assert web2["healthcheck"] == web["healthcheck"]
    assert web2["ports"] == ["127.0.0.1:8001:8000"]
    assert worker["command"][:3] == ["python", "manage.py", "worker"]
    assert "pg_locks" in " ".join(worker["healthcheck"]["test"])
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


@pytest.mark.skipif(
    not shutil.which("docker-compose") and not os.environ.get("CI"),
    reason="docker-compose not installed (apt-get install docker-compose)",
)
def test_compose_file_passes_docker_compose_schema_validation() -> None:
    env = {**os.environ, "POSTGRES_PASSWORD": "x", "DJANGO_SECRET_KEY": "x"}
    env["DJANGO_ALLOWED_HOSTS"] = "x"
    result = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _compose_environment() -> dict[str, str]:
    """The web service's environment as compose would pass it, with test values for the
    variables it takes from outside."""
    outside = {
        "POSTGRES_PASSWORD": "x",
        "DJANGO_SECRET_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"],
        "DJANGO_ALLOWED_HOSTS": "warmtenet.example.nl,www.warmtenet.example.nl",
    }

    def resolve(value: str) -> str:
        return re.sub(
            r"\$\{(\w+)(?::[-?]([^}]*))?\}",
            lambda m: outside.get(m.group(1), m.group(2) if "-" in m.group(0) else ""),
            str(value),
        )

    env = {k: resolve(v) for k, v in _compose()["services"]["web"]["environment"].items()}
    return {k: v for k, v in env.items() if v}


@contextmanager
def _compose_gunicorn(
    tmp_path: Path, database_url: str = "", **options: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """The app under gunicorn as docker-compose.yml starts it: its command's options and its
    environment, on a free port of 127.0.0.1 with one worker. Yields the port and environment."""
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        **_compose_environment(),
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",  # compose's Redis host is not here: the file cache instead
        "DATABASE_URL": database_url or "sqlite:///" + str(tmp_path / "db"),  # /healthz: unused
        "DJANGO_MANIFEST_STATIC": "false",  # the image runs collectstatic at build; no need here
    }
    command = _compose()["services"]["web"]["command"]
    args = shlex.split(command[command.index("gunicorn ") :].rstrip('"\n '))
    given = {"--workers": "1", "--bind": f"127.0.0.1:{port}", **options}
    args = [given.get(prev, a) for prev, a in zip(["", *args[:-1]], args, strict=True)]
    args += [x for k, v in given.items() if k not in args for x in (k, v)]
    args[0] = str(Path(sys.executable).parent / "gunicorn")
    log = (tmp_path / "gunicorn.err").open("w")
    server = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        for _ in range(100):  # gunicorn needs a moment to import the app
            if server.poll() is not None:
                pytest.fail((tmp_path / "gunicorn.err").read_text())
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port, env
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_the_compose_health_check_passes_against_the_production_app(tmp_path: Path) -> None:
    """Issue 16: with DJANGO_SECURE=true the check got 400 (Host 127.0.0.1) and then a redirect
    to https. Run the app as compose does (gunicorn, its environment) and the check's own
    command against it."""
    with _compose_gunicorn(tmp_path) as (port, env):
        _cmd, program, *args = _compose()["services"]["web"]["healthcheck"]["test"]
        assert program == "python"
        command = [sys.executable, *(a.replace(":8000/", f":{port}/") for a in args)]
        check = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr
        # Only the probes are exempt: every other page still goes to https.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/inloggen/", headers={"Host": "warmtenet.example.nl"})
        response = conn.getresponse()
        assert (response.status, response.getheader("Location")) == (
            301,
            "https://warmtenet.example.nl/inloggen/",
        )
        conn.close()


def _database_url(tmp_path: Path) -> str:
    """The test database, for a server in another process (PostgreSQL), or a migrated file."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(db["USER"] or "", safe="") + (
            ":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else ""
        )
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    url = "sqlite:///" + str(tmp_path / "db.sqlite3")
    assert _manage("migrate", "-v0", env={"DATABASE_URL": url}).returncode == 0
    return url


@pytest.mark.django_db(transaction=True)
def test_no_resident_token_reaches_the_logs(tmp_path: Path) -> None:
    """Issue 16: the access log kept full resident links. Tokens of unknown links here, so the
    app logs its "Not Found" warning too; the Referer header is in the access log format."""
    access = tmp_path / "access.log"
    token = "Zq3" + "x" * 40
    fmt = '%(h)s "%(r)s" %(s)s %(U)s "%(f)s"'
    options = {"--access-logfile": str(access), "--access-logformat": fmt}
    with _compose_gunicorn(tmp_path, _database_url(tmp_path), **options) as (port, _env):
        for path in (f"/straat/{token}/", f"/mijn/{token}/", f"/mijn/{token}/bevestigd/?lang=en"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            headers = {
                "Host": "warmtenet.example.nl",
                "X-Forwarded-Proto": "https",  # as through the proxy: no redirect
                "Referer": f"https://warmtenet.example.nl/mijn/{token}/",
            }
            conn.request("GET", path, headers=headers)
            assert conn.getresponse().status == 404
            conn.close()
    logged = access.read_text() + (tmp_path / "gunicorn.err").read_text()
    assert token not in logged
    assert logged.count("/straat/<token>/") >= 1
    assert "/mijn/<token>/bevestigd/" in logged
    assert "Not Found: /mijn/<token>/" in logged  # Django's own warning, through the filter
