"""Voorbeeld bestek: a draft technical specification from the pilot's chosen concept, sized by
the engine on the pilot's own register, as the techniek tab shows it (same run, same figures).

A draft for the gemeente to edit, not a contract document: what the engine cannot know
(client, dates, norms, guarantee periods) is a marked placeholder.
"""

from datetime import date

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from techniek.calc import CATALOGUE, Concept, ConceptResult, run_concept
from techniek.calc.concepts import HeatPump, Network, Source
from techniek.calc.costs import Component
from techniek.templatetags.money import euro

from .calc_inputs import PilotInputs, register_or_plan_area
from .documents import Document, Section, Table
from .models import Pilot, pilot_parameters
from .scenario import CALC_VERSION


class NoConcept(Exception):
    """The pilot has not chosen a concept yet: there is nothing to specify."""


def _n(value: float, places: str = "0g") -> str:
    # The techniek tab's floatformat arguments, so a figure reads the same in both places.
    return floatformat(value, places)


def component_labels() -> dict[Component, str]:
    return {
        Component.WATER_HEAT_PUMPS: _("Water-waterwarmtepompen in de woningen"),
        Component.AIR_HEAT_PUMPS: _("Lucht-waterwarmtepompen in de woningen"),
        Component.HYBRID_HEAT_PUMPS: _("Hybride warmtepompen"),
        Component.GAS_BOILERS: _("Gasketels"),
        Component.DELIVERY_SETS: _("Afleversets"),
        Component.INSULATION: _("Isolatie tot het vereiste label"),
        Component.BOREHOLES: _("Bodemwisselaars (verticale boringen)"),
        Component.HORIZONTAL_COLLECTOR: _("Horizontale bodemcollector"),
        Component.PVT_PANELS: _("PVT-panelen"),
        Component.SOLAR_COLLECTORS: _("Zonnecollectoren"),
        Component.HEAT_STORAGE: _("Warmteopslag"),
        Component.TEO: _("Warmtewisselaar oppervlaktewater (TEO)"),
        Component.AQUIFER_WELLS: _("WKO-bronnen (open systeem)"),
        Component.WASTE_HEAT_LINK: _("Aftakking restwarmte"),
        Component.DRY_COOLERS: _("Droge koelers (regeneratie)"),
        Component.CENTRAL_HEAT_PUMP: _("Centrale warmtepomp"),
        Component.HEAT_PUMP_MODULES: _("Warmtepompmodules"),
        Component.PUMP_STATION: _("Pompstation"),
        Component.STREET_NETWORK: _("Leidingnet in de openbare ruimte"),
        Component.CLUSTER_PIPES: _("Clusterleidingen op eigen terrein"),
        Component.CONNECTIONS: _("Aansluitingen van de woningen"),
        Component.ENGINEERING: _("Ontwerp, vergunningen en procesbegeleiding"),
    }


def concept_result(pilot: Pilot, concept: Concept) -> tuple[ConceptResult, PilotInputs]:
    """The techniek tab's run of `concept` on the pilot's register and site."""
    inputs = register_or_plan_area(pilot)
    result = run_concept(
        inputs.households, inputs.site, concept, pilot_parameters(pilot).assumptions
    )
    return result, inputs


def _fill(what: str) -> str:
    return "[[" + _("IN TE VULLEN: %(what)s") % {"what": what} + "]]"


