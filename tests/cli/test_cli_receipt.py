"""`diaspora-desk receipt`: a one-page PDF from the command line, in a process without a display, by
record id or by the reference printed on the receipt; bad input is one sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from forms.reference import reference_of
from forms.store import Store, batches, records
from forms.store.kdf import TEST_FAST_ENV
from tests.conftest import REPO_ROOT

PASSPHRASE = "blue river stone lamp"


@pytest.fixture
def saved(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    try:
        batch = batches.open_batch(store, "Lyon consulate day", "Lyon", "2026-06-13").id
        answers = {"given_name": "Ana", "family_name": "Silva", "document_number": "B2001234"}
        final = records.save_record(store, batch, "diaspora", "1", answers, draft=False).record_id
        draft = records.save_record(store, batch, "diaspora", "1", answers, draft=True).record_id
    finally:
        store.close()
    return {"final": final, "draft": draft}


def _run(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env[TEST_FAST_ENV] = "1"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(data_dir),
            "receipt",
            "--operator",
            "amara",
            *argv,
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )


def test_receipt_by_reference_is_one_pdf_page(data_dir: Path, saved, tmp_path: Path) -> None:
    out = tmp_path / "receipt.pdf"
    reference = reference_of(saved["final"])
    done = _run(data_dir, "--record", reference.lower(), "--language", "fr", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert reference in done.stdout and "(fr)" in done.stdout
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1
    assert b"B2001234" not in pdf


def test_receipt_refusals_are_one_sentence(data_dir: Path, saved, tmp_path: Path) -> None:
    draft = _run(data_dir, "--record", saved["draft"], "--out", str(tmp_path / "d.pdf"))
    assert draft.returncode != 0 and "still a draft" in draft.stderr and "Traceback" not in draft.stderr
    unknown = _run(data_dir, "--record", "ZZZZ-ZZZZ-Z", "--out", str(tmp_path / "u.pdf"))
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr
    assert "typing mistake" in unknown.stderr or "No record" in unknown.stderr
    wrong = _run(data_dir, "--record", saved["final"], "--out", str(tmp_path / "r.txt"))
    assert wrong.returncode == 2 and "ending in .pdf" in wrong.stderr
