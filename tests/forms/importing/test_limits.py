"""Issue 14 item 13: every import input is bounded before it is read, each refusal one sentence.

The files here are small copies of the attacks (the same shape, a fraction of the size); the full
sizes, with the peak memory of a real process, are in test_limits_memory.py (slow).
"""

from __future__ import annotations

import io
import random
import string
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from forms.importing import ImportFileError, limits, read_table

HEADER = ["given_name", "family_name"]


def workbook_bytes(rows: list[list[str]] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, *(rows or [["Ama", "Mensah"]])]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The package ``data`` with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, parts.get(info.filename, source.read(info.filename)))
        for name, content in parts.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()


def refusal(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        list(read_table(path))
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def random_text(length: int) -> str:
    rng = random.Random(7)  # incompressible enough that the ratio check does not answer first
    return "".join(rng.choice(string.ascii_letters) for _ in range(length))


# --- any file ---------------------------------------------------------------------------------------
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: nothing is written, the size is enough
    assert (
        refusal(path)
        == "huge.csv is larger than 32 MB, the most one import reads: split it into smaller files"
    )


# --- CSV --------------------------------------------------------------------------------------------
def test_a_csv_header_line_longer_than_the_limit_is_refused_before_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("a" * (limits.MAX_HEADER_CHARS + 10) + "\nAma\n", encoding="utf-8")
    assert "the header row is longer than 65,536 characters" in refusal(path)


def test_a_csv_with_more_rows_than_the_limit_is_refused_blank_rows_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    path = tmp_path / "blank.csv"
    path.write_text(
        "given_name,family_name\nAma,Mensah\n" + ",\n" * 3000 + "Kofi,Boateng\n", encoding="utf-8"
    )
    assert refusal(path) == (
        "blank.csv has more than 50 rows below the header (blank rows count too): split it into smaller files"
    )
    path.write_text("given_name,family_name\n" + "Ama,Mensah\n" * 50, encoding="utf-8")
    assert len(list(read_table(path))) == 50  # the limit itself is allowed


@pytest.mark.parametrize("length", [limits.MAX_CELL_CHARS + 1, 200_000])  # the second past csv's own limit
def test_a_csv_cell_longer_than_a_spreadsheet_cell_is_refused_with_its_row(
    tmp_path: Path, length: int
) -> None:
    path = tmp_path / "cell.csv"
    path.write_text(f"given_name,family_name\nAma,Mensah\nKofi,{'x' * length}\n", encoding="utf-8")
    message = refusal(path)
    assert message.startswith("cell.csv: row 3")
    assert "more than 32,767 characters" in message


def test_cells_and_text_of_a_whole_file_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.csv"
    path.write_text("given_name,family_name\n" + "Ama,Mensah\n" * 30, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_CELLS", 40)
    assert refusal(path) == "many.csv has more than 40 filled cells: split it into smaller files"
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 100)
    assert refusal(path) == "many.csv holds more than 100 characters of text: split it into smaller files"


def test_a_header_with_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{n}" for n in range(limits.MAX_COLUMNS + 1)) + "\n", encoding="utf-8")
    assert "more than 256 columns" in refusal(path)


# --- XLSX -------------------------------------------------------------------------------------------
def test_a_dtd_in_workbook_xml_is_refused_in_a_sentence_not_a_type_error(tmp_path: Path) -> None:
    data = workbook_bytes()
    workbook = part(data, "xl/workbook.xml")
    xxe = workbook.replace(
        "<workbook", '<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook', 1
    )
    xxe = xxe.replace('name="Sheet"', 'name="&x;"')
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(rewritten(data, {"xl/workbook.xml": xxe.encode()}))
    assert refusal(path) == (
        "xxe.xlsx cannot be imported: its part xl/workbook.xml declares a document type (DTD), "
        "which no Excel workbook does and which can make a reader fetch files or run out of memory"
    )


def test_an_entity_bomb_in_the_shared_strings_is_refused(tmp_path: Path) -> None:
    data = workbook_bytes()
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>'
    )
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(rewritten(data, {"xl/sharedStrings.xml": bomb.encode()}))
    assert "declares a document type (DTD)" in refusal(path)


def test_a_zip_bomb_is_refused_from_its_compression_ratio(tmp_path: Path) -> None:
    data = workbook_bytes()
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(rewritten(data, {"xl/media/padding.bin": b"\0" * (4 * limits.MIB)}))
    assert refusal(path) == (
        "bomb.xlsx is compressed more than 100 times, as only a damaged or hostile file is (a zip bomb): "
        "it was not read"
    )


