"""The programme view's table, export and charts from its rows: one list of columns serves the
page, the CSV and the XLSX, so the download holds the figures the screen shows."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape  # the stdlib's: Django's wraps it for lazy strings, 4× slower

from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techniek.labels import FITS
from warmtenet.http import url_template

from .charts import COLOURS, ChartSpec, Series, to_plotly
from .exports import to_csv, to_xlsx
from .import_forms import Cell
from .models import LessonTheme, Phase
from .programme import ProgrammeRow
from .programme_calc import DEVELOPMENT_MAX_YEARS, DEVELOPMENT_MIN_YEARS, LeadTimeStatus

STATUS_LABELS = {
    LeadTimeStatus.FASTER: gettext_lazy("Sneller dan 1 jaar"),
    LeadTimeStatus.WITHIN: gettext_lazy("Binnen 1–1,5 jaar"),
    LeadTimeStatus.OVER: gettext_lazy("Langer dan 1,5 jaar"),
    LeadTimeStatus.RUNNING: gettext_lazy("Loopt, nog binnen 1,5 jaar"),
    LeadTimeStatus.UNKNOWN: gettext_lazy("Onbekend"),
}
STATUS_BADGES = {
    LeadTimeStatus.FASTER: "success",
    LeadTimeStatus.WITHIN: "success",
    LeadTimeStatus.OVER: "danger",
    LeadTimeStatus.RUNNING: "neutral",
    LeadTimeStatus.UNKNOWN: "neutral",
}


def _years(row: ProgrammeRow) -> float | None:
    years = row.lead.development_years
    return None if years is None else round(years, 2)


def _money(value: Decimal | None) -> Cell:
    return None if value is None else float(value)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: Callable[[ProgrammeRow], Cell]  # raw, for the export
    text: Callable[[ProgrammeRow], str] | None = None  # formatted, for the page


def money_text(places: int) -> Callable[[Decimal | None], str]:
    """What the `euro` filters print, without number_format's per-call cost (6,000 cells)."""
    thousands, decimal = get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")
    swap = (thousands, decimal) != (",", ".")
    step = Decimal(1).scaleb(-places)

    def text(value: Decimal | None) -> str:
        if value is None:
            return "–"
        amount = Decimal(value).quantize(step, rounding=ROUND_HALF_UP)
        number = f"{abs(amount):,.{places}f}"
        if swap:  # three replaces beat str.translate with a mapping by far
            number = number.replace(",", "|").replace(".", decimal).replace("|", thousands)
        return f"€ -{number}" if amount < 0 else f"€ {number}"

    return text


