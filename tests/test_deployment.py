"""The production set-up: `check --deploy` is clean and docker-compose.yml is what we expect."""

import os
import shutil
import subprocess
import sys
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
