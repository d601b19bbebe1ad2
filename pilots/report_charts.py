"""The PDF's charts: each `ChartSpec` of pilots/charts.py drawn to static SVG with matplotlib.

The page draws the same specs with plotly (`charts.to_plotly`); here matplotlib's object API
(`Figure`, no pyplot and so no global figure registry) draws them, because it needs no browser:
plotly's only static export, kaleido, needs Chromium on every PDF host and ~0.1–2 s per figure
(shared/stack.md §5, measured November 2026), matplotlib 60–70 ms.

- Colours come from the spec, so page and PDF match; the legend sits on top as on the page.
- Numbers on the axes are Dutch (thousands '.', decimals ','), as the plotly layout's
  `separators: ",."` does on the page.
- Text is Noto Sans, the document's font (a static instance from pilots/report_fonts.py, as
  matplotlib cannot read WOFF2); without it DejaVu Sans draws.
- Text stays text (`svg.fonttype = "none"`): WeasyPrint sets it in the document's embedded Noto
  Sans, so the charts add no font and stay searchable. Glyphs as paths ("path") look the same
  but WeasyPrint took 1.1 s instead of 0.5 s to draw the report's six charts (measured
  November 2026).
  The `<img alt>` describes each chart for screen readers.
"""

import base64
import io
import logging
import math
from functools import cache, lru_cache

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .charts import ChartSpec
from .report_fonts import noto_sans

logger = logging.getLogger(__name__)

FALLBACK_FONT = "DejaVu Sans"  # ships with matplotlib
# Size on the page: the A4 text width is 174 mm (report.css), charts are drawn at 1:1.
WIDTH_IN, HEIGHT_IN = 6.6, 2.5
GRID = "#d0d5dd"
TEXT = "#1d2939"


@cache
def chart_font() -> str:
    """The font family the charts use: Noto Sans if it can be registered, else DejaVu Sans."""
    try:
        ttf = str(noto_sans(400))
        font_manager.fontManager.addfont(ttf)
        return font_manager.FontProperties(fname=ttf).get_name()
    except Exception:  # a chart in DejaVu beats no report
        logger.warning("Noto Sans not usable for charts; falling back to DejaVu", exc_info=True)
        return FALLBACK_FONT


def nl_number(value: float, decimals: int = 0) -> str:
    """12345.6 → "12.346"; 0.5 with decimals=1 → "0,5"; never "-0"."""
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0,.") == "":
        text = text.lstrip("-")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _tick_formatter(suffix: str = "") -> FuncFormatter:
    def fmt(value: float, _pos: int | None) -> str:
        decimals = 0 if math.isclose(value, round(value), abs_tol=1e-9) else 1
        return f"{nl_number(value, decimals)}{suffix}"

    return FuncFormatter(fmt)


