"""`diaspora-desk export` against a real encrypted store: supervisors export, clerks cannot, every
export is audited without personal values, and the files read back with openpyxl / csv."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from sqlalchemy import select

from desktop.cli.main import main
from forms.engine import load_form, shipped_form_path
from forms.store import AuditRow, Store
from forms.store.batches import open_batch
from forms.store.kdf import TEST_FAST_ENV
from forms.store.records import save_record

SUPERVISOR_PASS = "blue river stone lamp"
CLERK_PASS = "kofi walks to the market"
MAIN = "Diaspora registration"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_FAST_ENV, "1")


@pytest.fixture(scope="module")
def form():
    return load_form(shipped_form_path())


def _answers(n: int, **extra: object) -> dict[str, object]:
    answers: dict[str, object] = {
        "given_name": ["Conceição", "Kouamé", "José"][n % 3],
        "family_name": "N'Guessan",
        "birth_date": f"198{n % 10}-02-03",
        "sex": "female",
        "residence_city": "São Tomé",
        "phone": f"+239 991 {n:04d}",
        "languages_spoken": "fr pt",
    }
    answers.update(extra)
    return answers


@pytest.fixture
def store_with_records(data_dir: Path, form) -> Iterator[dict[str, str]]:
    store, _ = Store.create(data_dir, "amara", SUPERVISOR_PASS)
    store.add_operator("kofi", "clerk", CLERK_PASS)
    first = open_batch(store, "Community day", "São Tomé", "2026-06-13").id
    for n in range(3):
        extra = {"remarks": "=cmd|' /C calc'!A0"} if n == 0 else {}
        save_record(store, first, form.form_id, form.version, _answers(n, **extra), draft=False)
    save_record(store, first, form.form_id, form.version, _answers(9), draft=True)  # drafts stay out
    second = open_batch(store, "Consulate day", "Lisboa", "2026-06-14").id
    save_record(store, second, form.form_id, form.version, _answers(4), draft=False)
    store.close()
    yield {"first": first, "second": second}


def _run(monkeypatch, capsys, data_dir: Path, operator: str, args: list[str]) -> tuple[int, str, str]:
    passphrase = SUPERVISOR_PASS if operator == "amara" else CLERK_PASS
    monkeypatch.setattr(sys, "stdin", io.StringIO(passphrase + "\n"))
    code = main(["export", "--data-dir", str(data_dir), "--operator", operator, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _audit(data_dir: Path) -> list[AuditRow]:
    store = Store.unlock(data_dir, "amara", SUPERVISOR_PASS)
    try:
        with store.session(read_only=True) as session:
            return list(session.scalars(select(AuditRow).where(AuditRow.action.like("export%"))))
    finally:
        store.close()


def test_supervisor_exports_a_batch_to_xlsx(data_dir, store_with_records, tmp_path, monkeypatch, capsys):
    out = tmp_path / "day.xlsx"
    code, stdout, stderr = _run(
        monkeypatch,
        capsys,
        data_dir,
        "amara",
        ["--batch", store_with_records["first"], "--format", "xlsx", "--out", str(out)],
    )
    assert code == 0, stderr
    assert "Exported 3 records" in stdout
    book = openpyxl.load_workbook(out)
    rows = list(book[MAIN].iter_rows(values_only=True))
    headers = rows[0]
    assert len(rows) == 4
    assert headers[headers.index("identity/given_name")] == "identity/given_name"
    given = [row[headers.index("identity/given_name")] for row in rows[1:]]
    assert given == ["Conceição", "Kouamé", "José"]
    assert {row[headers.index("residence/residence_city")] for row in rows[1:]} == {"São Tomé"}
    assert [row[headers.index("skills/languages_spoken/pt")] for row in rows[1:]] == [1, 1, 1]
    sheet = book[MAIN]
    remark = sheet.cell(row=2, column=headers.index("remarks") + 1)
    assert remark.value == "=cmd|' /C calc'!A0" and remark.data_type == "s" and remark.quotePrefix
    metadata = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True)}
    assert metadata["records"] == 3 and metadata["exported_by"] == "amara"

    entries = _audit(data_dir)
    assert [e.action for e in entries] == ["export"]
    details = json.loads(entries[0].details)
    assert details["records"] == 3 and details["batch_id"] == store_with_records["first"]
    assert len(details["file_sha256"]) == 64 and details["format"] == "xlsx"
    text = entries[0].details + entries[0].operator
    assert (
        "Conceição" not in text
        and "N'Guessan" not in text
        and "+239 991" not in text
        and "+239991" not in text
    )


def test_export_all_to_csv_with_labels(data_dir, store_with_records, tmp_path, monkeypatch, capsys):
    out = tmp_path / "all.csv"
    code, _stdout, stderr = _run(
        monkeypatch,
        capsys,
        data_dir,
        "amara",
        ["--all", "--format", "csv", "--labels", "fr", "--out", str(out)],
    )
    assert code == 0, stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    assert (tmp_path / "all-metadata.csv").exists() and (tmp_path / "all-dictionary.csv").exists()
    remarks = [value for row in rows for value in row.values() if value and value.startswith("'=")]
    assert remarks == ["'=cmd|' /C calc'!A0"]


def test_encrypted_export_with_password_file(data_dir, store_with_records, tmp_path, monkeypatch, capsys):
    secret = tmp_path / "password.txt"
    secret.write_text("a long export password\n", encoding="utf-8")
    out = tmp_path / "day.xlsx"
    code, stdout, stderr = _run(
        monkeypatch, capsys, data_dir, "amara", ["--all", "--password-file", str(secret), "--out", str(out)]
    )
    assert code == 0, stderr
    assert "password-protected" in stdout
    office = msoffcrypto.OfficeFile(out.open("rb"))
    office.load_key(password="a long export password")
    plain = io.BytesIO()
    office.decrypt(plain)
    assert openpyxl.load_workbook(plain)[MAIN].max_row == 5
    wrong = msoffcrypto.OfficeFile(out.open("rb"))
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        wrong.load_key(password="not the password", verify_password=True)


def test_a_clerk_cannot_export(data_dir, store_with_records, tmp_path, monkeypatch, capsys):
    out = tmp_path / "day.xlsx"
    code, _stdout, stderr = _run(monkeypatch, capsys, data_dir, "kofi", ["--all", "--out", str(out)])
    assert code != 0
    assert "Only a supervisor may export records" in stderr and "Traceback" not in stderr
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert [e.action for e in _audit(data_dir)] == ["export_refused"]


def test_unknown_batch_and_language_are_sentences(
    data_dir, store_with_records, tmp_path, monkeypatch, capsys
):
    base = ["--out", str(tmp_path / "x.xlsx")]
    code, _, stderr = _run(monkeypatch, capsys, data_dir, "amara", [*base, "--batch", "nope"])
    assert code == 2 and "no batch with that id" in stderr
    code, _, stderr = _run(monkeypatch, capsys, data_dir, "amara", [*base, "--all", "--labels", "xx"])
    assert code == 2 and "no language 'xx'" in stderr
    assert list(tmp_path.glob("x*")) == []
