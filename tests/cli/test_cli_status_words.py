"""Issue 12 (defect 11): `diaspora-desk status` says what each count counts (7 people but 8 saves waiting
is then no riddle: one person was saved twice)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.cli.main import main
from forms.store import Store, batches, records
from forms.store.kdf import TEST_FAST_ENV

PASSPHRASE = "blue river stone lamp"


def test_status_lines_name_what_they_count(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    try:
        batch = batches.open_batch(store, "Day", "Lyon", "2026-06-13").id
        first = records.save_record(store, batch, "diaspora", "1", {"given_name": "Ana"}, draft=False)
        records.save_record(store, batch, "diaspora", "1", {"given_name": "Ana M"}, False, first.record_id)
    finally:
        store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["--data-dir", str(data_dir), "status", "--operator", "amara"]) == 0
    out = capsys.readouterr().out
    assert "people registered (saved records): 1" in out
    assert "saves waiting to sync (each saved version is sent once): 2" in out
    assert "drafts (unfinished registrations, never sent): 0" in out
