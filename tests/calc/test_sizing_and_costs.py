"""Sizing and the investment breakdown, checked by hand on small cases."""

import math
from decimal import Decimal

import pytest

from techniek.calc import Concept, Fit, HouseholdInput, SiteInput, borefield, run_concept
from techniek.calc.borefield import GroundParams
from techniek.calc.costs import CostCategory
from techniek.calc.money import eur

SIX = [HouseholdInput(gas_m3_per_year=1350)] * 6  # CBS mid-terrace, 1975–1991 (label D)
GROUND = GroundParams()


def test_bodemlus_cluster_of_six_by_hand():
    """Six mid-terraces of 1,350 m³, one cluster of 6, brought from label D to B.

    Space heating after insulation 7,904.59 × 0.65 = 5,137.98 kWh → peak 5,137.98 / 1,800 h
    = 2.8544 kW; tap water 3 kW per home. Heat pumps sized to the larger: 3 kW each, 18 kW.
    At the design hour they give 3 kW each, space heating or tap water, not both: after the
    simultaneity of 6 homes (0.75 + 0.25/√6 = 0.85206) 6 × 3 × 0.85206 = 15.337 kW of heat.
    Design COP at the 0 °C fluid limit: 0.534 × 308.15 / 35 = 4.7015, so the ground gives
    15.337 × (1 − 1/4.7015) = 12.075 kW. The metres come from the simulated field
    (tests/calc/test_borefield.py checks them against GHEtool): the fluid reaches the limit.
    """
    result = run_concept(SIX, SiteInput(), Concept.BODEMLUS_CLUSTER)
    s = result.sizing
    assert s.individual_heat_pump_kw == pytest.approx(18.0)
    assert s.source_extraction_kw == pytest.approx(12.075, rel=1e-4)
    assert s.fluid_min_c == pytest.approx(0.0, abs=0.01)
    (group,) = result.ground.groups
    assert group.fields == 1
    assert group.design.shape.rows == 1
    assert s.borehole_m == pytest.approx(group.design.total_m)
    assert s.borehole_count == group.design.boreholes
    assert s.borehole_depth_m <= 100
    # One hole fewer at the full 100 m would not do: the count is the smallest that works.
    fewer = borefield.Shape(borefield.Layout.LINE, 1, s.borehole_count - 1)
    temps = borefield.fluid_temperatures(group.design.load_w, fewer, 6.0, 100.0, 100.0, GROUND)
    assert temps[:2].min() < 0.0
    # Cluster pipes: 6 × 5.5 m frontage, 5 gaps in a cluster of 6 = 27.5 m trench, 55 m pipe.
    assert s.private_trench_m == pytest.approx(27.5)
    assert s.pipe_m == pytest.approx(55.0)


def test_bodemlus_cluster_of_six_costs_by_hand():
    """Heat pumps 6 × € 6,612 + € 826/kW × 18 kW              = € 54,540.00
    (consumer prices € 8,000 + € 1,000/kW incl. VAT, ÷ 1.21: VAT is added once, issue 15)
    Insulation 6 homes × 2 label steps × 115 m² × € 60     = € 82,800.00
    Boreholes: metres × € 55 + 1 field × € 8,000
    Cluster pipes 27.5 m × € 100                            = €  2,750.00
    Connections 6 × € 2,000                                 = € 12,000.00
    Engineering 10 % × (hard costs without insulation) + € 25,000. O&M heat pumps 1.5 %."""
    result = run_concept(SIX, SiteInput(), Concept.BODEMLUS_CLUSTER)
    costs = result.costs
    by_component = {ln.component.value: ln for ln in costs.lines}
    boreholes = eur(result.sizing.borehole_m * 55 + 8000)
    assert by_component["water_heat_pumps"].capex_eur == Decimal("54540.00")
    assert by_component["insulation"].capex_eur == Decimal("82800.00")
    assert by_component["boreholes"].capex_eur == boreholes
    assert by_component["cluster_pipes"].capex_eur == Decimal("2750.00")
    assert by_component["connections"].capex_eur == Decimal("12000.00")
    hard = Decimal("54540.00") + boreholes + Decimal("2750.00") + Decimal("12000.00")
    engineering = eur(float(hard) * 0.10 + 25000)
    assert by_component["engineering"].capex_eur == engineering
    assert costs.capex_eur == hard + Decimal("82800.00") + engineering
    assert by_component["water_heat_pumps"].om_eur_per_year == Decimal("818.10")
    assert by_component["water_heat_pumps"].lifetime_years == 15
    assert by_component["boreholes"].lifetime_years == 50
    assert by_component["insulation"].lifetime_years is None


