"""Batches: an event or a consulate day (name, place, day), opened by an operator, then closed,
approved by a supervisor and finally marked synced.

    open -> closed -> approved -> synced        (close, approve, mark_synced)

A batch whose records the event hub's supervisor sent back (forms.store.review.apply_hub_send_back)
goes back to open from any later state (``reopen_sent_back``), its approval and sync stamps cleared.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, select

from . import audit
from ._session import StoreOrSession, operator_of, transaction, utc_now
from .errors import BatchStateError, NotAllowedError, RecordNotFoundError
from .schema import (
    BATCH_APPROVED,
    BATCH_CLOSED,
    BATCH_OPEN,
    BATCH_STATUSES,
    BATCH_SYNCED,
    LATEST_NOT_INDEXED,
    RECORD_DRAFT,
    RECORD_FINAL,
    BatchRow,
    OutboxRow,
    RecordRow,
)

# BATCH_OPEN, BATCH_CLOSED, BATCH_APPROVED, BATCH_SYNCED and BATCH_STATUSES are also for callers: code
# outside the store takes them from here, never from ``schema``, whose rows are the store's own.

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class BatchInfo:
    id: str
    name: str
    place: str
    day: str
    operator: str
    status: str
    opened_at: str
    closed_at: str | None
    approved_at: str | None
    approved_by: str | None
    synced_at: str | None
    records: int = 0  # latest versions that are final
    drafts: int = 0  # latest versions that are drafts
    waiting_to_sync: int = 0  # outbox rows not yet acknowledged

    @classmethod
    def of(cls, row: BatchRow, records: int = 0, drafts: int = 0, waiting: int = 0) -> BatchInfo:
        return cls(
            row.id,
            row.name,
            row.place,
            row.day,
            row.operator,
            row.status,
            row.opened_at,
            row.closed_at,
            row.approved_at,
            row.approved_by,
            row.synced_at,
            records,
            drafts,
            waiting,
        )


def open_batch(target: StoreOrSession, name: str, place: str, day: str) -> BatchInfo:
    """A new open batch owned by the current operator; ``day`` is ``YYYY-MM-DD``."""
    name, place = name.strip(), place.strip()
    if not name:
        raise BatchStateError("A batch needs a name (the event or the consulate day).")
    if not _DAY.match(day):
        raise BatchStateError("A batch day is written YYYY-MM-DD.")
    with transaction(target) as session:
        row = BatchRow(
            id=str(uuid.uuid4()),
            name=name,
            place=place,
            day=day,
            operator=operator_of(session).name,
            status=BATCH_OPEN,
            opened_at=utc_now(),
        )
        session.add(row)
        session.flush()
        audit.append(session, "batch_opened", details={"batch_id": row.id})
        return BatchInfo.of(row)


def _move(
    target: StoreOrSession, batch_id: str, allowed_from: tuple[str, ...], to: str, action: str
) -> BatchInfo:
    with transaction(target) as session:
        row = session.get(BatchRow, batch_id)
        if row is None:
            raise RecordNotFoundError("That batch does not exist in this store.")
        if row.status not in allowed_from:
            raise BatchStateError(f"The batch is {row.status}; it cannot be {to} now.")
        now = utc_now()
        row.status = to
        if to == BATCH_CLOSED:
            row.closed_at = now
        elif to == BATCH_APPROVED:
            row.approved_at, row.approved_by = now, operator_of(session).name
            row.closed_at = row.closed_at or now
        elif to == BATCH_SYNCED:
            row.synced_at = now
        audit.append(session, action, details={"batch_id": batch_id})
        session.flush()
        return BatchInfo.of(row)


def close_batch(target: StoreOrSession, batch_id: str) -> BatchInfo:
    return _move(target, batch_id, (BATCH_OPEN,), BATCH_CLOSED, "batch_closed")


def reopen_batch(target: StoreOrSession, batch_id: str) -> BatchInfo:
    """A closed (not yet approved) batch back to open, e.g. a record was sent back for a fix."""
    return _move(target, batch_id, (BATCH_CLOSED,), BATCH_OPEN, "batch_reopened")


def reopen_sent_back(target: StoreOrSession, batch_id: str, sync_batch_id: str) -> BatchInfo:
    """Back to open because the event hub's supervisor sent records of it back (audited with both ids)."""
    with transaction(target) as session:
        row = session.get(BatchRow, batch_id)
        if row is None:
            raise RecordNotFoundError("That batch does not exist in this store.")
        if row.status != BATCH_OPEN:
            row.status = BATCH_OPEN
            row.approved_at = row.approved_by = row.synced_at = None
            audit.append(
                session, "batch_sent_back", details={"batch_id": batch_id, "sync_batch_id": sync_batch_id}
            )
        session.flush()
        return BatchInfo.of(row)


