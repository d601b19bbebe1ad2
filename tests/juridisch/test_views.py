"""The regime check, organisation models and gemeente pages: calculators without pilot data.

Every logged-in user may use them (the permission matrix covers who gets in); these tests cover
what the pages show, the form's Dutch errors, the htmx partial and the English rendering.
"""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from juridisch import text_catalog, texts
from juridisch.forms import RegimeForm
from juridisch.organisation import FINANCING
from juridisch.regime import RULE_SETS
from juridisch.rules import Initiative
from tests.conftest import Cast

REGIME = reverse("juridisch:regime_check")
MODELS = reverse("juridisch:organisation_models")
GEMEENTE = reverse("juridisch:gemeente_role")
HTMX = {"HX-Request": "true", "HX-Target": "regime-result"}

BEPERKT = "Beperkt gereguleerd: eigen initiatief mogelijk"
KLEIN = "Klein collectief: ontheffing van de gemeente"
BASIS = "Basis: aanwijzing van een warmtebedrijf"


def facts(expected: int, initiative: str = "residents", **extra: str) -> dict[str, str]:
    return {
        "connections_now": "0",
        "connections_expected": str(expected),
        "initiative": initiative,
        **extra,
    }


def _regime_shown(content: str) -> str:
    start = content.index('class="app-regime-name">') + len('class="app-regime-name">')
    return content[start : content.index("</p>", start)]


@pytest.fixture
def member(client: Client, cast: Cast) -> Client:
    client.force_login(cast.gemeente_other)
    return client


# --- the regime check ---


def test_regime_check_opens_on_an_example_with_a_result(member: Client) -> None:
    r = member.get(REGIME)
    assert r.status_code == 200
    page = r.content.decode()
    assert _regime_shown(page) == KLEIN
    assert 'action="/juridisch/regime/"' in page
    assert 'hx-target="#regime-result"' in page
    assert '<button class="utrecht-button utrecht-button--primary-action" type="submit">' in page


@pytest.mark.parametrize(
    ("connections", "initiative", "regime"),
    [
        pytest.param(9, "residents", BEPERKT, id="9-residents-beperkt-gereguleerd"),
        pytest.param(10, "residents", KLEIN, id="10-residents-klein-collectief"),
        pytest.param(1500, "market", KLEIN, id="1500-market-klein-collectief"),
        pytest.param(1501, "market", BASIS, id="1501-market-basis"),
        pytest.param(10, "gemeente", BASIS, id="10-gemeente-designates-basis"),
    ],
)
def test_boundaries_show_different_regimes_in_the_page(
    member: Client, connections: int, initiative: str, regime: str
) -> None:
    r = member.get(REGIME, facts(connections, initiative))
    assert _regime_shown(r.content.decode()) == regime


def test_klein_collectief_shows_who_decides_the_checklist_and_the_exemption_milestone(
    member: Client,
) -> None:
    page = member.get(REGIME, facts(24)).content.decode()
    assert "Het college van B&amp;W verleent een ontheffing" in page
    assert "Toezicht ACM" in page
    assert "Toetsing door de ACM eens per drie jaar" in page
    assert "Te doen" in page  # the exemption is a step, not yet done
    assert "Ontheffing aanvragen bij het college van B&amp;W</li>" in page
    assert "nog niet bevestigd" in page
    # The law and its explanatory memorandum are the sources, not the kopgroep's slides.
    assert "Bron: Memorie van toelichting WCW, Kamerstuk 36 576, nr. 3" in page
    assert "Bron: Seed-presentatie" not in page
    # The WCW's entry into force is not set yet: every WCW rule shows the date it depends on.
    assert "Hangt af van de inwerkingtreding van de WCW, nu verwacht op 1 januari 2027." in page


def test_basis_with_too_little_public_ownership_shows_the_ownership_milestone(
    member: Client,
) -> None:
    page = member.get(
        REGIME, facts(2000, "market", public_pct="50", market_pct="50")
    ).content.decode()
    assert _regime_shown(page) == BASIS
    assert "Niet voldaan" in page
    assert "Eigendom regelen: meer dan 50% publiek of een warmtegemeenschap</li>" in page


def test_before_the_entry_into_force_the_warmtewet_notice_is_shown(
    member: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2026, 11, 26))
    page = member.get(REGIME, facts(24)).content.decode()
    assert "tot dan geldt de Warmtewet (2014)" in page
    assert "getoetst op 26 november 2026" in page


