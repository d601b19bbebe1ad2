import json
import re

from django.db.models import F
from django.test import Client
from django.urls import reverse

from pilots.models import Household
from tests.conftest import Cast


def test_kwartiermaker_sees_the_pilot_facts(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Hofje Oudwijk</h1>' in response.text
    assert "Mini (2–50)" in response.text
    assert "voorbehouden aan de kwartiermaker" not in response.text


def test_gemeente_reader_is_told_the_page_is_read_only(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert "wijzigen is voorbehouden aan de kwartiermaker" in response.text


def test_pilot_of_another_gemeente_is_not_found(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    assert client.get(reverse("pilots:detail", args=[cast.pilot.pk])).status_code == 404


def test_unknown_pilot_is_not_found(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    assert client.get(reverse("pilots:detail", args=[999_999])).status_code == 404


def _row(html: str, household_pk: int) -> str:
    start = html.index(f'<tr class="utrecht-table__row" id="household-{household_pk}">')
    return html[start : html.index("</tr>", start)]


def test_the_cached_households_table_follows_every_change(client: Client, cast: Cast) -> None:
    """The table is cached per state of the register (pilots/household_table.py)."""
    client.force_login(cast.kwartiermaker)
    url = cast.pilot.get_absolute_url()
    assert '<option value="unknown" selected>' in _row(client.get(url).text, cast.household.pk)
    cast.household.set_commitment("signed", by=cast.kwartiermaker)
    assert '<option value="signed" selected>' in _row(client.get(url).text, cast.household.pk)
    Household.objects.filter(pk=cast.household.pk).update(
        street="Nieuwe Gracht", version=F("version") + 1
    )
    assert "Nieuwe Gracht" in _row(client.get(url).text, cast.household.pk)
    cast.household.delete()
    assert f'id="household-{cast.household.pk}"' not in client.get(url).text


def test_a_row_kept_from_before_an_edit_is_not_shown_after_it(client: Client, cast: Cast) -> None:
    """Rows are kept per household version (pilots/page_cache.py): an edit renders that row
    again; the other rows come back unchanged."""
    client.force_login(cast.kwartiermaker)
    url = cast.pilot.get_absolute_url()
    other = cast.pilot.households.exclude(pk=cast.household.pk).first()
    first = client.get(url).text
    cast.household.set_commitment("intent", by=cast.kwartiermaker)
    second = client.get(url).text
    assert '<option value="intent" selected>' in _row(second, cast.household.pk)
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')  # masked anew per response
    assert token.sub("", _row(first, other.pk)) == token.sub("", _row(second, other.pk))


def test_kept_rows_follow_the_language(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = cast.pilot.get_absolute_url()
    assert "Commitment van " in _row(client.get(url).text, cast.household.pk)
    english = _row(client.get(url, {"lang": "en"}).text, cast.household.pk)
    assert "Commitment of " in english
    assert "Commitment van " not in english


def test_the_cached_table_carries_each_users_own_csrf_token_and_rights(cast: Cast) -> None:
    editor, reader = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    editor.force_login(cast.kwartiermaker)
    reader.force_login(cast.gemeente_utrecht)
    url = cast.pilot.get_absolute_url()
    for client in (editor, editor):  # the second response comes from the cache
        html = client.get(url).text
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', _row(html, cast.household.pk)
        )
        assert token is not None
        post = client.post(
            reverse("pilots:household_commitment", args=[cast.pilot.pk, cast.household.pk]),
            {
                "commitment": "interested",
                "version": Household.objects.get(pk=cast.household.pk).version,
                "csrfmiddlewaretoken": token.group(1),
            },
        )
        assert post.status_code == 302
    # The gemeente sees no household rows at all (aggregates only, issue 21).
    assert f'id="household-{cast.household.pk}"' not in reader.get(url).text


def _signed_now(html: str) -> float:
    data = re.search(r'<script id="trend-chart-data" type="application/json">(.*?)</script>', html)
    series = json.loads(data.group(1))["data"]
    return next(s for s in series if s["name"] == "Getekend")["y"][-1]


def test_the_cached_participation_trend_follows_a_commitment_change(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.gemeente_utrecht)
    url = cast.pilot.get_absolute_url()
    assert _signed_now(client.get(url).text) == 0
    cast.household.set_commitment("signed", by=cast.kwartiermaker)
    assert _signed_now(client.get(url).text) == round(100 / 18, 1)  # 1 of 18 homes


def test_a_household_without_meter_reading_shows_an_indicative_gas_use(
    client: Client, cast: Cast
) -> None:
    """Issue 15: the engine falls back to the CBS figure of the type (mid-terrace 1,350 m³)."""
    Household.objects.filter(pk=cast.household.pk).update(
        gas_m3_per_year=None, building_type="mid_terrace", version=F("version") + 1
    )
    client.force_login(cast.kwartiermaker)
    row = _row(client.get(cast.pilot.get_absolute_url()).text, cast.household.pk)
    assert "≈ 1.350 (indicatief)" in row
