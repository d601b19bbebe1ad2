"""Generated documents (voorbeeld bestek, ledenovereenkomst, statuten): one small document model,
written to DOCX with python-docx (editable by the gemeente or the notary) and to PDF through an
HTML template and WeasyPrint, so both files carry the same text.

Placeholders are written `[[…]]` in the text; DOCX shows them bold on yellow, HTML as <mark>.
"""

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

PLACEHOLDER = re.compile(r"(\[\[.*?\]\])")
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # a numbered list (articles, requirements)
    table: Table | None = None
    after: tuple[str, ...] = ()  # paragraphs after the list or table


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    notice: str  # the banner: a template, what to fill in, who must review it
    facts: tuple[tuple[str, str], ...]  # cover facts: label, value
    sections: tuple[Section, ...]
    sources: tuple[str, ...] = field(default=())

    def text(self) -> str:
        """Every string of the document, for tests and search."""
        return "\n".join(_strings(self))


def _strings(doc: Document) -> Iterator[str]:
    yield from (doc.title, doc.subtitle, doc.notice)
    for label, value in doc.facts:
        yield f"{label}: {value}"
    for s in doc.sections:
        yield s.heading
        yield from s.paragraphs
        yield from s.items
        if s.table:
            yield " | ".join(s.table.headers)
            yield from (" | ".join(row) for row in s.table.rows)
        yield from s.after
    yield from doc.sources


def _runs(paragraph: object, text: str) -> None:
    for part in PLACEHOLDER.split(text):
        if not part:
            continue
        run = paragraph.add_run(part)
        if PLACEHOLDER.fullmatch(part):
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def to_docx(doc: Document) -> bytes:
    out = DocxDocument()
    out.styles["Normal"].font.name = "Arial"
    out.styles["Normal"].font.size = Pt(10)
    out.core_properties.title = doc.title
    out.core_properties.subject = doc.subtitle
    out.core_properties.language = get_language() or "nl"
    out.add_heading(doc.title, level=0)
    _runs(out.add_paragraph(), doc.subtitle)
    notice = out.add_paragraph()
    _runs(notice, doc.notice)
    for run in notice.runs:
        run.bold = True
    facts = out.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in doc.facts:
        cells = facts.add_row().cells
        cells[0].text = label
        _runs(cells[1].paragraphs[0], value)
    for number, s in enumerate(doc.sections, start=1):
        out.add_heading(f"{number}. {s.heading}", level=1)
        for text in s.paragraphs:
            _runs(out.add_paragraph(), text)
        for item in s.items:
            _runs(out.add_paragraph(style="List Number"), item)
        if s.table:
            _docx_table(out, s.table)
        for text in s.after:
            _runs(out.add_paragraph(), text)
    if doc.sources:
        out.add_heading(_("Bronnen"), level=1)
        for source in doc.sources:
            out.add_paragraph(source, style="List Bullet")
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _docx_table(out: object, table: Table) -> None:
    grid = out.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            _runs(cell.paragraphs[0], value)


def to_html(doc: Document) -> str:
    return render_to_string("pdf/document.html", {"doc": doc, "lang": (get_language() or "nl")[:2]})


def to_pdf(doc: Document) -> bytes:
    # Imported here, as report_views does: WeasyPrint costs ~1 s and log lines at import.
    from .report import html_to_pdf

    return html_to_pdf(to_html(doc))


def marked(text: str) -> list[tuple[bool, str]]:
    """(is placeholder, text) parts, for the HTML template."""
    return [(bool(PLACEHOLDER.fullmatch(p)), p) for p in PLACEHOLDER.split(text) if p]


def docx_text(content: bytes) -> str:
    """The text of a DOCX (paragraphs and table cells), as a reader of the file sees it."""
    doc = DocxDocument(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def rows(values: Sequence[Sequence[object]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(v) for v in row) for row in values)
