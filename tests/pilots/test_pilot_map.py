"""The street on a map (issue 18): points coloured by commitment, clusters and ring from the
positions, an accessible list beside it; no positions for residents."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import Commitment
from tests.conftest import Cast
from tests.factories import HouseholdFactory


def _place(cast: Cast, n: int = 8) -> list:
    homes = []
    for i in range(n):
        homes.append(
            HouseholdFactory(
                pilot=cast.pilot,
                street="Lindelaan",
                house_number=i + 1,
                postcode="3572AB",
                rd_x=137_000.0 + 6.1 * (i // 2),
                rd_y=456_200.0 + 14.6 * (i % 2),
            )
        )
    return homes


def _url(cast: Cast) -> str:
    return reverse("pilots:map", args=[cast.pilot.pk])


def test_map_shows_placed_homes_coloured_by_commitment_and_a_list(
    client: Client, cast: Cast
) -> None:
    homes = _place(cast)
    homes[0].set_commitment(Commitment.SIGNED, by=None)
    client.force_login(cast.kwartiermaker)
    response = client.get(_url(cast))
    assert response.status_code == 200
    text = response.text
    assert text.count('class="map-point ') == 8  # the 12 cast households have no position
    assert f'id="point-{homes[0].pk}" class="map-point map-point--signed"' in text
    assert f'id="map-household-{homes[1].pk}"' in text
    assert "12 woningen hebben nog geen positie." in text
    assert 'class="map-ring"' in text
    assert "<line " in text
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )


def test_clusters_group_neighbours_with_the_pilots_cluster_size(client: Client, cast: Cast) -> None:
    _place(cast, 8)
    client.force_login(cast.kwartiermaker)
    text = client.get(_url(cast)).text
    numbers = set(re.findall(r'<td class="utrecht-table__cell">(\d+)</td>', text))
    assert len(numbers) >= 2  # 8 homes, clusters of the default size


def test_the_gemeente_role_gets_no_map_of_homes(client: Client, cast: Cast) -> None:
    # Issue 21: each point is a home's address and commitment, personal data.
    _place(cast, 3)
    client.force_login(cast.gemeente_utrecht)
    assert client.get(_url(cast)).status_code == 403
    overview = client.get(reverse("pilots:detail", args=[cast.pilot.pk])).text
    assert _url(cast) not in overview


def test_inline_edit_from_the_map_returns_one_row_with_the_new_status(
    client: Client, cast: Cast
) -> None:
    home = _place(cast, 3)[1]
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:household_commitment", args=[cast.pilot.pk, home.pk])
    data = {"commitment": "intent", "version": home.version, "next": "map", "cluster": "1"}
    target = f"map-household-{home.pk}"
    r = client.post(url, data, headers={"HX-Request": "true", "HX-Target": target})
    assert r.status_code == 200
    assert r.text.startswith(f'<tr class="utrecht-table__row" id="{target}"')
    assert 'data-commitment="intent"' in r.text
    assert "<html" not in r.text
    # Without JavaScript the form returns to the map.
    data["version"] = home.version + 1
    data["commitment"] = "signed"
    r = client.post(url, data)
    assert r["Location"] == f"{_url(cast)}#{target}"


def test_map_page_does_not_add_queries_per_household(client: Client, cast: Cast) -> None:
    _place(cast, 4)
    client.force_login(cast.kwartiermaker)
    with CaptureQueriesContext(connection) as before:
        client.get(_url(cast))
    _place_more = [
        HouseholdFactory(pilot=cast.pilot, house_number=100 + i, rd_x=137_100.0 + i, rd_y=456_300.0)
        for i in range(40)
    ]
    with CaptureQueriesContext(connection) as after:
        client.get(_url(cast))
    assert len(after) == len(before) <= 15
    assert _place_more


def test_resident_dashboard_shows_no_positions(client: Client, cast: Cast) -> None:
    _place(cast, 3)
    text = client.get(reverse("bewoners:street_dashboard", args=[cast.street_token])).text
    assert "map-point" not in text
    assert "137000" not in text
    assert "Lindelaan" not in text


def test_cached_map_follows_positions_filled_in_without_a_version_change(
    client: Client, cast: Cast
) -> None:
    _place(cast, 2)
    client.force_login(cast.kwartiermaker)
    assert client.get(_url(cast)).text.count('class="map-point ') == 2
    # The register lookup fills positions with bulk_update: no version, no updated_at.
    cast.pilot.households.filter(rd_x__isnull=True).update(rd_x=137_050.0, rd_y=456_250.0)
    assert client.get(_url(cast)).text.count('class="map-point ') == 14


def test_the_engine_gets_the_positions_of_the_households(cast: Cast) -> None:
    from pilots.calc_inputs import pilot_inputs

    cast.pilot.households.all().delete()
    _place(cast, 3)
    inputs = pilot_inputs(cast.pilot)
    assert [(h.rd_x_m, h.rd_y_m) for h in inputs.households] == [
        (137_000.0, 456_200.0),
        (137_000.0, 456_214.6),
        (137_006.1, 456_200.0),
    ]
