"""The central server's export names the clerk laptop that made a record an event hub relayed (its
``_device`` and ``_operator``), not the hub, and says which hub it came through (its batch, named
"relayed by event hub <label>" in the metadata sheet); a laptop's own records keep their device. The
registry's person page names the laptop too, and the hub it came through."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import load_device
from sync.hub.background import BackgroundHub
from sync.hub.code import parse_hub_code
from sync.hub.relay import relay_hub
from sync.hub.serve import prepare
from sync.server.export import ServerExportRequest, export_from_server
from sync.server.registry import person
from tests.sync.client.helpers import FORM_ID, OPERATOR, add_records, new_store
from tests.sync.e2e.servers import ServerProcess, free_port
from tests.sync.hub.hubs import make_hub_laptop, unlock


def _rows(path: Path) -> dict[str, dict[str, str]]:
    return {row["_uuid"]: row for row in csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")))}


def test_the_export_names_the_clerk_laptop_of_a_relayed_record_and_the_hub_it_came_through(
    tmp_path: Path, central: ServerProcess
) -> None:
    hub_device_id = make_hub_laptop(tmp_path / "hub", central)
    hub_store = unlock(tmp_path / "hub")
    hub = BackgroundHub(
        prepare(hub_store, host="127.0.0.1", port=free_port(), operator=OPERATOR), announce_it=False
    )
    assert hub.start(), hub.error
    clerk = new_store(tmp_path / "clerk")
    direct = new_store(tmp_path / "direct")
    try:
        code = parse_hub_code(hub.new_code("Clerk A"))
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        relayed = {v.record_id for v in add_records(clerk, 3, start=300)}
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
        report = relay_hub(hub_store)
        assert report is not None and report.ok and report.sent == 3, report
        direct_device = enroll(
            direct, server_url=central.url, code=central.enrollment_code("Desk B")
        ).device_id
        own = {v.record_id for v in add_records(direct, 2, start=400)}
        assert SyncEngine(direct, fetch_forms=False).run_once().ok
        clerk_laptop = clerk.device_id
        assert clerk_laptop != hub_device_id
        hub_device = load_device(hub_store)
        assert hub_device is not None and hub_device.device_id == hub_device_id

        with central.engine() as engine:
            export_from_server(engine, ServerExportRequest(tmp_path / "all.csv", FORM_ID, file_format="csv"))
            export_from_server(
                engine, ServerExportRequest(tmp_path / "all.xlsx", FORM_ID, file_format="xlsx")
            )
        rows = _rows(tmp_path / "all.csv")
        assert {rows[r]["_device"] for r in relayed} == {clerk_laptop}
        assert {rows[r]["_operator"] for r in relayed} == {OPERATOR}  # the clerk's operator, relayed
        assert {rows[r]["_device"] for r in own} == {direct_device}
        assert {rows[r]["_operator"] for r in own} == {"Desk B"}
        relay_batches = {rows[r]["_batch"] for r in relayed}
        assert len(relay_batches) == 1

        book = load_workbook(tmp_path / "all.xlsx", read_only=True)
        cells = [
            [str(cell) for cell in row if cell is not None]
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        ]
        relay_batch = relay_batches.pop()
        named = [row for row in cells if relay_batch in row]
        assert any("relayed by event hub Hub laptop" in row for row in named), named
        own_batch = rows[next(iter(own))]["_batch"]
        assert any("received from Desk B" in row for row in cells if own_batch in row)

        # The registry's person page: the relayed version's device is the clerk's laptop, through the hub.
        with central.engine() as engine, Session(engine) as session:
            for record_id, device, hub_label in (
                (next(iter(relayed)), clerk_laptop[:8], "Hub laptop"),
                (next(iter(own)), "Desk B", ""),
            ):
                loaded = person.load(session, record_id)
                assert loaded is not None
                [version] = person.page(session, *loaded, None).versions
                assert (version.device, version.hub) == (device, hub_label)
    finally:
        direct.close()
        clerk.close()
        hub.stop()
        hub_store.close()
