"""ISDE goes to owner-occupied homes only (issue 15): tenure reaches the business case.

Issue example: a 20-home collective MT network, zelfbeheer, the heat-network connection amount
€ 3,325 a home: 20 owner-occupiers get 20 × 3,325 = € 66,500; with 8 corporation homes only the
12 owners do: 12 × 3,325 = € 39,900. (WIS does not apply below 250 connections.)
"""

from decimal import Decimal

import pytest

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.business_case import run
from techniek.calc.financing import OrgModel, default_financing
from techniek.calc.inputs import owner_occupied_share
from techniek.calc.prices import PricesParams
from techniek.calc.references import references_for
from techniek.calc.subsidies import SubsidyInput

OWNER = HouseholdInput(gas_m3_per_year=1350)
RENTED = HouseholdInput(gas_m3_per_year=1350, owner_occupied=False)


@pytest.fixture(scope="module")
def network():
    homes = [OWNER] * 20
    cr = run_concept(homes, SiteInput(), Concept.COLLECTIVE_MT_AIR_HP)
    return cr, references_for(homes, SiteInput())


@pytest.mark.parametrize(
    ("rented", "isde", "homes_with_isde", "isde_total"),
    [
        (0, True, 20, Decimal("66500.00")),
        (8, True, 12, Decimal("39900.00")),  # the example
        (20, True, 0, Decimal("0.00")),
        (8, False, 0, Decimal("0.00")),  # ISDE switched off
    ],
)
def test_isde_counts_only_owner_occupied_homes(network, rented, isde, homes_with_isde, isde_total):
    cr, refs = network
    homes = [RENTED] * rented + [OWNER] * (20 - rented)
    subsidies = SubsidyInput(isde=isde, owner_occupied_share=owner_occupied_share(homes))
    zelf = default_financing(OrgModel.ZELFBEHEER)
    bc = run(cr, zelf, PricesParams(), subsidies, 20, references=refs)
    assert bc.isde_homes == homes_with_isde
    assert bc.isde_eur == isde_total
    assert not bc.wis.eligible
    assert bc.subsidies_eur == isde_total  # ISDE is the only subsidy here
    assert bc.cash_flows[0].subsidies_eur == isde_total
    if isde:
        assert bc.isde_per_home_eur == Decimal("3325.00")


def test_rented_homes_borrow_their_whole_share(network):
    """A rented home's share is financed without ISDE: € 3,325 more per rented home, as long as
    every home stays under the Warmtefonds maximum."""
    cr, refs = network
    zelf = default_financing(OrgModel.ZELFBEHEER)
    all_owners = run(cr, zelf, PricesParams(), SubsidyInput(), 20, references=refs)
    eight_rented = run(
        cr, zelf, PricesParams(), SubsidyInput(owner_occupied_share=0.6), 20, references=refs
    )
    extra = eight_rented.household_loans_eur - all_owners.household_loans_eur
    upfront = all_owners.household.network.investment_eur
    if upfront < Decimal(27000):
        assert extra == Decimal("26600.00")  # 8 × 3,325
    else:
        assert extra >= 0


@pytest.mark.parametrize("share", [-0.1, 1.5, True, "half"])
def test_owner_occupied_share_must_be_a_fraction(share):
    with pytest.raises(ValueError, match="owner_occupied_share"):
        SubsidyInput(owner_occupied_share=share)


def test_owner_occupied_is_a_bool():
    with pytest.raises(ValueError, match="owner_occupied"):
        HouseholdInput(owner_occupied="no")
    assert owner_occupied_share([OWNER, RENTED, RENTED, OWNER]) == 0.5
    assert owner_occupied_share([]) == 1.0
