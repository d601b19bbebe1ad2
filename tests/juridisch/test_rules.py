"""The WCW regime check: decision table, boundaries, obligations, versions and validation.

Expected regimes follow domain research §4.2 and the seed deck: fewer than 10 small-consumer
connections is beperkt gereguleerd, 10 up to and including 1,500 is klein collectief (or Basis when
the gemeente designates), more than 1,500 or a real prospect of it is Basis.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juridisch.regime import (
    REGIME_ORDER,
    WCW_2025,
    ConsumerRules,
    Decider,
    OwnershipRule,
    ReasonCode,
    Reporting,
    Supervision,
    TariffRule,
    with_entry_into_force,
)
from juridisch.rules import (
    RULE_SETS,
    WCW_ENTRY_INTO_FORCE,
    EntryIntoForce,
    Initiative,
    InputError,
    InvalidFacts,
    ObligationCode,
    Ownership,
    Regime,
    RegimeCheck,
    RegimeFacts,
    Scale,
    Status,
    check_regime,
    rules_for,
)

AFTER = date(2027, 6, 1)  # after the default entry into force (1 January 2027)
BEFORE = date(2026, 6, 1)
CONFIRMED_2026 = EntryIntoForce(date(2026, 7, 1), True, "test: a confirmed date")
# Hypothesis writes no example database into the repository.
quick = settings(database=None, max_examples=300, deadline=None)


def pct(value: str) -> Decimal:
    return Decimal(value)


def facts(
    expected: int,
    initiative: Initiative = Initiative.RESIDENTS,
    *,
    now: int = 0,
    small: int | None = None,
    prospect: bool = False,
    area: bool = False,
    ownership: Ownership | None = None,
) -> RegimeFacts:
    return RegimeFacts(
        connections_now=now,
        connections_expected=expected,
        initiative=initiative,
        small_consumer_connections=small,
        prospect_above_max=prospect,
        ownership=ownership or Ownership(),
        area_designated=area,
    )


def check(f: RegimeFacts, on: date = AFTER) -> RegimeCheck:
    return check_regime(f, on=on)


def reason_codes(result: RegimeCheck) -> list[ReasonCode]:
    return [r.code for r in result.reasons]


# --- regime and scale at the exact boundaries ---


@pytest.mark.parametrize(
    ("connections", "regime", "scale", "decided_by"),
    [
        pytest.param(9, Regime.BEPERKT_GEREGULEERD, Scale.MINI, "few_small_consumers",
                     id="9_homes_fewer_than_10_beperkt_gereguleerd"),
        pytest.param(10, Regime.KLEIN_COLLECTIEF, Scale.MINI, "own_initiative",
                     id="10_homes_klein_collectief_needs_ontheffing"),
        pytest.param(11, Regime.KLEIN_COLLECTIEF, Scale.MINI, "own_initiative",
                     id="11_homes_klein_collectief"),
        pytest.param(50, Regime.KLEIN_COLLECTIEF, Scale.MINI, "own_initiative",
                     id="50_homes_largest_mini_warmtenet"),
        pytest.param(51, Regime.KLEIN_COLLECTIEF, Scale.KLEINSCHALIG, "own_initiative",
                     id="51_homes_smallest_kleinschalig_warmtenet"),
        pytest.param(1499, Regime.KLEIN_COLLECTIEF, Scale.KLEINSCHALIG, "own_initiative",
                     id="1499_homes_klein_collectief"),
        pytest.param(1500, Regime.KLEIN_COLLECTIEF, Scale.KLEINSCHALIG, "own_initiative",
                     id="1500_homes_still_klein_collectief"),
        pytest.param(1501, Regime.BASIS, Scale.GROOTSCHALIG, "above_max",
                     id="1501_homes_needs_aanwijzing"),
    ],
)  # fmt: skip
def test_residents_initiative_regime_at_the_boundaries(
    connections: int, regime: Regime, scale: Scale, decided_by: str
) -> None:
    result = check(facts(connections))
    assert (result.regime, result.scale, result.decided_by) == (regime, scale, decided_by)


@pytest.mark.parametrize(
    ("f", "regime", "decided_by"),
    [
        pytest.param(facts(30, small=9), Regime.BEPERKT_GEREGULEERD, "few_small_consumers",
                     id="30_connections_of_which_9_small_consumers_beperkt"),
        pytest.param(facts(30, small=10), Regime.KLEIN_COLLECTIEF, "own_initiative",
                     id="30_connections_of_which_10_small_consumers_klein_collectief"),
        pytest.param(facts(40, prospect=True), Regime.BASIS, "prospect_above_max",
                     id="40_homes_with_prospect_beyond_1500_basis"),
        pytest.param(facts(5, prospect=True), Regime.BASIS, "prospect_above_max",
                     id="first_5_homes_of_a_growing_city_network_basis"),
        pytest.param(facts(1200, now=1600), Regime.BASIS, "above_max",
                     id="1600_connected_now_shrinking_to_1200_counts_the_larger"),
        pytest.param(facts(12, now=30), Regime.KLEIN_COLLECTIEF, "own_initiative",
                     id="existing_30_connections_counts_the_larger"),
        pytest.param(facts(2), Regime.BEPERKT_GEREGULEERD, "few_small_consumers",
                     id="two_neighbours_share_a_source"),
    ],
)  # fmt: skip
def test_end_state_small_consumers_and_prospect_decide(
    f: RegimeFacts, regime: Regime, decided_by: str
) -> None:
    result = check(f)
    assert (result.regime, result.decided_by) == (regime, decided_by)


# --- each initiative type ---


@pytest.mark.parametrize(
    ("f", "regime", "decided_by", "extra_reason"),
    [
        pytest.param(facts(9, Initiative.GEMEENTE), Regime.BEPERKT_GEREGULEERD,
                     "few_small_consumers", ReasonCode.NO_DESIGNATION_NEEDED,
                     id="gemeente_9_homes_needs_no_designation"),
        pytest.param(facts(40, Initiative.GEMEENTE), Regime.BASIS, "gemeente_designates", None,
                     id="gemeente_designates_40_homes_basis"),
        pytest.param(facts(2000, Initiative.GEMEENTE), Regime.BASIS, "above_max", None,
                     id="gemeente_2000_homes_basis"),
        pytest.param(facts(5, Initiative.RESIDENTS), Regime.BEPERKT_GEREGULEERD,
                     "few_small_consumers", None, id="residents_5_homes_own_initiative"),
        pytest.param(facts(40, Initiative.RESIDENTS), Regime.KLEIN_COLLECTIEF, "own_initiative",
                     ReasonCode.GROWTH_ENDS_EXEMPTION, id="residents_40_homes_ontheffing"),
        pytest.param(facts(2000, Initiative.RESIDENTS), Regime.BASIS, "above_max",
                     ReasonCode.RESIDENTS_AS_WARMTEGEMEENSCHAP,
                     id="residents_2000_homes_only_as_warmtegemeenschap"),
        pytest.param(facts(5, Initiative.MARKET), Regime.BEPERKT_GEREGULEERD,
                     "few_small_consumers", None, id="market_5_homes_own_initiative"),
        pytest.param(facts(40, Initiative.MARKET), Regime.KLEIN_COLLECTIEF, "own_initiative",
                     ReasonCode.GROWTH_ENDS_EXEMPTION, id="market_40_homes_ontheffing"),
        pytest.param(facts(2000, Initiative.MARKET), Regime.BASIS, "above_max",
                     ReasonCode.MARKET_MINORITY_ONLY, id="market_2000_homes_minority_only"),
        pytest.param(facts(40, Initiative.RESIDENTS, area=True), Regime.BASIS, "area_designated",
                     None, id="residents_40_homes_inside_a_designated_warmtekavel"),
        pytest.param(facts(40, Initiative.GEMEENTE, area=True), Regime.BASIS,
                     "gemeente_designates", ReasonCode.AREA_DESIGNATED,
                     id="gemeente_40_homes_area_already_designated"),
        pytest.param(facts(5, Initiative.MARKET, area=True), Regime.BEPERKT_GEREGULEERD,
                     "few_small_consumers", ReasonCode.AREA_DESIGNATED_SMALL,
                     id="market_5_homes_inside_a_designated_warmtekavel"),
        pytest.param(facts(40, now=12), Regime.KLEIN_COLLECTIEF, "own_initiative",
                     ReasonCode.EXISTING_SYSTEM_APPLIES,
                     id="existing_small_system_applies_for_its_own_ontheffing"),
    ],
)  # fmt: skip
def test_initiative_decides_between_designation_and_exemption(
    f: RegimeFacts, regime: Regime, decided_by: str, extra_reason: ReasonCode | None
) -> None:
    result = check(f)
    assert (result.regime, result.decided_by) == (regime, decided_by)
    codes = reason_codes(result)
    assert codes[0] == ReasonCode(decided_by)  # rows are named after their reason
    if extra_reason:
        assert extra_reason in codes
    assert len(codes) == len(set(codes))


def test_every_reason_carries_text_and_source() -> None:
    result = check(facts(2000, Initiative.MARKET, area=True), on=BEFORE)
    for reason in result.reasons:
        assert reason.text
        assert "%(" not in reason.text
        assert reason.source


# --- ownership: public majority under Basis ---


@pytest.mark.parametrize(
    ("ownership", "status", "warmtegemeenschap"),
    [
        pytest.param(Ownership(public_pct=pct("50"), market_pct=pct("50")), Status.NOT_MET, False,
                     id="public_50_market_50_is_no_majority"),
        pytest.param(Ownership(public_pct=pct("50.1"), market_pct=pct("49.9")), Status.MET, False,
                     id="public_50.1_is_a_majority"),
        pytest.param(Ownership(public_pct=pct("100")), Status.MET, False,
                     id="wholly_public_heat_company"),
        pytest.param(Ownership(public_pct=pct("30"), market_pct=pct("70")), Status.NOT_MET, False,
                     id="market_majority_fails"),
        pytest.param(Ownership(public_pct=pct("50"), community_pct=pct("50")), Status.NOT_MET,
                     False, id="public_50_cooperative_50_neither_has_a_majority"),
        pytest.param(Ownership(community_pct=pct("100")), Status.TO_CHECK, True,
                     id="cooperative_owns_all_warmtegemeenschap_route"),
        pytest.param(Ownership(community_pct=pct("50.1"), market_pct=pct("49.9")),
                     Status.TO_CHECK, True, id="cooperative_50.1_warmtegemeenschap_route"),
        pytest.param(Ownership(), Status.TO_CHECK, False, id="ownership_not_filled_in"),
        pytest.param(Ownership(public_pct=pct("40")), Status.TO_CHECK, False,
                     id="public_40_rest_unknown_could_still_be_a_majority"),
    ],
)  # fmt: skip
def test_designation_needs_public_majority_or_warmtegemeenschap(
    ownership: Ownership, status: Status, warmtegemeenschap: bool
) -> None:
    result = check(facts(2000, Initiative.GEMEENTE, ownership=ownership))
    majority = result.obligation(ObligationCode.PUBLIC_MAJORITY)
    assert majority is not None
    assert majority.detail is OwnershipRule.PUBLIC_MAJORITY_OR_WARMTEGEMEENSCHAP
    assert majority.status is status
    assert (majority.milestone is not None) == (status is Status.NOT_MET)
    wg = result.obligation(ObligationCode.WARMTEGEMEENSCHAP)
    assert (wg is not None) == warmtegemeenschap
    if wg:
        assert wg.status is Status.TO_DO
        assert wg.milestone == "Statuten toetsen aan de eisen voor een warmtegemeenschap"


@pytest.mark.parametrize(
    "ownership",
    [
        pytest.param(Ownership(market_pct=pct("100")), id="market_owns_all"),
        pytest.param(Ownership(community_pct=pct("100")), id="residents_own_all"),
        pytest.param(Ownership(public_pct=pct("50")), id="half_public"),
    ],
)
def test_klein_collectief_sets_no_ownership_requirement(ownership: Ownership) -> None:
    result = check(facts(40, Initiative.MARKET, ownership=ownership))
    majority = result.obligation(ObligationCode.PUBLIC_MAJORITY)
    assert majority is not None
    assert (majority.detail, majority.status) == (OwnershipRule.RESIDENTS_OR_MARKET, Status.APPLIES)
    assert result.obligation(ObligationCode.WARMTEGEMEENSCHAP) is None


# --- obligations per regime ---

OBLIGATIONS = {
    Regime.BASIS: {
        ObligationCode.WHO_DECIDES: Decider.COLLEGE_DESIGNATES,
        ObligationCode.DESIGNATION: None,
        ObligationCode.PUBLIC_MAJORITY: OwnershipRule.PUBLIC_MAJORITY_OR_WARMTEGEMEENSCHAP,
        ObligationCode.ACM_SUPERVISION: Supervision.YEARLY,
        ObligationCode.TARIFF_REGULATION: TariffRule.ACM_MAX_PRICE,
        ObligationCode.CONSUMER_PROTECTION: ConsumerRules.FULL,
        ObligationCode.REPORTING: Reporting.YEARLY,
    },
    Regime.KLEIN_COLLECTIEF: {
        ObligationCode.WHO_DECIDES: Decider.COLLEGE_EXEMPTS,
        ObligationCode.REQUEST_EXEMPTION: None,
        ObligationCode.PUBLIC_MAJORITY: OwnershipRule.RESIDENTS_OR_MARKET,
        ObligationCode.ACM_SUPERVISION: Supervision.EVERY_THREE_YEARS,
        ObligationCode.TARIFF_REGULATION: TariffRule.ACM_MAX_PRICE,
        ObligationCode.CONSUMER_PROTECTION: ConsumerRules.FULL,
        ObligationCode.REPORTING: Reporting.EVERY_THREE_YEARS,
    },
    Regime.BEPERKT_GEREGULEERD: {
        ObligationCode.WHO_DECIDES: Decider.INITIATORS,
        ObligationCode.PUBLIC_MAJORITY: OwnershipRule.ANYONE,
        ObligationCode.ACM_SUPERVISION: Supervision.REACTIVE,
        ObligationCode.TARIFF_REGULATION: TariffRule.ACM_MAX_PRICE_ON_COMPLAINT,
        ObligationCode.CONSUMER_PROTECTION: ConsumerRules.BASIC,
        ObligationCode.REPORTING: Reporting.NOTIFICATION,
    },
}


@pytest.mark.parametrize(
    ("f", "regime"),
    [
        pytest.param(facts(2000, Initiative.GEMEENTE), Regime.BASIS,
                     id="basis_yearly_acm_review"),
        pytest.param(facts(40), Regime.KLEIN_COLLECTIEF,
                     id="klein_collectief_acm_review_every_three_years"),
        pytest.param(facts(6), Regime.BEPERKT_GEREGULEERD,
                     id="beperkt_gereguleerd_reactive_tariff_review"),
    ],
)  # fmt: skip
def test_obligations_per_regime(f: RegimeFacts, regime: Regime) -> None:
    result = check(f)
    assert result.regime is regime
    assert {o.code: o.detail for o in result.obligations} == OBLIGATIONS[regime]
    for obligation in result.obligations:
        assert obligation.text
        assert "%(" not in obligation.text
        assert obligation.source


def test_supervision_frequencies_from_the_seed_are_flagged_unconfirmed() -> None:
    for f in (facts(2000, Initiative.GEMEENTE), facts(40), facts(6)):
        supervision = check(f).obligation(ObligationCode.ACM_SUPERVISION)
        assert supervision is not None
        assert not supervision.confirmed
        assert "Kamerstuk 36 576" in supervision.note


@pytest.mark.parametrize(
    ("f", "milestones"),
    [
        pytest.param(facts(40), ("Ontheffing aanvragen bij het college van B&W",),
                     id="klein_collectief_ontheffing_aanvragen"),
        pytest.param(facts(2000, Initiative.GEMEENTE, ownership=Ownership(public_pct=pct("100"))),
                     ("Aanwijzing warmtebedrijf voor de warmtekavel (college van B&W)",),
                     id="basis_designation_still_to_do"),
        pytest.param(facts(2000, Initiative.GEMEENTE, area=True,
                           ownership=Ownership(public_pct=pct("100"))), (),
                     id="basis_area_designated_and_public_nothing_open"),
        pytest.param(facts(2000, Initiative.MARKET, ownership=Ownership(market_pct=pct("100"))),
                     ("Aanwijzing warmtebedrijf voor de warmtekavel (college van B&W)",
                      "Eigendom regelen: meer dan 50% publiek of een warmtegemeenschap"),
                     id="basis_market_owned_needs_designation_and_new_ownership"),
        pytest.param(facts(6), (), id="beperkt_gereguleerd_no_milestones"),
    ],
)  # fmt: skip
def test_open_steps_become_milestones(f: RegimeFacts, milestones: tuple[str, ...]) -> None:
    assert check(f).milestones == milestones


@pytest.mark.parametrize(
    ("initiative", "status"),
    [
        pytest.param(Initiative.GEMEENTE, Status.MET, id="gemeente_designated_its_own_kavel"),
        pytest.param(Initiative.RESIDENTS, Status.TO_CHECK, id="residents_inside_someone_kavel"),
        pytest.param(Initiative.MARKET, Status.TO_CHECK, id="market_inside_someone_kavel"),
    ],
)
def test_designated_area_designation_status(initiative: Initiative, status: Status) -> None:
    designation = check(facts(40, initiative, area=True)).obligation(ObligationCode.DESIGNATION)
    assert designation is not None
    assert designation.status is status
    assert designation.milestone is None


# --- entry into force and confirmation ---


def test_before_entry_into_force_the_outcome_depends_on_the_wcw_date() -> None:
    result = check(facts(40), on=BEFORE)
    assert result.regime is Regime.KLEIN_COLLECTIEF
    assert not result.in_force
    assert not result.confirmed
    assert reason_codes(result)[-1] is ReasonCode.WCW_NOT_IN_FORCE
    assert result.reasons[0].depends_on == date(2027, 1, 1)
    assert all(o.depends_on == date(2027, 1, 1) for o in result.obligations)
    assert result.reasons[-1].depends_on is None  # the Warmtewet is in force


def test_default_entry_date_is_unconfirmed_so_nothing_is_final() -> None:
    assert WCW_ENTRY_INTO_FORCE.on == date(2027, 1, 1)
    assert not WCW_ENTRY_INTO_FORCE.confirmed
    result = check(facts(40), on=AFTER)
    assert result.in_force
    assert ReasonCode.WCW_NOT_IN_FORCE not in reason_codes(result)
    assert result.reasons[0].confirmed
    assert result.reasons[0].depends_on == date(2027, 1, 1)
    assert not result.confirmed


def test_a_confirmed_earlier_entry_date_makes_confirmed_rules_final() -> None:
    result = check_regime(facts(40), on=date(2026, 8, 1), entry_into_force=CONFIRMED_2026)
    assert result.in_force
    assert result.confirmed
    assert result.reasons[0].depends_on is None
    exemption = result.obligation(ObligationCode.REQUEST_EXEMPTION)
    assert exemption is not None
    assert exemption.confirmed
    assert exemption.depends_on is None


def test_a_confirmed_date_does_not_confirm_a_rule_from_the_seed_only() -> None:
    result = check_regime(
        facts(40, prospect=True), on=date(2026, 8, 1), entry_into_force=CONFIRMED_2026
    )
    assert result.decided_by == "prospect_above_max"
    assert not result.confirmed
    assert result.reasons[0].note


def test_the_day_before_a_confirmed_entry_date_is_not_in_force() -> None:
    result = check_regime(facts(40), on=date(2026, 6, 30), entry_into_force=CONFIRMED_2026)
    assert not result.in_force
    assert result.reasons[0].depends_on == date(2026, 7, 1)


# --- versioned rule sets ---

# A hypothetical later amendment: klein collectief up to 2,000 connections from 2030.
AMENDMENT_2030 = replace(
    WCW_2025,
    version="wcw-2030-test",
    valid_from=date(2030, 1, 1),
    valid_from_confirmed=True,
    small_collective_max=2000,
    follows_entry_into_force=False,
)
VERSIONS = (WCW_2025, AMENDMENT_2030)


@pytest.mark.parametrize(
    ("on", "version"),
    [
        pytest.param(date(2020, 1, 1), "wcw-2025", id="before_the_wcw_plan_with_version_1"),
        pytest.param(date(2027, 1, 1), "wcw-2025", id="wcw_first_day"),
        pytest.param(date(2029, 12, 31), "wcw-2025", id="day_before_the_amendment"),
        pytest.param(date(2030, 1, 1), "wcw-2030-test", id="amendment_first_day"),
        pytest.param(date(2040, 1, 1), "wcw-2030-test", id="long_after_the_amendment"),
    ],
)  # fmt: skip
def test_rules_for_picks_the_version_in_force(on: date, version: str) -> None:
    assert rules_for(on, VERSIONS).version == version


def test_default_rule_sets_hold_the_wcw_as_adopted() -> None:
    assert rules_for(date(2028, 1, 1)) is RULE_SETS[0]
    assert RULE_SETS[0].version == "wcw-2025"


def test_a_later_law_change_is_a_new_version_not_an_edit() -> None:
    f = facts(1800)
    before = check_regime(f, on=date(2029, 12, 31), versions=VERSIONS)
    after = check_regime(f, on=date(2030, 1, 1), versions=VERSIONS)
    assert (before.regime, before.rule_set) == (Regime.BASIS, "wcw-2025")
    assert (after.regime, after.rule_set) == (Regime.KLEIN_COLLECTIEF, "wcw-2030-test")
    assert "2.000" in after.reasons[0].text
    assert WCW_2025.small_collective_max == 1500


def test_entry_into_force_moves_only_the_first_version() -> None:
    moved = with_entry_into_force(VERSIONS, CONFIRMED_2026)
    assert [rs.valid_from for rs in moved] == [date(2026, 7, 1), date(2030, 1, 1)]
    assert moved[0].valid_from_confirmed


@pytest.mark.parametrize(
    "versions",
    [
        pytest.param((), id="no_versions"),
        pytest.param((AMENDMENT_2030, WCW_2025), id="out_of_order"),
        pytest.param((WCW_2025, replace(AMENDMENT_2030, valid_from=WCW_2025.valid_from)),
                     id="two_versions_on_one_day"),
    ],
)  # fmt: skip
def test_rules_for_rejects_a_broken_version_list(versions: tuple) -> None:
    with pytest.raises(ValueError, match="rule set"):
        rules_for(date(2028, 1, 1), versions)


# --- validation ---


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        pytest.param({"connections_now": -1}, InputError.NEGATIVE_COUNT, "connections_now",
                     id="negative_connections_now"),
        pytest.param({"connections_expected": -5}, InputError.NEGATIVE_COUNT,
                     "connections_expected", id="negative_expected_connections"),
        pytest.param({"small_consumer_connections": -1}, InputError.NEGATIVE_COUNT,
                     "small_consumer_connections", id="negative_small_consumers"),
        pytest.param({"connections_expected": 1}, InputError.TOO_FEW_CONNECTIONS,
                     "connections_expected", id="one_home_is_no_network"),
        pytest.param({"connections_expected": 0}, InputError.TOO_FEW_CONNECTIONS,
                     "connections_expected", id="no_homes_at_all"),
        pytest.param({"small_consumer_connections": 13}, InputError.SMALL_CONSUMERS_ABOVE_TOTAL,
                     "small_consumer_connections", id="more_small_consumers_than_connections"),
        pytest.param({"connections_expected": 12.0}, InputError.NOT_A_WHOLE_NUMBER,
                     "connections_expected", id="float_count"),
        pytest.param({"connections_now": True}, InputError.NOT_A_WHOLE_NUMBER,
                     "connections_now", id="bool_is_not_a_count"),
        pytest.param({"initiative": "woningcorporatie"}, InputError.UNKNOWN_INITIATIVE,
                     "initiative", id="unknown_initiative"),
    ],
)  # fmt: skip
def test_bad_counts_raise_a_coded_dutch_error(kwargs: dict, code: InputError, field: str) -> None:
    base = {"connections_now": 0, "connections_expected": 12, "initiative": Initiative.RESIDENTS}
    with pytest.raises(InvalidFacts) as caught:
        RegimeFacts(**{**base, **kwargs})
    assert (caught.value.code, caught.value.field) == (code, field)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == code.label


@pytest.mark.parametrize(
    ("shares", "code", "field"),
    [
        pytest.param({"public_pct": pct("60"), "market_pct": pct("50")},
                     InputError.SHARES_ABOVE_100, "ownership", id="shares_sum_to_110"),
        pytest.param({"public_pct": pct("50.1"), "community_pct": pct("50")},
                     InputError.SHARES_ABOVE_100, "ownership", id="shares_sum_to_100.1"),
        pytest.param({"market_pct": pct("101")}, InputError.SHARES_ABOVE_100, "ownership",
                     id="one_share_above_100"),
        pytest.param({"community_pct": pct("-1")}, InputError.NEGATIVE_SHARE, "community_pct",
                     id="negative_share"),
        pytest.param({"public_pct": Decimal("NaN")}, InputError.SHARE_NOT_A_NUMBER, "public_pct",
                     id="nan_share"),
        pytest.param({"public_pct": 50.5}, InputError.SHARE_NOT_A_NUMBER, "public_pct",
                     id="float_share_is_not_money_safe"),
    ],
)  # fmt: skip
def test_bad_shares_raise_a_coded_dutch_error(shares: dict, code: InputError, field: str) -> None:
    with pytest.raises(InvalidFacts) as caught:
        Ownership(**shares)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert str(caught.value) == code.label


def test_initiative_from_a_form_value_becomes_the_enum() -> None:
    f = RegimeFacts(0, 40, "gemeente")  # type: ignore[arg-type]
    assert f.initiative is Initiative.GEMEENTE
    assert check(f).decided_by == "gemeente_designates"


def test_a_rule_set_without_a_catch_all_row_fails_loudly() -> None:
    partial = replace(WCW_2025, rows=WCW_2025.rows[:1])
    with pytest.raises(LookupError, match="wcw-2025"):
        check_regime(facts(40), on=AFTER, versions=(partial,))


def test_shares_of_exactly_100_are_fine() -> None:
    ownership = Ownership(pct("33.4"), pct("33.3"), pct("33.3"))
    assert ownership.unknown_pct == 0


def test_error_messages_are_dutch() -> None:
    assert InputError.SHARES_ABOVE_100.label == "De eigendomsaandelen zijn samen meer dan 100%."
    assert InputError.NEGATIVE_COUNT.label == "Een aantal aansluitingen kan niet negatief zijn."


# --- properties ---

shares = st.decimals(min_value=0, max_value=100, places=1)


@st.composite
def ownerships(draw: st.DrawFn) -> Ownership:
    public = draw(shares)
    community = draw(st.decimals(min_value=0, max_value=100 - public, places=1))
    market = draw(st.decimals(min_value=0, max_value=100 - public - community, places=1))
    return Ownership(public, community, market)


@st.composite
def valid_facts(draw: st.DrawFn, max_connections: int = 3000) -> RegimeFacts:
    now = draw(st.integers(0, max_connections))
    expected = draw(st.integers(0 if now >= 2 else 2, max_connections))
    end_state = max(now, expected)
    return RegimeFacts(
        connections_now=now,
        connections_expected=expected,
        initiative=draw(st.sampled_from(Initiative)),
        small_consumer_connections=draw(st.none() | st.integers(0, end_state)),
        prospect_above_max=draw(st.booleans()),
        ownership=draw(ownerships()),
        area_designated=draw(st.booleans()),
    )


def oracle(f: RegimeFacts) -> Regime:
    """The decision table written out by hand, from domain research §4.2 and the seed deck."""
    if f.end_state_connections > 1500 or f.prospect_above_max:
        return Regime.BASIS
    if f.small_consumers < 10:
        return Regime.BEPERKT_GEREGULEERD
    if f.initiative is Initiative.GEMEENTE or f.area_designated:
        return Regime.BASIS
    return Regime.KLEIN_COLLECTIEF


@quick
@given(valid_facts(), st.sampled_from([BEFORE, AFTER]))
def test_any_valid_input_gives_exactly_one_regime(f: RegimeFacts, on: date) -> None:
    result = check_regime(f, on=on)
    assert result.regime is oracle(f)
    matching = [r for r in WCW_2025.rows if r.key == result.decided_by]
    assert len(matching) == 1
    assert matching[0].regime is result.regime
    codes = [o.code for o in result.obligations]
    assert len(codes) == len(set(codes))
    assert ObligationCode.WHO_DECIDES in codes
    assert ObligationCode.ACM_SUPERVISION in codes
    for obligation in result.obligations:
        if obligation.milestone:
            assert obligation.status in (Status.TO_DO, Status.NOT_MET)


@quick
@given(valid_facts(max_connections=2000), st.integers(1, 2000))
def test_more_connections_never_lighten_the_regime(f: RegimeFacts, extra: int) -> None:
    grown = replace(
        f,
        connections_expected=f.end_state_connections + extra,
        small_consumer_connections=None,
    )
    light = replace(f, small_consumer_connections=None)
    rank = REGIME_ORDER.index
    assert rank(check(grown).regime) >= rank(check(light).regime)


@quick
@given(shares, shares, shares)
def test_shares_above_100_together_always_raise(
    public: Decimal, community: Decimal, market: Decimal
) -> None:
    if public + community + market > 100:
        with pytest.raises(InvalidFacts) as caught:
            Ownership(public, community, market)
        assert caught.value.code is InputError.SHARES_ABOVE_100
    else:
        assert Ownership(public, community, market).unknown_pct >= 0


@pytest.mark.parametrize(
    ("f", "regime", "grown_past_max"),
    [
        pytest.param(facts(1600, now=1200), Regime.BASIS, True, id="1200_now_grows_to_1600"),
        pytest.param(facts(1501, now=1500), Regime.BASIS, True, id="1500_now_grows_to_1501"),
        pytest.param(facts(1500, now=1400), Regime.KLEIN_COLLECTIEF, False, id="stays_at_1500"),
        pytest.param(facts(2000), Regime.BASIS, False, id="new_system_above_max"),
        pytest.param(facts(2000, now=1800), Regime.BASIS, False, id="already_above_max"),
    ],
)  # fmt: skip
def test_a_klein_collectief_growing_past_the_max_loses_its_ontheffing(
    f: RegimeFacts, regime: Regime, grown_past_max: bool
) -> None:
    result = check(f)
    assert result.regime is regime
    assert (ReasonCode.GROWN_PAST_MAX in reason_codes(result)) is grown_past_max
    if grown_past_max:
        [reason] = [r for r in result.reasons if r.code is ReasonCode.GROWN_PAST_MAX]
        assert "de ontheffing voor een klein collectief eindigt" in reason.text
        assert "publieke meerderheid of een warmtegemeenschap" in reason.text
        assert reason.source
        assert reason.confirmed
