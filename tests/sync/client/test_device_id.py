"""One device id: the desk's store id is proposed at enrolment and adopted by the server, or the server's
answer is adopted by the desk; either way the laptop's export, the server's export and every batch name
the same device (docs/architecture.md, "The device id"). Real store, real server over loopback HTTP."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.engine import load_form
from forms.export.desk import DeskExportRequest, export_from_store
from forms.store import Store, outbox
from forms.store.schema import AuditRow
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import load_device
from sync.server.export import ServerExportRequest, export_from_server
from tests.sync.client.helpers import FORM_ID, add_records, new_store
from tests.sync.e2e.servers import ServerProcess, running_server, write_form


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("device-id-server")) as running:
        yield running


def _devices_by_record(path: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    return {row["_uuid"]: row["_device"] for row in rows}


def test_a_record_exported_on_the_laptop_and_by_the_server_names_the_same_device(
    server: ServerProcess, tmp_path: Path
) -> None:
    store = new_store(tmp_path / "laptop")
    try:
        own_id = store.device_id
        device = enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="laptop")
        assert device.device_id == own_id == store.device_id  # the server took the desk's own id
        saved = add_records(store, 2)
        assert SyncEngine(store, fetch_forms=False).run_once().ok
        # The pass advanced the store's one checkpoint (sync keeps none of its own).
        assert outbox.checkpoint(store) == 2 and outbox.waiting_count(store) == 0
        form = load_form(write_form(tmp_path / "form.xlsx"))
        export_from_store(store, DeskExportRequest(tmp_path / "laptop.csv", file_format="csv"), form=form)
    finally:
        store.close()
    with server.engine() as engine:
        export_from_server(engine, ServerExportRequest(tmp_path / "server.csv", FORM_ID, file_format="csv"))
    on_laptop = _devices_by_record(tmp_path / "laptop.csv")
    on_server = _devices_by_record(tmp_path / "server.csv")
    mine = {version.record_id for version in saved}
    assert mine <= set(on_laptop) and mine <= set(on_server)
    assert {on_laptop[record] for record in mine} == {on_server[record] for record in mine} == {own_id}


def test_a_known_id_is_never_given_again_and_the_desk_adopts_the_new_one(
    server: ServerProcess, tmp_path: Path
) -> None:
    first = new_store(tmp_path / "first")
    other = new_store(tmp_path / "other")
    try:
        taken = enroll(first, server_url=server.url, code=server.enrollment_code()).device_id
        # Another desk claiming that id (ids are in every export, so anyone may know one) gets its own.
        outbox.set_device_id(other, taken)
        assigned = enroll(other, server_url=server.url, code=server.enrollment_code()).device_id
        assert assigned != taken
        assert other.device_id == assigned == outbox.device_id(other)
        with other.session() as session:
            query = select(AuditRow.details).where(AuditRow.action == "device_id_set")
            adopted = session.scalars(query).all()
        assert any(assigned in details for details in adopted)  # the change of id is in the audit log
        # The same desk enrolling again here becomes a new device too, and from then on uses that id.
        again = enroll(first, server_url=server.url, code=server.enrollment_code(), replace=True).device_id
        assert again not in (taken, assigned) and first.device_id == again
        add_records(first, 1)
        assert SyncEngine(first, fetch_forms=False).run_once().ok
    finally:
        first.close()
        other.close()


def test_a_desk_enrolled_before_the_id_was_one_adopts_its_enrolment_id(
    server: ServerProcess, tmp_path: Path
) -> None:
    store: Store = new_store(tmp_path / "older")
    try:
        enrolled = enroll(store, server_url=server.url, code=server.enrollment_code()).device_id
        outbox.set_device_id(store, "0f0e0d0c-0b0a-4908-8706-050403020100")  # as an older desk kept it
        assert store.device_id != enrolled
        device = load_device(store)
        assert device is not None and store.device_id == device.device_id == enrolled
    finally:
        store.close()
