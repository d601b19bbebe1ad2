"""The seed deck's three organisation and financing models, their business-case inputs and an
advisor that ranks them for a pilot.

Pure: standard library only. Wording from the seed deck is in :mod:`juridisch.texts`, kept exact;
figures carry their source and a ``confirmed`` flag (False: check before it goes to a
municipality). The advisor's points are a rule of thumb; each one says what it rests on.
"""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import assert_never

from juridisch import texts
from juridisch.regime import Regime
from juridisch.rules import Initiative, RegimeFacts, check_regime
from juridisch.texts import LabelledEnum

SEED_MODELS = "Seed-presentatie, dia 'Drie modellen voor organisatie & financiering'"


class OrgModel(LabelledEnum):
    ZELFBEHEER = "zelfbeheer"
    COOPERATIE = "cooperatie"
    MARKTPARTNER = "marktpartner"


class Investor(LabelledEnum):
    HOUSEHOLDS = "households"
    COOPERATIVE = "cooperative"
    MARKET_PARTY = "market_party"


class VatTreatment(LabelledEnum):
    HOUSEHOLD_PAYS_VAT = "household_pays_vat"
    ENTITY_DEDUCTS_VAT = "entity_deducts_vat"


class FeeModel(LabelledEnum):
    SHARED_COSTS = "shared_costs"
    HEAT_TARIFF = "heat_tariff"
    LEASE_OR_HEAT_TARIFF = "lease_or_heat_tariff"


@dataclass(frozen=True)
class Sourced[T]:
    value: T
    unit: str
    source: str  # publication + table/year, or "vuistregel"
    confirmed: bool  # False: check before a figure goes to a municipality


@dataclass(frozen=True)
class Financing:
    """Business-case inputs that follow from the organisation model."""

    model: OrgModel
    investor: Sourced[Investor]
    discount_rate_pct: Sourced[Decimal]
    vat_treatment: Sourced[VatTreatment]
    vat_rate_pct: Sourced[Decimal]
    fee_model: Sourced[FeeModel]
    # Household loans (Nationaal Warmtefonds); None where the model has no household loan.
    loan_rate_pct: Sourced[Decimal] | None = None
    loan_rate_low_income_pct: Sourced[Decimal] | None = None
    loan_low_income_limit_eur: Sourced[Decimal] | None = None
    loan_max_eur: Sourced[Decimal] | None = None
    loan_term_years: Sourced[int] | None = None

    def assumptions(self) -> tuple[tuple[str, Sourced[object]], ...]:
        """(field name, default) for every default set, for the "Aannames en bronnen" table.

        ``texts.ASSUMPTION_LABELS`` names each field in Dutch.
        """
        pairs = ((f.name, getattr(self, f.name)) for f in fields(self) if f.name != "model")
        return tuple((name, value) for name, value in pairs if value is not None)


@dataclass(frozen=True)
class OrgModelProfile:
    model: OrgModel
    fits_when: tuple[str, ...]  # Dutch
    opportunities: tuple[str, ...]  # seed deck wording ("Kansen")
    challenges: tuple[str, ...]  # seed deck wording ("Uitdagingen")
    regime_implication: str  # Dutch
    possible_regimes: tuple[Regime, ...]
    financing: Financing
    source: str


VAT_RATE = Sourced(Decimal(21), "%", "btw-tarief op energie (domeinonderzoek §7)", True)
# Private households cannot deduct VAT; an entity that supplies heat can (general tax rule).
VAT_HOUSEHOLD = Sourced(
    VatTreatment.HOUSEHOLD_PAYS_VAT, "-", "algemene btw-regel, niet apart nagezocht", False
)
VAT_ENTITY = Sourced(
    VatTreatment.ENTITY_DEDUCTS_VAT, "-", "algemene btw-regel, niet apart nagezocht", False
)
WARMTEFONDS = "Nationaal Warmtefonds, Energiebespaarlening (warmtefonds.nl; milieucentraal.nl)"

