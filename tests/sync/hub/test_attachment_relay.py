"""Files attached to a clerk's records travel through an event hub: the clerk's laptop sends them to the
hub before its batch, the hub relays them to the central server before its relay batch; the central
server's export has them with the same bytes (issue 13)."""

from __future__ import annotations

import ast
import logging
import os
from pathlib import Path

import pytest

from forms.store.attachments import put_attachment
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync import protocol as p
from sync.client.engine import SyncEngine
from sync.client.files import FILE_REFUSALS
from sync.hub import relay as relay_module
from sync.hub.place import open_hub_database
from sync.hub.relay import relay_hub, relay_sentence
from sync.server.export import ServerExportRequest, export_from_server
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.attachment_hub import FAST, FORM_ID, files_of, held_centrally_first, hub_with_clerk


def test_a_clerks_photo_and_signature_reach_the_central_server_through_the_hub(
    tmp_path: Path, central: ServerProcess
) -> None:
    with hub_with_clerk(tmp_path, central) as (hub_store, _form_path, clerk):
        photo = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
        signature = b"\x89PNG\r\n\x1a\n" + os.urandom(5_000)
        photo_name = put_attachment(clerk, "image", "photo.jpg", photo)
        signature_name = put_attachment(clerk, "image", "signature.png", signature)
        batch = open_batch(clerk, "Hub day", "Lagos", "2026-12-07")
        version = save_record(
            clerk, batch.id, FORM_ID, "1",
            {"full_name": "Ngozi", "photo": photo_name, "signature": signature_name}, draft=False,
        )  # fmt: skip
        to_hub = SyncEngine(clerk, fetch_forms=False).run_once()
        assert to_hub.ok and to_hub.counts["accepted"] == 1, to_hub
        hub_engine = open_hub_database(hub_store)
        try:
            assert files_of(hub_engine, version.record_id) == {photo_name: photo, signature_name: signature}
        finally:
            hub_engine.dispose()

        report = relay_hub(hub_store)
        assert report is not None and report.ok and report.counts["accepted"] == 1, report
        with central.engine() as engine:
            assert files_of(engine, version.record_id) == {photo_name: photo, signature_name: signature}
            out = tmp_path / "central.xlsx"
            result = export_from_server(engine, ServerExportRequest(out, FORM_ID))
        assert result.attachments == 2
        folder = tmp_path / "central_attachments"
        assert (folder / photo_name).read_bytes() == photo
        assert (folder / signature_name).read_bytes() == signature
        again = relay_hub(hub_store)
        assert again is not None and again.ok and again.sent == 0


def test_a_file_the_central_server_refuses_is_left_out_and_later_relay_batches_still_go(
    tmp_path: Path, central: ServerProcess, caplog: pytest.LogCaptureFixture
) -> None:
    """One refused file (403: the central server holds its record from another device) stopped every later
    relay batch: the relay raised on it, its batch stayed in flight and was tried first at every sync. Now
    the file is left out and counted, said once in the sentence and the log (ids only), its batch goes
    (the central server answers its record alone, which stays waiting on the hub) and the next batch,
    another record's, relays with its photo (the waiting record is tried again and refused again)."""
    with hub_with_clerk(tmp_path, central) as (hub_store, _form_path, clerk):
        batch = open_batch(clerk, "Hub day", "Lagos", "2026-12-07")
        photo = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
        taken = save_record(
            clerk, batch.id, FORM_ID, "1",
            {"full_name": "Chidi Okafor", "photo": put_attachment(clerk, "image", "photo.jpg", photo)},
            draft=False,
        )  # fmt: skip
        # the same record id reaches the central server first from a laptop enrolled with it directly
        held_centrally_first(central, taken.record_id)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok  # to the hub: its file and all

        with caplog.at_level(logging.INFO, logger="sync.hub.relay"):
            first = relay_hub(hub_store, backoff=FAST)
        assert first is not None and first.error is None, first
        assert first.files_refused == {p.ERROR_NOT_RECORD_OWNER: 1}
        assert first.batches == 1 and first.remaining == 1 and first.held == 1
        assert "Attached files the central server refused: 1; the 1 record versions naming them stay " in (
            relay_sentence(first)
        )
        assert not first.ok  # the supervisor's relay reports it: a record of the event did not arrive
        # a fault that hits every file (a header the hub gets wrong) must stop the relay, not drop them all
        assert p.ERROR_MALFORMED_REQUEST not in FILE_REFUSALS
        summaries = [r for r in caplog.records if r.levelno == logging.WARNING and "refused" in r.message]
        assert len(summaries) == 1, [r.message for r in caplog.records]
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "Chidi" not in logged and "Okafor" not in logged and "Someone" not in logged
        with central.engine() as engine:
            assert files_of(engine, taken.record_id) == {}  # the refused file was not kept

        # a later record of the clerk's, in the next relay batch, relays with its photo
        later_photo = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
        later_name = put_attachment(clerk, "image", "later.jpg", later_photo)
        later = save_record(
            clerk, batch.id, FORM_ID, "1", {"full_name": "Amaka Eze", "photo": later_name}, draft=False
        )
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="sync.hub.relay"):
            second = relay_hub(hub_store, backoff=FAST)
        assert second is not None and second.error is None, second
        assert second.counts["accepted"] == 1 and second.files_refused == {p.ERROR_NOT_RECORD_OWNER: 1}
        assert second.held == 1 and second.remaining == 1, second
        summaries = [r for r in caplog.records if r.levelno == logging.WARNING and "refused" in r.message]
        assert len(summaries) == 1  # once a relay
        with central.engine() as engine:
            assert files_of(engine, later.record_id) == {later_name: later_photo}


def test_the_relay_retries_with_the_clients_one_retry_step(
    tmp_path: Path, central: ServerProcess, caplog: pytest.LogCaptureFixture
) -> None:
    """relay.py had its own copy of the retry loop; it now calls sync.client.engine.with_retries, and
    behaves as before: a 503 on a file and one on the relay batch are waited out and tried again."""
    source = Path(relay_module.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert "with_retries" in calls and "delay" not in calls  # no backoff.delay of its own
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.While) and "TransportError" in
                ast.unparse(node)]  # fmt: skip

    with hub_with_clerk(tmp_path, central) as (hub_store, _form_path, clerk):
        batch = open_batch(clerk, "Hub day", "Lagos", "2026-12-07")
        photo = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
        name = put_attachment(clerk, "image", "photo.jpg", photo)
        version = save_record(
            clerk, batch.id, FORM_ID, "1", {"full_name": "Bola Ade", "photo": name}, draft=False
        )
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
        with FaultProxy(central.port) as proxy:
            proxy.add(
                Fault("status", path=p.attachment_path(version.record_id, name), status=503),
                Fault("status", path=p.BATCHES_PATH, status=503),
            )
            with caplog.at_level(logging.INFO, logger="sync.client.engine"):
                report = relay_hub(hub_store, server_url=proxy.url, backoff=FAST)
            assert proxy.pending_faults() == 0
        assert report is not None and report.ok and report.counts["accepted"] == 1, report
        retried = [r.getMessage() for r in caplog.records if "relay attempt 1 failed" in r.getMessage()]
        assert len(retried) == 2, retried
        with central.engine() as engine:
            assert files_of(engine, version.record_id) == {name: photo}
