"""The outbox: final record versions (and audit entries) waiting for the server, in per-device sequence
order. The store owns it; sync (sync/client) reads and answers it only through these functions, never
through the rows (an import-linter contract in pyproject.toml keeps sync away from forms.store.schema).

- ``pending`` hands out what may go now (unsent, in sequence order, less what waits for its batch's
  approval when that setting is on); ``sendable_count`` and ``waiting_count`` count it.
- ``entries`` names the rows a batch in flight carries, so the server's per-version answers can be
  matched to them.
- ``acknowledge`` takes the server's answers and, in one transaction (the caller's, when given a
  session), marks those rows sent, stamps the versions the server holds as synced, advances THE
  checkpoint (the highest sequence below which nothing waits), marks finished event batches synced and
  writes one audit entry.
- ``audit_pending`` is the audit log past the server's audit position (ids and codes only).
- ``next_after``, ``count_after``, ``position``, ``held_xml``, ``hold_xml`` and ``advance`` serve a
  consumer with its own position in the sequence (an OpenRosa destination,
  sync/client/destinations/push.py), which reads sent and unsent rows alike.
- ``device_id`` and ``set_device_id``: the one device id (made at store creation, sent at enrolment; the
  desk adopts whatever id the server answers; docs/architecture.md, "The device id").
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from . import audit
from ._session import StoreOrSession, transaction, utc_now
from .batches import mark_batch_synced
from .schema import BATCH_APPROVED, BATCH_CLOSED, AuditRow, BatchRow, OutboxRow, RecordRow, SettingRow
from .sync_policy import syncable_batch_filter

CHECKPOINT_SETTING = "outbox.checkpoint"
DEVICE_ID_SETTING = "device_id"
HELD_BY_SERVER = frozenset({"accepted", "duplicate"})
TOMBSTONE_KINDS = frozenset({"tombstone", "erasure", "delete"})
MAX_AUDIT_PER_BATCH = 500


@dataclass(frozen=True)
class OutboxItem:
    """What one record version needs on the wire (the names follow ``sync.protocol.WireRecord``)."""

    sequence: int
    record_id: str
    version_id: str
    replaces: str | None
    batch_id: str
    form_id: str
    form_version: str
    answers: dict[str, Any]  # empty for a deletion (a tombstone carries no answers)
    deleted: bool
    created_at: str  # when this version was first saved
    operator: str | None = None  # who saved it (kept with the version when a hub relays it)


@dataclass(frozen=True)
class OutboxEntry:
    """One outbox row as a batch in flight names it."""

    sequence: int
    version_id: str
    record_id: str
    batch_id: str


@dataclass(frozen=True)
class Acknowledgement:
    sequence: int
    status: str  # accepted | duplicate | conflict | rejected (sync.protocol.RECORD_STATUSES)
    detail: str | None = None  # a reason code, never a personal value


def _item(seq: int, kind: str, batch_id: str, record: RecordRow) -> OutboxItem:
    deleted = kind in TOMBSTONE_KINDS
    return OutboxItem(
        sequence=seq,
        record_id=record.record_id,
        version_id=record.version_id,
        replaces=record.deprecated_id,
        batch_id=batch_id,
        form_id=record.form_id,
        form_version=record.form_version,
        answers={} if deleted else json.loads(record.answers),
        deleted=deleted,
        created_at=record.created_at,
        operator=record.operator or None,
    )


def _may_go(session: Session, carries_files: bool = False) -> list[ColumnElement[bool]]:
    """Unsent rows, less those whose batch still waits for approval when that setting is on, and those
    holding attached files unless the consumer carries them (forms.store.sync_policy)."""
    conditions: list[ColumnElement[bool]] = [OutboxRow.sent_at.is_(None)]
    held_back = syncable_batch_filter(session, carries_files=carries_files)
    if held_back is not None:
        conditions.append(held_back)
    return conditions


def pending(
    target: StoreOrSession,
    limit: int = 500,
    *,
    after: int = 0,
    skip: Collection[int] = (),
    batch_id: str | None = None,
    carries_files: bool = False,
) -> list[OutboxItem]:
    """The oldest versions that may go now, past sequence `after` and not in `skip` (already carried by
    a batch in flight), only of event batch `batch_id` when given; in sequence order. ``carries_files``:
    the caller sends attached files too (sync with the server), so records holding files may go."""
    with transaction(target, read_only=True) as session:
        query = (
            select(OutboxRow.seq, OutboxRow.kind, OutboxRow.batch_id, RecordRow)
            .join(RecordRow, RecordRow.version_id == OutboxRow.version_id)
            .where(*_may_go(session, carries_files), OutboxRow.seq > after)
            .order_by(OutboxRow.seq)
            .limit(limit)
        )
        if skip:
            query = query.where(OutboxRow.seq.not_in(list(skip)))
        if batch_id is not None:
            query = query.where(OutboxRow.batch_id == batch_id)
        return [_item(*row) for row in session.execute(query).all()]


def sendable_count(target: StoreOrSession, *, carries_files: bool = False) -> int:
    """Versions a sync may send now (see forms.store.sync_policy for the ones held for approval)."""
    with transaction(target, read_only=True) as session:
        query = select(func.count()).select_from(OutboxRow).where(*_may_go(session, carries_files))
        return int(session.scalar(query) or 0)


def waiting_count(target: StoreOrSession) -> int:
    """Every version not yet acknowledged, held for approval or not."""
    with transaction(target, read_only=True) as session:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None))
        return int(session.scalar(query) or 0)


def last_sent_at(target: StoreOrSession) -> str | None:
    """When the last acknowledged send reached the server (an ISO time as stored), or None if none did."""
    with transaction(target, read_only=True) as session:
        query = select(func.max(OutboxRow.sent_at)).where(OutboxRow.sent_at.is_not(None))
        return session.scalar(query)


def entries(target: StoreOrSession, sequences: Collection[int]) -> list[OutboxEntry]:
    """The rows with these sequences (a batch in flight), in sequence order; missing ones are left out."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(
            select(OutboxRow.seq, OutboxRow.version_id, OutboxRow.record_id, OutboxRow.batch_id)
            .where(OutboxRow.seq.in_(list(sequences)))
            .order_by(OutboxRow.seq)
        ).all()
        return [OutboxEntry(*row) for row in rows]


