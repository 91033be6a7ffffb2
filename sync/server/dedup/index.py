"""Indexing records' head versions and queueing candidate pairs, inside the ingestion transaction.

For each new or changed record: its profile and hashed blocking keys replace the old ones; records
sharing a key (the most shared first, at most ``max_candidates``) and records already paired with it
are scored; pairs reaching the threshold are queued (or re-scored), open pairs that no longer reach it
are withdrawn. Pairs decided "different" or "same" are never touched again, whatever the edit.

Concurrency: on PostgreSQL a transaction-scoped advisory lock serialises the search across workers, so
two batches carrying the same person at the same moment still see each other's keys; SQLite writers
are serialised already (BEGIN IMMEDIATE). The records' own profiles and keys are written before the
lock (their rows are the caller's: ingestion and reindex hold the records' rows FOR UPDATE), so the
lock covers only reading the other records' keys, pairs and profiles, scoring and queueing, and the
rest of the caller's transaction.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.orm import Session

from sync.server.auth import utcnow
from sync.server.db import among, insert_rows
from sync.server.dedup.compare import score
from sync.server.dedup.profile import blocking_keys, build_profile
from sync.server.dedup.rules import Rules
from sync.server.models import (
    DedupKeyRow,
    DedupPairRow,
    DedupProfileRow,
    RecordRow,
    RecordVersionRow,
)

ADVISORY_LOCK_ID = 0x44445550  # "DDUP"
CHUNK = 2000
OPEN, SAME, DIFFERENT, WITHDRAWN = "open", "same", "different", "withdrawn"
DECIDED = frozenset({SAME, DIFFERENT})


@dataclass(frozen=True)
class Prepared:
    """What a head's answers give under some rules, made without the database (ingestion makes it before
    its transaction): the profile, its hashed blocking keys and the profile's stored JSON."""

    fingerprint: str
    profile: dict[str, Any]
    keys: frozenset[str]
    profile_json: str


def prepare(rules: Rules, answers: Mapping[str, Any]) -> Prepared:
    profile = build_profile(rules, answers)
    return Prepared(
        rules.fingerprint,
        profile,
        frozenset(blocking_keys(rules.form_id, profile)),
        json.dumps(profile, separators=(",", ":"), sort_keys=True),
    )


@dataclass(frozen=True)
class Head:
    """A record's new head: its answers, or None for a tombstone; ``prepared`` from those answers when
    the caller made it already (used only if made under the same rules)."""

    record_id: str
    answers: Mapping[str, Any] | None
    prepared: Prepared | None = None


@dataclass
class IndexResult:
    indexed: int = 0
    candidates: int = 0
    queued: int = 0
    withdrawn: int = 0


def _chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})


def ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def index_heads(
    session: Session, rules: Rules, heads: list[Head], *, now: datetime | None = None
) -> IndexResult:
    """Index these heads (one per record, all of ``rules.form_id``) and queue their candidate pairs."""
    result = IndexResult()
    if not heads:
        return result
    now = now or utcnow()
    # Profiles and keys depend on the answers alone: made before the lock, which other workers wait on
    # (by ingestion before its transaction even: Head.prepared).
    profiles: dict[str, dict[str, Any]] = {}
    keys: dict[str, set[str]] = {}
    stored: dict[str, str] = {}
    for head in heads:
        if head.answers is None:
            continue
        ready = head.prepared
        if ready is None or ready.fingerprint != rules.fingerprint:
            ready = prepare(rules, head.answers)
        profiles[head.record_id] = ready.profile
        keys[head.record_id] = set(ready.keys)
        stored[head.record_id] = ready.profile_json
    profile_rows = [
        {"record_id": rid, "form_id": rules.form_id, "rules_fingerprint": rules.fingerprint, "profile": text}
        for rid, text in stored.items()
    ]
    # These records' own rows are replaced before the lock too: no other transaction sees them before this
    # one commits, and no other writes them meanwhile (ingestion holds these records' rows FOR UPDATE, or
    # creates them; reindex locks them the same way). Only what reads other records' rows waits.
    ids = sorted({head.record_id for head in heads})
    for chunk in _chunks(ids):
        session.execute(delete(DedupKeyRow).where(among(DedupKeyRow.record_id, chunk, session)))
        session.execute(delete(DedupProfileRow).where(among(DedupProfileRow.record_id, chunk, session)))
    _insert(session, DedupProfileRow, profile_rows)
    _insert(session, DedupKeyRow, [{"key": k, "record_id": rid} for rid, ks in keys.items() for k in ks])
    lock(session)
    # Who else holds these keys (read under the lock: a batch committed before sees ours, one after sees
    # its keys here); this batch's own holders, in the order of their keys, come after the others.
    owners = _stored_owners(session, keys, exclude=set(ids))
    for rid, ks in keys.items():
        for key in ks:
            owners.setdefault(key, []).append(rid)
    result.indexed = len(profiles)
    existing = _pairs_of(session, ids)
    candidates = _candidates(rules, keys, owners, existing)
    others = sorted({other for found in candidates.values() for other in found} - set(profiles))
    profiles.update(_profiles(session, rules, others))
    wanted: dict[tuple[str, str], None] = {}
    for rid, found in candidates.items():
        for other in found:
            wanted[ordered(rid, other)] = None
    result.candidates = len(wanted)
    inserts: list[dict[str, Any]] = []
    for a, b in wanted:
        row = existing.get((a, b))
        if row is not None and row["status"] in DECIDED:
            continue
        first, second = profiles.get(a), profiles.get(b)
        if first is None or second is None:  # erased, or not of this form
            if row is not None and row["status"] == OPEN:
                _set_pair(session, row["id"], status=WITHDRAWN, updated_at=now)
                result.withdrawn += 1
            continue
        scored = score(rules, first, second)
        levels = json.dumps([list(level) for level in scored.levels], separators=(",", ":"))
        reaches = scored.score >= rules.threshold
        if row is None:
            if reaches:
                inserts.append({"form_id": rules.form_id, "record_a": a, "record_b": b, "score": scored.score,
                                "status": OPEN, "levels_json": levels, "choices_json": "{}",
                                "created_at": now, "updated_at": now})  # fmt: skip
            continue
        status = OPEN if reaches else WITHDRAWN
        if status == OPEN and row["status"] != OPEN:
            result.queued += 1
        if status == WITHDRAWN and row["status"] == OPEN:
            result.withdrawn += 1
        _set_pair(session, row["id"], status=status, score=scored.score, levels_json=levels, updated_at=now)
    _insert(session, DedupPairRow, inserts)
    result.queued += len(inserts)
    return result


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    insert_rows(session, model.__table__, rows)  # PostgreSQL: one statement, an array per column


