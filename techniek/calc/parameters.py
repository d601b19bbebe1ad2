"""Every parameter group of engine and business case in one object, and per-pilot overrides.

Keys are "group.field" ("costs.borehole_eur_per_m", "prices.gas_supply_eur_per_m3"). An override
is checked against the default's valid range (`Sourced.low`/`high`) by the groups' own
`__post_init__`, so an out-of-range value never reaches a calculation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from .defaults import Sourced
from .engine import DEFAULTS, AssumptionRow, Assumptions, with_overrides
from .financing import FinancingParams
from .prices import PricesParams
from .sensitivity import SensitivityParams
from .subsidies import SubsidyParams

_BUSINESS_GROUPS = ("prices", "subsidies", "financing", "sensitivity")


@dataclass(frozen=True)
class Parameters:
    assumptions: Assumptions = DEFAULTS
    prices: PricesParams = field(default_factory=PricesParams)
    subsidies: SubsidyParams = field(default_factory=SubsidyParams)
    financing: FinancingParams = field(default_factory=FinancingParams)
    sensitivity: SensitivityParams = field(default_factory=SensitivityParams)


PARAMETER_DEFAULTS = Parameters()


def _groups(p: Parameters) -> dict[str, object]:
    engine = {g.name: getattr(p.assumptions, g.name) for g in fields(p.assumptions)}
    return {**engine, **{g: getattr(p, g) for g in _BUSINESS_GROUPS}}


def parameter_rows(p: Parameters = PARAMETER_DEFAULTS) -> tuple[AssumptionRow, ...]:
    """Every parameter with the value `p` uses and its sourced default, in registry order."""
    return tuple(
        AssumptionRow(f"{group}.{f.name}", getattr(params, f.name), f.metadata["sourced"])
        for group, params in _groups(p).items()
        for f in fields(params)  # type: ignore[arg-type]
    )


SOURCED: dict[str, Sourced] = {row.key: row.sourced for row in parameter_rows()}


def with_parameter_overrides(overrides: Mapping[str, float]) -> Parameters:
    """Defaults with `overrides` applied; ValueError names a key that is unknown or out of range."""
    unknown = sorted(set(overrides) - set(SOURCED))
    if unknown:
        raise ValueError(f"{unknown[0]}: no such parameter")
    engine = {k: v for k, v in overrides.items() if k.partition(".")[0] not in _BUSINESS_GROUPS}
    business: dict[str, dict[str, float]] = {}
    for key, value in overrides.items():
        group, _, name = key.partition(".")
        if group in _BUSINESS_GROUPS:
            business.setdefault(group, {})[name] = float(value)
    p = PARAMETER_DEFAULTS
    return replace(
        p,
        assumptions=with_overrides(p.assumptions, {k: float(v) for k, v in engine.items()}),
        **{g: replace(getattr(p, g), **changes) for g, changes in business.items()},
    )
