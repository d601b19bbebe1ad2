"""Pilot lifecycle in the app (issue 18): create, edit, archive; invite colleagues; onboarding."""

import re
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pilots.models import Invitation, Membership, Pilot, Role
from tests.conftest import Cast
from tests.factories import GemeenteFactory, MemberFactory

CREATE = reverse("pilots:create")
LIST = reverse("pilots:list")
INVITE = reverse("pilots:invitations")


def _new_pilot(**overrides: object) -> dict[str, object]:
    return {
        "name": "Lindelaan",
        "neighbourhood": "Tuinwijk",
        "streets": "Lindelaan",
        "description": "Veertien rijtjeshuizen uit 1932 aan de noordkant.",
        "homes": 14,
        **overrides,
    }


def test_kwartiermaker_creates_a_pilot_in_own_gemeente(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    data = _new_pilot(gemeente=cast.pilot.gemeente.pk)
    response = client.post(CREATE, data)
    pilot = Pilot.objects.get(name="Lindelaan")
    assert response.status_code == 302
    assert response["Location"] == pilot.get_absolute_url()
    assert pilot.gemeente == cast.pilot.gemeente
    assert pilot.homes == 14
    assert pilot.milestones.exists()  # the seed deck's checklists come with it


def test_pilot_cannot_be_created_in_a_gemeente_where_the_user_only_reads(
    client: Client, cast: Cast
) -> None:
    zeist = cast.other_pilot.gemeente
    Membership.objects.create(user=cast.kwartiermaker, gemeente=zeist, role=Role.GEMEENTE)
    client.force_login(cast.kwartiermaker)
    response = client.post(CREATE, _new_pilot(gemeente=zeist.pk))
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.text
    assert not Pilot.objects.filter(name="Lindelaan").exists()


def test_duplicate_name_and_too_few_homes_are_form_errors(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    data = _new_pilot(gemeente=cast.pilot.gemeente.pk, name="Hofje Oudwijk", homes=1)
    response = client.post(CREATE, data)
    assert response.status_code == 422
    assert "bestaat al" in response.text
    assert "2 tot 100.000 woningen" in response.text


def test_kwartiermaker_edits_the_pilot(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:edit", args=[cast.pilot.pk])
    data = _new_pilot(gemeente=cast.pilot.gemeente.pk, name="Hofje Oudwijk-Noord", homes=20)
    assert client.post(url, data).status_code == 302
    cast.pilot.refresh_from_db()
    assert (cast.pilot.name, cast.pilot.homes) == ("Hofje Oudwijk-Noord", 20)


def test_archived_pilot_leaves_the_portfolio_until_restored(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:archive", args=[cast.pilot.pk])
    row = ">Hofje Oudwijk</a>"
    client.post(url, {"archive": "1"})
    assert row not in client.get(LIST).text
    assert row in client.get(LIST, {"archive": "ja"}).text
    assert "gearchiveerd op" in client.get(cast.pilot.get_absolute_url()).text
    client.post(url, {"archive": "0"})
    assert row in client.get(LIST).text


def test_empty_portfolio_says_what_to_do_first(client: Client, db: None) -> None:
    newcomer = MemberFactory(gemeente=GemeenteFactory(name="Houten"), role=Role.KWARTIERMAKER)
    client.force_login(newcomer)
    text = client.get(LIST).text
    assert "Aan de slag" in text
    assert "Maak een pilot aan" in text
    assert CREATE in text


def test_empty_portfolio_of_a_reader_points_to_the_kwartiermaker(client: Client, db: None) -> None:
    reader = MemberFactory(gemeente=GemeenteFactory(name="Houten"), role=Role.GEMEENTE)
    client.force_login(reader)
    text = client.get(LIST).text
    assert "Zodra de kwartiermaker een pilot aanmaakt" in text
    assert CREATE not in text


def _invite(client: Client, cast: Cast, role: str = Role.KWARTIERMAKER) -> str:
    client.force_login(cast.kwartiermaker)
    data = {"email": "anna@utrecht.nl", "gemeente": cast.pilot.gemeente.pk, "role": role}
    response = client.post(INVITE, data)
    assert response.status_code == 200
    return re.search(r'value="http://testserver(/uitnodiging/[^/]+/)"', response.text).group(1)


def _accept(client: Client, link: str) -> object:
    client.logout()
    return client.post(
        link,
        {
            "username": "anna",
            "first_name": "Anna",
            "last_name": "de Vries",
            "password1": "lindelaan-warmte-2027",
            "password2": "lindelaan-warmte-2027",
        },
    )


def test_invited_colleague_gets_an_account_for_the_gemeente_once(
    client: Client, cast: Cast
) -> None:
    link = _invite(client, cast)
    response = _accept(client, link)
    assert response.status_code == 302
    anna = User.objects.get(username="anna")
    assert anna.email == "anna@utrecht.nl"
    assert list(anna.memberships.values_list("gemeente__name", "role")) == [
        ("Utrecht", Role.KWARTIERMAKER)
    ]
    assert "Hofje Oudwijk" in client.get(LIST).text  # logged in as anna
    assert client.get(link).status_code == 404  # used once
    assert Invitation.objects.get().accepted_by == anna


def test_invitation_link_expires_after_seven_days(client: Client, cast: Cast) -> None:
    link = _invite(client, cast, role=Role.GEMEENTE)
    invitation = Invitation.objects.get()
    assert timedelta(days=6, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=7)
    assert client.get(link).status_code == 200
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).status_code == 404


def test_a_weak_password_creates_nothing(client: Client, cast: Cast) -> None:
    link = _invite(client, cast)
    client.logout()
    data = {"username": "anna", "password1": "12345678", "password2": "12345678"}
    response = client.post(link, data)
    assert response.status_code == 422
    assert not User.objects.filter(username="anna").exists()
    assert Invitation.objects.open().count() == 1


def test_revoked_invitation_no_longer_works(client: Client, cast: Cast) -> None:
    link = _invite(client, cast)
    invitation = Invitation.objects.get()
    client.post(reverse("pilots:invitation_revoke", args=[invitation.pk]))
    assert client.get(link).status_code == 404


def test_kwartiermaker_cannot_invite_for_another_gemeente(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    data = {"email": "x@zeist.nl", "gemeente": cast.other_pilot.gemeente.pk, "role": "gemeente"}
    assert client.post(INVITE, data).status_code == 422
    assert not Invitation.objects.exists()
