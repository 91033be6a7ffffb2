"""Erasing a person's record from the server, and restricting one (kept, but out of every view and export).

Erasure deletes, in one transaction: every version of the record, its conflicts, the attachments of its
versions (OpenRosa), its review state, the origins and hub relay rows of its versions, its row in the
registry's search index and name tokens, its duplicate keys, profile, candidate pairs (whatever their
decision) and person link. What stays: a row in ``protection_erasures`` (record id, who, when, why, how
many versions; never a value), an entry in the registry's audit log, and the ids in audit trails.

On SQLite (SQLCipher) every connection runs with ``secure_delete=ON``, so the deleted cells and freed
pages are overwritten with zeros; ``checkpoint`` then copies the WAL into the file and truncates it to
zero bytes, so no older copy of a page survives in the WAL either. On PostgreSQL the rows are deleted;
their dead tuples go at the next (auto)VACUUM, and backups age them out (see docs/data-protection.md).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server.auth import utcnow
from sync.server.db import among
from sync.server.hub_models import HubRelayedRow, HubRelayInflightRow, RecordOriginRow
from sync.server.models import (
    AttachmentRow,
    ConflictRow,
    DedupKeyRow,
    DedupPairRow,
    DedupPersonMemberRow,
    DedupProfileRow,
    RecordReviewRow,
    RecordRow,
    RecordVersionRow,
    RegistryDirtyRow,
)
from sync.server.protection.models import REASON_LEN, ErasureRow, RestrictionRow
from sync.server.registry import audit
from sync.server.registry import index as registry_index

log = logging.getLogger("sync.server.protection")

RECORD_ERASED, RECORD_RESTRICTED, RECORD_UNRESTRICTED = (
    "record_erased",
    "record_restricted",
    "record_unrestricted",
)
SUBJECT_ACCESS = "subject_access_export"
ERASED_KEY = "protection_erased"  # session.info: this transaction erased records (checkpoint after commit)
# Reasons the audit log names as such; any other text is kept in protection_erasures only ("other").
REASON_CODES = (
    "consent_withdrawn",
    "subject_request",
    "registered_in_error",
    "duplicate",
    "deceased",
    "legal_obligation",
    "retention",
    "other",
)


class ProtectionError(DeskError):
    """An erasure or restriction that cannot be done (unknown record, already erased, no reason)."""


@dataclass(frozen=True)
class Erased:
    erasure_id: int
    record_id: str
    versions: int


def reason_code(reason: str) -> str:
    code = reason.strip().lower().replace(" ", "_").replace("-", "_")
    return code if code in REASON_CODES else "other"


def _clean_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ProtectionError("Give the reason for this (--reason), e.g. consent_withdrawn.", exit_code=2)
    return text[:REASON_LEN]


def erased_among(session: Session, record_ids: list[str]) -> set[str]:
    if not record_ids:
        return set()
    # among: on PostgreSQL one array parameter (a batch's 500 placeholders cost more to compile than to run)
    query = select(ErasureRow.record_id).where(among(ErasureRow.record_id, record_ids, session))
    return set(session.scalars(query))


def restricted_among(session: Session, record_ids: list[str]) -> set[str]:
    if not record_ids:
        return set()
    query = select(RestrictionRow.record_id).where(among(RestrictionRow.record_id, record_ids, session))
    return set(session.scalars(query))


def erase_record(session: Session, record_id: str, *, actor: str, source: str, reason: str) -> Erased:
    """Delete everything the server holds about one record, in the caller's transaction."""
    why = _clean_reason(reason)
    earlier = session.scalars(select(ErasureRow).where(ErasureRow.record_id == record_id)).first()
    record = session.get(RecordRow, record_id)
    if earlier is not None and not (earlier.source == "anonymised" and record is not None):
        raise ProtectionError(f"Record {record_id} was already erased.", exit_code=2)
    if record is None:
        raise ProtectionError(f"There is no record {record_id} on this server.", exit_code=2)
    if earlier is not None:  # anonymised before: now its figures leave the aggregates too
        session.delete(earlier)
        session.flush()
    form_id = record.form_id
    version_ids = list(
        session.scalars(select(RecordVersionRow.version_id).where(RecordVersionRow.record_id == record_id))
    )
    conflict_versions = list(
        session.scalars(select(ConflictRow.version_id).where(ConflictRow.record_id == record_id))
    )
    all_versions = sorted(set(version_ids) | set(conflict_versions))
    _forget_person_link(session, record_id)
    for statement in (
        delete(AttachmentRow).where(  # its files: by version, and by record (sent before their batch)
            or_(AttachmentRow.version_id.in_(all_versions), AttachmentRow.record_id == record_id)
        ),
        delete(RecordOriginRow).where(RecordOriginRow.version_id.in_(all_versions)),
        delete(HubRelayedRow).where(HubRelayedRow.version_id.in_(all_versions)),
        delete(ConflictRow).where(ConflictRow.record_id == record_id),
        delete(RecordVersionRow).where(RecordVersionRow.record_id == record_id),
        delete(RecordReviewRow).where(RecordReviewRow.record_id == record_id),
        delete(RecordRow).where(RecordRow.record_id == record_id),
        delete(RegistryDirtyRow).where(RegistryDirtyRow.record_id == record_id),
        delete(DedupKeyRow).where(DedupKeyRow.record_id == record_id),
        delete(DedupProfileRow).where(DedupProfileRow.record_id == record_id),
        delete(DedupPairRow).where(
            or_(DedupPairRow.record_a == record_id, DedupPairRow.record_b == record_id)
        ),
        delete(RestrictionRow).where(RestrictionRow.record_id == record_id),
    ):
        session.execute(statement.execution_options(synchronize_session=False))
    _drop_relay_batches_holding(session, set(all_versions))
    # The registry's own rebuild removes its search row and name tokens and takes the person out of
    # the dashboard's kept counts (the record is gone, so nothing is added back).
    registry_index._rebuild(session, [record_id])
    row = ErasureRow(
        record_id=record_id,
        form_id=form_id,
        erased_at=utcnow(),
        erased_by=actor[:200],
        source=source,
        reason=why,
        versions=len(version_ids),
    )
    session.add(row)
    session.flush()
    session.info[ERASED_KEY] = True
    audit.append(
        session,
        actor,
        RECORD_ERASED,
        record_id,
        {"erasure": row.id, "versions": len(version_ids), "source": source, "reason": reason_code(why)},
    )
    log.info("record %s erased (%d versions, by %s)", record_id, len(version_ids), source)
    return Erased(row.id, record_id, len(version_ids))


