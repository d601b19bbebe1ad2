"""The euro filters: whole euros for tables, cents where a bill needs them; Dutch separators."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from techniek.templatetags.money import euro, euro_cents


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        pytest.param(Decimal("12345.00"), "€ 12.345", id="thousands-point"),
        pytest.param(Decimal("1234567.89"), "€ 1.234.568", id="millions-rounded-up"),
        pytest.param(Decimal("2.50"), "€ 3", id="half-up-not-bankers"),
        pytest.param(Decimal("3.50"), "€ 4", id="half-up-odd"),
        pytest.param(Decimal("999.49"), "€ 999", id="below-half"),
        pytest.param(Decimal("0"), "€ 0", id="zero"),
        pytest.param(Decimal("-0.40"), "€ 0", id="no-minus-zero"),
        pytest.param(Decimal("-1500"), "€ -1.500", id="negative"),
        pytest.param(37945.55, "€ 37.946", id="float"),
        pytest.param(250, "€ 250", id="int"),
        pytest.param("1234.5", "€ 1.235", id="string"),
        pytest.param(None, "–", id="none"),
        pytest.param("", "–", id="empty"),
        pytest.param("geen bedrag", "–", id="not-a-number"),
        pytest.param(float("nan"), "–", id="nan"),
        pytest.param(True, "–", id="bool"),
    ],
)
def test_euro_shows_whole_euros_in_dutch(amount: object, shown: str) -> None:
    with translation.override("nl"):
        assert euro(amount) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        pytest.param(Decimal("12345.6"), "€ 12.345,60", id="thousands-and-cents"),
        pytest.param(Decimal("0.005"), "€ 0,01", id="half-cent-up"),
        pytest.param(Decimal("-2.5"), "€ -2,50", id="negative"),
        pytest.param(None, "–", id="none"),
    ],
)
def test_euro_cents_shows_cents_with_a_decimal_comma(amount: object, shown: str) -> None:
    with translation.override("nl"):
        assert euro_cents(amount) == shown


def test_english_uses_english_separators() -> None:
    with translation.override("en"):
        assert euro(Decimal("12345")) == "€ 12,345"
        assert euro_cents(Decimal("12345.6")) == "€ 12,345.60"


def test_filters_load_in_a_template() -> None:
    template = Template("{% load money %}{{ a|euro }} / {{ a|euro_cents }}")
    with translation.override("nl"):
        assert template.render(Context({"a": Decimal("41697.25")})) == "€ 41.697 / € 41.697,25"
