"""The adjudication queue: listing pairs, deciding same or different, undoing a link, and persons.

A person is a set of records joined by "same" decisions (connected components); its id is its first
registered record's id. Each decision, and each undo, is written to the dedup event log with who made
it (ids and outcomes only) and to the registry's audit log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server.auth import utcnow
from sync.server.dedup.index import DIFFERENT, OPEN, SAME, lock
from sync.server.models import (
    DedupEventRow,
    DedupPairRow,
    DedupPersonMemberRow,
    RecordRow,
    RegistryDirtyRow,
)

RESOLVE_SAME, RESOLVE_DIFFERENT, UNLINK, DESK_CHECK = (
    "dedup_same",
    "dedup_different",
    "dedup_unlink",
    "dedup_check",
)


class PairError(DeskError):
    """The pair named cannot be decided as asked (one sentence)."""


@dataclass(frozen=True)
class Pair:
    id: int
    form_id: str
    record_a: str
    record_b: str
    score: float
    status: str
    levels: list[tuple[str, str]]
    choices: dict[str, str]
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None

    @classmethod
    def of(cls, row: DedupPairRow) -> Pair:
        return cls(
            row.id, row.form_id, row.record_a, row.record_b, row.score, row.status,
            [tuple(level) for level in json.loads(row.levels_json)],  # type: ignore[misc]
            json.loads(row.choices_json), row.created_at, row.decided_at, row.decided_by,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "pair": self.id,
            "form_id": self.form_id,
            "record_a": self.record_a,
            "record_b": self.record_b,
            "score": self.score,
            "status": self.status,
            "levels": {name: level for name, level in self.levels},
            "choices": self.choices,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "decided_at": self.decided_at.isoformat(timespec="seconds") if self.decided_at else None,
            "decided_by": self.decided_by,
        }


def list_pairs(session: Session, status: str | None = OPEN, limit: int | None = None) -> list[Pair]:
    query = select(DedupPairRow).order_by(DedupPairRow.score.desc(), DedupPairRow.id)
    if status is not None:
        query = query.where(DedupPairRow.status == status)
    if limit is not None:
        query = query.limit(limit)
    return [Pair.of(row) for row in session.scalars(query)]


def get_pair(session: Session, pair_id: int) -> Pair:
    row = session.get(DedupPairRow, pair_id)
    if row is None:
        raise PairError(f"There is no candidate pair {pair_id}; see `diaspora-server duplicates list`.")
    return Pair.of(row)


def log_event(session: Session, actor: str, action: str, pair_id: int | None, detail: dict[str, Any]) -> int:
    """One dedup event (ids, counts, outcomes: never a value); returns its id (a desk check's reference)."""
    result = session.execute(
        insert(DedupEventRow).values(
            at=utcnow(),
            actor=actor[:200],
            action=action,
            pair_id=pair_id,
            detail_json=json.dumps(detail, sort_keys=True, separators=(",", ":")),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[attr-defined]


def resolve(
    session: Session, pair_id: int, *, same: bool, actor: str, choices: dict[str, str] | None = None
) -> Pair:
    """Decide a pair. Same: its records become one person (``choices`` names, per field, the record whose
    value survives; otherwise the newest non-empty value does). Different: never proposed again."""
    lock(session)
    row = session.get(DedupPairRow, pair_id, with_for_update=True)
    if row is None:
        raise PairError(f"There is no candidate pair {pair_id}; see `diaspora-server duplicates list`.")
    if row.status in (SAME, DIFFERENT):
        raise PairError(
            f"Pair {pair_id} was already decided ({row.status}); undo a link with `duplicates unlink`."
        )
    choices = choices or {}
    wrong = sorted(rid for rid in choices.values() if rid not in (row.record_a, row.record_b))
    if wrong:
        raise PairError(f"A surviving value must come from record {row.record_a} or {row.record_b}.")
    now = utcnow()
    row.status = SAME if same else DIFFERENT
    row.choices_json = json.dumps(choices, sort_keys=True)
    row.decided_at, row.decided_by, row.updated_at = now, actor[:200], now
    session.flush()
    if same:
        recompute_persons(session, [row.record_a, row.record_b])
    action = RESOLVE_SAME if same else RESOLVE_DIFFERENT
    detail = {"record_a": row.record_a, "record_b": row.record_b, "fields_chosen": sorted(choices)}
    log_event(session, actor, action, pair_id, detail)
    _registry_audit(session, actor, action, pair_id, detail)
    return Pair.of(row)


def unlink(session: Session, pair_id: int, *, actor: str) -> Pair:
    """Undo a "same" decision: the pair goes back to the queue and the person splits where it must."""
    lock(session)
    row = session.get(DedupPairRow, pair_id, with_for_update=True)
    if row is None:
        raise PairError(f"There is no candidate pair {pair_id}; see `diaspora-server duplicates list`.")
    if row.status != SAME:
        raise PairError(
            f"Pair {pair_id} is not linked (it is {row.status}); only a 'same' decision can be undone."
        )
    row.status, row.updated_at, row.decided_at, row.decided_by = OPEN, utcnow(), None, None
    row.choices_json = "{}"
    session.flush()
    recompute_persons(session, [row.record_a, row.record_b])
    detail = {"record_a": row.record_a, "record_b": row.record_b}
    log_event(session, actor, UNLINK, pair_id, detail)
    _registry_audit(session, actor, UNLINK, pair_id, detail)
    return Pair.of(row)


def _component(session: Session, start: str) -> set[str]:
    seen, frontier = {start}, {start}
    while frontier:
        batch = sorted(frontier)
        rows = session.execute(
            select(DedupPairRow.record_a, DedupPairRow.record_b).where(
                DedupPairRow.status == SAME,
                or_(DedupPairRow.record_a.in_(batch), DedupPairRow.record_b.in_(batch)),
            )
        ).all()
        found = {rid for row in rows for rid in row} - seen
        seen |= found
        frontier = found
    return seen


def recompute_persons(session: Session, record_ids: Iterable[str]) -> None:
    """Rebuild the person links of the components these records belong to (before and after a change)."""
    touched: set[str] = set(record_ids)
    old_persons = set(
        session.scalars(
            select(DedupPersonMemberRow.person_id).where(DedupPersonMemberRow.record_id.in_(touched))
        )
    )
    if old_persons:
        touched |= set(
            session.scalars(
                select(DedupPersonMemberRow.record_id).where(DedupPersonMemberRow.person_id.in_(old_persons))
            )
        )
        session.execute(delete(DedupPersonMemberRow).where(DedupPersonMemberRow.person_id.in_(old_persons)))
    done: set[str] = set()
    for record_id in sorted(touched):
        if record_id in done:
            continue
        members = _component(session, record_id)
        done |= members
        if len(members) < 2:
            continue
        first = session.execute(
            select(RecordRow.record_id)
            .where(RecordRow.record_id.in_(sorted(members)))
            .order_by(RecordRow.created_at, RecordRow.record_id)
            .limit(1)
        ).scalar_one_or_none() or min(members)
        session.execute(
            insert(DedupPersonMemberRow), [{"record_id": rid, "person_id": first} for rid in sorted(members)]
        )
    # the registry rebuilds these records' rows: its dashboard counts each person once (registry/index.py)
    session.execute(insert(RegistryDirtyRow), [{"record_id": rid} for rid in sorted(touched | done)])


def person_members(session: Session, record_id: str) -> list[str]:
    person = session.scalar(
        select(DedupPersonMemberRow.person_id).where(DedupPersonMemberRow.record_id == record_id)
    )
    if person is None:
        return [record_id]
    return sorted(
        session.scalars(
            select(DedupPersonMemberRow.record_id).where(DedupPersonMemberRow.person_id == person)
        )
    )


def _registry_audit(session: Session, actor: str, action: str, pair_id: int, detail: dict[str, Any]) -> None:
    """The server's audit log (sync/server/registry/audit.py), when this server has the registry."""
    try:
        from sync.server.registry import audit
    except ImportError:  # pragma: no cover - a server without the registry package
        return
    summary = {"record_a": detail["record_a"], "record_b": detail["record_b"]}
    audit.append(session, actor, action, f"pair {pair_id}", summary)
