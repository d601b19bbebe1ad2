"""Household import: reading CSV/XLSX, every row error in Dutch, all-or-nothing, re-import."""

import io
import time
import zipfile

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse

from pilots.imports import (
    MAX_BYTES,
    MAX_ROWS,
    TableError,
    check_households,
    import_households,
    read_table,
)
from pilots.models import CommitmentChange, Household
from pilots.models.household import ChangeSource, Commitment
from tests.conftest import Cast
from tests.factories import HouseholdFactory, PilotFactory

HEADER = "straat;huisnummer;toevoeging;postcode;woningtype;woonoppervlak_m2;gasverbruik_m3"


def _file(text: str, name: str = "huishoudens.csv", encoding: str = "utf-8") -> io.BytesIO:
    upload = io.BytesIO(text.encode(encoding))
    upload.name = name
    return upload


def _xlsx(rows: list[list[object]], name: str = "huishoudens.xlsx") -> io.BytesIO:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    upload = io.BytesIO()
    workbook.save(upload)
    upload.seek(0)
    upload.name = name
    return upload


def _rows(n: int, start: int = 1, **overrides: object) -> list[dict[str, object]]:
    """n valid rows for import_households, numbered from `start`."""
    return [
        {
            "straat": "Kennedylaan",
            "huisnummer": str(number),
            "postcode": "3533AB",
            "woningtype": "Tussenwoning",
            "gasverbruik_m3": "1.350",
            **overrides,
        }
        for number in range(start, start + n)
    ]


def _imported(cast: Cast) -> QuerySet[Household]:
    # The cast's own households live at 3581LJ; every imported row here is at 3533AB.
    return Household.objects.filter(pilot=cast.pilot, postcode="3533AB")


def _table_error(upload: io.BytesIO) -> str:
    with pytest.raises(TableError) as caught:
        read_table(upload)
    return str(caught.value)


# --- Reading ----------------------------------------------------------------------------------


def test_semicolon_csv_with_bom_and_decimal_comma_is_read() -> None:
    upload = _file(f"\ufeff{HEADER}\nKennedylaan;12a;;3511 ab;tussenwoning;85,5;1.350\n")
    [row] = read_table(upload)
    assert row["straat"] == "Kennedylaan"
    assert row["woonoppervlak_m2"] == "85,5"
    assert row["_rij"] == 2


def test_comma_csv_without_bom_is_read() -> None:
    upload = _file('straat,huisnummer,postcode,woningtype\nKennedylaan,12,3511AB,"Tussenwoning"\n')
    assert read_table(upload)[0]["woningtype"] == "Tussenwoning"


def test_windows_1252_csv_keeps_accents() -> None:
    upload = _file(f"{HEADER}\nClémentinelaan;3;;3511AB;Hoekwoning;;\n", encoding="cp1252")
    assert read_table(upload)[0]["straat"] == "Clémentinelaan"


def test_headers_are_matched_case_and_space_insensitively() -> None:
    upload = _file(
        " Straat ;HUISNUMMER;Postcode;Woning type; Woonoppervlak (m²) \nA;1;3511AB;villa;90\n"
    )
    assert set(read_table(upload)[0]) == {
        "straat",
        "huisnummer",
        "postcode",
        "woningtype",
        "woonoppervlak_m2",
        "_rij",
    }


