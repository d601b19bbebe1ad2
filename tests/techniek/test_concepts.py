"""The concept catalogue: every concept from the seed deck in plain Dutch, where mini networks
fit, and the nine proeftuinen. No pilot data, so every logged-in user may read it (the
permission matrix covers who gets in)."""

import pytest
from django.test import Client
from django.urls import reverse

from techniek import catalogue
from techniek.calc import Concept
from tests.conftest import Cast

CONCEPTS = reverse("techniek:concepts")


@pytest.fixture
def member(client: Client, cast: Cast) -> Client:
    client.force_login(cast.gemeente_other)
    return client


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<section class="app-section" id="{anchor}"')
    return page[start : page.index("</section>", start)]


def test_mini_section_has_the_key_choice_and_the_light_and_heavy_concepts(member: Client) -> None:
    page = member.get(CONCEPTS).content.decode()
    mini = _section(page, "mini")
    for name in (
        "Bodemlus variant cluster",
        "Bodemlus variant ringnet",
        "PVT met individuele warmtepompen",
        "Horizontale bodemlussen",
        "Oppervlaktewater (aquathermie) op ringnet",
        "Zonthermie + MT-opslag en warmtepomp",
        "MT-luchtwarmtepomp (collectief)",
    ):
        assert f">{name}</h3>" in mini
    assert mini.count(">hoofdvariant</span>") == 2
    assert mini.count(">licht</span>") == 3
    assert mini.count(">zwaar</span>") == 2


def test_kleinschalig_section_lists_the_six_concepts_of_the_seed_deck(member: Client) -> None:
    page = member.get(CONCEPTS).content.decode()
    klein = _section(page, "kleinschalig")
    for name in (
        "WKO (bodemenergie, open systeem)",
        "Aquathermie (TEO met WKO)",
        "Lokale restwarmte",
        "MT-luchtwarmtepomp (collectief)",
        "ZLT-net (zeer lage temperatuur)",
        "Modulair energieconcept",
    ):
        assert f">{name}</h3>" in klein
    assert "Het seed deck noemt WKO vanaf ongeveer 100 woningen." in klein


def test_each_card_explains_when_it_fits_and_its_assumptions_with_sources(member: Client) -> None:
    page = member.get(CONCEPTS).content.decode()
    cards = page.count('class="app-tk-card" id="')
    assert cards == len(catalogue.MINI) + len(catalogue.KLEINSCHALIG) + 3 + len(catalogue.AREAS)
    assert page.count("<strong>Past bij:</strong>") == cards - len(catalogue.AREAS)
    ring = page[page.index('id="mini-bodemlus_ringnet"') :]
    ring = ring[: ring.index("</li>")]
    assert "PE-leiding in de straat, per meter" in ring
    assert "€ 250/m" in ring
    assert "Bron: vuistregel (onbevestigd): PE-bronnet in openbare straat (€ 150–400)" in ring
    assert "Warmtegeleiding van de bodem" in ring
    assert "2,2 W/m·K" in ring


def test_where_to_use_mini_networks_links_to_an_example_quickscan(member: Client) -> None:
    page = member.get(CONCEPTS).content.decode()
    where = _section(page, "waar")
    for area in ("Villawijk", "Rijwoningen", "Hoogbouw"):
        assert f">{area}</h3>" in where
    assert "/techniek/quickscan/?detached=12&amp;construction_period=1975_1991" in where
    for area in catalogue.AREAS:
        assert member.get(f"{reverse('techniek:quickscan')}?{area.query}").status_code == 200


def test_the_nine_proeftuinen_with_homes_and_technique(member: Client) -> None:
    page = member.get(CONCEPTS).content.decode()
    table = _section(page, "proeftuinen")
    assert table.count('<th class="utrecht-table__header-cell" scope="row">') == 9
    assert "Katwijk Kalkhoven</th>" in table
    assert "Restwarmte tuinbouw" in table
    assert ">263<" in table
    assert ">39<" in table
    assert "Bron: Seed deck, dia ‘Proeftuinen &lt;300 deelnemers’" in table
    # Each technique links to a card that exists on the page.
    assert f'href="#kleinschalig-{Concept.RESTWARMTE}"' in table
    assert f'id="kleinschalig-{Concept.RESTWARMTE}"' in page
    assert f'id="referentie-{Concept.HYBRID_HP}"' in page


def test_no_pilot_data_on_the_catalogue(member: Client, cast: Cast) -> None:
    page = member.get(CONCEPTS).content.decode()
    assert cast.pilot.name not in page
    assert cast.other_pilot.name not in page
    assert 'aria-current="page">Techniek</a>' in page  # the main menu marks the section


def test_english_rendering(member: Client) -> None:
    member.cookies["django_language"] = "en"
    page = member.get(CONCEPTS).content.decode()
    assert '<html lang="en"' in page
    assert "Where to use mini heat networks?" in page
    assert "Borehole loop, cluster variant" in page
    assert ">light</span>" in page
    assert ">heavy</span>" in page
    assert "Fits:" in page
    assert "Waar mini-warmtenetten inzetten?" not in page
