"""Acceptance of issue 18 on loopback (distinct ports stand in for the event network): a central server;
a hub enrolled with it; three clerk laptops enrolled with the hub; 200 registrations each; all sync to
the hub; the supervisor approves their batches on the hub; the hub relays through the fault proxy (an
answer lost after the commit, a cut answer, 503s, and the hub's `diaspora-desk sync` killed with SIGKILL
while a relay batch waits for its answer); the central server holds exactly 600 versions, each
attributed to its clerk laptop and relayed by the hub, each approved by the hub's supervisor, and each
laptop's audit entries once, as the laptop made them;
a clerk laptop that then syncs directly to the central server sends nothing new, and a version it sends
again directly is a duplicate (not refused as another device's record)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.store import Store, outbox
from sync import protocol as p
from sync.client.batching import wire_record
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import load_device
from sync.client.transport import Transport
from sync.hub import review
from sync.hub.code import parse_hub_code
from sync.hub.place import open_hub_database
from sync.hub.relay import relay
from sync.server.hub_models import RecordOriginRow, RelayedApprovalRow, RelayedAuditEntryRow
from sync.server.models import RecordVersionRow
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, bulk_add_records, new_store
from tests.sync.e2e.conftest import FAST_BACKOFF, TIMEOUT
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import running_server
from tests.sync.hub.hubs import HubProcess, make_hub_laptop, unlock

CLERKS = 3
PER_CLERK = 200


def laptop_audit(clerk: Store) -> list[dict[str, object]]:
    """The audit entries a clerk's laptop has sent (up to its checkpoint), as it made them."""
    from sync.client.state import SyncDeviceRow

    with clerk.session() as session:
        checkpoint = max(row.audit_checkpoint for row in session.query(SyncDeviceRow))
    return [entry for entry in outbox.audit_pending(clerk, 0, 100_000) if entry["seq"] <= checkpoint]


