"""The seed deck's three organisation models, their business-case defaults and the advisor."""

from datetime import date
from decimal import Decimal

import pytest

from juridisch import texts
from juridisch.organisation import (
    AdviceReason,
    FeeModel,
    Investor,
    OrgModel,
    OrgPreferences,
    VatTreatment,
    financing,
    profile,
    profiles,
    rank_models,
)
from juridisch.regime import Regime
from juridisch.rules import Initiative, Ownership, RegimeFacts

ON = date(2027, 6, 1)


def test_three_models_in_the_seed_order_with_the_seed_names() -> None:
    assert [(p.model, p.model.label) for p in profiles()] == [
        (OrgModel.ZELFBEHEER, "Zelfbeheer + individuele financiering"),
        (OrgModel.COOPERATIE, "Lokale energiecoöperatie"),
        (OrgModel.MARKTPARTNER, "Marktpartner"),
    ]


# Copied from the seed deck ("Drie modellen voor organisatie & financiering"), Kansen/Uitdagingen.
@pytest.mark.parametrize(
    ("model", "opportunities", "challenges"),
    [
        pytest.param(
            OrgModel.ZELFBEHEER,
            ("Aantrekkelijke voorwaarden leningen", "Meest haalbaar <= 10 deelnemers"),
            ("Leenbereidheid", "Oplossing huishoudens kredietruimte"),
            id="zelfbeheer",
        ),
        pytest.param(
            OrgModel.COOPERATIE,
            ("(deel) investering bij bewoner weg", "Crowdfunding / participatie gemeente"),
            ("Organisatie WCW proof", "Financierbaarheid", "Juridische complicaties?"),
            id="cooperatie",
        ),
        pytest.param(
            OrgModel.MARKTPARTNER,
            (
                "(deel) investering bij bewoner weg",
                "Beschikbaar op korte termijn",
                "ESCO / warmtepomp huren",
            ),
            ("Afhankelijk marktpartij", "Hogere lasten bewoners?", "Juridische complicaties?"),
            id="marktpartner",
        ),
    ],
)
def test_opportunities_and_challenges_keep_the_seed_wording(
    model: OrgModel, opportunities: tuple[str, ...], challenges: tuple[str, ...]
) -> None:
    p = profile(model)
    assert (p.opportunities, p.challenges) == (opportunities, challenges)
    assert p.fits_when
    assert p.regime_implication
    assert p.source


@pytest.mark.parametrize(
    ("model", "investor", "discount_pct", "vat", "fee"),
    [
        pytest.param(OrgModel.ZELFBEHEER, Investor.HOUSEHOLDS, Decimal(3),
                     VatTreatment.HOUSEHOLD_PAYS_VAT, FeeModel.SHARED_COSTS,
                     id="zelfbeheer_households_invest_social_rate"),
        pytest.param(OrgModel.COOPERATIE, Investor.COOPERATIVE, Decimal(5),
                     VatTreatment.ENTITY_DEDUCTS_VAT, FeeModel.HEAT_TARIFF,
                     id="cooperatie_invests_cooperative_rate"),
        pytest.param(OrgModel.MARKTPARTNER, Investor.MARKET_PARTY, Decimal(7),
                     VatTreatment.ENTITY_DEDUCTS_VAT, FeeModel.LEASE_OR_HEAT_TARIFF,
                     id="marktpartner_invests_market_rate"),
    ],
)  # fmt: skip
def test_business_case_inputs_per_model(
    model: OrgModel, investor: Investor, discount_pct: Decimal, vat: VatTreatment, fee: FeeModel
) -> None:
    f = financing(model)
    assert f is profile(model).financing
    assert (f.investor.value, f.discount_rate_pct.value) == (investor, discount_pct)
    assert (f.vat_treatment.value, f.fee_model.value) == (vat, fee)
    assert f.vat_rate_pct.value == Decimal(21)
    assert f.vat_rate_pct.confirmed
    # Discount rates are rules of thumb (domain research §7 [U]); they must say so.
    assert not f.discount_rate_pct.confirmed


def test_zelfbeheer_uses_warmtefonds_loan_terms() -> None:
    f = financing(OrgModel.ZELFBEHEER)
    assert f.loan_rate_low_income_pct is not None
    assert f.loan_low_income_limit_eur is not None
    assert f.loan_max_eur is not None
    assert f.loan_rate_pct is not None
    assert (f.loan_rate_low_income_pct.value, f.loan_low_income_limit_eur.value) == (0, 60000)
    assert f.loan_max_eur.value == 27000
    assert f.loan_rate_pct.value == Decimal("4.35")
    assert financing(OrgModel.COOPERATIE).loan_rate_pct is None


