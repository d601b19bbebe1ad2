"""Household import: read a CSV or XLSX file, check every row, then write all or nothing.

`read_table` turns an upload into row dicts keyed by column header; `check_households` plans
what an import would do without writing; `import_households` applies that plan in one
transaction. The address (postcode, house number, suffix) is the key: a known address is
updated, never duplicated.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import IO

import openpyxl
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from . import plausibility
from .import_forms import (
    HEADER_ALIASES,
    KEEP_WHEN_EMPTY,
    MODEL_FIELDS,
    Cell,
    HouseholdRowForm,
    alias_key,
)
from .models import Household, Pilot
from .models.household import ChangeSource

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 50
# A 5 MB workbook of household rows unpacks to a few tens of MB at most; more is a zip bomb.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_XLSX_MEMBERS = 500
# The spreadsheet row of each dict, so errors point at the row the user sees in Excel.
ROW = "_rij"
# Filled cells beyond the header's named columns: "te veel kolommen", reported per row.
EXTRA = "_extra"
REQUIRED_COLUMNS = ("straat", "huisnummer", "postcode", "woningtype")


class TableError(Exception):
    """The file as a whole cannot be read; the message is Dutch and shown as is."""


class TooManyRows(TableError):
    """Over MAX_ROWS: refused, but the first MAX_ROWS rows come along so their errors show."""

    def __init__(self, message: str, rows: list[dict[str, Cell]]) -> None:
        super().__init__(message)
        self.rows = rows


# --- Reading ----------------------------------------------------------------------------------


def read_table(upload: IO[bytes]) -> list[dict[str, Cell]]:
    """Rows of a CSV or XLSX upload as {column: cell, ROW: spreadsheet row number}.

    Known headers are normalised ('Woonoppervlak m²' → 'woonoppervlak_m2'); unknown ones are
    kept verbatim, so the check can warn about them. Raises TableError with a Dutch message.
    """
    name = (getattr(upload, "name", "") or "").lower()
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TableError(
            _("Het bestand is groter dan %(mb)d MB. Splits het in kleinere bestanden.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if not data.strip():
        raise TableError(_("Het bestand is leeg."))
    if name.endswith(".xlsm"):
        raise TableError(str(MACROS_REFUSED))
    if data.startswith(b"PK\x03\x04") or name.endswith(".xlsx"):
        grid = _xlsx_rows(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise TableError(
            _("Oude Excel-bestanden (.xls) worden niet ondersteund. Sla op als .xlsx of .csv.")
        )
    elif name.endswith((".csv", ".txt")) or not name:
        grid = _csv_rows(data)
    else:
        raise TableError(_("Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx)."))
    with contextlib.closing(grid):
        return _to_dicts(grid)


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst"
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise TableError(_("Dit is geen tekstbestand. Sla het op als CSV (UTF-8) of .xlsx."))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # Excel's "CSV (gescheiden door lijstscheidingsteken)"
            except UnicodeDecodeError:
                raise TableError(
                    _("De tekens in het bestand zijn niet te lezen. Sla het op als CSV (UTF-8).")
                ) from None
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [_unescape(cell) for cell in cells[:MAX_COLUMNS]]
    except csv.Error as error:
        raise TableError(
            _("Regel %(line)d is geen geldige CSV: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None


def _delimiter(header_line: str) -> str:
    """The separator that splits the header into the most known column names; ';' on a tie."""

    def known(sep: str) -> tuple[int, int]:
        cells = header_line.split(sep)
        return sum(alias_key(c) in HEADER_ALIASES for c in cells), len(cells)

    return max([";", ",", "\t"], key=known)


MACROS_REFUSED = gettext_lazy(
    "Werkmappen met macro’s (.xlsm) worden niet ingelezen. Sla het bestand op als "
    "Excel-werkmap (.xlsx) of als CSV en upload het opnieuw."
)


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    not_xlsx = _("Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als .xlsx of .csv.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TableError(not_xlsx) from None
    # A macro workbook renamed to .xlsx still carries its VBA project: refused all the same.
    if any(m.filename.lower().endswith("vbaproject.bin") for m in members):
        raise TableError(str(MACROS_REFUSED))
    # Checked before openpyxl unpacks anything; zipfile stops at each member's declared size.
    if len(members) > MAX_XLSX_MEMBERS or (
        sum(m.file_size for m in members) > MAX_XLSX_UNPACKED_BYTES
    ):
        raise TableError(_("Het Excel-bestand is uitgepakt te groot om in te lezen."))
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises KeyError, XML and zip errors alike for a damaged file
        raise TableError(not_xlsx) from None
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            yield number, [_xlsx_cell(value) for value in values]
    except TableError:
        raise
    except Exception:  # as above: a damaged sheet fails in many ways, all mean "not readable"
        raise TableError(not_xlsx) from None
    finally:
        workbook.close()


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return _unescape(str(value))


def _unescape(text: str) -> str:
    # Our exports put an apostrophe before = + - @ (against formula injection); undo that here.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def _to_dicts(grid: Iterable[tuple[int, list[Cell]]]) -> list[dict[str, Cell]]:
    rows = iter(grid)
    header = next((cells for _n, cells in rows if any(_filled(c) for c in cells)), None)
    if header is None:
        raise TableError(_("Het bestand is leeg."))
    columns = _columns(header)
    result: list[dict[str, Cell]] = []
    for number, cells in rows:
        if not any(_filled(c) for c in cells):
            continue
        if len(result) == MAX_ROWS:
            raise TooManyRows(
                _("Het bestand heeft meer dan %(max)s rijen. Splits het in kleinere bestanden.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")},
                rows=result,
            )
        row: dict[str, Cell] = {name: "" for name in columns if name}
        row.update({name: cell for name, cell in zip(columns, cells, strict=False) if name})
        row[ROW] = number
        # Cells past the header, or under an empty header cell, would be dropped unseen.
        extra = [
            index
            for index, cell in enumerate(cells)
            if _filled(cell) and (index >= len(columns) or not columns[index])
        ]
        if extra:
            row[EXTRA] = extra[0] + 1  # the first such column, 1-based as in a spreadsheet
        result.append(row)
    if not result:
        raise TableError(_("Het bestand bevat alleen een kopregel en geen huishoudens."))
    return result


def _columns(header: list[Cell]) -> list[str | None]:
    columns: list[str | None] = []
    for cell in header:
        text = str(cell).strip()
        columns.append(HEADER_ALIASES.get(alias_key(text), text) if text else None)
    if not set(columns) & set(MODEL_FIELDS):
        raise TableError(
            _(
                "De eerste regel bevat geen bekende kolomnamen. Gebruik de kolommen uit het "
                "sjabloon, zoals straat, huisnummer, postcode en woningtype."
            )
        )
    seen: set[str] = set()
    for name in columns:
        if name and name in seen:
            raise TableError(
                _("De kolom “%(column)s” staat twee keer in het bestand.") % {"column": name}
            )
        seen.add(name or "")
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        raise TableError(
            _("Verplichte kolom ontbreekt: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    return columns


def _filled(cell: Cell) -> bool:
    return cell is not None and str(cell).strip() != ""


# --- Checking and writing ---------------------------------------------------------------------


class Action(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"

    @property
    def label(self) -> str:
        return str(ACTION_LABELS[self])


ACTION_LABELS = {
    Action.NEW: gettext_lazy("nieuw"),
    Action.UPDATE: gettext_lazy("bijwerken"),
    Action.UNCHANGED: gettext_lazy("ongewijzigd"),
}

Key = tuple[str, int, str]  # postcode, house number, suffix


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class PlannedRow:
    row: int
    action: Action
    address: str
    changes: tuple[str, ...]  # "bouwjaar: 1932 → 1935", Dutch display values


@dataclass
class ImportPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Values that pass but are far outside the building type's range: shown, not blocking.
    row_warnings: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: Action) -> int:
        return sum(row.action == action for row in self.rows)

    @property
    def new(self) -> int:
        return self.count(Action.NEW)

    @property
    def updated(self) -> int:
        return self.count(Action.UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(Action.UNCHANGED)


@dataclass
class _CleanRow:
    row: int
    key: Key
    values: dict[str, object]  # Household field → value, only for columns to write
    commitment: str | None


def validate_rows(rows: list[dict[str, Cell]]) -> ImportPlan:
    """Only the row checks (errors and warnings), without looking at the pilot's households."""
    return _validate(rows)[0]


