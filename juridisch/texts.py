"""Dutch source strings of the pure juridisch modules, in one place.

Dutch is the source language of the interface. The pure modules return enum codes plus the
Dutch texts below; the view layer wraps them in gettext later, so this module is the one to mark
for translation. Citations (publication names) are not translated and stay with the data.

Regime texts may hold the placeholders ``%(min)s`` (10), ``%(max)s`` (1.500) and ``%(pct)s``
(50), filled from the rule set in force by :func:`fill`, so a later law with other thresholds needs
no new wording. A literal percent sign in those texts is written ``%%``.
"""

from datetime import date
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Dutch label from :data:`LABELS`."""

    @property
    def label(self) -> str:
        return LABELS[type(self).__name__][self.value]


def fill(template: str, params: dict[str, str]) -> str:
    """Fill a regime text with the thresholds of a rule set."""
    return template % params


def nl_int(number: int) -> str:
    """Dutch thousands separator: 1500 → "1.500"."""
    return f"{number:,}".replace(",", ".")


MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def nl_date(day: date) -> str:
    """Dutch long date: 2027-01-01 → "1 januari 2027"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


YES_NO = {True: "ja", False: "nee"}

# Labels per enum class name, then per member value. A test checks that every member of every
# LabelledEnum has exactly one label here.
LABELS: dict[str, dict[str, str]] = {
    # --- regime check (filled with the rule set's thresholds) ---
    "Law": {
        "wcw": "Wet collectieve warmte (WCW)",
        "warmtewet": "Warmtewet (2014)",
    },
    "Regime": {
        "basis": "Basis: aanwijzing van een warmtebedrijf",
        "klein_collectief": "Klein collectief: ontheffing van de gemeente",
        "beperkt_gereguleerd": "Beperkt gereguleerd: eigen initiatief mogelijk",
    },
    "Initiative": {
        "gemeente": "De gemeente wijst aan",
        "residents": "Bewoners, op eigen initiatief",
        "market": "Een marktpartij, op eigen initiatief",
    },
    "Scale": {
        "mini": "Mini-warmtenet (2–50 woningen)",
        "kleinschalig": "Kleinschalig warmtenet (51–1.500 woningen)",
        "grootschalig": "Grootschalig warmtenet (meer dan 1.500 woningen)",
    },
    "Condition": {
        "always": "Altijd",
        "above_max": "Meer dan %(max)s aansluitingen in het eindbeeld",
        "prospect_above_max": "Reëel perspectief op meer dan %(max)s aansluitingen",
        "few_small_consumers": "Minder dan %(min)s kleinverbruikaansluitingen",
        "area_designated": "De gemeente heeft het gebied aangewezen als warmtekavel",
        "gemeente_initiative": "Het initiatief ligt bij de gemeente",
        "own_initiative": "Eigen initiatief van bewoners of een marktpartij",
        "residents_initiative": "Het initiatief ligt bij bewoners",
        "market_initiative": "Het initiatief ligt bij een marktpartij",
        "existing_connections": "Er zijn nu al aansluitingen",
        "community_majority": "Meer dan %(pct)s%% eigendom bij een bewonerscoöperatie",
        "grows_past_max": "Een bestaand net groeit boven %(max)s aansluitingen",
    },
    "ReasonCode": {
        "above_max": (
            "Meer dan %(max)s aansluitingen in het eindbeeld: alleen een aangewezen warmtebedrijf "
            "mag hier warmte leveren."
        ),
        "prospect_above_max": (
            "Reëel perspectief op meer dan %(max)s aansluitingen: kies nu al de route met "
            "aanwijzing, want een ontheffing vervalt bij groei boven %(max)s aansluitingen."
        ),
        "few_small_consumers": (
            "Minder dan %(min)s kleinverbruikaansluitingen: iedere partij mag dit systeem "
            "ontwikkelen, zonder aanwijzing of ontheffing."
        ),
        "area_designated": (
            "De gemeente heeft het gebied aangewezen als warmtekavel: het aangewezen "
            "warmtebedrijf heeft daar het exclusieve recht om warmte te leveren."
        ),
        "gemeente_designates": (
            "De gemeente neemt het initiatief en wijst een warmtebedrijf aan voor een warmtekavel."
        ),
        "own_initiative": (
            "%(min)s tot en met %(max)s aansluitingen op eigen initiatief van bewoners of een "
            "marktpartij: een klein collectief warmtesysteem met ontheffing van het college "
            "van B&W."
        ),
        "market_minority_only": (
            "Bij een aanwijzing moet het warmtebedrijf voor meer dan %(pct)s%% publiek zijn of een "
            "warmtegemeenschap: een marktpartij kan alleen minderheidsaandeelhouder zijn."
        ),
        "residents_as_warmtegemeenschap": (
            "Bewoners kunnen alleen een aanwijzing krijgen als warmtegemeenschap: een "
            "rechtspersoon zonder winstoogmerk met feitelijke zeggenschap van de leden."
        ),
        "no_designation_needed": (
            "Onder %(min)s kleinverbruikaansluitingen hoeft de gemeente niets aan te wijzen; zij "
            "kan het initiatief wel steunen."
        ),
        "area_designated_small": (
            "Het gebied is aangewezen als warmtekavel. Of een systeem met minder dan %(min)s "
            "aansluitingen daarbinnen zonder toestemming mag, is niet bevestigd."
        ),
        "growth_ends_exemption": (
            "Groeit het net boven %(max)s aansluitingen, dan trekt het college de ontheffing in. "
            "Een aanwijzing is dan alleen mogelijk bij een publieke meerderheid of een "
            "warmtegemeenschap."
        ),
        "grown_past_max": (
            "Het bestaande net groeit boven %(max)s aansluitingen: de ontheffing voor een klein "
            "collectief eindigt, want het college trekt haar in. Daarna is het een groot "
            "collectief systeem: het college wijst een warmtebedrijf aan, en dat kan alleen "
            "een bedrijf met een publieke meerderheid of een warmtegemeenschap zijn. Vraag de "
            "aanwijzing aan vóór de groei."
        ),
        "existing_system_applies": (
            "Er zijn al aansluitingen: volgens het overgangsrecht vraagt de huidige leverancier "
            "zelf de ontheffing aan."
        ),
        "wcw_not_in_force": (
            "De Wet collectieve warmte is op deze datum nog niet in werking; tot dan geldt de "
            "Warmtewet (2014). De uitkomst laat zien wat na de inwerkingtreding geldt."
        ),
    },
    "ObligationCode": {
        "who_decides": "Wie beslist",
        "designation": "Aanwijzing",
        "request_exemption": "Ontheffing",
        "public_majority": "Eigendom",
        "warmtegemeenschap": "Warmtegemeenschap",
        "acm_supervision": "Toezicht ACM",
        "tariff_regulation": "Tarieven",
        "consumer_protection": "Consumentenbescherming",
        "reporting": "Rapportage",
    },
    "Decider": {
        "college_designates": (
            "Het college van B&W wijst het warmtebedrijf aan voor een warmtekavel"
        ),
        "college_exempts": "Het college van B&W verleent een ontheffing",
        "initiators": "De initiatiefnemers zelf; er is geen toestemming van de gemeente nodig",
    },
    "OwnershipRule": {
        "public_majority_or_warmtegemeenschap": (
            "Meer dan %(pct)s%% publiek eigendom (direct of indirect), of een warmtegemeenschap"
        ),
        "residents_or_market": "Eigendom bij bewoners of bij een marktpartij is mogelijk",
        "anyone": "Iedere partij mag het systeem ontwikkelen en bezitten",
    },
    "Supervision": {
        "yearly": "Jaarlijkse toetsing door de ACM",
        "every_three_years": "Toetsing door de ACM eens per drie jaar",
        "reactive": "Alleen reactieve toetsing van de tarieven door de ACM, na een klacht",
    },
    "TariffRule": {
        "acm_max_price": "Maximumtarief van de ACM, gebaseerd op de kosten",
        "acm_max_price_on_complaint": "Maximumtarief van de ACM; alleen getoetst na een klacht",
    },
    "ConsumerRules": {
        "full": "Consumentenbescherming van de WCW voor kleinverbruikers",
        "basic": "De basisregels voor consumentenbescherming blijven van toepassing",
    },
    "Reporting": {
        "yearly": "Jaarlijks gegevens aanleveren voor de toetsing door de ACM",
        "every_three_years": "Eens per drie jaar gegevens aanleveren voor de toetsing door de ACM",
        "notification": "Mogelijk een melding bij de ACM",
    },
    "Status": {
        "applies": "Geldt",
        "to_do": "Te doen",
        "met": "Voldaan",
        "not_met": "Niet voldaan",
        "to_check": "Nog te toetsen",
    },
    # --- input errors (plain text, not filled) ---
    "InputError": {
        "unknown_initiative": "Kies wie het initiatief neemt: gemeente, bewoners of marktpartij.",
        "not_a_whole_number": "Vul het aantal aansluitingen in als een geheel getal.",
        "negative_count": "Een aantal aansluitingen kan niet negatief zijn.",
        "too_few_connections": (
            "Een collectief warmtenet heeft in het eindbeeld minstens 2 aansluitingen."
        ),
        "small_consumers_above_total": (
            "Er kunnen niet meer kleinverbruikaansluitingen zijn dan aansluitingen in het "
            "eindbeeld."
        ),
        "share_not_a_number": "Vul een eigendomsaandeel in als een getal van 0 tot en met 100.",
        "negative_share": "Een eigendomsaandeel kan niet negatief zijn.",
        "shares_above_100": "De eigendomsaandelen zijn samen meer dan 100%.",
    },
    # --- organisation models (seed deck wording where it exists) ---
    "OrgModel": {
        "zelfbeheer": "Zelfbeheer + individuele financiering",
        "cooperatie": "Lokale energiecoöperatie",
        "marktpartner": "Marktpartner",
    },
    "Investor": {
        "households": "Huishoudens, ieder voor de eigen installatie en een deel van het net",
        "cooperative": (
            "De coöperatie: ledenkapitaal, crowdfunding, participatie van de gemeente en "
            "bankfinanciering"
        ),
        "market_party": "De marktpartij (ESCO)",
    },
    "VatTreatment": {
        "household_pays_vat": (
            "Huishoudens betalen btw over de investering en kunnen die niet aftrekken"
        ),
        "entity_deducts_vat": (
            "De onderneming trekt de btw op de investering af en rekent btw over de levering "
            "of de huur"
        ),
    },
    "FeeModel": {
        "shared_costs": (
            "Geen warmtetarief: de huishoudens delen de kosten van het gezamenlijke deel"
        ),
        "heat_tariff": (
            "Warmtetarief (vastrecht en prijs per GJ), begrensd door het maximumtarief van de ACM"
        ),
        "lease_or_heat_tariff": (
            "Huur van de warmtepomp (ESCO) of een warmtetarief, begrensd door het maximumtarief "
            "van de ACM"
        ),
    },
    "AdviceCondition": {
        "up_to_10": "Maximaal 10 deelnemers",
        "more_than_10": "Meer dan 10 deelnemers",
        "regime_basis": "Regime Basis (aanwijzing)",
        "initiative_residents": "Initiatief bij bewoners",
        "initiative_gemeente": "Initiatief bij de gemeente",
        "initiative_market": "Initiatief bij een marktpartij",
        "community_majority": "Meerderheid eigendom bij bewoners",
        "market_majority": "Meerderheid eigendom bij een marktpartij",
        "can_borrow": "Huishoudens willen en kunnen lenen",
        "cannot_borrow": "Huishoudens willen of kunnen niet lenen",
        "residents_wont_invest": "Bewoners willen niet zelf investeren",
        "quick_start": "Snel starten is belangrijk",
    },
    "AdviceReason": {
        "most_feasible_small": (
            "Maximaal 10 deelnemers: zelfbeheer met individuele financiering is dan het meest "
            "haalbaar."
        ),
        "zelfbeheer_too_big": (
            "Meer dan 10 deelnemers: zelfbeheer met individuele financiering wordt lastig te "
            "organiseren en te financieren."
        ),
        "no_designation_for_households": (
            "Bij een aanwijzing kunnen losse huishoudens geen warmtebedrijf zijn."
        ),
        "residents_lead": "Het initiatief ligt bij bewoners: een bewonersmodel sluit daarop aan.",
        "attractive_loans": (
            "Huishoudens willen en kunnen lenen: aantrekkelijke voorwaarden voor leningen, "
            "bijvoorbeeld via het Nationaal Warmtefonds."
        ),
        "borrowing_is_the_bottleneck": (
            "Leenbereidheid of kredietruimte ontbreekt bij huishoudens; bij zelfbeheer draagt "
            "ieder huishouden zijn eigen lening."
        ),
        "households_must_invest": (
            "Bewoners willen niet zelf investeren, maar bij zelfbeheer investeert ieder "
            "huishouden zelf."
        ),
        "coop_overhead_small": (
            "Tot 10 deelnemers is een eigen coöperatie veel organisatie voor een klein net."
        ),
        "coop_scale": "Meer dan 10 deelnemers: genoeg draagvlak voor een eigen coöperatie.",
        "gemeente_participates": (
            "De gemeente neemt het initiatief: zij kan deelnemen in een coöperatie of een "
            "partner kiezen."
        ),
        "residents_own": "Bewoners houden de meerderheid in het eigendom.",
        "investment_away_from_residents": (
            "Bewoners willen niet zelf investeren: dit model haalt (een deel van) de investering "
            "bij de bewoner weg."
        ),
        "coop_must_be_warmtegemeenschap": (
            "Bij een aanwijzing kan een coöperatie alleen als warmtegemeenschap: de organisatie "
            "moet WCW-proof zijn."
        ),
        "market_leads": "Een marktpartij neemt het initiatief.",
        "market_owns": "Een marktpartij houdt de meerderheid in het eigendom.",
        "available_soon": (
            "Snel starten is belangrijk: een marktpartner is op korte termijn beschikbaar."
        ),
        "market_minority_only": (
            "Bij een aanwijzing kan een marktpartij alleen minderheidsaandeelhouder zijn."
        ),
    },
    # --- the gemeente's role (seed deck wording) ---
    "Strategy": {
        "losse_initiatieven": "Losse initiatieven steunen",
        "partner_faciliteren": "Partner faciliteren in buurtaanpak",
        "gemeente_trekt": "Gemeente trekkende rol in buurtaanpak",
    },
    "ProjectScope": {
        "block_street_square": "Blok, straat, plein",
        "neighbourhood": "Buurt",
    },
    "Approach": {
        "organic": "Organisch",
        "mixed": "Mix organisch / planmatig",
    },
    "Ask": {
        "small_network_policy": (
            "Beleid voor kleine warmtenetten, zodat initiatiefnemers weten waar ze aan toe zijn"
        ),
        "grant_exemptions": "Ontheffingen verlenen voor kleine collectieve warmtesystemen",
        "check_other_plans": "Toetsen of het initiatief niet botst met andere plannen",
        "process_funding": "Stabiele financiering van het proces, zoals een kwartiermaker",
        "fix_roles": "Een partner kiezen en de rollen vooraf vastleggen",
        "fit_bigger_picture": "Bewaken dat het plan past in het grotere geheel van de buurtaanpak",
        "council_conditions": "Vroeg duidelijk maken welke voorwaarden de gemeenteraad stelt",
        "prepare_permission": "Ontheffing of aanwijzing voorbereiden, passend bij het regime",
        "project_lead": "Projectleiding en capaciteit: de gemeente is probleemeigenaar",
        "unprofitable_top": (
            "Budget voor de onrendabele top; de WIS-subsidie geldt pas vanaf 250 "
            "kleinverbruikaansluitingen in minstens 5 gebouwen"
        ),
        "designate_public_company": (
            "Een warmtekavel aanwijzen, met een warmtebedrijf in meerderheid publiek of een "
            "warmtegemeenschap"
        ),
        "vulnerable_households": (
            "Een aanpak voor kwetsbare huishoudens, zoals de Energiebespaarhypotheek van het "
            "Nationaal Warmtefonds binnen een wijkaanpak"
        ),
    },
}