def columns() -> tuple[Column, ...]:
    phases = dict(Phase.choices)
    euro, euro_cents = money_text(0), money_text(2)
    # Labels resolved once: a lazy string translates again on every use (200 rows).
    statuses = {key: str(label) for key, label in STATUS_LABELS.items()}
    fits = {fit.value: str(label) for fit, label in FITS.items()}
    variants = {"cluster": _("cluster"), "ring": _("ringnet")}
    yes, no = _("ja"), _("nee")

    def days(phase: str) -> Callable[[ProgrammeRow], Cell]:
        return lambda r: r.lead.days_per_phase.get(phase)

    return (
        Column("pilot", _("Pilot"), lambda r: r.pilot.name),
        Column("gemeente", _("Gemeente"), lambda r: r.pilot.gemeente.name),
        Column("homes", _("Woningen"), lambda r: r.pilot.homes),
        Column("phase", _("Fase"), lambda r: r.phase),
        *(
            Column(
                f"days_{value}", _("Dagen %(phase)s") % {"phase": str(label).lower()}, days(value)
            )
            for value, label in phases.items()
        ),
        Column(
            "development_years",
            _("Ontwikkeltijd (jaar)"),
            _years,
            lambda r: "–" if _years(r) is None else f"{_years(r):.1f}".replace(".", ","),
        ),
        Column(
            "development_status",
            _("T.o.v. 1–1,5 jaar"),
            lambda r: statuses[r.lead.status],
        ),
        Column("signed", _("Getekend (woningen)"), lambda r: r.signed),
        Column(
            "signed_pct",
            _("Getekend (%)"),
            lambda r: round(r.gap.signed_pct, 1),
            lambda r: f"{r.gap.signed_pct:.0f}%",
        ),
        Column(
            "target_pct",
            _("Nodig (%)"),
            lambda r: r.gap.target_pct,
            lambda r: f"{r.gap.target_pct}%",
        ),
        Column("homes_short", _("Nog te tekenen (woningen)"), lambda r: r.gap.homes_short),
        Column("concept", _("Concept"), lambda r: r.summary.concept_name),
        Column(
            "concept_chosen",
            _("Concept gekozen"),
            lambda r: yes if r.summary.concept_chosen else no,
        ),
        Column(
            "capex_per_home_eur",
            _("Investering per woning (€)"),
            lambda r: _money(r.summary.capex_per_home_eur),
            lambda r: euro(r.summary.capex_per_home_eur),
        ),
        Column(
            "monthly_full_eur",
            _("Maandlasten bij volledige deelname (€)"),
            lambda r: _money(r.summary.monthly_full_eur),
            lambda r: euro_cents(r.summary.monthly_full_eur),
        ),
        Column(
            "monthly_signed_eur",
            _("Maandlasten met alleen getekende woningen (€)"),
            lambda r: _money(r.summary.monthly_signed_eur),
            lambda r: euro_cents(r.summary.monthly_signed_eur),
        ),
        Column(
            "gas_monthly_eur",
            _("Maandlasten op gas (€)"),
            lambda r: _money(r.summary.gas_monthly_eur),
            lambda r: euro_cents(r.summary.gas_monthly_eur),
        ),
        Column(
            "cluster_eur",
            _("Bodemlus cluster: investering per woning (€)"),
            lambda r: _money(r.summary.cluster_capex_per_home_eur),
            lambda r: euro(r.summary.cluster_capex_per_home_eur),
        ),
        Column(
            "ring_eur",
            _("Bodemlus ringnet: investering per woning (€)"),
            lambda r: _money(r.summary.ring_capex_per_home_eur),
            lambda r: euro(r.summary.ring_capex_per_home_eur),
        ),
        Column(
            "cheaper",
            _("Goedkoopst"),
            lambda r: variants[r.summary.cheaper_variant],
        ),
        Column(
            "fits",
            _("Past (cluster / ringnet)"),
            lambda r: f"{fits[r.summary.cluster_fit]} / {fits[r.summary.ring_fit]}",
        ),
        Column("lessons", _("Lessen"), lambda r: len(r.lessons)),
    )


# The page shows the columns in three tables; the export has them all in one sheet.
PAGE_GROUPS = {
    "lead": ("pilot", "phase", "days_kwartiermaken", "days_ontwikkeling", "days_realisatie",
             "development_years", "development_status"),
    "participation": ("pilot", "homes", "signed", "signed_pct", "target_pct", "homes_short"),
    "cost": ("pilot", "concept", "capex_per_home_eur", "monthly_full_eur",
             "monthly_signed_eur", "gas_monthly_eur"),
    "cluster_ring": ("pilot", "cluster_eur", "ring_eur", "cheaper", "fits"),
}  # fmt: skip


_UNSAFE = re.compile(r"[&<>\"']")


def _html(text: str) -> str:
    # Most cells are figures: test before escaping (five replaces per cell add up on 4,000).
    return escape(text) if _UNSAFE.search(text) else text


def _text(column: Column, row: ProgrammeRow) -> str:
    if column.text is not None:
        return column.text(row)
    value = column.value(row)
    return "–" if value is None else str(value)


