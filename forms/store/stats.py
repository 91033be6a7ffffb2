"""Counts for a status line: records, drafts, autosaves, batches, records waiting to sync. All in SQL."""

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


def counts(session: Session) -> StoreCounts:
    def count(query: object) -> int:
        return int(session.scalar(query) or 0)  # type: ignore[call-overload]

    latest = select(func.count()).select_from(RecordRow).where(RecordRow.is_latest.is_(True))
    return StoreCounts(
        records=count(
            select(func.count(func.distinct(RecordRow.record_id))).where(RecordRow.status == RECORD_FINAL)
        ),
        drafts=count(latest.where(RecordRow.status == RECORD_DRAFT)),
        batches=count(select(func.count()).select_from(BatchRow)),
        open_batches=count(select(func.count()).select_from(BatchRow).where(BatchRow.status == BATCH_OPEN)),
        waiting_to_sync=count(select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None))),
        autosaves=count_autosaves(session),
    )
