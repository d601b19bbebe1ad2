"""Back-up and restore drill: a back-up restored into a fresh database holds every row."""

import os
import shutil
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from pilots.models import Commitment, CommitmentChange, Household, Pilot
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory

ROOT = Path(__file__).resolve().parent.parent
TABLES = (Pilot, Household, CommitmentChange)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql" or not shutil.which("pg_restore"),
    reason="pg_dump/pg_restore drill needs PostgreSQL (DATABASE_URL) and postgresql-client",
)


def _manage(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def _url(db: dict, name: str) -> str:
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def fresh_database() -> str:
    """An empty database on the same server, dropped afterwards."""
    import psycopg

    db = connection.settings_dict
    name = f"warmtenet_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_url(db, db["NAME"]), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(_url(db, db["NAME"]), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _rows(url: str) -> dict[str, set[tuple]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {
            model._meta.db_table: set(
                conn.execute(f"SELECT * FROM {model._meta.db_table} ORDER BY 1").fetchall()
            )
            for model in TABLES
        }


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_pilot_household_and_history_row(
    cast: Cast, tmp_path: Path, fresh_database: str
) -> None:
    for pilot in (cast.pilot, cast.other_pilot, PilotFactory(name="Lombok Noord")):
        for household in HouseholdFactory.create_batch(5, pilot=pilot):
            household.set_commitment(Commitment.INTERESTED, by=cast.kwartiermaker)
            household.set_commitment(Commitment.SIGNED, by=cast.kwartiermaker, note="getekend")
    dump = tmp_path / "warmtenet.dump"

    previous = os.umask(0o022)  # the usual umask: new files would be 0644
    try:
        call_command("backup", str(dump))
    finally:
        os.umask(previous)
    # Issue 16: password hashes and addresses, so readable by the owner only.
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    db = connection.settings_dict
    restored = _manage(
        "restore",
        str(dump),
        "--no-input",
        env={"DATABASE_URL": _url(db, fresh_database)},
    )

    assert restored.returncode == 0, restored.stderr
    assert "teruggezet" in restored.stdout
    original = _rows(_url(db, db["NAME"]))
    assert len(original["pilots_pilot"]) == Pilot.objects.count() == 3
    assert len(original["pilots_household"]) == 12 + 15
    assert len(original["pilots_commitmentchange"]) == 30
    assert _rows(_url(db, fresh_database)) == original


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_restore_asks_first_and_changes_nothing_without_a_yes(cast: Cast, tmp_path: Path) -> None:
    dump = tmp_path / "warmtenet.dump"
    previous = os.umask(0o022)  # the usual umask: new files would be 0644
    try:
        call_command("backup", str(dump))
    finally:
        os.umask(previous)
    # Issue 16: password hashes and addresses, so readable by the owner only.
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    db = connection.settings_dict
    result = _manage(
        "restore", str(dump), env={"DATABASE_URL": _url(db, db["NAME"])}, stdin="nee\n"
    )
    assert result.returncode != 0
    assert "Afgebroken: er is niets veranderd." in result.stderr


@postgres_only
def test_backup_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "oud.dump"
    existing.write_text("vorige back-up")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", str(existing))
    assert existing.read_text() == "vorige back-up"


def test_backup_on_sqlite_explains_in_dutch_what_to_do(tmp_path: Path) -> None:
    sqlite = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    for command in ("backup", "restore"):
        result = _manage(command, str(tmp_path / "x.dump"), env=sqlite)
        assert result.returncode != 0
        assert "werken alleen met PostgreSQL" in result.stderr
        assert "bestand" in result.stderr
