"""Money: Decimal euros with two places. `eur()` is the only way a float becomes money."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def eur(amount: float | Decimal) -> Decimal:
    """Round to whole cents, half up. The only way a float becomes money."""
    return Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)