# --- organisation models: the seed deck's own wording ("Drie modellen voor organisatie &
# financiering"), kept exact ---
ORG_MODELS_TITLE = "Drie modellen voor organisatie & financiering"
ORG_OPPORTUNITIES = {
    "zelfbeheer": ("Aantrekkelijke voorwaarden leningen", "Meest haalbaar <= 10 deelnemers"),
    "cooperatie": ("(deel) investering bij bewoner weg", "Crowdfunding / participatie gemeente"),
    "marktpartner": (
        "(deel) investering bij bewoner weg",
        "Beschikbaar op korte termijn",
        "ESCO / warmtepomp huren",
    ),
}
ORG_CHALLENGES = {
    "zelfbeheer": ("Leenbereidheid", "Oplossing huishoudens kredietruimte"),
    "cooperatie": ("Organisatie WCW proof", "Financierbaarheid", "Juridische complicaties?"),
    "marktpartner": (
        "Afhankelijk marktpartij",
        "Hogere lasten bewoners?",
        "Juridische complicaties?",
    ),
}
ORG_FITS_WHEN = {
    "zelfbeheer": (
        "Maximaal 10 deelnemers",
        "Bewoners nemen zelf het initiatief en willen en kunnen lenen",
        "De lichte variant: een gedeelde bron met een eigen warmtepomp per woning",
    ),
    "cooperatie": (
        "Meer dan 10 deelnemers, tot een buurt",
        "Bewoners willen samen eigenaar zijn en hebben bestuurskracht",
        "Gemeente of crowdfunding kan meefinancieren",
    ),
    "marktpartner": (
        "Een marktpartij neemt het initiatief of dient zich aan",
        "Bewoners willen (een deel van) de investering niet zelf dragen",
        "Snel starten is belangrijk",
    ),
}
ORG_REGIME_IMPLICATIONS = {
    "zelfbeheer": (
        "Onder 10 kleinverbruikaansluitingen beperkt gereguleerd: eigen initiatief mogelijk. "
        "Vanaf 10 aansluitingen is een ontheffing nodig en treden de bewoners samen op als "
        "warmteleverancier. Een aanwijzing is voor losse huishoudens niet mogelijk."
    ),
    "cooperatie": (
        "Klein collectief met ontheffing van het college van B&W. Een coöperatie zonder "
        "winstoogmerk en met zeggenschap van de leden kan een warmtegemeenschap zijn en dan ook "
        "een aanwijzing krijgen, ook boven 1.500 aansluitingen."
    ),
    "marktpartner": (
        "Klein collectief met ontheffing is mogelijk met een marktpartij als eigenaar. Bij een "
        "aanwijzing (boven 1.500 aansluitingen, of als de gemeente aanwijst) kan een marktpartij "
        "alleen minderheidsaandeelhouder zijn."
    ),
}