def _set_pair(session: Session, pair_id: int, **values: Any) -> None:
    session.execute(
        update(DedupPairRow)
        .where(DedupPairRow.id == pair_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def _pairs_of(session: Session, ids: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(DedupPairRow.id, DedupPairRow.record_a, DedupPairRow.record_b, DedupPairRow.status).where(
                or_(
                    among(DedupPairRow.record_a, chunk, session),
                    among(DedupPairRow.record_b, chunk, session),
                )
            )
        )
        for row in rows:
            found[(row.record_a, row.record_b)] = {"id": row.id, "status": row.status}
    return found


def _stored_owners(session: Session, keys: dict[str, set[str]], exclude: set[str]) -> dict[str, list[str]]:
    """Key -> the records other than ``exclude`` whose stored keys include it."""
    owners: dict[str, list[str]] = {}
    for chunk in _chunks(sorted({k for ks in keys.values() for k in ks})):
        for key, record_id in session.execute(
            select(DedupKeyRow.key, DedupKeyRow.record_id).where(among(DedupKeyRow.key, chunk, session))
        ):
            if record_id not in exclude:
                owners.setdefault(key, []).append(record_id)
    return owners


def _candidates(
    rules: Rules,
    keys: dict[str, set[str]],
    owners: dict[str, list[str]],
    existing: Mapping[tuple[str, str], Mapping[str, Any]],
) -> dict[str, list[str]]:
    """Per indexed record: the records sharing most keys with it (capped), plus those already paired."""
    found: dict[str, list[str]] = {}
    for rid, ks in keys.items():
        shared: Counter[str] = Counter()
        for key in ks:
            holders = owners.get(key, ())
            if len(holders) > 1 or (holders and holders[0] != rid):  # most keys are the record's alone
                shared.update(holders)
        shared.pop(rid, None)
        found[rid] = [other for other, _ in shared.most_common(rules.max_candidates)]
    indexed = set(keys)
    for (a, b), row in existing.items():
        if row["status"] in DECIDED:
            continue
        mine, other = (a, b) if a in indexed or b not in indexed else (b, a)
        listed = found.setdefault(mine, [])
        if other not in listed:
            listed.append(other)
    return found


def _profiles(session: Session, rules: Rules, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Stored profiles; a profile made under other rules (the file changed) is rebuilt from the answers."""
    found: dict[str, dict[str, Any]] = {}
    stale: list[str] = []
    for chunk in _chunks(ids):
        for row in session.execute(
            select(
                DedupProfileRow.record_id, DedupProfileRow.rules_fingerprint, DedupProfileRow.profile
            ).where(
                among(DedupProfileRow.record_id, chunk, session), DedupProfileRow.form_id == rules.form_id
            )
        ):
            if row.rules_fingerprint == rules.fingerprint:
                found[row.record_id] = json.loads(row.profile)
            else:
                stale.append(row.record_id)
    for rid, answers in head_answers(session, stale).items():
        found[rid] = build_profile(rules, answers)
    return found


def head_answers(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The answers of these records' head versions (erased records left out)."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for record_id, answers_json in session.execute(
            select(RecordRow.record_id, RecordVersionRow.answers_json)
            .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
            .where(among(RecordRow.record_id, chunk, session), RecordRow.deleted.is_(False))
        ):
            found[record_id] = json.loads(answers_json)
    return found