def wait_for(condition: object, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow  # ~1-2 min on the shared 2-core box: three processes, 600 records twice over HTTPS/HTTP
@pytest.mark.timeout(900)  # 28 s on two quiet workers; 204 s was seen on a machine loaded to 10
def test_three_clerks_through_a_hub_reach_the_central_server_exactly_once(tmp_path: Path) -> None:
    with running_server(tmp_path / "central") as central:
        hub_device_id = make_hub_laptop(tmp_path / "hub", central)
        hub = HubProcess(tmp_path / "hub")
        hub.start()
        try:
            clerks: list[Store] = []
            laptop_ids = []
            for n in range(CLERKS):
                code = parse_hub_code(hub.code(f"Clerk {n + 1}"))
                clerk = new_store(tmp_path / f"clerk{n}")
                clerks.append(clerk)
                enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
                laptop_ids.append(clerk.device_id)
                bulk_add_records(clerk, PER_CLERK, start=n * 1000)
            for clerk in clerks:
                report = SyncEngine(clerk, fetch_forms=False).run_once()
                assert report.ok and report.counts["accepted"] == PER_CLERK, report.error
            status = hub.status()
            assert (
                status["records_received"] == CLERKS * PER_CLERK and status["waiting"] == CLERKS * PER_CLERK
            )
            # The supervisor approves every clerk's batches on the hub's review page.
            approver = unlock(hub.data_dir)
            try:
                engine = open_hub_database(approver)
                try:
                    for batch in review.batches(engine):
                        review.approve(engine, batch.batch_id, OPERATOR)
                finally:
                    engine.dispose()
            finally:
                approver.close()
            audit_sent = [laptop_audit(clerk) for clerk in clerks]
            assert all(audit_sent), "every clerk's laptop sent the hub audit entries"

            with FaultProxy(central.port) as proxy:
                # The hub laptop's own audit goes first; then the hub's `sync` is killed while the first
                # relay batch (committed on the central server) waits for its answer.
                drain = unlock(hub.data_dir)
                try:
                    assert SyncEngine(drain, fetch_forms=False).run_once().ok
                finally:
                    drain.close()
                proxy.add(Fault("pass"), Fault("stall", seconds=30))
                syncing = subprocess.Popen(
                    [
                        *(sys.executable, "-m", "desktop.cli.main", "sync", "--data-dir", str(hub.data_dir)),
                        *("--operator", OPERATOR, "--server", proxy.url, "--quiet"),
                    ],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    text=True,
                )
                assert syncing.stdin is not None
                syncing.stdin.write(PASSPHRASE + "\n")
                syncing.stdin.close()
                wait_for(lambda: "stall" in proxy.log.faults_applied, "the relay batch to stall")
                syncing.send_signal(signal.SIGKILL)
                syncing.wait(timeout=10)

                proxy.add(
                    Fault("swallow"),
                    Fault("truncate"),
                    Fault("status", status=503),
                    Fault("pass"),
                    Fault("swallow"),
                )
                hub_store = unlock(hub.data_dir)
                try:
                    device = load_device(hub_store)
                    assert device is not None and device.device_id == hub_device_id
                    engine = open_hub_database(hub_store)
                    try:
                        report = relay(
                            engine, device, server_url=proxy.url, backoff=FAST_BACKOFF, timeout=TIMEOUT
                        )
                    finally:
                        engine.dispose()
                finally:
                    hub_store.close()
                assert report.ok, report.error
                assert proxy.pending_faults() == 0  # every fault was met

            with central.engine() as engine, engine.connect() as connection:
                total = connection.scalar(select(func.count()).select_from(RecordVersionRow))
                by_laptop = dict(
                    connection.execute(
                        select(RecordOriginRow.origin_device, func.count())
                        .join(RecordVersionRow, RecordVersionRow.version_id == RecordOriginRow.version_id)
                        .where(RecordVersionRow.device_id == hub_device_id)
                        .group_by(RecordOriginRow.origin_device)
                    ).all()
                )
            assert total == CLERKS * PER_CLERK
            assert by_laptop == {laptop_id: PER_CLERK for laptop_id in laptop_ids}
            status = hub.status()
            assert status["relayed"] == CLERKS * PER_CLERK and status["waiting"] == 0
            assert (status["approvals_waiting"], status["audit_batches_waiting"]) == (0, 0)
            # Approved on the hub, each version arrived approved, by whom; each laptop's audit entries
            # arrived once, as the laptop made them.
            with central.engine() as engine, engine.connect() as connection:
                approvals = connection.execute(
                    select(
                        RelayedApprovalRow.approved_by, RelayedApprovalRow.hub_device_id, func.count()
                    ).group_by(RelayedApprovalRow.approved_by, RelayedApprovalRow.hub_device_id)
                ).all()
                relayed_audit = {
                    laptop_id: [
                        json.loads(row)
                        for row in connection.scalars(
                            select(RelayedAuditEntryRow.entry_json)
                            .where(RelayedAuditEntryRow.origin_device == laptop_id)
                            .order_by(RelayedAuditEntryRow.seq)
                        )
                    ]
                    for laptop_id in laptop_ids
                }
            assert [tuple(row) for row in approvals] == [(OPERATOR, hub_device_id, CLERKS * PER_CLERK)]
            assert relayed_audit == dict(zip(laptop_ids, audit_sent, strict=True))

            # A clerk laptop then reaches the central server directly: nothing new to send.
            clerk = clerks[0]
            enroll(
                clerk, server_url=central.url, code=central.enrollment_code("Clerk 1 direct"), replace=True
            )
            direct = SyncEngine(clerk, fetch_forms=False).run_once()
            assert direct.ok and direct.sent == 0
            # And a version it sends again directly (an answer lost on the hub, say) is a duplicate.
            device = load_device(clerk)
            assert device is not None and device.private_key and device.credential
            first = outbox.next_after(clerk, 0)
            assert first is not None
            record = wire_record(first[0])
            batch = p.build_batch(
                device_id=device.device_id,
                records=[record],
                private_key=p.private_key_from_bytes(device.private_key),
            )
            with Transport(central.url) as transport:
                answer = p.parse_batch_response(
                    transport.post_batch(batch.body, batch.headers, device.credential)
                )
            assert [r.status for r in answer.results] == [p.STATUS_DUPLICATE]
            with central.engine() as engine, engine.connect() as connection:
                assert (
                    connection.scalar(select(func.count()).select_from(RecordVersionRow))
                    == CLERKS * PER_CLERK
                )
            for clerk in clerks:
                clerk.close()
        finally:
            assert hub.stop() == 0
