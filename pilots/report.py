"""The business-case report: the pilot's `PilotResult` as a council-ready PDF (WeasyPrint).

The page and the PDF read the same result object (architecture.md, "Data flow"), so the PDF
prints the figures of the business-case tab for the same scenario. Charts are the page's chart
specs drawn to SVG by pilots/report_charts.py.

Only aggregates: household counts per commitment step (suppressed under
`privacy.MIN_GROUP` registered households, as on the street dashboard), never addresses, names or
per-household values.

The renderer fetches nothing from the network: `StaticFilesFetcher` serves our static files
(through the staticfiles finders) and `data:` URLs and refuses every other URL.
"""

import contextlib
import logging
import mimetypes
import os
import re
import threading
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from juridisch.forms import RegimeForm
from juridisch.municipal_role import SEED_LESSONS, strategies
from juridisch.organisation import profiles, rank_models
from juridisch.rules import check_regime
from techniek import catalogue, labels
from techniek.calc import Fit, compare_concepts
from techniek.calc.results import Warning as TechWarning
from techniek.calc.subsidies import SubsidyParams
from techniek.templatetags.money import euro_cents
from techniek.templatetags.techniek_labels import collective, references

from . import case_labels, charts, report_charts
from .models import Commitment, CommitmentChange, Phase, Pilot, PilotRegimeFacts
from .parameters import Parameter, parameter_groups
from .participation import lead_times, over_time
from .privacy import MIN_GROUP
from .report_fonts import BUNDLED, WEIGHTS, noto_sans
from .scenario import PilotResult

# WeasyPrint logs every layout step of every page at INFO, the root level of our settings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Resources resolve against this base; the host is reserved (RFC 2606) and never contacted.
STATIC_BASE = "https://static.invalid/"
FONT_PATH = BUNDLED.relative_to(Path(settings.BASE_DIR) / "static").as_posix()
PDF_VARIANT = "pdf/ua-1"  # WeasyPrint 70: tagged PDF (implies pdf_tags) with PDF/UA-1 metadata

# Seed deck, slide "Lessons learned versnelling" (Utrechtse kopgroep mini-warmtenetten).
LESSONS = (
    "Doorlooptijd = geld + verlies draagvlak",
    "Hou het simpel; liever minder dan meer partners",
    "Heldere afspraken",
    "Stabiele financiering proces",
    "Vroegtijdig mandaat bewoners",
    "Modulair / organisch bouwen",
)

CASH_FLOW_YEARS = (0, 1, 2, 5, 10, 15, 20, 25, 30)


class StaticFilesFetcher(URLFetcher):
    """Serve our static files and `data:` URLs; refuse everything else (no network, no disk)."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(STATIC_BASE):
            parts = urlsplit(url)
            path = unquote(parts.path).lstrip("/")
            weight = parse_qs(parts.query).get("wght")
            if path == FONT_PATH and weight and weight[0].isdigit() and int(weight[0]) in WEIGHTS:
                # The bundled variable font, as a static instance (pilots/report_fonts.py).
                font = noto_sans(int(weight[0])).read_bytes()
                return URLFetcherResponse(url, font, {"Content-Type": "font/ttf"})
            found = finders.find(path) if ".." not in path.split("/") else None
            if found:
                kind = "text/css" if path.endswith(".css") else mimetypes.guess_type(path)[0]
                return URLFetcherResponse(
                    url,
                    Path(found).read_bytes(),
                    {"Content-Type": kind or "application/octet-stream"},
                )
        raise ValueError(f"the report may only load static files and data: URLs, not {url}")


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Chart:
    title: str
    src: str  # data:image/svg+xml
    alt: str


@dataclass(frozen=True)
class Risk:
    title: str
    detail: str


def sections() -> list[Section]:
    return [
        Section("samenvatting", _("Samenvatting en advies")),
        Section("pilot", _("De pilot: feiten, fase en mijlpalen")),
        Section("deelname", _("Huishoudens en deelname")),
        Section("concepten", _("Technische concepten vergeleken")),
        Section("businesscase", _("Businesscase")),
        Section("wcw", _("Wet collectieve warmte: regime en verplichtingen")),
        Section("organisatie", _("Organisatiemodel en rol van de gemeente")),
        Section("risicos", _("Risico's")),
        Section("lessen", _("Lessen uit de proeftuinen")),
    ]


def _css_string(text: str) -> str:
    """A CSS string literal that no pilot name can break out of (quotes, `</style>`)."""
    return '"' + re.sub(r"[\\\"'<>&\n\r]", lambda m: f"\\{ord(m.group()):x} ", text) + '"'


def _margin_css(running_title: str) -> str:
    # Margin boxes do not inherit the body font (stack.md §5): report.css sets it on each box.
    page = _css_string(_("pagina") + " ")
    of = _css_string(" " + _("van") + " ")
    title = _css_string(running_title)
    return (
        f"@page {{ @top-left {{ content: {title}; }} "
        f"@bottom-center {{ content: {page} counter(page) {of} counter(pages); }} }}"
    )


def _own_values(pilot: Pilot, params: list[Parameter]) -> list[tuple[Parameter, str]]:
    """The pilot's overridden parameters with the note that is their source."""
    notes = dict(pilot.overrides.values_list("key", "note"))
    return [(p, notes.get(p.key, "")) for p in params if p.overridden]


