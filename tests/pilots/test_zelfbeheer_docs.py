"""Model members' agreement and statute for zelfbeheer (issue 20): filled with the pilot's facts,
DOCX, a template for a notary; a clear message for the other organisation models."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from juridisch.text_catalog import translate
from pilots import zelfbeheer_docs
from pilots.bestek import concept_result
from pilots.documents import DOCX_CONTENT_TYPE, docx_text
from pilots.member_shares import member_shares
from pilots.models import Commitment, Household, Pilot
from pilots.models.pilot import ORG_MODELS
from techniek.calc import Concept
from techniek.calc.costs import Component, CostBreakdown, CostCategory, CostLine
from techniek.templatetags.money import euro
from tests.conftest import Cast


def _line(component: Component, category: CostCategory, capex: int, om: int, life: int | None):
    return CostLine(component, category, Decimal(capex), Decimal(om), life)


def test_member_shares_split_the_shared_parts_and_reserve_for_replacement() -> None:
    costs = CostBreakdown(
        homes=10,
        lines=(
            _line(Component.BOREHOLES, CostCategory.SOURCE, 100_000, 500, 50),
            _line(Component.CLUSTER_PIPES, CostCategory.NETWORK, 40_000, 400, 40),
            _line(Component.ENGINEERING, CostCategory.ENGINEERING, 20_000, 0, None),
            _line(Component.WATER_HEAT_PUMPS, CostCategory.IN_HOME, 120_000, 1_200, 15),
        ),
    )
    s = member_shares(costs, write_off_years=40)
    # Shared: 160,000 over 10 members; own: the heat pumps, 12,000 each.
    assert (s.shared_per_member_eur, s.own_per_member_eur) == (Decimal(16_000), Decimal(12_000))
    # Fund: O&M 500 + 400; reserve 100,000/50 + 40,000/40 = 3,000; per member 390.
    assert (s.fund_om_eur_per_year, s.fund_reserve_eur_per_year) == (Decimal(900), Decimal(3000))
    assert s.fund_per_member_eur_per_year == Decimal(390)
    assert s.book_value_eur(10) == Decimal(12_000)  # 30 of 40 years left
    assert s.book_value_eur(50) == Decimal(0)


def _set(pilot: Pilot, org_model: str, concept: str = "bodemlus_cluster") -> None:
    Pilot.objects.filter(pk=pilot.pk).update(org_model=org_model, concept=concept)
    pilot.refresh_from_db()


def _url(pilot: Pilot, kind: str, form: str = "") -> str:
    url = reverse("pilots:document", args=[pilot.pk, kind, "docx"])
    return f"{url}?vorm={form}" if form else url


@pytest.mark.parametrize("kind", ["ledenovereenkomst", "statuten"])
@pytest.mark.parametrize("form", ["vereniging", "cooperatie"])
def test_zelfbeheer_documents_carry_the_pilot_facts(
    client: Client, cast: Cast, kind: str, form: str
) -> None:
    _set(cast.pilot, "zelfbeheer")
    Household.objects.filter(pk=cast.household.pk).update(commitment=Commitment.SIGNED)
    client.force_login(cast.gemeente_utrecht)
    response = client.get(_url(cast.pilot, kind, form))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    text = docx_text(response.content)
    result, _inputs = concept_result(cast.pilot, Concept.BODEMLUS_CLUSTER)
    shares = member_shares(result.costs, 40)
    assert "te laten beoordelen door een notaris" in text
    assert f"Deelnemende woningen in de berekening\n{result.homes}" in text
    assert euro(shares.shared_per_member_eur) in text
    assert euro(shares.fund_per_member_eur_per_year) in text
    assert "Huishoudens met een getekend contract" in text
    # The Wcw obligations of the Juridisch tab's check, in its words.
    check = zelfbeheer_docs.facts(
        cast.pilot, zelfbeheer_docs.LegalForm(form), timezone.localdate()
    ).check
    first = check.obligations[0]
    assert translate(first.text, check.text_params) in text
    if form == "cooperatie":
        assert "U.A." in text
        assert "2:53" in text
    else:
        assert "Vereniging [[IN TE VULLEN: naam]]" in text
        assert "2:53" not in text
    if kind == "statuten":
        assert "art. 2:27 lid 4" in text
    else:
        assert euro(shares.fund_reserve_eur_per_year) in text  # the replacement reserve
        assert "kettingbeding" in text


def test_shares_add_up_to_the_investment_of_the_techniek_tab(cast: Cast) -> None:
    _set(cast.pilot, "zelfbeheer")
    f = zelfbeheer_docs.facts(
        cast.pilot, zelfbeheer_docs.LegalForm.VERENIGING, timezone.localdate()
    )
    result, _inputs = concept_result(cast.pilot, Concept.BODEMLUS_CLUSTER)
    total = f.shares.shared_capex_eur + f.shares.own_per_member_eur * f.shares.members
    assert abs(total - result.costs.capex_eur) <= Decimal("0.01") * f.shares.members


@pytest.mark.parametrize(
    "org_model", [value for value, _label in ORG_MODELS if value != "zelfbeheer"] + [""]
)
def test_other_organisation_models_get_a_clear_message(
    client: Client, cast: Cast, org_model: str
) -> None:
    _set(cast.pilot, org_model)
    client.force_login(cast.kwartiermaker)
    message = zelfbeheer_docs.unavailable(cast.pilot)
    assert message
    assert "zelfbeheer" in message
    response = client.get(_url(cast.pilot, "statuten"))
    assert response.status_code == 409
    assert message.split(".")[0] in response.content.decode()
    with pytest.raises(zelfbeheer_docs.NotZelfbeheer):
        zelfbeheer_docs.facts(
            cast.pilot, zelfbeheer_docs.LegalForm.VERENIGING, timezone.localdate()
        )


def test_without_a_chosen_concept_the_default_concept_is_named_as_such(cast: Cast) -> None:
    _set(cast.pilot, "zelfbeheer", concept="")
    doc = zelfbeheer_docs.build(
        cast.pilot,
        zelfbeheer_docs.Kind.AGREEMENT,
        zelfbeheer_docs.LegalForm.VERENIGING,
        timezone.localdate(),
    )
    assert "(standaardkeuze)" in doc.text()


def test_an_unknown_legal_form_falls_back_to_a_vereniging(client: Client, cast: Cast) -> None:
    _set(cast.pilot, "zelfbeheer")
    client.force_login(cast.kwartiermaker)
    text = docx_text(client.get(_url(cast.pilot, "statuten", "bv")).content)
    assert "Vereniging [[IN TE VULLEN: naam]]" in text
