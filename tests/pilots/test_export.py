"""Household export (CSV, XLSX) and the import template: columns, injection, round trips."""

import csv
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from pilots.imports import check_households, import_households, read_table
from pilots.models import CommitmentChange, Household
from pilots.models.household import BuildingType, Commitment, Tenure
from tests.conftest import Cast
from tests.factories import HouseholdFactory

HEADER = (
    "straat;huisnummer;toevoeging;postcode;woningtype;bouwjaar;woonoppervlak_m2;energielabel;"
    "gasverbruik_m3;verwarming;eigendom;woningcorporatie;toestemming_contact;commitment"
)


def _export(client: Client, cast: Cast, fmt: str) -> bytes:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("pilots:export", args=[cast.pilot.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="huishoudens-')
    return response.content


def _as_upload(content: bytes, name: str) -> io.BytesIO:
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_csv_export_is_semicolon_separated_utf8_with_bom(client: Client, cast: Cast) -> None:
    HouseholdFactory(
        pilot=cast.pilot,
        street="Clémentinelaan",
        house_number=3,
        suffix="BIS",
        postcode="3533AB",
        building_type=BuildingType.END_TERRACE,
        tenure=Tenure.SOCIAL_RENT,
        housing_corporation="Mitros",
        contact_consent=True,
        commitment=Commitment.INTENT,
    )
    content = _export(client, cast, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER
    assert (
        "Clémentinelaan;3;BIS;3533AB;Hoekwoning;1932;95;D;1350;Cv-ketel op gas;"
        "Huurder (woningcorporatie);Mitros;ja;Intentie (intentieverklaring)"
    ) in lines
    assert len(lines) == 1 + Household.objects.filter(pilot=cast.pilot).count()


def test_csv_export_is_an_attachment_the_browser_does_not_cache(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)  # personal data: the gemeente gets 403 (issue 21)
    response = client.get(reverse("pilots:export", args=[cast.pilot.pk, "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("street", ['=HYPERLINK("http://x")', "+31 6", "-1+1", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised_in_both_formats(
    client: Client, cast: Cast, street: str
) -> None:
    HouseholdFactory(pilot=cast.pilot, street=street, postcode="3533AB", house_number=1)
    csv_text = _export(client, cast, "csv").decode("utf-8-sig")
    csv_streets = [row[0] for row in csv.reader(io.StringIO(csv_text), delimiter=";")]
    sheet = openpyxl.load_workbook(io.BytesIO(_export(client, cast, "xlsx"))).active
    xlsx_streets = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    for streets in (csv_streets, xlsx_streets):
        assert f"'{street}" in streets
        assert street not in streets


def test_xlsx_export_then_import_changes_nothing(client: Client, cast: Cast) -> None:
    HouseholdFactory(
        pilot=cast.pilot,
        street="=Formulestraat",
        house_number=7,
        suffix="A",
        postcode="3533AB",
        construction_year=None,
        floor_area_m2=None,
        gas_m3_per_year=None,
        energy_label="",
        contact_consent=True,
        commitment=Commitment.SIGNED,
    )
    before = list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values())
    rows = read_table(_as_upload(_export(client, cast, "xlsx"), "export.xlsx"))
    plan = import_households(cast.pilot, rows, by=cast.kwartiermaker)
    assert plan.ok
    assert (plan.new, plan.updated, plan.unchanged) == (0, 0, len(before))
    assert list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values()) == before
    assert not CommitmentChange.objects.exists()


def test_csv_export_then_import_changes_nothing(client: Client, cast: Cast) -> None:
    rows = read_table(_as_upload(_export(client, cast, "csv"), "export.csv"))
    plan = check_households(cast.pilot, rows)
    assert plan.ok
    assert plan.unchanged == Household.objects.filter(pilot=cast.pilot).count() == len(rows)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_has_the_headers_and_an_example_row_that_imports(
    client: Client, cast: Cast, fmt: str
) -> None:
    client.force_login(cast.gemeente_utrecht)
    response = client.get(reverse("pilots:import_template", args=[fmt]))
    assert response.status_code == 200
    assert 'filename="sjabloon-huishoudens.' in response["Content-Disposition"]
    [row] = read_table(_as_upload(response.content, f"sjabloon.{fmt}"))
    assert row["straat"] == "Oudwijkerdwarsstraat"
    plan = check_households(cast.pilot, [row])
    assert (plan.ok, plan.new) == (True, 1)


def test_the_xlsx_template_explains_every_column(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(reverse("pilots:import_template", args=["xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Huishoudens", "Toelichting"]
    notes = list(workbook["Toelichting"].iter_rows(values_only=True))
    assert notes[0] == ("kolom", "verplicht", "toelichting")
    assert ("postcode", "ja", "Zoals 3511AB of 3511 ab.") in notes
    assert len(notes) == 1 + len(HEADER.split(";"))


@pytest.mark.parametrize("fmt", ["pdf", "xls", "CSV"])
def test_an_unknown_format_is_not_found(client: Client, cast: Cast, fmt: str) -> None:
    client.force_login(cast.kwartiermaker)
    assert client.get(reverse("pilots:export", args=[cast.pilot.pk, fmt])).status_code == 404
    assert client.get(reverse("pilots:import_template", args=[fmt])).status_code == 404


def test_gemeente_other_cannot_export_the_utrecht_pilot(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    url = reverse("pilots:export", args=[cast.pilot.pk, "xlsx"])
    assert client.get(url).status_code == 404
