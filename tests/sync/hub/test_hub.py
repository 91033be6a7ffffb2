"""The event hub on loopback: `hub start` (real process, own certificate), a clerk enrolled with a hub
code (no --server: the address and pinned fingerprint are in the code), a sync to the hub, the status,
the relay to the central server keeping the clerk's laptop and operator, and mDNS discovery."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.client.engine import SyncEngine
from sync.client.state import load_device
from sync.hub.code import parse_hub_code
from sync.hub.relay import relay_hub
from sync.server.hub_models import RecordOriginRow
from sync.server.models import RecordVersionRow
from tests.sync.client.helpers import OPERATOR, add_records, new_store
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import HubProcess, desk, make_hub_laptop, unlock


@pytest.fixture
def hub(tmp_path: Path, central: ServerProcess) -> Iterator[HubProcess]:
    make_hub_laptop(tmp_path / "hub", central)
    running = HubProcess(tmp_path / "hub")
    running.start()
    try:
        yield running
    finally:
        running.stop()


def test_clerk_enrols_with_a_hub_code_syncs_and_the_hub_relays(
    hub: HubProcess, central: ServerProcess, tmp_path: Path
) -> None:
    code = hub.code("Clerk 1")
    parsed = parse_hub_code(code)
    assert (parsed.server_url, parsed.fingerprint) == (hub.url, hub.fingerprint)
    clerk_dir = tmp_path / "clerk"
    new_store(clerk_dir).close()
    enrolled = desk("enroll", "--data-dir", str(clerk_dir), "--operator", OPERATOR, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    clerk = unlock(clerk_dir)
    try:
        device = load_device(clerk)
        assert device is not None and device.pinned_sha256 == hub.fingerprint
        laptop_id = clerk.device_id
        add_records(clerk, 25)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
    finally:
        clerk.close()
    status = hub.status()
    assert status["records_received"] == 25 and status["waiting"] == 25 and status["relayed"] == 0
    assert [laptop["laptop_id"] for laptop in status["laptops"]] == [laptop_id]  # type: ignore[attr-defined]

    hub_store = unlock(hub.data_dir)
    try:
        report = relay_hub(hub_store)
        assert report is not None and report.ok and report.counts["accepted"] == 25
        again = relay_hub(hub_store)
        assert again is not None and again.sent == 0
        hub_device = load_device(hub_store)
        assert hub_device is not None
    finally:
        hub_store.close()
    with central.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(RecordVersionRow.device_id, RecordOriginRow.origin_device, RecordOriginRow.origin_operator)
            .join(RecordOriginRow, RecordOriginRow.version_id == RecordVersionRow.version_id)
            .where(RecordOriginRow.origin_device == laptop_id)
        ).all()
    assert len(rows) == 25
    assert {tuple(row) for row in rows} == {(hub_device.device_id, laptop_id, OPERATOR)}
    assert hub.status()["relayed"] == 25


def test_a_hub_code_that_is_cut_is_one_sentence(tmp_path: Path) -> None:
    new_store(tmp_path / "clerk").close()
    done = desk(
        "enroll", "--data-dir", str(tmp_path / "clerk"), "--operator", OPERATOR, "--code", "diaspora-hub:1/x"
    )
    assert done.returncode != 0 and "incomplete" in done.stderr and "Traceback" not in done.stderr


def test_enrol_needs_a_server_or_a_hub_code(tmp_path: Path) -> None:
    new_store(tmp_path / "clerk").close()
    done = desk(
        "enroll", "--data-dir", str(tmp_path / "clerk"), "--operator", OPERATOR, "--code", "ABCD-EFGH"
    )
    assert done.returncode == 2 and "--server" in done.stderr


def test_nothing_the_hub_keeps_is_plaintext(hub: HubProcess, tmp_path: Path) -> None:
    code = parse_hub_code(hub.code("Clerk 9"))
    clerk = new_store(tmp_path / "clerk9")
    try:
        from sync.client.enrollment import enroll

        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        add_records(clerk, 5, start=424242)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
    finally:
        clerk.close()
    folder = hub.data_dir / "hub"
    database = (folder / "server.sqlite3").read_bytes()
    assert not database.startswith(b"SQLite format 3")
    for path in folder.rglob("*"):
        if path.is_file():
            assert b"Person 42424" not in path.read_bytes(), path.name  # no answer in any file
    assert not list(hub.data_dir.parent.glob("*.key")) and not list(folder.glob("*.key"))  # no key file
    assert b"ENCRYPTED PRIVATE KEY" in (folder / "tls-key.pem").read_bytes()
    assert oct((folder / "tls-key.pem").stat().st_mode & 0o777) == "0o600"


def test_hub_verbs_on_a_laptop_that_never_hosted_say_so(tmp_path: Path) -> None:
    new_store(tmp_path / "desk").close()
    for verb in (["status"], ["code", "--label", "Clerk"]):
        done = desk("hub", *verb, "--data-dir", str(tmp_path / "desk"), "--operator", OPERATOR)
        assert done.returncode == 1 and "has not hosted an event" in done.stderr, done.stderr
