"""`manage.py restore FILE`: put a `manage.py backup` file back, replacing what is there."""

import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from .backup import postgres_env, postgres_tool


class Command(BaseCommand):
    help = (
        "Zet een back-up van `manage.py backup` terug (pg_restore). Vervangt alle gegevens in de "
        "database; alles of niets, in één transactie."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="back-upbestand van `manage.py backup`")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="geen bevestiging vragen"
        )

    def handle(self, *args: object, **options: object) -> None:
        source: Path = options["file"]
        env = postgres_env()
        if not source.is_file():
            raise CommandError(f"Back-upbestand {source} niet gevonden.")
        database = env["PGDATABASE"]
        if options["interactive"]:
            answer = input(
                f"Alle gegevens in database {database} worden vervangen door {source}. "
                "Typ 'ja' om door te gaan: "
            )
            if answer.strip().lower() != "ja":
                raise CommandError("Afgebroken: er is niets veranderd.")
        # --single-transaction: a failing restore changes nothing. --no-owner and --no-acl: the
        # restoring role owns everything, so a back-up moves between servers with other roles.
        result = subprocess.run(
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={database}",
                str(source),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            error = result.stderr.strip()
            raise CommandError(f"pg_restore mislukt, er is niets veranderd:\n{error}")
        self.stdout.write(self.style.SUCCESS(f"Back-up {source} teruggezet in {database}."))
