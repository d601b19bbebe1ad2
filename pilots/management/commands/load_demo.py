from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from pilots.demo import GEMEENTEN, KOPGROEP_PILOTS, PROEFTUINEN, USERS
from pilots.models import Gemeente, Membership, Pilot


class Command(BaseCommand):
    help = "Laadt demodata (idempotent): proeftuinen, een Utrechtse kopgroep en demogebruikers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Ook laden als DJANGO_SECURE aan staat (demo-wachtwoorden!).",
        )

    @transaction.atomic
    def handle(self, *args: object, allow_production: bool = False, **options: object) -> None:
        if settings.SECURE and not allow_production:
            raise CommandError(
                "Demodata bevat bekende wachtwoorden en wordt niet geladen met DJANGO_SECURE=true."
            )
        gemeenten = {}
        for g in GEMEENTEN:
            gemeenten[g.name], _ = Gemeente.objects.update_or_create(
                name=g.name, defaults={"cbs_code": g.cbs_code}
            )
        for p in (*PROEFTUINEN, *KOPGROEP_PILOTS):
            Pilot.objects.update_or_create(
                gemeente=gemeenten[p.gemeente],
                name=p.name,
                defaults={
                    "neighbourhood": p.neighbourhood,
                    "streets": p.streets,
                    "homes": p.homes,
                    "phase": p.phase,
                    "technique": p.technique,
                    "programme": p.programme,
                    "description": p.description,
                },
            )
        for u in USERS:
            user, _ = User.objects.get_or_create(username=u.username)
            user.first_name, user.last_name = u.first_name, u.last_name
            user.is_staff = user.is_superuser = u.is_staff
            user.set_password(u.password)
            user.save()
            for gemeente, role in u.memberships:
                Membership.objects.update_or_create(
                    user=user, gemeente=gemeenten[gemeente], defaults={"role": role}
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata geladen: {len(GEMEENTEN)} gemeenten, "
                f"{len(PROEFTUINEN) + len(KOPGROEP_PILOTS)} pilots, {len(USERS)} gebruikers."
            )
        )
        for u in USERS:
            self.stdout.write(f"  {u.username:<15} {u.password:<22} {self._describe(u)}")

    @staticmethod
    def _describe(u: object) -> str:
        if u.is_staff:
            return "beheerder (Django-admin)"
        roles = {role.label for _, role in u.memberships}
        places = ", ".join(g for g, _ in u.memberships[:4])
        more = f" +{len(u.memberships) - 4}" if len(u.memberships) > 4 else ""
        return f"{'/'.join(sorted(str(r) for r in roles))}: {places}{more}"