# Names of the business-case defaults (fields of organisation.Financing).
ASSUMPTION_LABELS = {
    "investor": "Wie investeert",
    "discount_rate_pct": "Discontovoet",
    "vat_treatment": "Btw",
    "vat_rate_pct": "Btw-tarief",
    "fee_model": "Vergoeding",
    "loan_rate_pct": "Rente lening",
    "loan_rate_low_income_pct": "Rente lening onder de inkomensgrens",
    "loan_low_income_limit_eur": "Inkomensgrens",
    "loan_max_eur": "Maximale lening",
    "loan_term_years": "Looptijd lening",
}

# --- the gemeente's role: the seed deck's own wording ---
STRATEGIES_TITLE = "Drie strategieën voor rol gemeente; organisch vs. planmatig & scope van project"
STRATEGY_WHEN_LOGICAL = {
    "losse_initiatieven": (
        "initiatief met slagkracht en draagvlak",
        "geen conflict met andere plannen",
    ),
    "partner_faciliteren": (
        "goede partner dient zich aan",
        "plan past in het grotere geheel",
    ),
    "gemeente_trekt": (
        "duidelijke publieke belangen en/of deadline",
        "hoge onrendabele top of grote kwetsbare doelgroep",
    ),
}

# --- descriptions of obligations that carry no detail code (filled) ---
OBLIGATION_DESCRIPTIONS = {
    "designation": (
        "Aanwijzing van het warmtebedrijf voor de warmtekavel door het college van B&W"
    ),
    "request_exemption": (
        "Ontheffing aanvragen bij het college van B&W voor een klein collectief warmtesysteem"
    ),
    "warmtegemeenschap": (
        "Voldoen aan de eisen voor een warmtegemeenschap: een rechtspersoon die als "
        "warmtebedrijf optreedt, vooral duurzame bronnen, geen winstoogmerk, lokaal belang, open "
        "en vrijwillig lidmaatschap en feitelijke zeggenschap van de leden"
    ),
}

