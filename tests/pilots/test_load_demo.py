import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from pilots.demo import KOPGROEP_PILOTS, PROEFTUINEN, USERS
from pilots.models import Commitment, Gemeente, Membership, Phase, Pilot


def _counts() -> tuple[int, int, int]:
    return Gemeente.objects.count(), Pilot.objects.count(), Membership.objects.count()


def test_load_demo_is_idempotent(db: None) -> None:
    call_command("load_demo", stdout=None)
    first = _counts()
    call_command("load_demo")
    assert _counts() == first


def test_demo_holds_the_nine_proeftuinen_of_the_seed_deck(db: None) -> None:
    call_command("load_demo")
    assert len(PROEFTUINEN) == 9
    kalkhoven = Pilot.objects.get(name="Katwijk Kalkhoven")
    assert (kalkhoven.homes, kalkhoven.technique) == (263, "Aquathermie")
    assert Pilot.objects.get(name="Schiermonikoog").technique == "Collectieve luchtwarmtepomp"


def test_demo_kopgroep_matches_the_deck_six_pilots_four_gemeenten_150_homes(db: None) -> None:
    assert len(KOPGROEP_PILOTS) == 6
    assert len({p.gemeente for p in KOPGROEP_PILOTS}) == 4
    assert sum(p.homes for p in KOPGROEP_PILOTS) <= 150
    assert all(10 <= p.homes <= 50 for p in KOPGROEP_PILOTS)


def test_every_demo_user_can_log_in_with_the_printed_password(db: None) -> None:
    call_command("load_demo")
    for user in USERS:
        # django-axes needs the request to know the client's IP address.
        request = RequestFactory().post("/inloggen/")
        assert authenticate(request, username=user.username, password=user.password) is not None


def test_demo_refuses_to_load_with_production_security_on(db: None, settings: object) -> None:
    settings.SECURE = True
    with pytest.raises(CommandError, match="DJANGO_SECURE"):
        call_command("load_demo")
    assert Pilot.objects.count() == 0


def test_demo_pilots_in_realisatie_have_a_register_past_the_go(db: None) -> None:
    """A network being built has its homes in the register and most of them signed (issue 22)."""

    call_command("load_demo")
    for pilot in Pilot.objects.filter(phase=Phase.REALISATIE):
        registered = pilot.households.count()
        signed = pilot.households.filter(commitment=Commitment.SIGNED).count()
        assert registered == pilot.homes, pilot.name
        assert signed >= pilot.homes * pilot.participation_target_pct / 100, pilot.name
        assert pilot.households.values("postcode", "house_number").distinct().count() == registered
