"""Every default of the engine, each with its unit, source and whether the source is confirmed.

`confirmed=False` means: a rule of thumb or a secondary source; check it before a figure goes to a
municipality. The "Aannames en bronnen" table of page and PDF is printed from these objects.
Cost defaults live in `defaults_costs.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Sourced:
    value: float
    unit: str
    source: str  # publication + table/year, or "vuistregel"
    confirmed: bool  # False: check before a figure goes to a municipality
    low: float | None = None  # valid range for a pilot override (inclusive)
    high: float | None = None
    year: int | None = None  # the year the figure is for (a price year, a subsidy round)


def default(s: Sourced) -> Any:
    return field(default=s.value, metadata={"sourced": s})


def check_ranges(params: object) -> None:
    """Raise ValueError naming the field when an (overridden) value leaves its valid range."""
    for f in fields(params):  # type: ignore[arg-type]
        s: Sourced | None = f.metadata.get("sourced")
        value = getattr(params, f.name)
        name = f"{type(params).__name__}.{f.name}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name}={value!r}: expected a number")
        if value != value:  # NaN
            raise ValueError(f"{name} is NaN")
        if s is None:
            continue
        if (s.low is not None and value < s.low) or (s.high is not None and value > s.high):
            raise ValueError(f"{name}={value} {s.unit} is outside the valid range {s.low}–{s.high}")


V = "vuistregel (onbevestigd)"
# Dutch VAT on energy and installations, to turn a consumer price published incl. VAT into the
# engine's excl.-VAT figure once, where it is defined (prices.VAT is the parameter the cases use).
VAT_RATE_2026 = 0.21


def excl_vat(consumer_price_incl_vat: float) -> float:
    """A published consumer price incl. 21 % VAT → excl. VAT, rounded to whole euros: the business
    case adds the VAT back exactly once for whoever cannot deduct it."""
    return float(round(consumer_price_incl_vat / (1 + VAT_RATE_2026)))


# --- Gas and demand (domain §1) -------------------------------------------------------------------
GAS_LHV = Sourced(31.65, "MJ/m³", "Infomil omrekenfactor aardgas (1 GJ ≈ 31,6 m³)", True, 30, 36)
BOILER_EFFICIENCY = Sourced(0.90, "-", f"{V}: seizoensrendement HR-ketel", False, 0.6, 1.0)
TAP_WATER_SHARE = Sourced(
    0.22, "-", f"{V}: warm tapwater 20–25 % van gasverbruik", False, 0.05, 0.6
)
COOKING_SHARE = Sourced(0.04, "-", f"{V}: koken 3–5 % van gasverbruik", False, 0.0, 0.15)
FULL_LOAD_HOURS = Sourced(
    1800,
    "h/jaar",
    "VDI 4640 Blatt 2 tabelbasis; NL ruimteverwarming 1.600–2.000 h",
    False,
    1200,
    2400,
)
TAP_WATER_DESIGN = Sourced(
    3.0, "kW", f"{V}: opwarmvermogen boilervat/buffer per woning", False, 1, 40
)

CBS_GAS = "CBS 81528NED, Venlo 2021 (voorlopig)"
GAS_APARTMENT = Sourced(930, "m³/jaar", f"{CBS_GAS}, appartement", True, 200, 5000)
GAS_MID_TERRACE = Sourced(1350, "m³/jaar", f"{CBS_GAS}, tussenwoning", True, 200, 5000)
GAS_END_TERRACE = Sourced(1550, "m³/jaar", f"{CBS_GAS}, hoekwoning", True, 200, 5000)
GAS_SEMI_DETACHED = Sourced(1760, "m³/jaar", f"{CBS_GAS}, 2-onder-1-kap", True, 200, 5000)
GAS_DETACHED = Sourced(2380, "m³/jaar", f"{CBS_GAS}, vrijstaand", True, 200, 8000)

# Type-average floor areas: with the CBS gas figures above they set the space-heating use per m²
# of a home with a known floor area (CBS m³ × area / type-average area). They are chosen so that
# at equal floor area the order is vrijstaand > 2-onder-1-kap > hoek > tussen > appartement
# (more outside wall per m²; issue 15): m³/m² 2,380/165 = 14.4 > 1,760/130 = 13.5 > 1,550/120 =
# 12.9 > 1,350/115 = 11.7 > 930/85 = 10.9. `DemandParams` refuses overrides that break it.
AREA = (
    f"{V}: gemiddeld gebruiksoppervlak (BAG-gemiddelden niet opgehaald), gekozen zodat het "
    "CBS-verbruik per m² oploopt van appartement naar vrijstaand"
)
AREA_APARTMENT = Sourced(85, "m²", f"{AREA}, appartement", False, 20, 500)
AREA_MID_TERRACE = Sourced(115, "m²", f"{AREA}, tussenwoning", False, 20, 500)
AREA_END_TERRACE = Sourced(120, "m²", f"{AREA}, hoekwoning", False, 20, 500)
AREA_SEMI_DETACHED = Sourced(130, "m²", f"{AREA}, 2-onder-1-kap", False, 20, 500)
AREA_DETACHED = Sourced(165, "m²", f"{AREA}, vrijstaand", False, 20, 1000)

# Space-heating factor per label relative to D (= the CBS average home): midpoints of the NTA 8800
# label bands (EP2, kWh/m²·jr: A 105–160, B 160–190, C 190–250, D 250–290, E 290–335, F 335–380,
# G > 380, taken as 400) divided by D's midpoint 270. EP2 includes tap water; used for heating only.
NTA = "NTA 8800 labelgrenzen, klassemidden t.o.v. D (afgeleid, onbevestigd)"
LABEL_A = Sourced(0.49, "-", f"{NTA}: A (en beter)", False, 0.1, 1.0)
LABEL_B = Sourced(0.65, "-", f"{NTA}: B", False, 0.1, 1.2)
LABEL_C = Sourced(0.81, "-", f"{NTA}: C", False, 0.2, 1.5)
LABEL_D = Sourced(1.00, "-", f"{NTA}: D (referentie = CBS-gemiddelde)", False, 0.3, 2.0)
LABEL_E = Sourced(1.16, "-", f"{NTA}: E", False, 0.3, 2.5)
LABEL_F = Sourced(1.32, "-", f"{NTA}: F", False, 0.3, 3.0)
LABEL_G = Sourced(
    1.48, "-", f"{NTA}: G (klasse open, midden 400 kWh/m² aangenomen)", False, 0.3, 3.5
)

# Typical label (1 = A … 7 = G) when a home has no registered label.
PERIOD = f"{V}: gangbaar label per bouwperiode (EP-online-verdeling niet opgehaald)"
PERIOD_BEFORE_1945 = Sourced(6, "label 1=A…7=G", f"{PERIOD}, vóór 1945", False, 1, 7)
PERIOD_1945_1974 = Sourced(5, "label 1=A…7=G", f"{PERIOD}, 1945–1974", False, 1, 7)
PERIOD_1975_1991 = Sourced(4, "label 1=A…7=G", f"{PERIOD}, 1975–1991", False, 1, 7)
PERIOD_1992_2005 = Sourced(3, "label 1=A…7=G", f"{PERIOD}, 1992–2005", False, 1, 7)
PERIOD_2006_2014 = Sourced(2, "label 1=A…7=G", f"{PERIOD}, 2006–2014", False, 1, 7)
PERIOD_FROM_2015 = Sourced(1, "label 1=A…7=G", f"{PERIOD}, vanaf 2015", False, 1, 7)

# --- Climate and peak (domain §1.4–1.6) -----------------------------------------------------------
DESIGN_OUTDOOR = Sourced(
    -10, "°C", "Nefit-Bosch TB47 / ISSO 51 ontwerpbuitentemperatuur", True, -20, 0
)
HEATING_BASE = Sourced(18, "°C", "CBS definitie graaddagen (stookgrens 18 °C)", True, 12, 20)
WEIGHT_SUMMER = Sourced(0.8, "-", "Gewogen graaddagen, factor april–september", True, 0.5, 1.5)
WEIGHT_SHOULDER = Sourced(1.0, "-", "Gewogen graaddagen, factor maart en oktober", True, 0.5, 1.5)
WEIGHT_WINTER = Sourced(1.1, "-", "Gewogen graaddagen, factor november–februari", True, 0.5, 1.5)
DIURNAL_WINTER = Sourced(2.5, "K", f"{V}: halve dagamplitude De Bilt in de winter", False, 0, 8)
DIURNAL_SUMMER = Sourced(5.0, "K", f"{V}: halve dagamplitude De Bilt in de zomer", False, 0, 10)
SYNOPTIC_SD = Sourced(3.0, "K", f"{V}: spreiding daggemiddelde rond maandnormaal", False, 0, 6)
SYNOPTIC_MEMORY = Sourced(3.0, "dagen", f"{V}: tijdschaal weersystemen", False, 0.5, 15)
TAP_SEASONAL = Sourced(
    0.10, "-", f"{V}: tapwater ±10 % winter/zomer (koud leidingwater)", False, 0, 0.4
)
SIMULT_HEATING = Sourced(
    0.75,
    "-",
    f"{V}: grenswaarde in f(n) = grens + (1 − grens)/n^exponent; met exponent 0,5 geeft dat "
    "0,83–0,79 bij 10–50 woningen (0,7–0,85). THERMOS: 0,62 met exponent 1",
    False,
    0.3,
    1.0,
)
SIMULT_EXPONENT = Sourced(
    0.5,
    "-",
    f"{V}: exponent van n (0,5 = wortelregel). Kies 1 met grens 0,62 voor de THERMOS-curve "
    "0,62 + 0,38/n (THERMOS-handleiding netwerkmodel, naar Winter e.a. 2001; onbevestigd)",
    False,
    0.5,
    1.0,
)
SIMULT_TAP = Sourced(
    0.10, "-", f"{V}: grenswaarde; geeft 0,30–0,23 bij 20–50 woningen (0,2–0,3)", False, 0.0, 1.0
)

# --- Heat pumps and sources (domain §2) -----------------------------------------------------------
# The Carnot fractions are calibrated so the engine reproduces the domain's SCOP defaults at 35 °C
# (ground source 4.5, air-water 3.5); see tests/calc/test_energy.py.
CARNOT_WATER = Sourced(
    0.534,
    "-",
    "Carnot-fractie water/brine-WP, geijkt op COP 4,7 bij B0/W35 (Duratherm via scribd)",
    False,
    0.2,
    0.7,
)
CARNOT_AIR = Sourced(
    0.375, "-", f"{V}: Carnot-fractie lucht-WP, geijkt op SCOP 3,5", False, 0.2, 0.7
)
CARNOT_CENTRAL_WATER = Sourced(
    0.50, "-", f"{V}: Carnot-fractie grote water-water-WP (geen cycli)", False, 0.2, 0.7
)
CARNOT_CENTRAL_AIR = Sourced(
    0.42, "-", f"{V}: Carnot-fractie grote lucht-WP; A7W65 COP ≈ 2,5", False, 0.2, 0.7
)
MIN_LIFT = Sourced(10, "K", f"{V}: minimale temperatuurlift", False, 3, 30)
MAX_COP = Sourced(8.0, "-", f"{V}: bovengrens COP", False, 3, 15)
LT_SUPPLY = Sourced(35, "°C", "Domein: SCOP-standaarden gelden bij 35 °C (LT)", False, 25, 55)
TAP_WATER_TEMP = Sourced(55, "°C", f"{V}: tapwatertemperatuur warmtepomp", False, 45, 70)
MT_SUPPLY = Sourced(70, "°C", "Warm Heeg 60–70 °C (us.warmheeg.nl)", True, 50, 90)
HYBRID_SUPPLY = Sourced(45, "°C", f"{V}: aanvoer bestaande radiatoren boven 4 °C", False, 30, 70)
HYBRID_BIVALENT = Sourced(4, "°C", "VEH: ketel neemt over onder ~4 °C", False, -10, 10)
HYBRID_KW = Sourced(4, "kW", "Milieu Centraal via VEH: voorbeeld hybride 4 kW", False, 1, 10)
BACKUP_HEATER = Sourced(
    3,
    "kW",
    f"{V}: elektrisch element (boilervat of bijverwarming) per woning; in het ontwerpuur met de "
    "gelijktijdigheid van tapwater meegeteld in de netpiek",
    False,
    0,
    9,
)
RING_DROP = Sourced(1.0, "K", f"{V}: temperatuurverlies over ring/bronnet", False, 0, 5)
SHALLOW_RATIO = Sourced(0.5, "-", f"{V}: demping seizoen in bodem op 1–1,5 m", False, 0, 1)
SHALLOW_LAG = Sourced(30, "dagen", f"{V}: faseverschuiving bodem op 1–1,5 m", False, 0, 90)
SHALLOW_OFFSET = Sourced(1.0, "K", f"{V}: bodem ondiep t.o.v. jaargemiddelde lucht", False, -2, 4)
HORIZONTAL_FLUID = Sourced(-3, "°C", f"{V}: ontwerptemperatuur horizontale collector", False, -8, 5)
WATER_MIN = Sourced(3, "°C", f"{V}: minimum oppervlaktewatertemperatuur", False, 0, 8)
WATER_LAG = Sourced(20, "dagen", f"{V}: faseverschuiving water t.o.v. lucht", False, 0, 60)
TEO_APPROACH = Sourced(3, "K", f"{V}: temperatuurverschil over TEO-warmtewisselaar", False, 0, 8)
AQUIFER_TEMP = Sourced(12, "°C", f"{V}: warme bron WKO zonder actieve laden", False, 8, 20)
TEO_WELL_TEMP = Sourced(15, "°C", f"{V}: warme bron WKO, in de zomer geladen met TEO", False, 8, 25)
PVT_OFFSET = Sourced(
    -8,
    "K",
    f"{V}: PVT-vloeistof t.o.v. buitenlucht bij onttrekking (onafgedekt paneel, ook 's nachts); "
    "geijkt op de domeinwaarde SCOP ≈ 4,0",
    False,
    -15,
    10,
)
SOLAR_STORE_SOURCE = Sourced(25, "°C", f"{V}: bronzijde WP uit MT-opslag", False, 5, 50)

# --- Ground and borehole fields (domain §2.1; techniek/calc/borefield.py) -------------------------
VDI1 = "VDI 4640 Blatt 1 (2010) tabel A1"
GROUND_CONDUCTIVITY = Sourced(
    2.2,
    "W/m·K",
    f"{VDI1}: zand waterverzadigd 2,4, klei/leem vochtig 1,7; NL-mix aangenomen (onbevestigd)",
    False,
    0.8,
    4.5,
)
GROUND_HEAT_CAPACITY = Sourced(
    2.4, "MJ/m³·K", f"{VDI1}: verzadigde sedimenten 2,2–2,8 (onbevestigd)", False, 1.5, 3.5
)
GROUND_TEMP = Sourced(11, "°C", f"{V}: ongestoorde bodem 50–100 m (10–12 °C)", False, 6, 16)
BOREHOLE_RESISTANCE = Sourced(
    0.12, "m·K/W", f"{V}: dubbele U-lus 32 mm met grout 0,08–0,15", False, 0.04, 0.3
)
BOREHOLE_RADIUS = Sourced(0.075, "m", f"{V}: boordiameter 150 mm", False, 0.04, 0.15)
BOREHOLE_BURIED = Sourced(
    1.0, "m", "GHEtool 2.3: standaard bovenkant boorgat (D = 1 m)", True, 0, 10
)
BOREHOLE_FLUID = Sourced(
    0,
    "°C",
    "B0/W35-ontwerppunt (Duratherm via scribd): ondergrens gemiddelde vloeistof",
    False,
    -5,
    8,
)
FIELD_LIFETIME = Sourced(
    25, "jaar", f"{V}: ontwerpperiode bodemveld (GHEtool-standaard 20 jaar)", False, 5, 50
)
PEAK_DURATION = Sourced(
    6, "h", "GHEtool 2.3: standaardduur van de piekonttrekking (6 h)", True, 1, 72
)
DEPLETION_WARNING = Sourced(
    4.0,
    "K",
    f"{V}: vloeistof in het laatste jaar zoveel kouder dan in het eerste: regeneratie loont",
    False,
    0.2,
    10,
)

# --- Sizing (domain §2.1, §2.4) -------------------------------------------------------------------
VDI = "VDI 4640 Blatt 2"
BOREHOLE_DEPTH = Sourced(
    100, "m", f"{VDI}: 40–100 m; lokale grenzen (Deventer ~50 m)", True, 20, 300
)
BOREHOLE_SPACING = Sourced(6, "m", f"{VDI}: ≥ 6 m bij 50–100 m", True, 3, 20)
BOREHOLES_PER_FIELD = Sourced(
    100,
    "boorgaten",
    f"{V}: grotere velden worden in gelijke velden naast elkaar verdeeld",
    False,
    4,
    400,
)
HORIZONTAL_W_PER_M2 = Sourced(
    25, "W/m²", f"{V}: horizontale collector, vochtige grond", False, 5, 50
)
HORIZONTAL_KWH_PER_M2 = Sourced(50, "kWh/m²·jaar", f"{V}: horizontale collector", False, 10, 120)
CLUSTER_SIZE = Sourced(6, "woningen", f"{V}: woningen per bodemlus-cluster", False, 1, 20)
TRENCH_DETOUR = Sourced(
    1.3,
    "-",
    f"{V}: sleuf volgt straat en stoep, niet de rechte lijn tussen de woningen (omweg t.o.v. de "
    "kortste verbindende boom)",
    False,
    1.0,
    3.0,
)
STREET = f"{V}: straatlengte per woning langs de openbare weg"
STREET_APARTMENT = Sourced(1.5, "m/woning", f"{STREET}, appartement", False, 0.2, 50)
STREET_MID_TERRACE = Sourced(5.5, "m/woning", f"{STREET}, tussenwoning", False, 2, 50)
STREET_END_TERRACE = Sourced(8, "m/woning", f"{STREET}, hoekwoning", False, 2, 50)
STREET_SEMI_DETACHED = Sourced(9, "m/woning", f"{STREET}, 2-onder-1-kap", False, 2, 80)
STREET_DETACHED = Sourced(18, "m/woning", f"{STREET}, vrijstaand", False, 3, 150)
ROOF = f"{V}: bruikbaar dakoppervlak voor PVT per woning"
ROOF_APARTMENT = Sourced(8, "m²", f"{ROOF}, appartement", False, 0, 200)
ROOF_MID_TERRACE = Sourced(25, "m²", f"{ROOF}, tussenwoning", False, 0, 200)
ROOF_END_TERRACE = Sourced(25, "m²", f"{ROOF}, hoekwoning", False, 0, 200)
ROOF_SEMI_DETACHED = Sourced(30, "m²", f"{ROOF}, 2-onder-1-kap", False, 0, 200)
ROOF_DETACHED = Sourced(45, "m²", f"{ROOF}, vrijstaand", False, 0, 400)
REGEN_RING = Sourced(0.0, "-", f"{V}: regeneratie ringnet (geen actieve regeneratie)", False, 0, 1)
REGEN_ZLT = Sourced(
    0.5, "-", f"{V}: regeneratie ZLT-bodemveld (droge koeler/zomerkoeling)", False, 0, 1
)
REGEN_WKO = Sourced(1.0, "-", f"{V}: WKO energiebalans (vergunningseis open systemen)", False, 0, 1)
REGEN_HOURS = Sourced(1500, "h/jaar", f"{V}: vollasturen droge koeler", False, 300, 4000)
PVT_BUFFER_BELOW = Sourced(
    0,
    "°C",
    f"{V}: onder deze buitentemperatuur is het bodembuffer de bron, daarboven de PVT-panelen",
    False,
    -10,
    10,
)
PVT_THERMAL = Sourced(400, "kWh/m²·jaar", f"{V}: PVT als WP-bron (onafgedekt)", False, 100, 900)
PVT_ELECTRIC = Sourced(150, "kWh/m²·jaar", f"{V}: PV-opbrengst PVT-paneel", False, 50, 250)
SOLAR_FRACTION = Sourced(0.4, "-", f"{V}: zonnefractie zonthermie + MT-opslag", False, 0.05, 0.9)
COLLECTOR_YIELD = Sourced(350, "kWh/m²·jaar", f"{V}: collectoropbrengst MT", False, 100, 700)
STORAGE_PER_M2 = Sourced(2.0, "m³/m²", f"{V}: opslagvolume per m² collector", False, 0.05, 10)
SOLAR_LAND = Sourced(2.5, "m² grond/m²", f"{V}: grondbeslag collectorveld", False, 1, 5)
MODULE_KW = Sourced(50, "kW", f"{V}: modulaire MT-warmtepompunit", False, 10, 500)

# --- Energy, CO₂, grid and pumping (domain §3.6, §2.4, §4.3) --------------------------------------
CO2_GAS = Sourced(1.78, "kg/m³", "ISSO 82 via CO2emissiefactoren.nl-praktijk", False, 1.5, 2.2)
CO2_COOKING = Sourced(
    0,
    "0 = zonder koken, 1 = met koken",
    "Keuze CO₂-referentie (issue 15): 0 = alleen verwarming en tapwater (wat het warmtenet "
    "levert); 1 = de hele gasmeter, koken inbegrepen, dat dan in elk concept op gas blijft en aan "
    "beide kanten telt (besparing gelijk, percentage lager). Kookaandeel: koken 3–5 % (vuistregel)",
    False,
    0,
    1,
)
CO2_ELECTRICITY = Sourced(
    0.33, "kg/kWh", f"{V}; CE Delft mix 2021: 0,300 (0,374 incl. keten)", False, 0, 1
)
SMALL_CONNECTION = Sourced(55, "kW", f"{V}: kleinverbruik tot 3×80 A (≈ 55 kW)", False, 10, 500)
HEAT_CONNECTION_LIMIT = Sourced(
    100, "kW", "Warmtewet: beschermde verbruiker ≤ 100 kW", True, 10, 1000
)
MT_LOSS_W_PER_M = Sourced(
    15, "W/m", f"{V}: twin-buis DN32–50 bij 70/40 °C per sleufmeter", False, 0, 60
)
LOSS_WARNING = Sourced(
    0.25, "-", f"{V}: warmteverlies MT-net 10–25 %; boven 25 % waarschuwen", False, 0, 1
)
LONG_NETWORK = Sourced(
    15, "m/woning", "Westerkwartier: lange leiding per woning te duur", False, 2, 100
)
DT_AMBIENT = Sourced(3, "K", f"{V}: temperatuurverschil bronnet", False, 1, 10)
DT_MT = Sourced(30, "K", f"{V}: temperatuurverschil MT-net (70/40)", False, 5, 60)
FLUID_HEAT = Sourced(
    4100, "kJ/m³·K", f"{V}: water/glycol volumetrische warmtecapaciteit", False, 3500, 4200
)
PIPE_GRADIENT = Sourced(150, "Pa/m", f"{V}: ontwerpdrukval per meter leiding", False, 20, 500)
FIXED_HEAD = Sourced(50, "kPa", f"{V}: drukval bron, wisselaars en afsluiters", False, 0, 300)
PUMP_EFFICIENCY = Sourced(0.5, "-", f"{V}: totaalrendement circulatiepomp", False, 0.1, 0.9)
MIN_FLOW = Sourced(0.2, "-", f"{V}: minimum circulatie als deel van ontwerpdebiet", False, 0, 1)
REGEN_AUX = Sourced(0.02, "kWh/kWh", f"{V}: ventilator/pompstroom droge koeler", False, 0, 0.2)
