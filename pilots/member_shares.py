"""Zelfbeheer: what each member puts in and pays into the maintenance fund, and what a share is
worth later (for a leaving or a new member). Pure: the engine's cost breakdown in, money out.

The shared parts (source, network, engineering) are owned together and split equally; the
in-home parts, the connection and insulation belong to each home, so a member's own part is
the average. A share is written off linearly over the network's lifetime in the calculation:
a simple, explainable rule for exit and entry, which the members may replace in their own
agreement.
"""

from dataclasses import dataclass
from decimal import Decimal

from techniek.calc.costs import CostBreakdown, CostCategory
from techniek.calc.money import eur

SHARED = frozenset({CostCategory.SOURCE, CostCategory.NETWORK, CostCategory.ENGINEERING})


@dataclass(frozen=True)
class MemberShares:
    members: int
    shared_capex_eur: Decimal
    shared_per_member_eur: Decimal
    own_per_member_eur: Decimal  # in-home, connection and insulation, averaged over the homes
    fund_om_eur_per_year: Decimal  # maintenance of the shared parts, all members together
    fund_reserve_eur_per_year: Decimal  # replacing the shared parts at the end of their life
    write_off_years: int

    @property
    def fund_eur_per_year(self) -> Decimal:
        return self.fund_om_eur_per_year + self.fund_reserve_eur_per_year

    @property
    def fund_per_member_eur_per_year(self) -> Decimal:
        return eur(self.fund_eur_per_year / self.members)

    def book_value_eur(self, years: int) -> Decimal:
        """A member's shared part after `years`: linear to zero over the write-off period."""
        left = max(0, self.write_off_years - years)
        return eur(self.shared_per_member_eur * left / self.write_off_years)


def member_shares(costs: CostBreakdown, write_off_years: float) -> MemberShares:
    n = costs.homes
    shared = [ln for ln in costs.lines if ln.category in SHARED]
    shared_capex = sum((ln.capex_eur for ln in shared), Decimal(0))
    own = costs.capex_eur - shared_capex
    om = sum((ln.om_eur_per_year for ln in shared), Decimal(0))
    # A yearly reserve of capex / lifetime: the part is paid for again when it is replaced.
    reserve = sum(
        (ln.capex_eur / ln.lifetime_years for ln in shared if ln.lifetime_years), Decimal(0)
    )
    return MemberShares(
        members=n,
        shared_capex_eur=eur(shared_capex),
        shared_per_member_eur=eur(shared_capex / n),
        own_per_member_eur=eur(own / n),
        fund_om_eur_per_year=eur(om),
        fund_reserve_eur_per_year=eur(reserve),
        write_off_years=max(1, round(write_off_years)),
    )
