"""Marks the Dutch texts of the pure juridisch modules for translation.

juridisch/texts.py may not import Django, so makemessages cannot find its strings there. This
module repeats them inside ``gettext_noop`` (a test checks it matches texts.py exactly) and
translates them at render time: filled regime texts are matched back to their template, so the
translation is filled with the same thresholds.
"""

import re
from functools import cache

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop

from juridisch import texts

# Every string in juridisch/texts.py, except the Dutch month names and yes/no: dates and
# booleans are formatted by Django's own translations.
MSGIDS = (
    # texts.LABELS
    gettext_noop("Wet collectieve warmte (WCW)"),
    gettext_noop("Warmtewet (2014)"),
    gettext_noop("Basis: aanwijzing van een warmtebedrijf"),
    gettext_noop("Klein collectief: ontheffing van de gemeente"),
    gettext_noop("Beperkt gereguleerd: eigen initiatief mogelijk"),
    gettext_noop("De gemeente wijst aan"),
    gettext_noop("Bewoners, op eigen initiatief"),
    gettext_noop("Een marktpartij, op eigen initiatief"),
    gettext_noop("Mini-warmtenet (2–50 woningen)"),
    gettext_noop("Kleinschalig warmtenet (51–1.500 woningen)"),
    gettext_noop("Grootschalig warmtenet (meer dan 1.500 woningen)"),
    gettext_noop("Altijd"),
    gettext_noop("Meer dan %(max)s aansluitingen in het eindbeeld"),
    gettext_noop("Reëel perspectief op meer dan %(max)s aansluitingen"),
    gettext_noop("Minder dan %(min)s kleinverbruikaansluitingen"),
    gettext_noop("De gemeente heeft het gebied aangewezen als warmtekavel"),
    gettext_noop("Het initiatief ligt bij de gemeente"),
    gettext_noop("Eigen initiatief van bewoners of een marktpartij"),
    gettext_noop("Het initiatief ligt bij bewoners"),
    gettext_noop("Het initiatief ligt bij een marktpartij"),
    gettext_noop("Er zijn nu al aansluitingen"),
    gettext_noop("Meer dan %(pct)s%% eigendom bij een bewonerscoöperatie"),
    gettext_noop("Een bestaand net groeit boven %(max)s aansluitingen"),
    gettext_noop(
        "Meer dan %(max)s aansluitingen in het eindbeeld: alleen een aangewezen warmtebedrijf mag "
        "hier warmte leveren."
    ),
    gettext_noop(
        "Reëel perspectief op meer dan %(max)s aansluitingen: kies nu al de route met aanwijzing, "
        "want een ontheffing vervalt bij groei boven %(max)s aansluitingen."
    ),
    gettext_noop(
        "Minder dan %(min)s kleinverbruikaansluitingen: iedere partij mag dit systeem ontwikkelen, "
        "zonder aanwijzing of ontheffing."
    ),
    gettext_noop(
        "De gemeente heeft het gebied aangewezen als warmtekavel: het aangewezen warmtebedrijf "
        "heeft daar het exclusieve recht om warmte te leveren."
    ),
    gettext_noop(
        "De gemeente neemt het initiatief en wijst een warmtebedrijf aan voor een warmtekavel."
    ),
    gettext_noop(
        "%(min)s tot en met %(max)s aansluitingen op eigen initiatief van bewoners of een "
        "marktpartij: een klein collectief warmtesysteem met ontheffing van het college van B&W."
    ),
    gettext_noop(
        "Bij een aanwijzing moet het warmtebedrijf voor meer dan %(pct)s%% publiek zijn of een "
        "warmtegemeenschap: een marktpartij kan alleen minderheidsaandeelhouder zijn."
    ),
    gettext_noop(
        "Bewoners kunnen alleen een aanwijzing krijgen als warmtegemeenschap: een rechtspersoon "
        "zonder winstoogmerk met feitelijke zeggenschap van de leden."
    ),
    gettext_noop(
        "Onder %(min)s kleinverbruikaansluitingen hoeft de gemeente niets aan te wijzen; zij kan "
        "het initiatief wel steunen."
    ),
    gettext_noop(
        "Het gebied is aangewezen als warmtekavel. Of een systeem met minder dan %(min)s "
        "aansluitingen daarbinnen zonder toestemming mag, is niet bevestigd."
    ),
    gettext_noop(
        "Groeit het net boven %(max)s aansluitingen, dan trekt het college de ontheffing in. Een "
        "aanwijzing is dan alleen mogelijk bij een publieke meerderheid of een warmtegemeenschap."
    ),
    gettext_noop(
        "Het bestaande net groeit boven %(max)s aansluitingen: de ontheffing voor een klein "
        "collectief eindigt, want het college trekt haar in. Daarna is het een groot collectief "
        "systeem: het college wijst een warmtebedrijf aan, en dat kan alleen een bedrijf met een "
        "publieke meerderheid of een warmtegemeenschap zijn. Vraag de aanwijzing aan vóór de groei."
    ),
    gettext_noop(
        "Er zijn al aansluitingen: volgens het overgangsrecht vraagt de huidige leverancier zelf "
        "de ontheffing aan."
    ),
    gettext_noop(
        "De Wet collectieve warmte is op deze datum nog niet in werking; tot dan geldt de "
        "Warmtewet (2014). De uitkomst laat zien wat na de inwerkingtreding geldt."
    ),
    gettext_noop("Wie beslist"),
    gettext_noop("Aanwijzing"),
    gettext_noop("Ontheffing"),
    gettext_noop("Eigendom"),
    gettext_noop("Warmtegemeenschap"),
    gettext_noop("Toezicht ACM"),
    gettext_noop("Tarieven"),
    gettext_noop("Consumentenbescherming"),
    gettext_noop("Rapportage"),
    gettext_noop("Het college van B&W wijst het warmtebedrijf aan voor een warmtekavel"),
    gettext_noop("Het college van B&W verleent een ontheffing"),
    gettext_noop("De initiatiefnemers zelf; er is geen toestemming van de gemeente nodig"),
    gettext_noop(
        "Meer dan %(pct)s%% publiek eigendom (direct of indirect), of een warmtegemeenschap"
    ),
    gettext_noop("Eigendom bij bewoners of bij een marktpartij is mogelijk"),
    gettext_noop("Iedere partij mag het systeem ontwikkelen en bezitten"),
    gettext_noop("Jaarlijkse toetsing door de ACM"),
    gettext_noop("Toetsing door de ACM eens per drie jaar"),
    gettext_noop("Alleen reactieve toetsing van de tarieven door de ACM, na een klacht"),
    gettext_noop("Maximumtarief van de ACM, gebaseerd op de kosten"),
    gettext_noop("Maximumtarief van de ACM; alleen getoetst na een klacht"),
    gettext_noop("Consumentenbescherming van de WCW voor kleinverbruikers"),
    gettext_noop("De basisregels voor consumentenbescherming blijven van toepassing"),
    gettext_noop("Jaarlijks gegevens aanleveren voor de toetsing door de ACM"),
    gettext_noop("Eens per drie jaar gegevens aanleveren voor de toetsing door de ACM"),
    gettext_noop("Mogelijk een melding bij de ACM"),
    gettext_noop("Geldt"),
    gettext_noop("Te doen"),
    gettext_noop("Voldaan"),
    gettext_noop("Niet voldaan"),
    gettext_noop("Nog te toetsen"),
    gettext_noop("Kies wie het initiatief neemt: gemeente, bewoners of marktpartij."),
    gettext_noop("Vul het aantal aansluitingen in als een geheel getal."),
    gettext_noop("Een aantal aansluitingen kan niet negatief zijn."),
    gettext_noop("Een collectief warmtenet heeft in het eindbeeld minstens 2 aansluitingen."),
    gettext_noop(
        "Er kunnen niet meer kleinverbruikaansluitingen zijn dan aansluitingen in het eindbeeld."
    ),
    gettext_noop("Vul een eigendomsaandeel in als een getal van 0 tot en met 100."),
    gettext_noop("Een eigendomsaandeel kan niet negatief zijn."),
    gettext_noop("De eigendomsaandelen zijn samen meer dan 100%."),
    gettext_noop("Zelfbeheer + individuele financiering"),
    gettext_noop("Lokale energiecoöperatie"),
    gettext_noop("Marktpartner"),
    gettext_noop("Huishoudens, ieder voor de eigen installatie en een deel van het net"),
    gettext_noop(
        "De coöperatie: ledenkapitaal, crowdfunding, participatie van de gemeente en "
        "bankfinanciering"
    ),
    gettext_noop("De marktpartij (ESCO)"),
    gettext_noop("Huishoudens betalen btw over de investering en kunnen die niet aftrekken"),
    gettext_noop(
        "De onderneming trekt de btw op de investering af en rekent btw over de levering of de huur"
    ),
    gettext_noop("Geen warmtetarief: de huishoudens delen de kosten van het gezamenlijke deel"),
    gettext_noop(
        "Warmtetarief (vastrecht en prijs per GJ), begrensd door het maximumtarief van de ACM"
    ),
    gettext_noop(
        "Huur van de warmtepomp (ESCO) of een warmtetarief, begrensd door het maximumtarief van de "
        "ACM"
    ),
    gettext_noop("Maximaal 10 deelnemers"),
    gettext_noop("Meer dan 10 deelnemers"),
    gettext_noop("Regime Basis (aanwijzing)"),
    gettext_noop("Initiatief bij bewoners"),
    gettext_noop("Initiatief bij de gemeente"),
    gettext_noop("Initiatief bij een marktpartij"),
    gettext_noop("Meerderheid eigendom bij bewoners"),
    gettext_noop("Meerderheid eigendom bij een marktpartij"),
    gettext_noop("Huishoudens willen en kunnen lenen"),
    gettext_noop("Huishoudens willen of kunnen niet lenen"),
    gettext_noop("Bewoners willen niet zelf investeren"),
    gettext_noop("Snel starten is belangrijk"),
    gettext_noop(
        "Maximaal 10 deelnemers: zelfbeheer met individuele financiering is dan het meest haalbaar."
    ),
    gettext_noop(
        "Meer dan 10 deelnemers: zelfbeheer met individuele financiering wordt lastig te "
        "organiseren en te financieren."
    ),
    gettext_noop("Bij een aanwijzing kunnen losse huishoudens geen warmtebedrijf zijn."),
    gettext_noop("Het initiatief ligt bij bewoners: een bewonersmodel sluit daarop aan."),
    gettext_noop(
        "Huishoudens willen en kunnen lenen: aantrekkelijke voorwaarden voor leningen, "
        "bijvoorbeeld via het Nationaal Warmtefonds."
    ),
    gettext_noop(
        "Leenbereidheid of kredietruimte ontbreekt bij huishoudens; bij zelfbeheer draagt ieder "
        "huishouden zijn eigen lening."
    ),
    gettext_noop(
        "Bewoners willen niet zelf investeren, maar bij zelfbeheer investeert ieder huishouden "
        "zelf."
    ),
    gettext_noop("Tot 10 deelnemers is een eigen coöperatie veel organisatie voor een klein net."),
    gettext_noop("Meer dan 10 deelnemers: genoeg draagvlak voor een eigen coöperatie."),
    gettext_noop(
        "De gemeente neemt het initiatief: zij kan deelnemen in een coöperatie of een partner "
        "kiezen."
    ),
    gettext_noop("Bewoners houden de meerderheid in het eigendom."),
    gettext_noop(
        "Bewoners willen niet zelf investeren: dit model haalt (een deel van) de investering bij "
        "de bewoner weg."
    ),
    gettext_noop(
        "Bij een aanwijzing kan een coöperatie alleen als warmtegemeenschap: de organisatie moet "
        "WCW-proof zijn."
    ),
    gettext_noop("Een marktpartij neemt het initiatief."),
    gettext_noop("Een marktpartij houdt de meerderheid in het eigendom."),
    gettext_noop("Snel starten is belangrijk: een marktpartner is op korte termijn beschikbaar."),
    gettext_noop("Bij een aanwijzing kan een marktpartij alleen minderheidsaandeelhouder zijn."),
    gettext_noop("Losse initiatieven steunen"),
    gettext_noop("Partner faciliteren in buurtaanpak"),
    gettext_noop("Gemeente trekkende rol in buurtaanpak"),
    gettext_noop("Blok, straat, plein"),
    gettext_noop("Buurt"),
    gettext_noop("Organisch"),
    gettext_noop("Mix organisch / planmatig"),
    gettext_noop(
        "Beleid voor kleine warmtenetten, zodat initiatiefnemers weten waar ze aan toe zijn"
    ),
    gettext_noop("Ontheffingen verlenen voor kleine collectieve warmtesystemen"),
    gettext_noop("Toetsen of het initiatief niet botst met andere plannen"),
    gettext_noop("Stabiele financiering van het proces, zoals een kwartiermaker"),
    gettext_noop("Een partner kiezen en de rollen vooraf vastleggen"),
    gettext_noop("Bewaken dat het plan past in het grotere geheel van de buurtaanpak"),
    gettext_noop("Vroeg duidelijk maken welke voorwaarden de gemeenteraad stelt"),
    gettext_noop("Ontheffing of aanwijzing voorbereiden, passend bij het regime"),
    gettext_noop("Projectleiding en capaciteit: de gemeente is probleemeigenaar"),
    gettext_noop(
        "Budget voor de onrendabele top; de WIS-subsidie geldt pas vanaf 250 "
        "kleinverbruikaansluitingen in minstens 5 gebouwen"
    ),
    gettext_noop(
        "Een warmtekavel aanwijzen, met een warmtebedrijf in meerderheid publiek of een "
        "warmtegemeenschap"
    ),
    gettext_noop(
        "Een aanpak voor kwetsbare huishoudens, zoals de Energiebespaarhypotheek van het Nationaal "
        "Warmtefonds binnen een wijkaanpak"
    ),
    # texts.ORG_MODELS_TITLE
    gettext_noop("Drie modellen voor organisatie & financiering"),
    # texts.ORG_OPPORTUNITIES
    gettext_noop("Aantrekkelijke voorwaarden leningen"),
    gettext_noop("Meest haalbaar <= 10 deelnemers"),
    gettext_noop("(deel) investering bij bewoner weg"),
    gettext_noop("Crowdfunding / participatie gemeente"),
    gettext_noop("(deel) investering bij bewoner weg"),
    gettext_noop("Beschikbaar op korte termijn"),
    gettext_noop("ESCO / warmtepomp huren"),
    # texts.ORG_CHALLENGES
    gettext_noop("Leenbereidheid"),
    gettext_noop("Oplossing huishoudens kredietruimte"),
    gettext_noop("Organisatie WCW proof"),
    gettext_noop("Financierbaarheid"),
    gettext_noop("Juridische complicaties?"),
    gettext_noop("Afhankelijk marktpartij"),
    gettext_noop("Hogere lasten bewoners?"),
    gettext_noop("Juridische complicaties?"),
    # texts.ORG_FITS_WHEN
    gettext_noop("Bewoners nemen zelf het initiatief en willen en kunnen lenen"),
    gettext_noop("De lichte variant: een gedeelde bron met een eigen warmtepomp per woning"),
    gettext_noop("Meer dan 10 deelnemers, tot een buurt"),
    gettext_noop("Bewoners willen samen eigenaar zijn en hebben bestuurskracht"),
    gettext_noop("Gemeente of crowdfunding kan meefinancieren"),
    gettext_noop("Een marktpartij neemt het initiatief of dient zich aan"),
    gettext_noop("Bewoners willen (een deel van) de investering niet zelf dragen"),
    # texts.ORG_REGIME_IMPLICATIONS
    gettext_noop(
        "Onder 10 kleinverbruikaansluitingen beperkt gereguleerd: eigen initiatief mogelijk. Vanaf "
        "10 aansluitingen is een ontheffing nodig en treden de bewoners samen op als "
        "warmteleverancier. Een aanwijzing is voor losse huishoudens niet mogelijk."
    ),
    gettext_noop(
        "Klein collectief met ontheffing van het college van B&W. Een coöperatie zonder "
        "winstoogmerk en met zeggenschap van de leden kan een warmtegemeenschap zijn en dan ook "
        "een aanwijzing krijgen, ook boven 1.500 aansluitingen."
    ),
    gettext_noop(
        "Klein collectief met ontheffing is mogelijk met een marktpartij als eigenaar. Bij een "
        "aanwijzing (boven 1.500 aansluitingen, of als de gemeente aanwijst) kan een marktpartij "
        "alleen minderheidsaandeelhouder zijn."
    ),
    # texts.ASSUMPTION_LABELS
    gettext_noop("Wie investeert"),
    gettext_noop("Discontovoet"),
    gettext_noop("Btw"),
    gettext_noop("Btw-tarief"),
    gettext_noop("Vergoeding"),
    gettext_noop("Rente lening"),
    gettext_noop("Rente lening onder de inkomensgrens"),
    gettext_noop("Inkomensgrens"),
    gettext_noop("Maximale lening"),
    gettext_noop("Looptijd lening"),
    # texts.STRATEGIES_TITLE
    gettext_noop("Drie strategieën voor rol gemeente; organisch vs. planmatig & scope van project"),
    # texts.STRATEGY_WHEN_LOGICAL
    gettext_noop("initiatief met slagkracht en draagvlak"),
    gettext_noop("geen conflict met andere plannen"),
    gettext_noop("goede partner dient zich aan"),
    gettext_noop("plan past in het grotere geheel"),
    gettext_noop("duidelijke publieke belangen en/of deadline"),
    gettext_noop("hoge onrendabele top of grote kwetsbare doelgroep"),
    # texts.OBLIGATION_DESCRIPTIONS
    gettext_noop("Aanwijzing van het warmtebedrijf voor de warmtekavel door het college van B&W"),
    gettext_noop(
        "Ontheffing aanvragen bij het college van B&W voor een klein collectief warmtesysteem"
    ),
    gettext_noop(
        "Voldoen aan de eisen voor een warmtegemeenschap: een rechtspersoon die als warmtebedrijf "
        "optreedt, vooral duurzame bronnen, geen winstoogmerk, lokaal belang, open en vrijwillig "
        "lidmaatschap en feitelijke zeggenschap van de leden"
    ),
    # texts.MILESTONE_DESIGNATION
    gettext_noop("Aanwijzing warmtebedrijf voor de warmtekavel (college van B&W)"),
    # texts.MILESTONE_EXEMPTION
    gettext_noop("Ontheffing aanvragen bij het college van B&W"),
    # texts.MILESTONE_PUBLIC_MAJORITY
    gettext_noop("Eigendom regelen: meer dan %(pct)s%% publiek of een warmtegemeenschap"),
    # texts.MILESTONE_WARMTEGEMEENSCHAP
    gettext_noop("Statuten toetsen aan de eisen voor een warmtegemeenschap"),
    # texts.NOTE_SEED_SUPERVISION
    gettext_noop(
        "Uit de seed-presentatie; nog niet bevestigd in de wetstekst. Controleer de memorie van "
        "toelichting (Kamerstuk 36 576, nr. 3), paragraaf 4.5 Taken en 4.6 Verplichtingen."
    ),
    # texts.NOTE_TARIFF_METHOD
    gettext_noop(
        "Kostengebaseerde tarieven zijn bevestigd; de tariefmethode van de ACM is nog niet bekend."
    ),
    # texts.NOTE_PROSPECT
    gettext_noop(
        "Het groeiperspectief is de lijn van de seed-presentatie (situatie 3). De wet zelf kent de "
        "grens van %(max)s verbruikers en het intrekken van de ontheffing bij groei daarboven."
    ),
    # texts.NOTE_AREA_DESIGNATED
    gettext_noop(
        "Het exclusieve recht van het aangewezen warmtebedrijf is bevestigd; of binnen een "
        "aangewezen warmtekavel toch een ontheffing mogelijk is, niet. Navragen bij de gemeente."
    ),
    # texts.NOTE_AREA_SMALL
    gettext_noop("Niet bevestigd; navragen bij de gemeente."),
    # texts.NOTE_OWNERSHIP_FREE
    gettext_noop(
        "Afgeleid uit de seed-presentatie en de derde nota van wijziging; de wetstekst is nog niet "
        "gecontroleerd."
    ),
    # texts.NOTE_CONSUMER_LIMIT
    gettext_noop(
        "De grens van 100 kW voor kleinverbruikers komt uit de Warmtewet; voor de WCW nog te "
        "controleren in de memorie van toelichting, paragraaf 4.6."
    ),
    # texts.NOTE_BASIC_RULES
    gettext_noop(
        "Welke basisregels gelden, staat nog niet vast; controleer de memorie van toelichting, "
        "paragraaf 4.6 Verplichtingen."
    ),
    # texts.NOTE_NOTIFICATION
    gettext_noop(
        "Niet bevestigd voor de WCW. Onder de Warmtewet deden kleine leveranciers (minder dan 10 "
        "verbruikers of minder dan 10.000 GJ per jaar) alleen een melding bij de ACM."
    ),
    # texts.NOTE_ENTRY_INTO_FORCE
    gettext_noop(
        "De datum van inwerkingtreding van de WCW is nog niet vastgesteld; de app rekent met een "
        "instelbare datum."
    ),
)

# Units of the business-case defaults in juridisch/organisation.py.
UNITS = (
    gettext_noop("€ verzamelinkomen"),
    gettext_noop("jaar"),
)

_FILLED = tuple(t for t in MSGIDS if "%(" in t or "%%" in t)
# texts.nl_int groups thousands with a dot: "10", "1.500".
_DUTCH_INT = re.compile(r"\d{1,3}(\.\d{3})*")


@cache
def _templates(params: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Filled Dutch text → its template, for one rule set's thresholds."""
    values = dict(params)
    return {texts.fill(t, values): t for t in _FILLED}


def _localized(params: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The thresholds in the active language's number format (1.500 in Dutch, 1,500 in English)."""
    return {
        name: number_format(int(value.replace(".", "")), force_grouping=True)
        if _DUTCH_INT.fullmatch(value)
        else value
        for name, value in params
    }


def translate(text: str, params: tuple[tuple[str, str], ...] = ()) -> str:
    """``text`` from juridisch/texts.py in the active language.

    ``params`` are a regime check's ``text_params``; with them, a filled text is translated as its
    template and filled again.
    """
    if params:
        template = _templates(params).get(text)
        if template is not None:
            return gettext(template) % _localized(params)
    return gettext(text)