def test_after_the_entry_into_force_the_warmtewet_notice_is_gone(
    member: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2027, 6, 1))
    page = member.get(REGIME, facts(24)).content.decode()
    assert "tot dan geldt de Warmtewet" not in page
    assert _regime_shown(page) == KLEIN


# --- the form's Dutch errors ---

BAD_INPUT = [
    pytest.param(
        {"connections_now": "-1"},
        "connections_now",
        "Een aantal aansluitingen kan niet negatief zijn.",
        id="negative-connections-now",
    ),
    pytest.param(
        {"connections_expected": "-5"},
        "connections_expected",
        "Een aantal aansluitingen kan niet negatief zijn.",
        id="negative-connections-expected",
    ),
    pytest.param(
        {"connections_expected": "1"},
        "connections_expected",
        "Een collectief warmtenet heeft in het eindbeeld minstens 2 aansluitingen.",
        id="fewer-than-two-connections",
    ),
    pytest.param(
        {"connections_expected": "twaalf"},
        "connections_expected",
        "Vul het aantal aansluitingen in als een geheel getal.",
        id="count-not-a-number",
    ),
    pytest.param(
        {"small_consumer_connections": "30"},
        "small_consumer_connections",
        "Er kunnen niet meer kleinverbruikaansluitingen zijn dan aansluitingen in het eindbeeld.",
        id="small-consumers-above-total",
    ),
    pytest.param(
        {"community_pct": "-10"},
        "community_pct",
        "Een eigendomsaandeel kan niet negatief zijn.",
        id="negative-share",
    ),
    pytest.param(
        {"public_pct": "60", "market_pct": "40,5"},
        "__all__",
        "De eigendomsaandelen zijn samen meer dan 100%.",
        id="shares-above-100-together",
    ),
]


@pytest.mark.parametrize(("bad", "field", "message"), BAD_INPUT)
def test_bad_input_gives_a_dutch_message_on_the_right_field(
    bad: dict[str, str], field: str, message: str
) -> None:
    form = RegimeForm({**facts(24), **bad})
    assert not form.is_valid()
    assert form.errors == {field: [message]}


@pytest.mark.parametrize(("bad", "field", "message"), BAD_INPUT)
def test_bad_input_is_shown_in_the_result_and_writes_nothing(
    member: Client, bad: dict[str, str], field: str, message: str
) -> None:
    with CaptureQueriesContext(connection) as queries:
        r = member.get(REGIME, {**facts(24), **bad}, headers=HTMX)
    assert r.status_code == 422  # base.html configures htmx to swap a 422
    page = r.content.decode()
    assert message.replace("&", "&amp;") in page
    assert "app-regime-name" not in page
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].split()[0] != "SELECT"]
    assert writes == []


def test_shares_and_counts_report_their_errors_together() -> None:
    form = RegimeForm(
        {**facts(24), "connections_now": "-1", "public_pct": "80", "market_pct": "30"}
    )
    assert set(form.errors) == {"connections_now", "__all__"}


def test_dutch_decimal_comma_is_accepted_for_a_share() -> None:
    form = RegimeForm({**facts(24), "public_pct": "50,1"})
    assert form.is_valid(), form.errors
    assert str(form.to_facts().ownership.public_pct) == "50.1"


def test_form_builds_the_facts_of_the_rules() -> None:
    form = RegimeForm(
        {
            **facts(30, "gemeente"),
            "connections_now": "12",
            "small_consumer_connections": "28",
            "prospect_above_max": "on",
            "area_designated": "on",
        }
    )
    got = form.to_facts()
    assert (got.connections_now, got.connections_expected, got.small_consumer_connections) == (
        12,
        30,
        28,
    )
    assert got.initiative is Initiative.GEMEENTE
    assert got.prospect_above_max
    assert got.area_designated


# --- htmx ---


def test_htmx_gets_only_the_result_fragment(member: Client) -> None:
    r = member.get(REGIME, facts(9), headers=HTMX)
    assert r.status_code == 200
    assert b'id="regime-result"' in r.content
    assert b"<html" not in r.content
    assert b"<form" not in r.content
    assert "HX-Request" in r["Vary"]  # a browser cache keeps the page and the fragment apart
    assert _regime_shown(r.content.decode()) == BEPERKT


# --- English ---


