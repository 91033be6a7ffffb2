"""Saving and reading record versions (the ODK instanceID / deprecatedID chain).

A record has a client UUID (``record_id``); each version has its own UUID (``version_id``, the
instanceID) and names the version it replaces (``deprecated_id``). A draft is overwritten in place
(drafts never leave the laptop); a final version is frozen: editing it makes a new version. Saving a
final version writes the record row, its outbox row and its audit entry in one transaction.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session

from . import audit
from ._session import StoreOrSession, operator_of, transaction, utc_now
from .errors import BatchStateError, NotAllowedError, RecordNotFoundError
from .fields import indexed_fields
from .schema import BATCH_OPEN, LATEST_NOT_INDEXED, RECORD_DRAFT, RECORD_FINAL, OutboxRow, RecordRow

# RECORD_DRAFT and RECORD_FINAL (a version's status) are also for callers: code outside the store takes
# them from here, never from ``schema``, whose rows are the store's own.


@dataclass(frozen=True)
class RecordVersion:
    """A saved version, detached from any session (safe to hand to another thread)."""

    version_id: str
    record_id: str
    deprecated_id: str | None
    batch_id: str
    form_id: str
    form_version: str
    status: str
    is_latest: bool
    operator: str
    created_at: str
    updated_at: str
    synced_at: str | None
    answers: dict[str, Any]

    @property
    def is_draft(self) -> bool:
        return self.status == RECORD_DRAFT

    @classmethod
    def of(cls, row: RecordRow) -> RecordVersion:
        return cls(
            row.version_id,
            row.record_id,
            row.deprecated_id,
            row.batch_id,
            row.form_id,
            row.form_version,
            row.status,
            bool(row.is_latest),
            row.operator,
            row.created_at,
            row.updated_at,
            row.synced_at,
            json.loads(row.answers),
        )


def _latest_row(session: Session, record_id: str) -> RecordRow | None:
    query = select(RecordRow).where(RecordRow.record_id == record_id, RecordRow.is_latest == True)  # noqa: E712
    return session.scalars(query).first()


def _with_meta(answers: Mapping[str, Any], version_id: str, deprecated_id: str | None) -> dict[str, Any]:
    result = copy.deepcopy(dict(answers))
    meta = dict(result.get("meta") or {})
    meta["instanceID"] = f"uuid:{version_id}"
    if deprecated_id:
        meta["deprecatedID"] = f"uuid:{deprecated_id}"
    else:
        meta.pop("deprecatedID", None)
    result["meta"] = meta
    return result


def _content_columns(answers: dict[str, Any], identifying: Sequence[str] | None = None) -> dict[str, Any]:
    fields = indexed_fields(answers, identifying)
    return {"answers": json.dumps(answers, ensure_ascii=False, sort_keys=True), **vars(fields)}


# The hot path speaks plain SQL on the session's own DBAPI connection (inside its transaction): the
# statements are constants, and skipping SQLAlchemy's statement layer halves the CPU of a save.
_RECORD_COLUMNS = tuple(column.name for column in RecordRow.__table__.columns)
_CONTENT_UPDATED = tuple(
    name for name in _RECORD_COLUMNS if name not in ("version_id", "record_id", "deprecated_id", "created_at")
)
_INSERT_RECORD = (
    f"INSERT INTO records ({', '.join(_RECORD_COLUMNS)}) VALUES ({', '.join('?' * len(_RECORD_COLUMNS))})"  # noqa: S608
)
_UPDATE_CONTENT = (
    f"UPDATE records SET {', '.join(f'{name} = ?' for name in _CONTENT_UPDATED)} WHERE version_id = ?"  # noqa: S608
)
_SET_NOT_LATEST = "UPDATE records SET is_latest = 0 WHERE version_id = ?"
_INSERT_OUTBOX = (
    "INSERT INTO outbox (version_id, record_id, batch_id, kind, created_at) VALUES (?, ?, ?, ?, ?)"
)
_SELECT_BATCH_STATUS = "SELECT status FROM batches WHERE id = ?"
_SELECT_CURRENT = (
    "SELECT version_id, deprecated_id, batch_id, status, operator, created_at FROM records"
    " WHERE record_id = ? AND is_latest = 1"
)
# Sent, unless a supervisor sent it back for correction (an open review flag: forms/store/review.py).
_SELECT_SYNCED = (
    "SELECT 1 FROM records WHERE record_id = ? AND synced_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
    " review_flags f WHERE f.record_id = records.record_id AND f.corrected_at IS NULL) LIMIT 1"
)


class _Current(NamedTuple):
    version_id: str
    deprecated_id: str | None
    batch_id: str
    status: str
    operator: str
    created_at: str


def _driver(session: Session) -> Any:
    """The sqlite DBAPI connection under the session, already inside its transaction."""
    return session.connection().connection.driver_connection


def save_record(
    target: StoreOrSession,
    batch_id: str,
    form_id: str,
    form_version: str,
    answers: Mapping[str, Any],
    draft: bool,
    record_id: str | None = None,
    identifying: Sequence[str] | None = None,
) -> RecordVersion:
    """Saves a new record (``record_id=None``) or a new state of an existing one; returns the saved version.

    ``identifying``: for a form other than the shipped one, the questions that identify a person in it
    (forms.library.search_fields): their answers fill the indexed search and sort columns
    (forms.store.fields.search_slots). None: the shipped form's names.

    - The latest version is a draft: it is overwritten in place (same version id), and becomes final
      when ``draft`` is False.
    - The latest version is final: a new version is made that names it as ``deprecated_id``.
    - A final version gets its outbox row; every save gets an audit entry (ids only); one transaction.
    - A clerk may edit only their own records that have not been synced yet; new records need an open
      batch.

    Written with Core statements (no ORM unit of work): this is the hot path of a registration desk.
    """
    with transaction(target) as session:
        operator = operator_of(session)
        session.flush()  # a caller's pending ORM changes first; below, plain SQL on the same connection
        db = _driver(session)
        found = db.execute(_SELECT_BATCH_STATUS, (batch_id,)).fetchone()
        if found is None:
            raise RecordNotFoundError("That batch does not exist in this store.")
        batch_status = found[0]
        now = utc_now()
        current: _Current | None = None
        if record_id is None:
            if batch_status != BATCH_OPEN:
                raise BatchStateError(f"The batch is {batch_status}; new records go into an open batch.")
            record_id = str(uuid.uuid4())
        else:
            row = db.execute(_SELECT_CURRENT, (record_id,)).fetchone()
            if row is None:
                raise RecordNotFoundError("That record does not exist in this store.")
            current = _Current(*row)
            if not operator.is_supervisor and (
                current.operator != operator.name or db.execute(_SELECT_SYNCED, (record_id,)).fetchone()
            ):
                raise NotAllowedError("A clerk may edit only their own records that were not sent yet.")
        status = RECORD_DRAFT if draft else RECORD_FINAL
        overwrite = current is not None and current.status == RECORD_DRAFT
        if current is not None and overwrite:
            # A draft is overwritten in place: nobody outside this laptop has seen it.
            version_id, deprecated_id, created_at = (
                current.version_id,
                current.deprecated_id,
                current.created_at,
            )
            action = "record_finalized" if not draft else "draft_saved"
        else:
            version_id, created_at = str(uuid.uuid4()), now
            deprecated_id = current.version_id if current is not None else None
            action = "record_created" if current is None else "record_edited"
        owner_batch = current.batch_id if current is not None else batch_id
        full_answers = _with_meta(answers, version_id, deprecated_id)
        values = {
            "version_id": version_id,
            "record_id": record_id,
            "deprecated_id": deprecated_id,
            "batch_id": owner_batch,
            "form_id": form_id,
            "form_version": form_version,
            "status": status,
            "is_latest": 1,
            "operator": operator.name,
            "created_at": created_at,
            "updated_at": now,
            "synced_at": None,
            **_content_columns(full_answers, identifying),
        }
        if overwrite:
            db.execute(_UPDATE_CONTENT, [values[name] for name in _CONTENT_UPDATED] + [version_id])
        else:
            if current is not None:
                db.execute(_SET_NOT_LATEST, (current.version_id,))
            db.execute(_INSERT_RECORD, [values[name] for name in _RECORD_COLUMNS])
        if not draft:
            db.execute(_INSERT_OUTBOX, (version_id, record_id, owner_batch, "record", now))
        audit.append(session, action, record_id=record_id, details={"version_id": version_id, "draft": draft})
        return RecordVersion(
            version_id=version_id,
            record_id=record_id,
            deprecated_id=deprecated_id,
            batch_id=owner_batch,
            form_id=form_id,
            form_version=form_version,
            status=status,
            is_latest=True,
            operator=operator.name,
            created_at=created_at,
            updated_at=now,
            synced_at=None,
            answers=full_answers,
        )


def discard_draft(target: StoreOrSession, record_id: str) -> str | None:
    """Throws away a record's draft (audited, ids only). A draft of a new person leaves nothing; a draft
    that edited a saved record gives the saved version back its place as the latest. Returns the
    version that is latest now, or None. A clerk may discard only their own drafts."""
    with transaction(target) as session:
        operator = operator_of(session)
        row = _latest_row(session, record_id)
        if row is None:
            raise RecordNotFoundError("That record does not exist in this store.")
        if row.status != RECORD_DRAFT:
            raise NotAllowedError("Only a draft can be discarded; a saved record is kept.")
        if not operator.is_supervisor and row.operator != operator.name:
            raise NotAllowedError("A clerk may discard only their own drafts.")
        version_id, previous = row.version_id, row.deprecated_id
        session.delete(row)
        session.flush()
        if previous is not None:
            earlier = session.get(RecordRow, previous)
            if earlier is not None:
                earlier.is_latest = True
        audit.append(session, "draft_discarded", record_id=record_id, details={"version_id": version_id})
        session.flush()
        return previous


def latest_version(target: StoreOrSession, record_id: str, *, log_view: bool = True) -> RecordVersion:
    """The current version of a record; logs a ``record_viewed`` entry unless ``log_view`` is False."""
    with transaction(target) as session:
        row = _latest_row(session, record_id)
        if row is None:
            raise RecordNotFoundError("That record does not exist in this store.")
        if log_view:
            audit.append(
                session, "record_viewed", record_id=record_id, details={"version_id": row.version_id}
            )
        return RecordVersion.of(row)


def get_version(target: StoreOrSession, version_id: str, *, log_view: bool = True) -> RecordVersion:
    with transaction(target) as session:
        row = session.get(RecordRow, version_id)
        if row is None:
            raise RecordNotFoundError("That record version does not exist in this store.")
        if log_view:
            audit.append(
                session, "record_viewed", record_id=row.record_id, details={"version_id": version_id}
            )
        return RecordVersion.of(row)


def version_history(target: StoreOrSession, record_id: str) -> list[RecordVersion]:
    """Every version of a record, oldest first (follows the chain, not the clock)."""
    with transaction(target) as session:
        rows = {
            row.version_id: row
            for row in session.scalars(select(RecordRow).where(RecordRow.record_id == record_id))
        }
        if not rows:
            raise RecordNotFoundError("That record does not exist in this store.")
        children = {row.deprecated_id: row for row in rows.values()}
        chain: list[RecordRow] = []
        step = children.get(None)
        while step is not None and len(chain) <= len(rows):
            chain.append(step)
            step = children.get(step.version_id)
        audit.append(session, "record_history_viewed", record_id=record_id, details={"versions": len(chain)})
        return [RecordVersion.of(row) for row in chain]


def record_exists(target: StoreOrSession, record_id: str) -> bool:
    """Whether a record with this id has a version in the store (not audited: no content is read)."""
    with transaction(target, read_only=True) as session:
        query = select(RecordRow.record_id).where(RecordRow.record_id == record_id).limit(1)
        return session.scalar(query) is not None


def record_ids_with_prefix(target: StoreOrSession, prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` distinct record ids that start with ``prefix`` (a receipt's reference)."""
    with transaction(target, read_only=True) as session:
        query = (
            select(RecordRow.record_id).where(RecordRow.record_id.like(prefix + "%")).distinct().limit(limit)
        )
        return [str(record_id) for record_id in session.scalars(query)]