def page_tables(rows: Sequence[ProgrammeRow]) -> dict[str, dict]:
    """Per table: its headers and the body as finished HTML. 200 rows × 4 tables through the
    template engine cost ~60 ms (bench/run.py); joined escaped strings cost a few."""
    by_key = {c.key: c for c in columns()}
    url = url_template("pilots:detail")
    heads = [
        f'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">'
        f'<a class="utrecht-link" href="{url.format(row.pilot.pk)}">{escape(row.pilot.name)}</a>'
        "</th>"
        for row in rows
    ]
    tables = {}
    for name, keys in PAGE_GROUPS.items():
        cols = [by_key[k] for k in keys][1:]
        body = "".join(
            head
            + "".join(f'<td class="utrecht-table__cell">{_html(_text(c, row))}</td>' for c in cols)
            + "</tr>"
            for head, row in zip(heads, rows, strict=True)
        )
        tables[name] = {"headers": [by_key[k].label for k in keys], "body": mark_safe(body)}  # noqa: S308 - every cell escaped above
    return tables


def export_rows(rows: Sequence[ProgrammeRow]) -> list[list[Cell]]:
    cols = columns()
    return [[c.label for c in cols], *([c.value(row) for c in cols] for row in rows)]


def lesson_rows(rows: Sequence[ProgrammeRow]) -> list[list[Cell]]:
    themes, phases = dict(LessonTheme.choices), dict(Phase.choices)
    out: list[list[Cell]] = [
        [_("Pilot"), _("Fase"), _("Thema"), _("Les"), _("Toelichting"), _("Advies voor opschaling")]
    ]
    for row in rows:
        for lesson in row.lessons:
            out.append(
                [
                    row.pilot.name,
                    str(phases[lesson.phase]),
                    str(themes[lesson.theme]),
                    lesson.title,
                    lesson.detail,
                    lesson.advice,
                ]
            )
    return out


def _comma(rows: list[list[Cell]]) -> list[list[Cell]]:
    # Dutch spreadsheets read "12,5" as a number and "12.5" as a date or text.
    return [[str(v).replace(".", ",") if isinstance(v, float) else v for v in r] for r in rows]


def to_csv_bytes(rows: Sequence[ProgrammeRow]) -> bytes:
    return to_csv(_comma(export_rows(rows)))


def to_xlsx_bytes(rows: Sequence[ProgrammeRow]) -> bytes:
    return to_xlsx({_("Programma"): export_rows(rows), _("Lessen"): lesson_rows(rows)})


# --- charts ---------------------------------------------------------------------------------

BUCKETS = ((0.0, 0.5), (0.5, 1.0), (1.0, 1.5), (1.5, 2.0), (2.0, None))


def lead_time_chart(rows: Sequence[ProgrammeRow]) -> dict:
    """Pilots per development-time bucket, realised and still running, against 1–1.5 years."""
    labels = []
    for low, high in BUCKETS:
        low_text = f"{low:g}".replace(".", ",")
        labels.append(
            _("%(low)s–%(high)s jaar") % {"low": low_text, "high": f"{high:g}".replace(".", ",")}
            if high is not None
            else _("meer dan %(low)s jaar") % {"low": low_text}
        )
    reached, running = [0] * len(BUCKETS), [0] * len(BUCKETS)
    for row in rows:
        years = row.lead.development_years
        if years is None:
            continue
        index = next(i for i, (_low, high) in enumerate(BUCKETS) if high is None or years < high)
        (reached if row.lead.reached_realisatie else running)[index] += 1
    spec = ChartSpec(
        kind="stacked_bar",
        title=_("Ontwikkeltijd tot de realisatie: pilots per klasse"),
        categories=tuple(labels),
        series=(
            Series(_("Realisatie bereikt"), tuple(reached), COLOURS["signed"]),
            Series(_("Nog in ontwikkeling"), tuple(running), COLOURS["interested"]),
        ),
        y_title=_("pilots"),
    )
    figure = to_plotly(spec)
    # The deck's 1–1.5 years: the third bucket, shaded.
    figure["layout"]["shapes"].append(
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": 1.5,
            "x1": 2.5,
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(21,66,115,0.08)",
            "line": {"width": 0},
            "layer": "below",
        }
    )
    figure["layout"]["annotations"].append(
        {
            "x": 2,
            "xref": "x",
            "y": 0.98,
            "yref": "paper",
            "yanchor": "top",
            "showarrow": False,
            "text": _("seed deck: %(low)s–%(high)s jaar")
            % {
                "low": f"{DEVELOPMENT_MIN_YEARS.value:g}",
                "high": f"{DEVELOPMENT_MAX_YEARS.value:g}".replace(".", ","),
            },
            "font": {"size": 11, "color": COLOURS["signed"]},
        }
    )
    return figure


