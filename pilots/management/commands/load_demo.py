import hashlib
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from pilots.demo import (
    DEMO_CONTACT,
    DEMO_STREET_TOKEN,
    DEMO_STREETS,
    GEMEENTEN,
    KOPGROEP_PILOTS,
    PROEFTUINEN,
    USERS,
    DemoStreet,
)
from pilots.milestones import ensure_milestones
from pilots.models import (
    Commitment,
    CommitmentChange,
    Gemeente,
    Household,
    Lesson,
    Membership,
    MilestoneStatus,
    Phase,
    PhaseStart,
    Pilot,
    StreetLink,
)

# The seed deck's "Lessons learned versnelling" (Utrechtse kopgroep), as the demo pilot's register.
DEMO_LESSONS = (
    ("kwartiermaken", "proces", "Doorlooptijd = geld + verlies draagvlak"),
    ("kwartiermaken", "organisatie", "Vroegtijdig mandaat bewoners"),
    ("ontwikkeling", "techniek", "Modulair / organisch bouwen"),
)


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
        lead = None
        for u in USERS:
            user, _ = User.objects.get_or_create(username=u.username)
            lead = lead or user
            user.first_name, user.last_name = u.first_name, u.last_name
            user.is_staff = user.is_superuser = u.is_staff
            user.set_password(u.password)
            user.save()
            for gemeente, role in u.memberships:
                Membership.objects.update_or_create(
                    user=user, gemeente=gemeenten[gemeente], defaults={"role": role}
                )
        for pilot in Pilot.objects.filter(
            name__in=[p.name for p in (*PROEFTUINEN, *KOPGROEP_PILOTS)]
        ):
            ensure_milestones(pilot)
            self._tick_earlier_phases(pilot)
        for street in DEMO_STREETS:
            pilot = Pilot.objects.get(name=street.pilot)
            self._households(pilot, street, lead)
            name, email, phone = DEMO_CONTACT
            Pilot.objects.filter(pk=pilot.pk).update(
                contact_name=name, contact_email=email, contact_phone=phone
            )
        hofje = Pilot.objects.get(name=KOPGROEP_PILOTS[0].name)
        for phase, theme, title in DEMO_LESSONS:
            Lesson.objects.get_or_create(
                pilot=hofje,
                title=title,
                defaults={
                    "phase": phase,
                    "theme": theme,
                    "detail": "Seed deck, dia ‘Lessons learned versnelling’.",
                    "created_by": lead,
                },
            )
        StreetLink.objects.get_or_create(
            token_hash=hashlib.sha256(DEMO_STREET_TOKEN.encode()).hexdigest(),
            defaults={"pilot": hofje, "label": "het hofje aan de Kennedylaan", "created_by": lead},
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata geladen: {len(GEMEENTEN)} gemeenten, "
                f"{len(PROEFTUINEN) + len(KOPGROEP_PILOTS)} pilots, {len(USERS)} gebruikers."
            )
        )
        for u in USERS:
            self.stdout.write(f"  {u.username:<15} {u.password:<22} {self._describe(u)}")
        self.stdout.write(f"  straatdashboard (bewoners): /straat/{DEMO_STREET_TOKEN}/")

    @staticmethod
    def _tick_earlier_phases(pilot: Pilot) -> None:
        """Milestones of phases a demo pilot has already passed are done."""
        order = list(Phase.values)
        passed = order[: order.index(pilot.phase)]
        # Lead times as in the deck: kwartiermaken about a year, development 1–1.5 years.
        today = timezone.localdate()
        for i, phase in enumerate(reversed([*passed, pilot.phase])):
            PhaseStart.objects.update_or_create(
                pilot=pilot,
                phase=phase,
                defaults={"started_on": today - timedelta(days=120 + 330 * i)},
            )
        pilot.milestones.filter(phase__in=passed, status=MilestoneStatus.OPEN).update(
            status=MilestoneStatus.DONE, done_on=timezone.localdate() - timedelta(days=120)
        )

    @staticmethod
    def _households(pilot: Pilot, street: DemoStreet, lead: User) -> None:
        """Realistic, deterministic households; only for pilots that have none yet. Written in
        two bulk inserts: a proeftuin has some 250 homes and `make run` should stay quick."""
        if pilot.households.exists():
            return
        rng = random.Random(pilot.name)
        now = timezone.now()
        interested, intent, signed, withdrawn = street.commitment_mix
        letters = "ABCDEGHJKLMNPRSTVWXZ"
        households, ladders = [], []
        for i in range(pilot.homes):
            share = i / pilot.homes
            if share < signed:
                ladder = [Commitment.INTERESTED, Commitment.INTENT, Commitment.SIGNED]
            elif share < signed + intent:
                ladder = [Commitment.INTERESTED, Commitment.INTENT]
            elif share < signed + intent + interested:
                ladder = [Commitment.INTERESTED]
            elif share < signed + intent + interested + withdrawn:
                ladder = [Commitment.INTERESTED, Commitment.WITHDRAWN]
            else:
                ladder = []
            households.append(
                Household(
                    pilot=pilot,
                    street=street.street,
                    house_number=2 * i + 1 if i % 2 == 0 else 2 * i,
                    # About 20 homes per six-position postcode, as in a Dutch street.
                    postcode=f"{street.postcode_prefix}{letters[i // 20 % 20]}{letters[i % 20]}",
                    building_type=street.building_type,
                    construction_year=street.construction_year + rng.randint(-3, 3),
                    floor_area_m2=round(street.floor_area_m2 * rng.uniform(0.85, 1.15)),
                    energy_label=street.label if rng.random() < 0.7 else rng.choice("BCDEF"),
                    gas_m3_per_year=round(street.gas_m3 * rng.uniform(0.75, 1.25), -1)
                    if rng.random() < 0.8
                    else None,
                    contact_consent=rng.random() < 0.85,
                    commitment=ladder[-1] if ladder else Commitment.UNKNOWN,
                )
            )
            ladders.append(ladder)
        changes = []
        for household, ladder in zip(
            Household.objects.bulk_create(households), ladders, strict=True
        ):
            previous = Commitment.UNKNOWN
            days_ago = rng.randint(100, 180)
            for step in ladder:
                changes.append(
                    CommitmentChange(
                        household=household,
                        from_status=previous,
                        to_status=step,
                        changed_by=lead,
                        changed_at=now - timedelta(days=days_ago),
                    )
                )
                previous, days_ago = step, max(1, days_ago - rng.randint(20, 60))
        CommitmentChange.objects.bulk_create(changes)

    @staticmethod
    def _describe(u: object) -> str:
        if u.is_staff:
            return "beheerder (Django-admin)"
        roles = {role.label for _, role in u.memberships}
        places = ", ".join(g for g, _ in u.memberships[:4])
        more = f" +{len(u.memberships) - 4}" if len(u.memberships) > 4 else ""
        return f"{'/'.join(sorted(str(r) for r in roles))}: {places}{more}"
