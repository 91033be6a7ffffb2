"""Idempotent batch ingestion: one transaction per batch, a status per record, the answer stored verbatim.

Exactly-once rests on the database, not on locks in Python: the batch id, the version id and the record
id are primary keys, so two workers racing with the same batch or the same version cannot both insert.
The loser's transaction fails with an integrity error, is rolled back and retried, and then sees the
winner's rows (a replay or a duplicate). Edits lock their record rows (SELECT ... FOR UPDATE, in id order
so two batches never deadlock) and move the head only if it is still the version they replace.

Where the time goes: what depends on the records alone (validation, content hashes, the answers' stored
JSON, duplicate detection's profiles and keys) is done before the transaction. In the transaction,
duplicate detection comes last: its advisory lock (sync/server/dedup/index.py) is held from its search
to the commit, so everything else is written before it is taken. (Making that work one batch at a time
per worker, behind a process lock, was measured slower: 593 against 780 records/s side by side.)
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol as p
from sync.server.attachments import missing_reference_rejections
from sync.server.audit_anchor import check_and_advance
from sync.server.auth import utcnow
from sync.server.db import among, insert_rows
from sync.server.dedup import hook as dedup_hook
from sync.server.hub_models import DeviceLaptopRow, RecordOriginRow
from sync.server.models import (
    BatchRow,
    ConflictRow,
    DeviceHandoverRow,
    DeviceRow,
    RecordRow,
    RecordVersionRow,
)
from sync.server.protection import erase as protection
from sync.server.validation import FormCatalog, PublishedForm, too_long_answers

log = logging.getLogger("sync.server.ingest")

MAX_ATTEMPTS = 6


class BatchIdReused(Exception):
    """The batch id was already used for a different payload (or by another device)."""


class NotRecordOwner(Exception):
    """The batch changes records that another device owns (and that were not handed to this one)."""

    def __init__(self, record_ids: list[str]) -> None:
        super().__init__(f"{len(record_ids)} records owned by other devices")
        self.record_ids = record_ids


class _RetryTransaction(Exception):
    """A concurrent writer moved a head between our read and our update; start over."""


@dataclass
class _Prepared:
    """Made from the records alone, before the transaction: by version id, for the first record of the
    batch with that id (the one that can be stored; a later one with the same id, a duplicate or a
    conflict, is computed on its own so it is never taken for the first)."""

    content_hashes: dict[str, tuple[p.WireRecord, str]] = field(default_factory=dict)
    answers_json: dict[str, tuple[p.WireRecord, str]] = field(default_factory=dict)
    dedup: dict[str, Any] = field(default_factory=dict)  # dedup_hook.prepare's profiles and keys

    def content_hash(self, record: p.WireRecord) -> str:
        found = self.content_hashes.get(record.version_id)
        return found[1] if found is not None and found[0] is record else record.content_hash()

    def stored_answers(self, record: p.WireRecord) -> str:
        found = self.answers_json.get(record.version_id)
        if found is not None and found[0] is record:
            return found[1]
        return "{}" if record.deleted else _answers_json(record)


@dataclass
class _Plan:
    """What one pass over the batch decided, before anything is written."""

    results: list[p.RecordResult] = field(default_factory=list)
    new_records: list[dict[str, object]] = field(default_factory=list)
    versions: list[dict[str, object]] = field(default_factory=list)
    answers: dict[str, Mapping[str, Any]] = field(default_factory=dict)  # each stored version's, by its id
    conflicts: list[dict[str, object]] = field(default_factory=list)
    head_moves: dict[str, tuple[str, str]] = field(default_factory=dict)  # record -> (old head, new head)
    erased_records: set[str] = field(default_factory=set)
    restricted: set[str] = field(default_factory=set)  # kept out of every view: stays flagged deleted


def ingest_batch(
    factory: sessionmaker[Session],
    catalog: FormCatalog,
    *,
    device_id: str,
    payload: p.BatchPayload,
    payload_sha256: str,
    files_required: bool = True,
) -> bytes:
    """Store the batch and return the answer's bytes (the first answer again on a replay).

    ``files_required``: a record whose attachment answers name a file the server does not hold is
    rejected (``missing_attachment``, naming the file; sync/server/attachments.py): a desk sends its files
    first. OpenRosa and self-registration keep the files of their own request, and pass False."""
    stored = _stored_answer(factory, payload.batch_id, device_id, payload_sha256)
    if stored is not None:
        return stored
    # Validation needs no database rows beyond the form, so it runs outside the write transaction.
    rejections = _validate(catalog, payload.records)
    if files_required:  # files are only ever added (or erased with their record): checked before writing
        rejections.update(
            missing_reference_rejections(
                factory, catalog, [r for r in payload.records if r.version_id not in rejections]
            )
        )
    prepared = _prepare(payload.records, rejections)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return _store(factory, device_id, payload, payload_sha256, rejections, prepared)
        except (IntegrityError, _RetryTransaction) as exc:
            log.info(
                "batch %s: concurrent write, retrying (attempt %d): %s",
                payload.batch_id,
                attempt,
                type(exc).__name__,
            )
        except DBAPIError as exc:
            # Deadlock or serialization failure on PostgreSQL, "database is locked" on SQLite: retry.
            if not _is_transient(exc) or attempt == MAX_ATTEMPTS:
                raise
            log.info("batch %s: transient database error, retrying (attempt %d)", payload.batch_id, attempt)
    raise RuntimeError("the batch could not be stored after repeated concurrent conflicts")


def _store(
    factory: sessionmaker[Session],
    device_id: str,
    payload: p.BatchPayload,
    payload_sha256: str,
    rejections: dict[str, p.RecordResult],
    prepared: _Prepared,
) -> bytes:
    with factory() as session:
        with session.begin():
            existing = _batch_answer(session, payload.batch_id, device_id, payload_sha256)
            if existing is not None:
                return existing
            answer = _apply(session, device_id, payload, payload_sha256, rejections, prepared)
        if session.info.pop(protection.ERASED_KEY, False):
            protection.checkpoint(session.get_bind())  # type: ignore[arg-type]  # SQLite: no trace in the WAL
        return answer


def _is_transient(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None)
    return code in {"40001", "40P01"} or "database is locked" in str(exc.orig)


def _stored_answer(
    factory: sessionmaker[Session], batch_id: str, device_id: str, digest: str
) -> bytes | None:
    with factory() as session:
        return _batch_answer(session, batch_id, device_id, digest)


def _batch_answer(session: Session, batch_id: str, device_id: str, digest: str) -> bytes | None:
    row = session.execute(
        select(BatchRow.device_id, BatchRow.payload_sha256, BatchRow.response).where(
            BatchRow.batch_id == batch_id
        )
    ).first()
    if row is None:
        return None
    if row.device_id != device_id or row.payload_sha256 != digest:
        raise BatchIdReused(batch_id)
    return bytes(row.response)


def _validate(catalog: FormCatalog, records: tuple[p.WireRecord, ...]) -> dict[str, p.RecordResult]:
    """Rejections by version id: unknown form versions and answers that fail the form's validation.
    The records of one form version are checked together (PublishedForm.validate_many)."""
    found: list[p.RecordResult | None] = [None] * len(records)
    forms: dict[tuple[str, str], PublishedForm | None] = {}
    checked: dict[tuple[str, str], list[int]] = {}  # by form version: the records to check, by index
    for index, record in enumerate(records):
        if record.deleted:
            continue  # a tombstone carries no answers to check
        too_long = too_long_answers(record.answers)
        if too_long:
            found[index] = p.RecordResult(
                record.record_id, record.version_id, p.STATUS_REJECTED, p.REASON_INVALID_ANSWERS, too_long
            )
            continue
        key = (record.form_id, record.form_version)
        if key not in forms:
            forms[key] = catalog.get(*key)
        if forms[key] is None:
            found[index] = p.RecordResult(
                record.record_id, record.version_id, p.STATUS_REJECTED, p.REASON_UNKNOWN_FORM
            )
            continue
        checked.setdefault(key, []).append(index)
    for key, indices in checked.items():
        form = forms[key]
        assert form is not None
        for index, problems in zip(
            indices, form.validate_many([records[i].answers for i in indices]), strict=True
        ):
            if problems:
                record = records[index]
                found[index] = p.RecordResult(
                    record.record_id,
                    record.version_id,
                    p.STATUS_REJECTED,
                    p.REASON_INVALID_ANSWERS,
                    tuple(problems),
                )
    rejections: dict[str, p.RecordResult] = {}
    for record, result in zip(records, found, strict=True):
        if result is not None:
            rejections[record.version_id] = result
    return rejections


def _prepare(records: tuple[p.WireRecord, ...], rejections: dict[str, p.RecordResult]) -> _Prepared:
    """What storing the records needs that depends on them alone (a record rejected needs none)."""
    prepared = _Prepared()
    first: dict[str, p.WireRecord] = {}
    for record in records:
        if record.version_id not in rejections:
            first.setdefault(record.version_id, record)
    kept = list(first.values())
    for record in kept:
        content_hash, answers = _hash_and_stored_answers(record)
        prepared.content_hashes[record.version_id] = (record, content_hash)
        prepared.answers_json[record.version_id] = (record, answers)
    prepared.dedup = dedup_hook.prepare(
        (record.version_id, record.form_id, record.answers) for record in kept if not record.deleted
    )
    return prepared


def _apply(
    session: Session,
    device_id: str,
    payload: p.BatchPayload,
    digest: str,
    rejections: dict[str, p.RecordResult],
    prepared: _Prepared,
) -> bytes:
    now = utcnow()
    check_and_advance(session, device_id, payload.audit, now)  # a store put back to an older copy: refused
    plan = _plan(session, device_id, payload, rejections, now, prepared)
    _insert_rows(session, RecordRow, plan.new_records)
    _insert_rows(session, RecordVersionRow, plan.versions)
    _insert_rows(session, RecordOriginRow, _origins(session, device_id, payload, plan.versions))
    _insert_rows(session, ConflictRow, plan.conflicts)
    for record_id, (old_head, new_head) in plan.head_moves.items():
        moved = session.execute(
            update(RecordRow)
            .where(RecordRow.record_id == record_id, RecordRow.head_version_id == old_head)
            .values(
                head_version_id=new_head,
                updated_at=now,
                deleted=record_id in plan.erased_records or record_id in plan.restricted,
            )
            .execution_options(synchronize_session=False)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            raise _RetryTransaction(record_id)
    response = p.BatchResponse(
        payload.batch_id, tuple(plan.results), received_at=now.isoformat(timespec="seconds")
    )
    answer_json = response.to_json()
    answer = json.dumps(answer_json, separators=(",", ":")).encode("utf-8")
    session.add(
        BatchRow(
            batch_id=payload.batch_id,
            device_id=device_id,
            payload_sha256=digest,
            sequence_first=payload.sequence_first,
            sequence_last=payload.sequence_last,
            record_count=len(payload.records),
            audit_json=_json_text([dict(entry) for entry in payload.audit]),
            response=answer,
            received_at=now,
        )
    )
    session.execute(
        update(DeviceRow)
        .where(DeviceRow.device_id == device_id)
        .values(last_seen_at=now)
        .execution_options(synchronize_session=False)
    )
    session.flush()  # integrity errors surface here, inside the retry loop
    # Duplicates (sync/server/dedup), last: from its advisory lock on, other workers' batches wait.
    dedup_hook.on_versions_stored(session, plan.versions, plan.answers, prepared.dedup)
    reasons = protection.desk_reasons(payload.audit) if plan.erased_records else {}
    for record_id in sorted(plan.erased_records):
        # A tombstone from the laptop that owns the record: the whole record goes (sync/server/protection),
        # and the other laptops holding it are told at their next sync.
        why = reasons.get(record_id, "other")
        protection.erase_record(session, record_id, actor=f"device {device_id}", source="desk", reason=why)
    counts = answer_json["counts"]
    log.info("batch %s from device %s stored: %s", payload.batch_id, device_id, counts)
    return answer


def _insert_rows(session: Session, model: Any, rows: list[dict[str, object]]) -> None:
    # On PostgreSQL one INSERT ... SELECT FROM unnest(one array per column) (sync/server/db.py). (Measured
    # before: multi-row VALUES and "insertmanyvalues" with RETURNING spent their time compiling or
    # converting one huge statement; a pipelined executemany, its time in Python per row.)
    insert_rows(session, model.__table__, rows)


def _plan(
    session: Session,
    device_id: str,
    payload: p.BatchPayload,
    rejections: dict[str, p.RecordResult],
    now: datetime,
    prepared: _Prepared,
) -> _Plan:
    records = payload.records
    version_ids = sorted({r.version_id for r in records})
    record_ids = sorted({r.record_id for r in records})
    stored_versions = {
        row.version_id: (row.record_id, row.content_hash)
        for row in session.execute(
            select(
                RecordVersionRow.version_id, RecordVersionRow.record_id, RecordVersionRow.content_hash
            ).where(among(RecordVersionRow.version_id, version_ids, session))
        )
    }
    # Lock the records this batch touches, in id order, so concurrent edits of one record serialise.
    locked = session.execute(
        select(RecordRow.record_id, RecordRow.head_version_id, RecordRow.first_device_id)
        .where(among(RecordRow.record_id, record_ids, session))
        .order_by(RecordRow.record_id)
        .with_for_update()
    ).all()
    heads = {row.record_id: row.head_version_id for row in locked}
    owners = {row.record_id: row.first_device_id for row in locked}
    allowed_owners = devices_acted_for(session, device_id) if owners else {device_id}
    known_conflicts = {
        (row.version_id, row.content_hash)
        for row in session.execute(
            select(ConflictRow.version_id, ConflictRow.content_hash).where(
                among(ConflictRow.version_id, version_ids, session)
            )
        )
    }
    plan = _Plan()
    new_record_ids: set[str] = set()
    not_owned: list[str] = []
    erased = protection.erased_among(session, record_ids)  # erased here: a late copy is never stored again
    plan.restricted = protection.restricted_among(session, record_ids)
    for record in records:
        if record.record_id in erased:
            plan.results.append(p.RecordResult(record.record_id, record.version_id, p.STATUS_DUPLICATE))
            continue
        rejected = rejections.get(record.version_id)
        if rejected is not None:
            plan.results.append(rejected)
            continue
        content_hash = prepared.content_hash(record)
        status, reason = _decide(record, content_hash, stored_versions, heads)
        owner = owners.get(record.record_id)
        if owner is not None and owner not in allowed_owners and status != p.STATUS_DUPLICATE:
            not_owned.append(record.record_id)
            continue
        plan.results.append(p.RecordResult(record.record_id, record.version_id, status, reason))
        if status == p.STATUS_CONFLICT:
            if (record.version_id, content_hash) not in known_conflicts:
                known_conflicts.add((record.version_id, content_hash))
                plan.conflicts.append(
                    _conflict_row(record, content_hash, reason or "", device_id, payload, now, prepared)
                )
            continue
        if status != p.STATUS_ACCEPTED:
            continue
        stored_versions[record.version_id] = (record.record_id, content_hash)
        if record.record_id not in heads:
            new_record_ids.add(record.record_id)
            plan.new_records.append(
                {
                    "record_id": record.record_id,
                    "head_version_id": record.version_id,
                    "form_id": record.form_id,
                    "deleted": record.deleted,
                    "first_device_id": device_id,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif record.record_id in new_record_ids:
            # First version and its edit in the same batch: the new row simply carries the latest head.
            for row in plan.new_records:
                if row["record_id"] == record.record_id:
                    row["head_version_id"] = record.version_id
                    row["deleted"] = record.deleted
        else:
            old_head = plan.head_moves.get(record.record_id, (heads[record.record_id], ""))[0]
            plan.head_moves[record.record_id] = (old_head, record.version_id)
        heads[record.record_id] = record.version_id
        if record.deleted:
            plan.erased_records.add(record.record_id)
        plan.versions.append(_version_row(record, content_hash, device_id, payload, now, prepared))
        plan.answers[record.version_id] = record.answers
    if not_owned:
        raise NotRecordOwner(sorted(set(not_owned)))
    return plan


def devices_acted_for(session: Session, device_id: str) -> set[str]:
    """The device itself and every device whose records were handed to it, directly or along a chain."""
    acted_for = {device_id}
    frontier = {device_id}
    while frontier:
        handed = set(
            session.scalars(
                select(DeviceHandoverRow.from_device_id).where(DeviceHandoverRow.to_device_id.in_(frontier))
            )
        )
        frontier = handed - acted_for
        acted_for |= frontier
    return acted_for


def _decide(
    record: p.WireRecord,
    content_hash: str,
    stored_versions: dict[str, tuple[str, str]],
    heads: dict[str, str],
) -> tuple[str, str | None]:
    stored = stored_versions.get(record.version_id)
    if stored is not None:
        if stored == (record.record_id, content_hash):
            return p.STATUS_DUPLICATE, None
        return p.STATUS_CONFLICT, p.REASON_CONTENT_DIFFERS
    head = heads.get(record.record_id)
    if record.replaces is None:
        return (p.STATUS_ACCEPTED, None) if head is None else (p.STATUS_CONFLICT, p.REASON_RECORD_EXISTS)
    if head is None:
        return p.STATUS_CONFLICT, p.REASON_UNKNOWN_BASE
    if head != record.replaces:
        return p.STATUS_CONFLICT, p.REASON_STALE_EDIT
    return p.STATUS_ACCEPTED, None


def _origins(
    session: Session, device_id: str, payload: p.BatchPayload, versions: list[dict[str, object]]
) -> list[dict[str, object]]:
    """Who made each stored version: the laptop a hub names (origin_device), else the sender's laptop."""
    if not versions:
        return []
    own_laptop = session.get(DeviceLaptopRow, device_id)
    sender = own_laptop.laptop_id if own_laptop is not None else device_id
    by_version = {record.version_id: record for record in payload.records}
    rows: list[dict[str, object]] = []
    for version in versions:
        record = by_version[str(version["version_id"])]
        rows.append(
            {
                "version_id": record.version_id,
                "origin_device": record.origin_device or sender,
                "origin_operator": record.origin_operator,
            }
        )
    return rows


