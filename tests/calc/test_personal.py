from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.business_case import run
from techniek.calc.financing import OrgModel, default_financing
from techniek.calc.inputs import BuildingType
from techniek.calc.personal import personal_estimate
from techniek.calc.prices import PricesParams
from techniek.calc.references import references_for
from techniek.calc.subsidies import SubsidyInput

STREET = tuple(HouseholdInput(gas_m3_per_year=1350) for _ in range(18))
SITE = SiteInput(street_length_m=120)


def _case() -> object:
    technical = run_concept(STREET, SITE, Concept.BODEMLUS_RINGNET)
    refs = references_for(STREET, SITE)
    financing = default_financing(OrgModel.COOPERATIE)
    return run(technical, financing, PricesParams(), SubsidyInput(), 18, references=refs), financing


def test_an_average_home_gets_the_pilots_own_monthly_cost() -> None:
    case, financing = _case()
    mine = personal_estimate(
        case, STREET[0], SITE, PricesParams(), SubsidyInput(), financing.household_discount_rate
    )
    assert abs(mine.demand_ratio - 1.0) < 1e-9
    assert mine.network_monthly_eur == case.network_monthly_eur
    assert mine.gas_monthly_eur == case.gas_monthly_eur


def test_a_home_using_more_gas_pays_more_on_gas_and_on_the_network() -> None:
    case, financing = _case()
    rate = financing.household_discount_rate
    small = personal_estimate(
        case, HouseholdInput(gas_m3_per_year=900), SITE, PricesParams(), SubsidyInput(), rate
    )
    large = personal_estimate(
        case, HouseholdInput(gas_m3_per_year=2400), SITE, PricesParams(), SubsidyInput(), rate
    )
    assert large.gas_monthly_eur > small.gas_monthly_eur
    assert large.network_monthly_eur > small.network_monthly_eur
    # The shared part is the same for both: only energy scales, so the gap with gas shrinks
    # for the home that uses more gas.
    assert large.difference_with_gas_eur_per_month < small.difference_with_gas_eur_per_month


def test_without_known_gas_use_the_building_type_default_is_used() -> None:
    case, financing = _case()
    detached = personal_estimate(
        case,
        HouseholdInput(building_type=BuildingType.DETACHED),
        SITE,
        PricesParams(),
        SubsidyInput(),
        financing.household_discount_rate,
    )
    assert detached.demand_ratio > 1.2  # CBS: detached ≈ 2,380 m³ vs 1,350 m³ mid-terrace
