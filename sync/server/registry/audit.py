"""The server's audit log: who did what, when, to which id. Never a personal value.

Append-only (database triggers refuse UPDATE and DELETE) and hash-chained with the desk's hashing
(forms.store.audit.entry_hash): each entry covers its fields and the previous entry's hash, and the
head row keeps the newest sequence number and hash, so an altered, removed or reordered entry, or a
truncated tail, shows up in ``verify``. Writers lock the head row, so several workers keep one chain.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from forms.store.audit import GENESIS_HASH, entry_hash
from forms.store.audit import _check_details as check_details
from sync.server.auth import as_utc, utcnow
from sync.server.db import session_factory, transaction
from sync.server.models import RegistryAuditHeadRow, RegistryAuditRow

# The verbs written (details never hold a typed value: ids, counts, filter names, codes).
LOGIN, LOGIN_FAILED, LOGOUT = "login", "login_failed", "logout"
VIEW_PERSON, SEARCH, VIEW_DASHBOARD, EXPORT = "view_person", "search", "view_dashboard", "export"
ACCOUNT_ADDED, ACCOUNT_DISABLED, PASSWORD_CHANGED = "account_added", "account_disabled", "password_changed"
LANGUAGE_CHANGED, TOTP_ENABLED, API_TOKEN_ISSUED = "language_changed", "totp_enabled", "api_token_issued"
VIEW_AUDIT = "view_audit"


def _iso(moment: datetime) -> str:
    return as_utc(moment).astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "details": self.details,
        }


def append(
    session: Session, actor: str, action: str, target: str = "", details: dict[str, Any] | None = None
) -> None:
    """An entry in the caller's transaction (committed with what it records)."""
    details_text = json.dumps(check_details(details or {}), sort_keys=True, separators=(",", ":"))
    session.flush()
    head = session.scalar(select(RegistryAuditHeadRow).where(RegistryAuditHeadRow.id == 1).with_for_update())
    if head is None:  # the migration writes it; a database restored without it starts a new chain
        head = RegistryAuditHeadRow(id=1, seq=0, last_hash=GENESIS_HASH)
        session.add(head)
    now = utcnow()
    seq = head.seq + 1
    digest = entry_hash(seq, _iso(now), actor[:100], action, target[:100], details_text, head.last_hash)
    session.add(
        RegistryAuditRow(
            seq=seq,
            at=now,
            actor=actor[:100],
            action=action,
            target=target[:100],
            details_json=details_text,
            prev_hash=head.last_hash,
            entry_hash=digest,
        )
    )
    head.seq, head.last_hash = seq, digest
    session.flush()


def record(
    engine: Engine, actor: str, action: str, target: str = "", details: dict[str, Any] | None = None
) -> None:
    """One entry in its own transaction (the CLI's export and account verbs)."""
    with transaction(session_factory(engine)) as session:
        append(session, actor, action, target, details)


def entries(session: Session, *, limit: int = 100, before: int | None = None) -> list[Entry]:
    """Newest first; ``before`` pages back from a sequence number."""
    query = select(RegistryAuditRow).order_by(RegistryAuditRow.seq.desc()).limit(limit)
    if before is not None:
        query = query.where(RegistryAuditRow.seq < before)
    return [
        Entry(r.seq, _iso(r.at), r.actor, r.action, r.target, json.loads(r.details_json))
        for r in session.scalars(query)
    ]


def _rows(session: Session) -> Iterator[RegistryAuditRow]:
    yield from session.scalars(
        select(RegistryAuditRow).order_by(RegistryAuditRow.seq).execution_options(yield_per=1000)
    )


def verify(session: Session) -> list[str]:
    """Every break in the chain, as a sentence naming the entry; an empty list when the log is intact."""
    problems: list[str] = []
    expected_seq, previous = 1, GENESIS_HASH
    for row in _rows(session):
        if row.seq != expected_seq:
            problems.append(f"audit entries {expected_seq} to {row.seq - 1} are missing")
        if row.prev_hash != previous:
            problems.append(f"audit entry {row.seq} does not follow the entry before it")
        recomputed = entry_hash(
            row.seq, _iso(row.at), row.actor, row.action, row.target, row.details_json, row.prev_hash
        )
        if recomputed != row.entry_hash:
            problems.append(f"audit entry {row.seq} was altered")
        expected_seq, previous = row.seq + 1, row.entry_hash
    head = session.get(RegistryAuditHeadRow, 1)
    if head is not None and (head.seq != expected_seq - 1 or head.last_hash != previous):
        problems.append("the newest audit entries were removed or replaced")
    return problems
