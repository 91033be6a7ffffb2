"""The tamper-evident audit log: who did what, when, to which record id. Never a personal value.

Each entry's hash covers its own fields and the previous entry's hash, and SQLite's sqlite_sequence
remembers the highest entry number ever written, so an altered, removed, reordered or truncated entry
shows up in ``verify_chain``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .schema import AuditRow

GENESIS_HASH = "0" * 64
MAX_DETAIL_TEXT = 120
# session.info key: (seq, hash) of the newest entry this session appended; after the commit the store
# anchors it outside the database (forms.store.anchor).
HEAD_KEY = "audit_head"

# Actions the store writes itself; other packages may add their own short lowercase verbs.
STORE_CREATED = "store_created"
UNLOCK = "unlock"
UNLOCK_FAILED = "unlock_failed"
RECOVERED = "recovered"


DetailValue = str | int | float | bool | None


def _check_details(details: dict[str, Any]) -> dict[str, DetailValue]:
    """Details are ids, counts, codes and flags: short scalars, so a whole answer cannot slip in."""
    checked: dict[str, DetailValue] = {}
    for key, value in details.items():
        if not isinstance(value, str | int | float | bool | type(None)):
            raise TypeError(f"audit detail {key!r} must be a scalar id, count or code")
        if isinstance(value, str) and len(value) > MAX_DETAIL_TEXT:
            raise ValueError(f"audit detail {key!r} is too long to be an id or code")
        checked[str(key)] = value
    return checked


def entry_hash(
    seq: int, at: str, operator: str, action: str, record_id: str | None, details: str, previous: str
) -> str:
    canonical = json.dumps([seq, at, operator, action, record_id, details, previous], separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    session: Session,
    action: str,
    *,
    operator: str | None = None,
    record_id: str | None = None,
    details: dict[str, Any] | None = None,
    at: str | None = None,
) -> str:
    """Adds an entry in the session's transaction (the caller commits it with the change it records);
    returns its hash. ``operator`` defaults to the session's operator (``session.info["operator"]``).

    Core statements, not ORM objects: this runs inside every save and search, so it stays lean.
    """
    who = operator if operator is not None else session.info["operator"].name
    details_text = json.dumps(_check_details(details or {}), sort_keys=True, separators=(",", ":"))
    when = at or datetime.now(UTC).isoformat(timespec="microseconds")
    session.flush()  # pending ORM changes first, so entries keep the order of the actions they record
    # Plain SQL on the session's DBAPI connection, inside its transaction: this runs in every save.
    db: Any = session.connection().connection.driver_connection
    last = db.execute("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, previous = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    digest = entry_hash(seq, when, who, action, record_id, details_text, previous)
    db.execute(
        "INSERT INTO audit (seq, at, operator, action, record_id, details, previous_hash, entry_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, when, who, action, record_id, details_text, previous, digest),
    )
    session.info[HEAD_KEY] = (seq, digest)
    return digest


def verify_chain(session: Session) -> list[str]:
    """Every break in the chain, as a sentence naming the entry; an empty list when the log is intact."""
    problems: list[str] = []
    expected_seq, previous = 1, GENESIS_HASH
    for row in session.scalars(select(AuditRow).order_by(AuditRow.seq)):
        if row.seq != expected_seq:
            problems.append(f"audit entries {expected_seq} to {row.seq - 1} are missing")
        if row.previous_hash != previous:
            problems.append(f"audit entry {row.seq} does not follow the entry before it")
        recomputed = entry_hash(
            row.seq, row.at, row.operator, row.action, row.record_id, row.details, row.previous_hash
        )
        if recomputed != row.entry_hash:
            problems.append(f"audit entry {row.seq} was altered")
        expected_seq, previous = row.seq + 1, row.entry_hash
    # AUTOINCREMENT keeps the highest seq ever written in sqlite_sequence (in the same transaction as
    # the entry, at no extra statement): entries removed from the end leave it ahead of the table.
    highest = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")).scalar()
    if int(highest or 0) != expected_seq - 1:
        problems.append("the newest audit entries were removed or replaced")
    return problems


def entries(session: Session, *, limit: int = 100, offset: int = 0) -> list[AuditRow]:
    """Newest first."""
    query = select(AuditRow).order_by(AuditRow.seq.desc()).offset(offset).limit(limit)
    return list(session.scalars(query))
