"""CSV exports read back with the csv module: UTF-8 with a BOM, one file per table, safe cells."""

from __future__ import annotations

import csv
from pathlib import Path

from forms.export import export_records

from .conftest import FORMULA, LONG_ANSWER


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_files_rows_and_accents(form, records, context, out_dir):
    result = export_records(form, records, context, out=out_dir / "day.csv", file_format="csv")
    names = sorted(path.name for path in out_dir.iterdir())
    assert names == [
        "day-children.csv",
        "day-dictionary.csv",
        "day-metadata.csv",
        "day-schools.csv",
        "day.csv",
    ]
    assert sorted(path.name for path in result.files) == names
    assert set(result.file_sha256) == set(names)
    raw = (out_dir / "day.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = _read(out_dir / "day.csv")
    assert len(rows) == 3
    assert rows[0]["identity/given_name"] == "Conceição" and rows[0]["identity/family_name"] == "N'Guessan"
    assert rows[0]["city"] == "São Tomé"
    assert rows[0]["identity/birth_date"] == "1980-02-03"  # dates stay ISO text in CSV
    assert rows[0]["skills"] == "health teacher" and rows[0]["skills/teacher"] == "1"
    assert rows[0]["_uuid"] == records[0].record_id


def test_csv_repeats_link_to_parents(form, records, context, out_dir):
    export_records(form, records, context, out=out_dir / "day.csv", file_format="csv")
    children = _read(out_dir / "day-children.csv")
    assert [c["_parent_index"] for c in children] == ["1", "1", "3"]
    schools = _read(out_dir / "day-schools.csv")
    assert [(s["_parent_table_name"], s["_parent_index"]) for s in schools] == [("children", "1")] * 2


def test_csv_neutralises_formulas_and_keeps_long_texts_whole(form, records, context, out_dir):
    result = export_records(form, records, context, out=out_dir / "day.csv", file_format="csv")
    rows = _read(out_dir / "day.csv")
    assert rows[0]["comments"] == "'" + FORMULA
    assert rows[2]["city"] == "'@SUM(1+1)"
    assert rows[0]["phone"] == "'+239 991 2345"
    assert _read(out_dir / "day-children.csv")[2]["children/child_name"] == "'-1+2"
    assert rows[1]["comments"] == LONG_ANSWER  # no 32,767 limit in a CSV file
    assert result.truncated_cells == 0 and result.neutralised_cells == 4


def test_csv_dictionary_and_metadata(form, records, context, out_dir):
    result = export_records(form, records, context, out=out_dir / "day.csv", file_format="csv")
    dictionary = _read(out_dir / "day-dictionary.csv")
    assert any(
        r["column"] == "identity/given_name" and r["label::Français (fr)"] == "Prénom" for r in dictionary
    )
    with (out_dir / "day-metadata.csv").open(encoding="utf-8-sig", newline="") as handle:
        items = {row[0]: row[1] for row in csv.reader(handle) if row and len(row) > 1}
    assert items["records"] == "3" and items["data_sha256"] == result.data_sha256 and items["format"] == "csv"


def test_same_data_same_hash_in_csv_and_xlsx(form, records, context, out_dir):
    as_csv = export_records(form, records, context, out=out_dir / "day.csv", file_format="csv")
    as_xlsx = export_records(form, records, context, out=out_dir / "day.xlsx", file_format="xlsx")
    assert as_csv.data_sha256 == as_xlsx.data_sha256