def _source_items(r: ConceptResult, spacing_m: float) -> list[str]:
    s, spec = r.sizing, CATALOGUE[r.concept]
    items = []
    if s.borehole_m > 0:
        items.append(
            _(
                "Bodemwisselaars: %(count)s verticale boringen tot %(depth)s m, samen %(metres)s "
                "boormeter, in %(fields)s veld(en), onderlinge afstand %(spacing)s m. Enkele of "
                "dubbele U-lus: %(fill)s."
            )
            % {
                "count": s.borehole_count,
                "depth": _n(s.borehole_depth_m, "0"),
                "metres": _n(s.borehole_m),
                "fields": _n(s.borehole_fields, "0"),
                "spacing": _n(spacing_m, "-1"),
                "fill": _fill(_("luskeuze en diameter")),
            }
        )
        if s.fluid_min_c is not None:
            items.append(
                _(
                    "Ontwerpgrens: de gemiddelde vloeistoftemperatuur blijft over de levensduur "
                    "boven %(fluid)s °C (berekend met g-functies); uitkoeling na de looptijd "
                    "%(depletion)s K. De aannemer toont dit aan met een eigen berekening na een "
                    "thermal response test (TRT)."
                )
                % {"fluid": _n(s.fluid_min_c, "1"), "depletion": _n(s.depletion_k, "1")}
            )
    if s.horizontal_collector_m2 > 0:
        items.append(
            _("Horizontale bodemcollector: %(m2)s m² collectoroppervlak.")
            % {"m2": _n(s.horizontal_collector_m2)}
        )
    if s.pvt_m2 > 0:
        items.append(_("PVT-panelen: %(m2)s m² op de daken.") % {"m2": _n(s.pvt_m2)})
    if s.solar_collector_m2 > 0:
        items.append(
            _("Zonnecollectoren: %(m2)s m², met %(m3)s m³ warmteopslag.")
            % {"m2": _n(s.solar_collector_m2), "m3": _n(s.storage_m3)}
        )
    if s.teo_kw > 0:
        items.append(
            _("Warmtewisselaar oppervlaktewater (TEO): %(kw)s kW. Watervergunning: %(fill)s.")
            % {"kw": _n(s.teo_kw), "fill": _fill(_("waterbeheerder en vergunning"))}
        )
    if s.aquifer_kw > 0:
        items.append(
            _("WKO-doublet (open systeem): %(kw)s kW. Omgevingsvergunning: %(fill)s.")
            % {"kw": _n(s.aquifer_kw), "fill": _fill(_("bevoegd gezag en vergunning"))}
        )
    if s.waste_heat_kw > 0:
        items.append(
            _("Aftakking restwarmte: %(kw)s kW. Leveringsovereenkomst met de bron: %(fill)s.")
            % {"kw": _n(s.waste_heat_kw), "fill": _fill(_("leverancier van de restwarmte"))}
        )
    if s.regeneration_kw > 0:
        items.append(
            _("Regeneratie met droge koelers: %(kw)s kW, %(kwh)s kWh per jaar terug in de bodem.")
            % {"kw": _n(s.regeneration_kw), "kwh": _n(s.regeneration_kwh)}
        )
    if spec.source is Source.AIR and s.central_heat_pump_kw > 0:
        items.append(
            _("Buitenlucht als bron van de centrale warmtepomp; geluid op de erfgrens: %(fill)s.")
            % {"fill": _fill(_("geluidseis in dB(A)"))}
        )
    if not items:
        items.append(_("Bron: zie het concept; %(fill)s.") % {"fill": _fill(_("brongegevens"))})
    return items