def check_households(pilot: Pilot, rows: list[dict[str, Cell]]) -> ImportPlan:
    """What importing `rows` would do: errors, or per row new / update / unchanged. No writes."""
    plan, clean = _validate(rows)
    if plan.ok:
        existing = _by_key(Household.objects.filter(pilot=pilot))
        _plan(plan, clean, existing, pilot)
    return plan


def import_households(pilot: Pilot, rows: list[dict[str, Cell]], by: object) -> ImportPlan:
    """Validate every row; if all pass, upsert them all in one transaction, else write nothing.

    Commitment changes go through `Household.set_commitments`, so each one gets its history
    row; an identical re-import changes nothing and writes no history.
    """
    plan, clean = _validate(rows)
    if not plan.ok:
        return plan
    try:
        with transaction.atomic():
            # One import per pilot at a time; its rows stay locked until the import commits.
            Pilot.objects.select_for_update().filter(pk=pilot.pk).get()
            existing = _by_key(Household.objects.select_for_update().filter(pilot=pilot))
            _write(_plan(plan, clean, existing, pilot), clean, by)
    except IntegrityError:
        # The pilot lock does not hold back one household added by hand at the same moment.
        plan.rows.clear()
        plan.errors.append(
            RowError(0, "", _("De database weigerde de import; er is niets opgeslagen."))
        )
    return plan