def test_xlsx_is_read_with_numbers_as_numbers_and_blank_rows_skipped() -> None:
    upload = _xlsx(
        [
            ["straat", "huisnummer", "postcode", "woningtype", "woonoppervlak_m2"],
            ["Kennedylaan", 12, "3511AB", "Tussenwoning", 85.5],
            [None, None, None, None, None],
            ["Kennedylaan", 14.0, "3511AB", "Tussenwoning", None],
        ]
    )
    first, second = read_table(upload)
    assert (first["huisnummer"], first["woonoppervlak_m2"]) == (12, 85.5)
    assert (second["huisnummer"], second["_rij"]) == (14, 4)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        pytest.param(b"", "leeg.csv", "Het bestand is leeg.", id="empty"),
        pytest.param(
            HEADER.encode(), "kop.csv", "alleen een kopregel en geen huishoudens", id="header only"
        ),
        pytest.param(
            b"straat;huisnummer;postcode\nA;1;3511AB\n",
            "x.csv",
            "Verplichte kolom ontbreekt: woningtype.",
            id="missing required column",
        ),
        pytest.param(
            b"naam;adres\nJan;Kerkstraat 1\n",
            "x.csv",
            "De eerste regel bevat geen bekende kolomnamen.",
            id="no known header",
        ),
        pytest.param(
            b"straat;huisnummer;postcode;woningtype;Straat\n",
            "x.csv",
            "De kolom “straat” staat twee keer in het bestand.",
            id="duplicate column",
        ),
        pytest.param(
            b"straat\x00;\x00", "x.csv", "Dit is geen tekstbestand.", id="binary renamed .csv"
        ),
        pytest.param(
            b"%PDF-1.7 not a spreadsheet",
            "x.pdf",
            "Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx).",
            id="wrong file type",
        ),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "oud.xls",
            "Oude Excel-bestanden (.xls) worden niet ondersteund.",
            id="old xls",
        ),
        pytest.param(
            HEADER.encode() + b"\n",
            "omgedoopt.xlsx",
            "Dit is geen geldig Excel-bestand (.xlsx).",
            id="csv renamed .xlsx",
        ),
    ],
)
def test_unreadable_files_get_a_dutch_message(content: bytes, name: str, message: str) -> None:
    upload = io.BytesIO(content)
    upload.name = name
    assert message in _table_error(upload)


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w") as archive:
        archive.writestr("readme.txt", "geen werkmap")
    upload.seek(0)
    upload.name = "huishoudens.xlsx"
    assert "Dit is geen geldig Excel-bestand (.xlsx)." in _table_error(upload)


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert upload.tell() < MAX_BYTES  # small on disk, 60 MB unpacked
    upload.seek(0)
    upload.name = "huishoudens.xlsx"
    assert "uitgepakt te groot" in _table_error(upload)


def test_more_than_5000_rows_is_refused() -> None:
    lines = "\n".join(f"Kennedylaan;{n};;3533AB;Tussenwoning;;" for n in range(1, MAX_ROWS + 2))
    message = _table_error(_file(f"{HEADER}\n{lines}\n"))
    assert message == "Het bestand heeft meer dan 5.000 rijen. Splits het in kleinere bestanden."


def test_exactly_5000_rows_is_accepted() -> None:
    lines = "\n".join(f"Kennedylaan;{n};;3533AB;Tussenwoning;;" for n in range(1, MAX_ROWS + 1))
    assert len(read_table(_file(f"{HEADER}\n{lines}\n"))) == MAX_ROWS


def test_more_than_5_mb_is_refused() -> None:
    padding = "x" * (MAX_BYTES + 1)
    assert "groter dan 5 MB" in _table_error(_file(f"{HEADER}\n{padding}"))


# --- Row errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("postcode", "0123AB", "Geen geldige Nederlandse postcode"),
        ("postcode", "3511 SA", "Geen geldige Nederlandse postcode"),
        ("woningtype", "Bungalow", "Onbekende waarde “Bungalow”. Kies uit: Vrijstaand / villa,"),
        ("woonoppervlak_m2", "-85", "Mag niet negatief zijn."),
        ("woonoppervlak_m2", "5.000", "Woonoppervlak moet tussen 15 en 2.000 m² liggen."),
        ("woonoppervlak_m2", "8", "Woonoppervlak moet tussen 15 en 2.000 m² liggen."),
        ("gasverbruik_m3", "veel", "Geen geldig getal: “veel”."),
        ("gasverbruik_m3", "25000", "Meer dan 20.000 m³ gas per jaar is niet aannemelijk"),
        ("bouwjaar", "1932,5", "Vul een heel getal in, zonder decimalen"),
        ("bouwjaar", "1200", "Bouwjaar moet tussen 1500 en nu liggen."),
        ("huisnummer", "twaalf", "Huisnummer moet een getal van 1 tot 99.999 zijn"),
        ("straat", "", "Verplicht veld is leeg."),
        ("huisnummer", " ", "Verplicht veld is leeg."),
        ("woningtype", "", "Verplicht veld is leeg."),
        ("toestemming_contact", "misschien", "Vul ja of nee in, niet “misschien”."),
        ("commitment", "enthousiast", "Onbekende waarde “enthousiast”."),
    ],
)
def test_each_row_error_names_row_column_and_dutch_message(
    cast: Cast, column: str, value: str, message: str
) -> None:
    rows = _rows(3)
    rows[1][column] = value
    rows[1]["_rij"] = 7
    plan = check_households(cast.pilot, rows)
    [error] = plan.errors
    assert (error.row, error.column) == (7, column)
    assert message in error.message


