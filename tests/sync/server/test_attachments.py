"""Records with attached files sync from a desk to the server with their files, exactly once (issue 13).

A real server process (SQLite, and PostgreSQL with two workers under the postgres marker), a real
encrypted laptop store and the real sync engine over loopback HTTP; the faults come from the fault proxy
of the e2e tests, the hostile requests from a device's own key (EnrolledDevice).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.cli.commands.sync import print_issues
from forms.library import add_form_file
from forms.store import Store
from forms.store.attachments import put_attachment
from forms.store.batches import open_batch
from forms.store.records import RecordVersion, save_record
from sync import protocol as p
from sync.client.backoff import Backoff
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import load_device, open_issues
from sync.server import admin
from sync.server import cli as server_cli
from sync.server.models import AttachmentRow, FormVersionRow, RecordVersionRow, RegistryAuditRow
from sync.server.protection.access import subject_access
from tests.forms.engine.xlsform import workbook_bytes
from tests.sync.client.helpers import new_store
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.server.attachment_form import FORM_ID, FORM_VERSION, SETTINGS, SURVEY
from tests.sync.server.helpers import EnrolledDevice, RunningServer, enrollment_code

FAST = Backoff(base=0.01, cap=0.05, max_attempts=3)


def jpeg(size: int = 30_000) -> bytes:
    return b"\xff\xd8\xff\xe0" + os.urandom(size)


def png(size: int = 8_000) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + os.urandom(size)


@pytest.fixture
def form_file(tmp_path: Path, server: RunningServer) -> Path:
    """The form with an image and a signature question, published on the server (once per server)."""
    path = tmp_path / "visit_files.xlsx"
    path.write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    with server.engine() as engine:
        with engine.connect() as connection:
            held = connection.execute(
                select(FormVersionRow.id).where(FormVersionRow.form_id == FORM_ID)
            ).first()
        if held is None:
            admin.publish_form(engine, path)
    return path


@pytest.fixture
def laptop(tmp_path: Path, server: RunningServer, form_file: Path) -> Iterator[Store]:
    store = new_store(tmp_path / "laptop")
    add_form_file(store, form_file)
    enroll(store, server_url=server.base_url, code=enrollment_code(server), device_label="files laptop")
    try:
        yield store
    finally:
        store.close()


def register_with_files(store: Store, photo: bytes, signature: bytes) -> tuple[RecordVersion, str, str]:
    photo_name = put_attachment(store, "image", "passport_photo.jpg", photo)
    signature_name = put_attachment(store, "image", "signature.png", signature)
    batch = open_batch(store, "Files day", "Accra", "2026-12-07")
    version = save_record(
        store,
        batch.id,
        FORM_ID,
        FORM_VERSION,
        {"full_name": "Ama Mensah", "photo": photo_name, "signature": signature_name},
        draft=False,
    )
    return version, photo_name, signature_name


def files_of(server: RunningServer, record_id: str) -> dict[str, bytes]:
    with server.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(AttachmentRow.name, AttachmentRow.content).where(AttachmentRow.record_id == record_id)
        ).all()
    return {str(name): bytes(content) for name, content in rows}


def versions_of(server: RunningServer, record_id: str) -> int:
    with server.engine() as engine, engine.connect() as connection:
        return int(
            connection.scalar(
                select(func.count())
                .select_from(RecordVersionRow)
                .where(RecordVersionRow.record_id == record_id)
            )
            or 0
        )


def test_a_record_with_a_photo_and_a_signature_syncs_once_and_the_export_has_its_files(
    laptop: Store,
    server: RunningServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    photo, signature = jpeg(), png()
    version, photo_name, signature_name = register_with_files(laptop, photo, signature)

    report = SyncEngine(laptop, backoff=FAST, fetch_forms=False).run_once()
    assert report.error is None and report.ok
    assert report.counts["accepted"] == 1
    again = SyncEngine(laptop, backoff=FAST, fetch_forms=False).run_once()
    assert again.ok and again.sent == 0  # nothing left: the record and its files went once

    assert versions_of(server, version.record_id) == 1
    assert files_of(server, version.record_id) == {photo_name: photo, signature_name: signature}

    # `diaspora-server export`, in this process (a new Python costs seconds on a loaded box)
    out = tmp_path / "server_export.xlsx"
    monkeypatch.delenv("DIASPORA_SERVER_DATABASE_URL", raising=False)
    if server.env.get("DATABASE_URL"):
        monkeypatch.setenv("DATABASE_URL", server.env["DATABASE_URL"])
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    umask = os.umask(0o077)
    try:
        args = ["export", "--all", "--form", FORM_ID, "--out", str(out), "--data-dir", str(server.data_dir)]
        assert server_cli.main(args) == 0
    finally:
        os.umask(umask)
    printed = capsys.readouterr().out
    assert "Wrote 2 attached files" in printed, printed
    folder = tmp_path / "server_export_attachments"
    written = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert written[photo_name] == photo and written[signature_name] == signature


def test_an_upload_cut_half_way_resumes_at_the_next_sync_without_sending_again_what_arrived(
    laptop: Store, server: RunningServer
) -> None:
    photo, signature = jpeg(), png()
    version, photo_name, signature_name = register_with_files(laptop, photo, signature)
    first, second = sorted([photo_name, signature_name])  # the order the client sends them in
    port = urlsplit(server.base_url).port
    assert port is not None
    with FaultProxy(port) as proxy:
        # the first file is stored but its answer is lost (the laptop sends it again: kept once); the second
        # never gets through on this pass (a refused connection, then 503s)
        proxy.add(Fault("swallow", path=p.attachment_path(version.record_id, first)))
        target = p.attachment_path(version.record_id, second)
        proxy.add(Fault("refuse", path=target), *(Fault("status", path=target, status=503) for _ in range(5)))
        engine = SyncEngine(laptop, server_url=proxy.url, backoff=FAST, fetch_forms=False)
        broken = engine.run_once()
        assert broken.error is not None and not broken.ok
        assert files_of(server, version.record_id) == {
            first: {photo_name: photo, signature_name: signature}[first]
        }
        assert versions_of(server, version.record_id) == 0  # the batch waits for its files

        proxy.faults.clear()
        proxy.log.requests.clear()
        resumed = engine.run_once()
        assert resumed.ok and resumed.counts["accepted"] == 1
        puts = [path for path, _ in proxy.log.requests if path.startswith(p.ATTACHMENTS_PATH + "/") and
                not path.endswith("/missing")]  # fmt: skip
        assert puts == [target]  # only the file that had not arrived
    assert files_of(server, version.record_id) == {photo_name: photo, signature_name: signature}
    assert versions_of(server, version.record_id) == 1


def _put(
    device: EnrolledDevice,
    record_id: str,
    name: str,
    body: bytes,
    *,
    signed_bytes: bytes | None = None,
    version_id: str | None = None,
) -> requests.Response:
    digest = hashlib.sha256(body if signed_bytes is None else signed_bytes).hexdigest()
    version = version_id or str(uuid.uuid4())
    headers = {
        **p.auth_headers(device.credential),
        p.HEADER_VERSION_ID: version,
        p.HEADER_FILE_SHA256: digest,
        p.HEADER_SIGNATURE: p.sign(
            device.key, p.attachment_signing_message(record_id, version, name, digest)
        ),
        "Content-Type": "image/jpeg",
    }
    return requests.put(
        device.base_url + p.attachment_path(record_id, name), data=body, headers=headers, timeout=30
    )


def desk_name(content: bytes) -> str:
    return f"{hashlib.sha256(content).hexdigest()[:20]}.jpg"


def test_altered_bytes_are_refused_and_a_retry_is_idempotent(server: RunningServer, form_file: Path) -> None:
    device = EnrolledDevice.enroll(server, "Files laptop A")
    record_id = str(uuid.uuid4())
    photo = jpeg()
    name = desk_name(photo)
    changed = photo[:-1] + bytes([photo[-1] ^ 0xFF])  # one byte changed on the way, signature of the original
    refused = _put(device, record_id, name, changed, signed_bytes=photo)
    assert refused.status_code == 400, refused.text
    assert refused.json()["code"] == p.ERROR_FILE_MISMATCH and name in refused.json()["detail"]
    # bytes that match what was signed but not the name (another file under this name)
    other = jpeg()
    assert _put(device, record_id, name, other).status_code == 400
    assert files_of(server, record_id) == {}

    assert _put(device, record_id, name, photo).status_code == 201
    assert _put(device, record_id, name, photo).json() == {"status": "already"}  # a retry: 200, once
    assert files_of(server, record_id) == {name: photo}


def test_a_file_for_a_record_another_device_made_is_refused_and_audited(
    server: RunningServer, form_file: Path
) -> None:
    owner, other = (
        EnrolledDevice.enroll(server, "Owner laptop"),
        EnrolledDevice.enroll(server, "Other laptop"),
    )
    photo = jpeg()
    name = desk_name(photo)
    record = owner.record({"full_name": "Kofi"}, record_id=str(uuid.uuid4()))
    assert owner.send([record]).results[0].status == p.STATUS_ACCEPTED
    refused = _put(other, record.record_id, name, photo)
    assert refused.status_code == 403 and refused.json()["code"] == p.ERROR_NOT_RECORD_OWNER
    # a record not on the server yet, whose files its own device began to send: another device is refused
    pending = str(uuid.uuid4())
    assert _put(owner, pending, name, photo).status_code == 201
    assert _put(other, pending, desk_name(png_as := jpeg()), png_as).status_code == 403
    assert files_of(server, record.record_id) == {}
    assert set(files_of(server, pending)) == {name}
    with server.engine() as engine, engine.connect() as connection:
        audited = connection.execute(
            select(RegistryAuditRow.actor, RegistryAuditRow.target, RegistryAuditRow.details_json).where(
                RegistryAuditRow.action == "attachment_refused"
            )
        ).all()
    mine = [row for row in audited if row.actor == f"device {other.device_id}"]
    assert {row.target for row in mine} == {record.record_id, pending}
    assert all("Kofi" not in row.details_json for row in mine)


def test_a_record_naming_a_file_the_server_lacks_is_refused_naming_the_file(
    server: RunningServer, form_file: Path
) -> None:
    device = EnrolledDevice.enroll(server, "Files laptop B")
    photo = jpeg()
    name = desk_name(photo)
    record = p.WireRecord(
        record_id=str(uuid.uuid4()),
        version_id=str(uuid.uuid4()),
        sequence=1,
        form_id=FORM_ID,
        form_version=FORM_VERSION,
        answers={"full_name": "Efua", "photo": name},
        created_at=p.now_iso(),
    )
    result = device.send([record]).results[0]
    assert result.status == p.STATUS_REJECTED and result.reason == p.REASON_MISSING_ATTACHMENT
    assert result.problems[0]["field"] == "photo" and result.problems[0]["params"] == {"file": name}
    assert versions_of(server, record.record_id) == 0


def test_an_over_size_file_is_refused_with_413_before_its_body_is_read(
    server: RunningServer, form_file: Path
) -> None:
    device = EnrolledDevice.enroll(server, "Files laptop C")
    record_id = str(uuid.uuid4())
    big = b"\xff\xd8\xff\xe0" + os.urandom(p.MAX_ATTACHMENT_BYTES - 4)  # exactly the bound: taken
    assert _put(device, record_id, desk_name(big), big).status_code == 201
    # 200 MB declared, 1 KB sent: the answer comes at once, from the declared length alone
    url = urlsplit(server.base_url)
    assert url.port is not None
    name = "0" * 20 + ".jpg"
    head = (
        f"PUT {p.attachment_path(record_id, name)} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {device.credential}\r\nContent-Type: image/jpeg\r\n"
        f"Content-Length: {200 * 1024 * 1024}\r\n\r\n"
    ).encode("ascii")
    with socket.create_connection((url.hostname or "127.0.0.1", url.port), timeout=20) as sock:
        sock.sendall(head + b"\xff" * 1024)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert b" 413 " in status_line, answer[:200]
    body = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert body["code"] == p.ERROR_BODY_TOO_LARGE and "10 MB" in body["detail"]
    # one byte over the bound, sent whole: refused too, nothing kept
    over = big + b"\x00"
    assert _put(device, record_id, desk_name(over), over).status_code == 413
    assert set(files_of(server, record_id)) == {desk_name(big)}


def test_erasing_a_person_on_the_server_removes_their_files(laptop: Store, server: RunningServer) -> None:
    version, _photo_name, _signature_name = register_with_files(laptop, jpeg(), png())
    assert SyncEngine(laptop, backoff=FAST, fetch_forms=False).run_once().ok
    # and a file of a later edit whose batch has not arrived yet (kept by record, not by a stored version)
    enrolled = load_device(laptop)
    assert enrolled is not None and enrolled.credential and enrolled.private_key
    device = EnrolledDevice(
        server.base_url,
        enrolled.device_id,
        enrolled.credential,
        p.private_key_from_bytes(enrolled.private_key),
    )
    later = jpeg()
    assert _put(device, version.record_id, desk_name(later), later).status_code == 201
    assert len(files_of(server, version.record_id)) == 3
    # the person's subject access lists them (names and digests)
    with server.engine() as engine, Session(engine) as session:
        listed = subject_access(session, version.record_id)["attached_files"]
    assert {item["name"] for item in listed} == set(files_of(server, version.record_id))
    assert {item["sha256"] for item in listed} == {
        hashlib.sha256(content).hexdigest() for content in files_of(server, version.record_id).values()
    }
    server.cli("person", "erase", "--record", version.record_id, "--reason", "subject request")
    assert files_of(server, version.record_id) == {}


def test_a_file_damaged_in_the_store_rejects_only_its_record_and_sync_goes_on(
    laptop: Store, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    version, photo_name, _signature_name = register_with_files(laptop, jpeg(), png())
    with laptop.session() as session:  # a changed byte in the store: the bytes no longer match the name
        session.execute(
            text("UPDATE attachments SET content = :c WHERE name = :n"), {"c": jpeg(), "n": photo_name}
        )
    batch = open_batch(laptop, "Files day 2", "Accra", "2026-12-08")
    plain = save_record(laptop, batch.id, FORM_ID, FORM_VERSION, {"full_name": "Yaw Boateng"}, draft=False)

    report = SyncEngine(laptop, backoff=FAST, fetch_forms=False).run_once()
    assert report.error is None and report.ok, report
    assert report.counts["rejected"] == 1 and report.counts["accepted"] == 1
    assert versions_of(server, version.record_id) == 0 and versions_of(server, plain.record_id) == 1
    [issue] = open_issues(laptop)
    assert (issue.record_id, issue.reason) == (version.record_id, p.REASON_MISSING_ATTACHMENT)
    assert print_issues(laptop) == 0  # `diaspora-desk sync --issues` names the file
    assert f"attached file(s) {photo_name}" in capsys.readouterr().out
    assert photo_name not in files_of(server, version.record_id)


def _missing(device: EnrolledDevice, refs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    answer = requests.post(
        device.base_url + p.ATTACHMENTS_MISSING_PATH,
        json={"files": [{"record_id": record, "name": name} for record, name in refs]},
        headers=p.auth_headers(device.credential),
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return {(item["record_id"], item["name"]) for item in answer.json()["missing"]}


def _record_with_photo(device: EnrolledDevice, photo: bytes, full_name: str) -> p.WireRecord:
    record = p.WireRecord(
        record_id=str(uuid.uuid4()),
        version_id=str(uuid.uuid4()),
        sequence=device.next_sequence,
        form_id=FORM_ID,
        form_version=FORM_VERSION,
        answers={"full_name": full_name, "photo": desk_name(photo)},
        created_at=p.now_iso(),
    )
    device.next_sequence += 1
    assert (
        _put(device, record.record_id, desk_name(photo), photo, version_id=record.version_id).status_code
        == 201
    )
    assert device.send([record]).results[0].status == p.STATUS_ACCEPTED
    return record


def test_another_device_learns_neither_whether_a_record_holds_a_photo_nor_that_it_was_erased(
    server: RunningServer, form_file: Path
) -> None:
    """The leak fixed in review (foreign_records): device B asking about device A's records is told
    "missing" for every file, as for a record that holds none, and an upload for A's record erased by
    anonymisation (the record stays, A's, with its erasure row) is refused as not B's (403), never
    answered "erased". (A record erased whole leaves no owner behind; its id is in the erasure notices
    every device reads, GET /v1/erasures, so "erased" tells B nothing new there.)"""
    owner, other = EnrolledDevice.enroll(server, "Leak owner"), EnrolledDevice.enroll(server, "Leak other")
    photo, kept_photo = jpeg(), jpeg()
    record = _record_with_photo(owner, photo, "Abena Owusu")
    erased = _record_with_photo(owner, kept_photo, "Kwame Asante")  # anonymised below
    pending = str(uuid.uuid4())  # files of a record whose batch has not arrived yet
    assert _put(owner, pending, desk_name(photo), photo).status_code == 201
    held = [(record.record_id, desk_name(photo)), (pending, desk_name(photo))]
    never = (str(uuid.uuid4()), desk_name(jpeg()))

    assert _missing(owner, [*held, never]) == {never}  # the server holds them: the owner is told so
    assert _missing(other, [*held, never]) == {*held, never}  # to B, A's records hold nothing
    assert _missing(other, held[:1]) == set(held[:1])

    server.cli("person", "anonymise", "--record", erased.record_id, "--reason", "retention")
    again = jpeg()
    refused = _put(other, erased.record_id, desk_name(again), again)
    assert refused.status_code == 403 and refused.json()["code"] == p.ERROR_NOT_RECORD_OWNER, refused.text
    assert "erased" not in refused.text
    assert _missing(other, [(erased.record_id, desk_name(again))]) == {(erased.record_id, desk_name(again))}
    # the owner itself is told: its laptop then answers the record as a duplicate and keeps nothing
    assert _put(owner, erased.record_id, desk_name(again), again).json() == {"status": "erased"}
    assert files_of(server, erased.record_id) == {}