# --- milestones the pilot app copies into a pilot's milestones (filled) ---
MILESTONE_DESIGNATION = "Aanwijzing warmtebedrijf voor de warmtekavel (college van B&W)"
MILESTONE_EXEMPTION = "Ontheffing aanvragen bij het college van B&W"
MILESTONE_PUBLIC_MAJORITY = "Eigendom regelen: meer dan %(pct)s%% publiek of een warmtegemeenschap"
MILESTONE_WARMTEGEMEENSCHAP = "Statuten toetsen aan de eisen voor een warmtegemeenschap"

# --- notes on what is unconfirmed (filled) ---
NOTE_SEED_SUPERVISION = (
    "Uit de seed-presentatie; nog niet bevestigd in de wetstekst. Controleer de memorie van "
    "toelichting (Kamerstuk 36 576, nr. 3), paragraaf 4.5 Taken en 4.6 Verplichtingen."
)
NOTE_TARIFF_METHOD = (
    "Kostengebaseerde tarieven zijn bevestigd; de tariefmethode van de ACM is nog niet bekend."
)
NOTE_PROSPECT = (
    "Het groeiperspectief is de lijn van de seed-presentatie (situatie 3). De wet zelf kent de "
    "grens van %(max)s verbruikers en het intrekken van de ontheffing bij groei daarboven."
)
NOTE_AREA_DESIGNATED = (
    "Het exclusieve recht van het aangewezen warmtebedrijf is bevestigd; of binnen een "
    "aangewezen warmtekavel toch een ontheffing mogelijk is, niet. Navragen bij de gemeente."
)
NOTE_AREA_SMALL = "Niet bevestigd; navragen bij de gemeente."
NOTE_OWNERSHIP_FREE = (
    "Afgeleid uit de seed-presentatie en de derde nota van wijziging; de wetstekst is nog niet "
    "gecontroleerd."
)
NOTE_CONSUMER_LIMIT = (
    "De grens van 100 kW voor kleinverbruikers komt uit de Warmtewet; voor de WCW nog te "
    "controleren in de memorie van toelichting, paragraaf 4.6."
)
NOTE_BASIC_RULES = (
    "Welke basisregels gelden, staat nog niet vast; controleer de memorie van toelichting, "
    "paragraaf 4.6 Verplichtingen."
)
NOTE_NOTIFICATION = (
    "Niet bevestigd voor de WCW. Onder de Warmtewet deden kleine leveranciers (minder dan 10 "
    "verbruikers of minder dan 10.000 GJ per jaar) alleen een melding bij de ACM."
)
NOTE_ENTRY_INTO_FORCE = (
    "De datum van inwerkingtreding van de WCW is nog niet vastgesteld; de app rekent met een "
    "instelbare datum."
)