FINANCING = {
    OrgModel.ZELFBEHEER: Financing(
        model=OrgModel.ZELFBEHEER,
        investor=Sourced(Investor.HOUSEHOLDS, "-", SEED_MODELS, True),
        discount_rate_pct=Sourced(
            Decimal(3), "%", "domeinonderzoek §7: discontovoet maatschappelijk (vuistregel)", False
        ),
        vat_treatment=VAT_HOUSEHOLD,
        vat_rate_pct=VAT_RATE,
        fee_model=Sourced(FeeModel.SHARED_COSTS, "-", "vuistregel", False),
        loan_rate_pct=Sourced(
            Decimal("4.35"),
            "%",
            f"{WARMTEFONDS}: voorbeeld 10 jaar boven de inkomensgrens (datum niet vermeld)",
            False,
        ),
        loan_rate_low_income_pct=Sourced(
            Decimal(0), "%", f"{WARMTEFONDS}: 0% onder de inkomensgrens", True
        ),
        loan_low_income_limit_eur=Sourced(
            Decimal(60000), "€ verzamelinkomen", f"{WARMTEFONDS}: inkomensgrens 0%", True
        ),
        loan_max_eur=Sourced(Decimal(27000), "€", f"{WARMTEFONDS}: lening €1.000–27.000", True),
        # Terms 7/10/15/20 years are confirmed; 15 matches a heat pump's lifetime (rule of thumb).
        loan_term_years=Sourced(
            15,
            "jaar",
            f"{WARMTEFONDS}: looptijd 7, 10, 15 of 20 jaar; keuze 15 is vuistregel",
            False,
        ),
    ),
    OrgModel.COOPERATIE: Financing(
        model=OrgModel.COOPERATIE,
        investor=Sourced(Investor.COOPERATIVE, "-", SEED_MODELS, True),
        discount_rate_pct=Sourced(
            Decimal(5), "%", "domeinonderzoek §7: discontovoet coöperatie (vuistregel)", False
        ),
        vat_treatment=VAT_ENTITY,
        vat_rate_pct=VAT_RATE,
        fee_model=Sourced(
            FeeModel.HEAT_TARIFF, "-", "ACM-maximumtarieven warmte (domeinonderzoek §3.7)", True
        ),
    ),
    OrgModel.MARKTPARTNER: Financing(
        model=OrgModel.MARKTPARTNER,
        investor=Sourced(Investor.MARKET_PARTY, "-", SEED_MODELS, True),
        # Not in the domain research: a market party expects more return than a cooperative.
        discount_rate_pct=Sourced(
            Decimal(7),
            "%",
            "vuistregel, niet in het domeinonderzoek; vervangen door de offerte van de marktpartij",
            False,
        ),
        vat_treatment=VAT_ENTITY,
        vat_rate_pct=VAT_RATE,
        fee_model=Sourced(
            FeeModel.LEASE_OR_HEAT_TARIFF, "-", f"{SEED_MODELS} (ESCO / warmtepomp huren)", True
        ),
    ),
}

POSSIBLE_REGIMES = {
    OrgModel.ZELFBEHEER: (Regime.BEPERKT_GEREGULEERD, Regime.KLEIN_COLLECTIEF),
    OrgModel.COOPERATIE: (Regime.BEPERKT_GEREGULEERD, Regime.KLEIN_COLLECTIEF, Regime.BASIS),
    OrgModel.MARKTPARTNER: (Regime.BEPERKT_GEREGULEERD, Regime.KLEIN_COLLECTIEF, Regime.BASIS),
}


def profile(model: OrgModel) -> OrgModelProfile:
    return OrgModelProfile(
        model=model,
        fits_when=texts.ORG_FITS_WHEN[model.value],
        opportunities=texts.ORG_OPPORTUNITIES[model.value],
        challenges=texts.ORG_CHALLENGES[model.value],
        regime_implication=texts.ORG_REGIME_IMPLICATIONS[model.value],
        possible_regimes=POSSIBLE_REGIMES[model],
        financing=FINANCING[model],
        source=f"{SEED_MODELS}; domeinonderzoek §3.4, §4.2 en §5",
    )


def profiles() -> tuple[OrgModelProfile, ...]:
    return tuple(profile(m) for m in OrgModel)


def financing(model: OrgModel) -> Financing:
    return FINANCING[model]


# --- advisor ---


@dataclass(frozen=True)
class OrgPreferences:
    """What the kwartiermaker knows about the residents; None: not known yet."""

    households_can_borrow: bool | None = None
    residents_invest: bool | None = None
    quick_start: bool = False


