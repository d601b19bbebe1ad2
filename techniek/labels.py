"""Translatable labels for the engine's codes. The pure engine has no Django, so no gettext: its
enums are codes, and this module turns them into Dutch (the source language) for the pages."""

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from techniek.calc import (
    DEFAULTS,
    Assumptions,
    BuildingType,
    Concept,
    ConstructionPeriod,
    Fit,
    ScaleClass,
    Warning,
)

CONCEPTS: dict[Concept, Promise] = {
    Concept.BODEMLUS_CLUSTER: _("Bodemlus variant cluster"),
    Concept.BODEMLUS_RINGNET: _("Bodemlus variant ringnet"),
    Concept.PVT_RING: _("PVT met individuele warmtepompen"),
    Concept.HORIZONTAL_LOOPS: _("Horizontale bodemlussen"),
    Concept.AQUATHERMIE_RING: _("Oppervlaktewater (aquathermie) op ringnet"),
    Concept.ZONTHERMIE_MT: _("Zonthermie + MT-opslag en warmtepomp"),
    Concept.COLLECTIVE_MT_AIR_HP: _("MT-luchtwarmtepomp (collectief)"),
    Concept.WKO: _("WKO (bodemenergie, open systeem)"),
    Concept.AQUATHERMIE_WKO: _("Aquathermie (TEO met WKO)"),
    Concept.RESTWARMTE: _("Lokale restwarmte"),
    Concept.ZLT_NETWORK: _("ZLT-net (zeer lage temperatuur)"),
    Concept.MODULAR: _("Modulair energieconcept"),
    Concept.GAS_BOILER: _("HR-ketel (referentie)"),
    Concept.INDIVIDUAL_AIR_HP: _("Individuele lucht-waterwarmtepomp"),
    Concept.HYBRID_HP: _("Hybride warmtepomp"),
}

FITS: dict[Fit, Promise] = {
    Fit.GOOD: _("Past goed"),
    Fit.POSSIBLE: _("Past mogelijk"),
    Fit.UNSUITABLE: _("Past niet"),
}

# NL Design System status badge per fit.
FIT_BADGES: dict[Fit, str] = {
    Fit.GOOD: "success",
    Fit.POSSIBLE: "warning",
    Fit.UNSUITABLE: "danger",
}

SCALES: dict[ScaleClass, Promise] = {
    ScaleClass.MINI: _("Mini-warmtenet (2–50 woningen)"),
    ScaleClass.KLEINSCHALIG: _("Kleinschalig warmtenet (51–1.500 woningen)"),
    ScaleClass.MINI_AND_KLEINSCHALIG: _("Mini en kleinschalig (2–1.500 woningen)"),
    ScaleClass.REFERENCE: _("Referentie per woning"),
}

BUILDING_TYPES: dict[BuildingType, Promise] = {
    BuildingType.APARTMENT: _("Appartementen"),
    BuildingType.MID_TERRACE: _("Tussenwoningen"),
    BuildingType.END_TERRACE: _("Hoekwoningen"),
    BuildingType.SEMI_DETACHED: _("Twee-onder-een-kapwoningen"),
    BuildingType.DETACHED: _("Vrijstaande woningen"),
}

CONSTRUCTION_PERIODS: dict[ConstructionPeriod, Promise] = {
    ConstructionPeriod.BEFORE_1945: _("Vóór 1945"),
    ConstructionPeriod.P1945_1974: _("1945–1974"),
    ConstructionPeriod.P1975_1991: _("1975–1991"),
    ConstructionPeriod.P1992_2005: _("1992–2005"),
    ConstructionPeriod.P2006_2014: _("2006–2014"),
    ConstructionPeriod.FROM_2015: _("Vanaf 2015"),
}

ASSUMPTION_GROUPS: dict[str, Promise] = {
    "demand": _("Warmtevraag"),
    "climate": _("Klimaat en gelijktijdigheid"),
    "heat_pump": _("Warmtepompen en brontemperaturen"),
    "ground": _("Bodem en bronvelden"),
    "sizing": _("Dimensionering"),
    "costs": _("Kosten (excl. btw, vóór subsidie)"),
    "energy": _("Energie, CO₂ en netaansluiting"),
}

