"""VAT is applied exactly once (issue 15).

Consumer prices published incl. VAT (Milieu Centraal: an 8 kW air-water heat pump € 12,000; a
4 kW hybrid € 6,000) are stored excl. VAT, so the household pays the published price, not
€ 12,000 × 1.21 = € 14,520. And with subsidies and loan caps out of the way every household
amount is its excl.-VAT amount × (1 + VAT): × 1.21, never × 1.21².
"""

import pytest

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.business_case import run
from techniek.calc.costs import CostParams
from techniek.calc.financing import OrgModel, default_financing
from techniek.calc.parameters import SOURCED
from techniek.calc.prices import PricesParams
from techniek.calc.references import air_hp_reference, gas_reference_for, references_for
from techniek.calc.subsidies import SubsidyInput

NO_VAT = PricesParams(vat_rate=0.0)
VAT = PricesParams()
PLAIN = SubsidyInput(isde=False, wis=False, warmtefonds=False)  # linear: no caps, no grants
HOMES = [HouseholdInput(gas_m3_per_year=1350)] * 6


@pytest.mark.parametrize(
    ("what", "excl_vat", "published_incl_vat"),
    [
        ("air-water 8 kW", lambda c: c.air_hp_base_eur + 8 * c.air_hp_eur_per_kw, 12_000),
        ("hybrid 4 kW", lambda c: c.hybrid_hp_eur, 6_000),
        ("water-water 8 kW", lambda c: c.water_hp_base_eur + 8 * c.water_hp_eur_per_kw, 16_000),
    ],
)
def test_a_consumer_price_incl_vat_is_paid_once(what, excl_vat, published_incl_vat):
    paid = excl_vat(CostParams()) * VAT.vat_factor
    assert paid == pytest.approx(published_incl_vat, abs=5), what  # whole-euro rounding


@pytest.fixture(scope="module")
def street():
    return references_for(HOMES, SiteInput()), run_concept(
        HOMES, SiteInput(), Concept.BODEMLUS_RINGNET
    )


def test_the_references_carry_vat_once(street):
    refs, _cr = street
    for option in (
        lambda p: gas_reference_for(refs, p, 0.03),
        lambda p: air_hp_reference(refs, p, PLAIN, 0.03),
    ):
        with_vat, without = option(VAT), option(NO_VAT)
        assert float(with_vat.year1_eur) == pytest.approx(float(without.year1_eur) * 1.21, abs=0.02)


@pytest.mark.parametrize("model", [OrgModel.ZELFBEHEER, OrgModel.MARKT])
def test_the_network_household_carries_vat_once(street, model):
    """Zelfbeheer: households pay VAT on every line. ESCO: it deducts VAT on its costs and charges
    21 % on its tariff. Either way the household's year-1 cost is × 1.21 exactly."""
    refs, cr = street
    f = default_financing(model)
    with_vat = run(cr, f, VAT, PLAIN, 6, references=refs).household.network
    without = run(cr, f, NO_VAT, PLAIN, 6, references=refs).household.network
    assert float(with_vat.year1_eur) == pytest.approx(float(without.year1_eur) * 1.21, abs=0.02)


def test_the_acm_cap_is_published_incl_vat_and_gets_no_more(street):
    refs, cr = street
    esco = default_financing(OrgModel.MARKT)
    a = run(cr, esco, VAT, PLAIN, 6, references=refs).acm
    b = run(cr, esco, NO_VAT, PLAIN, 6, references=refs).acm
    assert a.max_eur_per_year == b.max_eur_per_year  # the cap does not move with our VAT rate
    assert float(a.tariff_eur_per_year) == pytest.approx(float(b.tariff_eur_per_year) * 1.21, 0.01)


def test_every_price_says_whether_vat_is_in_it_and_its_year():
    for key, s in SOURCED.items():
        if key.startswith("prices.") and s.unit.startswith("€"):
            assert ("excl. btw" in s.unit) != ("incl. btw" in s.unit), key
        if key.startswith("prices."):
            assert s.year == 2026, key
    assert SOURCED["subsidies.isde_heat_network_eur"].year == 2021  # the 2021 amount, shown so
    consumer = ("air_hp_base_eur", "air_hp_eur_per_kw", "water_hp_base_eur", "water_hp_eur_per_kw")
    for name in (*consumer, "hybrid_hp_eur", "gas_boiler_eur"):
        assert "excl. btw" in SOURCED[f"costs.{name}"].unit, name