def approve_batch(target: StoreOrSession, batch_id: str) -> BatchInfo:
    """Supervisor only; the batch must be closed first."""
    with transaction(target) as session:
        if not operator_of(session).is_supervisor:
            raise NotAllowedError("Only a supervisor may approve a batch.")
        return _move(session, batch_id, (BATCH_CLOSED,), BATCH_APPROVED, "batch_approved")


def mark_batch_synced(target: StoreOrSession, batch_id: str) -> BatchInfo:
    """Once every record of the batch is acknowledged by the server (sync calls this)."""
    with transaction(target) as session:
        waiting = session.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.batch_id == batch_id, OutboxRow.sent_at.is_(None))
        )
        if waiting:
            raise BatchStateError(f"{waiting} records of the batch are still waiting to be sent.")
        return _move(session, batch_id, BATCH_STATUSES, BATCH_SYNCED, "batch_synced")


def batches_by_day(target: StoreOrSession, batch_id: str | None = None) -> list[BatchInfo]:
    """Every batch (or the one ``batch_id``), oldest day first, without counts: an export's batches."""
    with transaction(target, read_only=True) as session:
        query = select(BatchRow).order_by(BatchRow.day, BatchRow.opened_at)
        if batch_id is not None:
            query = query.where(BatchRow.id == batch_id)
        return [BatchInfo.of(row) for row in session.scalars(query)]


def list_batches(target: StoreOrSession, status: str | None = None) -> list[BatchInfo]:
    """Newest day first, each with its counts (one grouped query per count, not a query per batch)."""
    with transaction(target, read_only=True) as session:
        query = select(BatchRow).order_by(BatchRow.day.desc(), BatchRow.opened_at.desc())
        if status is not None:
            query = query.where(BatchRow.status == status)
        rows = list(session.scalars(query))
        record_counts = {
            batch_id: (int(finals or 0), int(drafts or 0))
            for batch_id, finals, drafts in session.execute(
                select(
                    RecordRow.batch_id,
                    func.sum(case((RecordRow.status == RECORD_FINAL, 1), else_=0)),
                    func.sum(case((RecordRow.status == RECORD_DRAFT, 1), else_=0)),
                )
                .where(LATEST_NOT_INDEXED)  # walks ix_records_batch_latest, in batch order
                .group_by(RecordRow.batch_id)
            )
        }
        waiting = dict(
            session.execute(
                select(OutboxRow.batch_id, func.count())
                .where(OutboxRow.sent_at.is_(None))
                .group_by(OutboxRow.batch_id)
            ).all()
        )
        return [
            BatchInfo.of(row, *record_counts.get(row.id, (0, 0)), int(waiting.get(row.id, 0))) for row in rows
        ]


def get_batch(target: StoreOrSession, batch_id: str) -> BatchInfo:
    with transaction(target, read_only=True) as session:
        row = session.get(BatchRow, batch_id)
        if row is None:
            raise RecordNotFoundError("That batch does not exist in this store.")
        return BatchInfo.of(row)


def current_open_batch(target: StoreOrSession, *, mine: bool = False) -> BatchInfo | None:
    """The most recently opened batch still open (of the current operator when ``mine``)."""
    with transaction(target) as session:
        query = (
            select(BatchRow).where(BatchRow.status == BATCH_OPEN).order_by(BatchRow.opened_at.desc()).limit(1)
        )
        if mine:
            query = query.where(BatchRow.operator == operator_of(session).name)
        row = session.scalars(query).first()
        return BatchInfo.of(row) if row else None
