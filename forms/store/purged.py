"""Which records are only on the server now: the ids and dates of the records retention purged.

When retention (forms.store.retention) removes a record the server acknowledged, the laptop keeps, in
the same transaction, one row of ``purged_records``: the record id, its batch, its form id, when the
server acknowledged it (``synced_at``, the newest acknowledgement of its versions) and when it was
removed (``purged_at``). Never an answer, a name or any value typed about the person: the record id is
a random UUID, and the registration reference printed on the person's receipt (forms.reference) is its
first 40 bits, so a clerk given a reference can be told "this registration is only on the server now"
and since when.

Erasing a person (forms.store.erasure: on the desk, or by a notice from the server) removes their row
too, and their place in the purged counts: an erased person is on no server either, and leaves nothing.

Schema step 6 (forms.store.migrate) creates the table with explicit DDL. Records purged before that
step are only counted (settings ``retention.purged``); ``unlisted`` says how many.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from forms.reference import record_id_range, reference_of

from ._session import StoreOrSession, transaction

TABLE = "purged_records"
PURGED_SETTING = "retention.purged"  # the counts (forms.store.retention.PURGED_SETTING)
MAX_PAGE = 200
CHUNK = 400

PURGED_TABLE_DDL = (
    f"""
    CREATE TABLE IF NOT EXISTS {TABLE} (
        record_id VARCHAR(36) NOT NULL PRIMARY KEY,
        batch_id VARCHAR(36) NOT NULL,
        form_id VARCHAR(100),
        synced_at VARCHAR(40) NOT NULL,
        purged_at VARCHAR(40) NOT NULL
    )
    """,
    # The list's order (most recently removed first), walked from a page's last row (keyset paging).
    f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_batch ON {TABLE} (batch_id, purged_at, record_id)",
    f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_purged ON {TABLE} (purged_at, record_id)",
)


def create_purged_table(connection: Connection) -> None:
    """Schema step 6: the list of purged records (ids and dates only)."""
    for statement in PURGED_TABLE_DDL:
        connection.execute(text(statement))


@dataclass(frozen=True)
class PurgedRecord:
    """A record this laptop registered and removed after the server acknowledged it."""

    record_id: str
    batch_id: str
    batch_name: str | None  # None when the batch is no longer on this laptop
    batch_day: str | None
    form_id: str | None
    synced_at: str  # UTC ISO: when the server acknowledged it
    purged_at: str  # UTC ISO: when this laptop removed it

    @property
    def reference(self) -> str:
        return reference_of(self.record_id)


def _has_table(session: Session) -> bool:
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": TABLE}
    ).first()
    return found is not None


def note_purged(session: Session, rows: Iterable[tuple[str, str, str | None, str]], purged_at: str) -> int:
    """In the purge's transaction: (record_id, batch_id, form_id, synced_at) of each record removed."""
    values = [
        {"r": record_id, "b": batch_id, "f": form_id, "s": synced_at, "p": purged_at}
        for record_id, batch_id, form_id, synced_at in rows
    ]
    if not values or not _has_table(session):
        return 0
    session.execute(
        text(
            f"INSERT OR REPLACE INTO {TABLE} (record_id, batch_id, form_id, synced_at, purged_at) "  # noqa: S608
            "VALUES (:r, :b, :f, :s, :p)"
        ),
        values,
    )
    return len(values)


def forget(session: Session, record_ids: Sequence[str]) -> list[str]:
    """An erased person leaves the list, and the purged counts with it; returns the ids that were listed.
    In the erasure's transaction."""
    if not record_ids or not _has_table(session):
        return []
    found: list[tuple[str, str]] = []
    for start in range(0, len(record_ids), CHUNK):
        chunk = list(record_ids[start : start + CHUNK])
        marks = ", ".join(f":r{n}" for n in range(len(chunk)))
        params = {f"r{n}": value for n, value in enumerate(chunk)}
        found += [
            (str(row[0]), str(row[1]))
            for row in session.execute(
                text(f"SELECT record_id, batch_id FROM {TABLE} WHERE record_id IN ({marks})"),  # noqa: S608
                params,
            )
        ]
        session.execute(text(f"DELETE FROM {TABLE} WHERE record_id IN ({marks})"), params)  # noqa: S608
    if found:
        _uncount(session, [batch_id for _record, batch_id in found])
    return [record_id for record_id, _batch in found]