def _sourced(params: type, name: str) -> object:
    return next(f.metadata["sourced"] for f in fields(params) if f.name == name)


def _regime(pilot: Pilot, today: date) -> tuple[RegimeForm, object, object]:
    try:
        facts = pilot.regime_facts
    except PilotRegimeFacts.DoesNotExist:
        facts = PilotRegimeFacts.default_for(pilot)
    form = RegimeForm(facts.as_form_data())
    if not form.is_valid():
        return form, None, None
    regime_facts = form.to_facts()
    return form, check_regime(regime_facts, on=today), rank_models(regime_facts, on=today)


def _monthly_rows(result: PilotResult) -> list[tuple[str, list[Decimal]]]:
    hh = result.case.household
    options = (hh.network, hh.gas, hh.air_hp)
    parts = (
        (_("Kapitaal en afschrijving"), "capital_eur_per_month"),
        (_("Energie"), "energy_eur_per_month"),
        (_("Onderhoud"), "om_eur_per_month"),
        (_("Vaste kosten"), "fixed_eur_per_month"),
        (_("Elektriciteitsaansluiting"), "electricity_connection_eur_per_month"),
    )
    return [(name, [getattr(o.monthly, attr) for o in options]) for name, attr in parts]


def _investment_rows(result: PilotResult) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    totals: dict[str, list[Decimal]] = {}
    for line in result.case.investment_lines:
        key = str(case_labels.CATEGORIES.get(str(line.category), str(line.category)))
        row = totals.setdefault(key, [Decimal(0), Decimal(0)])
        row[0] += line.capex_excl_vat_eur
        row[1] += line.vat_eur
    return [(name, excl, vat, excl + vat) for name, (excl, vat) in totals.items()]


@dataclass(frozen=True)
class CashFlowLine:
    year: int
    invested_eur: Decimal  # investment and replacements
    subsidies_eur: Decimal
    avoided_gas_eur: Decimal
    energy_eur: Decimal
    om_eur: Decimal
    project_eur: Decimal
    cumulative_eur: Decimal


def _cash_flow_lines(result: PilotResult) -> list[CashFlowLine]:
    """Selected years of the yearly table (a council reads the shape, not 31 rows), and the last."""
    rows = result.case.cash_flows
    last = rows[-1].year if rows else 0
    return [
        CashFlowLine(
            r.year,
            r.investment_eur + r.replacements_eur,
            r.subsidies_eur,
            r.avoided_gas_eur,
            r.energy_eur,
            r.om_eur,
            r.project_eur,
            r.cumulative_project_eur,
        )
        for r in rows
        if r.year in CASH_FLOW_YEARS or r.year == last
    ]


