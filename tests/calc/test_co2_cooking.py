"""The gas CO₂ reference with or without cooking gas: a choice, shown (issue 15).

1,350 m³ mid-terrace: heating + tap water 1,296 m³ × 1.78 = 2,306.88 kg; cooking 54 m³ × 1.78 =
96.12 kg. With cooking the reference is 2,403.00 kg and the concept carries the same 96.12 kg
(cooking stays on gas), so the saving is the same and its share smaller.
"""

import pytest

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.energy import EnergyParams
from techniek.calc.engine import DEFAULTS
from techniek.calc.parameters import with_parameter_overrides

HOME = [HouseholdInput(gas_m3_per_year=1350)]


@pytest.mark.parametrize(
    ("choice", "reference_kg", "with_cooking"),
    [(0, 2306.88, False), (1, 2403.00, True)],
)
def test_reference_with_and_without_cooking(choice, reference_kg, with_cooking):
    a = with_parameter_overrides({"energy.co2_reference_includes_cooking": choice}).assumptions
    without = run_concept(HOME, SiteInput(), Concept.INDIVIDUAL_AIR_HP, DEFAULTS).energy
    e = run_concept(HOME, SiteInput(), Concept.INDIVIDUAL_AIR_HP, a).energy
    assert e.co2_reference_kg == pytest.approx(reference_kg, abs=0.01)
    assert e.co2_with_cooking is with_cooking
    assert e.co2_saved_kg == pytest.approx(without.co2_saved_kg)


def test_the_choice_is_zero_or_one():
    with pytest.raises(ValueError, match="0 \\(without\\) or 1"):
        EnergyParams(co2_reference_includes_cooking=0.5)