def test_categories_add_up_to_the_total_to_the_cent():
    costs = run_concept(SIX * 5, SiteInput(), Concept.COLLECTIVE_MT_AIR_HP).costs
    categories = sum((costs.category_eur(c) for c in CostCategory), Decimal(0))
    assert categories == costs.capex_eur
    assert costs.shared_capex_eur == costs.source_eur + costs.network_eur + costs.engineering_eur
    assert all(line.capex_eur > 0 for line in costs.lines)
    assert {line.component.value for line in costs.replacements} >= {
        "central_heat_pump",
        "street_network",
        "delivery_sets",
    }


def test_an_unregenerated_ring_depletes_and_says_so():
    """Without regeneration a central field cools year after year: its last year runs more than
    the warning threshold colder than its first, which lowers the fit. Half regeneration (ZLT)
    keeps the ground warmer and needs fewer metres for the same homes."""
    ring = run_concept(SIX * 5, SiteInput(), Concept.BODEMLUS_RINGNET)
    assert ring.sizing.depletion_k > 2.0
    assert ring.sizing.regeneration_needed
    assert "regeneration_needed" in ring.warnings
    assert ring.fit is Fit.POSSIBLE
    zlt = run_concept(SIX * 5, SiteInput(), Concept.ZLT_NETWORK)
    assert zlt.sizing.depletion_k < ring.sizing.depletion_k
    assert zlt.sizing.borehole_m < ring.sizing.borehole_m
    # The dry coolers put back half of what the field gives in a year.
    (group,) = zlt.ground.groups
    net = group.fields * (group.design.extraction_kwh - group.design.injection_kwh)
    assert zlt.sizing.regeneration_kwh == pytest.approx(0.5 * (net + zlt.sizing.regeneration_kwh))


def test_mt_network_loss_and_modules():
    """200 m of MT trench × 15 W/m = 3 kW, 26,280 kWh a year. Modules of 50 kW: the central
    heat pump of about 92 kW needs two."""
    site = SiteInput(street_length_m=200)
    air = run_concept(SIX * 3 + SIX[:2], site, Concept.COLLECTIVE_MT_AIR_HP)
    assert air.sizing.network_loss_kw == pytest.approx(3.0)
    assert air.energy.balance.network_loss_kwh == pytest.approx(26280)
    modular = run_concept(SIX * 3 + SIX[:2], site, Concept.MODULAR)
    assert modular.sizing.modules == math.ceil(modular.sizing.central_heat_pump_kw / 50) == 2


def test_local_drilling_limit_means_more_shorter_holes():
    """Deventer allows about 50 m (warmte365, 2025): more holes, none deeper than 50 m, about as
    many metres (shorter holes lose a little more to the surface)."""
    deep = run_concept(SIX, SiteInput(), Concept.BODEMLUS_CLUSTER).sizing
    result = run_concept(SIX, SiteInput(max_borehole_depth_m=50), Concept.BODEMLUS_CLUSTER)
    shallow = result.sizing
    assert shallow.borehole_count > deep.borehole_count
    assert shallow.borehole_depth_m <= 50
    assert shallow.borehole_m == pytest.approx(deep.borehole_m, rel=0.15)
    assert "borehole_depth_limited" in result.warnings


def test_hot_residual_heat_needs_no_heat_pump():
    site = SiteInput(waste_heat_kw=500, waste_heat_temp_c=80)
    result = run_concept(SIX * 10, site, Concept.RESTWARMTE)
    assert result.sizing.central_heat_pump_kw == 0
    assert result.energy.balance.heat_pump_electricity_kwh == 0
    # The link carries the whole design load: homes plus 330 m × 15 W/m of network loss.
    s = result.sizing
    assert s.waste_heat_kw == pytest.approx(s.collective_peak_kw + s.network_loss_kw)
    assert s.network_loss_kw == pytest.approx(60 * 5.5 * 15 / 1000)