def _chart(
    spec: charts.ChartSpec, alt: str, *, height_in: float = report_charts.HEIGHT_IN
) -> Chart:
    return Chart(spec.title, report_charts.to_data_url(spec, height_in=height_in), alt)


def _charts(result: PilotResult, suppressed: bool, trend: tuple | None) -> dict[str, Chart]:
    p = result.participation
    curve = charts.participation_curve(
        result.sweep, p.step(Commitment.SIGNED).pct, p.step(Commitment.INTENT).pct
    )
    if suppressed:
        # Under the privacy threshold the current shares would reveal single households; the
        # first two markers are those shares (charts.participation_curve), then the break-even.
        curve = replace(curve, markers=curve.markers[2:])
    out = {
        "monthly": _chart(
            charts.monthly_costs(result.case),
            _("Gestapelde staven: maandlasten warmtenet, gas en eigen warmtepomp"),
        ),
        "participation": _chart(
            curve, _("Lijnen: maandlasten warmtenet en gas naar deelname, met de break-even")
        ),
        "cash_flow": _chart(
            charts.cumulative_cash_flow(result.case),
            _("Lijn: cumulatieve kasstroom per jaar"),
        ),
        "tornado": _chart(
            charts.tornado_chart(result.tornado, case_labels.TORNADO),
            _("Tornadodiagram: effect van onzekere aannames op het verschil met gas"),
            height_in=2.6,
        ),
        "investment": _chart(
            charts.investment_breakdown(result.case, case_labels.CATEGORIES),
            _("Staven: investering per onderdeel"),
            height_in=2.6,
        ),
    }
    if trend is not None:
        out["trend"] = _chart(
            charts.participation_trend(trend),
            _("Lijnen: aandeel woningen per stap van de commitmentladder, per maand"),
            height_in=2.4,
        )
    return out


def _risks(
    result: PilotResult,
    check: object,
    suppressed: bool,
    unconfirmed: int,
    total: int,
) -> list[Risk]:
    risks = []
    case, sweep = result.case, result.sweep
    signed = result.participation.step(Commitment.SIGNED)
    if sweep.break_even is None:
        risks.append(
            Risk(
                _("Niet goedkoper dan gas"),
                _(
                    "Bij geen enkele deelname tot 100% is het warmtenet per maand goedkoper "
                    "dan gas."
                ),
            )
        )
    elif not suppressed and signed.pct < sweep.break_even.participation_pct:
        risks.append(
            Risk(
                _("Deelname onder de break-even"),
                _(
                    "Nu heeft %(signed)s%% getekend; het warmtenet is pas vanaf %(be)s%% deelname "
                    "niet duurder dan gas."
                )
                % {
                    "signed": number_format(signed.pct, 0),
                    "be": number_format(sweep.break_even.participation_pct, 0),
                },
            )
        )
    for code in case.warnings:
        risks.append(Risk(_("Businesscase"), str(case_labels.WARNINGS.get(str(code), code))))
    demand = result.technical.demand
    for code in result.technical.warnings:
        if code == TechWarning.DEMAND_ESTIMATED:
            # The same count as the chapter on the homes prints, not a blanket "no metered gas".
            detail = _(
                "Van %(n)s van de %(total)s woningen in de berekening is de warmtevraag geschat "
                "uit woningtype en bouwperiode: voor die woningen is geen gemeten gasverbruik."
            ) % {"n": demand.homes_estimated, "total": demand.homes}
        else:
            detail = labels.warning_text(code)
        risks.append(Risk(_("Techniek"), detail))
    if result.tornado.bars:
        top = result.tornado.bars[0]
        risks.append(
            Risk(
                _("Grootste onzekerheid"),
                _("%(parameter)s verschuift het verschil met gas met tot %(amount)s per maand.")
                % {
                    "parameter": case_labels.TORNADO[top.parameter],
                    "amount": euro_cents(top.span_eur_per_month),
                },
            )
        )
    if check is not None and not check.confirmed:
        risks.append(
            Risk(
                _("Wet collectieve warmte"),
                _(
                    "De uitkomst van de regimecheck hangt af van regels of een datum die nog niet "
                    "bevestigd zijn (zie hoofdstuk Wet collectieve warmte)."
                ),
            )
        )
    if result.inputs.assumed:
        risks.append(
            Risk(
                _("Invoer"),
                _(
                    "Er staan nog geen huishoudens in het register: de berekening gaat uit van "
                    "gemiddelde tussenwoningen."
                ),
            )
        )
    risks.append(
        Risk(
            _("Aannames"),
            _("%(n)s van de %(total)s aannames zijn nog niet bevestigd (zie de bijlage).")
            % {"n": unconfirmed, "total": total},
        )
    )
    return risks