# A plain name for every parameter of engine and business case: the concept catalogue, the
# pilot's "Aannames" tab and the PDF appendix show it (tests/techniek/test_labels.py keeps the
# list complete).
ASSUMPTIONS: dict[str, Promise] = {
    "demand.boiler_efficiency": _("Seizoensrendement HR-ketel"),
    "demand.full_load_hours": _("Vollasturen ruimteverwarming"),
    "climate.simultaneity_space_heating_limit": _(
        "Gelijktijdigheid ruimteverwarming (grenswaarde)"
    ),
    "heat_pump.carnot_efficiency_water": _("Kwaliteit water-warmtepomp (Carnot-fractie)"),
    "heat_pump.carnot_efficiency_air": _("Kwaliteit lucht-warmtepomp (Carnot-fractie)"),
    "heat_pump.carnot_efficiency_central_water": _(
        "Kwaliteit centrale water-warmtepomp (Carnot-fractie)"
    ),
    "heat_pump.carnot_efficiency_central_air": _(
        "Kwaliteit centrale lucht-warmtepomp (Carnot-fractie)"
    ),
    "heat_pump.mt_supply_temp_c": _("Aanvoertemperatuur MT-net"),
    "heat_pump.hybrid_heat_pump_kw": _("Vermogen hybride warmtepomp"),
    "heat_pump.hybrid_bivalent_temp_c": _("Ketel neemt over onder"),
    "heat_pump.horizontal_design_fluid_temp_c": _("Ontwerptemperatuur horizontale collector"),
    "heat_pump.surface_water_min_temp_c": _("Laagste temperatuur oppervlaktewater"),
    "heat_pump.teo_approach_k": _("Temperatuurverschil over de TEO-wisselaar"),
    "heat_pump.aquifer_temp_c": _("Temperatuur warme bron WKO"),
    "heat_pump.teo_aquifer_temp_c": _("Warme bron WKO, in de zomer geladen met TEO"),
    "heat_pump.pvt_source_offset_k": _("PVT-vloeistof ten opzichte van de buitenlucht"),
    "ground.conductivity_w_per_mk": _("Warmtegeleiding van de bodem"),
    "ground.undisturbed_temp_c": _("Temperatuur van de ongestoorde bodem"),
    "ground.min_fluid_temp_c": _("Laagste gemiddelde vloeistoftemperatuur in het bronveld"),
    "ground.lifetime_years": _("Ontwerpperiode van het bronveld"),
    "climate.simultaneity_space_heating_exponent": _(
        "Gelijktijdigheid ruimteverwarming (exponent van n)"
    ),
    "sizing.cluster_size_homes": _("Woningen per cluster"),
    "sizing.regeneration_share_ring": _("Regeneratie ringnet"),
    "sizing.regeneration_share_zlt": _("Regeneratie ZLT-bronveld"),
    "sizing.regeneration_share_wko": _("Energiebalans WKO"),
    "sizing.horizontal_w_per_m2": _("Onttrekking horizontale collector"),
    "sizing.horizontal_max_kwh_per_m2": _("Jaarlijkse onttrekking horizontale collector"),
    "sizing.pvt_buffer_below_temp_c": _("Bodembuffer PVT is de bron onder"),
    "sizing.pvt_thermal_kwh_per_m2": _("Warmte uit PVT per m² paneel"),
    "sizing.solar_fraction": _("Zonnefractie"),
    "sizing.collector_kwh_per_m2": _("Opbrengst zonnecollector"),
    "sizing.storage_m3_per_m2": _("Opslagvolume per m² collector"),
    "sizing.module_kw": _("Vermogen per module"),
    "costs.borehole_eur_per_m": _("Boren, per meter"),
    "costs.borehole_field_eur": _("Vaste kosten per bronveld"),
    "costs.trench_pe_garden_eur_per_m": _("PE-leiding op eigen terrein, per meter"),
    "costs.trench_pe_street_eur_per_m": _("PE-leiding in de straat, per meter"),
    "costs.trench_mt_eur_per_m": _("Geïsoleerde MT-leiding in de straat, per meter"),
    "costs.pump_station_eur": _("Centraal pompstation"),
    "costs.pvt_eur_per_m2": _("PVT-paneel, per m²"),
    "costs.horizontal_collector_eur_per_m2": _("Horizontale collector, per m²"),
    "costs.teo_fixed_eur": _("TEO-installatie, vast deel"),
    "costs.teo_eur_per_kw": _("TEO-installatie, per kW"),
    "costs.solar_collector_eur_per_m2": _("Zonnecollector, per m²"),
    "costs.storage_eur_per_m3": _("Warmteopslag, per m³"),
    "costs.central_air_hp_eur_per_kw": _("Collectieve lucht-warmtepomp, per kW"),
    "costs.central_water_hp_eur_per_kw": _("Collectieve water-warmtepomp, per kW"),
    "costs.aquifer_fixed_eur": _("WKO-doublet, vergunning en onderzoek"),
    "costs.aquifer_eur_per_kw": _("WKO-bronpompen en wisselaar, per kW"),
    "costs.dry_cooler_eur_per_kw": _("Droge koeler voor regeneratie, per kW"),
    "costs.waste_heat_fixed_eur": _("Aftakking restwarmtebron"),
    "costs.waste_heat_eur_per_kw": _("Warmtewisselaar restwarmte, per kW"),
    "costs.module_eur": _("Warmtepompmodule"),
    "costs.gas_boiler_eur": _("Nieuwe HR-ketel"),
    "costs.air_hp_base_eur": _("Lucht-waterwarmtepomp, basis"),
    "costs.air_hp_eur_per_kw": _("Lucht-waterwarmtepomp, per kW"),
    "costs.hybrid_hp_eur": _("Hybride warmtepomp"),
    "energy.co2_gas_kg_per_m3": _("CO₂ per m³ aardgas"),
    "energy.co2_electricity_kg_per_kwh": _("CO₂ per kWh elektriciteit"),
    "energy.mt_heat_loss_w_per_m": _("Warmteverlies MT-net per meter"),
    "demand.gas_lhv_mj_per_m3": _("Verbrandingswaarde aardgas (onderwaarde)"),
    "demand.tap_water_share": _("Aandeel warm tapwater in het gasverbruik"),
    "demand.cooking_share": _("Aandeel koken in het gasverbruik"),
    "demand.tap_water_design_kw": _("Vermogen voor warm tapwater per woning"),
    "demand.gas_apartment_m3_per_year": _("Gasverbruik appartement (zonder meting)"),
    "demand.gas_mid_terrace_m3_per_year": _("Gasverbruik tussenwoning (zonder meting)"),
    "demand.gas_end_terrace_m3_per_year": _("Gasverbruik hoekwoning (zonder meting)"),
    "demand.gas_semi_detached_m3_per_year": _(
        "Gasverbruik twee-onder-een-kapwoning (zonder meting)"
    ),
    "demand.gas_detached_m3_per_year": _("Gasverbruik vrijstaande woning (zonder meting)"),
    "demand.floor_area_apartment_m2": _("Gebruiksoppervlak appartement"),
    "demand.floor_area_mid_terrace_m2": _("Gebruiksoppervlak tussenwoning"),
    "demand.floor_area_end_terrace_m2": _("Gebruiksoppervlak hoekwoning"),
    "demand.floor_area_semi_detached_m2": _("Gebruiksoppervlak twee-onder-een-kapwoning"),
    "demand.floor_area_detached_m2": _("Gebruiksoppervlak vrijstaande woning"),
    "demand.heating_factor_label_a": _("Warmtevraag bij label A, ten opzichte van label D"),
    "demand.heating_factor_label_b": _("Warmtevraag bij label B, ten opzichte van label D"),
    "demand.heating_factor_label_c": _("Warmtevraag bij label C, ten opzichte van label D"),
    "demand.heating_factor_label_d": _("Warmtevraag bij label D (referentie)"),
    "demand.heating_factor_label_e": _("Warmtevraag bij label E, ten opzichte van label D"),
    "demand.heating_factor_label_f": _("Warmtevraag bij label F, ten opzichte van label D"),
    "demand.heating_factor_label_g": _("Warmtevraag bij label G, ten opzichte van label D"),
    "demand.label_before_1945": _("Gangbaar energielabel, gebouwd vóór 1945"),
    "demand.label_1945_1974": _("Gangbaar energielabel, gebouwd 1945–1974"),
    "demand.label_1975_1991": _("Gangbaar energielabel, gebouwd 1975–1991"),
    "demand.label_1992_2005": _("Gangbaar energielabel, gebouwd 1992–2005"),
    "demand.label_2006_2014": _("Gangbaar energielabel, gebouwd 2006–2014"),
    "demand.label_from_2015": _("Gangbaar energielabel, gebouwd vanaf 2015"),
    "climate.design_outdoor_temp_c": _("Ontwerpbuitentemperatuur"),
    "climate.heating_base_temp_c": _("Stookgrens (basis graaddagen)"),
    "climate.degree_day_weight_summer": _("Weegfactor graaddagen april–september"),
    "climate.degree_day_weight_shoulder": _("Weegfactor graaddagen maart en oktober"),
    "climate.degree_day_weight_winter": _("Weegfactor graaddagen november–februari"),
    "climate.diurnal_amplitude_winter_k": _("Schommeling over de dag in de winter"),
    "climate.diurnal_amplitude_summer_k": _("Schommeling over de dag in de zomer"),
    "climate.synoptic_sd_k": _("Spreiding van de daggemiddelde temperatuur"),
    "climate.synoptic_memory_days": _("Duur van een weersperiode"),
    "climate.tap_water_seasonal_amplitude": _("Seizoensschommeling warm tapwater"),
    "climate.simultaneity_tap_water_limit": _("Gelijktijdigheid warm tapwater (grenswaarde)"),
    "heat_pump.min_lift_k": _("Kleinste temperatuurlift van een warmtepomp"),
    "heat_pump.max_cop": _("Hoogste COP"),
    "heat_pump.lt_supply_temp_c": _("Aanvoertemperatuur LT-verwarming"),
    "heat_pump.tap_water_temp_c": _("Temperatuur warm tapwater uit de warmtepomp"),
    "heat_pump.hybrid_supply_temp_c": _("Aanvoertemperatuur radiatoren bij een hybride warmtepomp"),
    "heat_pump.backup_heater_kw": _("Elektrisch bijverwarmingselement per woning"),
    "heat_pump.ring_temp_drop_k": _("Temperatuurverlies over het bronnet"),
    "heat_pump.shallow_ground_amplitude_ratio": _("Demping van de seizoenen in de ondiepe bodem"),
    "heat_pump.shallow_ground_lag_days": _("Vertraging van de ondiepe bodem op de lucht"),
    "heat_pump.shallow_ground_offset_k": _("Ondiepe bodem warmer dan de gemiddelde lucht"),
    "heat_pump.surface_water_lag_days": _("Vertraging van het oppervlaktewater op de lucht"),
    "heat_pump.solar_storage_source_temp_c": _("Brontemperatuur uit de zonnewarmte-opslag"),
    "ground.heat_capacity_mj_per_m3k": _("Warmtecapaciteit van de bodem"),
    "ground.borehole_resistance_mk_per_w": _("Boorgatweerstand"),
    "ground.borehole_radius_m": _("Straal van het boorgat"),
    "ground.buried_depth_m": _("Diepte van de bovenkant van het boorgat"),
    "ground.peak_duration_h": _("Duur van de piekonttrekking"),
    "ground.depletion_warning_k": _("Waarschuwen bij zoveel afkoeling van het bronveld"),
    "sizing.borehole_max_depth_m": _("Grootste boordiepte"),
    "sizing.borehole_spacing_m": _("Afstand tussen boorgaten"),
    "sizing.borehole_max_per_field": _("Grootste aantal boorgaten per bronveld"),
    "sizing.trench_detour_factor": _("Omweg van de sleuf langs straat en stoep"),
    "sizing.street_apartment_m_per_home": _("Straatlengte per appartement"),
    "sizing.street_mid_terrace_m_per_home": _("Straatlengte per tussenwoning"),
    "sizing.street_end_terrace_m_per_home": _("Straatlengte per hoekwoning"),
    "sizing.street_semi_detached_m_per_home": _("Straatlengte per twee-onder-een-kapwoning"),
    "sizing.street_detached_m_per_home": _("Straatlengte per vrijstaande woning"),
    "sizing.roof_apartment_m2": _("Bruikbaar dak voor PVT per appartement"),
    "sizing.roof_mid_terrace_m2": _("Bruikbaar dak voor PVT per tussenwoning"),
    "sizing.roof_end_terrace_m2": _("Bruikbaar dak voor PVT per hoekwoning"),
    "sizing.roof_semi_detached_m2": _("Bruikbaar dak voor PVT per twee-onder-een-kapwoning"),
    "sizing.roof_detached_m2": _("Bruikbaar dak voor PVT per vrijstaande woning"),
    "sizing.regeneration_full_load_hours": _("Vollasturen van de droge koeler"),
    "sizing.pvt_electric_kwh_per_m2": _("Stroom uit PVT per m² paneel"),
    "sizing.solar_land_m2_per_m2": _("Grond per m² zonnecollector"),
    "costs.water_hp_base_eur": _("Water-waterwarmtepomp, basis"),
    "costs.water_hp_eur_per_kw": _("Water-waterwarmtepomp, per kW"),
    "costs.delivery_set_eur": _("Afleverset MT-net"),
    "costs.insulation_eur_per_m2_per_label_step": _("Isolatie, per m² per labelstap"),
    "costs.connection_mt_eur_per_home": _("Huisaansluiting MT-net"),
    "costs.connection_ambient_eur_per_home": _("Huisaansluiting bronnet"),
    "costs.central_hp_fixed_eur": _("Opstelling centrale warmtepomp, vast deel"),
    "costs.engineering_share": _("Engineering en toezicht, deel van de bouwkosten"),
    "costs.process_fixed_eur": _("Proceskosten per project"),
    "costs.om_heat_pump_share": _("Onderhoud warmtepompen, per jaar"),
    "costs.om_boiler_share": _("Onderhoud HR-ketel, per jaar"),
    "costs.om_plant_share": _("Onderhoud centrale installatie, per jaar"),
    "costs.om_network_share": _("Onderhoud leidingnet, per jaar"),
    "costs.om_source_share": _("Onderhoud gesloten bodembron en collectoren, per jaar"),
    "costs.om_wells_share": _("Onderhoud WKO-bronnen, TEO en restwarmte, per jaar"),
    "costs.om_solar_share": _("Onderhoud zonnewarmte, PVT en opslag, per jaar"),
    "costs.lifetime_heat_pump_years": _("Levensduur warmtepompen, ketels en pompen"),
    "costs.lifetime_delivery_years": _("Levensduur afleversets en droge koelers"),
    "costs.lifetime_solar_years": _("Levensduur zonnewarmte, PVT, TEO en restwarmte-aftakking"),
    "costs.lifetime_wells_years": _("Levensduur WKO-bronnen en opslag"),
    "costs.lifetime_network_years": _("Levensduur leidingnet en aansluitingen"),
    "costs.lifetime_borehole_years": _("Levensduur boorgaten"),
    "energy.small_connection_kw": _("Grens kleinverbruik-netaansluiting"),
    "energy.heat_connection_limit_kw": _("Grens kleinverbruiker warmte"),
    "energy.network_loss_warning_share": _("Waarschuwen boven dit warmteverlies van het MT-net"),
    "energy.long_network_m_per_home": _("Waarschuwen boven zoveel straatleiding per woning"),
    "energy.ambient_delta_t_k": _("Temperatuurverschil in het bronnet"),
    "energy.mt_delta_t_k": _("Temperatuurverschil in het MT-net"),
    "energy.fluid_heat_capacity_kj_per_m3_k": _("Warmtecapaciteit van de vloeistof"),
    "energy.pipe_pressure_gradient_pa_per_m": _("Drukval per meter leiding"),
    "energy.fixed_pressure_drop_kpa": _("Drukval in bron, wisselaars en afsluiters"),
    "energy.pump_efficiency": _("Rendement circulatiepomp"),
    "energy.min_flow_share": _("Kleinste circulatie, deel van het ontwerpdebiet"),
    "energy.regeneration_aux_kwh_per_kwh": _("Hulpstroom van de droge koeler"),
    "energy.co2_reference_includes_cooking": _("CO₂-referentie gas inclusief koken (0 of 1)"),
    "prices.gas_supply_eur_per_m3": _("Leveringstarief gas"),
    "prices.proposed_heat_fixed_eur_per_year": _("Voorgesteld vastrecht warmte per jaar"),
    "prices.proposed_heat_eur_per_gj": _("Voorgestelde warmteprijs per GJ"),
    "prices.gas_tax_eur_per_m3": _("Energiebelasting gas"),
    "prices.electricity_supply_eur_per_kwh": _("Leveringstarief stroom"),
    "prices.electricity_tax_eur_per_kwh": _("Energiebelasting stroom"),
    "prices.tax_credit_eur_per_year": _("Vermindering energiebelasting per aansluiting"),
    "prices.vat_rate": _("Btw op energie en installaties"),
    "prices.gas_standing_charge_eur_per_year": _("Vaste lasten gasaansluiting"),
    "prices.electricity_standing_charge_eur_per_year": _("Vaste lasten stroomaansluiting"),
    "prices.acm_max_heat_eur_per_gj": _("ACM-maximumtarief warmte, per GJ"),
    "prices.acm_max_fixed_eur_per_year": _("ACM-maximum vaste kosten warmte"),
    "subsidies.isde_heat_network_eur": _("ISDE voor een aansluiting op een warmtenet"),
    "subsidies.isde_air_hp_eur": _("ISDE voor een lucht-waterwarmtepomp"),
    "subsidies.isde_water_hp_eur": _("ISDE voor een bodem- of water-warmtepomp"),
    "subsidies.isde_hybrid_hp_eur": _("ISDE voor een hybride warmtepomp"),
    "subsidies.wis_min_connections": _("WIS: kleinste aantal aansluitingen"),
    "subsidies.wis_min_buildings": _("WIS: kleinste aantal gebouwen"),
    "subsidies.wis_min_renewable_share": _("WIS: kleinste aandeel hernieuwbare warmte"),
    "subsidies.wis_max_eur": _("WIS: hoogste bedrag per project"),
    "subsidies.warmtefonds_income_limit_eur": _(
        "Warmtefonds: inkomensgrens voor een renteloze lening"
    ),
    "subsidies.warmtefonds_rate_low_income": _("Warmtefonds: rente onder de inkomensgrens"),
    "subsidies.warmtefonds_rate": _("Warmtefonds: rente boven de inkomensgrens"),
    "subsidies.warmtefonds_min_eur": _("Warmtefonds: kleinste lening"),
    "subsidies.warmtefonds_max_eur": _("Warmtefonds: grootste lening"),
    "subsidies.warmtefonds_term_years": _("Warmtefonds: looptijd"),
    "financing.discount_rate_households": _("Discontovoet huishoudens"),
    "financing.discount_rate_cooperative": _("Discontovoet coöperatie"),
    "financing.esco_required_return": _("Vereist rendement marktpartij (ESCO)"),
    "financing.bank_loan_share": _("Deel van de investering met een banklening (coöperatie)"),
    "financing.bank_loan_rate": _("Rente banklening coöperatie"),
    "financing.bank_loan_term_years": _("Looptijd banklening coöperatie"),
    "financing.member_contribution_eur_per_home": _("Ledeninleg coöperatie per woning"),
    "financing.esco_contribution_eur_per_home": _(
        "Aansluitbijdrage bij een marktpartij per woning"
    ),
    "financing.cooperative_fee_eur_per_home_per_year": _("Beheerkosten coöperatie per woning"),
    "financing.esco_fee_eur_per_home_per_year": _("Servicevergoeding marktpartij per woning"),
    "sensitivity.participation_min_pct": _("Deelnamecurve: laagste deelname"),
    "sensitivity.participation_max_pct": _("Deelnamecurve: hoogste deelname"),
    "sensitivity.participation_step_pct": _("Deelnamecurve: stapgrootte"),
    "sensitivity.investment_share": _("Tornado: investering hoger en lager"),
    "sensitivity.gas_price_share": _("Tornado: gasprijs hoger en lager"),
    "sensitivity.electricity_price_share": _("Tornado: stroomprijs hoger en lager"),
    "sensitivity.scop_share": _("Tornado: SCOP hoger en lager"),
}