def test_a_duplicate_address_in_the_file_is_an_error(cast: Cast) -> None:
    rows = _rows(3)
    rows[2].update(huisnummer="1", postcode="3533 ab")
    [error] = check_households(cast.pilot, rows).errors
    assert (error.row, error.column) == (4, "adres")
    assert error.message == "Dit adres staat ook in rij 2 van het bestand."


def test_labels_codes_and_dutch_numbers_are_accepted(cast: Cast) -> None:
    rows = _rows(
        1,
        huisnummer="12-a",
        woningtype="mid_terrace",
        woonoppervlak_m2="85",
        gasverbruik_m3="1.350",
        eigendom="Huurder (woningcorporatie)",
        verwarming="hybride",
        energielabel="A++",
        toestemming_contact="Ja",
        commitment="getekend",
    )
    import_households(cast.pilot, rows, by=cast.kwartiermaker)
    household = _imported(cast).get()
    assert (household.house_number, household.suffix, household.postcode) == (12, "A", "3533AB")
    assert (household.floor_area_m2, household.gas_m3_per_year) == (85, 1350)
    assert (household.tenure, household.heating, household.energy_label) == (
        "social_rent",
        "hybrid",
        "A",
    )
    assert household.contact_consent is True
    assert household.commitment == Commitment.SIGNED


# --- All or nothing, re-import, history -------------------------------------------------------


def test_import_writes_nothing_when_one_row_is_invalid(cast: Cast) -> None:
    rows = _rows(5)
    rows[3]["postcode"] = "geen"
    plan = import_households(cast.pilot, rows, by=cast.kwartiermaker)
    assert len(plan.errors) == 1
    assert not _imported(cast).exists()


def test_a_bad_row_at_9999_of_10000_leaves_the_database_unchanged(cast: Cast) -> None:
    HouseholdFactory(pilot=cast.pilot, postcode="3533AB", house_number=1, gas_m3_per_year=900)
    before = list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values())
    rows = _rows(10_000, gasverbruik_m3="1200", commitment="Getekend")
    rows[9_998]["woningtype"] = "Woonboot"  # spreadsheet row 10,000 (row 1 is the header)
    started = time.perf_counter()
    plan = import_households(cast.pilot, rows, by=cast.kwartiermaker)
    assert time.perf_counter() - started < 10
    assert [(e.row, e.column) for e in plan.errors] == [(10_000, "woningtype")]
    assert list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values()) == before
    assert not CommitmentChange.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="uses a PL/pgSQL trigger")
def test_a_database_refusal_at_the_last_write_rolls_back_every_row(cast: Cast) -> None:
    """The database itself refuses the last history row: earlier inserts and updates go too."""
    HouseholdFactory(pilot=cast.pilot, postcode="3533AB", house_number=1, gas_m3_per_year=900)
    before = list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values())
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(
            """
            CREATE FUNCTION refuse_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.to_status = 'withdrawn' THEN
                    RAISE check_violation USING MESSAGE = 'test: refused';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_withdrawn BEFORE INSERT ON pilots_commitmentchange
                FOR EACH ROW EXECUTE FUNCTION refuse_withdrawn();
            """
        )
    rows = _rows(60, commitment="Geïnteresseerd")
    rows[-1]["commitment"] = "Afgehaakt"
    plan = import_households(cast.pilot, rows, by=cast.kwartiermaker)
    assert [e.message for e in plan.errors] == [
        "De database weigerde de import; er is niets opgeslagen."
    ]
    assert list(Household.objects.filter(pilot=cast.pilot).order_by("pk").values()) == before
    assert not CommitmentChange.objects.exists()