def checkpoint(target: StoreOrSession) -> int:
    """The highest sequence below which nothing waits: the one sync checkpoint of this store."""
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, CHECKPOINT_SETTING)
        return int(row.value) if row else 0


def acknowledge(
    target: StoreOrSession, results: Iterable[Acknowledgement], *, sync_batch_id: str | None = None
) -> int:
    """Applies the server's answers in one transaction and returns the new checkpoint.

    A row already answered keeps its first answer (a replayed answer changes nothing). One UPDATE per
    distinct outcome, not one per row: 500 single-row updates cost seconds. A closed or approved event
    batch whose every record is now answered becomes ``synced``. One audit entry when rows moved
    (``records_synced``: the sync batch id, the checkpoint and the count per status), none otherwise, so
    an audit-only batch does not beget another audit entry.
    """
    now = utc_now()
    with transaction(target) as session:
        wanted = {result.sequence: result for result in results}
        unanswered = session.execute(
            select(OutboxRow.seq, OutboxRow.version_id, OutboxRow.batch_id).where(
                OutboxRow.seq.in_(list(wanted)), OutboxRow.sent_at.is_(None)
            )
        ).all()
        by_outcome: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        synced_versions: list[str] = []
        tally: dict[str, int] = {}
        for seq, version_id, _batch in unanswered:
            result = wanted[seq]
            by_outcome[(result.status, result.detail)].append(seq)
            tally[result.status] = tally.get(result.status, 0) + 1
            if result.status in HELD_BY_SERVER:
                synced_versions.append(version_id)
        for (status, detail), seqs in by_outcome.items():
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(seqs))
                .values(sent_at=now, result=status, result_detail=detail)
                .execution_options(synchronize_session=False)
            )
        if synced_versions:
            session.execute(
                update(RecordRow)
                .where(RecordRow.version_id.in_(synced_versions))
                .values(synced_at=now)
                .execution_options(synchronize_session=False)
            )
        session.expire_all()  # the bulk updates bypassed the identity map
        first_waiting = session.scalar(select(func.min(OutboxRow.seq)).where(OutboxRow.sent_at.is_(None)))
        if first_waiting is None:
            first_waiting = int(session.scalar(select(func.max(OutboxRow.seq))) or 0) + 1
        new_checkpoint = int(first_waiting) - 1
        session.merge(SettingRow(key=CHECKPOINT_SETTING, value=str(new_checkpoint)))
        if unanswered:
            _mark_finished_batches(session, {batch for _seq, _version, batch in unanswered})
            details: dict[str, Any] = {"sync_batch_id": sync_batch_id} if sync_batch_id else {}
            audit.append(
                session, "records_synced", details={**details, "checkpoint": new_checkpoint, **tally}
            )
        return new_checkpoint


