"""Model members' agreement (ledenovereenkomst) and statute (statuten) for the zelfbeheer route,
as a vereniging or a coöperatie, filled with the pilot's facts: participants, investment shares,
the cost-sharing rule for heat, exit and entry, the maintenance fund and the Wcw obligations.

Templates for a notary to review, not legal advice. Every legal rule names its article of
Boek 2 BW (BWBR0003045 on wetten.overheid.nl); the notary checks them against the current text.
The Wcw obligations come from the regime check of the Juridisch tab, with their own sources and
unconfirmed markers.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.utils.translation import gettext as _

from juridisch.forms import RegimeForm
from juridisch.rules import RegimeCheck, check_regime
from juridisch.text_catalog import translate
from techniek.calc import CATALOGUE, Concept
from techniek.templatetags.money import euro

from .bestek import concept_result
from .documents import Document, Section, Table
from .member_shares import MemberShares, member_shares
from .models import Commitment, Pilot, PilotRegimeFacts, pilot_parameters
from .scenario import Scenario

BW2 = "Burgerlijk Wetboek Boek 2 (BWBR0003045)"
WCW = "Wet collectieve warmte, Kamerstuk 36 576"
DECK = "Seed deck Utrechtse kopgroep mini-warmtenetten"


class LegalForm(StrEnum):
    VERENIGING = "vereniging"
    COOPERATIE = "cooperatie"

    @property
    def label(self) -> str:
        return _("Vereniging") if self is LegalForm.VERENIGING else _("Coöperatie (U.A.)")


class Kind(StrEnum):
    AGREEMENT = "ledenovereenkomst"
    STATUTE = "statuten"


class NotZelfbeheer(Exception):
    pass


def unavailable(pilot: Pilot) -> str | None:
    """The Dutch reason these documents do not fit the pilot's organisation model, or None."""
    if pilot.org_model == "zelfbeheer":
        return None
    if not pilot.org_model:
        return _(
            "Er is nog geen organisatiemodel gekozen. De modelovereenkomst en het modelstatuut "
            "horen bij de zelfbeheerroute: kies op het tabblad Businesscase ‘Zelfbeheer met "
            "individuele financiering’ en leg het vast."
        )
    if pilot.org_model == "cooperatie":
        return _(
            "Deze pilot werkt met een lokale energiecoöperatie als warmteleverancier. Die heeft "
            "eigen statuten en sluit leveringsovereenkomsten met de afnemers; de "
            "modelovereenkomst en het modelstatuut hier zijn voor de zelfbeheerroute, waarin de "
            "bewoners het systeem samen bezitten."
        )
    return _(
        "Deze pilot werkt met een marktpartner of ESCO: de afspraken staan in het contract met "
        "die partij. De modelovereenkomst en het modelstatuut hier zijn voor de zelfbeheerroute."
    )


@dataclass(frozen=True)
class Facts:
    pilot: Pilot
    concept_name: str
    concept_chosen: bool
    signed: int
    shares: MemberShares
    check: RegimeCheck | None
    form: LegalForm
    today: date

    @property
    def entity(self) -> str:
        if self.form is LegalForm.COOPERATIE:
            return _("Coöperatie %(name)s U.A.") % {"name": _fill(_("naam"))}
        return _("Vereniging %(name)s") % {"name": _fill(_("naam"))}


def _fill(what: str) -> str:
    return "[[" + _("IN TE VULLEN: %(what)s") % {"what": what} + "]]"


def _regime(pilot: Pilot, today: date) -> RegimeCheck | None:
    try:
        stored = pilot.regime_facts
    except PilotRegimeFacts.DoesNotExist:
        stored = PilotRegimeFacts.default_for(pilot)
    form = RegimeForm(stored.as_form_data())
    return check_regime(form.to_facts(), on=today) if form.is_valid() else None


def facts(pilot: Pilot, form: LegalForm, today: date) -> Facts:
    if unavailable(pilot):
        raise NotZelfbeheer
    concept = Concept(pilot.concept or Scenario.for_pilot(pilot).concept)
    result, _inputs = concept_result(pilot, concept)
    costs = pilot_parameters(pilot).assumptions.costs
    return Facts(
        pilot=pilot,
        concept_name=CATALOGUE[concept].name_nl,
        concept_chosen=bool(pilot.concept),
        signed=pilot.households.filter(commitment=Commitment.SIGNED).count(),
        shares=member_shares(result.costs, costs.lifetime_network_years),
        check=_regime(pilot, today),
        form=form,
        today=today,
    )


