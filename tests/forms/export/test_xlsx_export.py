"""XLSX exports read back with openpyxl: sheets, headers, rows, links, types, safety, limits."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from forms.export import ColumnOptions, export_records
from forms.export.cells import EXCEL_MAX_CHARS, TRUNCATION_MARKER

from .conftest import FORMULA, LONG_ANSWER

MAIN = "Diaspora registration (test)"


def _export(form, records, context, out: Path, **kwargs):
    return export_records(form, records, context, out=out, file_format="xlsx", **kwargs)


def _rows(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_main_sheet_headers_rows_and_values(form, records, context, out_dir):
    result = _export(form, records, context, out_dir / "day.xlsx")
    book = openpyxl.load_workbook(out_dir / "day.xlsx")
    assert book.sheetnames == [MAIN, "children", "schools", "dictionary", "metadata"]
    headers = [cell.value for cell in book[MAIN][1]]
    assert headers[:5] == [
        "start",
        "end",
        "identity/given_name",
        "identity/family_name",
        "identity/birth_date",
    ]
    assert headers[8:12] == ["skills", "skills/health", "skills/engineer", "skills/teacher"]
    assert headers[-10:] == ["_uuid", "_version_id", "__version__", "_submission_time", "_created_time",
                             "_status", "_batch", "_operator", "_device", "_index"]  # fmt: skip
    rows = _rows(book[MAIN])
    assert len(rows) == 3 == result.records
    first = rows[0]
    assert first["identity/given_name"] == "Conceição" and first["identity/family_name"] == "N'Guessan"
    assert first["city"] == "São Tomé"
    assert (first["skills"], first["skills/health"], first["skills/engineer"], first["skills/teacher"]) == (
        "health teacher", 1, 0, 1,
    )  # fmt: skip
    assert rows[1]["skills/health"] == 0 and rows[1]["skills/engineer"] == 1
    assert first["years_abroad"] == 12 and first["height_m"] == pytest.approx(1.72)
    assert first["_uuid"] == records[0].record_id and first["_version_id"] == records[0].version_id
    assert [row["_index"] for row in rows] == [1, 2, 3]
    assert first["_batch"] == "batch-a" and rows[1]["_operator"] == "kofi"


def test_the_zip_is_sound(form, records, context, out_dir):
    """Sheets are deflated in memory and written into the zip as they are: every CRC must hold."""
    _export(form, records * 50, context, out_dir / "day.xlsx")
    with zipfile.ZipFile(out_dir / "day.xlsx") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert "xl/worksheets/sheet1.xml" in names and "xl/workbook.xml" in names
    assert sum(1 for _ in openpyxl.load_workbook(out_dir / "day.xlsx", read_only=True)[MAIN].rows) == 151


def test_dates_are_real_excel_dates(form, records, context, out_dir):
    _export(form, records, context, out_dir / "day.xlsx")
    sheet = openpyxl.load_workbook(out_dir / "day.xlsx")[MAIN]
    headers = [cell.value for cell in sheet[1]]
    birth = sheet.cell(row=2, column=headers.index("identity/birth_date") + 1)
    assert birth.is_date and birth.value == dt.datetime(1980, 2, 3) and "yy" in birth.number_format
    arrived = sheet.cell(row=2, column=headers.index("arrived_at") + 1)
    assert arrived.is_date and arrived.value == dt.datetime(2026, 6, 13, 9, 58)  # wall clock as recorded
    submitted = sheet.cell(row=2, column=headers.index("_submission_time") + 1)
    assert submitted.is_date and submitted.value == dt.datetime(2026, 6, 13, 10, 1)  # UTC


def test_repeat_sheets_link_to_their_parents(form, records, context, out_dir):
    result = _export(form, records, context, out_dir / "day.xlsx")
    book = openpyxl.load_workbook(out_dir / "day.xlsx")
    children = _rows(book["children"])
    assert [c["children/child_name"] for c in children] == ["Ana", "Kwame", "-1+2"]
    assert [c["_parent_index"] for c in children] == [1, 1, 3]
    assert {c["_parent_table_name"] for c in children} == {MAIN}
    assert [c["_submission__uuid"] for c in children] == [records[0].record_id] * 2 + [records[2].record_id]
    schools = _rows(book["schools"])
    assert [s["children/schools/school_name"] for s in schools] == ["Liceu Nacional", "École Sainte-Marie"]
    assert [s["_parent_index"] for s in schools] == [1, 1]  # both belong to the first child (Ana)
    assert {s["_parent_table_name"] for s in schools} == {"children"}
    assert result.rows == {MAIN: 3, "children": 3, "schools": 2}


def test_formula_looking_texts_are_stored_as_text(form, records, context, out_dir):
    result = _export(form, records, context, out_dir / "day.xlsx")
    sheet = openpyxl.load_workbook(out_dir / "day.xlsx")[MAIN]
    headers = [cell.value for cell in sheet[1]]
    comments = sheet.cell(row=2, column=headers.index("comments") + 1)
    assert comments.value == FORMULA and comments.data_type == "s" and comments.quotePrefix
    city = sheet.cell(row=4, column=headers.index("city") + 1)
    assert city.value == "@SUM(1+1)" and city.data_type == "s" and city.quotePrefix
    plain = sheet.cell(row=2, column=headers.index("identity/given_name") + 1)
    assert not plain.quotePrefix
    assert result.neutralised_cells == 4  # comments, city, the phone "+239...", the child "-1+2"


def test_long_answer_is_truncated_with_a_visible_marker(form, records, context, out_dir):
    assert len(LONG_ANSWER) == 33_000
    result = _export(form, records, context, out_dir / "day.xlsx")
    book = openpyxl.load_workbook(out_dir / "day.xlsx")
    rows = _rows(book[MAIN])
    text = rows[1]["comments"]
    assert len(text) == EXCEL_MAX_CHARS and text.endswith(TRUNCATION_MARKER)
    assert text.startswith("Conceição Conceição")
    assert result.truncated_cells == 1
    metadata = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True)}
    assert metadata["cells truncated to 32,767 characters"] == 1


def test_dictionary_sheet_lists_fields_labels_and_choices(form, records, context, out_dir):
    _export(form, records, context, out_dir / "day.xlsx")
    rows = _rows(openpyxl.load_workbook(out_dir / "day.xlsx")["dictionary"])
    given = next(r for r in rows if r["column"] == "identity/given_name")
    assert (given["type"], given["label::English (en)"], given["label::Français (fr)"]) == (
        "text", "Given name", "Prénom",
    )  # fmt: skip
    assert given["label::Português (pt)"] == "Nome próprio"
    sao_tome = next(r for r in rows if r["field"] == "country" and r["choice"] == "ST")
    assert sao_tome["label::Português (pt)"] == "São Tomé e Príncipe"
    health = next(r for r in rows if r["column"] == "skills/health")
    assert health["type"] == "choice (0/1)" and health["label::Français (fr)"] == "Santé"
    assert any(r["sheet"] == "schools" and r["field"] == "school_name" for r in rows)


def test_metadata_sheet_describes_the_export(form, records, context, out_dir):
    result = _export(form, records, context, out_dir / "day.xlsx")
    rows = list(openpyxl.load_workbook(out_dir / "day.xlsx")["metadata"].iter_rows(values_only=True))
    items = {row[0]: row[1] for row in rows if row and row[0]}
    assert items["form_id"] == "diaspora_test" and items["records"] == 3
    assert items["exported_by"] == "supervisor1" and items["scope"] == "all batches"
    assert items["data_sha256"] == result.data_sha256 and len(result.data_sha256) == 64
    assert items["rows in children"] == 3 and items["encrypted"] == "no"
    assert isinstance(items["exported_at_utc"], dt.datetime)
    batches = [row for row in rows if row and row[0] in ("batch-a", "batch-b")]
    assert batches[0][1:5] == ("Community day", "São Tomé", "2026-06-13", "approved")
    assert [(row[0], row[2], row[5]) for row in batches] == [
        ("batch-a", "São Tomé", 2),
        ("batch-b", "Lisboa", 1),
    ]
    assert items["São Tomé"] == 2 and items["Lisboa"] == 1  # the places section
    assert items["laptop-1"] == 3 and items["ana"] == 2 and items["kofi"] == 1  # devices, operators


def test_data_hash_depends_on_the_answers(form, records, context, out_dir):
    first = _export(form, records, context, out_dir / "a.xlsx")
    again = _export(form, records, context, out_dir / "b.xlsx")
    records[2].answers["city"] = "Porto"
    changed = _export(form, records, context, out_dir / "c.xlsx")
    assert first.data_sha256 == again.data_sha256 != changed.data_sha256


def test_labels_in_a_chosen_language(form, records, context, out_dir):
    _export(form, records, context, out_dir / "fr.xlsx", options=ColumnOptions(language="fr"))
    rows = _rows(openpyxl.load_workbook(out_dir / "fr.xlsx")[MAIN])
    assert rows[0]["Prénom"] == "Conceição"
    assert rows[0]["Pays de résidence"] == "Sao Tomé-et-Principe"
    assert rows[0]["Compétences"] == "Santé; Enseignant" and rows[0]["Compétences/Santé"] == 1


def test_rows_past_the_sheet_limit_continue_on_a_new_sheet(form, records, context, out_dir):
    many = [records[i % 3] for i in range(7)]
    _export(form, many, context, out_dir / "big.xlsx", max_rows=4)  # 3 data rows per sheet here
    book = openpyxl.load_workbook(out_dir / "big.xlsx")
    parts = [name for name in book.sheetnames if name.startswith("Diaspora registration")]
    # Excel sheet titles hold 31 characters: the title is shortened to make room for the number
    assert parts == [MAIN, "Diaspora registration (test (2)", "Diaspora registration (test (3)"]
    assert [book[name].max_row for name in parts] == [4, 4, 2]
    assert [cell.value for cell in book[parts[2]][1]] == [cell.value for cell in book[MAIN][1]]
    indexes = [row["_index"] for name in parts for row in _rows(book[name])]
    assert indexes == list(range(1, 8))


def test_select_multiple_lists_longer_than_the_limit_stay_one_column(form, records, context, out_dir):
    _export(form, records, context, out_dir / "a.xlsx", options=ColumnOptions(split_max_choices=2))
    headers = [c.value for c in openpyxl.load_workbook(out_dir / "a.xlsx")[MAIN][1]]
    assert "skills" in headers and not any(h.startswith("skills/") for h in headers)


def test_large_sheets_spill_beside_the_destination_and_vanish(form, records, context, out_dir, monkeypatch):
    from forms.export import memory_sheets

    monkeypatch.setattr(memory_sheets, "SPILL_AFTER", 2_000)  # bytes of compressed XML
    spilled: list[bool] = []
    original = memory_sheets.CompressedSheetBuffer.drain

    def watching_drain(buffer):
        spilled.append(buffer.spilled)
        return original(buffer)

    monkeypatch.setattr(memory_sheets.CompressedSheetBuffer, "drain", watching_drain)
    _export(form, records * 80, context, out_dir / "day.xlsx")
    assert any(spilled) and not all(spilled)  # the main sheet spilled, the small ones did not
    assert [p.name for p in out_dir.iterdir()] == ["day.xlsx"]
    with zipfile.ZipFile(out_dir / "day.xlsx") as archive:
        assert archive.testzip() is None
    rows = list(
        openpyxl.load_workbook(out_dir / "day.xlsx", read_only=True)[MAIN].iter_rows(values_only=True)
    )
    assert len(rows) == 241 and rows[240][rows[0].index("_index")] == 240


def test_compressed_buffer_round_trip(tmp_path):
    import zlib

    from forms.export.memory_sheets import CompressedSheetBuffer

    data = ("<row><c>Conceição São Tomé</c></row>" * 5000).encode()
    buffer = CompressedSheetBuffer(spill_dir=tmp_path, spill_after=1_000)
    for start in range(0, len(data), 4096):
        buffer.write(data[start : start + 4096])
    packed = b"".join(buffer.drain())
    assert buffer.size == len(data) and buffer.crc == zlib.crc32(data)
    assert buffer.compressed_size == len(packed)
    assert zlib.decompress(packed, -zlib.MAX_WBITS) == data
    assert list(tmp_path.iterdir()) == []
