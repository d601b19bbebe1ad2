"""Cost, O&M and lifetime defaults (EUR excl. VAT, gross: before ISDE or other subsidies).

Few Dutch cost figures for mini networks are published (domain §2.4, §3.8: the Utrecht verkenning
and NPLW handreiking were not retrievable), so most are rules of thumb and `confirmed=False`.
"""

from __future__ import annotations

from .defaults import Sourced, V, excl_vat

MC = "Milieu Centraal via VEH kennisbank 5016"

# --- In the home ----------------------------------------------------------------------------------
# Milieu Centraal and retailers publish consumer prices incl. 21 % VAT: stored excl. VAT here
# (÷ 1.21, `excl_vat`), because the business case adds VAT for the household (issue 15).
AIR_HP_BASE = Sourced(
    excl_vat(6000),
    "€ excl. btw",
    f"{MC}: lucht-water 8 kW € 12.000 incl. btw = basis + per kW; ÷ 1,21",
    False,
    0,
    30000,
)
AIR_HP_PER_KW = Sourced(
    excl_vat(750),
    "€/kW excl. btw",
    f"{MC}: lucht-water € 8.000–16.000 incl. btw; ÷ 1,21",
    False,
    0,
    3000,
)
WATER_HP_BASE = Sourced(
    excl_vat(8000),
    "€ excl. btw",
    "Water-water € 15.000–20.000 incl. btw (woonretailer.nl); ÷ 1,21",
    False,
    0,
    30000,
)
WATER_HP_PER_KW = Sourced(
    excl_vat(1000),
    "€/kW excl. btw",
    f"{V}: 8 kW ≈ € 16.000 incl. btw excl. boorgat; ÷ 1,21",
    False,
    0,
    3000,
)
HYBRID_HP = Sourced(
    excl_vat(6000),
    "€ excl. btw",
    f"{MC}: hybride 4 kW € 6.000 incl. btw; ÷ 1,21",
    False,
    1000,
    20000,
)
GAS_BOILER = Sourced(
    2500, "€ excl. btw", f"{V}: vervanging HR-combiketel, excl. btw", False, 500, 8000
)
DELIVERY_SET = Sourced(
    2500, "€", f"{V}: afleverset MT-net met tapwaterwisselaar", False, 500, 10000
)
INSULATION_STEP = Sourced(60, "€/m² per labelstap", f"{V}: isolatie naar label B", False, 0, 400)

# --- Network and connection -----------------------------------------------------------------------
TRENCH_PE_STREET = Sourced(
    250, "€/m", f"{V}: PE-bronnet in openbare straat (€ 150–400)", False, 50, 1500
)
TRENCH_PE_GARDEN = Sourced(
    100, "€/m", f"{V}: PE-leiding op eigen terrein/achtertuin", False, 20, 800
)
TRENCH_MT = Sourced(
    900, "€/m", f"{V}: geïsoleerde MT-leiding in straat (€ 500–1.500)", False, 200, 4000
)
CONNECTION_MT = Sourced(
    3000, "€/woning", f"{V}: huisaansluiting MT (€ 2.000–5.000)", False, 0, 15000
)
CONNECTION_AMBIENT = Sourced(2000, "€/woning", f"{V}: huisaansluiting PE-bronnet", False, 0, 15000)
PUMP_STATION = Sourced(
    15000, "€", f"{V}: centrale circulatiepomp, regeling, filters", False, 0, 200000
)