@pytest.mark.parametrize("model", list(OrgModel), ids=[m.value for m in OrgModel])
def test_every_default_has_a_source_and_a_dutch_name(model: OrgModel) -> None:
    for name, sourced in financing(model).assumptions():
        assert sourced.source
        assert sourced.unit
        assert texts.ASSUMPTION_LABELS[name]


def test_designation_is_possible_only_for_organised_models() -> None:
    assert Regime.BASIS not in profile(OrgModel.ZELFBEHEER).possible_regimes
    assert Regime.BASIS in profile(OrgModel.COOPERATIE).possible_regimes


def _facts(
    homes: int,
    initiative: Initiative,
    ownership: Ownership | None = None,
    prospect: bool = False,
) -> RegimeFacts:
    return RegimeFacts(
        connections_now=0,
        connections_expected=homes,
        initiative=initiative,
        ownership=ownership or Ownership(),
        prospect_above_max=prospect,
    )


@pytest.mark.parametrize(
    ("f", "preferences", "order"),
    [
        pytest.param(_facts(6, Initiative.RESIDENTS), OrgPreferences(households_can_borrow=True),
                     (OrgModel.ZELFBEHEER, OrgModel.COOPERATIE, OrgModel.MARKTPARTNER),
                     id="six_homes_residents_who_can_borrow_zelfbeheer"),
        pytest.param(_facts(10, Initiative.RESIDENTS), None,
                     (OrgModel.ZELFBEHEER, OrgModel.COOPERATIE, OrgModel.MARKTPARTNER),
                     id="ten_homes_is_still_the_zelfbeheer_size"),
        pytest.param(_facts(8, Initiative.RESIDENTS),
                     OrgPreferences(households_can_borrow=False, residents_invest=False),
                     (OrgModel.COOPERATIE, OrgModel.MARKTPARTNER, OrgModel.ZELFBEHEER),
                     id="eight_homes_no_loans_no_investment_cooperative"),
        pytest.param(_facts(80, Initiative.RESIDENTS, Ownership(community_pct=Decimal(100))),
                     None, (OrgModel.COOPERATIE, OrgModel.MARKTPARTNER, OrgModel.ZELFBEHEER),
                     id="eighty_homes_owned_by_a_residents_cooperative"),
        pytest.param(_facts(40, Initiative.MARKET, Ownership(market_pct=Decimal(100))),
                     OrgPreferences(quick_start=True),
                     (OrgModel.MARKTPARTNER, OrgModel.COOPERATIE, OrgModel.ZELFBEHEER),
                     id="market_party_offers_a_quick_start"),
        pytest.param(_facts(2000, Initiative.RESIDENTS), None,
                     (OrgModel.COOPERATIE, OrgModel.MARKTPARTNER, OrgModel.ZELFBEHEER),
                     id="two_thousand_homes_basis_rules_out_zelfbeheer"),
        pytest.param(_facts(200, Initiative.GEMEENTE, Ownership(public_pct=Decimal(60))), None,
                     (OrgModel.COOPERATIE, OrgModel.MARKTPARTNER, OrgModel.ZELFBEHEER),
                     id="gemeente_designates_200_homes"),
    ],
)  # fmt: skip
def test_advisor_ranks_the_models(
    f: RegimeFacts, preferences: OrgPreferences | None, order: tuple[OrgModel, ...]
) -> None:
    advice = rank_models(f, on=ON, preferences=preferences)
    assert tuple(a.model for a in advice) == order
    assert [a.rank for a in advice] == [1, 2, 3]
    assert [a.score for a in advice if a.feasible] == sorted(
        (a.score for a in advice if a.feasible), reverse=True
    )


def test_advisor_explains_each_score() -> None:
    advice = rank_models(
        _facts(6, Initiative.RESIDENTS),
        on=ON,
        preferences=OrgPreferences(households_can_borrow=True),
    )
    best = advice[0]
    assert best.score == sum(f.points for f in best.factors) == 6
    assert [f.reason for f in best.factors] == [
        AdviceReason.MOST_FEASIBLE_SMALL,
        AdviceReason.RESIDENTS_LEAD,
        AdviceReason.ATTRACTIVE_LOANS,
    ]
    assert best.factors[0].reason.label.startswith("Maximaal 10 deelnemers")
    assert all(f.source for f in best.factors)


def test_advisor_marks_zelfbeheer_infeasible_under_designation() -> None:
    advice = rank_models(_facts(40, Initiative.RESIDENTS, prospect=True), on=ON)
    zelfbeheer = next(a for a in advice if a.model is OrgModel.ZELFBEHEER)
    assert not zelfbeheer.feasible
    assert zelfbeheer.rank == 3
    assert any(
        f.blocks and f.reason is AdviceReason.NO_DESIGNATION_FOR_HOUSEHOLDS
        for f in zelfbeheer.factors
    )
