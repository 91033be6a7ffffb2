"""The XLSX a supervisor opens: unambiguous label headers, numbers as numbers, the form's own
``__version__`` apart from ours, a frozen header with an autofilter and sized columns, and values that
read back exactly (integers stay integers, datetimes keep their milliseconds)."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from forms.export import ColumnOptions, ExportContext, ExportRecord, export_records
from forms.export.sheet_xml import cell_xml, column_letter
from tests.forms.engine.xlsform import make_form

SURVEY = [
    ["type", "name", "label::English (en)", "label::Français (fr)", "calculation"],
    ["begin_group", "person", "Person", "Personne", None],
    ["text", "phone", "Phone", "Téléphone", None],
    ["date", "birth_date", "Birth date", "Date de naissance", None],
    ["calculate", "age", None, None, "int((today() - ${birth_date}) div 365.25)"],
    ["end_group", None, None, None, None],
    ["begin_group", "emergency", "Emergency contact", "Contact d'urgence", None],
    ["text", "emergency_phone", "Phone", "Téléphone", None],
    ["end_group", None, None, None, None],
    ["datetime", "seen_at", "Seen at", "Vu le", None],
    ["decimal", "weight", "Weight", "Poids", None],
    ["calculate", "__version__", None, None, "'vKobo123'"],
]
SETTINGS = [["form_id", "version", "form_title"], ["layout_test", "7", "Layout test"]]


@pytest.fixture(scope="module")
def layout_form():
    return make_form(SURVEY, settings=SETTINGS)


def _record(number: int, answers: dict) -> ExportRecord:
    return ExportRecord(
        record_id=f"11111111-0000-4000-8000-{number:012d}",
        version_id=f"22222222-0000-4000-8000-{number:012d}",
        batch_id="batch-a",
        operator="ana",
        device_id="laptop-1",
        created_at="2026-06-13T10:00:00+00:00",
        updated_at="2026-06-13T10:05:00+00:00",
        status="final",
        answers=answers,
    )


ANSWERS = {
    "phone": "+239 991 2345",
    "birth_date": "1980-02-03",
    "age": "46",  # as the session stores a calculation: text
    "emergency_phone": "+351 912 345 678",
    "seen_at": "2026-06-13T09:58:07.123+02:00",
    "weight": 71.5,
    "__version__": "vKobo123",
}


def _export(form, tmp_path, **options):
    out = tmp_path / "out.xlsx"
    records = [_record(n, dict(ANSWERS)) for n in range(1, 4)]
    export_records(form, records, ExportContext("sup", "all", total=3), out=out,
                   options=ColumnOptions(**options))  # fmt: skip
    return out


def test_two_equal_labels_get_their_group_path(layout_form, tmp_path):
    out = _export(layout_form, tmp_path, language="fr")
    headers = [c.value for c in openpyxl.load_workbook(out)["Layout test"][1]]
    assert "Personne/Téléphone" in headers and "Contact d'urgence/Téléphone" in headers
    assert "Téléphone" not in headers
    assert "Date de naissance" in headers  # a label used once stays as it is
    assert len(headers) == len(set(headers))


def test_names_keep_group_paths_without_labels(layout_form, tmp_path):
    headers = [c.value for c in openpyxl.load_workbook(_export(layout_form, tmp_path))["Layout test"][1]]
    assert headers[:4] == ["person/phone", "person/birth_date", "person/age", "emergency/emergency_phone"]


def test_numbers_are_numbers_and_datetimes_keep_milliseconds(layout_form, tmp_path):
    sheet = openpyxl.load_workbook(_export(layout_form, tmp_path))["Layout test"]
    headers = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(headers, sheet[2], strict=True)}
    assert row["person/age"].value == 46 and isinstance(row["person/age"].value, int)
    assert row["person/age"].data_type == "n"
    assert row["weight"].value == pytest.approx(71.5)
    assert row["seen_at"].is_date and row["seen_at"].value == dt.datetime(2026, 6, 13, 9, 58, 7, 123000)
    assert row["person/birth_date"].value == dt.datetime(1980, 2, 3)
    assert row["_index"].value == 1 and isinstance(row["_index"].value, int)


def test_the_forms_own_version_field_never_collides(layout_form, tmp_path):
    sheet = openpyxl.load_workbook(_export(layout_form, tmp_path))["Layout test"]
    headers = [c.value for c in sheet[1]]
    assert headers.count("__version__") == 1
    row = dict(zip(headers, [c.value for c in sheet[2]], strict=True))
    assert row["__version__ (form field)"] == "vKobo123" and row["__version__"] in ("7", 7)
    dictionary = [r for r in openpyxl.load_workbook(_export(layout_form, tmp_path))["dictionary"].values]
    assert any("__version__ (form field)" in r for r in dictionary)


def test_header_frozen_filtered_and_columns_sized(layout_form, tmp_path):
    book = openpyxl.load_workbook(_export(layout_form, tmp_path))
    sheet = book["Layout test"]
    assert sheet.freeze_panes == "A2"
    last = column_letter(sheet.max_column)
    assert sheet.auto_filter.ref == f"A1:{last}4"
    assert sheet["A1"].font.b
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    phone_width = widths["A"]
    assert 12 <= phone_width <= 60  # "+239 991 2345" and its header fit
    assert book["dictionary"].freeze_panes == "A2"


def test_the_zip_holds_only_our_parts_and_is_sound(layout_form, tmp_path):
    with zipfile.ZipFile(_export(layout_form, tmp_path)) as archive:
        assert archive.testzip() is None
        assert "xl/styles.xml" in archive.namelist() and "[Content_Types].xml" in archive.namelist()


@pytest.mark.parametrize(
    ("value", "xml"),
    [
        (None, "<c/>"),
        (12, "<c><v>12</v></c>"),
        (True, '<c t="b"><v>1</v></c>'),
        ("a < b & c", '<c t="inlineStr"><is><t>a &lt; b &amp; c</t></is></c>'),
        (" padded ", '<c t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>'),
        (dt.date(1900, 3, 1), '<c s="1"><v>61</v></c>'),
        (dt.datetime(2026, 1, 1, 12), '<c s="2"><v>46023.5</v></c>'),
    ],
)
def test_cell_xml(value, xml):
    assert cell_xml(value) == xml


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


@pytest.mark.parametrize(
    ("expression", "numeric"),
    [
        ("int((today() - /data/birth_date) div 365.25)", True),
        ("/data/a + /data/b", True),
        ("round(/data/w, 1)", True),
        ("(count(/data/kids))", True),
        ("concat(/data/given, ' ', /data/family)", False),
        ("'vKobo123'", False),
        ("if(/data/a > 1, 'x', 'y')", False),
        (None, False),
    ],
)
def test_which_calculations_are_numbers(expression, numeric):
    from forms.export.columns import numeric_calculation

    assert numeric_calculation(expression) is numeric
