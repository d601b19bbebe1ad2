"""Per-pilot parameter overrides (issue 5): default, own value and source side by side."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from pilots.models import ParameterOverride, Pilot
from pilots.models.parameter import parameters_from
from pilots.scenario import Scenario, pilot_result, resident_economics
from techniek.calc.parameters import PARAMETER_DEFAULTS, SOURCED
from tests.conftest import Cast

BOREHOLE = "costs.borehole_eur_per_m"
GAS = "prices.gas_supply_eur_per_m3"
RATE = "financing.discount_rate_households"


def _tab(cast: Cast) -> str:
    return reverse("pilots:parameters", args=[cast.pilot.pk])


def _post(client: Client, cast: Cast, key: str, **data: str) -> object:
    url = reverse("pilots:parameter_update", args=[cast.pilot.pk, key])
    return client.post(url, {"action": "save", "seen": "", "note": "", **data})


def _own(cast: Cast) -> dict[str, float]:
    return dict(ParameterOverride.objects.filter(pilot=cast.pilot).values_list("key", "value"))


def test_tab_lists_every_parameter_with_default_and_source(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(_tab(cast))
    assert response.status_code == 200
    html = response.text
    assert html.count('data-testid="value-') == len(SOURCED) == 211
    assert "Deze pilot rekent met alle standaardwaarden." in html
    assert SOURCED[BOREHOLE].source in html
    assert "Wijzigen" not in html  # the gemeente reads only


def test_kwartiermaker_sets_a_value_with_a_dutch_decimal_comma(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = _post(client, cast, BOREHOLE, value="62,5", note="offerte boorbedrijf mei 2026")
    assert response.status_code == 302
    assert response["Location"].endswith("/aannames/?open=costs#p-costs-borehole-eur-per-m")
    override = ParameterOverride.objects.get(pilot=cast.pilot, key=BOREHOLE)
    assert (override.value, override.note, override.updated_by) == (
        62.5,
        "offerte boorbedrijf mei 2026",
        cast.kwartiermaker,
    )
    html = client.get(_tab(cast)).text
    assert "1 eigen waarde" in html
    assert "offerte boorbedrijf mei 2026" in html
    entry = LogEntry.objects.get_for_object(override).get()
    assert entry.actor == cast.kwartiermaker
    assert entry.changes_dict["value"] == ["None", "62.5"]


def test_rates_are_typed_as_percentages(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    _post(client, cast, RATE, value="4,5")
    assert _own(cast) == {RATE: pytest.approx(0.045)}
    assert 'value="4,5"' in client.get(_tab(cast)).text


def test_the_business_case_computes_with_the_override(cast: Cast) -> None:
    scenario = Scenario.for_pilot(cast.pilot)
    before = pilot_result(cast.pilot, scenario, date(2026, 11, 26))
    ParameterOverride.objects.create(pilot=cast.pilot, key=GAS, value=1.05)
    ParameterOverride.objects.create(pilot=cast.pilot, key=BOREHOLE, value=110)
    after = pilot_result(cast.pilot, scenario, date(2026, 11, 26))
    assert after.parameters.prices.gas_supply_eur_per_m3 == 1.05
    # staying on gas: m³ × Δ supply price × (1 + VAT) / 12 more per month
    m3 = before.references.gas_m3_per_home
    vat = PARAMETER_DEFAULTS.prices.vat_factor
    expected = m3 * (1.05 - SOURCED[GAS].value) * vat / 12
    assert float(after.case.gas_monthly_eur - before.case.gas_monthly_eur) == pytest.approx(
        expected, abs=0.02
    )
    assert after.technical.costs.source_eur > before.technical.costs.source_eur
    assert after.fingerprint != before.fingerprint


def test_pages_say_they_compute_with_own_values(client: Client, cast: Cast) -> None:
    ParameterOverride.objects.create(pilot=cast.pilot, key=GAS, value=1.05)
    client.force_login(cast.gemeente_utrecht)
    for name in ("pilots:techniek", "pilots:business_case"):
        html = client.get(reverse(name, args=[cast.pilot.pk])).text
        assert "Rekent met 1 eigen waarde in plaats van de standaard." in html, name


def test_resident_figures_follow_the_override(cast: Cast) -> None:
    before = resident_economics(cast.pilot).case.gas_monthly_eur
    ParameterOverride.objects.create(pilot=cast.pilot, key=GAS, value=1.05)
    cast.pilot.refresh_from_db()
    assert resident_economics(cast.pilot).case.gas_monthly_eur > before


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (BOREHOLE, "5", "Kies een waarde tussen € 20/m en € 200/m."),
        (BOREHOLE, "1e309", "Voer een getal in."),
        (BOREHOLE, "NaN", "Voer een getal in."),
        (BOREHOLE, "zestig", "Voer een getal in."),
        (BOREHOLE, "", "Vul een waarde in, of zet de parameter terug naar standaard."),
        (BOREHOLE, "9" * 400, "Voer een getal in."),
        (RATE, "-80", "Kies een waarde tussen -5,00% per jaar en 30,00% per jaar."),
    ],
)
def test_bad_values_get_a_dutch_message_and_change_nothing(
    client: Client, cast: Cast, key: str, value: str, message: str
) -> None:
    client.force_login(cast.kwartiermaker)
    response = _post(client, cast, key, value=value)
    assert response.status_code == 302
    assert message in client.get(_tab(cast)).text
    assert _own(cast) == {}


def test_a_combination_the_engine_refuses_is_refused(client: Client, cast: Cast) -> None:
    ParameterOverride.objects.create(
        pilot=cast.pilot, key="sensitivity.participation_max_pct", value=50
    )
    client.force_login(cast.kwartiermaker)
    response = _post(client, cast, "sensitivity.participation_min_pct", value="80")
    assert response.status_code == 302
    assert "past niet bij de andere eigen waarden" in client.get(_tab(cast)).text
    assert _own(cast) == {"sensitivity.participation_max_pct": 50}


def test_htmx_save_returns_the_row_and_the_count(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:parameter_update", args=[cast.pilot.pk, BOREHOLE])
    response = client.post(
        url, {"action": "save", "seen": "", "value": "70"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.text
    assert html.lstrip().startswith('<tr class="utrecht-table__row app-param--own"')
    assert 'id="override-count" class="utrecht-paragraph" hx-swap-oob="true"' in html
    assert "Eigen waarde opgeslagen" in html
    bad = client.post(
        url, {"action": "save", "seen": "70.0", "value": "-1"}, headers={"HX-Request": "true"}
    )
    assert "Kies een waarde tussen" in bad.text
    assert _own(cast) == {BOREHOLE: 70}


def test_a_concurrent_change_is_refused_showing_the_current_value(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    # Two people open the tab while the default applies; the first saves 70 …
    _post(client, cast, BOREHOLE, value="70")
    # … the second, still seeing the default, saves 90 and is refused.
    response = _post(client, cast, BOREHOLE, value="90")
    assert response.status_code == 302
    assert "iemand anders heeft deze parameter intussen gewijzigd naar 70 €/m" in (
        client.get(_tab(cast)).text
    )
    assert _own(cast) == {BOREHOLE: 70}
    # With the value they saw, the edit goes through.
    _post(client, cast, BOREHOLE, value="90", seen="70.0")
    assert _own(cast) == {BOREHOLE: 90}


def test_reset_returns_to_the_default(client: Client, cast: Cast) -> None:
    ParameterOverride.objects.create(pilot=cast.pilot, key=BOREHOLE, value=70)
    client.force_login(cast.kwartiermaker)
    _post(client, cast, BOREHOLE, action="reset", seen="70.0")
    assert _own(cast) == {}
    assert "Teruggezet naar de standaardwaarde." in client.get(_tab(cast)).text


def test_unknown_parameter_is_404_and_gemeente_cannot_write(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    assert _post(client, cast, "costs.nonsense", value="1").status_code == 404
    client.force_login(cast.gemeente_utrecht)
    assert _post(client, cast, BOREHOLE, value="70").status_code == 403
    assert _own(cast) == {}


def test_one_override_per_parameter_per_pilot_in_the_database(cast: Cast) -> None:
    ParameterOverride.objects.create(pilot=cast.pilot, key=BOREHOLE, value=70)
    with pytest.raises(IntegrityError):
        ParameterOverride.objects.create(pilot=cast.pilot, key=BOREHOLE, value=80)


def test_a_stored_value_that_no_longer_fits_is_skipped_not_fatal() -> None:
    params = parameters_from({BOREHOLE: 10_000, "costs.gone_parameter": 1, GAS: 1.0})
    assert params.assumptions.costs.borehole_eur_per_m == SOURCED[BOREHOLE].value
    assert params.prices.gas_supply_eur_per_m3 == 1.0


def test_only_own_values_filter(client: Client, cast: Cast) -> None:
    ParameterOverride.objects.create(pilot=cast.pilot, key=BOREHOLE, value=70)
    client.force_login(cast.gemeente_utrecht)
    html = client.get(_tab(cast) + "?aangepast=1").text
    assert html.count('data-testid="value-') == 1
    assert Pilot.objects.get(pk=cast.pilot.pk).overrides.count() == 1


def test_every_row_has_a_name_and_groups_open_only_when_asked(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    html = client.get(_tab(cast)).text
    assert html.count('<details class="app-param-group"') == 11
    assert '<details class="app-param-group" id="group-costs" open' not in html
    assert "Leveringstarief gas" in html  # was only the code prices.gas_supply_eur_per_m3
    opened = client.get(_tab(cast) + "?open=costs").text
    assert '<details class="app-param-group" id="group-costs" open' in opened


def test_search_finds_by_name_code_or_source_and_htmx_gets_the_list_only(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    by_name = client.get(_tab(cast), {"q": "leveringstarief gas"}).text
    assert by_name.count('data-testid="value-') == 1
    assert 'data-testid="value-prices.gas_supply_eur_per_m3"' in by_name
    assert "1 parameter gevonden voor ‘leveringstarief gas’." in by_name
    by_source = client.get(_tab(cast), {"q": "warmtefonds.nl"}).text
    assert by_source.count('data-testid="value-') == 6
    response = client.get(
        _tab(cast), {"q": "borehole_eur"}, headers={"HX-Request": "true", "HX-Target": "parameters"}
    )
    assert response.text.lstrip().startswith('<div id="parameters">')
    assert "<html" not in response.text
    assert 'data-testid="value-costs.borehole_eur_per_m"' in response.text
    assert "Boren, per meter" in response.text
    none = client.get(_tab(cast), {"q": "zzzz"}).text
    assert "Geen parameter gevonden voor ‘zzzz’." in none