def report_context(pilot: Pilot, result: PilotResult, *, today: date, request_user: User) -> dict:
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    counts = result.participation
    suppressed = counts.registered < MIN_GROUP
    trend = None
    if not suppressed:
        history = [
            (h, c, timezone.localtime(at))
            for h, c, at in CommitmentChange.objects.filter(household__pilot=pilot).values_list(
                "household_id", "to_status", "changed_at"
            )
        ]
        trend = over_time(pilot.homes, history, today)
    milestones = list(pilot.milestones.all())
    starts = list(pilot.phase_starts.values_list("phase", "started_on"))
    days = lead_times(starts, today)
    phases = [
        {
            "label": label,
            "current": value == pilot.phase,
            "days": days.get(value),
            "milestones": [m for m in milestones if m.phase == value],
        }
        for value, label in Phase.choices
    ]
    for phase in phases:  # the body shows the count per phase, the annex every milestone
        phase["done"] = sum(m.status == "done" for m in phase["milestones"])
    comparison = compare_concepts(
        result.inputs.households, result.inputs.site, result.parameters.assumptions
    )
    ranked = collective(comparison)
    best = next((r for r in ranked if r.fit is not Fit.UNSUITABLE), None)
    form, check, advice = _regime(pilot, today)
    groups = parameter_groups(result.parameters)
    params = [p for _g, rows in groups for p in rows]
    unconfirmed = sum(not p.confirmed for p in params)
    subsidy_params = result.parameters.subsidies
    running = f"{pilot.name} · {date_format(result.computed_on, 'j F Y')}"
    return {
        "lang": lang,
        "pilot": pilot,
        "result": result,
        "case": result.case,
        "hh": result.case.household,
        "author": request_user.get_full_name() or request_user.get_username(),
        "margin_css": _margin_css(running),
        "sections": sections(),
        "titles": {s.id: s.title for s in sections()},
        "labels": case_labels,
        "tornado_note": case_labels.tornado_note(result.tornado),
        "chosen_concept": bool(pilot.concept),
        "chosen_model": bool(pilot.org_model),
        "scenario_model_label": case_labels.ORG_MODELS[result.scenario.org_model],
        "participation": counts,
        "suppressed": suppressed,
        "min_group": MIN_GROUP,
        "signed": counts.step(Commitment.SIGNED),
        "intent": counts.step(Commitment.INTENT),
        "interested": counts.step(Commitment.INTERESTED),
        "phases": phases,
        "current_phase": next(p for p in phases if p["current"]),
        "comparison": comparison,
        "ranked": ranked,
        "reference_rows": references(comparison),
        "best": best,
        "best_is_chosen": best is not None and best.concept == result.scenario.concept,
        "regime_form": form,
        "check": check,
        "advice": advice,
        "org_profiles": profiles(),
        "strategies": strategies(),
        "charts": _charts(result, suppressed, trend),
        "monthly_rows": _monthly_rows(result),
        "investment_rows": _investment_rows(result),
        "cash_flow_rows": _cash_flow_lines(result),
        "subsidy_params": subsidy_params,
        "wis_min_connections": _sourced(SubsidyParams, "wis_min_connections"),
        "isde_source": _sourced(SubsidyParams, "isde_heat_network_eur"),
        "warmtefonds_source": _sourced(SubsidyParams, "warmtefonds_rate"),
        "warmtefonds_rate": (
            subsidy_params.warmtefonds_rate_low_income
            if result.scenario.income_below_limit
            else subsidy_params.warmtefonds_rate
        ),
        "lessons": LESSONS,
        "lessons_source": SEED_LESSONS,
        "proeftuinen": catalogue.PROEFTUINEN,
        "proeftuinen_source": catalogue.PROEFTUINEN_SOURCE,
        "risks": _risks(result, check, suppressed, unconfirmed, len(params)),
        "parameter_groups": groups,
        "own_values": _own_values(pilot, params),
        "parameter_count": len(params),
        "unconfirmed_count": unconfirmed,
        # Of the homes in the calculation, as the risk on estimated demand counts them.
        "metered_homes": result.technical.demand.homes - result.technical.demand.homes_estimated,
    }