def _rc() -> dict:
    family = chart_font()
    return {
        "font.family": [family, FALLBACK_FONT],
        "font.size": 8,
        "svg.fonttype": "none",
        "svg.hashsalt": "warmtenet",  # stable ids: the same inputs give the same SVG
        "axes.edgecolor": GRID,
        "axes.labelcolor": TEXT,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _draw(spec: ChartSpec, fig: Figure) -> None:
    ax = fig.add_subplot()
    ax.set_axisbelow(True)
    cats = list(spec.categories)
    handles: list = []
    if spec.kind == "hbar":
        y = range(len(cats))
        for s in spec.series:  # overlaid, as plotly's barmode "overlay"
            ax.barh(y, s.values, color=s.colour, height=0.6, label=s.name)
            handles.append(Patch(color=s.colour, label=s.name))
        ax.set_yticks(list(y), cats)
        ax.invert_yaxis()  # the first (widest) bar on top, as `autorange: reversed`
        ax.axvline(0, color=TEXT, linewidth=0.8)
        ax.xaxis.set_major_formatter(_tick_formatter())
        ax.grid(axis="x", color=GRID, linewidth=0.6)
    elif spec.kind in ("bar", "stacked_bar"):
        x = range(len(cats))
        # As plotly's barmode "stack": positive parts stack up from zero, negative ones down.
        up, down = [0.0] * len(cats), [0.0] * len(cats)
        width = 0.6 if spec.kind == "stacked_bar" else 0.6 / len(spec.series)
        edge = {"edgecolor": GRID, "linewidth": 0.4}  # keeps the palest colour visible
        for i, s in enumerate(spec.series):
            if spec.kind == "stacked_bar":
                bottom = [u if v >= 0 else d for u, d, v in zip(up, down, s.values, strict=True)]
                ax.bar(x, s.values, width, bottom=bottom, color=s.colour, label=s.name, **edge)
                up = [u + max(v, 0) for u, v in zip(up, s.values, strict=True)]
                down = [d + min(v, 0) for d, v in zip(down, s.values, strict=True)]
            else:
                offset = (i - (len(spec.series) - 1) / 2) * width
                ax.bar([xi + offset for xi in x], s.values, width, color=s.colour, label=s.name)
            handles.append(Patch(facecolor=s.colour, label=s.name, **edge))
        if any(d < 0 for d in down):
            ax.axhline(0, color=TEXT, linewidth=0.8)
        ax.set_xticks(list(x), cats)
        ax.yaxis.set_major_formatter(_tick_formatter(spec.y_suffix))
        ax.grid(axis="y", color=GRID, linewidth=0.6)
    else:
        numeric = all(isinstance(c, int | float) for c in cats)
        x = cats if numeric else list(range(len(cats)))
        for s in spec.series:
            ax.plot(x, s.values, color=s.colour, linewidth=2, marker="o", markersize=3)
            handles.append(Line2D([], [], color=s.colour, linewidth=2, label=s.name))
        if numeric:
            ax.xaxis.set_major_formatter(_tick_formatter())
            ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
        else:
            ax.set_xticks(x, cats)
        ax.yaxis.set_major_formatter(_tick_formatter(spec.y_suffix))
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        if spec.y_suffix == "%":
            ax.set_ylim(0, 100)
    # Reference lines (current participation, break-even): in the legend with their value,
    # instead of plotly's labels on top, which overlap when two shares lie close together.
    for m in spec.markers:
        ax.axvline(m.x, color=m.colour, linestyle="--", linewidth=1.5)
        label = f"{m.label}: {nl_number(m.x, 0)}%"
        handles.append(Line2D([], [], color=m.colour, linestyle="--", linewidth=1.5, label=label))
    if spec.markers:
        low = min([*(float(c) for c in cats), *(m.x for m in spec.markers)])
        high = max([*(float(c) for c in cats), *(m.x for m in spec.markers)])
        pad = (high - low) * 0.03 or 1
        ax.set_xlim(low - pad, high + pad)
    ax.set_xlabel(spec.x_title)
    ax.set_ylabel(spec.y_title)
    if len(handles) > 1 or spec.markers:
        fig.legend(
            handles=handles,
            loc="outside upper left",
            ncols=min(len(handles), 3),
            frameon=False,
            fontsize=7.5,
            handlelength=1.6,
        )


@lru_cache(maxsize=64)  # specs are frozen and hold the translated texts: same spec, same SVG
def to_svg(spec: ChartSpec, *, height_in: float = HEIGHT_IN) -> bytes:
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(WIDTH_IN, height_in), layout="constrained")
        _draw(spec, fig)
        buf = io.BytesIO()
        # No creation date in the SVG metadata: the same inputs give the same bytes.
        fig.savefig(buf, format="svg", metadata={"Date": None}, transparent=True)
    return buf.getvalue()


def to_data_url(spec: ChartSpec, *, height_in: float = HEIGHT_IN) -> str:
    svg = to_svg(spec, height_in=height_in)
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
