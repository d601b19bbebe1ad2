"""The household register's tenure reaches the business case: ISDE only for owner-occupiers."""

from datetime import date
from decimal import Decimal

import pytest

from pilots.calc_inputs import pilot_inputs
from pilots.models import Tenure
from pilots.scenario import Scenario, pilot_result
from tests.factories import HouseholdFactory, PilotFactory


@pytest.mark.django_db
def test_a_twenty_home_net_with_eight_corporation_homes_gets_isde_for_twelve():
    pilot = PilotFactory(homes=20)
    for i in range(20):
        HouseholdFactory(
            pilot=pilot, tenure=Tenure.SOCIAL_RENT if i < 8 else Tenure.OWNER, gas_m3_per_year=1350
        )
    inputs = pilot_inputs(pilot)
    assert [h.owner_occupied for h in inputs.households].count(False) == 8
    scenario = Scenario(concept="collective_mt_air_hp", org_model="zelfbeheer")
    case = pilot_result(pilot, scenario, date.today()).case
    assert case.isde_homes == 12
    assert case.isde_per_home_eur == Decimal("3325.00")
    assert case.isde_eur == Decimal("39900.00")  # not 20 × 3,325 = 66,500
