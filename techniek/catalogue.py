"""The concept catalogue page as data: plain Dutch explanations, the seed deck's sections and its
"licht/zwaar" classes, where mini networks fit, and the nine proeftuinen.

Source of the structure: the seed deck (slides "Technische mogelijkheden mini-warmtenetten",
"Technische mogelijkheden kleinschalige warmtenetten", "Waar mini-warmtenetten inzetten?" and
"Proeftuinen <300 deelnemers"). The explanations are ours, written from the engine's model
(docs/calculations.md §6); they say how the engine reads each concept.
"""

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from techniek.calc import Concept


class Weight(StrEnum):
    """The seed deck's class for the other mini techniques: light or heavy."""

    KEY = "key"  # the two main variants, the deck's key choice
    LIGHT = "licht"
    HEAVY = "zwaar"


WEIGHTS: dict[Weight, Promise] = {
    Weight.KEY: _("hoofdvariant"),
    Weight.LIGHT: _("licht"),
    Weight.HEAVY: _("zwaar"),
}


@dataclass(frozen=True)
class ConceptText:
    explanation: Promise
    fits_when: Promise
    key_assumptions: tuple[str, ...]  # keys of techniek.calc.assumption_rows()


TEXTS: dict[Concept, ConceptText] = {
    Concept.BODEMLUS_CLUSTER: ConceptText(
        _(
            "Een paar buren (in de rekenkern zes woningen) delen een bronveld met boringen tot "
            "ongeveer 100 meter diep. Elke woning heeft een eigen warmtepomp. Korte leidingen "
            "lopen over eigen terrein tussen de woningen van het cluster: geen leiding in de "
            "openbare straat en geen centrale pomp."
        ),
        _(
            "Woningen met tuin of eigen grond voor de boringen, zoals villa’s en "
            "twee-onder-een-kapwoningen; straten met veel meters per woning; een groep buren die "
            "samen wil beginnen."
        ),
        (
            "sizing.cluster_size_homes",
            "ground.conductivity_w_per_mk",
            "ground.min_fluid_temp_c",
            "costs.borehole_eur_per_m",
            "costs.borehole_field_eur",
            "costs.trench_pe_garden_eur_per_m",
        ),
    ),
    Concept.BODEMLUS_RINGNET: ConceptText(
        _(
            "Eén leiding met bodemwater van ongeveer 10 °C loopt als ring door de straat en "
            "wordt gevoed door één gezamenlijk bronveld met een centrale pomp. Elke woning heeft "
            "een eigen warmtepomp op de ring. Omdat niet alle woningen tegelijk vol draaien, is "
            "de piek per woning lager. Maar boringen dicht bij elkaar in één veld koelen elkaar "
            "af: zonder regeneratie vraagt één centraal veld vaak méér boormeters dan losse "
            "clusters."
        ),
        _(
            "Compacte straten met weinig meters straat per woning, zoals rijwoningen; een plek in "
            "de openbare ruimte voor het bronveld; buren die later willen aansluiten."
        ),
        (
            "ground.conductivity_w_per_mk",
            "sizing.regeneration_share_ring",
            "climate.simultaneity_space_heating_limit",
            "costs.trench_pe_street_eur_per_m",
            "costs.pump_station_eur",
        ),
    ),
    Concept.PVT_RING: ConceptText(
        _(
            "PVT-panelen op de daken maken stroom én warmte van lage temperatuur. Die warmte is "
            "via een ring in de straat de bron voor een warmtepomp in elke woning; een kleine "
            "bodembuffer vangt de koudste uren op."
        ),
        _(
            "Woningen met genoeg dak op het zuiden, oosten of westen; plekken met weinig ruimte "
            "om te boren."
        ),
        (
            "sizing.pvt_thermal_kwh_per_m2",
            "sizing.pvt_buffer_below_temp_c",
            "heat_pump.pvt_source_offset_k",
            "costs.pvt_eur_per_m2",
        ),
    ),
    Concept.HORIZONTAL_LOOPS: ConceptText(
        _(
            "Lussen op 1 à 1,5 meter diepte halen warmte uit de ondiepe bodem van een veld in de "
            "openbare ruimte. Geen diepe boringen, wel veel grond. Een ring brengt de warmte naar "
            "een warmtepomp in elke woning."
        ),
        _("Een grasveld of plantsoen dicht bij de woningen; plekken waar diep boren niet mag."),
        (
            "sizing.horizontal_w_per_m2",
            "sizing.horizontal_max_kwh_per_m2",
            "heat_pump.horizontal_design_fluid_temp_c",
            "costs.horizontal_collector_eur_per_m2",
        ),
    ),
    Concept.AQUATHERMIE_RING: ConceptText(
        _(
            "Een warmtewisselaar haalt warmte uit een sloot, vaart of plas (thermische energie "
            "uit oppervlaktewater, TEO) en voedt een ring in de straat met een warmtepomp in elke "
            "woning."
        ),
        _("Woningen dicht bij open water, met een waterbeheerder die meewerkt aan de vergunning."),
        (
            "heat_pump.surface_water_min_temp_c",
            "heat_pump.teo_approach_k",
            "costs.teo_fixed_eur",
            "costs.teo_eur_per_kw",
        ),
    ),
    Concept.ZONTHERMIE_MT: ConceptText(
        _(
            "Zonnecollectoren vullen een grote warmteopslag. Een centrale warmtepomp brengt die "
            "warmte op middentemperatuur (ongeveer 70 °C) en een geïsoleerd net levert haar aan "
            "de woningen. De woningen houden hun radiatoren."
        ),
        _(
            "Oudere woningen die (nog) niet goed geïsoleerd zijn; genoeg grond voor een "
            "collectorveld en de opslag."
        ),
        (
            "sizing.solar_fraction",
            "sizing.collector_kwh_per_m2",
            "sizing.storage_m3_per_m2",
            "costs.solar_collector_eur_per_m2",
            "costs.storage_eur_per_m3",
        ),
    ),
    Concept.COLLECTIVE_MT_AIR_HP: ConceptText(
        _(
            "Eén grote luchtwarmtepomp verwarmt water tot ongeveer 70 °C voor een geïsoleerd "
            "net. De woningen krijgen een afleverset in plaats van een ketel en houden hun "
            "radiatoren."
        ),
        _(
            "Slecht geïsoleerde woningen en hoogbouw zonder bodem- of waterbron; er moet een "
            "plek zijn voor de installatie (let op geluid) en een zware netaansluiting."
        ),
        (
            "heat_pump.carnot_efficiency_central_air",
            "heat_pump.mt_supply_temp_c",
            "energy.mt_heat_loss_w_per_m",
            "costs.central_air_hp_eur_per_kw",
            "costs.trench_mt_eur_per_m",
        ),
    ),
    Concept.WKO: ConceptText(
        _(
            "Warmte-koudeopslag: twee bronnen in een watervoerende zandlaag slaan ’s zomers "
            "warmte op en ’s winters koude. Een bronnet levert die warmte aan een warmtepomp in "
            "elke woning en kan ’s zomers koelen. Het seed deck noemt WKO vanaf ongeveer 100 "
            "woningen."
        ),
        _("Meer dan ongeveer 100 woningen, een geschikte bodem en een vergunning."),
        (
            "heat_pump.aquifer_temp_c",
            "sizing.regeneration_share_wko",
            "costs.aquifer_fixed_eur",
            "costs.aquifer_eur_per_kw",
        ),
    ),
    Concept.AQUATHERMIE_WKO: ConceptText(
        _(
            "Warmte uit oppervlaktewater gaat ’s zomers de bodem in via een WKO. In de winter "
            "brengt een centrale warmtepomp die warmte op middentemperatuur voor het warmtenet."
        ),
        _("Buurten bij groot open water met een bodem die geschikt is voor WKO."),
        (
            "heat_pump.teo_aquifer_temp_c",
            "costs.teo_fixed_eur",
            "costs.aquifer_fixed_eur",
            "costs.central_water_hp_eur_per_kw",
        ),
    ),
    Concept.RESTWARMTE: ConceptText(
        _(
            "Warmte die een bedrijf, kas of datacenter overhoudt, gaat via een warmtewisselaar "
            "het net in. Is ze niet warm genoeg, dan brengt een centrale warmtepomp haar op "
            "temperatuur."
        ),
        _("Een betrouwbare restwarmtebron dichtbij, met afspraken over levering op lange termijn."),
        (
            "costs.waste_heat_fixed_eur",
            "costs.waste_heat_eur_per_kw",
            "heat_pump.mt_supply_temp_c",
            "costs.trench_mt_eur_per_m",
        ),
    ),
    Concept.ZLT_NETWORK: ConceptText(
        _(
            "Een net van zeer lage temperatuur (10 à 20 °C) door de buurt, gevoed door een "
            "centraal bronveld dat ’s zomers weer wordt opgewarmd (regeneratie). Elke woning "
            "heeft een eigen warmtepomp."
        ),
        _(
            "Goed geïsoleerde woningen, of woningen die naar label B gaan; buurten die ook koeling "
            "willen."
        ),
        (
            "sizing.regeneration_share_zlt",
            "ground.conductivity_w_per_mk",
            "costs.dry_cooler_eur_per_kw",
            "costs.trench_pe_street_eur_per_m",
        ),
    ),
    Concept.MODULAR: ConceptText(
        _(
            "Een collectieve warmtepomp in standaardmodules, die erbij komen naarmate meer "
            "woningen aansluiten. De installatie groeit mee met de deelname, zoals de les uit de "
            "proeftuinen zegt: modulair en organisch bouwen."
        ),
        _("Buurten waar de deelname stap voor stap groeit."),
        ("sizing.module_kw", "costs.module_eur", "heat_pump.carnot_efficiency_central_air"),
    ),
    Concept.GAS_BOILER: ConceptText(
        _(
            "Alles blijft zoals het is: op termijn een nieuwe HR-ketel. Dit is de maat voor "
            "kosten en CO₂."
        ),
        _("Altijd, als vergelijking."),
        ("costs.gas_boiler_eur", "demand.boiler_efficiency", "energy.co2_gas_kg_per_m3"),
    ),
    Concept.INDIVIDUAL_AIR_HP: ConceptText(
        _("Elke woning een eigen lucht-waterwarmtepomp met een buitenunit, zonder warmtenet."),
        _("Goed geïsoleerde woningen met plek voor een buitenunit."),
        (
            "costs.air_hp_base_eur",
            "costs.air_hp_eur_per_kw",
            "heat_pump.carnot_efficiency_air",
        ),
    ),
    Concept.HYBRID_HP: ConceptText(
        _(
            "Een kleine warmtepomp naast de bestaande ketel. Als het koud is neemt de ketel "
            "over; die maakt ook het warme tapwater."
        ),
        _("Een eerste stap voor woningen die nog niet van het gas af kunnen."),
        (
            "costs.hybrid_hp_eur",
            "heat_pump.hybrid_heat_pump_kw",
            "heat_pump.hybrid_bivalent_temp_c",
        ),
    ),
}

