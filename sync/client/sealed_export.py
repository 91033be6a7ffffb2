"""Sealed batch files on the laptop: export the waiting records to one file for the central server, and
import the receipt the server writes back.

An export builds sync's own batches (signed, same format) and persists them as batches in flight, exactly
as a sync pass does before its first send. They are "handed over": still waiting until the server's
answer comes back, either in the receipt file or at the next sync, which re-sends the same batches (same
ids, same bytes) and gets the server's first answer as a replay. Nothing can arrive twice.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from forms.store.attachments import other_ways_hold_sentences
from sync import protocol as p
from sync import sealed
from sync.client.acknowledge import apply_answer
from sync.client.batching import Inflight, inflight_batches, pending_records
from sync.client.sealing import SealedExportRow, sealing_key_for
from sync.client.state import SessionSource, SyncInflightRow, device_row, now_iso


class SealedExportError(DeskError):
    """A sealed file cannot be made or a receipt cannot be used (the sentence says why)."""


@dataclass(frozen=True)
class SealedExport:
    export_id: str
    data: bytes
    batches: int
    records: int


def export_sealed(
    store: SessionSource, *, event_batch_id: str | None = None, operator: str = ""
) -> SealedExport:
    """Seal every batch in flight and every waiting record (of one event batch if given) into one file."""
    with store.session() as session:
        device = device_row(session)
        if device is None or not device.private_key or not device.credential:
            raise SealedExportError("This laptop is not enrolled with the central server; enrol it first.")
        server_key = sealing_key_for(session, device.device_id)
        if server_key is None:
            raise SealedExportError(
                "This laptop does not know the central server's sealing key yet; it learns it at enrolment "
                "or at the next sync with a server that has one."
            )
        key = p.private_key_from_bytes(device.private_key)
        batches = inflight_batches(session)
        carried = {seq for batch in batches for seq in batch.outbox_seqs}
        while True:
            made = _new_batch(session, device.device_id, key, carried, event_batch_id)
            if made is None:
                break
            batches.append(made)
            carried.update(made.outbox_seqs)
        if not batches:
            held = other_ways_hold_sentences(session)
            raise SealedExportError(
                " ".join(["No records are waiting to be sent; there is nothing to seal.", *held])
            )
        export_id = str(uuid.uuid4())
        receipt_key = os.urandom(32)
        data = sealed.seal(
            device_id=device.device_id,
            device_key=key,
            server_public_key=server_key,
            batches=[_sealed_batch(batch) for batch in batches],
            export_id=export_id,
            receipt_key=receipt_key,
        )
        session.add(
            SealedExportRow(
                export_id=export_id,
                created_at=now_iso(),
                created_by=operator,
                batch_ids=json.dumps([batch.batch_id for batch in batches]),
                receipt_key=receipt_key,
            )
        )
    return SealedExport(export_id, data, len(batches), len(carried))


def _sealed_batch(batch: Inflight) -> sealed.SealedBatch:
    return sealed.SealedBatch(
        batch_id=batch.batch_id,
        payload_sha256=batch.headers[p.HEADER_PAYLOAD_SHA256],
        signature=batch.headers[p.HEADER_SIGNATURE],
        body=batch.body,
    )


def _new_batch(
    session: Session, device_id: str, key: object, carried: set[int], event_batch_id: str | None
) -> Inflight | None:
    """The next slice of waiting records not yet carried, persisted as a batch in flight (no audit: the
    log travels with the next sync)."""
    waiting = pending_records(session, skip=frozenset(carried), batch_id=event_batch_id)
    if not waiting:
        return None
    records = p.plan_batches(waiting)[0]
    created_at = now_iso()
    encoded = p.build_batch(device_id=device_id, records=records, private_key=key, created_at=created_at)  # type: ignore[arg-type]
    seqs = [record.sequence for record in records]
    ordinal = max((row.ordinal for row in session.scalars(select(SyncInflightRow))), default=0) + 1
    session.add(
        SyncInflightRow(
            batch_id=encoded.batch_id,
            ordinal=ordinal,
            created_at=created_at,
            outbox_seqs=json.dumps(seqs),
            audit_last=0,
            body=encoded.body,
            headers=json.dumps(encoded.headers),
        )
    )
    session.flush()
    return Inflight(encoded.batch_id, tuple(seqs), 0, encoded.body, dict(encoded.headers))


@dataclass(frozen=True)
class ReceiptResult:
    batches: int  # batches acknowledged by this receipt
    already: int  # batches the laptop had already heard about (a sync came first)
    records: int


def import_receipt(store: SessionSource, data: bytes) -> ReceiptResult:
    """Apply the server's answers from a receipt file: the handed-over records become sent."""
    try:
        export_id = sealed.read_receipt_export_id(data)
    except p.ProtocolError as exc:
        raise SealedExportError(exc.message) from exc
    with store.session() as session:
        export = session.get(SealedExportRow, export_id)
        device = device_row(session)
        if export is None or device is None:
            raise SealedExportError("This receipt answers a sealed file this laptop did not export.")
        try:
            receipt = sealed.read_receipt(data, bytes(export.receipt_key))
        except p.ProtocolError as exc:
            raise SealedExportError(exc.message) from exc
        if receipt.device_id != device.device_id:
            raise SealedExportError("This receipt is for another enrolment of this laptop.")
        in_flight = {batch.batch_id: batch for batch in inflight_batches(session)}
        done = already = records = 0
        for answer in receipt.answers:
            response = p.parse_batch_response(answer)
            batch = in_flight.pop(response.batch_id, None)
            if batch is None:
                already += 1
                continue
            counts = apply_answer(session, batch, response)
            records += sum(counts.values())
            done += 1
        export.receipt_imported_at = now_iso()
    return ReceiptResult(done, already, records)
