"""Counts for a status line: records, drafts, autosaves, batches, records waiting to sync. All in SQL,
each over an index (schema step 8 added ix_records_status_record): no count reads the records' rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .autosave import count_autosaves
from .schema import BATCH_OPEN, RECORD_DRAFT, RECORD_FINAL, BatchRow, OutboxRow, RecordRow


@dataclass(frozen=True)
class StoreCounts:
    records: int  # people registered: records with at least one final version
    drafts: int  # latest versions still drafts (kept on purpose, listed under Records)
    batches: int
    open_batches: int
    waiting_to_sync: int  # outbox rows not yet acknowledged
    autosaves: int = 0  # forms left open at a lock, quit or crash, offered back at the next unlock

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def _count(session: Session, query: object) -> int:
    return int(session.scalar(query) or 0)  # type: ignore[call-overload]


def drafts_count(session: Session) -> int:
    """Latest versions still drafts (``is_latest = 1`` renders "= 1", which the index matches)."""
    latest = RecordRow.is_latest == True  # noqa: E712
    query = select(func.count()).select_from(RecordRow).where(RecordRow.status == RECORD_DRAFT, latest)
    return _count(session, query)


def waiting_count(session: Session) -> int:
    """Outbox rows not yet acknowledged (ix_outbox_pending)."""
    return _count(session, select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None)))


def latest_finals_count(session: Session) -> int:
    """Records whose latest version is final: the persons kept (a record has one latest version)."""
    latest = RecordRow.is_latest == True  # noqa: E712
    query = select(func.count()).select_from(RecordRow).where(RecordRow.status == RECORD_FINAL, latest)
    return _count(session, query)


def records_count(session: Session) -> int:
    """Records with at least one final version: those whose latest version is final, and those whose
    latest version is a draft editing a final one (it names the version it replaces; a draft is only
    ever a record's latest version, overwritten in place until saved final). The same number as
    ``count(DISTINCT record_id) WHERE status = 'final'`` without reading a record id: under the store's
    memory security every value read costs an allocation, and 100k of them took up to seconds."""
    latest = RecordRow.is_latest == True  # noqa: E712
    editing = (
        select(func.count())
        .select_from(RecordRow)
        .where(RecordRow.status == RECORD_DRAFT, latest, RecordRow.deprecated_id.is_not(None))
    )
    return latest_finals_count(session) + _count(session, editing)


def counts(session: Session) -> StoreCounts:
    return StoreCounts(
        records=records_count(session),
        drafts=drafts_count(session),
        batches=_count(session, select(func.count()).select_from(BatchRow)),
        open_batches=_count(
            session, select(func.count()).select_from(BatchRow).where(BatchRow.status == BATCH_OPEN)
        ),
        waiting_to_sync=waiting_count(session),
        autosaves=count_autosaves(session),
    )
