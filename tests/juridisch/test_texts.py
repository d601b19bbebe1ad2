"""Every code has one Dutch label, and every regime text fills with a rule set's thresholds."""

from datetime import date

import pytest

import juridisch.municipal_role
import juridisch.organisation
import juridisch.rules
from juridisch import texts
from juridisch.regime import (
    RULE_SETS,
    ConsumerRules,
    Decider,
    ObligationCode,
    OwnershipRule,
    ReasonCode,
    Reporting,
    RuleSet,
    Supervision,
    TariffRule,
)
from juridisch.regime import Condition as RegimeCondition
from juridisch.texts import LabelledEnum

# Importing the modules above registers every LabelledEnum subclass.
MODULES = (juridisch.rules, juridisch.organisation, juridisch.municipal_role)
ENUMS = LabelledEnum.__subclasses__()
FILLED = (
    RegimeCondition,
    ReasonCode,
    Decider,
    OwnershipRule,
    Supervision,
    TariffRule,
    ConsumerRules,
    Reporting,
)


def test_enum_class_names_are_unique_because_labels_are_keyed_by_them() -> None:
    names = [e.__name__ for e in ENUMS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("enum", ENUMS, ids=[e.__name__ for e in ENUMS])
def test_every_member_has_exactly_one_label(enum: type[LabelledEnum]) -> None:
    assert set(texts.LABELS[enum.__name__]) == {m.value for m in enum}
    assert all(member.label.strip() for member in enum)


def test_no_labels_for_codes_that_do_not_exist() -> None:
    assert set(texts.LABELS) == {e.__name__ for e in ENUMS}


@pytest.mark.parametrize("rule_set", RULE_SETS, ids=[rs.version for rs in RULE_SETS])
def test_regime_texts_fill_with_the_rule_set_thresholds(rule_set: RuleSet) -> None:
    params = rule_set.text_params()
    templates = [m.label for enum in FILLED for m in enum]
    templates += list(texts.OBLIGATION_DESCRIPTIONS.values())
    templates += [
        texts.MILESTONE_DESIGNATION,
        texts.MILESTONE_EXEMPTION,
        texts.MILESTONE_PUBLIC_MAJORITY,
        texts.MILESTONE_WARMTEGEMEENSCHAP,
    ]
    templates += [spec.basis.note for spec in rule_set.obligations]
    templates += [row.basis.note for row in rule_set.rows]
    for template in templates:
        filled = texts.fill(template, params)
        assert "%(" not in filled
        assert "%%" not in filled


def test_obligations_without_a_detail_have_a_description() -> None:
    for rule_set in RULE_SETS:
        for spec in rule_set.obligations:
            if spec.detail is None:
                assert spec.code.value in texts.OBLIGATION_DESCRIPTIONS
    assert set(texts.OBLIGATION_DESCRIPTIONS) <= {c.value for c in ObligationCode}


def test_public_majority_milestone_reads_as_dutch() -> None:
    params = RULE_SETS[0].text_params()
    assert texts.fill(texts.MILESTONE_PUBLIC_MAJORITY, params) == (
        "Eigendom regelen: meer dan 50% publiek of een warmtegemeenschap"
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [
        pytest.param(9, "9", id="units"),
        pytest.param(1500, "1.500", id="thousands"),
        pytest.param(1234567, "1.234.567", id="millions"),
    ],
)
def test_dutch_thousands_separator(number: int, text: str) -> None:
    assert texts.nl_int(number) == text


def test_dutch_long_date() -> None:
    assert texts.nl_date(date(2027, 1, 1)) == "1 januari 2027"
    assert texts.nl_date(date(2025, 12, 9)) == "9 december 2025"
