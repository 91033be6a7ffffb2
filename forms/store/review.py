"""Supervisor review: a record sent back to its clerk with a comment, until the clerk saves a new version.

A flag names the version that was sent back. The record counts as corrected as soon as its latest version
is a final version other than the flagged one (the clerk's fix), so the save path needs no hook: every
read below first settles such flags (``settle_corrections``). The comment is typed by a supervisor and may
describe the person, so it lives only in this encrypted table; the audit log gets ids only.

A batch sent back on an event hub arrives at the clerk's next sync with the hub (sync/client/sent_back.py)
and lands here too (``apply_hub_send_back``): one flag per record of it, the hub supervisor's note as the
comment, and the record's batch reopened (forms.store.batches.reopen_sent_back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from . import audit
from ._session import StoreOrSession, operator_of, transaction, utc_now
from .errors import BatchStateError, NotAllowedError, RecordNotFoundError
from .schema import BATCH_APPROVED, BATCH_SYNCED, LATEST_NOT_INDEXED, RECORD_FINAL, RecordRow

MAX_COMMENT = 2000

# Schema step 2 (registered in migrate.MIGRATIONS): explicit DDL, never create_all.
REVIEW_TABLE_DDL = (
    """
    CREATE TABLE IF NOT EXISTS review_flags (
        id VARCHAR(36) NOT NULL PRIMARY KEY,
        record_id VARCHAR(36) NOT NULL,
        version_id VARCHAR(36) NOT NULL REFERENCES records (version_id),
        batch_id VARCHAR(36) NOT NULL REFERENCES batches (id),
        clerk VARCHAR(64) NOT NULL,
        comment TEXT NOT NULL,
        sent_by VARCHAR(64) NOT NULL,
        sent_at VARCHAR(40) NOT NULL,
        corrected_version_id VARCHAR(36),
        corrected_at VARCHAR(40)
    )
    """,
    "CREATE INDEX IF NOT EXISTS ix_review_flags_open ON review_flags (corrected_at, clerk)",
    "CREATE INDEX IF NOT EXISTS ix_review_flags_record ON review_flags (record_id)",
    "CREATE INDEX IF NOT EXISTS ix_review_flags_batch ON review_flags (batch_id)",
)


def create_review_table(connection: Connection) -> None:
    for statement in REVIEW_TABLE_DDL:
        connection.execute(text(statement))


@dataclass(frozen=True)
class ReviewFlag:
    id: str
    record_id: str
    version_id: str
    batch_id: str
    clerk: str
    comment: str
    sent_by: str
    sent_at: str
    corrected_version_id: str | None
    corrected_at: str | None

    @property
    def is_open(self) -> bool:
        return self.corrected_at is None


_COLUMNS = (
    "id, record_id, version_id, batch_id, clerk, comment, sent_by, sent_at, "
    "corrected_version_id, corrected_at"
)


def _flags(session: Session, where: str, **params: object) -> list[ReviewFlag]:
    rows = session.execute(
        # ``where`` is always a literal of this module; values go in as bound parameters.
        text(f"SELECT {_COLUMNS} FROM review_flags WHERE {where} ORDER BY sent_at"),  # noqa: S608
        params,
    ).all()
    return [ReviewFlag(*row) for row in rows]


def settle_corrections(session: Session) -> int:
    """Marks corrected every open flag whose record has a newer final version; returns how many.

    The open flags come first (ix_review_flags_open; CROSS JOIN keeps that order), then each one's
    latest version by record id: a few rows, not a walk over every record."""
    pending = session.execute(
        text(
            "SELECT f.id, f.record_id, r.version_id FROM review_flags f CROSS JOIN records r "
            "ON r.record_id = f.record_id AND r.is_latest = 1 "
            "WHERE f.corrected_at IS NULL AND r.version_id != f.version_id AND r.status = :final"
        ),
        {"final": RECORD_FINAL},
    ).all()
    now = utc_now()
    for flag_id, record_id, version_id in pending:
        session.execute(
            text(
                "UPDATE review_flags SET corrected_version_id = :version, corrected_at = :now WHERE id = :id"
            ),
            {"version": version_id, "now": now, "id": flag_id},
        )
        audit.append(
            session,
            "record_corrected",
            record_id=record_id,
            details={"flag_id": flag_id, "version_id": version_id},
        )
    return len(pending)


def send_back(target: StoreOrSession, record_id: str, comment: str) -> ReviewFlag:
    """Supervisor only: flags the record's latest final version for its clerk to correct."""
    comment = comment.strip()
    if not comment:
        raise BatchStateError("Say what needs correcting: the comment is empty.")
    if len(comment) > MAX_COMMENT:
        raise BatchStateError(f"The comment is too long (at most {MAX_COMMENT} characters).")
    with transaction(target) as session:
        if not operator_of(session).is_supervisor:
            raise NotAllowedError("Only a supervisor may send a record back.")
        settle_corrections(session)
        row = session.scalars(
            select(RecordRow).where(RecordRow.record_id == record_id, RecordRow.is_latest.is_(True))
        ).first()
        if row is None:
            raise RecordNotFoundError("That record does not exist in this store.")
        if row.status != RECORD_FINAL:
            raise BatchStateError("That record is still a draft; only a saved record can be sent back.")
        batch_status = session.scalar(text("SELECT status FROM batches WHERE id = :id"), {"id": row.batch_id})
        if batch_status in (BATCH_APPROVED, BATCH_SYNCED):
            raise BatchStateError(f"The record's batch is already {batch_status}; it cannot be sent back.")
        if _flags(session, "record_id = :record AND corrected_at IS NULL", record=record_id):
            raise BatchStateError("That record was already sent back and is waiting for its correction.")
        flag = ReviewFlag(
            str(uuid.uuid4()),
            record_id,
            row.version_id,
            row.batch_id,
            row.operator,
            comment,
            operator_of(session).name,
            utc_now(),
            None,
            None,
        )
        session.execute(
            text(
                f"INSERT INTO review_flags ({_COLUMNS}) VALUES (:id, :record_id, :version_id, :batch_id, "  # noqa: S608
                ":clerk, :comment, :sent_by, :sent_at, :corrected_version_id, :corrected_at)"
            ),
            vars(flag),
        )
        audit.append(
            session,
            "record_sent_back",
            record_id=record_id,
            details={"flag_id": flag.id, "version_id": row.version_id, "batch_id": row.batch_id},
        )
        return flag


