"""The import never stores wrong data silently: file in → preview messages, nothing stored.

Every case uploads a file through the import page and checks the Dutch message of the
preview, that a file with errors offers no confirm button, and that nothing reached the
database (the preview never writes; a refused file cannot be confirmed).
"""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pilots.imports import MAX_ROWS, check_households
from pilots.models import Household
from pilots.plausibility import FLOOR_AREA_M2, GAS_M3, check
from tests.conftest import Cast

HEADER = "straat;huisnummer;toevoeging;postcode;woningtype;woonoppervlak_m2;gasverbruik_m3"
OK = "Kennedylaan;1;;3533AB;Tussenwoning;95;1.350"


def _csv(*lines: str, name: str = "huishoudens.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode(), "text/csv")


def _xlsx_bytes(rows: list[list[object]], *, macros: bool = False) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if not macros:
        return buffer.getvalue()
    # What Excel adds to a macro workbook: the VBA project part.
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for member in source.infolist():
            target.writestr(member, source.read(member))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 vba")
    return out.getvalue()


XLSX_HEADER = ["straat", "huisnummer", "postcode", "woningtype", "gasverbruik_m3"]


def _xlsx(
    rows: list[list[object]], name: str = "huishoudens.xlsx", **kw: bool
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _xlsx_bytes([XLSX_HEADER, *rows], **kw))


def _many_rows_with_a_bad_one() -> SimpleUploadedFile:
    lines = [f"Kennedylaan;{n};;3533AB;Tussenwoning;;" for n in range(1, MAX_ROWS + 2)]
    lines[1] = "Kennedylaan;2;;3533AB;Woonboot;;"  # spreadsheet row 3
    return _csv(*lines)


@dataclass(frozen=True)
class Case:
    upload: Callable[[], SimpleUploadedFile]
    messages: tuple[str, ...]
    refused: bool = True  # False: a warning only, the preview may be confirmed


CASES = {
    "dutch decimal comma read as thousands is ambiguous": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;1,350"),
        (
            "Dubbelzinnig getal “1,350”: met een decimale komma is het 1,35, met een komma "
            "als duizendtal 1.350.",
            "Schrijf het zonder scheidingsteken (1350)",
        ),
    ),
    "ambiguous floor area": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;1,200;"),
        ("Dubbelzinnig getal “1,200”",),
    ),
    "a decimal gas use is refused, not rounded": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;1350,5"),
        ("Vul een heel getal in, zonder decimalen: “1350,5” wordt niet afgerond.", "1350 of 1351"),
    ),
    "a decimal floor area is refused": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;85,5;"),
        ("“85,5” wordt niet afgerond",),
    ),
    "a dutch thousands-and-decimal number is refused": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;1.350,5"),
        ("“1.350,5” wordt niet afgerond",),
    ),
    "a leading-zero decimal is a decimal": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;0,350"),
        ("“0,350” wordt niet afgerond",),
    ),
    "an xlsx number with decimals is refused": Case(
        lambda: _xlsx([["Kennedylaan", 1, "3533AB", "Tussenwoning", 1350.5]]),
        ("“1350.5” wordt niet afgerond",),
    ),
    "more cells than the header": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;1.350;extra"),
        ("Te veel kolommen: deze rij heeft een gevulde cel in kolom H",),
    ),
    "a cell under an empty header cell": Case(
        lambda: SimpleUploadedFile(
            "h.csv", b"straat;huisnummer;;postcode;woningtype\nA;1;vergeten;3533AB;Villa\n"
        ),
        ("Te veel kolommen: deze rij heeft een gevulde cel in kolom C",),
    ),
    "an xlsx row wider than its header": Case(
        lambda: _xlsx([["Kennedylaan", 1, "3533AB", "Tussenwoning", 1350, "", "opmerking"]]),
        ("gevulde cel in kolom G",),
    ),
    "a macro workbook by name": Case(
        lambda: _xlsx([["Kennedylaan", 1, "3533AB", "Tussenwoning", 1350]], name="m.xlsm"),
        ("Werkmappen met macro’s (.xlsm) worden niet ingelezen.",),
    ),
    "a macro workbook renamed to xlsx": Case(
        lambda: _xlsx([["Kennedylaan", 1, "3533AB", "Tussenwoning", 1350]], macros=True),
        ("Werkmappen met macro’s (.xlsm) worden niet ingelezen.",),
    ),
    "over the row cap the first row errors still show": Case(
        _many_rows_with_a_bad_one,
        (
            "Het bestand heeft meer dan 5.000 rijen. Splits het in kleinere bestanden.",
            "Onbekende waarde “Woonboot”",
        ),
    ),
    "1 m³ gas for a tussenwoning is flagged": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Tussenwoning;95;1"),
        (
            "1 m³ gas per jaar ligt ver buiten wat gangbaar is voor dit woningtype "
            "(338–4.050 m³; gemiddeld 1.350 m³, CBS 81528NED, Venlo 2021 (voorlopig), "
            "tussenwoning).",
        ),
        refused=False,
    ),
    "an apartment's gas use three times the average is flagged": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Appartement hoogbouw;70;9.000"),
        ("9.000 m³ gas per jaar ligt ver buiten",),
        refused=False,
    ),
    "a tiny detached house is flagged": Case(
        lambda: _csv("Kennedylaan;1;;3533AB;Vrijstaand;20;"),
        (
            "20 m² woonoppervlak ligt ver buiten wat gangbaar is voor dit woningtype "
            f"({round(FLOOR_AREA_M2['detached'].low)}–{round(FLOOR_AREA_M2['detached'].high)} m²",
        ),
        refused=False,
    ),
}


