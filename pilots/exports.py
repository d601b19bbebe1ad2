"""Households out as CSV or XLSX, in the columns the import reads back unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.utils import translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .import_forms import COLUMN_HELP, MODEL_FIELDS, Cell, HouseholdRowForm
from .imports import display
from .models import Household

COLUMNS = list(MODEL_FIELDS)
NUMERIC = {"house_number", "construction_year", "floor_area_m2", "gas_m3_per_year"}
# A realistic first row for the template: a CBS mid-terrace house of the 1930s.
EXAMPLE = {
    "straat": "Oudwijkerdwarsstraat",
    "huisnummer": 12,
    "toevoeging": "A",
    "postcode": "3581LJ",
    "woningtype": "Tussenwoning",
    "bouwjaar": 1932,
    "woonoppervlak_m2": 95,
    "energielabel": "D",
    "gasverbruik_m3": 1350,
    "verwarming": "Cv-ketel op gas",
    "eigendom": "Eigenaar-bewoner",
    "woningcorporatie": "",
    "toestemming_contact": "ja",
    "commitment": "Geïnteresseerd",
}
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheets read a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def household_rows(households: Iterable[Household]) -> list[list[Cell]]:
    rows: list[list[Cell]] = [list(COLUMNS)]
    with translation.override("nl"):
        for household in households:
            row: list[Cell] = []
            for model_field in MODEL_FIELDS.values():
                value = getattr(household, model_field)
                row.append(value if model_field in NUMERIC else display(model_field, value))
            rows.append(row)
    return rows


def template_rows() -> list[list[Cell]]:
    return [list(COLUMNS), [EXAMPLE[column] for column in COLUMNS]]


def column_help() -> list[list[Cell]]:
    """The template's second sheet: what each column takes."""
    with translation.override("nl"):
        rows: list[list[Cell]] = [["kolom", "verplicht", "toelichting"]]
        for name, form_field in HouseholdRowForm.base_fields.items():
            required = "ja" if form_field.required else "nee"
            rows.append([name, required, str(COLUMN_HELP[name])])
    return rows


def to_csv(rows: Sequence[Sequence[Cell]]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM: what Dutch Excel opens without an import wizard."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(sheets: dict[str, Sequence[Sequence[Cell]]]) -> bytes:
    """One sheet per entry, first row bold; text cells are never written as formulas."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for index, width in enumerate(_widths(rows)):
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
        for number, row in enumerate(rows):
            cells = []
            for value in row:
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
                cell = WriteOnlyCell(sheet, value=value)
                if number == 0:
                    cell.font = Font(bold=True)
                cells.append(cell)
            sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _widths(rows: Sequence[Sequence[Cell]]) -> list[float]:
    widths: list[float] = []
    for row in rows[:200]:
        for index, value in enumerate(row):
            length = min(len(str(value or "")), 60) + 2
            if index == len(widths):
                widths.append(length)
            widths[index] = max(widths[index], length)
    return widths
