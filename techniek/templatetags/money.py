"""Money in templates: `{{ amount|euro }}` gives "€ 12.345", `|euro_cents` "€ 12.345,67".

Amounts are Decimal euros (style.md, Money). Rounding is half up, as `eur()` rounds cents; the
separators follow the active language (Dutch: a point for thousands, a comma for decimals).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()

EMPTY = "–"


def _format(value: object, places: int) -> str:
    if value is None or value == "" or isinstance(value, bool):
        return EMPTY
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return EMPTY
    if not amount.is_finite():
        return EMPTY
    amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if amount == 0:
        amount = abs(amount)  # no "€ -0"
    number = number_format(abs(amount), decimal_pos=places, force_grouping=True)
    return f"€ -{number}" if amount < 0 else f"€ {number}"


@register.filter
def euro(value: object) -> str:
    """Whole euros: "€ 1.234"."""
    return _format(value, 0)


@register.filter
def euro_cents(value: object) -> str:
    """Euros and cents: "€ 1.234,56"."""
    return _format(value, 2)