def _forget_person_link(session: Session, record_id: str) -> None:
    """The record leaves the person it was linked to; the others keep one person (its oldest record)."""
    member = session.get(DedupPersonMemberRow, record_id)
    if member is None:
        return
    person_id = member.person_id
    session.delete(member)
    session.flush()
    others = list(
        session.execute(
            select(DedupPersonMemberRow.record_id, RecordRow.created_at)
            .join(RecordRow, RecordRow.record_id == DedupPersonMemberRow.record_id)
            .where(DedupPersonMemberRow.person_id == person_id)
            .order_by(RecordRow.created_at, DedupPersonMemberRow.record_id)
        )
    )
    ids = [row.record_id for row in others]
    if len(ids) <= 1:
        session.execute(delete(DedupPersonMemberRow).where(DedupPersonMemberRow.record_id.in_(ids)))
    elif person_id == record_id:
        session.execute(
            update(DedupPersonMemberRow)
            .where(DedupPersonMemberRow.record_id.in_(ids))
            .values(person_id=ids[0])
            .execution_options(synchronize_session=False)
        )


def _drop_relay_batches_holding(session: Session, version_ids: set[str]) -> None:
    """On a hub: a relay batch persisted with one of these versions inside is dropped (rebuilt without it)."""
    if not version_ids:
        return
    for row in session.execute(select(HubRelayInflightRow.batch_id, HubRelayInflightRow.version_ids)):
        try:
            held = set(json.loads(row.version_ids))
        except ValueError:
            held = set()
        if held & version_ids:
            session.execute(delete(HubRelayInflightRow).where(HubRelayInflightRow.batch_id == row.batch_id))


def restrict(session: Session, record_id: str, *, actor: str, reason: str) -> None:
    """Kept, but out of every view, search, count and export (except the subject access export)."""
    why = _clean_reason(reason)
    record = session.get(RecordRow, record_id)
    if record is None:
        raise ProtectionError(f"There is no record {record_id} on this server.", exit_code=2)
    if session.get(RestrictionRow, record_id) is not None:
        raise ProtectionError(f"Record {record_id} is already restricted.", exit_code=2)
    session.add(
        RestrictionRow(record_id=record_id, restricted_at=utcnow(), restricted_by=actor[:200], reason=why)
    )
    # Every view and export already leaves out records flagged deleted; the versions stay as they are.
    record.deleted = True
    session.flush()
    audit.append(session, actor, RECORD_RESTRICTED, record_id, {"reason": reason_code(why)})


def unrestrict(session: Session, record_id: str, *, actor: str) -> None:
    row = session.get(RestrictionRow, record_id)
    if row is None:
        raise ProtectionError(f"Record {record_id} is not restricted.", exit_code=2)
    session.delete(row)
    record = session.get(RecordRow, record_id)
    if record is not None:
        head = session.get(RecordVersionRow, record.head_version_id)
        record.deleted = bool(head.deleted) if head is not None else False
    session.flush()
    audit.append(session, actor, RECORD_UNRESTRICTED, record_id)


def checkpoint(engine: Engine, attempts: int = 20) -> bool:
    """SQLite: copy the WAL into the database and truncate it to zero bytes (True when done)."""
    if engine.dialect.name != "sqlite":
        return True
    for _ in range(attempts):
        connection = engine.raw_connection()
        try:
            row: Any = connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()  # type: ignore[union-attr]
        finally:
            connection.close()
        if row is not None and int(row[0]) == 0:
            return True
        time.sleep(0.1)  # a reader is in the middle of a transaction; it ends soon
    log.warning("the write-ahead log could not be truncated after an erasure; it will be at the next one")
    return False


def desk_reasons(audit_entries: Any) -> dict[str, str]:
    """The reason code the desk's own audit entry gave for each record it erased (sent in the same batch)."""
    reasons: dict[str, str] = {}
    for entry in audit_entries:
        if not isinstance(entry, Mapping) or entry.get("action") != RECORD_ERASED:
            continue
        details = entry.get("details")
        if isinstance(details, str):
            try:
                details = json.loads(details)
            except ValueError:
                details = {}
        if isinstance(details, dict) and isinstance(entry.get("record_id"), str):
            reasons[entry["record_id"]] = reason_code(str(details.get("reason") or "other"))
    return reasons
