"""Clerks' audit entries reach the central server through the hub: each laptop's entries, by its store id,
exactly as the laptop made them, checked as a chain on arrival (hashes recomputed, each entry following
the one before), once (a relay run again, or the same entries replayed, adds nothing); an altered entry
or one that contradicts what the server holds is refused in one sentence and nothing is stored."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.store import Store
from forms.store.audit import entry_hash
from sync.client.state import load_device
from sync.client.transport import Transport, TransportError
from sync.hub.relay import relay_hub
from sync.server.hub_models import RelayedAuditEntryRow
from tests.sync.client.helpers import OPERATOR, PASSPHRASE
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import Event


def laptop_entries(folder: Path) -> tuple[str, list[dict]]:
    """The clerk laptop's store id and the audit entries it has sent (up to its checkpoint)."""
    from forms.store.outbox import audit_pending
    from sync.client.state import SyncDeviceRow

    store = Store.unlock(folder, OPERATOR, PASSPHRASE)
    try:
        with store.session() as session:
            checkpoint = max(row.audit_checkpoint for row in session.query(SyncDeviceRow))
        sent = [entry for entry in audit_pending(store, 0, 100_000) if entry["seq"] <= checkpoint]
        return store.device_id, sent
    finally:
        store.close()


def send(transport: Transport, credential: str, laptop_id: str, entries: list[dict]) -> dict:
    body = {"laptops": [{"origin_device": laptop_id, "entries": entries}]}
    return transport.hub_audit(body, credential)


def held(central: ServerProcess, origin: str) -> list[dict]:
    with central.engine() as engine, engine.connect() as connection:
        rows = connection.scalars(
            select(RelayedAuditEntryRow.entry_json)
            .where(RelayedAuditEntryRow.origin_device == origin)
            .order_by(RelayedAuditEntryRow.seq)
        ).all()
    return [json.loads(row) for row in rows]


def count(central: ServerProcess) -> int:
    with central.engine() as engine, engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(RelayedAuditEntryRow)) or 0)


def test_each_laptops_audit_entries_reach_the_central_server_verified_and_once(
    event: Event,
    central: ServerProcess,
    tmp_path: Path,
) -> None:
    laptops = [laptop_entries(tmp_path / folder) for folder in ("a", "b")]
    assert all(len(entries) >= 3 for _, entries in laptops)  # store made, records saved, enrolment...

    report = relay_hub(event.store)
    assert report is not None and report.ok, report
    assert report.audit_entries == sum(len(entries) for _, entries in laptops)
    for laptop_id, entries in laptops:
        arrived = held(central, laptop_id)
        assert arrived == entries  # every entry, as the laptop made it, under the laptop's store id
        for before, entry in itertools.pairwise(arrived):  # verifiable: a chain, as on the desk
            assert entry["seq"] == before["seq"] + 1 and entry["previous_hash"] == before["entry_hash"]
        for entry in arrived:
            fields = ("seq", "at", "operator", "action", "record_id", "details", "previous_hash")
            assert entry_hash(*(entry[name] for name in fields)) == entry["entry_hash"]
    total = count(central)

    again = relay_hub(event.store)
    assert again is not None and again.ok and again.audit_entries == 0
    assert count(central) == total

    hub_device = load_device(event.store)
    assert hub_device is not None
    laptop_id, entries = laptops[0]
    with Transport(central.url) as transport:
        credential = hub_device.credential or ""
        replay = transport.hub_audit(
            {"laptops": [{"origin_device": laptop_id, "entries": entries}]}, credential
        )
        assert replay == {"recorded": 0, "already": len(entries)}

        altered = [dict(entries[-1], action="record_deleted")]  # the laptop's hash no longer matches
        with pytest.raises(TransportError) as refused:
            send(transport, credential, laptop_id, altered)
        assert (
            refused.value.code == "audit_chain_broken"
            and "does not match its own hash" in refused.value.message
        )

        # A well-formed entry that contradicts the one the server holds (another chain under that number).
        forged = dict(entries[-1], at="2026-12-07T00:00:00+00:00")
        names = ("seq", "at", "operator", "action", "record_id", "details", "previous_hash")
        forged["entry_hash"] = entry_hash(*(forged[name] for name in names))
        with pytest.raises(TransportError) as contradicted:
            send(transport, credential, laptop_id, [forged])
        assert "differs from the one this server holds" in contradicted.value.message

        # The next entry must follow the newest held one; a new entry with another previous hash is refused.
        following = dict(entries[-1], seq=entries[-1]["seq"] + 1, previous_hash="0" * 64)
        following["entry_hash"] = entry_hash(*(following[name] for name in names))
        with pytest.raises(TransportError) as broken:
            transport.hub_audit(
                {"laptops": [{"origin_device": laptop_id, "entries": [following]}]}, credential
            )
        assert "does not follow the entry before it" in broken.value.message

        personal = [dict(entries[-1], details=json.dumps({"note": "Person 100 lives at 12 Elm St"}))]
        with pytest.raises(TransportError) as refused_personal:
            send(transport, credential, laptop_id, personal)
        assert "Person 100" not in refused_personal.value.message
    assert count(central) == total
