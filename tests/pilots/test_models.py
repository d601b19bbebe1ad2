import pytest
from django.db import IntegrityError, transaction

from pilots.models import Pilot, Role, ScaleClass
from tests.conftest import Cast
from tests.factories import GemeenteFactory, MembershipFactory, PilotFactory


@pytest.mark.parametrize(
    ("homes", "scale"),
    [
        pytest.param(2, ScaleClass.MINI, id="two homes is the smallest mini network"),
        pytest.param(50, ScaleClass.MINI, id="50 homes is still mini"),
        pytest.param(51, ScaleClass.KLEINSCHALIG, id="51 homes is kleinschalig"),
        pytest.param(1500, ScaleClass.KLEINSCHALIG, id="1500 homes is still kleinschalig"),
        pytest.param(1501, ScaleClass.GROOTSCHALIG, id="1501 homes is grootschalig"),
    ],
)
def test_scale_class_follows_the_seed_deck_definitions(homes: int, scale: ScaleClass) -> None:
    assert Pilot(homes=homes).scale_class == scale


@pytest.mark.parametrize("homes", [0, 1, 100_001])
def test_database_refuses_an_implausible_number_of_homes(db: None, homes: int) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        PilotFactory(homes=homes)


def test_pilot_names_are_unique_within_a_gemeente_only(db: None) -> None:
    utrecht, zeist = GemeenteFactory(name="Utrecht"), GemeenteFactory(name="Zeist")
    PilotFactory(gemeente=utrecht, name="Hofje")
    PilotFactory(gemeente=zeist, name="Hofje")
    with pytest.raises(IntegrityError), transaction.atomic():
        PilotFactory(gemeente=utrecht, name="Hofje")


def test_a_user_has_one_role_per_gemeente(cast: Cast) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(user=cast.kwartiermaker, gemeente=cast.pilot.gemeente, role=Role.GEMEENTE)


def test_visible_to_follows_memberships(cast: Cast) -> None:
    assert list(Pilot.objects.visible_to(cast.kwartiermaker)) == [cast.pilot]
    assert list(Pilot.objects.visible_to(cast.gemeente_utrecht)) == [cast.pilot]
    assert list(Pilot.objects.visible_to(cast.gemeente_other)) == [cast.other_pilot]
    assert list(Pilot.objects.visible_to(cast.outsider)) == []
    assert list(Pilot.objects.visible_to(cast.admin)) == []


def test_only_a_kwartiermaker_of_the_pilots_gemeente_may_edit(cast: Cast) -> None:
    assert cast.pilot.editable_by(cast.kwartiermaker)
    assert not cast.pilot.editable_by(cast.gemeente_utrecht)
    assert not cast.pilot.editable_by(cast.gemeente_other)
    assert not cast.other_pilot.editable_by(cast.kwartiermaker)
    assert list(Pilot.objects.editable_by(cast.kwartiermaker)) == [cast.pilot]
    assert list(Pilot.objects.editable_by(cast.gemeente_utrecht)) == []


def test_a_user_in_two_gemeenten_sees_both_without_duplicates(cast: Cast) -> None:
    MembershipFactory(user=cast.kwartiermaker, gemeente=cast.other_pilot.gemeente)
    visible = list(Pilot.objects.visible_to(cast.kwartiermaker))
    assert sorted(p.name for p in visible) == ["Hofje Oudwijk", "Kerckebosch"]


def test_cbs_code_must_have_the_gm_format(db: None) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        GemeenteFactory(name="Nergenshuizen", cbs_code="0344")
