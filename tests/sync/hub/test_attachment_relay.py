"""Files attached to a clerk's records travel through an event hub: the clerk's laptop sends them to the
hub before its batch, the hub relays them to the central server before its relay batch; the central
server's export has them with the same bytes (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, select

from forms.library import add_form_file
from forms.store.attachments import put_attachment
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.hub.background import BackgroundHub
from sync.hub.code import parse_hub_code
from sync.hub.place import open_hub_database
from sync.hub.relay import relay_hub
from sync.hub.serve import prepare
from sync.server import admin
from sync.server.export import ServerExportRequest, export_from_server
from sync.server.models import AttachmentRow, FormVersionRow
from tests.forms.engine.xlsform import workbook_bytes
from tests.sync.client.helpers import OPERATOR, new_store
from tests.sync.e2e.servers import ServerProcess, free_port
from tests.sync.hub.hubs import make_hub_laptop, unlock

FORM_ID = "hub_visit_files"
SURVEY = [
    ["type", "name", "label", "appearance"],
    ["text", "full_name", "Full name", ""],
    ["image", "photo", "Photo", ""],
    ["image", "signature", "Signature", "signature"],
]


def _files(engine: Engine, record_id: str) -> dict[str, bytes]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(AttachmentRow.name, AttachmentRow.content).where(AttachmentRow.record_id == record_id)
        ).all()
    return {str(name): bytes(content) for name, content in rows}


def test_a_clerks_photo_and_signature_reach_the_central_server_through_the_hub(
    tmp_path: Path, central: ServerProcess
) -> None:
    form_path = tmp_path / "hub_visit_files.xlsx"
    form_path.write_bytes(workbook_bytes(SURVEY, settings=[["form_id", "version"], [FORM_ID, "1"]]))
    with central.engine() as engine:
        with engine.connect() as connection:
            held = connection.execute(
                select(FormVersionRow.id).where(FormVersionRow.form_id == FORM_ID)
            ).first()
        if held is None:
            admin.publish_form(engine, form_path)
    make_hub_laptop(tmp_path / "hub", central)  # downloads the central server's forms, this one too
    hub_store = unlock(tmp_path / "hub")
    hub = BackgroundHub(
        prepare(hub_store, host="127.0.0.1", port=free_port(), operator=OPERATOR), announce_it=False
    )
    assert hub.start(), hub.error
    clerk = new_store(tmp_path / "clerk")
    try:
        code = parse_hub_code(hub.new_code("Clerk A"))
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        add_form_file(clerk, form_path)
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
            assert _files(hub_engine, version.record_id) == {photo_name: photo, signature_name: signature}
        finally:
            hub_engine.dispose()

        report = relay_hub(hub_store)
        assert report is not None and report.ok and report.counts["accepted"] == 1, report
        with central.engine() as engine:
            assert _files(engine, version.record_id) == {photo_name: photo, signature_name: signature}
            out = tmp_path / "central.xlsx"
            result = export_from_server(engine, ServerExportRequest(out, FORM_ID))
        assert result.attachments == 2
        folder = tmp_path / "central_attachments"
        assert (folder / photo_name).read_bytes() == photo
        assert (folder / signature_name).read_bytes() == signature
        again = relay_hub(hub_store)
        assert again is not None and again.ok and again.sent == 0
    finally:
        clerk.close()
        hub.stop()
        hub_store.close()