def test_english_rendering_translates_the_rules_texts_and_numbers(member: Client) -> None:
    member.cookies["django_language"] = "en"
    r = member.get(REGIME, facts(1501, "market"))
    page = r.content.decode()
    assert r["Content-Language"] == "en"
    assert _regime_shown(page) == "Basis: designation of a heat company"
    assert "More than 1,500 connections in the end state" in page
    assert "unconfirmed" in page
    assert "nog niet bevestigd" not in page
    assert "1 January 2027" in page


def test_english_errors(member: Client) -> None:
    member.cookies["django_language"] = "en"
    page = member.get(REGIME, {**facts(24), "connections_now": "-1"}, headers=HTMX).content
    assert b"A number of connections cannot be negative." in page


def test_every_filled_text_translates_to_english_with_its_thresholds() -> None:
    params = tuple(RULE_SETS[-1].text_params().items())
    with translation.override("en"):
        for template in text_catalog.MSGIDS:
            if "%(" not in template and "%%" not in template:
                continue
            english = text_catalog.translate(texts.fill(template, dict(params)), params)
            assert english != texts.fill(template, dict(params)), template
            assert "%(" not in english
            assert "%%" not in english


def test_the_catalogue_lists_exactly_the_texts_of_the_pure_modules() -> None:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, tuple | list):
            return [s for v in value for s in strings(v)]
        return []

    dates_and_booleans = {"MONTHS", "YES_NO"}  # formatted by Django's own translations
    in_texts = {
        s
        for name, value in vars(texts).items()
        if name.isupper() and name not in dates_and_booleans
        for s in strings(value)
    }
    units = {
        d.unit
        for f in FINANCING.values()
        for _, d in f.assumptions()
        if any(c.isalpha() for c in d.unit)
    }
    assert set(text_catalog.MSGIDS) == in_texts
    assert set(text_catalog.UNITS) == units


# --- organisation models ---


def test_organisation_models_side_by_side_in_the_seed_wording(member: Client) -> None:
    r = member.get(MODELS)
    assert r.status_code == 200
    page = r.content.decode()
    for heading in (
        "Zelfbeheer + individuele financiering",
        "Lokale energiecoöperatie",
        "Marktpartner",
    ):
        assert heading in page
    assert "Meest haalbaar &lt;= 10 deelnemers" in page
    assert "Organisatie WCW proof" in page
    assert "Rente lening" in page
    assert "4,35%" in page
    assert "€ 60.000 (verzamelinkomen)" in page
    assert "app-ranking" not in page  # no inputs, no advice


def test_organisation_advisor_ranks_zelfbeheer_first_for_eight_households(
    member: Client,
) -> None:
    page = member.get(MODELS, facts(8)).content.decode()
    ranking = page[page.index('class="app-ranking"') :]
    assert ranking.index("1. Zelfbeheer") < ranking.index("2. ") < ranking.index("3. ")
    assert "zelfbeheer met individuele financiering is dan het meest haalbaar." in ranking
    assert f"Regime bij deze feiten: <strong>{BEPERKT}</strong>" in page


def test_organisation_advisor_rules_out_zelfbeheer_under_designation(member: Client) -> None:
    page = member.get(MODELS, facts(2000, "gemeente")).content.decode()
    ranking = page[page.index('class="app-ranking"') :]
    assert "3. Zelfbeheer" in ranking
    assert "Niet mogelijk" in ranking
    assert "Bij een aanwijzing kunnen losse huishoudens geen warmtebedrijf zijn." in ranking


def test_organisation_advisor_shows_form_errors_instead_of_a_ranking(member: Client) -> None:
    page = member.get(MODELS, {**facts(24), "connections_expected": "-3"}).content.decode()
    assert "Een aantal aansluitingen kan niet negatief zijn." in page
    assert "app-ranking" not in page


# --- the gemeente's role ---


def test_gemeente_role_shows_the_three_strategies_with_what_they_ask(member: Client) -> None:
    r = member.get(GEMEENTE)
    assert r.status_code == 200
    page = r.content.decode()
    assert "1. Losse initiatieven steunen" in page
    assert "2. Partner faciliteren in buurtaanpak" in page
    assert "3. Gemeente trekkende rol in buurtaanpak" in page
    assert "initiatief met slagkracht en draagvlak" in page
    assert "Ontheffingen verlenen voor kleine collectieve warmtesystemen" in page
    assert "Mix organisch / planmatig" in page
