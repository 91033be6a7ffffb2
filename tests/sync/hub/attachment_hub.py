"""An event hub with a clerk's laptop enrolled and a form with photo questions, for the tests of files
that travel through a hub (test_attachment_relay.py, test_file_refusals.py); and a record the central
server already holds from a laptop enrolled with it directly, so that the hub's copy of its file is
refused (not_record_owner)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, select

from forms.library import add_form_file
from forms.store import Store
from sync import protocol as p
from sync.client.backoff import Backoff
from sync.server import admin
from sync.server.models import AttachmentRow, FormVersionRow
from tests.forms.engine.xlsform import workbook_bytes
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import hub_and_clerk

FORM_ID = "hub_visit_files"
FAST = Backoff(base=0.01, cap=0.05, max_attempts=3)
SURVEY = [
    ["type", "name", "label", "appearance"],
    ["text", "full_name", "Full name", ""],
    ["image", "photo", "Photo", ""],
    ["image", "signature", "Signature", "signature"],
]


def files_of(engine: Engine, record_id: str) -> dict[str, bytes]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(AttachmentRow.name, AttachmentRow.content).where(AttachmentRow.record_id == record_id)
        ).all()
    return {str(name): bytes(content) for name, content in rows}


@contextmanager
def hub_with_clerk(tmp_path: Path, central: ServerProcess) -> Iterator[tuple[Store, Path, Store]]:
    """The hub laptop's store (running its hub), the form file, and a clerk's laptop enrolled with it."""
    form_path = tmp_path / "hub_visit_files.xlsx"
    form_path.write_bytes(workbook_bytes(SURVEY, settings=[["form_id", "version"], [FORM_ID, "1"]]))
    with central.engine() as engine:
        with engine.connect() as connection:
            held = connection.execute(
                select(FormVersionRow.id).where(FormVersionRow.form_id == FORM_ID)
            ).first()
        if held is None:
            admin.publish_form(engine, form_path)
    with hub_and_clerk(tmp_path, central) as (hub_store, _hub, clerk, _device):
        add_form_file(clerk, form_path)
        yield hub_store, form_path, clerk


def direct_device(central: ServerProcess) -> tuple[str, str, Any]:
    """A laptop enrolled with the central server itself (not through the hub): device id, credential, key."""
    key = p.generate_device_key()
    answer = requests.post(
        central.url + p.ENROLL_PATH,
        json=p.enroll_request(central.enrollment_code("Direct laptop"), key, "direct"),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    enrolled = p.parse_enroll_response(answer.json())
    return enrolled.device_id, enrolled.credential, key


def held_centrally_first(central: ServerProcess, record_id: str) -> str:
    """The central server stores ``record_id`` from a laptop enrolled with it directly (another record's
    answers), before the hub relays its own copy; returns that laptop's device id."""
    device_id, credential, key = direct_device(central)
    record = p.WireRecord(
        record_id=record_id,
        version_id=str(uuid.uuid4()),
        sequence=1,
        form_id=FORM_ID,
        form_version="1",
        answers={"full_name": "Someone else"},
        created_at=p.now_iso(),
    )
    encoded = p.build_batch(device_id=device_id, records=[record], private_key=key)
    posted = requests.post(
        central.url + p.BATCHES_PATH,
        data=encoded.body,
        headers={**encoded.headers, **p.auth_headers(credential)},
        timeout=30,
    )
    assert posted.status_code == 200 and posted.json()["results"][0]["status"] == "accepted", posted.text
    return device_id
