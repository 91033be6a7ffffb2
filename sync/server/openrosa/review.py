"""The review status of records that came in through OpenRosa: pending until a registrar accepts them.

A record with no review row (sent by an enrolled desk) counts as accepted. Accepting or rejecting puts
the record on the registry's catch-up queue, so its counts and lists follow at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server.auth import utcnow
from sync.server.models import (
    OpenRosaAppUserRow,
    RecordReviewRow,
    RecordRow,
    RecordVersionRow,
    RegistryDirtyRow,
)

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
SOURCE_OPENROSA = "openrosa"


def mark_pending(session: Session, record_id: str, submitted_by: str) -> str | None:
    """Set the record pending (a new OpenRosa version needs a registrar's look); returns the old status."""
    row = session.get(RecordReviewRow, record_id, with_for_update=True)
    previous = row.status if row is not None else None
    if row is None:
        session.add(
            RecordReviewRow(
                record_id=record_id,
                status=PENDING,
                source=SOURCE_OPENROSA,
                submitted_by=submitted_by,
                changed_at=utcnow(),
            )
        )
    else:
        row.status, row.changed_at, row.submitted_by = PENDING, utcnow(), submitted_by
    return previous


def restore(session: Session, record_id: str, previous: str | None) -> None:
    """Undo mark_pending when the version was not stored after all."""
    row = session.get(RecordReviewRow, record_id, with_for_update=True)
    if row is None:
        return
    if previous is None:
        if session.get(RecordRow, record_id) is None:
            session.delete(row)
        return
    row.status = previous


@dataclass(frozen=True)
class ReviewItem:
    record_id: str
    status: str
    form_id: str
    head_version_id: str
    submitted_by: str
    app_user: str
    changed_at: datetime
    decided_by: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "status": self.status,
            "form_id": self.form_id,
            "head_version_id": self.head_version_id,
            "submitted_by": self.submitted_by,
            "app_user": self.app_user,
            "changed_at": self.changed_at.isoformat(timespec="seconds"),
            "decided_by": self.decided_by,
        }


def list_reviews(
    session: Session, status: str | None = PENDING, limit: int = 1000, *, record_id: str | None = None
) -> list[ReviewItem]:
    query = (
        select(
            RecordReviewRow,
            RecordRow.form_id,
            RecordRow.head_version_id,
            OpenRosaAppUserRow.name,
        )
        .join(RecordRow, RecordRow.record_id == RecordReviewRow.record_id)
        .outerjoin(OpenRosaAppUserRow, OpenRosaAppUserRow.user_id == RecordReviewRow.submitted_by)
        .where(RecordRow.deleted.is_(False))
        .order_by(RecordReviewRow.changed_at, RecordReviewRow.record_id)
        .limit(limit)
    )
    if status is not None:
        query = query.where(RecordReviewRow.status == status)
    if record_id is not None:
        query = query.where(RecordReviewRow.record_id == record_id)
    return [
        ReviewItem(
            review.record_id,
            review.status,
            form_id,
            head,
            review.submitted_by,
            name or "",
            review.changed_at,
            review.decided_by,
        )
        for review, form_id, head, name in session.execute(query).all()
    ]


def decide(session: Session, record_id: str, status: str, decided_by: str) -> ReviewItem:
    """A registrar accepts or rejects a record that came in through OpenRosa (audited by who and when)."""
    if status not in (ACCEPTED, REJECTED):
        raise DeskError("A review decision is accept or reject.", exit_code=2)
    row = session.get(RecordReviewRow, record_id.strip(), with_for_update=True)
    if row is None or session.get(RecordRow, row.record_id) is None:
        raise DeskError(f"No submission waits for review under record {record_id.strip()!r}.", exit_code=2)
    row.status, row.decided_by, row.decided_at = status, decided_by[:200], utcnow()
    session.add(RegistryDirtyRow(record_id=row.record_id))  # the registry's counts follow the decision
    session.flush()
    return list_reviews(session, None, 1, record_id=row.record_id)[0]


def version_record(session: Session, version_id: str) -> str | None:
    return session.scalar(select(RecordVersionRow.record_id).where(RecordVersionRow.version_id == version_id))


def pending_review(record_id: Any) -> Any:
    """A WHERE clause: the record has a review row that is not (yet) accepted (for the registry's counts)."""
    return (RecordReviewRow.record_id == record_id) & (RecordReviewRow.status != ACCEPTED)