def _wcw_items(f: Facts) -> tuple[str, ...]:
    if f.check is None:
        return (
            _("Regime onder de Wcw: %(fill)s (vul de feiten in op het tabblad Juridisch).")
            % {"fill": _fill(_("regime"))},
        )
    params = f.check.text_params
    items = [
        _("Regime volgens de regimecheck van %(date)s: %(regime)s.")
        % {"date": f.check.checked_on.isoformat(), "regime": translate(f.check.regime.label)}
    ]
    for o in f.check.obligations:
        unconfirmed = "" if o.confirmed else " " + _("(nog niet bevestigd in de wettekst)")
        items.append(f"{translate(o.text, params)} ({o.source}){unconfirmed}")
    return tuple(items)


def _book_values(s: MemberShares) -> Table:
    years = [y for y in (0, 5, 10, 20, 30) if y <= s.write_off_years] + [s.write_off_years]
    return Table(
        headers=(_("Jaren na de start"), _("Waarde van het aandeel in het gezamenlijke deel")),
        rows=tuple((str(y), euro(s.book_value_eur(y))) for y in sorted(set(years))),
    )


def _common_facts(f: Facts) -> tuple[tuple[str, str], ...]:
    s = f.shares
    concept = f.concept_name + ("" if f.concept_chosen else " " + _("(standaardkeuze)"))
    return (
        (_("Pilot"), f.pilot.name),
        (_("Rechtsvorm"), f.entity),
        (_("Concept"), concept),
        (_("Deelnemende woningen in de berekening"), str(s.members)),
        (_("Huishoudens met een getekend contract"), str(f.signed)),
        (_("Aandeel in het gezamenlijke deel per lid"), euro(s.shared_per_member_eur)),
        (_("Onderhoudsfonds per lid per jaar"), euro(s.fund_per_member_eur_per_year)),
    )


def _notice() -> str:
    return _(
        "MODEL – te laten beoordelen door een notaris. Dit is een sjabloon met de gegevens van "
        "de pilot, geen juridisch advies; velden tussen [[ ]] zijn nog in te vullen."
    )


