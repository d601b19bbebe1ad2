"""The production set-up: `check --deploy` is clean and docker-compose.yml is what we expect."""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

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
    assert env["DJANGO_CACHE_DIR"].startswith("/tmp/")  # one cache for all workers
    # Secrets come from outside, never from the file.
    assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


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


def test_the_compose_health_check_passes_against_the_production_app(tmp_path: Path) -> None:
    """Issue 16: with DJANGO_SECURE=true the check got 400 (Host 127.0.0.1) and then a redirect
    to https. Run the app as compose does (gunicorn, its environment) and the check's own
    command against it."""
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        **_compose_environment(),
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///" + str(tmp_path / "db")),
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "warmtenet.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _cmd, program, *args = _compose()["services"]["web"]["healthcheck"]["test"]
        assert program == "python"
        command = [sys.executable, *(a.replace(":8000/", f":{port}/") for a in args)]
        for _ in range(100):  # gunicorn needs a moment to import the app
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode())
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
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
    finally:
        server.terminate()
        server.wait(timeout=10)
