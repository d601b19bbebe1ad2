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

# Plain names for the parameters the concept catalogue shows; the full "Aannames en bronnen"
# table prints the code key next to the source for every other one.
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
