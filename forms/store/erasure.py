"""Erasing a person's record from this laptop: every version, draft, autosave, outbox entry, review flag,
sync issue and search-index entry goes; a tombstone tells the server (and, through it, every other
laptop) when the server holds a version.

The store runs with ``secure_delete=ON``, so deleted cells and freed pages are overwritten with zeros;
afterwards the FTS5 index is merged (``optimize``: its old segments, which still held the deleted
terms, are rewritten without them and freed) and the WAL is checkpointed and truncated
(``Store.checkpoint``), so no older copy of a page survives in the WAL.

What stays when the server holds a version: a *husk* of the version the server knows (ids only: the
answers and every derived column are emptied) and the tombstone replacing it, both with status
``erased`` and never listed; retention (forms.store.retention) removes them once the server acknowledged
the tombstone. The audit log keeps who erased which record id, when and why (a reason code); never a value.

A person whose record retention had already removed (forms.store.purged: its id and dates, listed as
"only on the server now") leaves that list too, here and in the backups, when the server's erasure
notice arrives or the desk erases a copy it holds again.

Qt-free; the server's notices of erasures made on the registry are applied by ``apply_server_erasures``.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from forms.errors import DeskError

from . import audit
from ._session import operator_of, utc_now
from .attachments import drop_unreferenced, names_in_answers
from .backup import list_backups
from .database import open_engine
from .errors import NotAllowedError, RecordNotFoundError
from .purged import forget
from .schema import OutboxRow, RecordRow, SettingRow

log = logging.getLogger("forms.store.erasure")

RECORD_ERASED = "record_erased"
ERASED_BY_SERVER = "record_erased_by_server"
STATUS_ERASED = "erased"  # husk and tombstone rows: never listed, never counted as a person
CURSOR_SETTING = "protection.erasure_cursor"
HUB_CURSOR_SETTING = "protection.hub_erasure_cursor"  # the central notices applied to this laptop's hub
REASON_CODES = (
    "consent_withdrawn",
    "subject_request",
    "registered_in_error",
    "duplicate",
    "deceased",
    "legal_obligation",
    "other",
)
HELD_BY_SERVER = ("accepted", "duplicate")
CHUNK = 400  # ids per statement (SQLite's limit on bound parameters is far above)
# Columns of records derived from the answers (forms.store.fields): emptied on the husk.
_DERIVED = (
    "given_name",
    "family_name",
    "given_name_norm",
    "family_name_norm",
    "birth_date",
    "document_number",
    "phone",
)


class ErasureRefused(DeskError):
    """The record cannot be erased right now (a batch holding it is being sent), or the reason is unknown."""

    exit_code = 2


@dataclass(frozen=True)
class Erased:
    record_id: str
    versions: int  # versions deleted from this laptop
    tombstone: bool  # a tombstone waits in the outbox for the server


def _tables(session: Session) -> set[str]:
    rows = session.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"))
    return {row[0] for row in rows}


def check_reason(reason: str) -> str:
    code = reason.strip().lower().replace(" ", "_").replace("-", "_")
    if code not in REASON_CODES:
        raise ErasureRefused(f"The reason is one of: {', '.join(REASON_CODES)}.")
    return code


def _in_flight(session: Session, tables: set[str], record_id: str) -> bool:
    """A batch being sent holds one of the record's versions (its bytes must be re-sent unchanged)."""
    if "sync_inflight" not in tables:
        return False
    seqs = {
        int(row[0])
        for row in session.execute(text("SELECT seq FROM outbox WHERE record_id = :r"), {"r": record_id})
    }
    if not seqs:
        return False
    for (listed,) in session.execute(text("SELECT outbox_seqs FROM sync_inflight")):
        try:
            if seqs & {int(seq) for seq in json.loads(listed)}:
                return True
        except (ValueError, TypeError):
            return True  # unreadable: be safe
    return False


def delete_record_rows(session: Session, record_id: str, *, keep_version: str | None = None) -> int:
    """Delete every row that belongs to the record, except the husk ``keep_version`` (emptied).

    Returns the number of record versions deleted. The search index follows through its triggers.
    """
    deleted = delete_records_rows(session, [record_id], keep_version=keep_version)
    if keep_version is not None:
        emptied = ", ".join(f"{name} = NULL" for name in _DERIVED)
        session.execute(
            text(
                f"UPDATE records SET answers = '{{}}', {emptied}, is_latest = 0, status = :erased "  # noqa: S608
                "WHERE version_id = :keep"
            ),
            {"keep": keep_version, "erased": STATUS_ERASED},
        )
    return deleted


