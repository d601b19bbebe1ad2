"""Sizing and the investment breakdown, checked by hand on small cases."""

import math
from decimal import Decimal

import pytest

from techniek.calc import Concept, HouseholdInput, SiteInput, run_concept
from techniek.calc.costs import CostCategory

SIX = [HouseholdInput(gas_m3_per_year=1350)] * 6  # CBS mid-terrace, 1975–1991 (label D)


def test_bodemlus_cluster_of_six_by_hand():
    """Six mid-terraces of 1,350 m³, one cluster of 6, brought from label D to B.

    Space heating after insulation 7,904.59 × 0.65 = 5,137.98 kWh → peak 5,137.98 / 1,800 h
    = 2.8544 kW; tap water 3 kW per home.
    Simultaneity for 6 homes: heating 0.75 + 0.25/√6 = 0.85206, tap 0.10 + 0.90/√6 = 0.46742.
    Collective: 6 × 2.8544 × 0.85206 = 14.593 kW; 6 × 3 × 0.46742 = 8.4136 kW.
    Design COP at 0 °C brine: 35 °C → 4.1820, 55 °C → 0.475 × 328.15 / 55 = 2.8340.
    Extraction = 14.593 × (1 − 1/4.1820) + 8.4136 × (1 − 1/2.8340) = 16.548 kW
    Borehole metres = 16,548 W / 45 W/m (VDI 4640, NL default) = 367.74 m → 4 holes of ≤ 100 m.
    The annual limit (100 kWh/m) needs fewer metres, so the peak sets the field.
    """
    s = run_concept(SIX, SiteInput(), Concept.BODEMLUS_CLUSTER).sizing
    assert s.source_extraction_kw == pytest.approx(16.548, rel=1e-4)
    assert s.borehole_m == pytest.approx(367.74, rel=1e-4)
    assert s.borehole_count == 4
    assert not s.borehole_energy_limited
    assert s.source_heat_kwh / 100 < s.borehole_m
    # Cluster pipes: 6 × 5.5 m frontage, 5 gaps in a cluster of 6 = 27.5 m trench, 55 m pipe.
    assert s.private_trench_m == pytest.approx(27.5)
    assert s.pipe_m == pytest.approx(55.0)
    assert s.individual_heat_pump_kw == pytest.approx(18.0)  # max(2.85, 3 kW tap water) each


def test_bodemlus_cluster_of_six_costs_by_hand():
    """Heat pumps 6 × € 8,000 + € 1,000/kW × 18 kW            = € 66,000.00
    Insulation 6 homes × 2 label steps × 115 m² × € 60     = € 82,800.00
    Boreholes 367.741 m × € 55 + 1 field × € 8,000          = € 28,225.74
    Cluster pipes 27.5 m × € 100                            = €  2,750.00
    Connections 6 × € 2,000                                 = € 12,000.00
    Engineering 10 % × (66,000 + 28,225.74 + 2,750 + 12,000) + € 25,000 = € 35,897.57
    Total € 227,673.31, per home € 37,945.55. O&M heat pumps 1.5 % = € 990.00."""
    costs = run_concept(SIX, SiteInput(), Concept.BODEMLUS_CLUSTER).costs
    by_component = {ln.component.value: ln for ln in costs.lines}
    assert by_component["water_heat_pumps"].capex_eur == Decimal("66000.00")
    assert by_component["insulation"].capex_eur == Decimal("82800.00")
    assert by_component["boreholes"].capex_eur == Decimal("28225.74")
    assert by_component["cluster_pipes"].capex_eur == Decimal("2750.00")
    assert by_component["connections"].capex_eur == Decimal("12000.00")
    assert by_component["engineering"].capex_eur == Decimal("35897.57")
    assert costs.capex_eur == Decimal("227673.31")
    assert costs.capex_per_home_eur == Decimal("37945.55")
    assert by_component["water_heat_pumps"].om_eur_per_year == Decimal("990.00")
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


def test_ring_field_is_set_by_the_annual_limit_without_regeneration():
    """With street-wide simultaneity the peak needs fewer metres than the annual extraction
    allows (100 kWh/m·yr), so metres = ambient heat / 100 and regeneration is flagged."""
    result = run_concept(SIX * 5, SiteInput(), Concept.BODEMLUS_RINGNET)
    s = result.sizing
    assert s.borehole_energy_limited
    assert s.borehole_m == pytest.approx(s.source_heat_kwh / 100)
    assert "regeneration_needed" in result.warnings


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
    """Deventer allows about 50 m (warmte365, 2025): 367.74 m → 8 holes instead of 4."""
    result = run_concept(SIX, SiteInput(max_borehole_depth_m=50), Concept.BODEMLUS_CLUSTER)
    assert result.sizing.borehole_count == 8
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
