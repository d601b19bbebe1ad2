"""The quick scan: a street described in the query string → every concept compared, the
cluster-or-ring chart and the "Aannames en bronnen" table. No pilot data; bad input gives a Dutch
message in place of the result, never a 500."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from techniek.calc import assumption_rows
from tests.conftest import Cast

QUICKSCAN = reverse("techniek:quickscan")
HTMX = {"HX-Request": "true", "HX-Target": "quickscan-result"}


def street(**extra: str) -> dict[str, str]:
    return {"mid_terrace": "20", "end_terrace": "4", "construction_period": "1975_1991", **extra}


@pytest.fixture
def member(client: Client, cast: Cast) -> Client:
    client.force_login(cast.gemeente_utrecht)
    return client


def _capex(page: str, concept: str) -> str:
    match = re.search(rf'data-testid="capex-{concept}">([^<]+)<', page)
    assert match, concept
    return match.group(1)


def _chart(page: str) -> dict:
    match = re.search(
        r'<script id="cluster-ring-data" type="application/json">(.*?)</script>', page, re.S
    )
    assert match
    return json.loads(match.group(1))


def test_opens_on_an_example_street_with_the_comparison(member: Client) -> None:
    r = member.get(QUICKSCAN)
    assert r.status_code == 200
    page = r.content.decode()
    assert 'action="/techniek/quickscan/"' in page
    assert 'method="get"' in page
    assert 'hx-target="#quickscan-result"' in page
    assert 'id="comparison-table"' in page
    assert 'value="20"' in page  # the example's mid-terraces are in the form
    assert "Bodemlus variant ringnet" in page
    assert _capex(page, "bodemlus_ringnet").startswith("€ ")
    assert "Past mogelijk" in page
    assert "Past goed" in page
    # Reasons in plain Dutch, the estimated demand said once above the table.
    assert "Woningen onder label B moeten eerst isoleren" in page
    assert page.count("geschat uit woningtype en bouwperiode") == 1
    # Kleinschalig concepts are left out for 24 homes, with the reason.
    assert "Het aantal woningen past niet bij de gebruikelijke schaal van dit concept." in page


def test_shows_the_cluster_or_ring_chart_and_its_table(member: Client) -> None:
    page = member.get(QUICKSCAN, street(street_length_m="132")).content.decode()
    fig = _chart(page)
    assert fig["data"][0]["name"] == "Ringnet"
    assert len(fig["data"]) == 5  # ring and four cluster sizes; no break-even without regeneration
    assert 'data-chart="cluster-ring-data"' in page
    assert "Bij deze straat: 5,5 m straat per woning" in page
    assert "Cluster altijd goedkoper" in page
    assert "Waar het verschil zit, bij clusters van 6 woningen" in page
    assert "Boormeters" in page
    assert "Pompstroom per jaar" in page
    assert "Komt er een groep van 6 woningen bij op 50 m van de straat" in page
    # The plotly bundle and charts.js are loaded without inline scripts.
    assert 'src="/static/vendor/plotly-basic-4.1.1.min.js" defer' in page
    assert "<script>" not in page


def test_the_street_length_changes_the_ring_but_not_the_references(member: Client) -> None:
    short = member.get(QUICKSCAN, street(street_length_m="100")).content.decode()
    long = member.get(QUICKSCAN, street(street_length_m="600")).content.decode()
    assert _capex(short, "bodemlus_ringnet") != _capex(long, "bodemlus_ringnet")
    assert _capex(short, "gas_boiler") == _capex(long, "gas_boiler") == "€ 60.000"
    assert "Meer dan 15 m straatleiding per woning" in long  # 25 m per home
    assert "Meer dan 15 m straatleiding per woning" not in short
    assert _chart(short)["layout"]["shapes"][0]["x0"] == pytest.approx(100 / 24)


def test_without_a_street_length_it_is_estimated_from_the_building_types(member: Client) -> None:
    page = member.get(QUICKSCAN, street()).content.decode()
    assert "Straatlengte (geschat)" in page
    assert ">142 m<" in page  # 20 × 5.5 m + 4 × 8 m of frontage


def test_a_link_with_only_counts_uses_the_default_period(member: Client) -> None:
    page = member.get(QUICKSCAN, {"detached": "12"}).content.decode()
    assert 'id="comparison-table"' in page
    assert '<option value="1975_1991" selected>' in page


def test_kleinschalig_runs_the_neighbourhood_concepts_without_the_cluster_chart(
    member: Client,
) -> None:
    page = member.get(
        QUICKSCAN,
        {
            "apartment": "1.200",  # Dutch thousands separator
            "mid_terrace": "300",
            "surface_water": "on",
            "aquifer": "yes",
            "waste_heat_kw": "2000",
        },
    ).content.decode()
    assert "Kleinschalig warmtenet (51–1.500 woningen)" in page
    for concept in ("wko", "aquathermie_wko", "restwarmte", "zlt_network", "modular"):
        assert f'data-concept="{concept}"' in page
    assert "cluster-ring-data" not in page
    assert "hoort bij mini-warmtenetten tot 50 woningen" in page


def test_htmx_gets_only_the_result_fragment(member: Client) -> None:
    r = member.get(QUICKSCAN, street(street_length_m="200"), headers=HTMX)
    assert r.status_code == 200
    assert r.content.decode().lstrip().startswith('<section id="quickscan-result"')
    assert b"<html" not in r.content
    assert b"<form" not in r.content
    assert b'id="comparison-table"' in r.content
    assert b'id="cluster-ring-data"' in r.content
    assert b"Aannames en bronnen" not in r.content  # the same for every street: page only
    assert "HX-Request" in r["Vary"]  # a browser cache keeps the page and the fragment apart


def test_the_assumptions_table_lists_every_parameter_with_its_source(member: Client) -> None:
    page = member.get(QUICKSCAN).content.decode()
    assert "Aannames en bronnen" in page
    for row in assumption_rows():
        assert f'<code class="app-tk-key">{row.key}</code>' in page
    assert "CBS 81528NED, Venlo 2021 (voorlopig), tussenwoning" in page
    assert "Warmtewet: beschermde verbruiker ≤ 100 kW" in page
    assert page.count(">onbevestigd</span>") == sum(
        not row.sourced.confirmed for row in assumption_rows()
    )


BAD_INPUT = [
    pytest.param({"apartment": "-1"}, "Dit getal kan niet negatief zijn.", id="negative-homes"),
    pytest.param({"mid_terrace": "veel"}, "Vul een heel getal in, zonder komma.", id="text"),
    pytest.param({"mid_terrace": "2,5"}, "Vul een heel getal in, zonder komma.", id="decimal"),
    pytest.param(
        {"mid_terrace": "99999999999999999999999999"},
        "Vul hoogstens 1.500 woningen per type in.",
        id="huge-homes",
    ),
    pytest.param(
        {"mid_terrace": "1000", "end_terrace": "1000"},
        "Samen meer dan 1.500 woningen: dat is een grootschalig warmtenet.",
        id="grootschalig",
    ),
    pytest.param(
        {"mid_terrace": "1", "end_terrace": "0"},
        "Vul samen minstens 2 woningen in",
        id="one-home",
    ),
    pytest.param(
        {"street_length_m": "-40"}, "Dit getal kan niet negatief zijn.", id="negative-street"
    ),
    pytest.param({"street_length_m": "1e9"}, "Vul een heel getal in, zonder komma.", id="exponent"),
    pytest.param(
        {"street_length_m": "1000000"}, "Vul hoogstens 100.000 meter in.", id="huge-street"
    ),
    pytest.param({"waste_heat_kw": "NaN"}, "Vul een heel getal in, zonder komma.", id="nan"),
    pytest.param({"waste_heat_kw": "inf"}, "Vul een heel getal in, zonder komma.", id="infinity"),
    pytest.param(
        {"construction_period": "1800"}, "Kies een bouwperiode uit de lijst.", id="period"
    ),
    pytest.param({"aquifer": "misschien"}, "Kies ja, nee of onbekend.", id="aquifer"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_INPUT)
def test_bad_input_gives_a_dutch_message_in_place_of_the_result(
    member: Client, bad: dict[str, str], message: str
) -> None:
    for headers in ({}, HTMX):
        r = member.get(QUICKSCAN, street(**bad), headers=headers)
        assert r.status_code == 422  # base.html configures htmx to swap a 422
        page = r.content.decode()
        assert message in page
        assert 'role="alert"' in page
        assert 'id="comparison-table"' not in page
        assert "cluster-ring-data" not in page


def test_the_error_links_to_its_field(member: Client) -> None:
    page = member.get(QUICKSCAN, street(apartment="-3")).content.decode()
    assert '<a class="utrecht-link" href="#id_apartment">Appartementen</a>' in page


def test_no_queries_beyond_the_session(member: Client) -> None:
    with CaptureQueriesContext(connection) as ctx:
        assert member.get(QUICKSCAN, street()).status_code == 200
    assert len(ctx) <= 2  # session and user; the quick scan reads no pilot data


def test_english_rendering(member: Client) -> None:
    member.cookies["django_language"] = "en"
    page = member.get(QUICKSCAN, street(street_length_m="132")).content.decode()
    assert '<html lang="en"' in page
    assert "Quick scan: which concept suits this street?" in page
    assert "Borehole loop, ring network variant" in page
    assert "Fits possibly" not in page  # sanity: the labels are real English
    assert "Possible fit" in page
    assert "€ 60,000" in page  # English separators
    assert "Assumptions and sources" in page
    assert _chart(page)["data"][0]["name"] == "Ring network"
    assert _chart(page)["layout"]["separators"] == ".,"


def test_english_errors(member: Client) -> None:
    member.cookies["django_language"] = "en"
    page = member.get(QUICKSCAN, street(apartment="-1")).content.decode()
    assert "This number cannot be negative." in page