def delete_records_rows(session: Session, record_ids: list[str], *, keep_version: str | None = None) -> int:
    """Set-based deletion of many records (retention, server notices, copies): a few statements per
    chunk of ids rather than per record. Returns the number of record versions deleted."""
    tables = _tables(session)
    owned = [table for table in ("autosaves", "review_flags", "sync_issues") if table in tables]
    with_files = "attachments" in tables  # schema 5: the record's attached files go with it
    deleted = 0
    for start in range(0, len(record_ids), CHUNK):
        chunk = record_ids[start : start + CHUNK]
        marks = ", ".join(f":r{n}" for n in range(len(chunk)))
        params: dict[str, Any] = {f"r{n}": value for n, value in enumerate(chunk)}
        params["keep"] = keep_version or ""
        for table in owned:
            session.execute(text(f"DELETE FROM {table} WHERE record_id IN ({marks})"), params)  # noqa: S608
        files = (
            names_in_answers(
                session.execute(text(f"SELECT answers FROM records WHERE record_id IN ({marks})"), params)  # noqa: S608
                .scalars()
                .all()
            )
            if with_files
            else set()
        )
        statements = (
            f"UPDATE records SET deprecated_id = NULL WHERE record_id IN ({marks})",  # noqa: S608
            f"DELETE FROM outbox WHERE record_id IN ({marks}) AND version_id != :keep",  # noqa: S608
        )
        for statement in statements:
            session.execute(text(statement), params)
        result = session.execute(
            text(f"DELETE FROM records WHERE record_id IN ({marks}) AND version_id != :keep"),  # noqa: S608
            params,
        )
        deleted += int(result.rowcount or 0)  # type: ignore[attr-defined]
        if files:
            drop_unreferenced(session, files, keep_version=keep_version)
    session.expire_all()
    return deleted


def _server_head(session: Session, record_id: str) -> Any:
    """The newest version the server acknowledged holding (the version a tombstone must replace)."""
    return session.execute(
        text(
            "SELECT r.version_id, r.batch_id, r.form_id, r.form_version FROM outbox o "
            "JOIN records r ON r.version_id = o.version_id WHERE o.record_id = :r AND o.sent_at IS NOT NULL "
            "AND o.result IN ('accepted', 'duplicate') ORDER BY o.seq DESC LIMIT 1"
        ),
        {"r": record_id},
    ).first()


def erase_in_session(session: Session, record_id: str, reason: str) -> Erased:
    """The erasure in the caller's transaction (``erase_record`` adds the supervisor check and the scrub)."""
    code = check_reason(reason)
    tables = _tables(session)
    known = session.execute(
        text("SELECT count(*) FROM records WHERE record_id = :r"), {"r": record_id}
    ).scalar()
    if not known:
        raise RecordNotFoundError(f"There is no record {record_id} on this laptop.")
    if _in_flight(session, tables, record_id):
        raise ErasureRefused(
            "A batch holding this record is being sent to the server; erase it after the sync ends."
        )
    head = _server_head(session, record_id)
    forget(session, [record_id])  # listed as purged earlier: it leaves the list too
    versions = delete_record_rows(session, record_id, keep_version=head.version_id if head else None)
    if head is not None:
        now = utc_now()
        tombstone = str(uuid.uuid4())
        session.add(
            RecordRow(
                version_id=tombstone,
                record_id=record_id,
                deprecated_id=head.version_id,
                batch_id=head.batch_id,
                form_id=head.form_id,
                form_version=head.form_version,
                status=STATUS_ERASED,
                is_latest=False,
                operator=operator_of(session).name,
                created_at=now,
                updated_at=now,
                answers="{}",
            )
        )
        session.flush()
        session.add(
            OutboxRow(
                version_id=tombstone,
                record_id=record_id,
                batch_id=head.batch_id,
                kind="tombstone",
                created_at=now,
            )
        )
        session.flush()
    audit.append(
        session,
        RECORD_ERASED,
        record_id=record_id,
        details={"versions": versions, "tombstone": head is not None, "reason": code},
    )
    return Erased(record_id, versions, head is not None)


def _optimize_search(session: Session) -> None:
    if "record_search" in _tables(session):
        session.execute(text("INSERT INTO record_search (record_search) VALUES ('optimize')"))


