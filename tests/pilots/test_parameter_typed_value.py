"""A refused parameter value stays in the box beside its message (issue 22)."""

from django.test import Client
from django.urls import reverse

from tests.conftest import Cast


def test_a_value_out_of_range_is_kept_as_typed_with_the_message(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:parameter_update", args=[cast.pilot.pk, "costs.borehole_eur_per_m"])
    response = client.post(
        url,
        {"action": "save", "seen": "", "value": "-1", "note": "offerte Boorbedrijf"},
        headers={"HX-Request": "true"},
    )
    assert "Kies een waarde tussen" in response.text
    assert 'name="value" inputmode="decimal" value="-1"' in response.text
    assert 'value="offerte Boorbedrijf"' in response.text
    assert '<details class="app-param-edit" open>' in response.text