def test_reimport_updates_instead_of_duplicating(cast: Cast) -> None:
    import_households(cast.pilot, _rows(3), by=cast.kwartiermaker)
    first = _imported(cast).get(house_number=2)
    plan = import_households(cast.pilot, _rows(4, gasverbruik_m3="1100"), by=cast.kwartiermaker)
    assert (plan.new, plan.updated, plan.unchanged) == (1, 3, 0)
    assert _imported(cast).count() == 4
    again = Household.objects.get(pk=first.pk)
    assert again.gas_m3_per_year == 1100
    assert again.version == first.version + 1
    assert plan.rows[1].changes == ("gasverbruik_m3: 1350 → 1100",)


def test_an_identical_reimport_changes_nothing_and_writes_no_history(cast: Cast) -> None:
    rows = _rows(3, commitment="Geïnteresseerd")
    import_households(cast.pilot, rows, by=cast.kwartiermaker)
    before = list(_imported(cast).values())
    history = CommitmentChange.objects.count()
    plan = import_households(cast.pilot, rows, by=cast.kwartiermaker)
    assert (plan.new, plan.updated, plan.unchanged) == (0, 0, 3)
    assert list(_imported(cast).values()) == before
    assert CommitmentChange.objects.count() == history


def test_a_commitment_change_is_recorded_as_import_history(cast: Cast) -> None:
    import_households(cast.pilot, _rows(2), by=cast.kwartiermaker)
    assert not CommitmentChange.objects.filter(source=ChangeSource.IMPORT).exists()
    rows = _rows(2)
    rows[0]["commitment"] = "Intentie"
    rows[1]["commitment"] = ""  # empty: leave as is
    import_households(cast.pilot, rows, by=cast.kwartiermaker)
    [change] = CommitmentChange.objects.filter(source=ChangeSource.IMPORT)
    assert (change.from_status, change.to_status) == (Commitment.UNKNOWN, Commitment.INTENT)
    assert (change.source, change.changed_by) == (ChangeSource.IMPORT, cast.kwartiermaker)
    assert change.household.house_number == 1


def test_a_file_without_commitment_column_keeps_commitment_and_other_values(cast: Cast) -> None:
    household = HouseholdFactory(
        pilot=cast.pilot,
        street="Kennedylaan",
        postcode="3533AB",
        house_number=1,
        commitment=Commitment.SIGNED,
        construction_year=1932,
    )
    plan = import_households(cast.pilot, _rows(1), by=cast.kwartiermaker)
    household.refresh_from_db()
    assert (household.commitment, household.construction_year) == (Commitment.SIGNED, 1932)
    assert plan.unchanged == 1
    assert not CommitmentChange.objects.exists()


def test_a_new_household_with_a_commitment_gets_its_first_history_row(cast: Cast) -> None:
    import_households(cast.pilot, _rows(1, commitment="signed"), by=cast.kwartiermaker)
    change = CommitmentChange.objects.get()
    assert (change.from_status, change.to_status, change.source) == (
        Commitment.UNKNOWN,
        Commitment.SIGNED,
        ChangeSource.IMPORT,
    )


def test_unknown_columns_are_ignored_with_a_warning(cast: Cast) -> None:
    plan = check_households(cast.pilot, _rows(1, opmerking="hond"))
    assert plan.ok
    assert plan.warnings == ["Onbekende kolommen genegeerd: opmerking."]


# --- Upload → preview → confirm through the page ----------------------------------------------


def _url(cast: Cast) -> str:
    return reverse("pilots:import", args=[cast.pilot.pk])


def _csv_upload(lines: list[str], name: str = "huishoudens.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode(), "text/csv")


def test_preview_shows_counts_and_writes_nothing_until_confirmed(
    client: Client, cast: Cast
) -> None:
    HouseholdFactory(pilot=cast.pilot, postcode="3533AB", house_number=1, gas_m3_per_year=900)
    client.force_login(cast.kwartiermaker)
    upload = _csv_upload(
        [
            "Kennedylaan;1;;3533AB;Tussenwoning;95;1.350",
            "Kennedylaan;2;;3533AB;Tussenwoning;95;1.350",
        ]
    )
    response = client.post(_url(cast), {"step": "preview", "bestand": upload})
    assert response.status_code == 200
    plan = response.context["plan"]
    assert (plan.new, plan.updated, plan.unchanged) == (1, 1, 0)
    assert "gasverbruik_m3: 900 → 1350" in response.text
    assert "2 rijen importeren" in response.text
    assert _imported(cast).count() == 1

    token = response.context["confirm_form"].initial["token"]
    response = client.post(_url(cast), {"step": "confirm", "token": token})
    assert response.status_code == 302
    assert response["Location"] == reverse("pilots:detail", args=[cast.pilot.pk])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "2 huishoudens geïmporteerd. Nieuw: 1, bijgewerkt: 1, ongewijzigd: 0."
    ]
    assert _imported(cast).count() == 2


