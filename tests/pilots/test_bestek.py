"""Voorbeeld bestek (issue 20): DOCX and PDF from the chosen concept, the techniek tab's figures."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pilots import bestek
from pilots.documents import DOCX_CONTENT_TYPE, docx_text
from pilots.models import Pilot
from pilots.models.pilot import NETWORK_CONCEPTS
from techniek.calc import Concept
from techniek.templatetags.money import euro
from tests.conftest import Cast


def _url(pilot: Pilot, fmt: str) -> str:
    return reverse("pilots:document", args=[pilot.pk, "bestek", fmt])


def _choose(pilot: Pilot, concept: str) -> None:
    Pilot.objects.filter(pk=pilot.pk).update(concept=concept)
    pilot.refresh_from_db()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_without_a_chosen_concept_the_tab_says_so(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    page = client.get(reverse("pilots:documents", args=[cast.pilot.pk])).content.decode()
    assert "Er is nog geen concept gekozen voor deze pilot." in page
    response = client.get(_url(cast.pilot, "docx"))
    assert response.status_code == 409
    assert "Er is nog geen concept gekozen voor deze pilot." in response.content.decode()
    with pytest.raises(bestek.NoConcept):
        bestek.build(cast.pilot, timezone.localdate())


def test_docx_has_the_figures_of_the_techniek_tab(client: Client, cast: Cast) -> None:
    _choose(cast.pilot, Concept.BODEMLUS_CLUSTER)
    client.force_login(cast.gemeente_utrecht)
    page = client.get(reverse("pilots:techniek", args=[cast.pilot.pk])).content.decode()
    capex = re.search(r'data-testid="capex-bodemlus_cluster">([^<]+)<', page).group(1)
    response = client.get(_url(cast.pilot, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    text = docx_text(response.content)
    result, _inputs = bestek.concept_result(cast.pilot, Concept.BODEMLUS_CLUSTER)
    metres = f"{bestek._n(result.sizing.borehole_m)} m"
    assert capex in text  # the page's investment, printed the same
    assert metres in page
    assert metres in text
    assert f"{result.sizing.borehole_count} verticale boringen" in text
    assert f"{result.sizing.individual_heat_pumps} stuks, samen" in text
    assert "[[IN TE VULLEN:" in text
    assert "CONCEPT – voorbeeldtekst" in text


@pytest.mark.parametrize("concept", [value for value, _label in NETWORK_CONCEPTS])
def test_docx_renders_for_every_concept(cast: Cast, concept: str) -> None:
    _choose(cast.pilot, concept)
    document = bestek.build(cast.pilot, timezone.localdate())
    result, _inputs = bestek.concept_result(cast.pilot, Concept(concept))
    from pilots.documents import to_docx

    text = docx_text(to_docx(document))
    assert result.name_nl in text
    assert euro(result.costs.capex_eur) in text
    assert f"{result.homes} stuks" in text  # heat meters, one per home


@pytest.fixture
def pdftotext() -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("poppler-utils not installed (apt-get install poppler-utils)")
    return tool


@pytest.mark.parametrize("concept", [Concept.BODEMLUS_RINGNET, Concept.COLLECTIVE_MT_AIR_HP])
def test_pdf_has_the_same_figures_as_the_docx(
    client: Client, cast: Cast, pdftotext: str, tmp_path: Path, concept: Concept
) -> None:
    _choose(cast.pilot, concept)
    client.force_login(cast.kwartiermaker)
    response = client.get(_url(cast.pilot, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "bestek.pdf"
    path.write_bytes(response.content)
    pdf = subprocess.run(
        [pdftotext, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True
    ).stdout
    result, _inputs = bestek.concept_result(cast.pilot, concept)
    for figure in (
        euro(result.costs.capex_eur),
        euro(result.costs.capex_per_home_eur),
        f"{bestek._n(result.sizing.pipe_m)} m",
        f"{result.homes} stuks",
    ):
        assert _squash(figure) in _squash(pdf), figure
    assert _squash("[[IN TE VULLEN:") in _squash(pdf)


def test_unknown_document_or_format_is_404(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    assert (
        client.get(reverse("pilots:document", args=[cast.pilot.pk, "bestek", "odt"])).status_code
        == 404
    )
    assert (
        client.get(reverse("pilots:document", args=[cast.pilot.pk, "x", "pdf"])).status_code == 404
    )


def test_without_a_register_the_plan_area_is_specified_and_said_so(cast: Cast) -> None:
    _choose(cast.other_pilot, Concept.BODEMLUS_RINGNET)  # Zeist, 24 homes, no households
    text = bestek.build(cast.other_pilot, timezone.localdate()).text()
    assert "Aantal aangesloten woningen: 24." in text
    assert "Er is nog geen huishoudregister" in text


def test_the_documents_tab_has_a_plain_title_and_each_section_once(
    client: Client, cast: Cast
) -> None:
    # A section had slipped into the <title> block: the tab's title held a whole form of links.
    client.force_login(cast.kwartiermaker)
    page = client.get(reverse("pilots:documents", args=[cast.pilot.pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith(f"Documenten · {cast.pilot.name}")
    assert "<" not in title
    assert page.count('id="zelfbeheer-title"') == 1
