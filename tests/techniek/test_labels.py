"""Every engine code has a Dutch label; thresholds in the texts follow the assumptions."""

from decimal import Decimal

import pytest
from django.utils import translation

from techniek import catalogue, labels
from techniek.calc import (
    CATALOGUE,
    DEFAULTS,
    BuildingType,
    Comparison,
    Concept,
    ConstructionPeriod,
    Fit,
    HouseholdInput,
    SiteInput,
    Warning,
    assumption_rows,
    compare_concepts,
    with_overrides,
)
from techniek.calc.parameters import SOURCED
from techniek.templatetags import techniek_labels


def test_every_code_has_a_label() -> None:
    assert set(labels.CONCEPTS) == set(Concept)
    assert set(labels.FITS) == set(labels.FIT_BADGES) == set(Fit)
    assert set(labels.BUILDING_TYPES) == set(BuildingType)
    assert set(labels.CONSTRUCTION_PERIODS) == set(ConstructionPeriod)
    assert {row.key.partition(".")[0] for row in assumption_rows()} == set(labels.ASSUMPTION_GROUPS)
    with translation.override("nl"):
        assert all(labels.warning_text(w) for w in Warning)


def test_dutch_concept_names_match_the_engine_names_of_the_seed_deck() -> None:
    # The engine keeps the seed deck's wording; only the hyphenation of one reference differs.
    with translation.override("nl"):
        differ = {c for c in Concept if str(labels.CONCEPTS[c]) != CATALOGUE[c].name_nl}
    assert differ == {Concept.INDIVIDUAL_AIR_HP}


def test_every_parameter_name_belongs_to_a_real_parameter() -> None:
    assert set(labels.ASSUMPTIONS) <= set(SOURCED)


def test_every_parameter_has_a_dutch_and_an_english_name() -> None:
    # Engine and business case together: the "Aannames" tab and the PDF show these names.
    keys = set(SOURCED)
    assert keys - set(labels.ASSUMPTIONS) == set()
    with translation.override("nl"):
        dutch = {k: str(labels.ASSUMPTIONS[k]) for k in keys}
    with translation.override("en"):
        english = {k: str(labels.ASSUMPTIONS[k]) for k in keys}
    assert all(dutch.values())
    assert {k for k in keys if english[k] == dutch[k]} == set()
    assert len(set(dutch.values())) == len(keys)  # no two parameters under one name


def test_catalogue_covers_every_concept_with_known_key_assumptions() -> None:
    keys = {row.key for row in assumption_rows()}
    shown = {
        c
        for section in (catalogue.MINI, catalogue.KLEINSCHALIG, catalogue.REFERENCES)
        for c, _ in section
    }
    assert shown == set(Concept) == set(catalogue.TEXTS)
    for concept, text in catalogue.TEXTS.items():
        assert set(text.key_assumptions) <= keys, concept
        # The catalogue names each key assumption in plain Dutch, not only by its code.
        assert set(text.key_assumptions) <= set(labels.ASSUMPTIONS), concept


def test_seed_deck_light_and_heavy_classes() -> None:
    weights = dict(catalogue.MINI)
    assert weights[Concept.PVT_RING] is catalogue.Weight.LIGHT
    assert weights[Concept.HORIZONTAL_LOOPS] is catalogue.Weight.LIGHT
    assert weights[Concept.AQUATHERMIE_RING] is catalogue.Weight.LIGHT
    assert weights[Concept.ZONTHERMIE_MT] is catalogue.Weight.HEAVY
    assert weights[Concept.COLLECTIVE_MT_AIR_HP] is catalogue.Weight.HEAVY


def test_warning_thresholds_come_from_the_assumptions() -> None:
    stricter = with_overrides(DEFAULTS, {"energy.long_network_m_per_home": 12})
    with translation.override("nl"):
        assert "15 m" in labels.warning_text(Warning.LONG_NETWORK_PER_HOME)
        assert "12 m" in labels.warning_text(Warning.LONG_NETWORK_PER_HOME, stricter)
        assert "25%" in labels.warning_text(Warning.NETWORK_LOSS_HIGH)


def test_warnings_translate_to_english() -> None:
    with translation.override("en"):
        text = labels.warning_text(Warning.LABEL_TOO_LOW)
    assert text.startswith("Homes below label B")


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    homes = [HouseholdInput()] * 24
    return compare_concepts(homes, SiteInput(surface_water=True))


def test_collective_rows_are_ranked_by_fit_then_investment_per_home(comparison: Comparison) -> None:
    rows = techniek_labels.collective(comparison)
    keys = [(techniek_labels.FIT_ORDER[r.fit], r.costs.capex_per_home_eur) for r in rows]
    assert keys == sorted(keys)
    assert all(CATALOGUE[r.concept].is_collective for r in rows)
    refs = techniek_labels.references(comparison)
    assert [r.concept for r in refs] == [
        Concept.GAS_BOILER,
        Concept.INDIVIDUAL_AIR_HP,
        Concept.HYBRID_HP,
    ]


def test_estimated_demand_is_said_once_not_in_every_row(comparison: Comparison) -> None:
    for result in comparison.results:
        assert Warning.DEMAND_ESTIMATED in result.warnings
        assert Warning.DEMAND_ESTIMATED not in techniek_labels.row_warnings(result)


def test_co2_share_and_anchor(comparison: Comparison) -> None:
    boiler = comparison.result(Concept.GAS_BOILER)
    assert techniek_labels.co2_saved_pct(boiler) == 0
    ring = comparison.result(Concept.BODEMLUS_RINGNET)
    assert 60 < techniek_labels.co2_saved_pct(ring) < 90
    assert techniek_labels.concept_anchor(Concept.COLLECTIVE_MT_AIR_HP) == (
        "mini-collective_mt_air_hp"
    )
    assert techniek_labels.concept_anchor("wko") == "kleinschalig-wko"
    assert isinstance(ring.costs.capex_eur, Decimal)