C = Concept

# The seed deck's mini slide: the key choice (cluster or ring), then the other techniques with
# their light/heavy class. The kleinschalig slide gives no classes.
MINI: tuple[tuple[Concept, Weight | None], ...] = (
    (C.BODEMLUS_CLUSTER, Weight.KEY),
    (C.BODEMLUS_RINGNET, Weight.KEY),
    (C.PVT_RING, Weight.LIGHT),
    (C.HORIZONTAL_LOOPS, Weight.LIGHT),
    (C.AQUATHERMIE_RING, Weight.LIGHT),
    (C.ZONTHERMIE_MT, Weight.HEAVY),
    (C.COLLECTIVE_MT_AIR_HP, Weight.HEAVY),
)
KLEINSCHALIG: tuple[tuple[Concept, Weight | None], ...] = (
    (C.WKO, None),
    (C.AQUATHERMIE_WKO, None),
    (C.RESTWARMTE, None),
    (C.COLLECTIVE_MT_AIR_HP, None),
    (C.ZLT_NETWORK, None),
    (C.MODULAR, None),
)
REFERENCES: tuple[tuple[Concept, Weight | None], ...] = (
    (C.GAS_BOILER, None),
    (C.INDIVIDUAL_AIR_HP, None),
    (C.HYBRID_HP, None),
)


