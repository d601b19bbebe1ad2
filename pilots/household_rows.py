"""The households table's rows, prepared once per request.

The table is the pilot page's cost (issue 4's speed aim): per row, three `{% url %}` tags and a
five-option select with lazy labels took about 0.2 ms. Here every URL comes from one reverse()
per name, the five possible option lists are rendered once and shared, and the cells arrive as
finished strings: the template engine's lookups and filters were half of what a row cost.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from techniek.calc.demand import TYPE_INDEX, DemandParams
from warmtenet.http import option_lists, url_template

from .calc_inputs import BUILDING_TYPES
from .models import BuildingType, Commitment, Household, Pilot

NONE = "–"  # an empty cell


@dataclass(frozen=True)
class HouseholdRow:
    household: Household
    edit_url: str
    commitment_url: str
    building_type: str
    construction_year: str
    energy_label: str
    gas: str
    select_label: str
    options: SafeString  # the commitment <option>s with this household's selected


def household_rows(pilot: Pilot, households: Iterable[Household]) -> list[HouseholdRow]:
    choices = [(value, str(label)) for value, label in Commitment.choices]
    options = option_lists(choices)
    types = {value: str(label) for value, label in BuildingType.choices}
    edit = url_template("pilots:household_edit", pilot.pk)
    commitment = url_template("pilots:household_commitment", pilot.pk)
    select_label = gettext("Commitment van %(address)s")
    # No meter reading: the engine uses the CBS figure of the type, so the cell shows it marked
    # "indicatief" (issue 15); the floor area and label then scale its space-heating part.
    cbs = DemandParams().gas_by_type()
    indicative = {
        kind: gettext("≈ %(m3)s (indicatief)") % {"m3": intcomma(int(cbs[TYPE_INDEX[calc]]))}
        for kind, calc in BUILDING_TYPES.items()
    }
    return [
        HouseholdRow(
            household=h,
            edit_url=edit.format(h.pk),
            commitment_url=commitment.format(h.pk),
            building_type=types.get(h.building_type, h.building_type),
            construction_year=NONE if h.construction_year is None else str(h.construction_year),
            energy_label=h.energy_label or NONE,
            gas=indicative.get(h.building_type, NONE)
            if h.gas_m3_per_year is None
            else intcomma(h.gas_m3_per_year),
            select_label=select_label % {"address": h.address},
            options=options.get(h.commitment, SafeString()),
        )
        for h in households
    ]