def needing_correction(target: StoreOrSession, clerk: str | None = None) -> list[ReviewFlag]:
    """Open flags, oldest first: the given clerk's (default: the current operator's), or all with ``"*"``."""
    with transaction(target) as session:
        settle_corrections(session)
        who = operator_of(session).name if clerk is None else clerk
        if who == "*":
            return _flags(session, "corrected_at IS NULL")
        return _flags(session, "corrected_at IS NULL AND clerk = :clerk", clerk=who)


def open_flag(target: StoreOrSession, record_id: str) -> ReviewFlag | None:
    """The record's flag still waiting for a correction, if any."""
    with transaction(target) as session:
        settle_corrections(session)
        found = _flags(session, "record_id = :record AND corrected_at IS NULL", record=record_id)
        return found[0] if found else None


def flags_of_batch(target: StoreOrSession, batch_id: str) -> list[ReviewFlag]:
    """Every flag of a batch, open and corrected, oldest first."""
    with transaction(target) as session:
        settle_corrections(session)
        return _flags(session, "batch_id = :batch", batch=batch_id)


def flagged_counts(target: StoreOrSession) -> dict[str, int]:
    """Per batch id, how many records are sent back and not corrected yet."""
    with transaction(target) as session:
        settle_corrections(session)
        rows = session.execute(
            text("SELECT batch_id, count(*) FROM review_flags WHERE corrected_at IS NULL GROUP BY batch_id")
        ).all()
        return {batch_id: int(count) for batch_id, count in rows}


def synced_counts(target: StoreOrSession) -> dict[str, int]:
    """Per batch id, how many latest versions the server has acknowledged."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(
            select(RecordRow.batch_id, func.count())
            .where(LATEST_NOT_INDEXED, RecordRow.synced_at.is_not(None))  # ix_records_batch_latest
            .group_by(RecordRow.batch_id)
        ).all()
        return {batch_id: int(count) for batch_id, count in rows}


# Records that look like another record: the same document number, or the same birth date and the same
# normalised names (the exact half of ``search.find_duplicates``). Each half walks its covering index
# (ix_records_latest_document, ix_records_latest_birth) and probes the same index for another latest
# version with the key (a record has one latest version, so another row is another record): 90 ms at
# 100k records. (The two halves OR-ed inside one correlated EXISTS could use no index and compared every
# record with every other: 37 s at 8,000 records.)
_DUPLICATE_COUNTS = """
SELECT batch_id, count(*) FROM records WHERE rowid IN (
    SELECT a.rowid FROM records AS a
    WHERE a.is_latest = 1 AND a.document_number > '' AND EXISTS (
        SELECT 1 FROM records AS b
        WHERE b.is_latest = 1 AND b.document_number = a.document_number AND b.rowid != a.rowid
    )
    UNION ALL
    SELECT a.rowid FROM records AS a
    WHERE a.is_latest = 1 AND a.birth_date IS NOT NULL
      AND a.family_name_norm IS NOT NULL AND a.given_name_norm IS NOT NULL AND EXISTS (
        SELECT 1 FROM records AS b
        WHERE b.is_latest = 1 AND b.birth_date = a.birth_date AND b.family_name_norm = a.family_name_norm
          AND b.given_name_norm = a.given_name_norm AND b.rowid != a.rowid
    )
)
GROUP BY batch_id
"""


def duplicate_counts(target: StoreOrSession) -> dict[str, int]:
    """Per batch id, how many records look like another record: the same document number, or the same
    birth date and the same normalised names (the exact half of ``search.find_duplicates``; the fuzzy
    name match stays in the registration page)."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(text(_DUPLICATE_COUNTS)).all()
        return {str(batch_id): int(count) for batch_id, count in rows}