@dataclass(frozen=True)
class Area:
    """A building type from the slide "Waar mini-warmtenetten inzetten?"."""

    slug: str
    name: Promise
    explanation: Promise
    example: dict[str, str]  # quick-scan query for a typical street of this type

    @property
    def query(self) -> str:
        return urlencode(self.example)


AREAS = (
    Area(
        "villawijk",
        _("Villawijk"),
        _(
            "Vrijstaande woningen met veel straat per woning (in de rekenkern 18 meter) en eigen "
            "tuinen. Een ring door de hele straat wordt duur; een bronveld per cluster van buren "
            "ligt meer voor de hand."
        ),
        {"detached": "12", "construction_period": "1975_1991"},
    ),
    Area(
        "rijwoningen",
        _("Rijwoningen"),
        _(
            "Weinig straat per woning (ongeveer 5 à 8 meter) en daken voor PVT. Hier is de keuze "
            "tussen cluster en ringnet het scherpst: reken beide door."
        ),
        {"mid_terrace": "20", "end_terrace": "4", "construction_period": "1945_1974"},
    ),
    Area(
        "hoogbouw",
        _("Hoogbouw"),
        _(
            "Veel woningen op weinig grond, weinig dak per woning en geen eigen tuinen. Een "
            "gezamenlijke bron past beter dan clusters of PVT: een ringnet met een centraal "
            "bronveld, aquathermie of een MT-luchtwarmtepomp."
        ),
        {"apartment": "40", "construction_period": "1975_1991"},
    ),
)


