"""The outbox that sync reads: final record versions in per-device sequence order.

``pending`` hands out what waits; ``acknowledge`` takes the server's per-record answers and, in one
transaction, marks those rows sent, stamps the versions the server holds as synced and advances the
checkpoint (the highest sequence below which nothing waits).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from . import audit
from ._session import StoreOrSession, transaction, utc_now
from .schema import OutboxRow, RecordRow, SettingRow

CHECKPOINT_SETTING = "outbox.checkpoint"
DEVICE_ID_SETTING = "device_id"
HELD_BY_SERVER = frozenset({"accepted", "duplicate"})


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
    answers: dict[str, Any]
    deleted: bool
    created_at: str


@dataclass(frozen=True)
class Acknowledgement:
    sequence: int
    status: str  # accepted | duplicate | conflict | rejected (sync.protocol.RECORD_STATUSES)
    detail: str | None = None  # a reason code, never a personal value


def pending(target: StoreOrSession, limit: int = 500) -> list[OutboxItem]:
    with transaction(target, read_only=True) as session:
        query = (
            select(OutboxRow, RecordRow)
            .join(RecordRow, RecordRow.version_id == OutboxRow.version_id)
            .where(OutboxRow.sent_at.is_(None))
            .order_by(OutboxRow.seq)
            .limit(limit)
        )
        return [
            OutboxItem(
                sequence=out.seq,
                record_id=out.record_id,
                version_id=out.version_id,
                replaces=record.deprecated_id,
                batch_id=out.batch_id,
                form_id=record.form_id,
                form_version=record.form_version,
                answers=json.loads(record.answers),
                deleted=out.kind == "tombstone",
                created_at=record.updated_at,
            )
            for out, record in session.execute(query).all()
        ]


def waiting_count(target: StoreOrSession) -> int:
    with transaction(target, read_only=True) as session:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None))
        return int(session.scalar(query) or 0)


def checkpoint(target: StoreOrSession) -> int:
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, CHECKPOINT_SETTING)
        return int(row.value) if row else 0


def acknowledge(target: StoreOrSession, results: Iterable[Acknowledgement]) -> int:
    """Marks the answered rows sent and advances the checkpoint, in one transaction; returns it."""
    now = utc_now()
    with transaction(target) as session:
        answered = 0
        tally: dict[str, int] = {}
        for result in results:
            row = session.get(OutboxRow, result.sequence)
            if row is None or row.sent_at is not None:
                continue  # a replayed answer: the first one counted
            row.sent_at, row.result, row.result_detail = now, result.status, result.detail
            if result.status in HELD_BY_SERVER:
                version = session.get(RecordRow, row.version_id)
                if version is not None:
                    version.synced_at = now
            answered += 1
            tally[result.status] = tally.get(result.status, 0) + 1
        session.flush()
        first_waiting = session.scalar(select(func.min(OutboxRow.seq)).where(OutboxRow.sent_at.is_(None)))
        if first_waiting is None:
            first_waiting = int(session.scalar(select(func.max(OutboxRow.seq))) or 0) + 1
        new_checkpoint = int(first_waiting) - 1
        session.merge(SettingRow(key=CHECKPOINT_SETTING, value=str(new_checkpoint)))
        if answered:
            audit.append(session, "sync_acknowledged", details={"checkpoint": new_checkpoint, **tally})
        return new_checkpoint


def device_id(target: StoreOrSession) -> str:
    """This installation's id (made at creation); sync sends it with every batch."""
    with transaction(target) as session:
        row = session.get(SettingRow, DEVICE_ID_SETTING)
        if row is None:
            row = SettingRow(key=DEVICE_ID_SETTING, value=str(uuid.uuid4()))
            session.add(row)
        return row.value


def set_device_id(target: StoreOrSession, value: str) -> None:
    """Replaces the device id (the server may assign one at enrolment)."""
    with transaction(target) as session:
        session.merge(SettingRow(key=DEVICE_ID_SETTING, value=value))
        audit.append(session, "device_id_set", details={"device_id": value})