class AdviceCondition(LabelledEnum):
    UP_TO_10 = "up_to_10"
    MORE_THAN_10 = "more_than_10"
    REGIME_BASIS = "regime_basis"
    INITIATIVE_RESIDENTS = "initiative_residents"
    INITIATIVE_GEMEENTE = "initiative_gemeente"
    INITIATIVE_MARKET = "initiative_market"
    COMMUNITY_MAJORITY = "community_majority"
    MARKET_MAJORITY = "market_majority"
    CAN_BORROW = "can_borrow"
    CANNOT_BORROW = "cannot_borrow"
    RESIDENTS_WONT_INVEST = "residents_wont_invest"
    QUICK_START = "quick_start"


class AdviceReason(LabelledEnum):
    MOST_FEASIBLE_SMALL = "most_feasible_small"
    ZELFBEHEER_TOO_BIG = "zelfbeheer_too_big"
    NO_DESIGNATION_FOR_HOUSEHOLDS = "no_designation_for_households"
    RESIDENTS_LEAD = "residents_lead"
    ATTRACTIVE_LOANS = "attractive_loans"
    BORROWING_IS_THE_BOTTLENECK = "borrowing_is_the_bottleneck"
    HOUSEHOLDS_MUST_INVEST = "households_must_invest"
    COOP_OVERHEAD_SMALL = "coop_overhead_small"
    COOP_SCALE = "coop_scale"
    GEMEENTE_PARTICIPATES = "gemeente_participates"
    RESIDENTS_OWN = "residents_own"
    INVESTMENT_AWAY_FROM_RESIDENTS = "investment_away_from_residents"
    COOP_MUST_BE_WARMTEGEMEENSCHAP = "coop_must_be_warmtegemeenschap"
    MARKET_LEADS = "market_leads"
    MARKET_OWNS = "market_owns"
    AVAILABLE_SOON = "available_soon"
    MARKET_MINORITY_ONLY = "market_minority_only"


@dataclass(frozen=True)
class AdviceRule:
    model: OrgModel
    condition: AdviceCondition
    points: int
    reason: AdviceReason
    source: str
    confirmed: bool
    blocks: bool = False  # the model is not possible when the condition holds


# Zelfbeheer is "meest haalbaar <= 10 deelnemers" (seed deck), the seed's own threshold.
SMALL_GROUP_MAX = 10
HIER_NU = "hier.nu, stappenplan mini-warmtenet: 2–10 aansluitingen, lichte variant"
WCW_OWNERSHIP = "WCW: publieke meerderheid of warmtegemeenschap bij aanwijzing (gemeente.nu)"

ADVICE_RULES = (
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.UP_TO_10,
        3,
        AdviceReason.MOST_FEASIBLE_SMALL,
        f"{SEED_MODELS}; {HIER_NU}",
        True,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.MORE_THAN_10,
        -3,
        AdviceReason.ZELFBEHEER_TOO_BIG,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.REGIME_BASIS,
        0,
        AdviceReason.NO_DESIGNATION_FOR_HOUSEHOLDS,
        WCW_OWNERSHIP,
        False,
        blocks=True,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.INITIATIVE_RESIDENTS,
        1,
        AdviceReason.RESIDENTS_LEAD,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.CAN_BORROW,
        2,
        AdviceReason.ATTRACTIVE_LOANS,
        f"{SEED_MODELS}; {WARMTEFONDS}",
        True,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.CANNOT_BORROW,
        -3,
        AdviceReason.BORROWING_IS_THE_BOTTLENECK,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.ZELFBEHEER,
        AdviceCondition.RESIDENTS_WONT_INVEST,
        -2,
        AdviceReason.HOUSEHOLDS_MUST_INVEST,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.UP_TO_10,
        -1,
        AdviceReason.COOP_OVERHEAD_SMALL,
        f"vuistregel; {HIER_NU}",
        False,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.MORE_THAN_10,
        2,
        AdviceReason.COOP_SCALE,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.INITIATIVE_RESIDENTS,
        2,
        AdviceReason.RESIDENTS_LEAD,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.INITIATIVE_GEMEENTE,
        1,
        AdviceReason.GEMEENTE_PARTICIPATES,
        f"{SEED_MODELS} (crowdfunding / participatie gemeente)",
        True,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.COMMUNITY_MAJORITY,
        2,
        AdviceReason.RESIDENTS_OWN,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.RESIDENTS_WONT_INVEST,
        1,
        AdviceReason.INVESTMENT_AWAY_FROM_RESIDENTS,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.COOPERATIE,
        AdviceCondition.REGIME_BASIS,
        -1,
        AdviceReason.COOP_MUST_BE_WARMTEGEMEENSCHAP,
        f"{SEED_MODELS} (organisatie WCW proof); {WCW_OWNERSHIP}",
        True,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.INITIATIVE_MARKET,
        3,
        AdviceReason.MARKET_LEADS,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.INITIATIVE_GEMEENTE,
        1,
        AdviceReason.GEMEENTE_PARTICIPATES,
        "Seed-presentatie, rol gemeente: partner faciliteren in buurtaanpak",
        True,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.MARKET_MAJORITY,
        2,
        AdviceReason.MARKET_OWNS,
        "vuistregel",
        False,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.QUICK_START,
        2,
        AdviceReason.AVAILABLE_SOON,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.RESIDENTS_WONT_INVEST,
        1,
        AdviceReason.INVESTMENT_AWAY_FROM_RESIDENTS,
        SEED_MODELS,
        True,
    ),
    AdviceRule(
        OrgModel.MARKTPARTNER,
        AdviceCondition.REGIME_BASIS,
        -2,
        AdviceReason.MARKET_MINORITY_ONLY,
        WCW_OWNERSHIP,
        True,
    ),
)


