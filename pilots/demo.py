"""Demo data for `manage.py load_demo`: the proeftuinen and a fictional Utrecht kopgroep.

Sources:
- Proeftuinen (place, number of homes, technique): the seed deck's slide "Proeftuinen <300
  deelnemers" (Programma Aardgasvrije Wijken). Loppersum merged into Eemsdelta in 2021.
- Utrecht kopgroep: the deck says "6 pilots in vier gemeentes in Utrecht", up to 150 homes in
  total, ready after kwartiermaken (summer 2024) and in the ontwikkelingsfase in 2025. The six
  pilots below are fictional examples of that shape; they are not the real pilots.
- CBS municipality codes: CBS "Gemeentelijke indeling op 1 januari 2025".
"""

from dataclasses import dataclass

from .models import Phase, Role


@dataclass(frozen=True)
class DemoGemeente:
    name: str
    cbs_code: str


@dataclass(frozen=True)
class DemoPilot:
    name: str
    gemeente: str
    neighbourhood: str
    streets: str
    homes: int
    phase: Phase
    technique: str
    programme: str
    description: str = ""


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, Role], ...]
    is_staff: bool = False


PAW = "Proeftuin Aardgasvrije Wijken"
KOPGROEP = "Utrechtse kopgroep mini-warmtenetten (fictief voorbeeld)"

GEMEENTEN = (
    DemoGemeente("Utrecht", "GM0344"),
    DemoGemeente("Zeist", "GM0355"),
    DemoGemeente("Houten", "GM0321"),
    DemoGemeente("De Bilt", "GM0310"),
    DemoGemeente("Katwijk", "GM0537"),
    DemoGemeente("Eemsdelta", "GM1979"),
    DemoGemeente("Vlieland", "GM0096"),
    DemoGemeente("De Wolden", "GM1690"),
    DemoGemeente("Midden-Groningen", "GM1952"),
    DemoGemeente("Almelo", "GM0141"),
    DemoGemeente("Barneveld", "GM0203"),
    DemoGemeente("Enkhuizen", "GM0388"),
    DemoGemeente("Schiermonikoog", "GM0088"),
)

PROEFTUINEN = (
    DemoPilot(
        "Katwijk Kalkhoven", "Katwijk", "Kalkhoven", "", 263, Phase.REALISATIE, "Aquathermie", PAW
    ),
    DemoPilot(
        "Loppersum",
        "Eemsdelta",
        "Loppersum",
        "",
        210,
        Phase.REALISATIE,
        "Individuele warmtepomp",
        PAW,
    ),
    DemoPilot("Vlieland", "Vlieland", "Oost-Vlieland", "", 39, Phase.REALISATIE, "Zonthermie", PAW),
    DemoPilot("De Wolden", "De Wolden", "", "", 250, Phase.REALISATIE, "Groengas hybride", PAW),
    DemoPilot(
        "Midden-Groningen Steendam",
        "Midden-Groningen",
        "Steendam",
        "",
        248,
        Phase.REALISATIE,
        "Individuele warmtepomp",
        PAW,
    ),
    DemoPilot(
        "Almelo Aalderinkshoek",
        "Almelo",
        "Aalderinkshoek",
        "",
        272,
        Phase.REALISATIE,
        "Aquathermie en restwarmte",
        PAW,
    ),
    DemoPilot(
        "Barneveld De Glind", "Barneveld", "De Glind", "", 200, Phase.REALISATIE, "Zonthermie", PAW
    ),
    DemoPilot(
        "Enkhuizen Gommerwijk",
        "Enkhuizen",
        "Gommerwijk",
        "",
        263,
        Phase.REALISATIE,
        "Restwarmte tuinbouw",
        PAW,
    ),
    DemoPilot(
        "Schiermonikoog",
        "Schiermonikoog",
        "",
        "",
        152,
        Phase.REALISATIE,
        "Collectieve luchtwarmtepomp",
        PAW,
    ),
)

KOPGROEP_PILOTS = (
    DemoPilot(
        "Hofje Oudwijk",
        "Utrecht",
        "Oudwijk",
        "Hofje aan de Kennedylaan",
        18,
        Phase.ONTWIKKELING,
        "Bodemlus, cluster",
        KOPGROEP,
        "Achttien tussenwoningen uit 1930 rond een binnenhof; één bronveld per cluster.",
    ),
    DemoPilot(
        "Lombok Noord",
        "Utrecht",
        "Lombok",
        "Damstraat, Jan Pieterszoon Coenstraat",
        32,
        Phase.KWARTIERMAKEN,
        "Bodemlus, ringnet",
        KOPGROEP,
        "Twee lange rijen arbeiderswoningen; een ringnet langs de straat lijkt kansrijk.",
    ),
    DemoPilot(
        "Tuinwijk-Oost",
        "Utrecht",
        "Tuinwijk",
        "Pieter Nieuwlandstraat",
        22,
        Phase.KWARTIERMAKEN,
        "PVT met individuele warmtepompen",
        KOPGROEP,
    ),
    DemoPilot(
        "Kerckebosch Lindelaan",
        "Zeist",
        "Kerckebosch",
        "Lindelaan",
        24,
        Phase.ONTWIKKELING,
        "Bodemlus, cluster",
        KOPGROEP,
    ),
    DemoPilot(
        "Castellum Vestingwal",
        "Houten",
        "Castellum",
        "Vestingwal",
        40,
        Phase.ONTWIKKELING,
        "Bodemlus, ringnet",
        KOPGROEP,
    ),
    DemoPilot(
        "Villapark Bilthoven",
        "De Bilt",
        "Bilthoven-Noord",
        "Soestdijkseweg Noord",
        12,
        Phase.KWARTIERMAKEN,
        "Bodemlus, cluster",
        KOPGROEP,
        "Twaalf vrijstaande villa's; zelfbeheer met individuele financiering ligt voor de hand.",
    ),
)

