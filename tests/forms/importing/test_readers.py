"""Reading CSV (BOM or not, ',' or ';') and XLSX into rows numbered as the person sees them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from forms.importing import ImportFileError, read_table
from forms.importing.readers import sniff_delimiter

from .conftest import valid_person, write_csv


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_or_without_bom_and_any_usual_delimiter_keeps_accents(
    tmp_path: Path, bom: bool, delimiter: str
) -> None:
    rows = [
        valid_person(family_name="N'Guessan"),
        valid_person(given_name="Maria da Conceição", residence_city="São Tomé; Trindade"),
    ]
    path = write_csv(tmp_path / "people.csv", rows, delimiter=delimiter, bom=bom)
    table = read_table(path)
    assert table.columns[0] == "legal_basis"  # no BOM glued to the first column name
    read = list(table)
    assert [r.number for r in read] == [2, 3]
    assert read[0].cells["family_name"] == "N'Guessan"
    assert read[1].cells["given_name"] == "Maria da Conceição"
    assert read[1].cells["residence_city"] == "São Tomé; Trindade"


def test_sniffing_prefers_the_header_separator() -> None:
    assert sniff_delimiter("given_name;family_name;remarks") == ";"
    assert sniff_delimiter("given_name,family_name") == ","
    assert sniff_delimiter("given_name") == ","


def test_blank_rows_are_skipped_but_row_numbers_stay_those_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("given_name,family_name\nAma,Owusu\n,\n\nKofi,Mensah\n", encoding="utf-8")
    assert [(r.number, r.cells["given_name"]) for r in read_table(path)] == [(2, "Ama"), (5, "Kofi")]


def test_xlsx_cells_keep_their_types_and_row_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["given_name", "birth_date", "household_size"])
    sheet.append(["Conceição", datetime(1990, 5, 17), 4])
    sheet.append([None, None, None])
    sheet.append(["Graça", "1991-01-02", "2"])
    workbook.save(tmp_path / "people.xlsx")
    rows = list(read_table(tmp_path / "people.xlsx"))
    assert [r.number for r in rows] == [2, 4]
    assert rows[0].cells == {
        "given_name": "Conceição",
        "birth_date": datetime(1990, 5, 17),
        "household_size": 4,
    }


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("people.txt", b"a,b\n", "only .csv and .xlsx"),
        ("people.csv", b"given_name,given_name\nx,y\n", "appears twice"),
        ("people.csv", b"given_name,,family_name\nx,,y\n", "column 2"),
        ("people.csv", "given_name\nConceição\n".encode("latin-1"), "not UTF-8"),
        ("people.csv", b"", "empty"),
        ("people.xlsx", b"not a zip at all", "cannot be opened"),
    ],
)
def test_unreadable_files_are_refused_in_one_sentence(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        list(read_table(path))
    assert words in caught.value.message
    assert caught.value.exit_code == 2