@dataclass(frozen=True)
class AdviceFactor:
    reason: AdviceReason
    points: int
    blocks: bool
    source: str
    confirmed: bool


@dataclass(frozen=True)
class ModelAdvice:
    rank: int  # 1 is the best fit
    model: OrgModel
    score: int
    feasible: bool  # False when a factor rules the model out
    factors: tuple[AdviceFactor, ...]  # why, in table order
    profile: OrgModelProfile


def rank_models(
    facts: RegimeFacts, *, on: date, preferences: OrgPreferences | None = None
) -> tuple[ModelAdvice, ...]:
    """The three models, best fit first: feasible before ruled out, then by score.

    Ties keep the seed deck's order (zelfbeheer, coöperatie, marktpartner).
    """
    prefs = preferences or OrgPreferences()
    regime = check_regime(facts, on=on).regime
    scored = []
    for model in OrgModel:
        factors = tuple(
            AdviceFactor(rule.reason, rule.points, rule.blocks, rule.source, rule.confirmed)
            for rule in ADVICE_RULES
            if rule.model is model and _applies(rule.condition, facts, regime, prefs)
        )
        score = sum(f.points for f in factors)
        feasible = not any(f.blocks for f in factors)
        scored.append((model, score, feasible, factors))
    order = list(OrgModel)
    scored.sort(key=lambda s: (not s[2], -s[1], order.index(s[0])))
    return tuple(
        ModelAdvice(rank, model, score, feasible, factors, profile(model))
        for rank, (model, score, feasible, factors) in enumerate(scored, start=1)
    )


def _applies(
    condition: AdviceCondition, facts: RegimeFacts, regime: Regime, prefs: OrgPreferences
) -> bool:
    majority = Decimal(50)  # more than half of the ownership
    match condition:
        case AdviceCondition.UP_TO_10:
            return facts.end_state_connections <= SMALL_GROUP_MAX
        case AdviceCondition.MORE_THAN_10:
            return facts.end_state_connections > SMALL_GROUP_MAX
        case AdviceCondition.REGIME_BASIS:
            return regime is Regime.BASIS
        case AdviceCondition.INITIATIVE_RESIDENTS:
            return facts.initiative is Initiative.RESIDENTS
        case AdviceCondition.INITIATIVE_GEMEENTE:
            return facts.initiative is Initiative.GEMEENTE
        case AdviceCondition.INITIATIVE_MARKET:
            return facts.initiative is Initiative.MARKET
        case AdviceCondition.COMMUNITY_MAJORITY:
            return facts.ownership.community_pct > majority
        case AdviceCondition.MARKET_MAJORITY:
            return facts.ownership.market_pct > majority
        case AdviceCondition.CAN_BORROW:
            return prefs.households_can_borrow is True
        case AdviceCondition.CANNOT_BORROW:
            return prefs.households_can_borrow is False
        case AdviceCondition.RESIDENTS_WONT_INVEST:
            return prefs.residents_invest is False
        case AdviceCondition.QUICK_START:
            return prefs.quick_start
        case _:
            assert_never(condition)
