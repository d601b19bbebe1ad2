"""A pilot's proposed heat tariff against the ACM maximum and "niet meer dan anders" (issue 15).

18 CBS mid-terraces (1,350 m³) on a collective MT network (cooperative), 36.92 GJ a home:
  tariff = fixed + € /GJ × GJ;  ACM max = 828 + 40.97 × GJ;  NMDA = the gas the home stops paying.
"""

from decimal import Decimal

import pytest

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.business_case import run
from techniek.calc.financing import OrgModel, default_financing
from techniek.calc.prices import PricesParams
from techniek.calc.references import references_for
from techniek.calc.subsidies import SubsidyInput

HOMES = [HouseholdInput(gas_m3_per_year=1350)] * 18


@pytest.fixture(scope="module")
def network():
    return (
        run_concept(HOMES, SiteInput(), Concept.COLLECTIVE_MT_AIR_HP),
        references_for(HOMES, SiteInput()),
    )


def _case(network, fixed, per_gj):
    cr, refs = network
    prices = PricesParams(proposed_heat_fixed_eur_per_year=fixed, proposed_heat_eur_per_gj=per_gj)
    coop = default_financing(OrgModel.COOPERATIE)
    return run(cr, coop, prices, SubsidyInput(), 18, references=refs)


def test_no_proposal_no_check(network):
    assert _case(network, 0, 0).proposal is None


@pytest.mark.parametrize(
    ("fixed", "per_gj", "acm", "nmda"),
    [
        (400, 30, True, True),  # well below both
        (828, 40.97, True, True),  # exactly the ACM cap: allowed
        (900, 41, False, True),  # above the cap (2,413.58 > 2,340.47), still cheaper than gas
        (1000, 45, False, False),  # 2,661.25 + 30.25 own costs > 2,541.88 on gas
    ],
)
def test_proposal_pass_fail_by_hand(network, fixed, per_gj, acm, nmda):
    t = _case(network, fixed, per_gj).proposal
    gj = t.heat_gj_per_home
    assert t.tariff_eur_per_year == Decimal(str(round(fixed + per_gj * gj, 2)))
    assert t.acm_max_eur_per_year == Decimal(str(round(828 + 40.97 * gj, 2)))
    assert t.within_acm is acm
    assert t.within_nmda is nmda
    # NMDA by hand: 1,296 m³ × € 1.392347 = 1,804.48; standing 250 × 1.21 = 302.50; boiler
    # upkeep 150 × 1.21 = 181.50; boiler 2,500 × 1.21 over 15 yr at 3 %: × 0.0837666 = 253.39.
    assert float(t.nmda_eur_per_year) == pytest.approx(2541.87, abs=0.02)