def _json_text(value: object) -> str:
    # PostgreSQL text cannot hold NUL; inside JSON strings the escape "\u0000" means the same thing.
    return p.canonical_json(value).decode("utf-8").replace("\x00", "\\u0000")


def _answers_json(record: p.WireRecord) -> str:
    return _json_text(dict(record.answers))


_ANSWERS_FIRST = b'{"answers":'


def _hash_and_stored_answers(record: p.WireRecord) -> tuple[str, str]:
    """``record.content_hash()`` and the stored answers (``_answers_json``, "{}" for a tombstone) from one
    serialisation of the answers: the content's canonical JSON (sorted keys) is ``{"answers":`` then the
    answers' own canonical JSON, then the other fields, "answers" being the first key."""
    content = record.content()
    answers = p.canonical_json(content.pop("answers"))
    if not content or min(content) <= "answers":  # not the shape above: the content hashed as it is
        return record.content_hash(), "{}" if record.deleted else _answers_json(record)
    rest = p.canonical_json(content)
    content_hash = p.sha256_hex(b"".join((_ANSWERS_FIRST, answers, b",", rest[1:])))
    if record.deleted:
        return content_hash, "{}"
    return content_hash, answers.decode("utf-8").replace("\x00", "\\u0000")  # as _json_text


def _version_row(
    record: p.WireRecord,
    content_hash: str,
    device_id: str,
    payload: p.BatchPayload,
    now: datetime,
    prepared: _Prepared,
) -> dict[str, object]:
    return {
        "version_id": record.version_id,
        "record_id": record.record_id,
        "replaces": record.replaces,
        "form_id": record.form_id,
        "form_version": record.form_version,
        "deleted": record.deleted,
        "content_hash": content_hash,
        "answers_json": prepared.stored_answers(record),
        "device_id": device_id,
        "batch_id": payload.batch_id,
        "sequence": record.sequence,
        "created_at": record.created_at,
        "received_at": now,
    }


def _conflict_row(
    record: p.WireRecord,
    content_hash: str,
    reason: str,
    device_id: str,
    payload: p.BatchPayload,
    now: datetime,
    prepared: _Prepared,
) -> dict[str, object]:
    return {
        "record_id": record.record_id,
        "version_id": record.version_id,
        "replaces": record.replaces,
        "reason": reason,
        "form_id": record.form_id,
        "form_version": record.form_version,
        "content_hash": content_hash,
        "answers_json": prepared.stored_answers(record),
        "device_id": device_id,
        "batch_id": payload.batch_id,
        "received_at": now,
    }
