"""Shared by the protection tests: a laptop enrolled on a server, people registered and synced, and the
server's stores scanned for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store import Store, batches, records
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from tests.sync.client.helpers import new_store
from tests.sync.e2e.servers import ServerProcess
from tests.sync.protection.pages import hits, raw_hits

FORM = load_form(shipped_form_path())


def _laptop(folder: Path, server: ServerProcess) -> Store:
    store = new_store(folder)
    enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="protection laptop")
    return store


def _person(seed: int, given: str, family: str, document: str) -> dict[str, Any]:
    answers = dict(demo_registrations(1, seed=seed)[0])
    answers.update(given_name=given, family_name=family, document_number=document)
    return answers


def _register(store: Store, *people: dict[str, Any]) -> list[str]:
    batch = batches.open_batch(store, "Protection day", "Lisbon", "2026-12-07")
    saved = [records.save_record(store, batch.id, FORM.form_id, FORM.version, a, draft=False) for a in people]
    return [version.record_id for version in saved]


def _sync(store: Store, server: ServerProcess) -> Any:
    report = SyncEngine(store, server_url=server.url, fetch_forms=False).run_once()
    assert report.error is None and report.remaining == 0, report.error
    return report


def _server_key(server: ServerProcess) -> bytes:
    key_file = server.data_dir.with_name(server.data_dir.name + ".key")
    return bytes.fromhex(key_file.read_text().split()[0])


def _server_scan(server: ServerProcess, canaries: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """(hits in the decrypted pages of the database and its WAL, hits in every raw byte of the folder)."""
    database = server.data_dir / "server.sqlite3"
    return hits(database, _server_key(server), canaries), raw_hits(server.data_dir, canaries)
