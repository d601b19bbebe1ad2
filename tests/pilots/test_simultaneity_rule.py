"""Issue 15: the simultaneity rule is cited and the kwartiermaker chooses it per pilot."""

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse

from pilots.models import ParameterOverride
from techniek.calc.climate import SIMULTANEITY_RULES, collective_peak_kw, simultaneity_rule
from tests.conftest import Cast

LIMIT = "climate.simultaneity_space_heating_limit"
EXPONENT = "climate.simultaneity_space_heating_exponent"


def _choose(client: Client, cast: Cast, rule: str, seen: str):
    url = reverse("pilots:simultaneity_update", args=[cast.pilot.pk])
    return client.post(url, {"rule": rule, "seen": seen})


def _dutch(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _page(client: Client, cast: Cast) -> str:
    return client.get(reverse("pilots:techniek", args=[cast.pilot.pk])).text


@pytest.mark.parametrize("homes", [1, 2, 6, 12, 24, 50, 1500])
def test_thermos_rule_is_the_published_curve(homes: int) -> None:
    # THERMOS network model: diversity 0.62 + 0.38/n for n equal connections.
    thermos = next(r for r in SIMULTANEITY_RULES if r.key == "thermos")
    peaks = np.full(homes, 5.0)
    peak = collective_peak_kw(peaks, thermos.limit, exponent=thermos.exponent)
    assert peak == pytest.approx(5.0 * homes * (0.62 + 0.38 / homes))


def test_the_rules_are_found_back_from_their_parameters() -> None:
    for rule in SIMULTANEITY_RULES:
        assert simultaneity_rule(rule.limit, rule.exponent) == rule
    assert simultaneity_rule(0.7, 0.5) is None


def test_choosing_thermos_stores_both_values_and_recomputes(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    before = _page(client, cast)
    assert 'id="regel-wortelregel" value="wortelregel" checked' in before
    assert f"gelijktijdigheid van {_dutch(0.75 + 0.25 / 12**0.5)}" in before
    assert _choose(client, cast, "thermos", "wortelregel").status_code == 302
    stored = dict(cast.pilot.overrides.values_list("key", "value"))
    assert stored == {LIMIT: 0.62, EXPONENT: 1.0}
    after = _page(client, cast)
    assert 'id="regel-thermos" value="thermos" checked' in after
    assert f"gelijktijdigheid van {_dutch(0.62 + 0.38 / 12)}" in after
    assert "Winter, Haslauer en Obernberger" in after


def test_back_to_the_default_rule_removes_the_overrides(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    _choose(client, cast, "thermos", "wortelregel")
    assert _choose(client, cast, "wortelregel", "thermos").status_code == 302
    assert not cast.pilot.overrides.filter(key__in=[LIMIT, EXPONENT]).exists()


def test_a_choice_over_someone_elses_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    _choose(client, cast, "thermos", "wortelregel")
    # A second editor still saw the root rule and chooses it again: refused, THERMOS stays.
    response = _choose(client, cast, "wortelregel", "wortelregel")
    assert response.status_code == 302
    assert ParameterOverride.objects.get(pilot=cast.pilot, key=LIMIT).value == 0.62
    assert "iemand anders heeft de gelijktijdigheid intussen gewijzigd" in _page(client, cast)


def test_an_unknown_rule_changes_nothing(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    _choose(client, cast, "alles-tegelijk", "wortelregel")
    assert not cast.pilot.overrides.exists()
    assert "Kies een van de gelijktijdigheidsregels." in _page(client, cast)


def test_a_reader_sees_the_rule_but_cannot_choose(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert "Bron: vuistregel" in _page(client, cast)
    assert 'name="rule"' not in _page(client, cast)
    assert _choose(client, cast, "thermos", "wortelregel").status_code == 403
    assert not cast.pilot.overrides.exists()
