"""The "Aannames en bronnen" rows of a pilot: value used, default, source, per group.

One list for the pilot's parameters tab and the PDF appendix, so both show the same values.
"""

import re
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techniek import labels
from techniek.calc import AssumptionRow
from techniek.calc.parameters import Parameters, parameter_rows
from techniek.views import value_with_unit

BUSINESS_GROUPS = {
    "prices": gettext_lazy("Energieprijzen en tarieven"),
    "subsidies": gettext_lazy("Subsidies en Warmtefonds"),
    "financing": gettext_lazy("Financiering per organisatiemodel"),
    "sensitivity": gettext_lazy("Gevoeligheid en deelname"),
}


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    value: str
    default: str
    overridden: bool
    source: str
    confirmed: bool
    year: int | None  # the year the figure is for, shown beside the source
    unit: str
    low: str
    high: str

    @property
    def key_wrappable(self) -> str:
        """The key with zero-width spaces after "." and "_", so a long key wraps between words
        (WeasyPrint gives `<wbr>` no break opportunity)."""
        return re.sub(r"([._])", "\\1\u200b", self.key)

    @property
    def anchor(self) -> str:
        return "p-" + self.key.replace(".", "-").replace("_", "-")


def display(value: float, unit: str) -> str:
    if unit == "1/jaar":
        return f"{number_format(value * 100, 2)}% {_('per jaar')}"
    return value_with_unit(value, unit)


def _parameter(row: AssumptionRow) -> Parameter:
    s = row.sourced
    label = labels.ASSUMPTIONS.get(row.key)
    return Parameter(
        key=row.key,
        label=str(label) if label else "",
        value=display(row.value, s.unit),
        default=display(s.value, s.unit),
        overridden=row.overridden,
        source=s.source,
        confirmed=s.confirmed,
        year=s.year,
        unit=s.unit,
        low=display(s.low, s.unit) if s.low is not None else "",
        high=display(s.high, s.unit) if s.high is not None else "",
    )


def parameter_groups(params: Parameters) -> list[tuple[str, list[Parameter]]]:
    """Every parameter the calculation uses, by group: the engine's, the business case's
    (prices, subsidies, financing) and the ranges of the participation sweep and tornado."""
    groups: dict[str, list[Parameter]] = {}
    for row in parameter_rows(params):
        groups.setdefault(row.key.partition(".")[0], []).append(_parameter(row))
    names = {**labels.ASSUMPTION_GROUPS, **BUSINESS_GROUPS}
    return [(str(names.get(g, g)), rows) for g, rows in groups.items()]
