"""The server killed mid-batch and restarted; conflicting edits from two laptops; a laptop marked lost
or revoked on the server."""

from __future__ import annotations

import io
import uuid

import pytest
import requests
from sqlalchemy import select

from desktop.cli.main import main as desk_main
from forms.store import Store
from sync import protocol as p
from sync.client.backoff import Backoff
from sync.client.batching import prepare_batch
from sync.client.engine import SyncEngine
from sync.client.state import DEVICE_LOST, load_device, open_issues, resolve_issue
from sync.server import admin
from sync.server.models import RecordRow as ServerRecordRow
from tests.sync.client.helpers import (
    FORM_ID,
    OPERATOR,
    PASSPHRASE,
    add_records,
    bulk_add_records,
    edit_record,
)
from tests.sync.e2e.conftest import RESTART_BACKOFF, TIMEOUT, engine_through
from tests.sync.e2e.exactly_once import assert_exactly_once
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess


def test_server_killed_mid_batch_and_restarted_loses_and_doubles_nothing(
    server: ServerProcess, laptop: Store
) -> None:
    bulk_add_records(laptop, 1200)  # three batches of <= 500

    def kill_and_restart(_delay: float) -> None:
        server.kill()
        server.start()

    with FaultProxy(server.port, on_kill=kill_and_restart) as proxy:
        proxy.add(Fault("pass"), Fault("kill", seconds=0.05))
        report = engine_through(laptop, proxy, RESTART_BACKOFF).run_once()
        assert "kill" in proxy.log.faults_applied
    assert report.ok, report.error
    # A batch the dead server had committed comes back as a replay (accepted), one it had not as new.
    assert report.counts["accepted"] == 1200
    assert_exactly_once(server, laptop)


def other_laptop_edit(server: ServerProcess, record_id: str, replaces: str) -> str:
    """A second, enrolled laptop (speaking the protocol directly) sends its own edit of the record first."""
    key = p.generate_device_key()
    answer = requests.post(
        server.url + p.ENROLL_PATH, json=p.enroll_request(server.enrollment_code(), key, "other"), timeout=10
    )
    enrolled = p.parse_enroll_response(answer.json())
    # A device changes only its own records: a supervisor hands the first laptop's over (issue 14).
    with server.engine() as engine:
        with engine.connect() as connection:
            owner = connection.execute(
                select(ServerRecordRow.first_device_id).where(ServerRecordRow.record_id == record_id)
            ).scalar_one()
        admin.hand_over(engine, owner, enrolled.device_id, decided_by="supervisor")
    version = str(uuid.uuid4())
    record = p.WireRecord(
        record_id=record_id,
        version_id=version,
        sequence=1,
        form_id=FORM_ID,
        form_version="1",
        answers={"full_name": "Edited elsewhere", "age": 50},
        replaces=replaces,
        created_at=p.now_iso(),
    )
    batch = p.build_batch(device_id=enrolled.device_id, records=[record], private_key=key)
    sent = requests.post(
        server.url + p.BATCHES_PATH,
        data=batch.body,
        headers={**batch.headers, **p.auth_headers(enrolled.credential)},
        timeout=10,
    )
    assert sent.status_code == 200 and sent.json()["results"][0]["status"] == "accepted"
    return version