def _uncount(session: Session, batch_ids: list[str]) -> None:
    value = session.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": PURGED_SETTING}).scalar()
    if value is None:
        return
    counts: dict[str, Any] = json.loads(value)
    by_batch: dict[str, int] = counts.setdefault("by_batch", {})
    for batch_id in batch_ids:
        if by_batch.get(batch_id, 0) > 0:
            by_batch[batch_id] -= 1
            if not by_batch[batch_id]:
                del by_batch[batch_id]
            counts["total"] = max(0, int(counts.get("total", 0)) - 1)
    session.execute(
        text("UPDATE settings SET value = :v WHERE key = :k"),
        {"v": json.dumps(counts, sort_keys=True), "k": PURGED_SETTING},
    )


_SELECT = f"""
SELECT p.record_id, p.batch_id, b.name, b.day, p.form_id, p.synced_at, p.purged_at
FROM {TABLE} p LEFT JOIN batches b ON b.id = p.batch_id
"""  # noqa: S608


def _rows(
    session: Session, where: str, params: dict[str, Any], order: str, limit: int, offset: int = 0
) -> list[PurgedRecord]:
    query = f"{_SELECT} {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    result = session.execute(text(query), {**params, "limit": limit, "offset": max(0, offset)})
    return [PurgedRecord(*row) for row in result]


def listed_count(target: StoreOrSession, batch_id: str | None = None) -> int:
    """How many purged records this laptop lists (of that batch, or of every batch)."""
    with transaction(target, read_only=True) as session:
        if not _has_table(session):
            return 0
        if batch_id is None:
            return int(session.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar() or 0)  # noqa: S608
        query = text(f"SELECT count(*) FROM {TABLE} WHERE batch_id = :b")  # noqa: S608
        return int(session.execute(query, {"b": batch_id}).scalar() or 0)


def purged_page(
    target: StoreOrSession,
    batch_id: str | None = None,
    *,
    after: PurgedRecord | None = None,
    offset: int = 0,
    limit: int = 50,
) -> list[PurgedRecord]:
    """One page of the purged records, most recently removed first (ties by record id). ``after``: the
    last row of the previous page (the next page starts there on the index, however far down);
    ``offset`` skips rows instead (cheap only near the top)."""
    limit = max(0, min(limit, MAX_PAGE))
    with transaction(target, read_only=True) as session:
        if not _has_table(session):
            return []
        conditions: list[str] = []
        params: dict[str, Any] = {}
        if batch_id:
            conditions.append("p.batch_id = :b")
            params["b"] = batch_id
        if after is not None:
            conditions.append("(p.purged_at, p.record_id) < (:after_at, :after_id)")
            params.update(after_at=after.purged_at, after_id=after.record_id)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return _rows(session, where, params, "p.purged_at DESC, p.record_id DESC", limit, offset)


def looks_like_reference_start(typed: str) -> bool:
    """Whether typed text is a registration reference or its printed start (``K7M3-9``)."""
    return record_id_range(typed) is not None


def purged_by_reference(
    target: StoreOrSession, typed: str, batch_id: str | None = None, *, limit: int = 5
) -> list[PurgedRecord]:
    """Purged records whose registration reference is the typed one or starts with it (at most
    ``limit``); [] when the text is not a reference. A range on the primary key."""
    bounds = record_id_range(typed)
    if bounds is None:
        return []
    with transaction(target, read_only=True) as session:
        if not _has_table(session):
            return []
        where = "WHERE p.record_id >= :low AND p.record_id < :high"
        params: dict[str, Any] = {"low": bounds[0], "high": bounds[1]}
        if batch_id:
            where += " AND p.batch_id = :b"
            params["b"] = batch_id
        return _rows(session, where, params, "p.record_id", max(0, min(limit, MAX_PAGE)))
