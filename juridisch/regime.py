"""The Wet collectieve warmte (WCW) as data: codes, the decision table and versioned rule sets.

Pure: standard library only. Everything the regime check decides comes from a :class:`RuleSet`;
a later change of the law is a new version in :data:`RULE_SETS`, never an edit of an old one.
``docs/wcw.md`` is rendered from the same objects (``juridisch/render_docs.py``).

Sources are from the domain research of November 2026 (WCW status, regimes and thresholds).
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from juridisch import texts
from juridisch.texts import LabelledEnum


class Law(LabelledEnum):
    WCW = "wcw"
    WARMTEWET = "warmtewet"


class Regime(LabelledEnum):
    BASIS = "basis"
    KLEIN_COLLECTIEF = "klein_collectief"
    BEPERKT_GEREGULEERD = "beperkt_gereguleerd"


# Regulation from light to heavy: more connections never move a pilot down this order.
REGIME_ORDER = (Regime.BEPERKT_GEREGULEERD, Regime.KLEIN_COLLECTIEF, Regime.BASIS)


class Initiative(LabelledEnum):
    GEMEENTE = "gemeente"  # the gemeente designates a heat company
    RESIDENTS = "residents"
    MARKET = "market"


class Scale(LabelledEnum):
    MINI = "mini"
    KLEINSCHALIG = "kleinschalig"
    GROOTSCHALIG = "grootschalig"


class Condition(LabelledEnum):
    ALWAYS = "always"
    ABOVE_MAX = "above_max"
    PROSPECT_ABOVE_MAX = "prospect_above_max"
    FEW_SMALL_CONSUMERS = "few_small_consumers"
    AREA_DESIGNATED = "area_designated"
    GEMEENTE_INITIATIVE = "gemeente_initiative"
    OWN_INITIATIVE = "own_initiative"
    RESIDENTS_INITIATIVE = "residents_initiative"
    MARKET_INITIATIVE = "market_initiative"
    EXISTING_CONNECTIONS = "existing_connections"
    COMMUNITY_MAJORITY = "community_majority"
    GROWS_PAST_MAX = "grows_past_max"


class ReasonCode(LabelledEnum):
    ABOVE_MAX = "above_max"
    PROSPECT_ABOVE_MAX = "prospect_above_max"
    FEW_SMALL_CONSUMERS = "few_small_consumers"
    AREA_DESIGNATED = "area_designated"
    GEMEENTE_DESIGNATES = "gemeente_designates"
    OWN_INITIATIVE = "own_initiative"
    MARKET_MINORITY_ONLY = "market_minority_only"
    RESIDENTS_AS_WARMTEGEMEENSCHAP = "residents_as_warmtegemeenschap"
    NO_DESIGNATION_NEEDED = "no_designation_needed"
    AREA_DESIGNATED_SMALL = "area_designated_small"
    GROWTH_ENDS_EXEMPTION = "growth_ends_exemption"
    GROWN_PAST_MAX = "grown_past_max"
    EXISTING_SYSTEM_APPLIES = "existing_system_applies"
    WCW_NOT_IN_FORCE = "wcw_not_in_force"


class ObligationCode(LabelledEnum):
    WHO_DECIDES = "who_decides"
    DESIGNATION = "designation"
    REQUEST_EXEMPTION = "request_exemption"
    PUBLIC_MAJORITY = "public_majority"
    WARMTEGEMEENSCHAP = "warmtegemeenschap"
    ACM_SUPERVISION = "acm_supervision"
    TARIFF_REGULATION = "tariff_regulation"
    CONSUMER_PROTECTION = "consumer_protection"
    REPORTING = "reporting"


class Decider(LabelledEnum):
    COLLEGE_DESIGNATES = "college_designates"
    COLLEGE_EXEMPTS = "college_exempts"
    INITIATORS = "initiators"


class OwnershipRule(LabelledEnum):
    PUBLIC_MAJORITY_OR_WARMTEGEMEENSCHAP = "public_majority_or_warmtegemeenschap"
    RESIDENTS_OR_MARKET = "residents_or_market"
    ANYONE = "anyone"


class Supervision(LabelledEnum):
    YEARLY = "yearly"
    EVERY_THREE_YEARS = "every_three_years"
    REACTIVE = "reactive"


class TariffRule(LabelledEnum):
    ACM_MAX_PRICE = "acm_max_price"
    ACM_MAX_PRICE_ON_COMPLAINT = "acm_max_price_on_complaint"


class ConsumerRules(LabelledEnum):
    FULL = "full"
    BASIC = "basic"


class Reporting(LabelledEnum):
    YEARLY = "yearly"
    EVERY_THREE_YEARS = "every_three_years"
    NOTIFICATION = "notification"


class Status(LabelledEnum):
    APPLIES = "applies"  # a duty that holds; nothing to decide
    TO_DO = "to_do"  # an action, usually a milestone
    MET = "met"
    NOT_MET = "not_met"
    TO_CHECK = "to_check"  # depends on facts or conditions the check cannot judge


type Detail = Decider | OwnershipRule | Supervision | TariffRule | ConsumerRules | Reporting


@dataclass(frozen=True)
class Basis:
    """What a rule rests on. ``confirmed`` is False until a published source confirms it."""

    source: str  # publication, article or section, date
    confirmed: bool
    note: str = ""  # Dutch, filled: what is unconfirmed and where to check
    law: Law = Law.WCW


@dataclass(frozen=True)
class EntryIntoForce:
    on: date
    confirmed: bool
    source: str


# The Eerste Kamer adopted the WCW on 9 December 2025; the date of entry into force is not set.
WCW_ENTRY_INTO_FORCE = EntryIntoForce(
    on=date(2027, 1, 1),
    confirmed=False,
    source=(
        "Eerste Kamer nam de WCW aan op 9 december 2025 (gemeente.nu, 10 december 2025); "
        "inwerkingtreding verwacht 2026/2027, nog niet vastgesteld"
    ),
)


@dataclass(frozen=True)
class RegimeRule:
    """One row of the decision table; the first row whose condition holds decides."""

    key: str
    condition: Condition
    regime: Regime
    reason: ReasonCode
    basis: Basis


@dataclass(frozen=True)
class Notice:
    """A reason added to a decided regime when its condition holds."""

    reason: ReasonCode
    condition: Condition
    regimes: tuple[Regime, ...]
    basis: Basis


@dataclass(frozen=True)
class ObligationSpec:
    regime: Regime
    code: ObligationCode
    detail: Detail | None
    basis: Basis
    milestone: str | None = None  # Dutch, filled; copied into milestones while open
    when: Condition = Condition.ALWAYS


@dataclass(frozen=True)
class RuleSet:
    version: str
    title: str
    valid_from: date
    valid_from_confirmed: bool
    small_consumer_min: int  # fewer small-consumer connections than this: beperkt gereguleerd
    small_collective_max: int  # klein collectief up to and including this many connections
    public_majority_above_pct: Decimal  # public share must be strictly above this
    rows: tuple[RegimeRule, ...]
    notices: tuple[Notice, ...]
    obligations: tuple[ObligationSpec, ...]
    # The first WCW version starts on the entry into force, which is a parameter of the check.
    follows_entry_into_force: bool = False

    def text_params(self) -> dict[str, str]:
        return {
            "min": texts.nl_int(self.small_consumer_min),
            "max": texts.nl_int(self.small_collective_max),
            "pct": str(self.public_majority_above_pct),
        }


# The law itself, not the kopgroep's slides that first summarised it (issue 22): the bill as
# adopted, and for supervision its explanatory memorandum, chapter 4 (§4.5 Taken, §4.6
# Verplichtingen), where the slides' claims are still to be checked.
WCW = "Wet collectieve warmte, Kamerstuk 36 576, aangenomen door de Eerste Kamer op 9 december 2025"
WCW_MVT = "Memorie van toelichting WCW, Kamerstuk 36 576, nr. 3, §4.5 Taken en §4.6 Verplichtingen"
WARMTE365 = "EnergieSamen-webinar, warmte365.nl, 20 oktober 2025"
NVW3 = "Derde nota van wijziging WCW, Kamerstuk 36 576 (tkconv 2025D25958), juni 2025"
GEMEENTE_NU = "gemeente.nu, 10 december 2025"
PUBLIC_MAJORITY = "energiecooperatiekorthaarlem.nl; gemeente.nu, 10 december 2025"
WARMTEGEMEENSCHAP = "EnergieSamen via warmte365.nl, 20 oktober 2025"
WARMTEWET = "Warmtewet (2014); huurgeschil.nl; aensblog.nl"

_SEED_SUPERVISION = Basis(WCW_MVT, confirmed=False, note=texts.NOTE_SEED_SUPERVISION)

WCW_2025 = RuleSet(
    version="wcw-2025",
    title="Wet collectieve warmte, aangenomen door de Eerste Kamer op 9 december 2025",
    valid_from=WCW_ENTRY_INTO_FORCE.on,
    valid_from_confirmed=WCW_ENTRY_INTO_FORCE.confirmed,
    small_consumer_min=10,  # warmte365 2025: "fewer than 10 connections: any party"
    small_collective_max=1500,  # 3rd NvW 36 576: klein collectief up to 1,500 verbruikers
    public_majority_above_pct=Decimal(50),  # more than 50% public, directly or indirectly
    follows_entry_into_force=True,
    rows=(
        RegimeRule(
            "above_max",
            Condition.ABOVE_MAX,
            Regime.BASIS,
            ReasonCode.ABOVE_MAX,
            Basis(f"{WARMTE365}; {NVW3}", confirmed=True),
        ),
        RegimeRule(
            "prospect_above_max",
            Condition.PROSPECT_ABOVE_MAX,
            Regime.BASIS,
            ReasonCode.PROSPECT_ABOVE_MAX,
            Basis(f"{WCW}; {NVW3}", confirmed=False, note=texts.NOTE_PROSPECT),
        ),
        RegimeRule(
            "few_small_consumers",
            Condition.FEW_SMALL_CONSUMERS,
            Regime.BEPERKT_GEREGULEERD,
            ReasonCode.FEW_SMALL_CONSUMERS,
            Basis(f"{WCW}; {WARMTE365}", confirmed=True),
        ),
        RegimeRule(
            "gemeente_designates",
            Condition.GEMEENTE_INITIATIVE,
            Regime.BASIS,
            ReasonCode.GEMEENTE_DESIGNATES,
            Basis(f"{GEMEENTE_NU}: verbod op transport en levering zonder aanwijzing", True),
        ),
        RegimeRule(
            "area_designated",
            Condition.AREA_DESIGNATED,
            Regime.BASIS,
            ReasonCode.AREA_DESIGNATED,
            Basis(GEMEENTE_NU, confirmed=False, note=texts.NOTE_AREA_DESIGNATED),
        ),
        RegimeRule(
            "own_initiative",
            Condition.OWN_INITIATIVE,
            Regime.KLEIN_COLLECTIEF,
            ReasonCode.OWN_INITIATIVE,
            Basis(f"{WCW}; {NVW3}; {WARMTE365}", confirmed=True),
        ),
    ),
    notices=(
        Notice(
            ReasonCode.AREA_DESIGNATED,
            Condition.AREA_DESIGNATED,
            (Regime.BASIS,),
            Basis(GEMEENTE_NU, confirmed=False, note=texts.NOTE_AREA_DESIGNATED),
        ),
        Notice(
            ReasonCode.MARKET_MINORITY_ONLY,
            Condition.MARKET_INITIATIVE,
            (Regime.BASIS,),
            Basis(PUBLIC_MAJORITY, confirmed=True),
        ),
        Notice(
            ReasonCode.RESIDENTS_AS_WARMTEGEMEENSCHAP,
            Condition.RESIDENTS_INITIATIVE,
            (Regime.BASIS,),
            Basis(WARMTEGEMEENSCHAP, confirmed=True),
        ),
        Notice(
            ReasonCode.NO_DESIGNATION_NEEDED,
            Condition.GEMEENTE_INITIATIVE,
            (Regime.BEPERKT_GEREGULEERD,),
            Basis(WARMTE365, confirmed=True),
        ),
        Notice(
            ReasonCode.AREA_DESIGNATED_SMALL,
            Condition.AREA_DESIGNATED,
            (Regime.BEPERKT_GEREGULEERD,),
            Basis(GEMEENTE_NU, confirmed=False, note=texts.NOTE_AREA_SMALL),
        ),
        Notice(
            ReasonCode.GROWTH_ENDS_EXEMPTION,
            Condition.ALWAYS,
            (Regime.KLEIN_COLLECTIEF,),
            Basis(NVW3, confirmed=True),
        ),
        # An existing klein collectief that grows past the maximum (issue 21): the same
        # provision as GROWTH_ENDS_EXEMPTION, now as the outcome, not an early warning.
        Notice(
            ReasonCode.GROWN_PAST_MAX,
            Condition.GROWS_PAST_MAX,
            (Regime.BASIS,),
            Basis(NVW3, confirmed=True),
        ),
        Notice(
            ReasonCode.EXISTING_SYSTEM_APPLIES,
            Condition.EXISTING_CONNECTIONS,
            (Regime.KLEIN_COLLECTIEF,),
            Basis(f"{NVW3} (overgangsrecht)", confirmed=True),
        ),
    ),
    obligations=(
        # Basis: designation by the college of B&W.
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.WHO_DECIDES,
            Decider.COLLEGE_DESIGNATES,
            Basis(GEMEENTE_NU, confirmed=True),
        ),
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.DESIGNATION,
            None,
            Basis(GEMEENTE_NU, confirmed=True),
            milestone=texts.MILESTONE_DESIGNATION,
        ),
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.PUBLIC_MAJORITY,
            OwnershipRule.PUBLIC_MAJORITY_OR_WARMTEGEMEENSCHAP,
            Basis(PUBLIC_MAJORITY, confirmed=True),
            milestone=texts.MILESTONE_PUBLIC_MAJORITY,
        ),
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.WARMTEGEMEENSCHAP,
            None,
            Basis(WARMTEGEMEENSCHAP, confirmed=True),
            milestone=texts.MILESTONE_WARMTEGEMEENSCHAP,
            when=Condition.COMMUNITY_MAJORITY,
        ),
        ObligationSpec(
            Regime.BASIS, ObligationCode.ACM_SUPERVISION, Supervision.YEARLY, _SEED_SUPERVISION
        ),
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.TARIFF_REGULATION,
            TariffRule.ACM_MAX_PRICE,
            Basis(GEMEENTE_NU, confirmed=True, note=texts.NOTE_TARIFF_METHOD),
        ),
        ObligationSpec(
            Regime.BASIS,
            ObligationCode.CONSUMER_PROTECTION,
            ConsumerRules.FULL,
            Basis(WARMTEWET, confirmed=False, note=texts.NOTE_CONSUMER_LIMIT),
        ),
        ObligationSpec(Regime.BASIS, ObligationCode.REPORTING, Reporting.YEARLY, _SEED_SUPERVISION),
        # Klein collectief: exemption by the college of B&W.
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.WHO_DECIDES,
            Decider.COLLEGE_EXEMPTS,
            Basis(f"{WARMTE365}; {NVW3}", confirmed=True),
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.REQUEST_EXEMPTION,
            None,
            Basis(f"{WARMTE365}; {NVW3}", confirmed=True),
            milestone=texts.MILESTONE_EXEMPTION,
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.PUBLIC_MAJORITY,
            OwnershipRule.RESIDENTS_OR_MARKET,
            Basis(f"{WCW}; {NVW3}", confirmed=False, note=texts.NOTE_OWNERSHIP_FREE),
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.ACM_SUPERVISION,
            Supervision.EVERY_THREE_YEARS,
            _SEED_SUPERVISION,
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.TARIFF_REGULATION,
            TariffRule.ACM_MAX_PRICE,
            Basis(f"{WCW_MVT}; {GEMEENTE_NU}", confirmed=False, note=texts.NOTE_SEED_SUPERVISION),
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.CONSUMER_PROTECTION,
            ConsumerRules.FULL,
            Basis(WARMTEWET, confirmed=False, note=texts.NOTE_CONSUMER_LIMIT),
        ),
        ObligationSpec(
            Regime.KLEIN_COLLECTIEF,
            ObligationCode.REPORTING,
            Reporting.EVERY_THREE_YEARS,
            _SEED_SUPERVISION,
        ),
        # Beperkt gereguleerd: own initiative, basic rules.
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.WHO_DECIDES,
            Decider.INITIATORS,
            Basis(WARMTE365, confirmed=True),
        ),
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.PUBLIC_MAJORITY,
            OwnershipRule.ANYONE,
            Basis(WARMTE365, confirmed=True),
        ),
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.ACM_SUPERVISION,
            Supervision.REACTIVE,
            _SEED_SUPERVISION,
        ),
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.TARIFF_REGULATION,
            TariffRule.ACM_MAX_PRICE_ON_COMPLAINT,
            _SEED_SUPERVISION,
        ),
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.CONSUMER_PROTECTION,
            ConsumerRules.BASIC,
            Basis(WCW_MVT, confirmed=False, note=texts.NOTE_BASIC_RULES),
        ),
        ObligationSpec(
            Regime.BEPERKT_GEREGULEERD,
            ObligationCode.REPORTING,
            Reporting.NOTIFICATION,
            Basis(WARMTEWET, confirmed=False, note=texts.NOTE_NOTIFICATION),
        ),
    ),
)

RULE_SETS: tuple[RuleSet, ...] = (WCW_2025,)

# The Warmtewet applies until the WCW takes effect (domain research §4.3).
NOT_IN_FORCE = Basis(
    "Warmtewet (2014), in werking sinds 1 januari 2014 tot de WCW in werking treedt",
    confirmed=True,
    law=Law.WARMTEWET,
)

# Seed deck definitions: mini 2–50 dwellings, kleinschalig 51–1,500, grootschalig above.
MINI_MAX = 50
KLEINSCHALIG_MAX = 1500
SCALE_SOURCE = "Seed-presentatie, dia 'Definities'"


def scale_for(connections: int) -> Scale:
    if connections <= MINI_MAX:
        return Scale.MINI
    if connections <= KLEINSCHALIG_MAX:
        return Scale.KLEINSCHALIG
    return Scale.GROOTSCHALIG


def with_entry_into_force(
    versions: tuple[RuleSet, ...], entry: EntryIntoForce
) -> tuple[RuleSet, ...]:
    """The versions with the WCW's first rule set starting on ``entry``."""
    return tuple(
        replace(rs, valid_from=entry.on, valid_from_confirmed=entry.confirmed)
        if rs.follows_entry_into_force
        else rs
        for rs in versions
    )


def rules_for(on: date, versions: tuple[RuleSet, ...] = RULE_SETS) -> RuleSet:
    """The rule set in force on ``on``.

    Before the first version starts, that first version is returned: a pilot plans for the law
    that will apply once it delivers heat. The check marks such an outcome as not yet in force.
    """
    if not versions:
        raise ValueError("no rule sets")
    starts = [rs.valid_from for rs in versions]
    if any(a >= b for a, b in zip(starts, starts[1:], strict=False)):
        raise ValueError("rule sets must be ordered by valid_from, without equal dates")
    current = versions[0]
    for rs in versions[1:]:
        if rs.valid_from <= on:
            current = rs
    return current