def close_and_approve(target: StoreOrSession, batch_id: str) -> None:
    """End-of-day approval: closes the batch if still open, then approves it, in one transaction.

    Refused in words while a draft or a sent-back record is waiting, or when the batch is past approval.
    """
    from .batches import approve_batch, close_batch, get_batch  # batches does not import review

    with transaction(target) as session:
        if not operator_of(session).is_supervisor:
            raise NotAllowedError("Only a supervisor may approve a batch.")
        settle_corrections(session)
        batch = get_batch(session, batch_id)
        if batch.status in (BATCH_APPROVED, BATCH_SYNCED):
            raise BatchStateError(f"The batch is already {batch.status}.")
        waiting = len(_flags(session, "batch_id = :batch AND corrected_at IS NULL", batch=batch_id))
        if waiting:
            raise BatchStateError(
                f"{waiting} record(s) of this batch were sent back and are not corrected yet; "
                "approve once the clerk has saved the corrections."
            )
        drafts = session.scalar(
            select(func.count())
            .select_from(RecordRow)
            .where(
                RecordRow.batch_id == batch_id,
                RecordRow.is_latest.is_(True),
                RecordRow.status != RECORD_FINAL,
            )
        )
        if drafts:
            raise BatchStateError(
                f"{drafts} draft(s) in this batch are not finished; they must be saved or discarded first."
            )
        if batch.status != "closed":
            close_batch(session, batch_id)
        approve_batch(session, batch_id)


def apply_hub_send_back(
    target: StoreOrSession, sync_batch_id: str, version_ids: list[str], note: str, sent_by: str
) -> list[ReviewFlag]:
    """A batch the event hub's supervisor sent back: flags each record of it still at the version sent
    (its clerk corrects it as any record sent back) and reopens its batches. Applied once: a version
    already flagged is skipped, so the same notice read again changes nothing. Returns the new flags."""
    from .batches import reopen_sent_back  # batches does not import review

    note = note.strip()[:MAX_COMMENT] or "-"
    made: list[ReviewFlag] = []
    with transaction(target) as session:
        settle_corrections(session)
        if not version_ids:
            return made
        rows = list(
            session.scalars(
                select(RecordRow).where(RecordRow.version_id.in_(version_ids), RecordRow.is_latest.is_(True))
            )
        )
        for row in rows:
            if _flags(session, "version_id = :version", version=row.version_id):
                continue
            if _flags(session, "record_id = :record AND corrected_at IS NULL", record=row.record_id):
                continue
            flag = ReviewFlag(
                str(uuid.uuid4()),
                row.record_id,
                row.version_id,
                row.batch_id,
                row.operator,
                note,
                sent_by[:64],
                utc_now(),
                None,
                None,
            )
            session.execute(
                text(
                    f"INSERT INTO review_flags ({_COLUMNS}) VALUES (:id, :record_id, :version_id, :batch_id, "  # noqa: S608
                    ":clerk, :comment, :sent_by, :sent_at, :corrected_version_id, :corrected_at)"
                ),
                vars(flag),
            )
            audit.append(
                session,
                "record_sent_back",
                record_id=row.record_id,
                details={
                    "flag_id": flag.id,
                    "version_id": row.version_id,
                    "batch_id": row.batch_id,
                    "sync_batch_id": sync_batch_id,
                    "by": "event_hub",
                },
            )
            made.append(flag)
        for batch_id in sorted({flag.batch_id for flag in made}):
            reopen_sent_back(session, batch_id, sync_batch_id)
        return made
