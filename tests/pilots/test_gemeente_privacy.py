"""The gemeente role reads aggregated figures only (issue 21): no addresses, no commitment per
home, no export of them; the kwartiermaker role keeps all of it. Street links warn when the
rest of the pilot is too small to publish beside them."""

import pytest
from django.test import Client
from django.urls import reverse

from pilots.models import Household
from pilots.privacy import street_link_warnings
from tests.conftest import Cast
from tests.factories import HouseholdFactory

HTMX_TABLE = {"HX-Request": "true", "HX-Target": "households"}


@pytest.mark.parametrize(
    ("role", "status", "shows_addresses"),
    [("kwartiermaker", 200, True), ("gemeente_utrecht", 200, False)],
)
def test_the_pilot_page_shows_addresses_to_the_kwartiermaker_only(
    client: Client, cast: Cast, role: str, status: int, shows_addresses: bool
) -> None:
    client.force_login(getattr(cast, role))
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert response.status_code == status
    assert (cast.household.street_address in response.text) is shows_addresses
    assert (cast.household.postcode in response.text) is shows_addresses
    assert ("Export CSV" in response.text) is shows_addresses
    if not shows_addresses:
        assert "12 huishoudens in het register. Als gemeente ziet u alleen de totalen" in (
            response.text
        )


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        (lambda c: reverse("pilots:export", args=[c.pilot.pk, "csv"]), {}),
        (lambda c: reverse("pilots:export", args=[c.pilot.pk, "xlsx"]), {}),
        (lambda c: reverse("pilots:detail", args=[c.pilot.pk]) + "?page=2", HTMX_TABLE),
    ],
    ids=["csv export", "xlsx export", "table page over htmx"],
)
def test_personal_data_answers_403_to_the_gemeente(
    client: Client, cast: Cast, url: object, headers: dict
) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(url(cast), headers=headers)
    assert response.status_code == 403
    assert cast.household.street not in response.text


def _streets(**sizes: int) -> dict[str, int]:
    return {street.replace("_", " "): n for street, n in sizes.items()}


@pytest.mark.parametrize(
    ("per_street", "street", "expected"),
    [
        pytest.param(_streets(A=12, B=15), "A", [], id="both streets large"),
        pytest.param(_streets(A=12), "A", [], id="the street is the whole pilot"),
        pytest.param(
            _streets(A=12, B=9), "A", ["De rest van de pilot (buiten A) telt 9"], id="rest 9"
        ),
        pytest.param(_streets(A=12, B=1), "A", ["telt 1 huishouden, minder dan 10"], id="rest 1"),
        pytest.param(
            _streets(A=4, B=5),
            "A",
            ["A heeft 4 huishoudens in het register", "De rest van de pilot (buiten A) telt 5"],
            id="small street and small rest",
        ),
        pytest.param(_streets(A=12, B=9), "", [], id="a link for the whole pilot"),
    ],
)
def test_street_link_warnings(per_street: dict, street: str, expected: list[str]) -> None:
    warnings = street_link_warnings(per_street, street)
    assert len(warnings) == len(expected)
    for warning, start in zip(warnings, expected, strict=True):
        assert start in warning


def test_issuing_a_street_link_with_a_small_rest_warns_on_the_flyer_page(
    client: Client, cast: Cast
) -> None:
    street = cast.household.street  # the cast's 12 households share one street
    HouseholdFactory.create_batch(3, pilot=cast.pilot, street="Kromme Nieuwegracht")
    client.force_login(cast.kwartiermaker)
    response = client.post(
        reverse("pilots:street_links", args=[cast.pilot.pk]),
        {"label": "de straat", "street": street, "days": 30},
    )
    assert response.status_code == 200
    assert f"De rest van de pilot (buiten {street}) telt 3 huishoudens" in response.text
    assert Household.objects.filter(pilot=cast.pilot).count() == 15