def test_preview_with_errors_shows_the_error_table_and_no_confirm_button(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    upload = _csv_upload(["Kennedylaan;1;;9999XX;Bungalow;95;", "Kennedylaan;2;;3533AB;Villa;;"])
    response = client.post(_url(cast), {"step": "preview", "bestand": upload})
    assert "Er is 1 fout gevonden. Er is niets opgeslagen" in response.text
    assert "Onbekende waarde “Bungalow”" in response.text
    assert "confirm_form" not in response.context
    assert not _imported(cast).exists()


def test_a_tampered_token_is_refused(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    upload = _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])
    response = client.post(_url(cast), {"step": "preview", "bestand": upload})
    token = response.context["confirm_form"].initial["token"]
    response = client.post(_url(cast), {"step": "confirm", "token": token[:-2] + "xx"})
    assert response.status_code == 422
    assert "De voorvertoning is verlopen of ongeldig." in response.text
    assert not _imported(cast).exists()


def test_a_token_is_only_good_for_its_own_pilot(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(
        _url(cast),
        {"step": "preview", "bestand": _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])},
    )
    token = response.context["confirm_form"].initial["token"]
    second = PilotFactory(gemeente=cast.pilot.gemeente)
    url = reverse("pilots:import", args=[second.pk])
    response = client.post(url, {"step": "confirm", "token": token})
    assert "De voorvertoning is verlopen of ongeldig." in response.text
    assert not Household.objects.filter(postcode="3533AB").exists()


def test_an_upload_over_5_mb_gets_a_dutch_error(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    upload = SimpleUploadedFile("groot.csv", b"x" * (MAX_BYTES + 1), "text/csv")
    response = client.post(_url(cast), {"step": "preview", "bestand": upload})
    assert response.status_code == 422
    assert "Het bestand is groter dan 5 MB." in response.text
    assert "Kies een bestand om te importeren." not in response.text


def test_posting_without_a_file_asks_for_one(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(_url(cast), {"step": "preview"})
    assert "Kies een bestand om te importeren." in response.text


def test_the_upload_still_checks_the_csrf_token(cast: Cast) -> None:
    """The view swaps the upload handler before the CSRF check reads the body; the check stays."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.kwartiermaker)
    client.get(_url(cast))
    token = client.cookies["csrftoken"].value
    upload = _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])
    assert client.post(_url(cast), {"step": "preview", "bestand": upload}).status_code == 403
    upload = _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])
    response = client.post(
        _url(cast), {"csrfmiddlewaretoken": token, "step": "preview", "bestand": upload}
    )
    assert response.status_code == 200
    assert response.context["plan"].new == 1


def test_a_renamed_file_gets_a_dutch_error_not_a_500(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    upload = SimpleUploadedFile("huishoudens.xlsx", b"%PDF-1.7\n...", "application/pdf")
    response = client.post(_url(cast), {"step": "preview", "bestand": upload})
    assert response.status_code == 422
    assert "Dit is geen geldig Excel-bestand (.xlsx)." in response.text


def test_the_import_page_explains_the_columns_and_links_the_template(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.get(_url(cast))
    assert "Kolommen van het importbestand" in response.text
    assert reverse("pilots:import_template", args=["xlsx"]) in response.text
    assert "Tussenwoning" in response.text


def test_gemeente_reader_gets_403_and_nothing_is_written(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    upload = _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])
    assert client.post(_url(cast), {"step": "preview", "bestand": upload}).status_code == 403
    assert not Household.objects.filter(postcode="3533AB").exists()


def test_gemeente_other_gets_404_for_the_utrecht_import(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    upload = _csv_upload(["Kennedylaan;1;;3533AB;Tussenwoning;95;"])
    assert client.post(_url(cast), {"step": "preview", "bestand": upload}).status_code == 404
    assert client.get(_url(cast)).status_code == 404
    assert not Household.objects.filter(postcode="3533AB").exists()
