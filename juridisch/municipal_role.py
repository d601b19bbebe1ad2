"""The gemeente's role: the seed deck's three strategies and what each asks of the municipality.

Pure: standard library only. Scope, approach and "wanneer logisch" are the seed deck's wording
(in :mod:`juridisch.texts`); what each strategy asks is drawn from the domain research, each item
with its source.
"""

from dataclasses import dataclass

from juridisch import texts
from juridisch.texts import LabelledEnum

SEED_ROLE = (
    "Seed-presentatie, dia 'Drie strategieën voor rol gemeente; organisch vs. planmatig & scope "
    "van project'"
)
SEED_LESSONS = "Seed-presentatie, dia 'Lessons learned versnelling'"


class Strategy(LabelledEnum):
    LOSSE_INITIATIEVEN = "losse_initiatieven"
    PARTNER_FACILITEREN = "partner_faciliteren"
    GEMEENTE_TREKT = "gemeente_trekt"


class ProjectScope(LabelledEnum):
    BLOCK_STREET_SQUARE = "block_street_square"
    NEIGHBOURHOOD = "neighbourhood"


class Approach(LabelledEnum):
    ORGANIC = "organic"
    MIXED = "mixed"


class Ask(LabelledEnum):
    SMALL_NETWORK_POLICY = "small_network_policy"
    GRANT_EXEMPTIONS = "grant_exemptions"
    CHECK_OTHER_PLANS = "check_other_plans"
    PROCESS_FUNDING = "process_funding"
    FIX_ROLES = "fix_roles"
    FIT_BIGGER_PICTURE = "fit_bigger_picture"
    COUNCIL_CONDITIONS = "council_conditions"
    PREPARE_PERMISSION = "prepare_permission"
    PROJECT_LEAD = "project_lead"
    UNPROFITABLE_TOP = "unprofitable_top"
    DESIGNATE_PUBLIC_COMPANY = "designate_public_company"
    VULNERABLE_HOUSEHOLDS = "vulnerable_households"


@dataclass(frozen=True)
class Request:
    """Something a strategy asks of the municipality, with what it rests on."""

    ask: Ask
    source: str
    confirmed: bool


@dataclass(frozen=True)
class MunicipalStrategy:
    strategy: Strategy
    number: int  # the seed deck's numbering, 1–3
    scope: ProjectScope
    approach: Approach
    when_logical: tuple[str, ...]  # seed deck wording ("Wanneer logisch")
    asks: tuple[Request, ...]
    source: str


PARTICIPATIECOALITIE = "Participatiecoalitie, Bewonersinitiatief in de warmtetransitie (2021)"
WCW_EXEMPTION = "WCW: ontheffing door het college van B&W (warmte365.nl, 20 oktober 2025)"
WCW_DESIGNATION = "WCW: aanwijzing en publieke meerderheid (gemeente.nu, 10 december 2025)"
TERHERNE = "Interreg WaterWarmth, Terherne (interregnorthsea.eu): rollen eerst vastleggen"
HIER_NU = "hier.nu, ontwikkelfase warmtenet (lessen PAW-proeftuinen)"
WIS_2025 = "WIS-ronde 2025: minstens 250 kleinverbruikaansluitingen in 5 gebouwen"
WARMTEFONDS = "Nationaal Warmtefonds, Energiebespaarhypotheek (isolatieloket.nl; warmtefonds.nl)"

STRATEGIES = (
    MunicipalStrategy(
        strategy=Strategy.LOSSE_INITIATIEVEN,
        number=1,
        scope=ProjectScope.BLOCK_STREET_SQUARE,
        approach=Approach.ORGANIC,
        when_logical=texts.STRATEGY_WHEN_LOGICAL["losse_initiatieven"],
        asks=(
            Request(Ask.SMALL_NETWORK_POLICY, PARTICIPATIECOALITIE, True),
            Request(Ask.GRANT_EXEMPTIONS, WCW_EXEMPTION, True),
            Request(Ask.CHECK_OTHER_PLANS, SEED_ROLE, True),
            Request(Ask.PROCESS_FUNDING, SEED_LESSONS, True),
        ),
        source=SEED_ROLE,
    ),
    MunicipalStrategy(
        strategy=Strategy.PARTNER_FACILITEREN,
        number=2,
        scope=ProjectScope.NEIGHBOURHOOD,
        approach=Approach.MIXED,
        when_logical=texts.STRATEGY_WHEN_LOGICAL["partner_faciliteren"],
        asks=(
            Request(Ask.FIX_ROLES, TERHERNE, True),
            Request(Ask.FIT_BIGGER_PICTURE, SEED_ROLE, True),
            Request(Ask.COUNCIL_CONDITIONS, HIER_NU, True),
            Request(Ask.PREPARE_PERMISSION, f"{WCW_EXEMPTION}; {WCW_DESIGNATION}", True),
        ),
        source=SEED_ROLE,
    ),
    MunicipalStrategy(
        strategy=Strategy.GEMEENTE_TREKT,
        number=3,
        scope=ProjectScope.NEIGHBOURHOOD,
        approach=Approach.MIXED,
        when_logical=texts.STRATEGY_WHEN_LOGICAL["gemeente_trekt"],
        asks=(
            Request(Ask.PROJECT_LEAD, TERHERNE, True),
            Request(Ask.UNPROFITABLE_TOP, WIS_2025, True),
            Request(Ask.DESIGNATE_PUBLIC_COMPANY, WCW_DESIGNATION, True),
            Request(Ask.VULNERABLE_HOUSEHOLDS, WARMTEFONDS, True),
        ),
        source=SEED_ROLE,
    ),
)


def strategies() -> tuple[MunicipalStrategy, ...]:
    return STRATEGIES


def strategy(code: Strategy) -> MunicipalStrategy:
    return next(s for s in STRATEGIES if s.strategy is code)