def build(pilot: Pilot, today: date) -> Document:
    if not pilot.concept:
        raise NoConcept
    concept = Concept(pilot.concept)
    r, inputs = concept_result(pilot, concept)
    a = pilot_parameters(pilot).assumptions
    spec, s, d = CATALOGUE[concept], r.sizing, r.demand
    homes = r.homes
    per_home_kw = (
        s.individual_heat_pump_kw / s.individual_heat_pumps if s.individual_heat_pumps else 0
    )
    heat_pumps = []
    if spec.heat_pump is HeatPump.INDIVIDUAL:
        heat_pumps.append(
            _(
                "Per woning één warmtepomp: %(count)s stuks, samen %(kw)s kW, gemiddeld "
                "%(per_home)s kW per woning, inclusief tapwatervoorziening. Merk en type: %(fill)s."
            )
            % {
                "count": s.individual_heat_pumps,
                "kw": _n(s.individual_heat_pump_kw, "-1g"),
                "per_home": _n(per_home_kw, "1"),
                "fill": _fill(_("merk, type en koudemiddel")),
            }
        )
    if s.central_heat_pump_kw > 0:
        heat_pumps.append(
            _("Centrale warmtepomp: %(kw)s kW thermisch vermogen.")
            % {"kw": _n(s.central_heat_pump_kw, "-1g")}
        )
    if s.modules:
        heat_pumps.append(_("Warmtepompmodules: %(n)s stuks.") % {"n": s.modules})
    if not heat_pumps:
        heat_pumps.append(_("Geen warmtepompen in dit concept."))
    network = {
        Network.CLUSTER: _(
            "clusterleidingen (PE, ongeïsoleerd) tussen de woningen van een cluster"
        ),
        Network.AMBIENT: _("bronnet (PE, ongeïsoleerd) op omgevingstemperatuur in de straat"),
        Network.MT: _("geïsoleerd middentemperatuurnet (circa 70 °C) in de straat"),
        Network.NONE: _("geen collectief net"),
    }[spec.network]
    pipes = [
        _("Type net: %(network)s.") % {"network": network},
        _(
            "Sleuflengte openbare ruimte %(street)s m, op eigen terrein %(private)s m; "
            "leidinglengte aanvoer en retour samen %(pipe)s m."
        )
        % {
            "street": _n(s.street_trench_m),
            "private": _n(s.private_trench_m),
            "pipe": _n(s.pipe_m),
        },
        _("Leidingmateriaal, diameters en drukklasse: %(fill)s.")
        % {"fill": _fill(_("volgens hydraulisch ontwerp"))},
    ]
    if s.pump_station:
        pipes.append(_("Een pompstation met regeling en drukbeveiliging."))
    delivery = []
    if spec.network is Network.MT:
        delivery.append(
            _("Afleversets: %(n)s stuks, één per woning, met warmtewisselaar en regelaar.")
            % {"n": homes}
        )
    else:
        delivery.append(
            _(
                "Geen afleverset: de warmtepomp in de woning is het overdrachtspunt "
                "(%(n)s woningen)."
            )
            % {"n": homes}
        )
    delivery += [
        _(
            "Meting: één geijkte warmtemeter per woning (%(n)s stuks) op het leveringspunt, op "
            "afstand uit te lezen; meetregime en meetinrichting volgens %(fill)s."
        )
        % {
            "n": homes,
            "fill": _fill(_("de eisen van de Wet collectieve warmte en de Warmteregeling")),
        },
        _("Elektriciteitsmeting van elke warmtepomp apart (tussenmeter): %(fill)s.")
        % {"fill": _fill(_("ja/nee"))},
    ]
    costs = a.costs
    labels = component_labels()
    lines = [ln for ln in r.costs.lines if ln.capex_eur > 0]
    table = Table(
        headers=(_("Onderdeel"), _("Raming (excl. btw)"), _("Onderhoud per jaar"), _("Levensduur")),
        rows=tuple(
            (
                str(labels[ln.component]),
                euro(ln.capex_eur),
                euro(ln.om_eur_per_year),
                _("%(n)s jaar") % {"n": ln.lifetime_years} if ln.lifetime_years else "–",
            )
            for ln in lines
        )
        + ((_("Totaal"), euro(r.costs.capex_eur), euro(r.costs.om_eur_per_year), ""),),
    )
    sections = (
        Section(
            _("Algemeen"),
            paragraphs=(
                _(
                    "Dit bestek beschrijft de levering, aanleg en inbedrijfstelling van een "
                    "collectief warmtesysteem volgens het concept ‘%(concept)s’ voor %(homes)s "
                    "woningen in %(place)s."
                )
                % {
                    "concept": r.name_nl,
                    "homes": homes,
                    "place": ", ".join(
                        x for x in (pilot.streets, pilot.neighbourhood, pilot.gemeente.name) if x
                    ),
                },
                _("Opdrachtgever: %(fill)s.") % {"fill": _fill(_("naam en rechtsvorm"))},
                _("Directie en toezicht: %(fill)s.") % {"fill": _fill(_("naam"))},
                _("Planning: start uitvoering %(start)s, oplevering %(end)s.")
                % {"start": _fill(_("datum")), "end": _fill(_("datum"))},
                _("Toepasselijke voorwaarden, normen en richtlijnen: %(fill)s.")
                % {
                    "fill": _fill(
                        _("bijvoorbeeld UAV 2012 of UAV-GC 2005, NEN- en ISSO-publicaties")
                    )
                },
            ),
        ),
        Section(
            _("Ontwerpuitgangspunten"),
            items=(
                _("Aantal aangesloten woningen: %(n)s.") % {"n": homes},
                _("Warmtevraag (ruimteverwarming en tapwater): %(gj)s GJ per jaar.")
                % {"gj": _n(d.heat_demand_gj)},
                _(
                    "Collectief piekvermogen na gelijktijdigheid: %(kw)s kW "
                    "(gelijktijdigheid %(f)s)."
                )
                % {"kw": _n(d.collective_peak_kw, "-1g"), "f": _n(d.simultaneity, "2")},
                _("Woningen zonder gemeten gasverbruik (geschat uit het woningtype): %(n)s.")
                % {"n": d.homes_estimated},
                _("Woningen te isoleren tot het vereiste label: %(n)s.") % {"n": d.homes_insulated},
            ),
            after=(
                _(
                    "Cijfers uit de rekenmodule van de app (rekenversie %(version)s, %(date)s). "
                    "De aannemer toetst ze in het definitief ontwerp."
                )
                % {"version": CALC_VERSION, "date": today.isoformat()},
            )
            + (
                (
                    _(
                        "Er is nog geen huishoudregister: de woningen zijn gerekend als "
                        "gemiddelde tussenwoningen."
                    ),
                )
                if inputs.assumed
                else ()
            ),
        ),
        Section(_("Bron"), items=tuple(_source_items(r, a.sizing.borehole_spacing_m))),
        Section(_("Warmtepompen"), items=tuple(heat_pumps)),
        Section(_("Leidingnet"), items=tuple(pipes)),
        Section(_("Afleversets en meting"), items=tuple(delivery)),
        Section(
            _("Oplevering en inbedrijfstelling"),
            items=(
                _("Druk- en dichtheidsproef van alle leidingen en lussen, met proces-verbaal."),
                _("Spoelen, ontluchten en vullen; vorstbeveiliging van de bronvloeistof: %(fill)s.")
                % {"fill": _fill(_("medium en concentratie"))},
                _("Inregelen van het net en van elke woning; inregelrapport per woning."),
                _("Proefbedrijf van %(fill)s met meetrapport (temperaturen, COP, storingen).")
                % {"fill": _fill(_("aantal weken"))},
                _("Revisietekeningen, onderhoudsinstructies en uitleg aan de bewoners."),
            ),
        ),
        Section(
            _("Garanties en onderhoud"),
            items=(
                _("Garantie op de installatie als geheel: %(fill)s.") % {"fill": _fill(_("jaren"))},
                _("Garantie op warmtepompen en compressoren: %(fill)s.")
                % {"fill": _fill(_("jaren"))},
                _("Garantie op bodemwisselaars en leidingnet: %(fill)s.")
                % {"fill": _fill(_("jaren"))},
                _("Onderhoudscontract: %(fill)s; responstijd bij storing: %(time)s.")
                % {"fill": _fill(_("looptijd")), "time": _fill(_("uren"))},
            ),
            after=(
                _(
                    "Levensduur in de berekening (bron: tabblad Aannames): warmtepompen "
                    "%(hp)s jaar, afleversets %(ds)s jaar, leidingnet %(net)s jaar, "
                    "boorgaten %(bh)s jaar."
                )
                % {
                    "hp": _n(costs.lifetime_heat_pump_years, "0"),
                    "ds": _n(costs.lifetime_delivery_years, "0"),
                    "net": _n(costs.lifetime_network_years, "0"),
                    "bh": _n(costs.lifetime_borehole_years, "0"),
                },
            ),
        ),
        Section(
            _("Raming"),
            paragraphs=(
                _("Investering %(total)s, %(per_home)s per woning (excl. btw, prijspeil %(year)s).")
                % {
                    "total": euro(r.costs.capex_eur),
                    "per_home": euro(r.costs.capex_per_home_eur),
                    "year": today.year,
                },
            ),
            table=table,
        ),
    )
    return Document(
        title=_("Voorbeeld bestek – %(name)s") % {"name": pilot.name},
        subtitle=_("Concept: %(concept)s · gemeente %(gemeente)s · %(date)s")
        % {"concept": r.name_nl, "gemeente": pilot.gemeente.name, "date": today.isoformat()},
        notice=_(
            "CONCEPT – voorbeeldtekst voor de gemeente om te bewerken, geen contractstuk. "
            "Velden tussen [[ ]] zijn nog in te vullen; de hoeveelheden zijn ramingen uit de app "
            "en worden in het definitief ontwerp bevestigd."
        ),
        facts=(
            (_("Pilot"), pilot.name),
            (_("Concept"), r.name_nl),
            (_("Woningen"), str(homes)),
            *(((_("Boormeters"), f"{_n(s.borehole_m)} m"),) if s.borehole_m > 0 else ()),
            (_("Investering"), euro(r.costs.capex_eur)),
            (_("Rekenversie"), CALC_VERSION),
        ),
        sections=sections,
        sources=(
            _(
                "Seed deck Utrechtse kopgroep mini-warmtenetten: ‘Voorbeeld bestek’ als "
                "bouwsteen voor opschaling (techniek)."
            ),
            _(
                "Hoeveelheden en kosten: rekenmodule van de app; elke standaardwaarde met bron "
                "op het tabblad Aannames."
            ),
        ),
    )
