"""A file the central server refuses when the hub relays it is kept in the hub's database and listed by
`diaspora-desk hub status` (the record's registration reference, the file, the reason in words, what to
do); the record version that named it stays waiting on the hub instead of being marked relayed as
rejected, goes again at the next relay, and the entry goes once a relay sends the file. Real HTTPS over
loopback: a clerk's laptop -> the hub (in-process, uvicorn) -> the central server (a process)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.reference import reference_of
from forms.store.attachments import put_attachment
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync import protocol as p
from sync.client.engine import SyncEngine
from sync.client.state import load_device
from sync.hub.place import HubPlace, open_hub_database
from sync.hub.relay import relay_hub, relay_sentence
from sync.hub.status import hub_status
from sync.server import admin
from sync.server.hub_models import HubRelayedRow
from tests.sync.client.helpers import OPERATOR
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.attachment_hub import FAST, FORM_ID, files_of, held_centrally_first, hub_with_clerk
from tests.sync.hub.hubs import desk

NAMES = ("Chidi", "Okafor", "Someone")


def _status(hub_store: object) -> dict[str, object]:
    engine = open_hub_database(hub_store)  # type: ignore[arg-type]
    try:
        return hub_status(engine, HubPlace.of(hub_store.data_dir))  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def _relayed_status(hub_store: object, version_id: str) -> str | None:
    engine = open_hub_database(hub_store)  # type: ignore[arg-type]
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(HubRelayedRow.status).where(HubRelayedRow.version_id == version_id)
            ).scalar()
    finally:
        engine.dispose()


def test_a_refused_file_is_listed_in_hub_status_its_record_waits_and_both_clear_after_a_later_relay(
    tmp_path: Path, central: ServerProcess, caplog: pytest.LogCaptureFixture
) -> None:
    with hub_with_clerk(tmp_path, central) as (hub_store, _form_path, clerk):
        batch = open_batch(clerk, "Hub day", "Lagos", "2026-12-07")
        photo = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
        photo_name = put_attachment(clerk, "image", "photo.jpg", photo)
        taken = save_record(
            clerk, batch.id, FORM_ID, "1", {"full_name": "Chidi Okafor", "photo": photo_name}, draft=False
        )
        # the same record id reached the central server first from a laptop enrolled with it directly
        direct_id = held_centrally_first(central, taken.record_id)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok  # to the hub, its photo first

        with caplog.at_level(logging.INFO, logger="sync.hub"):
            first = relay_hub(hub_store, backoff=FAST)
        assert first is not None and first.error is None, first
        assert first.files_refused == {p.ERROR_NOT_RECORD_OWNER: 1}
        # the version is not counted as rejected and not marked relayed: it waits on the hub
        assert first.held == 1 and first.counts["rejected"] == 0 and first.remaining == 1, first
        assert _relayed_status(hub_store, taken.version_id) is None
        sentence = relay_sentence(first)
        assert "see the log" not in sentence and "diaspora-desk hub status" in sentence, sentence
        assert "1 record versions naming them stay waiting on the hub" in sentence, sentence

        status = _status(hub_store)
        assert status["waiting"] == 1
        refused = status["files_refused"]
        assert isinstance(refused, list) and len(refused) == 1, refused
        entry = refused[0]
        assert entry["reference"] == reference_of(taken.record_id)
        assert entry["record_id"] == taken.record_id and entry["file"] == photo_name
        assert entry["code"] == p.ERROR_NOT_RECORD_OWNER
        assert entry["reason"].startswith("another laptop owns this record")
        assert "hand-over" in entry["what_to_do"]
        assert entry["times"] == 1 and entry["versions_waiting"] == 1

        # the next relay sends the waiting version again; refused again, it is counted once more
        again = relay_hub(hub_store, backoff=FAST)
        assert again is not None and again.held == 1 and again.remaining == 1, again
        (entry,) = _status(hub_store)["files_refused"]  # type: ignore[misc]
        assert entry["times"] == 2

        # what the supervisor reads
        shown = desk("hub", "status", "--data-dir", str(tmp_path / "hub"), "--operator", OPERATOR)
        assert shown.returncode == 0, shown.stderr
        text = shown.stdout
        assert reference_of(taken.record_id) in text and photo_name in text, text
        assert "another laptop owns this record" in text and "What to do:" in text, text
        assert taken.record_id not in text  # the reference, not the raw id

        # the central server's administrator hands the direct laptop's records over to the hub
        hub_device = load_device(hub_store)
        assert hub_device is not None
        with central.engine() as engine:
            admin.hand_over(engine, direct_id, hub_device.device_id, decided_by="test")
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="sync.hub"):
            later = relay_hub(hub_store, backoff=FAST)
        assert later is not None and later.error is None and not later.files_refused, later
        assert later.held == 0 and later.remaining == 0, later
        # the record reaches the central server, with its file (kept there for review against the
        # direct laptop's version), and nothing stays listed
        assert later.counts["conflict"] == 1, later
        assert _relayed_status(hub_store, taken.version_id) == p.STATUS_CONFLICT
        with central.engine() as engine:
            assert files_of(engine, taken.record_id) == {photo_name: photo}
        status = _status(hub_store)
        assert status["files_refused"] == [] and status["waiting"] == 0, status
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert not any(name in logged for name in NAMES)
