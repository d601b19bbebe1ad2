"""One resident's estimate: their own home against the pilot's business case.

The network's capital, maintenance and fixed charges per home are the pilot's (every
participant pays the same share); only the energy part scales with this home's heat demand,
measured as the gas it uses for heating and hot water against the pilot's average home. Gas and
an own air-water heat pump are computed for this home alone with the engine's references.
"""

from dataclasses import dataclass
from decimal import Decimal

from .business_case import BusinessCase
from .engine import DEFAULTS, Assumptions
from .inputs import HouseholdInput, SiteInput
from .money import eur
from .prices import PricesParams
from .references import air_hp_reference, gas_reference_for, references_for
from .subsidies import SubsidyInput


@dataclass(frozen=True)
class PersonalEstimate:
    gas_m3_per_year: float  # heating and hot water; cooking gas left out on every side
    demand_ratio: float  # this home's heat demand / the pilot's average home
    network_one_off_eur: Decimal
    network_monthly_eur: Decimal
    gas_monthly_eur: Decimal
    air_hp_one_off_eur: Decimal
    air_hp_monthly_eur: Decimal
    indicative: bool  # no meter reading: the type's CBS average stands in (issue 15)

    @property
    def difference_with_gas_eur_per_month(self) -> Decimal:
        return self.network_monthly_eur - self.gas_monthly_eur


def personal_estimate(
    case: BusinessCase,
    home: HouseholdInput,
    site: SiteInput,
    prices: PricesParams,
    subsidies: SubsidyInput,
    household_rate: float,
    assumptions: Assumptions = DEFAULTS,
) -> PersonalEstimate:
    mine = references_for([home], site, assumptions)
    ratio = mine.gas_m3_per_home / case.references.gas_m3_per_home
    network = case.household.network.monthly
    network_monthly = (
        network.capital_eur_per_month
        + network.om_eur_per_month
        + network.fixed_eur_per_month
        + network.electricity_connection_eur_per_month
        + eur(float(network.energy_eur_per_month) * ratio)
    )
    gas = gas_reference_for(mine, prices, household_rate)
    air = air_hp_reference(mine, prices, subsidies, household_rate)
    return PersonalEstimate(
        gas_m3_per_year=mine.gas_m3_per_home,
        demand_ratio=ratio,
        network_one_off_eur=case.household.network.one_off_eur,
        network_monthly_eur=network_monthly,
        gas_monthly_eur=gas.monthly_eur,
        air_hp_one_off_eur=air.one_off_eur,
        air_hp_monthly_eur=air.monthly_eur,
        indicative=home.gas_m3_per_year is None,
    )
