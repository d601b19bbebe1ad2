"""The seed deck's three organisation and financing models, as business-case input.

The pilots app maps `juridisch.organisation.Financing` onto `FinancingInput` (this package may not
import `juridisch`); `default_financing(model)` gives the defaults below, each with its source.
Nothing here is confirmed for a specific pilot: discount rates, the bank loan and the ESCO's return
are rules of thumb until a cooperative's bank or a market party makes an offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .defaults import Sourced, V, check_ranges, default
from .money import eur

SEED = "Seed-presentatie, 'Drie modellen voor organisatie & financiering'"


class OrgModel(StrEnum):
    # Values match juridisch.organisation.OrgModel, so the pilots app maps them by value.
    ZELFBEHEER = "zelfbeheer"  # self-management, residents finance individually
    COOPERATIE = "cooperatie"  # local energy cooperative
    MARKT = "marktpartner"  # market partner / ESCO (incl. heat-pump lease)


class Investor(StrEnum):
    HOUSEHOLDS = "households"
    COOPERATIVE = "cooperative"
    MARKET_PARTY = "market_party"


RATE_HOUSEHOLDS = Sourced(
    0.03,
    "1/jaar",
    f"{V}: maatschappelijke discontovoet (domeinonderzoek §7: 3 %)",
    False,
    -0.05,
    0.3,
)
RATE_COOPERATIVE = Sourced(
    0.05, "1/jaar", f"{V}: discontovoet coöperatie (domeinonderzoek §7: 5 %)", False, -0.05, 0.3
)
ESCO_RETURN = Sourced(
    0.07,
    "1/jaar",
    f"{V}: vereist rendement marktpartij/ESCO; vervangen door de offerte",
    False,
    -0.05,
    0.3,
)
BANK_SHARE = Sourced(
    0.70,
    "-",
    f"{V}: deel van de netto investering van de coöperatie met een banklening",
    False,
    0,
    1,
)
BANK_RATE = Sourced(0.045, "1/jaar", f"{V}: rente banklening coöperatie", False, 0, 0.2)
BANK_TERM = Sourced(15, "jaar", f"{V}: looptijd banklening coöperatie", False, 1, 40)
MEMBER_CONTRIBUTION = Sourced(
    2000,
    "€/woning",
    f"{V}: ledeninleg/aansluitbijdrage coöperatie (niet nagezocht)",
    False,
    0,
    50000,
)
ESCO_CONTRIBUTION = Sourced(
    0,
    "€/woning",
    f"{SEED}: '(deel) investering bij bewoner weg'; aansluitbijdrage ESCO 0",
    False,
    0,
    50000,
)
COOPERATIVE_FEE = Sourced(
    50,
    "€/woning·jaar excl. btw",
    f"{V}: administratie, verzekering, meteropname coöperatie",
    False,
    0,
    2000,
)
ESCO_FEE = Sourced(
    150, "€/woning·jaar excl. btw", f"{V}: beheer- en servicevergoeding ESCO", False, 0, 2000
)


@dataclass(frozen=True)
class FinancingParams:
    discount_rate_households: float = default(RATE_HOUSEHOLDS)
    discount_rate_cooperative: float = default(RATE_COOPERATIVE)
    esco_required_return: float = default(ESCO_RETURN)
    bank_loan_share: float = default(BANK_SHARE)
    bank_loan_rate: float = default(BANK_RATE)
    bank_loan_term_years: float = default(BANK_TERM)
    member_contribution_eur_per_home: float = default(MEMBER_CONTRIBUTION)
    esco_contribution_eur_per_home: float = default(ESCO_CONTRIBUTION)
    cooperative_fee_eur_per_home_per_year: float = default(COOPERATIVE_FEE)
    esco_fee_eur_per_home_per_year: float = default(ESCO_FEE)

    def __post_init__(self) -> None:
        check_ranges(self)


@dataclass(frozen=True)
class FinancingInput:
    """Who invests in the shared part of the network and at what cost of capital.

    Households always own (and finance) their insulation and, unless the entity leases them,
    their in-home heat pumps and delivery sets. The shared part (source, network, connections,
    engineering) belongs to the households together (zelfbeheer) or to the entity, which charges a
    cost-based tariff at `discount_rate`.
    """

    model: OrgModel
    investor: Investor
    discount_rate: float  # NPV of the project; the entity's cost of capital in its tariff
    household_discount_rate: float  # households' own money, boiler and heat-pump annuities
    entity_deducts_vat: bool  # True: shared investment excl. VAT, VAT charged on the tariff
    entity_owns_in_home: bool  # True: heat pumps and delivery sets leased by the entity
    contribution_eur_per_home: Decimal  # one-off payment to the entity (not used in zelfbeheer)
    fee_eur_per_home_per_year: Decimal  # excl. VAT: administration, service, margin
    bank_loan: bool = False
    bank_loan_share: float = 0.0
    bank_loan_rate: float = 0.0
    bank_loan_term_years: int = 0

    def __post_init__(self) -> None:
        OrgModel(self.model)
        Investor(self.investor)
        for name in ("discount_rate", "household_discount_rate", "bank_loan_rate"):
            value = getattr(self, name)
            if not -0.5 < value <= 1:
                raise ValueError(f"FinancingInput.{name}={value}: expected a yearly rate")
        if not 0 <= self.bank_loan_share <= 1:
            raise ValueError(f"FinancingInput.bank_loan_share={self.bank_loan_share}: 0–1")
        if self.bank_loan and self.bank_loan_term_years < 1:
            raise ValueError("FinancingInput.bank_loan_term_years: at least 1 with a bank loan")
        for name in ("contribution_eur_per_home", "fee_eur_per_home_per_year"):
            if getattr(self, name) < 0:
                raise ValueError(f"FinancingInput.{name}: must not be negative")
        if self.investor is Investor.HOUSEHOLDS and (self.bank_loan or self.entity_owns_in_home):
            raise ValueError("FinancingInput: households investing themselves have no entity")

    @property
    def has_entity(self) -> bool:
        """A cooperative or market party owns the shared part and charges a tariff."""
        return self.investor is not Investor.HOUSEHOLDS


def default_financing(model: OrgModel, p: FinancingParams | None = None) -> FinancingInput:
    """The seed deck's models with the defaults above.

    - zelfbeheer: residents own everything together, each pays a share incl. VAT, financed with
      the Warmtefonds loan (most feasible up to 10 participants);
    - coöperatie: member contribution + a bank loan for the rest, VAT deducted, 5 % cost of capital;
    - marktpartij: the ESCO owns the network and leases the heat pumps, no contribution, 7 %
      required return and a service fee.
    """
    p = p or FinancingParams()
    match OrgModel(model):
        case OrgModel.ZELFBEHEER:
            return FinancingInput(
                model=OrgModel.ZELFBEHEER,
                investor=Investor.HOUSEHOLDS,
                discount_rate=p.discount_rate_households,
                household_discount_rate=p.discount_rate_households,
                entity_deducts_vat=False,
                entity_owns_in_home=False,
                contribution_eur_per_home=Decimal(0),
                fee_eur_per_home_per_year=Decimal(0),
            )
        case OrgModel.COOPERATIE:
            return FinancingInput(
                model=OrgModel.COOPERATIE,
                investor=Investor.COOPERATIVE,
                discount_rate=p.discount_rate_cooperative,
                household_discount_rate=p.discount_rate_households,
                entity_deducts_vat=True,
                entity_owns_in_home=False,
                contribution_eur_per_home=eur(p.member_contribution_eur_per_home),
                fee_eur_per_home_per_year=eur(p.cooperative_fee_eur_per_home_per_year),
                bank_loan=True,
                bank_loan_share=p.bank_loan_share,
                bank_loan_rate=p.bank_loan_rate,
                bank_loan_term_years=int(round(p.bank_loan_term_years)),
            )
        case OrgModel.MARKT:
            return FinancingInput(
                model=OrgModel.MARKT,
                investor=Investor.MARKET_PARTY,
                discount_rate=p.esco_required_return,
                household_discount_rate=p.discount_rate_households,
                entity_deducts_vat=True,
                entity_owns_in_home=True,
                contribution_eur_per_home=eur(p.esco_contribution_eur_per_home),
                fee_eur_per_home_per_year=eur(p.esco_fee_eur_per_home_per_year),
            )
    raise ValueError(f"unknown organisation model {model!r}")