def _mark_finished_batches(session: Session, batch_ids: set[str]) -> None:
    """Closed or approved event batches whose every record is now acknowledged become ``synced``.

    An open batch stays open (the clerk is still adding records to it) even when all it holds is sent.
    """
    for batch_id in sorted(batch_ids):
        batch = session.get(BatchRow, batch_id)
        if batch is None or batch.status not in (BATCH_CLOSED, BATCH_APPROVED):
            continue
        waiting = session.scalar(
            select(OutboxRow.seq).where(OutboxRow.batch_id == batch_id, OutboxRow.sent_at.is_(None)).limit(1)
        )
        if waiting is None:
            mark_batch_synced(session, batch_id)


def audit_pending(
    target: StoreOrSession, after: int, limit: int = MAX_AUDIT_PER_BATCH
) -> list[dict[str, Any]]:
    """Audit entries past `after` (the server's position), oldest first: ids and actions only (the store
    never logs values)."""
    with transaction(target, read_only=True) as session:
        rows = session.scalars(
            select(AuditRow).where(AuditRow.seq > after).order_by(AuditRow.seq).limit(limit)
        )
        return [
            {
                "seq": row.seq,
                "at": row.at,
                "operator": row.operator,
                "action": row.action,
                "record_id": row.record_id,
                "details": row.details,
                "previous_hash": row.previous_hash,
                "entry_hash": row.entry_hash,
            }
            for row in rows
        ]


def next_after(target: StoreOrSession, position: int) -> tuple[OutboxItem, bool] | None:
    """For a consumer with its own position: the first version past it, sent to our server or not, and
    whether the approval setting lets it go now (None when nothing follows)."""
    with transaction(target, read_only=True) as session:
        row = session.execute(
            select(OutboxRow.seq, OutboxRow.kind, OutboxRow.batch_id, RecordRow)
            .join(RecordRow, RecordRow.version_id == OutboxRow.version_id)
            .where(OutboxRow.seq > position)
            .order_by(OutboxRow.seq)
            .limit(1)
        ).first()
        if row is None:
            return None
        seq = row[0]
        policy = syncable_batch_filter(session)
        allowed = policy is None or (
            session.scalar(select(OutboxRow.seq).where(OutboxRow.seq == seq, policy)) is not None
        )
        return _item(*row), allowed


def count_after(target: StoreOrSession, position: int) -> int:
    """Versions past a consumer's position, sent to our server or not."""
    with transaction(target, read_only=True) as session:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.seq > position)
        return int(session.scalar(query) or 0)


def position(target: StoreOrSession, consumer: str) -> int:
    """A consumer's own checkpoint: the last sequence it acknowledged (0 before its first)."""
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, f"{consumer}.checkpoint")
        return int(row.value) if row is not None else 0


def held_xml(target: StoreOrSession, consumer: str, sequence: int) -> str | None:
    """The text a consumer saved for `sequence` before its first attempt (None if it saved none)."""
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, f"{consumer}.inflight")
        if row is None:
            return None
        saved = json.loads(row.value)
        return str(saved["xml"]) if saved.get("seq") == sequence else None


def hold_xml(target: StoreOrSession, consumer: str, sequence: int, text: str) -> None:
    """Saves the text sent for `sequence`, so that a retry sends the very same text."""
    with transaction(target) as session:
        session.merge(
            SettingRow(key=f"{consumer}.inflight", value=json.dumps({"seq": sequence, "xml": text}))
        )


def advance(target: StoreOrSession, consumer: str, sequence: int) -> None:
    """Moves a consumer's checkpoint to `sequence` and drops its saved text (one transaction)."""
    with transaction(target) as session:
        session.merge(SettingRow(key=f"{consumer}.checkpoint", value=str(sequence)))
        held = session.get(SettingRow, f"{consumer}.inflight")
        if held is not None:
            session.delete(held)


def device_id(target: StoreOrSession) -> str:
    """This desk's one device id: made at the store's creation, proposed to a server at enrolment and
    replaced by the id the server answers (set_device_id); stamped into forms, imports, exports and sent
    with every batch."""
    with transaction(target) as session:
        row = session.get(SettingRow, DEVICE_ID_SETTING)
        if row is None:
            row = SettingRow(key=DEVICE_ID_SETTING, value=str(uuid.uuid4()))
            session.add(row)
        return row.value


def set_device_id(target: StoreOrSession, value: str) -> None:
    """Adopts `value` as the device id (the id a server answered at enrolment); audited when it changes."""
    with transaction(target) as session:
        row = session.get(SettingRow, DEVICE_ID_SETTING)
        if row is not None and row.value == value:
            return
        session.merge(SettingRow(key=DEVICE_ID_SETTING, value=value))
        audit.append(session, "device_id_set", details={"device_id": value})