def list_issues_by_cli(
    laptop: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    capsys.readouterr()
    code = desk_main(["sync", "--data-dir", str(laptop.data_dir), "--operator", OPERATOR, "--issues"])
    assert code == 0
    return capsys.readouterr().out


def test_a_conflicting_edit_becomes_a_conflict_not_an_overwrite(
    server: ServerProcess,
    proxy: FaultProxy,
    laptop: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    [first] = add_records(laptop, 1)
    assert engine_through(laptop, proxy).run_once().ok
    theirs = other_laptop_edit(server, first.record_id, first.version_id)
    mine = edit_record(laptop, first, {"full_name": "Edited here", "age": 41})
    proxy.add(Fault("swallow"))
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["conflict"] == 1
    [issue] = open_issues(laptop)
    assert (issue.version_id, issue.status, issue.reason) == (
        mine.version_id,
        "conflict",
        p.REASON_STALE_EDIT,
    )
    with server.engine() as engine, engine.connect() as connection:
        head = connection.scalar(
            select(ServerRecordRow.head_version_id).where(ServerRecordRow.record_id == first.record_id)
        )
    assert head == theirs  # the server kept the other laptop's version and queued ours as a conflict
    listed = list_issues_by_cli(laptop, monkeypatch, capsys)
    assert f"{issue.id}  conflict  stale_edit" in listed and mine.version_id in listed
    resolve_issue(laptop, issue.id)  # the test store's operator is a supervisor
    assert open_issues(laptop) == []


def test_a_laptop_marked_lost_erases_its_keys_at_next_contact(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 2)
    device = load_device(laptop)
    assert device is not None and device.usable
    server.set_device_status(device.device_id, "lost")
    report = engine_through(laptop, proxy).run_once()
    assert report.keys_erased and not report.ok
    assert report.error is not None and "lost" in report.error
    erased = load_device(laptop)
    assert erased is not None
    assert (erased.credential, erased.private_key, erased.status) == (None, None, DEVICE_LOST)
    again = engine_through(laptop, proxy).run_once()
    assert again.error is not None and "erased" in again.error
    assert again.remaining == 2  # the records stay on the laptop; a supervisor re-enrols to send them


def test_a_revoked_laptop_is_refused_once_and_does_not_retry(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 2)
    device = load_device(laptop)
    assert device is not None
    server.set_device_status(device.device_id, "revoked")
    report = engine_through(laptop, proxy).run_once()
    assert report.error is not None and "revoked" in report.error
    assert len(proxy.log.requests) == 1  # a 403 is final: no backoff loop
    assert report.remaining == 2
    kept = load_device(laptop)
    assert kept is not None and kept.private_key is not None  # only "lost" erases keys


def test_a_laptop_restarted_after_the_server_committed_resends_the_same_batch(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 7)
    data_dir = laptop.data_dir
    proxy.add(Fault("swallow"))
    one_try = SyncEngine(laptop, server_url=proxy.url, backoff=Backoff(max_attempts=1), timeout=TIMEOUT)
    lost = one_try.run_once()
    assert lost.error is not None and lost.remaining == 7  # the server committed; the laptop never heard
    laptop.close()  # the laptop is switched off
    reopened = Store.unlock(data_dir, OPERATOR, PASSPHRASE)
    try:
        report = engine_through(reopened, proxy).run_once()
        assert report.ok, report.error
        # Same batch id and bytes again: the server answers from its stored answer, nothing is doubled.
        assert report.counts["accepted"] == 7
        assert_exactly_once(server, reopened)
    finally:
        reopened.close()


def test_a_batch_id_the_server_holds_with_other_bytes_is_rebuilt_under_a_new_id(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 4)
    inflight = prepare_batch(laptop)
    device = load_device(laptop)
    assert inflight is not None and device is not None and device.private_key and device.credential
    # The server already holds different bytes under this batch id (think: a store restored from backup).
    other = p.WireRecord(str(uuid.uuid4()), str(uuid.uuid4()), 1, FORM_ID, "1", {"full_name": "Other"})
    clash = p.build_batch(
        device_id=device.device_id,
        records=[other],
        private_key=p.private_key_from_bytes(device.private_key),
        batch_id=inflight.batch_id,
    )
    posted = requests.post(
        server.url + p.BATCHES_PATH,
        data=clash.body,
        headers={**clash.headers, **p.auth_headers(device.credential)},
        timeout=10,
    )
    assert posted.status_code == 200
    refused = engine_through(laptop, proxy).run_once()
    assert refused.error is not None and "409" in refused.error
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 4
    assert_exactly_once(server, laptop)