def any_final_record_id(target: StoreOrSession) -> str | None:
    """The id of some record whose latest version is final, or None when there is none."""
    with transaction(target, read_only=True) as session:
        query = (
            select(RecordRow.record_id)
            .where(RecordRow.is_latest.is_(True), RecordRow.status == RECORD_FINAL)
            .limit(1)
        )
        found = session.scalar(query)
        return None if found is None else str(found)


def is_sent(session: Session, version_id: str) -> bool:
    query = select(exists().where(OutboxRow.version_id == version_id, OutboxRow.sent_at.is_not(None)))
    return bool(session.scalar(query))


class VersionRow(NamedTuple):
    """The latest version of a record as listed (export, review): no audit entry, read in bulk."""

    record_id: str
    version_id: str
    batch_id: str
    operator: str
    created_at: str
    updated_at: str
    status: str
    answers: str  # the answers' JSON as stored


def _latest_columns() -> tuple[Any, ...]:
    return (RecordRow.record_id, RecordRow.version_id, RecordRow.batch_id, RecordRow.operator,
            RecordRow.created_at, RecordRow.updated_at, RecordRow.status, RecordRow.answers)  # fmt: skip


def _final_of_form(form_id: str, batch_id: str | None) -> list[Any]:
    conditions = [
        RecordRow.is_latest.is_(True),
        RecordRow.status == RECORD_FINAL,
        RecordRow.form_id == form_id,
    ]
    if batch_id is not None:
        conditions.append(RecordRow.batch_id == batch_id)
    return conditions


