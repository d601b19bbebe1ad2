"""The concept catalogue: the seed deck's mini and small-scale techniques plus the references."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .inputs import EnergyLabel


class Concept(StrEnum):
    # Mini-warmtenet (2–50 homes)
    BODEMLUS_CLUSTER = "bodemlus_cluster"
    BODEMLUS_RINGNET = "bodemlus_ringnet"
    PVT_RING = "pvt_ring"
    HORIZONTAL_LOOPS = "horizontal_loops"
    AQUATHERMIE_RING = "aquathermie_ring"
    ZONTHERMIE_MT = "zonthermie_mt"
    # Mini and kleinschalig
    COLLECTIVE_MT_AIR_HP = "collective_mt_air_hp"
    # Kleinschalig warmtenet (51–1,500 homes)
    WKO = "wko"
    AQUATHERMIE_WKO = "aquathermie_wko"
    RESTWARMTE = "restwarmte"
    ZLT_NETWORK = "zlt_network"
    MODULAR = "modular"
    # References for every household
    GAS_BOILER = "gas_boiler"
    INDIVIDUAL_AIR_HP = "individual_air_hp"
    HYBRID_HP = "hybrid_hp"


class ScaleClass(StrEnum):
    MINI = "mini"  # 2–50 homes (seed deck)
    KLEINSCHALIG = "kleinschalig"  # 51–1,500
    MINI_AND_KLEINSCHALIG = "mini_and_kleinschalig"
    REFERENCE = "reference"


class Network(StrEnum):
    NONE = "none"
    CLUSTER = "cluster"  # short PE pipes on private ground between the homes of a cluster
    AMBIENT = "ambient"  # uninsulated PE source loop (ring, bronnet, ZLT) in the public street
    MT = "mt"  # insulated medium-temperature (70 °C) network in the public street


class Source(StrEnum):
    GAS = "gas"
    AIR = "air"
    BOREHOLES = "boreholes"  # closed vertical ground loops
    HORIZONTAL = "horizontal"  # horizontal ground collector
    SURFACE_WATER = "surface_water"  # TEO heat exchanger, used directly
    AQUIFER = "aquifer"  # open WKO doublet
    TEO_AQUIFER = "teo_aquifer"  # TEO charges a WKO in summer; the WKO is the winter source
    WASTE_HEAT = "waste_heat"
    SOLAR_THERMAL = "solar_thermal"  # collectors + medium-temperature storage
    PVT = "pvt"  # PVT panels with a small borehole buffer


class HeatPump(StrEnum):
    NONE = "none"
    INDIVIDUAL = "individual"  # one heat pump per home (LT 35 °C, tap water 55 °C)
    HYBRID = "hybrid"  # small heat pump beside the existing boiler
    CENTRAL = "central"  # central heat pump to the MT network
    MODULES = "modules"  # central heat pump in standard modules, added as the network grows


class Regeneration(StrEnum):
    NONE = "none"
    RING = "ring"
    ZLT = "zlt"
    WKO = "wko"


@dataclass(frozen=True)
class ConceptSpec:
    concept: Concept
    name_nl: str  # the seed deck's wording
    scale: ScaleClass
    homes_min: int  # typical range; outside it: Warning.CONCEPT_OUT_OF_SCALE
    homes_max: int
    network: Network
    source: Source
    heat_pump: HeatPump
    required_label: EnergyLabel | None  # LT concepts need label B or an insulation surcharge
    regeneration: Regeneration = Regeneration.NONE

    @property
    def is_reference(self) -> bool:
        return self.scale is ScaleClass.REFERENCE

    @property
    def is_collective(self) -> bool:
        return not self.is_reference


B = EnergyLabel.B
_S = ScaleClass
_N = Network
_So = Source
_H = HeatPump
MAX = 1500  # WCW klein collectief maximum (3rd nota van wijziging 36 576)

CATALOGUE: dict[Concept, ConceptSpec] = {
    spec.concept: spec
    for spec in (
        ConceptSpec(
            Concept.BODEMLUS_CLUSTER, "Bodemlus variant cluster", _S.MINI, 2, 50,
            _N.CLUSTER, _So.BOREHOLES, _H.INDIVIDUAL, B,
        ),
        ConceptSpec(
            Concept.BODEMLUS_RINGNET, "Bodemlus variant ringnet", _S.MINI, 2, 50,
            _N.AMBIENT, _So.BOREHOLES, _H.INDIVIDUAL, B, Regeneration.RING,
        ),
        ConceptSpec(
            Concept.PVT_RING, "PVT met individuele warmtepompen", _S.MINI, 2, 50,
            _N.AMBIENT, _So.PVT, _H.INDIVIDUAL, B,
        ),
        ConceptSpec(
            Concept.HORIZONTAL_LOOPS, "Horizontale bodemlussen", _S.MINI, 2, 50,
            _N.AMBIENT, _So.HORIZONTAL, _H.INDIVIDUAL, B,
        ),
        ConceptSpec(
            Concept.AQUATHERMIE_RING, "Oppervlaktewater (aquathermie) op ringnet", _S.MINI, 2, 50,
            _N.AMBIENT, _So.SURFACE_WATER, _H.INDIVIDUAL, B,
        ),
        ConceptSpec(
            Concept.ZONTHERMIE_MT, "Zonthermie + MT-opslag en warmtepomp", _S.MINI, 10, 300,
            _N.MT, _So.SOLAR_THERMAL, _H.CENTRAL, None,
        ),
        ConceptSpec(
            Concept.COLLECTIVE_MT_AIR_HP, "MT-luchtwarmtepomp (collectief)",
            _S.MINI_AND_KLEINSCHALIG, 2, MAX, _N.MT, _So.AIR, _H.CENTRAL, None,
        ),
        ConceptSpec(
            Concept.WKO, "WKO (bodemenergie, open systeem)", _S.KLEINSCHALIG, 100, MAX,
            _N.AMBIENT, _So.AQUIFER, _H.INDIVIDUAL, B, Regeneration.WKO,
        ),
        ConceptSpec(
            Concept.AQUATHERMIE_WKO, "Aquathermie (TEO met WKO)", _S.KLEINSCHALIG, 51, MAX,
            _N.MT, _So.TEO_AQUIFER, _H.CENTRAL, None,
        ),
        ConceptSpec(
            Concept.RESTWARMTE, "Lokale restwarmte", _S.KLEINSCHALIG, 51, MAX,
            _N.MT, _So.WASTE_HEAT, _H.CENTRAL, None,
        ),
        ConceptSpec(
            Concept.ZLT_NETWORK, "ZLT-net (zeer lage temperatuur)", _S.KLEINSCHALIG, 51, MAX,
            _N.AMBIENT, _So.BOREHOLES, _H.INDIVIDUAL, B, Regeneration.ZLT,
        ),
        ConceptSpec(
            Concept.MODULAR, "Modulair energieconcept", _S.KLEINSCHALIG, 51, MAX,
            _N.MT, _So.AIR, _H.MODULES, None,
        ),
        ConceptSpec(
            Concept.GAS_BOILER, "HR-ketel (referentie)", _S.REFERENCE, 1, 100_000,
            _N.NONE, _So.GAS, _H.NONE, None,
        ),
        ConceptSpec(
            Concept.INDIVIDUAL_AIR_HP, "Individuele lucht-water-warmtepomp", _S.REFERENCE, 1,
            100_000, _N.NONE, _So.AIR, _H.INDIVIDUAL, B,
        ),
        ConceptSpec(
            Concept.HYBRID_HP, "Hybride warmtepomp", _S.REFERENCE, 1, 100_000,
            _N.NONE, _So.AIR, _H.HYBRID, None,
        ),
    )
}  # fmt: skip
