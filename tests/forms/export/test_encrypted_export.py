"""Password-protected XLSX: opens with the right password, not with a wrong one, and the plaintext
workbook never touches the disk (no openpyxl temp files either)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest

from forms.errors import DeskError
from forms.export import ExportRecord, export_records
from forms.export.encrypted import decrypt_xlsx

PASSWORD = "correct horse battery"


def test_encrypted_export_opens_with_the_right_password(form, records, context, out_dir):
    result = export_records(form, records, context, out=out_dir / "day.xlsx", password=PASSWORD)
    data = (out_dir / "day.xlsx").read_bytes()
    assert result.encrypted and not data.startswith(b"PK")  # an OLE container, not a readable zip
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    assert office.is_encrypted()
    office.load_key(password=PASSWORD)
    plain = io.BytesIO()
    office.decrypt(plain)
    book = openpyxl.load_workbook(plain)
    rows = list(book["Diaspora registration (test)"].iter_rows(values_only=True))
    assert len(rows) == 4 and "Conceição" in rows[1]
    metadata = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True)}
    assert metadata["encrypted"] == "yes"


def test_encrypted_export_refuses_a_wrong_password(form, records, context, out_dir):
    export_records(form, records, context, out=out_dir / "day.xlsx", password=PASSWORD)
    data = (out_dir / "day.xlsx").read_bytes()
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        office.load_key(password="wrong password!", verify_password=True)
    with pytest.raises(DeskError):
        decrypt_xlsx(data, "wrong password!")
    assert decrypt_xlsx(data, PASSWORD).startswith(b"PK")


def test_short_password_and_csv_with_password_are_refused(form, records, context, out_dir):
    with pytest.raises(DeskError, match="too short"):
        export_records(form, records, context, out=out_dir / "a.xlsx", password="1234")
    with pytest.raises(DeskError, match="XLSX"):
        export_records(form, records, context, out=out_dir / "a.csv", file_format="csv", password=PASSWORD)
    assert list(out_dir.iterdir()) == []


def test_no_plaintext_leaves_memory_while_exporting(form, records, context, out_dir, tmp_path, monkeypatch):
    """openpyxl's write-only mode would stream sheets to files in the temp folder; ours keeps them in
    memory. Look at the temp folder and the destination folder while the last record is exported."""
    temp_folder = tmp_path / "tmp"
    temp_folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_folder))
    seen: list[str] = []

    def watched(items: list[ExportRecord]):
        yield from items
        for folder in (temp_folder, out_dir):
            for path in folder.rglob("*"):
                if path.is_file() and "Conceição".encode() in path.read_bytes():
                    seen.append(str(path))
            seen.extend(str(p) for p in folder.rglob("openpyxl*"))

    export_records(form, watched(records), context, out=out_dir / "day.xlsx", password=PASSWORD)
    assert seen == []
    assert [p.name for p in out_dir.iterdir()] == ["day.xlsx"]
    assert "Conceição".encode() not in (out_dir / "day.xlsx").read_bytes()
    assert not list(temp_folder.iterdir())


def test_destination_folder_must_exist(form, records, context, tmp_path: Path):
    with pytest.raises(DeskError, match="does not exist"):
        export_records(form, records, context, out=tmp_path / "missing" / "day.xlsx")
