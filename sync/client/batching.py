"""From the outbox to signed batches: a slice of pending versions (<= 500 records, <= 5 MB), gzip, and a
batch UUID that is made ONCE per slice and persisted with the exact body before the first send.

The outbox belongs to the store: this module reads it only through forms.store.outbox (pending versions
in per-device sequence order, the audit entries past the server's position), never through its rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.store import outbox
from sync import protocol as p
from sync.client.state import SyncDeviceRow, SyncInflightRow, device_row, now_iso

MAX_AUDIT_PER_BATCH = outbox.MAX_AUDIT_PER_BATCH


@dataclass(frozen=True)
class Inflight:
    """A persisted batch: exactly what goes on the wire, and which outbox rows it carries."""

    batch_id: str
    outbox_seqs: tuple[int, ...]
    audit_last: int
    body: bytes
    headers: dict[str, str]

    @classmethod
    def from_row(cls, row: SyncInflightRow) -> Inflight:
        return cls(
            batch_id=row.batch_id,
            outbox_seqs=tuple(json.loads(row.outbox_seqs)),
            audit_last=row.audit_last,
            body=bytes(row.body),
            headers=dict(json.loads(row.headers)),
        )


def pending_count(session: Session) -> int:
    """Records this pass may send (see forms.store.sync_policy for the ones held for approval); records
    with attached files go too (their files go first: files.py)."""
    return outbox.sendable_count(session, carries_files=True)


def pending_records(
    session: Session,
    limit: int = p.MAX_BATCH_RECORDS,
    after: int = 0,
    *,
    skip: frozenset[int] = frozenset(),
    batch_id: str | None = None,
    carries_files: bool = False,
) -> list[p.WireRecord]:
    """The oldest versions that may go, past outbox seq `after` and not in `skip`, as they travel.
    ``carries_files``: the caller sends the records' attached files first (a sync pass does; a sealed
    file does not, so records holding files stay out of it)."""
    return [
        wire_record(item)
        for item in outbox.pending(
            session, limit, after=after, skip=skip, batch_id=batch_id, carries_files=carries_files
        )
    ]


def wire_record(item: outbox.OutboxItem) -> p.WireRecord:
    return p.WireRecord(
        record_id=item.record_id,
        version_id=item.version_id,
        sequence=item.sequence,
        form_id=item.form_id,
        form_version=item.form_version,
        answers=item.answers,
        replaces=item.replaces,
        deleted=item.deleted,
        created_at=item.created_at,
        origin_operator=item.operator,  # kept with the version when a hub relays it
    )


def pending_audit(session: Session, after: int, limit: int = MAX_AUDIT_PER_BATCH) -> list[dict[str, Any]]:
    """Audit entries the server does not hold yet (ids and actions only: the store never logs values)."""
    return outbox.audit_pending(session, after, limit)


def inflight_batches(session: Session) -> list[Inflight]:
    """Every persisted, unanswered batch in send order."""
    rows = session.scalars(
        select(SyncInflightRow).order_by(SyncInflightRow.ordinal, SyncInflightRow.created_at)
    )
    return [Inflight.from_row(row) for row in rows]


def next_batch(
    session: Session, device: SyncDeviceRow, *, skip: frozenset[str] = frozenset(), include_audit: bool = True
) -> Inflight | None:
    """The batch to send now: the oldest one in flight not in `skip`, or a new slice persisted in this
    transaction (after everything already in flight, so two batches never carry the same version).

    The caller commits the transaction before sending, so the id and body survive a crash or a lost
    answer; the next attempt finds and re-sends them unchanged.
    """
    existing = inflight_batches(session)
    for batch in existing:
        if batch.batch_id not in skip:
            return batch
    if not device.private_key:
        return None
    after = max((seq for batch in existing for seq in batch.outbox_seqs), default=0)
    audit_after = max([device.audit_checkpoint, *(batch.audit_last for batch in existing)])
    records = pending_records(session, after=after, carries_files=True)
    if records:
        records = p.plan_batches(records)[0]  # the first slice that fits 5 MB
    audit = pending_audit(session, audit_after) if include_audit else []
    if not records and not audit:
        return None
    created_at = now_iso()
    key = p.private_key_from_bytes(device.private_key)
    encoded, records, audit = _fit(device.device_id, key, records, audit, created_at)
    seqs = [record.sequence for record in records]
    audit_last = max((int(entry["seq"]) for entry in audit), default=device.audit_checkpoint)
    ordinal = max((row.ordinal for row in session.scalars(select(SyncInflightRow))), default=0) + 1
    session.add(
        SyncInflightRow(
            batch_id=encoded.batch_id,
            ordinal=ordinal,
            created_at=created_at,
            outbox_seqs=json.dumps(seqs),
            audit_last=audit_last,
            body=encoded.body,
            headers=json.dumps(encoded.headers),
        )
    )
    return Inflight(encoded.batch_id, tuple(seqs), audit_last, encoded.body, dict(encoded.headers))


def prepare_batch(store: Any, skip: frozenset[str] = frozenset()) -> Inflight | None:
    """Find or persist the next batch (not in `skip`) in its own committed transaction."""
    with store.session() as session:
        device = device_row(session)
        if device is None:
            return None
        return next_batch(session, device, skip=skip)


def _fit(
    device_id: str,
    key: Any,
    records: list[p.WireRecord],
    audit: list[dict[str, Any]],
    created_at: str,
) -> tuple[p.EncodedBatch, list[p.WireRecord], list[dict[str, Any]]]:
    """Build the biggest batch that keeps both limits: audit entries give way first, then records halve.

    plan_batches sizes the records alone; the audit entries riding along, or gzip growing an
    incompressible payload, can push a full slice past 5 MB.
    """
    while True:
        try:
            encoded = p.build_batch(
                device_id=device_id, records=records, private_key=key, audit=audit, created_at=created_at
            )
        except p.ProtocolError:
            if not records or (len(records) == 1 and not audit):
                raise
            encoded = None
        if encoded is not None and len(encoded.body) <= p.MAX_BATCH_BYTES:
            return encoded, records, audit
        if audit and records:
            audit = []
        elif len(records) > 1:
            records = records[: len(records) // 2]
        else:
            if encoded is None:
                raise p.ProtocolError("One record is larger than a whole batch may be (5 MB).")
            return encoded, records, audit
