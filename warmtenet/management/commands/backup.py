"""`manage.py backup FILE`: a pg_dump of the database in PostgreSQL's custom format."""

import os
import shutil
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections


def postgres_env() -> dict[str, str]:
    """pg_dump/pg_restore connection settings from DATABASES, passed through the environment.

    The password goes in PGPASSWORD, never on the command line, where `ps` would show it.
    """
    connection = connections["default"]
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        raise CommandError(
            "Back-up en herstel met dit commando werken alleen met PostgreSQL "
            f"(deze installatie gebruikt {connection.vendor}). Bij SQLite maakt u een "
            f"back-up door het bestand {db['NAME']} te kopiëren terwijl de app stilstaat."
        )
    env = {**os.environ, "PGDATABASE": str(db["NAME"])}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(db["OPTIONS"]["sslmode"])
    return env


def postgres_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"{name} niet gevonden: installeer postgresql-client.")
    return path


class Command(BaseCommand):
    help = "Maakt een back-up van de database (pg_dump, custom format) in het opgegeven bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="doelbestand, bijv. warmtenet-2026-11-27.dump")
        parser.add_argument(
            "--overwrite", action="store_true", help="een bestaand bestand overschrijven"
        )

    def handle(self, *args: object, **options: object) -> None:
        target: Path = options["file"]
        env = postgres_env()
        if target.exists() and not options["overwrite"]:
            raise CommandError(f"{target} bestaat al; kies een andere naam of gebruik --overwrite.")
        # Dump next to the target and rename at the end: a failed dump never leaves a file
        # that looks like a complete back-up.
        partial = target.with_name(target.name + ".partial")
        # Owner-only from the first byte (0600): the dump holds password hashes and addresses.
        # pg_dump writes to our descriptor, so its own umask never decides the mode.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o600)  # also when a stale .partial was left behind
            result = subprocess.run(
                [postgres_tool("pg_dump"), "--format=custom"],
                env=env,
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise CommandError(f"pg_dump is mislukt:\n{result.stderr.strip()}")
        partial.replace(target)
        size_mb = target.stat().st_size / 1_000_000
        message = f"Back-up van {env['PGDATABASE']} geschreven naar {target} ({size_mb:.1f} MB)."
        self.stdout.write(self.style.SUCCESS(message))