def annex_path(pilot: Pilot, fingerprint: str, kind: str) -> str:
    """Where the annex of the reports with this input fingerprint is downloaded (kind pdf, xlsx)."""
    from django.urls import reverse

    return reverse(f"pilots:annex_{kind}", args=[pilot.pk, fingerprint])


@dataclass(frozen=True)
class Documents:
    body: str  # the report's HTML: the council's ~10–12 pages
    annex: str  # the annex's HTML: every parameter, the models and strategies in full


def render_documents(
    pilot: Pilot, result: PilotResult, *, today: date, request_user: User, site_url: str = ""
) -> Documents:
    """Report and annex from one context. `site_url` (scheme and host of the request) makes the
    report's links to its annex work from the PDF."""
    context = report_context(pilot, result, today=today, request_user=request_user)
    context["annex_links"] = {
        kind: site_url.rstrip("/") + annex_path(pilot, result.fingerprint, kind)
        for kind in ("pdf", "xlsx")
    }
    return Documents(
        render_to_string("pdf/report.html", context), render_to_string("pdf/annex.html", context)
    )


def render_html(pilot: Pilot, result: PilotResult, *, today: date, request_user: User) -> str:
    return render_documents(pilot, result, today=today, request_user=request_user).body


def annex_xlsx(result: PilotResult) -> bytes:
    """The annex's parameter table as a spreadsheet: one row per parameter, values as shown."""
    from .exports import to_xlsx

    header = [
        _("Groep"), _("Sleutel"), _("Parameter"), _("Waarde"), _("Standaard"), _("Eenheid"),
        _("Ondergrens"), _("Bovengrens"), _("Eigen waarde"), _("Bevestigd"), _("Bron"),
    ]  # fmt: skip
    rows = [header]
    for group, params in parameter_groups(result.parameters):
        for p in params:
            rows.append([
                group, p.key, p.label, p.value, p.default, p.unit, p.low, p.high,
                _("ja") if p.overridden else _("nee"), _("ja") if p.confirmed else _("nee"),
                p.source,
            ])  # fmt: skip
    about = [
        [_("Rekenversie"), result.calc_version],
        [_("Kenmerk invoer"), result.fingerprint],
        [_("Berekend op"), result.computed_on.isoformat()],
    ]
    return to_xlsx({_("Parameters"): rows, _("Over"): about})


# A report is seconds of CPU; the pages of the other workers should not wait behind it.
PDF_NICENESS = 10


def html_to_pdf(html: str) -> bytes:
    """Render in a thread of lower CPU priority (Linux `nice` is per thread); this request waits
    for it as before, other requests on a busy machine go first."""
    outcome: dict[str, object] = {}

    def render() -> None:
        with contextlib.suppress(OSError, AttributeError):  # not on every platform
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), PDF_NICENESS)
        try:
            document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=StaticFilesFetcher())
            outcome["pdf"] = document.write_pdf(
                pdf_variant=PDF_VARIANT, font_config=FontConfiguration()
            )
        except BaseException as error:  # re-raised in the request's own thread
            outcome["error"] = error

    worker = threading.Thread(target=render, name="report-pdf")
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["pdf"]  # type: ignore[return-value]


def render_report(pilot: Pilot, result: PilotResult, *, today: date, request_user: User) -> bytes:
    """The PDF of `result` for this pilot, in the active language."""
    return html_to_pdf(render_html(pilot, result, today=today, request_user=request_user))
