"""Regime check under the Wet collectieve warmte: pilot facts in, regime and obligations out.

Pure: standard library only, no Django, no clock. The decision table and the obligations come
from the versioned rule sets in :mod:`juridisch.regime`; the date of the check and the WCW's
entry into force are arguments. Texts are Dutch source strings from :mod:`juridisch.texts`.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import assert_never

from juridisch import texts
from juridisch.regime import (
    NOT_IN_FORCE,
    RULE_SETS,
    WCW_ENTRY_INTO_FORCE,
    Basis,
    Condition,
    Detail,
    EntryIntoForce,
    Initiative,
    Law,
    ObligationCode,
    ObligationSpec,
    OwnershipRule,
    ReasonCode,
    Regime,
    RuleSet,
    Scale,
    Status,
    rules_for,
    scale_for,
    with_entry_into_force,
)
from juridisch.texts import LabelledEnum

__all__ = [
    "RULE_SETS",
    "WCW_ENTRY_INTO_FORCE",
    "EntryIntoForce",
    "InputError",
    "Initiative",
    "InvalidFacts",
    "Obligation",
    "ObligationCode",
    "Ownership",
    "Reason",
    "Regime",
    "RegimeCheck",
    "RegimeFacts",
    "RuleSet",
    "Scale",
    "Status",
    "check_regime",
    "rules_for",
]

# A collective network has at least two connections (seed deck: mini-warmtenet 2–50 dwellings).
MIN_CONNECTIONS = 2
HUNDRED = Decimal(100)


class InputError(LabelledEnum):
    UNKNOWN_INITIATIVE = "unknown_initiative"
    NOT_A_WHOLE_NUMBER = "not_a_whole_number"
    NEGATIVE_COUNT = "negative_count"
    TOO_FEW_CONNECTIONS = "too_few_connections"
    SMALL_CONSUMERS_ABOVE_TOTAL = "small_consumers_above_total"
    SHARE_NOT_A_NUMBER = "share_not_a_number"
    NEGATIVE_SHARE = "negative_share"
    SHARES_ABOVE_100 = "shares_above_100"


class InvalidFacts(ValueError):
    """Bad input; ``code`` names the problem, ``field`` the input, the message is Dutch."""

    def __init__(self, code: InputError, field: str) -> None:
        super().__init__(code.label)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class Ownership:
    """Ownership of the heat company in percent; what is not filled in counts as unknown."""

    public_pct: Decimal = Decimal(0)  # gemeente, province, state, network company
    community_pct: Decimal = Decimal(0)  # residents' cooperative / warmtegemeenschap
    market_pct: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        for name in ("public_pct", "community_pct", "market_pct"):
            share = getattr(self, name)
            if isinstance(share, bool) or not isinstance(share, Decimal | int):
                raise InvalidFacts(InputError.SHARE_NOT_A_NUMBER, name)
            if not Decimal(share).is_finite():
                raise InvalidFacts(InputError.SHARE_NOT_A_NUMBER, name)
            if share < 0:
                raise InvalidFacts(InputError.NEGATIVE_SHARE, name)
        if self.public_pct + self.community_pct + self.market_pct > HUNDRED:
            raise InvalidFacts(InputError.SHARES_ABOVE_100, "ownership")

    @property
    def unknown_pct(self) -> Decimal:
        return HUNDRED - self.public_pct - self.community_pct - self.market_pct


@dataclass(frozen=True)
class RegimeFacts:
    """The facts of a pilot that decide its WCW regime."""

    connections_now: int  # connected today; more than 0 means an existing system
    connections_expected: int  # the end state the pilot works towards
    initiative: Initiative
    # Small-consumer (kleinverbruik) connections in the end state; None: every connection is one,
    # as for homes.
    small_consumer_connections: int | None = None
    # A real prospect of more than the klein-collectief maximum (1,500 in the WCW as adopted).
    prospect_above_max: bool = False
    ownership: Ownership = field(default_factory=Ownership)
    area_designated: bool = False  # the gemeente has designated the area as a warmtekavel

    def __post_init__(self) -> None:
        try:
            # A form may hand over the plain value ("residents"); keep the enum.
            object.__setattr__(self, "initiative", Initiative(self.initiative))
        except ValueError:
            raise InvalidFacts(InputError.UNKNOWN_INITIATIVE, "initiative") from None
        for name in ("connections_now", "connections_expected", "small_consumer_connections"):
            count = getattr(self, name)
            if count is None and name == "small_consumer_connections":
                continue
            if isinstance(count, bool) or not isinstance(count, int):
                raise InvalidFacts(InputError.NOT_A_WHOLE_NUMBER, name)
            if count < 0:
                raise InvalidFacts(InputError.NEGATIVE_COUNT, name)
        if self.end_state_connections < MIN_CONNECTIONS:
            raise InvalidFacts(InputError.TOO_FEW_CONNECTIONS, "connections_expected")
        if self.small_consumers > self.end_state_connections:
            raise InvalidFacts(InputError.SMALL_CONSUMERS_ABOVE_TOTAL, "small_consumer_connections")

    @property
    def end_state_connections(self) -> int:
        return max(self.connections_now, self.connections_expected)

    @property
    def small_consumers(self) -> int:
        if self.small_consumer_connections is None:
            return self.end_state_connections
        return self.small_consumer_connections


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    text: str  # Dutch, filled with the rule set's thresholds
    source: str
    confirmed: bool
    note: str
    law: Law
    depends_on: date | None  # the WCW's entry into force, while it is pending or unconfirmed


@dataclass(frozen=True)
class Obligation:
    code: ObligationCode
    detail: Detail | None
    status: Status
    text: str  # Dutch, filled
    milestone: str | None  # Dutch; set while the step is open, for the pilot's milestones
    source: str
    confirmed: bool
    note: str
    depends_on: date | None


@dataclass(frozen=True)
class RegimeCheck:
    facts: RegimeFacts
    regime: Regime
    scale: Scale
    decided_by: str  # key of the decision-table row
    reasons: tuple[Reason, ...]  # the deciding reason first
    obligations: tuple[Obligation, ...]
    rule_set: str  # version
    text_params: tuple[tuple[str, str], ...]  # to re-fill translated templates
    checked_on: date
    in_force: bool  # the WCW is in force on checked_on
    entry_into_force: EntryIntoForce

    @property
    def confirmed(self) -> bool:
        """The deciding rule is confirmed and in force on a confirmed date."""
        decisive = self.reasons[0]
        return decisive.confirmed and decisive.depends_on is None

    @property
    def milestones(self) -> tuple[str, ...]:
        return tuple(o.milestone for o in self.obligations if o.milestone)

    def obligation(self, code: ObligationCode) -> Obligation | None:
        return next((o for o in self.obligations if o.code is code), None)


def check_regime(
    facts: RegimeFacts,
    *,
    on: date,
    entry_into_force: EntryIntoForce = WCW_ENTRY_INTO_FORCE,
    versions: tuple[RuleSet, ...] = RULE_SETS,
) -> RegimeCheck:
    """The WCW regime of a pilot on date ``on``, with its reasons and obligations."""
    versions = with_entry_into_force(versions, entry_into_force)
    rule_set = rules_for(on, versions)
    in_force = on >= versions[0].valid_from
    pending = None if in_force and entry_into_force.confirmed else entry_into_force.on
    params = rule_set.text_params()

    row = next((r for r in rule_set.rows if holds(r.condition, facts, rule_set)), None)
    if row is None:
        raise LookupError(f"rule set {rule_set.version} has no row for {facts}")
    reasons = [_reason(row.reason, row.basis, params, pending)]
    for notice in rule_set.notices:
        if (
            row.regime in notice.regimes
            and notice.reason is not row.reason
            and holds(notice.condition, facts, rule_set)
        ):
            reasons.append(_reason(notice.reason, notice.basis, params, pending))
    if not in_force:
        reasons.append(_reason(ReasonCode.WCW_NOT_IN_FORCE, NOT_IN_FORCE, params, pending))

    obligations = tuple(
        _obligation(spec, facts, rule_set, params, pending)
        for spec in rule_set.obligations
        if spec.regime is row.regime and holds(spec.when, facts, rule_set)
    )
    return RegimeCheck(
        facts=facts,
        regime=row.regime,
        scale=scale_for(facts.end_state_connections),
        decided_by=row.key,
        reasons=tuple(reasons),
        obligations=obligations,
        rule_set=rule_set.version,
        text_params=tuple(params.items()),
        checked_on=on,
        in_force=in_force,
        entry_into_force=entry_into_force,
    )


def holds(condition: Condition, facts: RegimeFacts, rule_set: RuleSet) -> bool:
    match condition:
        case Condition.ALWAYS:
            return True
        case Condition.ABOVE_MAX:
            return facts.end_state_connections > rule_set.small_collective_max
        case Condition.PROSPECT_ABOVE_MAX:
            return facts.prospect_above_max
        case Condition.FEW_SMALL_CONSUMERS:
            return facts.small_consumers < rule_set.small_consumer_min
        case Condition.AREA_DESIGNATED:
            return facts.area_designated
        case Condition.GEMEENTE_INITIATIVE:
            return facts.initiative is Initiative.GEMEENTE
        case Condition.OWN_INITIATIVE:
            return facts.initiative in (Initiative.RESIDENTS, Initiative.MARKET)
        case Condition.RESIDENTS_INITIATIVE:
            return facts.initiative is Initiative.RESIDENTS
        case Condition.MARKET_INITIATIVE:
            return facts.initiative is Initiative.MARKET
        case Condition.EXISTING_CONNECTIONS:
            return facts.connections_now > 0
        case Condition.GROWS_PAST_MAX:
            return (
                0
                < facts.connections_now
                <= rule_set.small_collective_max
                < (facts.end_state_connections)
            )
        case Condition.COMMUNITY_MAJORITY:
            return facts.ownership.community_pct > rule_set.public_majority_above_pct
        case _:
            assert_never(condition)


def _depends_on(law: Law, pending: date | None) -> date | None:
    return pending if law is Law.WCW else None


def _reason(code: ReasonCode, basis: Basis, params: dict[str, str], pending: date | None) -> Reason:
    return Reason(
        code=code,
        text=texts.fill(code.label, params),
        source=basis.source,
        confirmed=basis.confirmed,
        note=texts.fill(basis.note, params),
        law=basis.law,
        depends_on=_depends_on(basis.law, pending),
    )


def _obligation(
    spec: ObligationSpec,
    facts: RegimeFacts,
    rule_set: RuleSet,
    params: dict[str, str],
    pending: date | None,
) -> Obligation:
    status = _status(spec, facts, rule_set)
    template = spec.detail.label if spec.detail else texts.OBLIGATION_DESCRIPTIONS[spec.code.value]
    open_step = status in (Status.TO_DO, Status.NOT_MET)
    return Obligation(
        code=spec.code,
        detail=spec.detail,
        status=status,
        text=texts.fill(template, params),
        milestone=texts.fill(spec.milestone, params) if spec.milestone and open_step else None,
        source=spec.basis.source,
        confirmed=spec.basis.confirmed,
        note=texts.fill(spec.basis.note, params),
        depends_on=_depends_on(spec.basis.law, pending),
    )


def _status(spec: ObligationSpec, facts: RegimeFacts, rule_set: RuleSet) -> Status:
    match spec.code:
        case ObligationCode.DESIGNATION:
            if not facts.area_designated:
                return Status.TO_DO
            # Designated by the gemeente for its own initiative: done. For another initiative it
            # is unknown whether the designated company is this initiative.
            return Status.MET if facts.initiative is Initiative.GEMEENTE else Status.TO_CHECK
        case ObligationCode.REQUEST_EXEMPTION | ObligationCode.WARMTEGEMEENSCHAP:
            return Status.TO_DO
        case ObligationCode.PUBLIC_MAJORITY:
            if spec.detail is OwnershipRule.PUBLIC_MAJORITY_OR_WARMTEGEMEENSCHAP:
                return _public_majority(facts.ownership, rule_set.public_majority_above_pct)
            return Status.APPLIES
        case _:
            return Status.APPLIES


def _public_majority(ownership: Ownership, above_pct: Decimal) -> Status:
    """More than ``above_pct`` public, directly or indirectly, or a warmtegemeenschap."""
    if ownership.public_pct > above_pct:
        return Status.MET
    if ownership.community_pct > above_pct:
        return Status.TO_CHECK  # only as a warmtegemeenschap: its conditions are a separate step
    unknown = ownership.unknown_pct
    if ownership.public_pct + unknown > above_pct or ownership.community_pct + unknown > above_pct:
        return Status.TO_CHECK  # the shares not filled in could still make a majority
    return Status.NOT_MET
