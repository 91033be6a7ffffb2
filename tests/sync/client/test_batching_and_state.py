"""Batches and sync state on a real encrypted store (no server needed)."""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.store import Store
from forms.store.schema import OutboxRow
from sync import protocol as p
from sync.client.acknowledge import apply_answer
from sync.client.batching import prepare_batch
from sync.client.state import save_enrollment
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, add_records, bulk_add_records, new_store

CREDENTIAL = "cred-" + secrets.token_urlsafe(24)


def enrolled_store(data_dir: Path) -> tuple[Store, bytes]:
    store = new_store(data_dir)
    key = p.generate_device_key()
    raw = p.private_key_bytes(key)
    with store.session() as session:
        save_enrollment(
            session,
            server_url="http://127.0.0.1:9",
            device_id=str(uuid.uuid4()),
            credential=CREDENTIAL,
            private_key=raw,
            ca_bundle=None,
            pinned_sha256=None,
        )
    return store, raw


def test_the_batch_id_and_body_are_persisted_once_and_reused_after_a_restart(data_dir: Path) -> None:
    store, _ = enrolled_store(data_dir)
    add_records(store, 3)
    first = prepare_batch(store)
    assert first is not None and len(first.outbox_seqs) == 3
    assert prepare_batch(store) == first
    store.close()
    reopened = Store.unlock(data_dir, OPERATOR, PASSPHRASE)
    try:
        again = prepare_batch(reopened)
        assert again is not None
        assert (again.batch_id, again.body, again.headers) == (first.batch_id, first.body, first.headers)
    finally:
        reopened.close()


def test_a_batch_holds_at_most_500_records_in_outbox_order(data_dir: Path) -> None:
    store, _ = enrolled_store(data_dir)
    try:
        bulk_add_records(store, 620)
        batch = prepare_batch(store)
        assert batch is not None
        assert len(batch.outbox_seqs) == 500
        assert list(batch.outbox_seqs) == sorted(batch.outbox_seqs)
        payload = p.BatchPayload.from_json(
            __import__("json").loads(p.gunzip_limited(batch.body, p.MAX_BATCH_BYTES))
        )
        assert (payload.sequence_first, payload.sequence_last) == (
            batch.outbox_seqs[0],
            batch.outbox_seqs[-1],
        )
    finally:
        store.close()


def test_an_answer_missing_a_record_changes_nothing(data_dir: Path) -> None:
    store, _ = enrolled_store(data_dir)
    try:
        versions = add_records(store, 2)
        batch = prepare_batch(store)
        assert batch is not None
        short = p.BatchResponse(
            batch_id=batch.batch_id,
            results=(p.RecordResult(versions[0].record_id, versions[0].version_id, p.STATUS_ACCEPTED),),
        )
        with pytest.raises(p.ProtocolError), store.session() as session:
            apply_answer(session, batch, short)
        with store.session() as session:
            unsent = session.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None))
            )
        assert unsent == 2
        assert prepare_batch(store) == batch  # still in flight, to be sent again
    finally:
        store.close()


def test_the_credential_and_the_signing_key_never_reach_disk_in_plaintext(data_dir: Path) -> None:
    store, raw_key = enrolled_store(data_dir)
    add_records(store, 1)
    assert prepare_batch(store) is not None
    store.close()
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert files
    for path in files:
        content = path.read_bytes()
        assert CREDENTIAL.encode() not in content, path.name
        assert raw_key not in content, path.name


def test_a_pass_on_a_laptop_that_is_not_enrolled_says_so_and_keeps_everything(data_dir: Path) -> None:
    from sync.client.engine import SyncEngine

    store = new_store(data_dir)
    try:
        add_records(store, 2)
        report = SyncEngine(store).run_once()
        assert report.error is not None and "not enrolled" in report.error
        assert report.remaining == 2 and not report.ok
    finally:
        store.close()


def test_a_full_slice_plus_audit_entries_still_keeps_the_5_mb_limit(data_dir: Path) -> None:
    from sync.client.batching import pending_records

    store, _ = enrolled_store(data_dir)
    try:
        bulk_add_records(store, 1, padding=10_000)
        with store.session() as session:
            [probe] = pending_records(session)
        one = len(p.canonical_json(probe.to_json())) + 1
        # 500 records that just fit 5 MB by themselves (plan_batches' 1 KB envelope), then 40 audit entries.
        padding = 10_000 + (p.MAX_BATCH_BYTES - 1024) // p.MAX_BATCH_RECORDS - one - 8
        bulk_add_records(store, p.MAX_BATCH_RECORDS - 1, padding=padding)
        for n in range(40):
            store.audit("record_viewed", note=n)
        batch = prepare_batch(store)
        assert batch is not None
        payload = p.gunzip_limited(batch.body, p.MAX_BATCH_BYTES)
        assert len(payload) <= p.MAX_BATCH_BYTES
        assert len(batch.outbox_seqs) == p.MAX_BATCH_RECORDS  # the records went; the audit waits
        assert batch.audit_last == 0
    finally:
        store.close()