# --- Sources --------------------------------------------------------------------------------------
BOREHOLE = Sourced(55, "€/m", f"{V}: gesloten bron all-in (€ 40–70/m)", False, 20, 200)
BOREHOLE_FIELD = Sourced(
    8000, "€/veld", f"{V}: mobilisatie, verdeler, melding per bronveld", False, 0, 100000
)
HORIZONTAL = Sourced(
    30, "€/m²", f"{V}: graafwerk en leidingen horizontale collector", False, 5, 150
)
CENTRAL_HP_FIXED = Sourced(
    40000, "€", f"{V}: opstelling, buffer, aansluiting centrale WP", False, 0, 1e6
)
CENTRAL_AIR_HP = Sourced(1200, "€/kW", f"{V}: collectieve MT-luchtwarmtepomp", False, 200, 5000)
CENTRAL_WATER_HP = Sourced(
    900, "€/kW", f"{V}: collectieve water-water-warmtepomp", False, 200, 5000
)
MODULE = Sourced(
    90000, "€/module", f"{V}: containerunit 50 kW MT-lucht-WP incl. buffer", False, 5000, 2e6
)
TEO_FIXED = Sourced(60000, "€", f"{V}: inname, filter, vergunning TEO", False, 0, 2e6)
TEO_PER_KW = Sourced(350, "€/kW", f"{V}: TEO-warmtewisselaar en pomp", False, 0, 3000)
AQUIFER_FIXED = Sourced(400000, "€", f"{V}: WKO-doublet, vergunning, onderzoek", False, 50000, 5e6)
AQUIFER_PER_KW = Sourced(250, "€/kW", f"{V}: bronpompen en wisselaar WKO", False, 0, 3000)
DRY_COOLER = Sourced(300, "€/kW", f"{V}: droge koeler voor regeneratie", False, 0, 3000)
WASTE_FIXED = Sourced(75000, "€", f"{V}: aftakking en meting restwarmtebron", False, 0, 5e6)
WASTE_PER_KW = Sourced(150, "€/kW", f"{V}: warmtewisselaar restwarmte", False, 0, 3000)
SOLAR_COLLECTOR = Sourced(350, "€/m²", f"{V}: grondgebonden collectorveld", False, 50, 2000)
STORAGE = Sourced(200, "€/m³", f"{V}: MT-opslag (buffer/seizoensopslag)", False, 10, 3000)
PVT_PANEL = Sourced(450, "€/m²", f"{V}: PVT-paneel geïnstalleerd", False, 50, 2000)

# --- Engineering and process ----------------------------------------------------------------------
ENGINEERING_SHARE = Sourced(
    0.10, "-", f"{V}: engineering en toezicht als deel van bouwkosten", False, 0, 0.5
)
PROCESS_FIXED = Sourced(25000, "€", f"{V}: proceskosten per collectief project", False, 0, 1e6)

# --- O&M as share of capex per year ---------------------------------------------------------------
OM_HEAT_PUMP = Sourced(0.015, "1/jaar", f"{V}: onderhoud warmtepompen", False, 0, 0.2)
OM_BOILER = Sourced(0.06, "1/jaar", f"{V}: ketelonderhoud ≈ € 150/jaar", False, 0, 0.2)
OM_PLANT = Sourced(0.025, "1/jaar", f"{V}: centrale installatie, pompen, koelers", False, 0, 0.2)
OM_NETWORK = Sourced(0.005, "1/jaar", f"{V}: leidingnet en aansluitingen", False, 0, 0.2)
OM_SOURCE = Sourced(0.005, "1/jaar", f"{V}: gesloten bodembron, collectoren", False, 0, 0.2)
OM_WELLS = Sourced(0.03, "1/jaar", f"{V}: WKO-bronnen, TEO, restwarmte-aftakking", False, 0, 0.2)
OM_SOLAR = Sourced(0.01, "1/jaar", f"{V}: zonthermie, PVT, opslag, afleversets", False, 0, 0.2)

# --- Economic lifetimes ---------------------------------------------------------------------------
LIFE_HEAT_PUMP = Sourced(15, "jaar", f"{V}: warmtepompen, ketels, pompen", False, 5, 40)
LIFE_DELIVERY = Sourced(20, "jaar", f"{V}: afleversets, droge koelers", False, 5, 50)
LIFE_SOLAR = Sourced(25, "jaar", f"{V}: zonthermie, PVT, TEO, restwarmte-aftakking", False, 5, 50)
LIFE_WELLS = Sourced(30, "jaar", f"{V}: WKO-bronnen, opslag", False, 5, 60)
LIFE_NETWORK = Sourced(40, "jaar", f"{V}: leidingnet, aansluitingen, collectoren", False, 10, 80)
LIFE_BOREHOLE = Sourced(50, "jaar", "Groenholland: boorgat > 50 jaar", False, 10, 100)