def _warning_texts(a: Assumptions) -> dict[Warning, str]:
    # Thresholds come from the assumptions, so a pilot with overrides reads its own limits.
    e = a.energy
    return {
        Warning.NO_SURFACE_WATER: gettext("Geen oppervlaktewater in de buurt."),
        Warning.NO_WASTE_HEAT: gettext("Geen restwarmtebron in de buurt."),
        Warning.AQUIFER_UNSUITABLE: gettext("De bodem is niet geschikt voor een open WKO-systeem."),
        Warning.CONCEPT_OUT_OF_SCALE: gettext(
            "Het aantal woningen past niet bij de gebruikelijke schaal van dit concept."
        ),
        Warning.LABEL_TOO_LOW: gettext(
            "Woningen onder label B moeten eerst isoleren; de kosten daarvan zitten in de "
            "investering."
        ),
        Warning.PEAK_ABOVE_100_KW: gettext(
            "Een woning vraagt meer dan %(kw)s kW: boven de grens voor kleinverbruikers."
        )
        % {"kw": _number(e.heat_connection_limit_kw)},
        Warning.GRID_PEAK_ABOVE_SMALL_CONNECTION: gettext(
            "De centrale installatie vraagt meer dan %(kw)s kW: een zwaardere "
            "netaansluiting dan kleinverbruik is nodig."
        )
        % {"kw": _number(e.small_connection_kw)},
        Warning.NETWORK_LOSS_HIGH: gettext(
            "Het MT-net verliest meer dan %(pct)s%% van de geleverde warmte."
        )
        % {"pct": _number(e.network_loss_warning_share * 100)},
        Warning.LONG_NETWORK_PER_HOME: gettext(
            "Meer dan %(m)s m straatleiding per woning: dat maakt het net duur."
        )
        % {"m": _number(e.long_network_m_per_home)},
        Warning.LAND_SHORT: gettext(
            "Het bronveld of de collectoren vragen meer grond dan er beschikbaar is."
        ),
        Warning.ROOF_SHORT: gettext("Er is te weinig dak voor de PVT-panelen."),
        Warning.FEW_GARDENS: gettext(
            "Vooral appartementen: weinig eigen grond voor een bronveld per cluster."
        ),
        Warning.AQUIFER_UNKNOWN: gettext(
            "Nog niet bekend of de bodem geschikt is voor WKO: laat dat onderzoeken."
        ),
        Warning.WASTE_HEAT_TOO_SMALL: gettext(
            "De restwarmtebron levert minder vermogen dan nodig is."
        ),
        Warning.DEMAND_ESTIMATED: gettext(
            "Warmtevraag deels geschat uit woningtype en bouwperiode: niet van elke woning is "
            "het gemeten gasverbruik bekend."
        ),
        Warning.BOREHOLE_DEPTH_LIMITED: gettext(
            "Er geldt een lokale grens voor de boordiepte: meer, kortere boringen."
        ),
        Warning.REGENERATION_NEEDED: gettext(
            "Zonder regeneratie raakt de bodem uitgeput: in het laatste jaar is de vloeistof "
            "meer dan %(k)s °C kouder dan in het eerste, en dat kost extra boormeters. De bodem "
            "'s zomers weer opwarmen (zomerkoeling, PVT, droge koeler) maakt het veld kleiner."
        )
        % {"k": _number(a.ground.depletion_warning_k)},
        Warning.FLUID_BELOW_LIMIT: gettext(
            "Het bronveld houdt de vloeistof niet boven %(c)s °C: de ondergrens ligt te dicht "
            "bij de bodemtemperatuur. De warmtepompen kunnen dan bevriezen of uitvallen."
        )
        % {"c": _number(a.ground.min_fluid_temp_c)},
    }


def warning_text(code: Warning | str, assumptions: Assumptions = DEFAULTS) -> str:
    """The Dutch sentence for a warning code, in the active language."""
    return _warning_texts(assumptions)[Warning(code)]


def _number(value: float) -> str:
    return number_format(round(value, 1) if value % 1 else int(value), force_grouping=True)


SIMULTANEITY_RULES: dict[str, Promise] = {
    "wortelregel": _("Wortelregel (vuistregel): f(n) = 0,75 + 0,25/√n"),
    "thermos": _("THERMOS-curve: f(n) = 0,62 + 0,38/n (Winter e.a. 2001)"),
}