def test_an_xlsx_unpacking_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("forms.importing.xlsx_guard.MAX_XLSX_UNCOMPRESSED", 100_000)
    data = workbook_bytes()
    path = tmp_path / "big.xlsx"
    path.write_bytes(rewritten(data, {"xl/media/photo.bin": random_text(150_000).encode()}))
    assert refusal(path) == "big.xlsx unpacks to more than 0 MB: split it into smaller files"


def test_a_long_inline_cell_is_refused_while_streaming_before_openpyxl_builds_it(tmp_path: Path) -> None:
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml")
    long_cell = sheet.replace("<t>Mensah</t>", f"<t>{random_text(limits.MAX_CELL_CHARS + 1)}</t>")
    assert long_cell != sheet
    path = tmp_path / "cell.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": long_cell.encode()}))
    assert refusal(path) == (
        "cell.xlsx: row 2, column 2 holds more than 32,767 characters, the most a spreadsheet cell can hold"
    )


def with_shared_strings(data: bytes, sst: str, part_name: str = "xl/sharedStrings.xml") -> bytes:
    types = part(data, "[Content_Types].xml").replace(
        "</Types>",
        f'<Override PartName="/{part_name}" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return rewritten(data, {part_name: sst.encode(), "[Content_Types].xml": types.encode()})


def test_a_long_shared_string_is_refused(tmp_path: Path) -> None:
    sst = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        f"<si><r><t>{random_text(20_000)}</t></r><r><t>{random_text(20_000)}</t></r></si></sst>"
    )
    path = tmp_path / "sst.xlsx"  # under another name: the content type says what it is
    path.write_bytes(with_shared_strings(workbook_bytes(), sst, "xl/strings.xml"))
    assert "holds more than 32,767 characters" in refusal(path)


def test_too_many_shared_strings_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("forms.importing.xlsx_guard.MAX_SHARED_STRINGS", 10)
    data = workbook_bytes()
    sst = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>s{n}</t></si>" for n in range(11))
        + "</sst>"
    )
    path = tmp_path / "sst.xlsx"
    path.write_bytes(with_shared_strings(data, sst))
    assert refusal(path) == "sst.xlsx holds more than 10 different texts: split it into smaller files"


def test_a_far_row_number_is_refused_before_openpyxl_pads_the_gap(tmp_path: Path) -> None:
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml")
    row = '<row r="3000000"><c r="A3000000" t="inlineStr"><is><t>x</t></is></c></row>'
    far = sheet.replace("</sheetData>", row + "</sheetData>")
    path = tmp_path / "far.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": far.encode()}))
    assert "has more than 20,000 rows below the header (blank rows count too)" in refusal(path)


def test_a_value_beyond_the_column_limit_is_refused(tmp_path: Path) -> None:
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml")
    wide = sheet.replace(
        "</row></sheetData>", '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    assert wide != sheet
    path = tmp_path / "wide.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": wide.encode()}))
    assert (
        refusal(path) == "wide.xlsx: row 2 has a value beyond column 256, more columns than an import reads"
    )


def test_a_lying_dimension_does_not_make_millions_of_rows_or_columns(tmp_path: Path) -> None:
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml")
    lying = sheet.replace('<dimension ref="A1:B2"/>', '<dimension ref="A1:XFD3000000"/>')
    assert lying != sheet
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": lying.encode()}))
    table = read_table(path)
    assert table.columns == HEADER
    assert [row.cells for row in table] == [{"given_name": "Ama", "family_name": "Mensah"}]


def test_damaged_xml_in_the_sheet_is_one_sentence(tmp_path: Path) -> None:
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml").replace("</sheetData>", "<row>")
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": sheet.encode()}))
    assert refusal(path) == (
        "damaged.xlsx cannot be opened as an Excel workbook (is it password-protected or damaged?)"
    )


def test_a_real_workbook_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "fine.xlsx"
    path.write_bytes(workbook_bytes([["Ama", "Mensah"], ["Kofi", "Boateng"]]))
    assert [row.cells["given_name"] for row in read_table(path)] == ["Ama", "Kofi"]


def test_openpyxl_parses_with_defusedxml_behind_the_guard() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML  # a declared dependency: defence in depth behind xlsx_guard's DTD refusal


def test_when_the_first_sheet_cannot_be_told_every_worksheet_is_held_to_the_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("forms.importing.xlsx_guard._Package.first_worksheet", lambda self, workbook: None)
    data = workbook_bytes()
    sheet = part(data, "xl/worksheets/sheet1.xml")
    wide = sheet.replace(
        "</row></sheetData>", '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    path = tmp_path / "wide.xlsx"
    path.write_bytes(rewritten(data, {"xl/worksheets/sheet1.xml": wide.encode()}))
    assert "has a value beyond column 256" in refusal(path)
