"""`diaspora-server export` over records ingested from two devices: the head version of each record, one
received batch or all, XLSX and CSV (accents intact), a password-protected XLSX, errors in one sentence."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest

from sync import protocol as p
from sync.server.db import make_engine, session_factory
from sync.server.ingest import ingest_batch
from sync.server.validation import FormCatalog
from tests.sync.server.helpers import TEST_FORM_ID, cli_env, run_cli, sqlite_url, write_test_form


def _cli(data_dir: Path, *args: str, check: bool = True):  # type: ignore[no-untyped-def]
    return run_cli([args[0], *args[1:], "--data-dir", str(data_dir)], cli_env(None), check=check)


def _wire(seq: int, answers: dict[str, object], **extra: object) -> p.WireRecord:
    fields = {"record_id": str(uuid.uuid4()), "version_id": str(uuid.uuid4()), **extra}
    return p.WireRecord(sequence=seq, form_id=TEST_FORM_ID, form_version="1", answers=answers, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Two devices: the first sends three people then an edit of the first; the second sends one."""
    data_dir = tmp_path_factory.mktemp("server-export")
    _cli(data_dir, "init")
    _cli(data_dir, "forms", "publish", str(write_test_form(data_dir / "form.xlsx")))
    factory = session_factory(engine := make_engine(sqlite_url(data_dir)))
    first = [
        _wire(1, {"full_name": "Conceição N'Guessan", "age": 34}),
        _wire(2, {"full_name": '=HYPERLINK("http://x")', "age": 50}),
        _wire(3, {"full_name": "João São Tomé", "age": 61}),
    ]
    edit = _wire(
        4,
        {"full_name": "Conceição N'Guessan", "age": 35},
        record_id=first[0].record_id,
        replaces=first[0].version_id,
    )
    other = [_wire(1, {"full_name": "Élodie Ngoma", "age": 22})]
    batch_ids = []
    first_device, first_key = str(uuid.uuid4()), p.generate_device_key()
    sends = [(first_device, first_key, first), (first_device, first_key, [edit])]
    sends.append((str(uuid.uuid4()), p.generate_device_key(), other))
    for device, key, records in sends:
        batch = p.build_batch(device_id=device, records=records, private_key=key)
        payload, _ = p.decode_batch(
            body=batch.body,
            batch_id=batch.batch_id,
            payload_sha256=batch.payload_sha256,
            signature_b64=batch.headers[p.HEADER_SIGNATURE],
            public_key=key.public_key().public_bytes_raw(),
        )
        ingest_batch(
            factory,
            FormCatalog(factory),
            device_id=device,
            payload=payload,
            payload_sha256=batch.payload_sha256,
        )
        batch_ids.append(payload.batch_id)
    engine.dispose()
    return data_dir, batch_ids


def test_all_batches_to_xlsx_holds_each_record_once_at_its_head_version(server, tmp_path: Path) -> None:
    data_dir, _batches = server
    out = tmp_path / "all.xlsx"
    done = _cli(data_dir, "export", "--all", "--form", TEST_FORM_ID, "--format", "xlsx", "--out", str(out))
    assert "Exported 4 records" in done.stdout
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert "full_name" in header and "age" in header
    by_name = {row[header.index("full_name")]: row[header.index("age")] for row in data}
    assert len(data) == 4
    assert by_name["Conceição N'Guessan"] == 35  # the edit, not the first version
    assert "Élodie Ngoma" in by_name and "João São Tomé" in by_name
    sheet = openpyxl.load_workbook(out).worksheets[0]  # not read-only: cell types are what matters here
    column = header.index("full_name") + 1
    formula_like = [
        row[column - 1] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(row[column - 1].value)
    ]
    assert len(formula_like) == 1 and formula_like[0].data_type == "s"  # text, never a formula
    assert {"dictionary", "metadata"} <= set(book.sheetnames)
    metadata = [str(cell) for row in book["metadata"].iter_rows(values_only=True) for cell in row if cell]
    assert any(text.endswith("(server)") for text in metadata)  # who exported: the account running it
    assert not any("Conceição" in text for text in metadata)


def test_one_received_batch_to_csv_keeps_accents(server, tmp_path: Path) -> None:
    data_dir, batches = server
    out = tmp_path / "one.csv"
    _cli(
        data_dir,
        "export",
        "--batch",
        batches[2],
        "--form",
        TEST_FORM_ID,
        "--format",
        "csv",
        "--out",
        str(out),
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["full_name"] for row in rows] == ["Élodie Ngoma"]


def test_a_password_file_protects_the_xlsx(server, tmp_path: Path) -> None:
    data_dir, _batches = server
    secret = tmp_path / "password.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    out = tmp_path / "locked.xlsx"
    done = _cli(
        data_dir, "export", "--all", "--form", TEST_FORM_ID, "--password-file", str(secret), "--out", str(out)
    )
    assert "password-protected" in done.stdout
    with out.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
        clear = io.BytesIO()
        office.load_key(password="correct horse battery staple")
        office.decrypt(clear)
    assert len(list(openpyxl.load_workbook(clear, read_only=True).worksheets[0].iter_rows())) == 5


@pytest.mark.parametrize(
    "args",
    [
        ["--batch", "no-such-batch", "--form", TEST_FORM_ID],
        ["--all", "--form", "not_published"],
        ["--all", "--form", TEST_FORM_ID, "--format", "csv", "--password-file", "/nonexistent"],
    ],
)
def test_refusals_are_one_sentence(server, tmp_path: Path, args: list[str]) -> None:
    data_dir, _batches = server
    done = _cli(data_dir, "export", *args, "--out", str(tmp_path / "x.xlsx"), check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()