def scrub(store: Any, record_ids: Iterable[str] = (), *, forget_listed: bool = False) -> None:
    """After deletions: merge the search index (drops its stale segments), truncate the WAL, and delete
    the same records from the encrypted backups and replaced stores in the data folder; with
    ``forget_listed`` (an erasure) their ids leave the copies' list of purged records too."""
    with store.session() as session:
        _optimize_search(session)
    store.checkpoint()
    ids = sorted(set(record_ids))
    if ids:
        erase_in_copies(store.data_dir, store._data_key(), ids, forget_listed=forget_listed)


def _copies(data_dir: Path) -> list[Path]:
    replaced = sorted(data_dir.glob("store.db.replaced-*"))
    return [info.path for info in list_backups(data_dir)] + [p for p in replaced if p.is_file()]


def erase_in_copies(data_dir: Path, key: bytes, record_ids: list[str], *, forget_listed: bool = False) -> int:
    """The records leave every backup and replaced store too (same key, same zeroing); returns the copies
    changed. With ``forget_listed`` their ids leave the copies' list of purged records as well. A copy
    that cannot be opened is left as it is and logged (its name only)."""
    changed = 0
    for path in _copies(data_dir):
        engine = open_engine(path, key)
        try:
            with Session(engine) as session, session.begin():
                if "records" not in _tables(session):
                    continue
                held = [
                    r
                    for r in record_ids
                    if session.execute(
                        text("SELECT 1 FROM records WHERE record_id = :r LIMIT 1"), {"r": r}
                    ).first()
                ]
                delete_records_rows(session, held)
                listed = forget(session, record_ids) if forget_listed else []
                if held:
                    _optimize_search(session)
                if held or listed:
                    changed += 1
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (SQLAlchemyError, DeskError, RuntimeError) as exc:
            log.warning("the copy %s could not be cleaned (%s)", path.name, type(exc).__name__)
        finally:
            engine.dispose()
    return changed


def erase_record(store: Any, record_id: str, reason: str) -> Erased:
    """A supervisor erases one person's record from this laptop (and, by tombstone, from the server)."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may erase a person's record.")
    check_reason(reason)
    with store.session() as session:
        erased = erase_in_session(session, record_id.strip(), reason)
    scrub(store, [erased.record_id], forget_listed=True)
    return erased


# --- erasures made on the server (registry, retention) ---------------------------------------------------


def erasure_cursor(store: Any, key: str = CURSOR_SETTING) -> int:
    with store.session(read_only=True) as session:
        row = session.get(SettingRow, key)
        return int(row.value) if row else 0


def set_hub_erasure_cursor(store: Any, cursor: int) -> None:
    """How far the central server's notices were applied to the event hub this laptop hosts."""
    with store.session() as session:
        session.merge(SettingRow(key=HUB_CURSOR_SETTING, value=str(int(cursor))))


def apply_server_erasures(store: Any, notices: list[tuple[int, str]], next_cursor: int) -> int:
    """Erase every listed record this laptop holds; returns how many it held. The cursor advances past
    the notices handled; a record in a batch being sent stops the run there (retried next sync)."""
    erased: list[str] = []
    forgotten: list[str] = []  # purged earlier: only their ids and dates were on this laptop
    cursor = erasure_cursor(store)
    with store.session() as session:
        tables = _tables(session)
        for notice_id, record_id in sorted(notices):
            if _in_flight(session, tables, record_id):
                break
            held = session.execute(
                text("SELECT count(*) FROM records WHERE record_id = :r"), {"r": record_id}
            ).scalar()
            listed = forget(session, [record_id])  # purged earlier: only its id and dates were here
            if held:
                versions = delete_record_rows(session, record_id)
                audit.append(
                    session,
                    ERASED_BY_SERVER,
                    record_id=record_id,
                    details={"erasure": notice_id, "versions": versions},
                )
                erased.append(record_id)
            elif listed:
                audit.append(
                    session,
                    ERASED_BY_SERVER,
                    record_id=record_id,
                    details={"erasure": notice_id, "versions": 0, "purged_earlier": True},
                )
                forgotten.append(record_id)
            cursor = max(cursor, notice_id)
        else:
            cursor = max(cursor, next_cursor)
        session.merge(SettingRow(key=CURSOR_SETTING, value=str(cursor)))
    if erased or forgotten:
        scrub(store, erased + forgotten, forget_listed=True)
    return len(erased)