def _preview(client: Client, cast: Cast, upload: SimpleUploadedFile) -> object:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:import", args=[cast.pilot.pk])
    return client.post(url, {"step": "preview", "bestand": upload})


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_doubtful_file_gets_a_preview_message_and_stores_nothing(
    client: Client, cast: Cast, case: Case
) -> None:
    before = Household.objects.count()
    response = _preview(client, cast, case.upload())
    for message in case.messages:
        assert message in response.text
    assert response.status_code == (422 if case.refused else 200)
    assert ("confirm_form" in response.context) is not case.refused
    assert Household.objects.count() == before


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(OK, id="dutch thousands dot"),
        pytest.param("Kennedylaan;1;;3533AB;Tussenwoning;95;1350;;", id="trailing empty cells"),
        pytest.param("Kennedylaan;1;;3533AB;Tussenwoning;95;0", id="no gas at all"),
        pytest.param("Kennedylaan;1;;3533AB;Tussenwoning;95;", id="gas unknown"),
    ],
)
def test_ordinary_values_pass_without_a_message(client: Client, cast: Cast, line: str) -> None:
    response = _preview(client, cast, _csv(line))
    assert response.status_code == 200
    assert "confirm_form" in response.context
    assert not response.context["plan"].row_warnings
    assert "Controleer" not in response.text


def test_a_warning_names_its_row_and_column_and_does_not_block(cast: Cast) -> None:
    rows = [
        {"straat": "A", "huisnummer": "1", "postcode": "3533AB", "woningtype": "Tussenwoning"},
        {
            "straat": "A",
            "huisnummer": "2",
            "postcode": "3533AB",
            "woningtype": "Tussenwoning",
            "gasverbruik_m3": "5",
            "_rij": 9,
        },
    ]
    plan = check_households(cast.pilot, rows)
    assert plan.ok
    [warning] = plan.row_warnings
    assert (warning.row, warning.column) == (9, "gasverbruik_m3")


@pytest.mark.parametrize(
    ("building_type", "gas", "area", "flagged"),
    [
        ("mid_terrace", 1350, 115, []),
        ("mid_terrace", 337, None, ["gas_m3_per_year"]),
        ("mid_terrace", 338, None, []),
        ("mid_terrace", 4050, None, []),
        ("mid_terrace", 4051, None, ["gas_m3_per_year"]),
        ("apartment_low", None, 400, ["floor_area_m2"]),
        ("detached", 1, 20, ["gas_m3_per_year", "floor_area_m2"]),
        ("detached", 0, None, []),
    ],
)
def test_plausible_bounds_per_type(
    building_type: str, gas: int | None, area: int | None, flagged: list[str]
) -> None:
    assert [found.field for found in check(building_type, gas, area)] == flagged


def test_every_building_type_has_bounds_with_a_source() -> None:
    from pilots.models.household import BuildingType

    assert set(GAS_M3) == set(BuildingType.values)
    assert all(bound.typical.source for bound in GAS_M3.values())