def agreement(f: Facts) -> Document:
    s = f.shares
    place = ", ".join(
        x for x in (f.pilot.streets, f.pilot.neighbourhood, f.pilot.gemeente.name) if x
    )
    sections = (
        Section(
            _("Partijen"),
            items=(
                _("%(entity)s, gevestigd in %(gemeente)s, hierna ‘de %(form)s’;")
                % {"entity": f.entity, "gemeente": f.pilot.gemeente.name, "form": _form(f)},
                _("het lid: %(fill)s, eigenaar van de woning %(address)s, hierna ‘het lid’.")
                % {"fill": _fill(_("naam")), "address": _fill(_("adres"))},
            ),
            after=(
                _(
                    "Deze overeenkomst geldt voor elk van de %(n)s deelnemende woningen in "
                    "%(place)s; de ledenlijst staat in bijlage 1 %(fill)s."
                )
                % {"n": s.members, "place": place, "fill": _fill(_("ledenlijst"))},
            ),
        ),
        Section(
            _("Voorwerp"),
            paragraphs=(
                _(
                    "De %(form)s legt een collectief warmtesysteem aan volgens het concept "
                    "‘%(concept)s’, bezit het en houdt het in stand. Het lid laat zijn woning "
                    "aansluiten en gebruikt het systeem voor verwarming en warm tapwater."
                )
                % {"form": _form(f), "concept": f.concept_name},
            ),
        ),
        Section(
            _("Investeringsaandeel"),
            items=(
                _(
                    "Het gezamenlijke deel (bron, net, ontwerp en proces) kost %(total)s; elk lid "
                    "draagt een gelijk deel: %(share)s."
                )
                % {"total": euro(s.shared_capex_eur), "share": euro(s.shared_per_member_eur)},
                _(
                    "De delen in en aan de eigen woning (warmtepomp of afleverset, aansluiting, "
                    "isolatie) zijn van het lid en kosten gemiddeld %(own)s per woning; het lid "
                    "betaalt de werkelijke kosten van de eigen woning."
                )
                % {"own": euro(s.own_per_member_eur)},
                _("Betaling: %(fill)s (bijvoorbeeld in termijnen bij opdracht en oplevering).")
                % {"fill": _fill(_("betaalschema"))},
                _(
                    "Subsidies (ISDE) en een lening van het Nationaal Warmtefonds vraagt het lid "
                    "zelf aan; de bedragen hierboven zijn vóór subsidie."
                ),
            ),
        ),
        Section(
            _("Warmte en verdeling van de kosten"),
            items=(
                _(
                    "De %(form)s levert geen warmte tegen een tarief en maakt geen winst: de leden "
                    "dragen samen de werkelijke kosten van het gezamenlijke deel."
                )
                % {"form": _form(f)},
                _(
                    "Verdeelsleutel: %(fixed)s van de jaarlijkse gezamenlijke kosten gelijk per "
                    "aansluiting, de rest naar de gemeten warmte (GJ) per woning."
                )
                % {"fixed": _fill(_("vast deel, voorstel 50%"))},
                _(
                    "De elektriciteit van de eigen warmtepomp betaalt het lid via de eigen "
                    "aansluiting."
                ),
                _("Jaarlijkse afrekening door het bestuur vóór %(fill)s.")
                % {"fill": _fill(_("datum"))},
            ),
        ),
        Section(
            _("Onderhoudsfonds"),
            items=(
                _(
                    "De %(form)s vormt een onderhoudsfonds voor onderhoud en vervanging van het "
                    "gezamenlijke deel: %(om)s per jaar voor onderhoud en %(reserve)s per jaar "
                    "reservering voor vervanging, samen %(total)s."
                )
                % {
                    "form": _form(f),
                    "om": euro(s.fund_om_eur_per_year),
                    "reserve": euro(s.fund_reserve_eur_per_year),
                    "total": euro(s.fund_eur_per_year),
                },
                _("Bijdrage per lid: %(per)s per jaar, te betalen per %(fill)s.")
                % {"per": euro(s.fund_per_member_eur_per_year), "fill": _fill(_("maand/kwartaal"))},
                _("Het fonds staat op een aparte rekening; opnamen boven %(fill)s besluit de ALV.")
                % {"fill": _fill(_("bedrag"))},
            ),
        ),
        Section(
            _("Toetreding van nieuwe leden"),
            items=(
                _(
                    "Een nieuwe woning in het plangebied kan aansluiten als het bestuur vaststelt "
                    "dat de bron en het net het vermogen hebben (het systeem is berekend op %(n)s "
                    "woningen)."
                )
                % {"n": s.members},
                _(
                    "Het nieuwe lid betaalt de waarde van een aandeel op dat moment (tabel "
                    "hieronder) aan de %(form)s, plus de kosten van de eigen woning en aansluiting."
                )
                % {"form": _form(f)},
            ),
            table=_book_values(s),
            after=(
                _(
                    "De waarde daalt lineair in %(years)s jaar, de levensduur van het net in de "
                    "berekening (tabblad Aannames)."
                )
                % {"years": s.write_off_years},
            ),
        ),
        Section(
            _("Uittreding en verkoop van de woning"),
            items=(
                _(
                    "Opzegging van het lidmaatschap kan tegen het einde van het boekjaar met een "
                    "opzegtermijn van %(fill)s (art. 2:36 BW)."
                )
                % {"fill": _fill(_("termijn volgens art. 2:36 BW, notaris"))},
                _(
                    "Bij verkoop van de woning gaan het aandeel en de rechten en plichten uit "
                    "deze overeenkomst over op de koper; het lid neemt dit als kettingbeding op "
                    "in de koopakte %(fill)s."
                )
                % {"fill": _fill(_("tekst kettingbeding, notaris"))},
                _(
                    "Een lid dat uittreedt zonder opvolger ontvangt de waarde van het aandeel "
                    "volgens de tabel, minus de kosten van afkoppelen %(fill)s."
                )
                % {"fill": _fill(_("regeling uittreedvergoeding"))},
            ),
        ),
        Section(_("Wet collectieve warmte"), items=_wcw_items(f)),
        Section(
            _("Slotbepalingen"),
            items=(
                _("Duur: zolang het lid lid is van de %(form)s.") % {"form": _form(f)},
                _("Geschillen: %(fill)s.")
                % {"fill": _fill(_("mediation, geschillencommissie of rechter"))},
                _("Getekend te %(place)s op %(date)s.")
                % {"place": _fill(_("plaats")), "date": _fill(_("datum"))},
            ),
        ),
    )
    return Document(
        title=_("Modelovereenkomst voor de leden – %(name)s") % {"name": f.pilot.name},
        subtitle=_("Zelfbeheer als %(form)s · %(date)s")
        % {"form": _form(f), "date": f.today.isoformat()},
        notice=_notice(),
        facts=_common_facts(f),
        sections=sections,
        sources=_sources(f),
    )