@dataclass(frozen=True)
class Proeftuin:
    place: str
    homes: int
    technique: Promise
    concepts: tuple[Concept, ...]  # the catalogue entries closest to the technique


PROEFTUINEN_SOURCE = _(
    "Seed deck, dia ‘Proeftuinen <300 deelnemers’ (Programma Aardgasvrije Wijken). "
    "Loppersum valt sinds 2021 onder de gemeente Eemsdelta."
)

PROEFTUINEN = (
    Proeftuin("Katwijk Kalkhoven", 263, _("Aquathermie"), (C.AQUATHERMIE_WKO,)),
    Proeftuin("Loppersum", 210, _("Individuele warmtepomp"), (C.INDIVIDUAL_AIR_HP,)),
    Proeftuin("Vlieland", 39, _("Zonthermie"), (C.ZONTHERMIE_MT,)),
    Proeftuin("De Wolden", 250, _("Groengas hybride"), (C.HYBRID_HP,)),
    Proeftuin(
        "Midden-Groningen Steendam", 248, _("Individuele warmtepomp"), (C.INDIVIDUAL_AIR_HP,)
    ),
    Proeftuin(
        "Almelo Aalderinkshoek",
        272,
        _("Aquathermie en restwarmte"),
        (C.AQUATHERMIE_WKO, C.RESTWARMTE),
    ),
    Proeftuin("Barneveld De Glind", 200, _("Zonthermie"), (C.ZONTHERMIE_MT,)),
    Proeftuin("Enkhuizen Gommerwijk", 263, _("Restwarmte tuinbouw"), (C.RESTWARMTE,)),
    Proeftuin("Schiermonikoog", 152, _("Collectieve luchtwarmtepomp"), (C.COLLECTIVE_MT_AIR_HP,)),
)