def final_versions(session: Session, form_id: str, batch_id: str | None, chunk: int) -> Iterator[VersionRow]:
    """The latest final version of each record of ``form_id`` (in one batch, or all), oldest first,
    streamed ``chunk`` rows at a time inside the caller's (read-only) session: an export's records."""
    query = (
        select(*_latest_columns())
        .where(*_final_of_form(form_id, batch_id))
        .order_by(RecordRow.created_at, RecordRow.record_id)
        .execution_options(yield_per=chunk)
    )
    for row in session.execute(query):
        yield VersionRow(*row)


def count_final_versions(session: Session, form_id: str, batch_id: str | None) -> int:
    """How many records ``final_versions`` gives, counted in the same session."""
    query = select(func.count()).select_from(RecordRow).where(*_final_of_form(form_id, batch_id))
    return int(session.scalar(query) or 0)


def latest_of_batch(target: StoreOrSession, batch_id: str) -> list[VersionRow]:
    """The latest version of every record of a batch, drafts included, in the order they were made:
    a supervisor's review list (the page says whose and which; not a view of one person)."""
    with transaction(target, read_only=True) as session:
        query = (
            select(*_latest_columns())
            .where(RecordRow.batch_id == batch_id, LATEST_NOT_INDEXED)  # ix_records_batch_latest
            .order_by(RecordRow.created_at, text("records.rowid"))  # ties in the order they were saved
        )
        return [VersionRow(*row) for row in session.execute(query)]


def answers_of_versions(target: StoreOrSession, version_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The answers of these record versions (version id -> answers), for the records list of a
    programme form (its search columns hold the shipped form's)."""
    if not version_ids:
        return {}
    with transaction(target, read_only=True) as session:
        query = select(RecordRow.version_id, RecordRow.answers).where(
            RecordRow.version_id.in_(list(version_ids))
        )
        return {str(version_id): json.loads(text) for version_id, text in session.execute(query)}