def _write(
    targets: list[tuple[Household, Action, list[str]]], clean: list[_CleanRow], by: object
) -> None:
    Household.objects.bulk_create(
        [household for household, action, _fields in targets if action == Action.NEW],
        batch_size=500,
    )
    now, to_update, fields = timezone.now(), [], set()
    for household, action, changed in targets:
        changed_fields = set(changed) - {"commitment"}
        if action == Action.UPDATE and changed_fields:
            household.version += 1  # as an inline edit does: an open edit form is now stale
            household.updated_at = now
            to_update.append(household)
            fields |= changed_fields
    if to_update:
        Household.objects.bulk_update(
            to_update, [*sorted(fields), "version", "updated_at"], batch_size=500
        )
    Household.set_commitments(
        [
            (household, row.commitment)
            for (household, _action, _fields), row in zip(targets, clean, strict=True)
            if row.commitment is not None
        ],
        by=by,
        source=ChangeSource.IMPORT,
    )


def _validate(rows: list[dict[str, Cell]]) -> tuple[ImportPlan, list[_CleanRow]]:
    plan, clean = ImportPlan(), []
    unknown = sorted(
        {c for row in rows for c in row if c not in MODEL_FIELDS and c not in (ROW, EXTRA)}
    )
    if unknown:
        plan.warnings.append(
            _("Onbekende kolommen genegeerd: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    first_row: dict[Key, int] = {}
    for index, row in enumerate(rows):
        number = int(row.get(ROW) or index + 2)  # header is row 1
        form = HouseholdRowForm(data=row)
        if row.get(EXTRA):
            plan.errors.append(_too_many_columns(number, int(row[EXTRA])))
        if not form.is_valid():
            for column, messages in form.errors.items():
                plan.errors.extend(RowError(number, column, str(m)) for m in messages)
            continue
        data = form.cleaned_data
        plan.row_warnings.extend(_implausible(number, data))
        key = (data["postcode"], data["huisnummer"], data["toevoeging"])
        if key in first_row:
            plan.errors.append(
                RowError(
                    number,
                    _("adres"),
                    _("Dit adres staat ook in rij %(row)d van het bestand.")
                    % {"row": first_row[key]},
                )
            )
            continue
        first_row[key] = number
        values: dict[str, object] = {
            "street": data["straat"],
            "house_number": data["huisnummer"],
            "suffix": data["toevoeging"],
            "postcode": data["postcode"],
        }
        for column in MODEL_FIELDS:
            value = data[column]
            if column not in row or column == "commitment":
                continue  # a column missing from the file keeps the current value
            if value is None and column in KEEP_WHEN_EMPTY:
                continue  # so does an empty cell where empty is no value (the default if new)
            values[MODEL_FIELDS[column]] = (
                "" if value is None and column == "energielabel" else value
            )
        commitment = data.get("commitment") if "commitment" in row else None
        clean.append(_CleanRow(number, key, values, commitment))
    return plan, clean


def _too_many_columns(number: int, first_extra: int) -> RowError:
    letter = get_column_letter(min(first_extra, 16_384))
    return RowError(
        number,
        _("kolom %(letter)s") % {"letter": letter},
        _(
            "Te veel kolommen: deze rij heeft een gevulde cel in kolom %(letter)s, waar de "
            "kopregel geen kolomnaam heeft. Verwijder de cel of geef de kolom een naam."
        )
        % {"letter": letter},
    )


def _implausible(number: int, data: dict) -> list[RowError]:
    warnings = []
    for found in plausibility.check(
        data["woningtype"], data["gasverbruik_m3"], data["woonoppervlak_m2"]
    ):
        params = {
            "value": _dutch(found.value),
            "typical": _dutch(round(found.bound.typical.value)),
            "low": _dutch(round(found.bound.low)),
            "high": _dutch(round(found.bound.high)),
            "source": found.bound.typical.source,
        }
        if found.field == "gas_m3_per_year":
            message = _(
                "%(value)s m³ gas per jaar ligt ver buiten wat gangbaar is voor dit woningtype "
                "(%(low)s–%(high)s m³; gemiddeld %(typical)s m³, %(source)s). Klopt het getal, "
                "of is een punt of komma verkeerd gelezen?"
            )
        else:
            message = _(
                "%(value)s m² woonoppervlak ligt ver buiten wat gangbaar is voor dit woningtype "
                "(%(low)s–%(high)s m²; gemiddeld %(typical)s m², %(source)s). Klopt het getal?"
            )
        warnings.append(RowError(number, COLUMN_OF[found.field], message % params))
    return warnings


def _dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _by_key(households: Iterable[Household]) -> dict[Key, Household]:
    return {(h.postcode, h.house_number, h.suffix.upper()): h for h in households}


def _plan(
    plan: ImportPlan, clean: list[_CleanRow], existing: dict[Key, Household], pilot: Pilot
) -> list[tuple[Household, Action, list[str]]]:
    """Fill `plan.rows` and return each row's household (new or existing, values applied)."""
    targets = []
    for row in clean:
        household = existing.get(row.key)
        if household is None:
            household = Household(pilot=pilot, **row.values)
            targets.append((household, Action.NEW, list(row.values)))
            plan.rows.append(PlannedRow(row.row, Action.NEW, household.address, ()))
            continue
        changed, described = [], []
        for model_field, value in row.values.items():
            if model_field == "suffix":
                continue  # part of the key; only its case can differ, keep what is stored
            old = getattr(household, model_field)
            if old != value:
                changed.append(model_field)
                described.append(_describe(model_field, old, value))
        if row.commitment is not None and row.commitment != household.commitment:
            changed.append("commitment")
            described.append(_describe("commitment", household.commitment, row.commitment))
        for model_field in changed:
            if model_field != "commitment":
                setattr(household, model_field, row.values[model_field])
        action = Action.UPDATE if changed else Action.UNCHANGED
        targets.append((household, action, changed))
        plan.rows.append(PlannedRow(row.row, action, household.address, tuple(described)))
    return targets


COLUMN_OF = {model_field: column for column, model_field in MODEL_FIELDS.items()}


def _describe(model_field: str, old: object, new: object) -> str:
    return f"{COLUMN_OF[model_field]}: {display(model_field, old)} → {display(model_field, new)}"


def display(model_field: str, value: object) -> str:
    """A Household value as the file shows it: Dutch choice labels, ja/nee, '' for empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    choices = Household._meta.get_field(model_field).choices
    if choices and model_field != "energy_label":
        with translation.override("nl"):
            return str(dict(choices).get(value, value))
    return str(value)
