import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import Cast


@pytest.mark.parametrize(
    "name",
    [
        "admin:pilots_pilot_changelist",
        "admin:pilots_household_changelist",
        "admin:pilots_milestone_changelist",
        "admin:pilots_commitmentchange_changelist",
        "admin:pilots_gemeente_changelist",
        "admin:pilots_membership_changelist",
    ],
)
def test_support_staff_can_list_and_search(client: Client, cast: Cast, name: str) -> None:
    client.force_login(cast.admin)
    assert client.get(reverse(name), {"q": "Oudwijk"}).status_code == 200


def test_household_admin_shows_the_commitment_history(client: Client, cast: Cast) -> None:
    cast.household.set_commitment("signed", by=cast.kwartiermaker, note="contract binnen")
    client.force_login(cast.admin)
    url = reverse("admin:pilots_household_change", args=[cast.household.pk])
    assert "contract binnen" in client.get(url).text


def test_kwartiermaker_without_staff_flag_has_no_admin(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