_KOPGROEP_GEMEENTEN = ("Utrecht", "Zeist", "Houten", "De Bilt")
_PROEFTUIN_GEMEENTEN = tuple(p.gemeente for p in PROEFTUINEN)

# Demo passwords meet the validators (12+ characters, not common); they are printed by make run.
USERS = (
    DemoUser(
        "kwartiermaker",
        "warmte-demo-2026",
        "Kim",
        "de Kwartiermaker",
        tuple((g, Role.KWARTIERMAKER) for g in (*_KOPGROEP_GEMEENTEN, *_PROEFTUIN_GEMEENTEN)),
    ),
    DemoUser(
        "gemeente", "gemeente-demo-2026", "Gert", "van de Gemeente", (("Utrecht", Role.GEMEENTE),)
    ),
    DemoUser(
        "gemeente_zeist", "gemeente-demo-2026", "Zara", "uit Zeist", (("Zeist", Role.GEMEENTE),)
    ),
    DemoUser("beheer", "beheer-demo-2026", "Bo", "Beheer", (), is_staff=True),
)


@dataclass(frozen=True)
class DemoStreet:
    """Households generated for a kopgroep pilot: one street profile per pilot."""

    pilot: str
    street: str
    postcode_prefix: str  # 4 digits + first letter; the second letter varies per block
    building_type: str
    construction_year: int
    floor_area_m2: int
    label: str
    gas_m3: int  # CBS 81528NED (Venlo 2021) average for the type, see techniek defaults
    # Shares of homes at each commitment (interested, intent, signed, withdrawn).
    commitment_mix: tuple[float, float, float, float]


DEMO_STREETS = (
    DemoStreet(
        "Hofje Oudwijk",
        "Kennedylaan",
        "3581",
        "mid_terrace",
        1932,
        95,
        "D",
        1350,
        (0.45, 0.25, 0.10, 0.05),
    ),
    DemoStreet(
        "Lombok Noord",
        "Damstraat",
        "3531",
        "mid_terrace",
        1905,
        80,
        "E",
        1350,
        (0.35, 0.10, 0.0, 0.05),
    ),
    DemoStreet(
        "Tuinwijk-Oost",
        "Pieter Nieuwlandstraat",
        "3514",
        "end_terrace",
        1925,
        110,
        "D",
        1550,
        (0.40, 0.15, 0.05, 0.0),
    ),
    DemoStreet(
        "Kerckebosch Lindelaan",
        "Lindelaan",
        "3705",
        "semi_detached",
        1965,
        130,
        "C",
        1760,
        (0.50, 0.30, 0.15, 0.05),
    ),
    DemoStreet(
        "Castellum Vestingwal",
        "Vestingwal",
        "3992",
        "mid_terrace",
        1988,
        115,
        "C",
        1350,
        (0.35, 0.20, 0.05, 0.05),
    ),
    DemoStreet(
        "Villapark Bilthoven",
        "Soestdijkseweg Noord",
        "3721",
        "detached",
        1938,
        210,
        "E",
        2380,
        (0.50, 0.35, 0.25, 0.0),
    ),
)

# The proeftuinen are in Realisatie: a network being built has most of its homes signed (the go
# needs 70 %), so their registers are filled too (issue 22: empty registers were not believable).
# Postcode areas are those of the village or neighbourhood; the street is a common Dutch name,
# not a claim about the real network's route.
_REALISED = (0.05, 0.05, 0.75, 0.05)
DEMO_STREETS = (
    *DEMO_STREETS,
    DemoStreet(
        "Katwijk Kalkhoven", "Kerkstraat", "2225", "mid_terrace", 1968, 100, "C", 1350, _REALISED
    ),
    DemoStreet(
        "Loppersum", "Dorpsstraat", "9919", "semi_detached", 1955, 120, "D", 1760, _REALISED
    ),
    DemoStreet("Vlieland", "Dorpsstraat", "8899", "detached", 1960, 110, "D", 2380, _REALISED),
    DemoStreet("De Wolden", "Kerkstraat", "7963", "semi_detached", 1972, 125, "C", 1760, _REALISED),
    DemoStreet(
        "Midden-Groningen Steendam", "Dorpsweg", "9627", "detached", 1950, 120, "E", 2380, _REALISED
    ),
    DemoStreet(
        "Almelo Aalderinkshoek",
        "Schoolstraat",
        "7608",
        "mid_terrace",
        1958,
        90,
        "D",
        1350,
        _REALISED,
    ),
    DemoStreet(
        "Barneveld De Glind", "Glinderweg", "3794", "detached", 1935, 130, "E", 2380, _REALISED
    ),
    DemoStreet(
        "Enkhuizen Gommerwijk", "Molenweg", "1602", "mid_terrace", 1965, 95, "C", 1350, _REALISED
    ),
    DemoStreet(
        "Schiermonikoog", "Langestreek", "9166", "detached", 1930, 110, "E", 2380, _REALISED
    ),
)

# A street link with a known token, so the demo's resident dashboard can be opened from the
# URL make run prints. Real links get a random token that is shown only once.
DEMO_STREET_TOKEN = "demo-hofje-oudwijk-straatlink-2026"
DEMO_CONTACT = ("Kim de Kwartiermaker", "kwartiermaker@voorbeeld.nl", "030 123 45 67")
