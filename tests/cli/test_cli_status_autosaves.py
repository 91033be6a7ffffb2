"""`diaspora-desk status --json` counts autosaves (forms left open at a lock, quit or crash) apart from
drafts (issue 12, defect 1)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from forms.store import Store, batches, records
from forms.store.autosave import write_autosave
from forms.store.kdf import TEST_FAST_ENV

PASSPHRASE = "blue river stone lamp"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_FAST_ENV, "1")


def test_status_reports_drafts_and_autosaves_apart(monkeypatch, capsys, data_dir: Path) -> None:
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    batch = batches.open_batch(store, "Accra day", "Accra", "2026-06-13")
    records.save_record(store, batch.id, "reg", "1", {"given_name": "Kwame"}, draft=True)
    write_autosave(store, "reg", "1", {"given_name": "Ama", "family_name": "Mensah"}, batch_id=batch.id)
    store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n"))
    code = main(["--data-dir", str(data_dir), "status", "--operator", "amara", "--json"])
    out, _err = capsys.readouterr()
    assert code == 0
    figures = json.loads(out)
    assert (figures["drafts"], figures["autosaves"]) == (1, 1)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n"))
    assert main(["--data-dir", str(data_dir), "status", "--operator", "amara"]) == 0
    lines = capsys.readouterr()[0].splitlines()
    assert any(line.startswith("autosaves") and line.endswith(": 1") for line in lines), lines