def _form(f: Facts) -> str:
    return _("coöperatie") if f.form is LegalForm.COOPERATIE else _("vereniging")


def statute(f: Facts) -> Document:
    s = f.shares
    coop = f.form is LegalForm.COOPERATIE
    purpose = (
        _(
            "De coöperatie stelt zich ten doel in de stoffelijke behoefte aan warmte van haar "
            "leden te voorzien krachtens overeenkomsten die zij met hen sluit in het bedrijf dat "
            "zij daartoe uitoefent: het collectieve warmtesysteem ‘%(concept)s’ (art. 2:53 lid 1 "
            "BW)."
        )
        if coop
        else _(
            "De vereniging stelt zich ten doel een collectief warmtesysteem ‘%(concept)s’ voor "
            "de woningen van haar leden aan te leggen, te bezitten en in stand te houden. Zij "
            "keert geen winst uit aan haar leden (art. 2:26 lid 3 BW)."
        )
    ) % {"concept": f.concept_name}
    articles = [
        Section(
            _("Naam en zetel"),
            items=(
                _("De naam is %(entity)s.") % {"entity": f.entity},
                _("Zij heeft haar zetel in de gemeente %(gemeente)s.")
                % {"gemeente": f.pilot.gemeente.name},
            ),
            after=(_("Verplichte inhoud van de statuten: art. 2:27 lid 4 BW."),),
        ),
        Section(_("Doel"), paragraphs=(purpose,)),
        Section(
            _("Leden"),
            items=(
                _(
                    "Lid kunnen zijn eigenaren van een woning in %(place)s die op het systeem is "
                    "of wordt aangesloten. Het bestuur beslist over toelating."
                )
                % {
                    "place": ", ".join(x for x in (f.pilot.streets, f.pilot.neighbourhood) if x)
                    or f.pilot.gemeente.name
                },
                _("Het bestuur houdt een register met de namen en adressen van de leden."),
            ),
        ),
        Section(
            _("Verplichtingen van de leden"),
            items=(
                _(
                    "Elk lid sluit de ledenovereenkomst en draagt zijn aandeel in de investering "
                    "(%(share)s in het gezamenlijke deel) en in het onderhoudsfonds (%(fund)s per "
                    "jaar), zoals de algemene vergadering jaarlijks vaststelt (art. 2:27 lid 4 "
                    "sub c BW)."
                )
                % {
                    "share": euro(s.shared_per_member_eur),
                    "fund": euro(s.fund_per_member_eur_per_year),
                },
            ),
        ),
        Section(
            _("Einde van het lidmaatschap"),
            items=(
                _(
                    "Het lidmaatschap eindigt door overlijden, opzegging door het lid, opzegging "
                    "door de %(form)s of ontzetting (art. 2:35 BW), en bij overdracht van de "
                    "woning."
                )
                % {"form": _form(f)},
                _(
                    "Opzegging tegen het einde van het boekjaar, met een termijn van %(fill)s "
                    "(art. 2:36 BW)."
                )
                % {"fill": _fill(_("termijn"))},
            )
            + (
                (
                    _(
                        "Bij uittreding is een uittreedvergoeding verschuldigd volgens de "
                        "ledenovereenkomst (art. 2:60 BW: de statuten kunnen voorwaarden aan "
                        "uittreding verbinden)."
                    ),
                )
                if coop
                else ()
            ),
        ),
        Section(
            _("Bestuur"),
            items=(
                _(
                    "Het bestuur bestaat uit ten minste %(fill)s leden, benoemd door de algemene "
                    "vergadering uit de leden."
                )
                % {"fill": _fill(_("aantal, voorstel drie"))},
                _("Vertegenwoordiging: %(fill)s.")
                % {"fill": _fill(_("twee bestuurders gezamenlijk"))},
            ),
        ),
        Section(
            _("Algemene vergadering"),
            items=(
                _(
                    "Ten minste eenmaal per jaar; oproeping schriftelijk of per e-mail, %(fill)s "
                    "vooraf."
                )
                % {"fill": _fill(_("termijn, voorstel veertien dagen"))},
                _(
                    "Het bestuur brengt binnen zes maanden na afloop van het boekjaar een "
                    "jaarverslag uit en legt rekening en verantwoording af (art. 2:48 BW)."
                ),
                _("Elk lid heeft één stem."),
            ),
        ),
        Section(
            _("Boekjaar, administratie en onderhoudsfonds"),
            items=(
                _(
                    "Het boekjaar is het kalenderjaar (art. 2:10a BW); het bestuur houdt een "
                    "administratie bij (art. 2:10 BW)."
                ),
                _(
                    "Een bestemmingsreserve ‘onderhoudsfonds’ van %(total)s per jaar (onderhoud "
                    "%(om)s, vervanging %(reserve)s) dient alleen voor onderhoud en vervanging "
                    "van het gezamenlijke deel."
                )
                % {
                    "total": euro(s.fund_eur_per_year),
                    "om": euro(s.fund_om_eur_per_year),
                    "reserve": euro(s.fund_reserve_eur_per_year),
                },
            ),
        ),
    ]
    if coop:
        articles.append(
            Section(
                _("Aansprakelijkheid van de leden"),
                items=(
                    _(
                        "Iedere verplichting van leden en oud-leden om bij te dragen in een tekort "
                        "bij ontbinding is uitgesloten; de naam eindigt daarom op U.A. (art. 2:55 "
                        "en 2:56 BW)."
                    ),
                ),
            )
        )
    articles += [
        Section(_("Wet collectieve warmte"), items=_wcw_items(f)),
        Section(
            _("Statutenwijziging en ontbinding"),
            items=(
                _("Wijziging of ontbinding vraagt een besluit met %(fill)s van de stemmen.")
                % {"fill": _fill(_("meerderheid, voorstel twee derde"))},
                _("Een batig saldo na ontbinding gaat naar %(fill)s (art. 2:27 lid 4 sub f BW).")
                % {"fill": _fill(_("de leden naar rato, of een lokaal energiedoel"))},
                _(
                    "De %(form)s wordt opgericht bij notariële akte; alleen dan heeft zij "
                    "volledige "
                    "rechtsbevoegdheid en kan zij registergoederen, zoals een recht van opstal "
                    "voor het net, verkrijgen (art. 2:27 en 2:30 BW)."
                )
                % {"form": _form(f)},
            ),
        ),
    ]
    return Document(
        title=_("Modelstatuten – %(name)s") % {"name": f.pilot.name},
        subtitle=_("Zelfbeheer als %(form)s · %(date)s")
        % {"form": _form(f), "date": f.today.isoformat()},
        notice=_notice(),
        facts=_common_facts(f),
        sections=tuple(articles),
        sources=_sources(f),
    )


def _sources(f: Facts) -> tuple[str, ...]:
    articles = "2:10, 2:10a, 2:26, 2:27, 2:30, 2:35, 2:36, 2:48"
    if f.form is LegalForm.COOPERATIE:
        articles += ", 2:53, 2:53a, 2:55, 2:56, 2:60"
    return (
        f"{BW2}: art. {articles} (wetten.overheid.nl).",
        _("%(wcw)s; verplichtingen en bronnen uit de regimecheck (tabblad Juridisch, docs/wcw.md).")
        % {"wcw": WCW},
        _(
            "%(deck)s: ‘Modelcontract & statuut zelfbeheer route’ als bouwsteen voor opschaling; "
            "zelfbeheer het meest haalbaar bij 10 deelnemers of minder."
        )
        % {"deck": DECK},
        _(
            "Bedragen: rekenmodule van de app (investering, onderhoud en levensduur per "
            "onderdeel, tabblad Aannames)."
        ),
    )


def build(pilot: Pilot, kind: Kind, form: LegalForm, today: date) -> Document:
    f = facts(pilot, form, today)
    return agreement(f) if kind is Kind.AGREEMENT else statute(f)