def _scatter(
    title: str, x_title: str, y_title: str, traces: list[dict], y_suffix: str = ""
) -> dict:
    layout = to_plotly(ChartSpec("line", title, (), (), y_title, x_title, y_suffix))["layout"]
    layout["hovermode"] = "closest"
    return {"data": traces, "layout": layout}


def _points(name: str, xs: list, ys: list, texts: list[str], colour: str) -> dict:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "x": xs,
        "y": ys,
        "text": texts,
        "hovertemplate": "%{text}<br>%{x}, %{y}<extra></extra>",
        "marker": {"color": colour, "size": 9, "opacity": 0.8},
    }


def participation_chart(rows: Sequence[ProgrammeRow]) -> dict:
    names = [r.pilot.name for r in rows]
    figure = _scatter(
        _("Deelname: getekend tegenover nodig"),
        _("nodig voor een go (% van de woningen)"),
        _("getekend (% van de woningen)"),
        [
            _points(
                _("Pilot"),
                [r.gap.target_pct for r in rows],
                [round(r.gap.signed_pct, 1) for r in rows],
                names,
                COLOURS["signed"],
            )
        ],
        "%",
    )
    figure["layout"]["xaxis"]["range"] = [0, 100]
    figure["layout"]["shapes"] = [
        {
            "type": "line",
            "x0": 0,
            "y0": 0,
            "x1": 100,
            "y1": 100,
            "line": {"color": COLOURS["gas"], "dash": "dash", "width": 2},
        }
    ]
    figure["layout"]["annotations"] = [
        {
            "x": 95,
            "y": 95,
            "text": _("doel gehaald"),
            "showarrow": False,
            "xanchor": "right",
            "yanchor": "bottom",
            "font": {"color": COLOURS["gas"], "size": 11},
        }
    ]
    return figure


def cost_chart(rows: Sequence[ProgrammeRow]) -> dict:
    with_signed = [r for r in rows if r.summary.monthly_signed_eur is not None]
    names = [r.pilot.name for r in with_signed]
    xs = [round(r.gap.signed_pct, 1) for r in with_signed]
    return _scatter(
        _("Maandlasten per woning naar deelname"),
        _("getekend (% van de woningen)"),
        _("€ per maand"),
        [
            _points(
                _("Warmtenet, alleen getekende woningen"),
                xs,
                [float(r.summary.monthly_signed_eur) for r in with_signed],
                names,
                COLOURS["network"],
            ),
            _points(
                _("Warmtenet, volledige deelname"),
                xs,
                [float(r.summary.monthly_full_eur) for r in with_signed],
                names,
                COLOURS["interested"],
            ),
            _points(
                _("Blijven op gas"),
                xs,
                [float(r.summary.gas_monthly_eur) for r in with_signed],
                names,
                COLOURS["gas"],
            ),
        ],
    )


def cluster_ring_chart(rows: Sequence[ProgrammeRow]) -> dict:
    names = [r.pilot.name for r in rows]
    xs = [r.summary.participants_full for r in rows]
    return _scatter(
        _("Bodemlus cluster of ringnet: investering per woning"),
        _("woningen in de berekening"),
        _("€ per woning"),
        [
            _points(
                _("Cluster"),
                xs,
                [float(r.summary.cluster_capex_per_home_eur) for r in rows],
                names,
                COLOURS["signed"],
            ),
            _points(
                _("Ringnet"),
                xs,
                [float(r.summary.ring_capex_per_home_eur) for r in rows],
                names,
                COLOURS["gas"],
            ),
        ],
    )
