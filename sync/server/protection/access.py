"""Subject access (GDPR Art. 15): everything the server holds about one person's record, as JSON (for
officers and machines) or as a PDF for the person in their language (sync.server.protection.pdf).

Current answers; every version with its answers, when it was made on the laptop and received here, by
which device (and the laptop and operator a hub named), in which batch; its conflicts; duplicate pairs
and decisions; its attached files (names, types, sizes, SHA-256); its review state and any restriction;
and every access to it in the audit logs: the registry's (views, searches that opened it, exports,
erasure attempts) and the laptops' own entries that travelled with their batches (views, edits, prints
on the desk).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.server.auth import as_utc
from sync.server.hub_models import RecordOriginRow
from sync.server.models import (
    AttachmentRow,
    BatchRow,
    ConflictRow,
    DedupEventRow,
    DedupPairRow,
    DedupPersonMemberRow,
    DeviceRow,
    RecordReviewRow,
    RecordRow,
    RecordVersionRow,
    RegistryAuditRow,
)
from sync.server.protection.erase import SUBJECT_ACCESS, ProtectionError
from sync.server.protection.models import RestrictionRow
from sync.server.registry import audit

FORMAT = "diaspora-desk/subject-access/v1"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else as_utc(moment).astimezone(UTC).isoformat(timespec="seconds")


def _answers(text: str) -> dict[str, Any]:
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def subject_access(session: Session, record_id: str) -> dict[str, Any]:
    record = session.get(RecordRow, record_id)
    if record is None:
        raise ProtectionError(
            f"There is no record {record_id} on this server (or it was erased).", exit_code=2
        )
    devices = {
        row.device_id: row.label for row in session.execute(select(DeviceRow.device_id, DeviceRow.label))
    }
    versions = list(
        session.scalars(
            select(RecordVersionRow)
            .where(RecordVersionRow.record_id == record_id)
            .order_by(RecordVersionRow.received_at, RecordVersionRow.sequence)
        )
    )
    version_ids = [v.version_id for v in versions]
    origins = {
        row.version_id: row
        for row in session.scalars(select(RecordOriginRow).where(RecordOriginRow.version_id.in_(version_ids)))
    }
    batch_ids = sorted({v.batch_id for v in versions})
    batches = {
        row.batch_id: row for row in session.scalars(select(BatchRow).where(BatchRow.batch_id.in_(batch_ids)))
    }
    head = next((v for v in versions if v.version_id == record.head_version_id), None)
    return {
        "format": FORMAT,
        "record_id": record_id,
        "form_id": record.form_id,
        "first_received_at": _iso(record.created_at),
        "created_by_device": {
            "device_id": record.first_device_id,
            "label": devices.get(record.first_device_id, ""),
        },
        "current_answers": _answers(head.answers_json) if head is not None else {},
        "restricted": _restriction(session, record_id),
        "review": _review(session, record_id),
        "versions": [
            _version(v, devices, origins.get(v.version_id), batches.get(v.batch_id)) for v in versions
        ],
        "conflicts": [
            {
                "version_id": c.version_id,
                "reason": c.reason,
                "received_at": _iso(c.received_at),
                "device_id": c.device_id,
                "answers": _answers(c.answers_json),
                "resolved_at": _iso(c.resolved_at),
            }
            for c in session.scalars(select(ConflictRow).where(ConflictRow.record_id == record_id))
        ],
        "attached_files": _files(session, record_id, version_ids),
        "duplicates": _duplicates(session, record_id),
        "accesses": {
            "registry": _registry_accesses(session, record_id),
            "laptops": _laptop_accesses(session, record_id, batches.values()),
        },
    }


def _version(
    v: RecordVersionRow, devices: dict[str, str], origin: Any, batch: BatchRow | None
) -> dict[str, Any]:
    answers = _answers(v.answers_json)
    return {
        "version_id": v.version_id,
        "replaces": v.replaces,
        "form_version": v.form_version,
        "erased_marker": v.deleted,
        "made_on_laptop_at": v.created_at,
        "received_at": _iso(v.received_at),
        "device": {"device_id": v.device_id, "label": devices.get(v.device_id, "")},
        "laptop": origin.origin_device if origin is not None else None,
        "operator": (origin.origin_operator if origin is not None and origin.origin_operator else None)
        or answers.get("operator"),
        "batch": {"batch_id": v.batch_id, "received_at": _iso(batch.received_at) if batch else None},
        "place_or_event": answers.get("registration_place"),
        "answers": answers,
    }


def _files(session: Session, record_id: str, version_ids: list[str]) -> list[dict[str, Any]]:
    """The record's attached files the server holds (photos, signatures): names and digests; the bytes
    themselves come with ``diaspora-server export`` of the form."""
    rows = session.execute(  # the sizes from the database: the bytes are not read
        select(
            AttachmentRow.name,
            AttachmentRow.content_type,
            func.length(AttachmentRow.content).label("size"),
            AttachmentRow.sha256,
            AttachmentRow.version_id,
            AttachmentRow.received_at,
        )
        .where(or_(AttachmentRow.record_id == record_id, AttachmentRow.version_id.in_(version_ids)))
        .order_by(AttachmentRow.received_at, AttachmentRow.name)
    )
    return [
        {
            "name": row.name,
            "content_type": row.content_type,
            "size": int(row.size),
            "sha256": row.sha256,
            "version_id": row.version_id,
            "received_at": _iso(row.received_at),
        }
        for row in rows
    ]


def _restriction(session: Session, record_id: str) -> dict[str, Any] | None:
    row = session.get(RestrictionRow, record_id)
    if row is None:
        return None
    return {"since": _iso(row.restricted_at), "by": row.restricted_by, "reason": row.reason}


def _review(session: Session, record_id: str) -> dict[str, Any] | None:
    row = session.get(RecordReviewRow, record_id)
    if row is None:
        return None
    return {
        "status": row.status,
        "source": row.source,
        "decided_by": row.decided_by,
        "decided_at": _iso(row.decided_at),
    }


def _duplicates(session: Session, record_id: str) -> dict[str, Any]:
    pairs = list(
        session.scalars(
            select(DedupPairRow).where(
                or_(DedupPairRow.record_a == record_id, DedupPairRow.record_b == record_id)
            )
        )
    )
    pair_ids = {p.id for p in pairs}
    events = [
        {
            "at": _iso(e.at),
            "by": e.actor,
            "action": e.action,
            "pair": e.pair_id,
            "detail": _answers(e.detail_json),
        }
        for e in session.scalars(select(DedupEventRow).order_by(DedupEventRow.id))
        if e.pair_id in pair_ids or record_id in e.detail_json
    ]
    member = session.get(DedupPersonMemberRow, record_id)
    return {
        "person_id": member.person_id if member is not None else record_id,
        "pairs": [
            {
                "pair": p.id,
                "other_record": p.record_b if p.record_a == record_id else p.record_a,
                "score": p.score,
                "status": p.status,
                "decided_by": p.decided_by,
                "decided_at": _iso(p.decided_at),
            }
            for p in pairs
        ],
        "decisions": events,
    }


def _registry_accesses(session: Session, record_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(RegistryAuditRow)
        .where(or_(RegistryAuditRow.target == record_id, RegistryAuditRow.details_json.contains(record_id)))
        .order_by(RegistryAuditRow.seq)
    )
    return [
        {"at": _iso(r.at), "by": r.actor, "action": r.action, "details": _answers(r.details_json)}
        for r in rows
    ]


def _laptop_accesses(session: Session, record_id: str, batches: Any) -> list[dict[str, Any]]:
    """The desks' own audit entries naming the record, from every batch (not only the record's own)."""
    found: list[dict[str, Any]] = []
    query = select(BatchRow.device_id, BatchRow.audit_json).where(BatchRow.audit_json.contains(record_id))
    for row in session.execute(query):
        try:
            entries = json.loads(row.audit_json)
        except ValueError:
            continue
        for entry in entries:
            if isinstance(entry, dict) and entry.get("record_id") == record_id:
                found.append(
                    {
                        "device_id": row.device_id,
                        "at": entry.get("at"),
                        "operator": entry.get("operator"),
                        "action": entry.get("action"),
                        "details": entry.get("details"),
                    }
                )
    found.sort(key=lambda e: str(e.get("at") or ""))
    return found


def published_form(session: Session, form_id: str, version: str | None) -> Any:
    """The published form version (its definition and rules), read in the caller's transaction (the
    registry's FormCatalog opens a session of its own, which would wait on this one's write lock on
    SQLite); the newest version when ``version`` is None; None when the server does not have it."""
    from sync.server.models import FormVersionRow
    from sync.server.registry.labels import newest_version
    from sync.server.validation import PublishedForm

    version = version or newest_version(session, form_id)
    row = session.execute(
        select(FormVersionRow.filename, FormVersionRow.content).where(
            FormVersionRow.form_id == form_id, FormVersionRow.version == version
        )
    ).first()
    if row is None:
        return None
    return PublishedForm(form_id, str(version), row.filename, bytes(row.content))


def form_labels_in(session: Session, form_id: str, version: str | None, language: str) -> Any:
    """The form's question and choice labels in ``language`` (see ``published_form``)."""
    from sync.server.registry.labels import FormLabels, _form_language

    published = published_form(session, form_id, version)
    if published is None:
        return None
    definition = published.definition()
    languages = list(definition.languages or [])
    return FormLabels(
        form_id,
        published.version,
        str(definition.title or form_id),
        definition.questions,
        _form_language(languages, language),
    )


def subject_access_pdf(
    session: Session, record_id: str, *, actor: str, language: str | None = None
) -> tuple[bytes, dict[str, Any], str]:
    """The PDF for the person (their preferred language, else ``language``, else English), audited as
    an export; returns (PDF bytes, the document, the language written in)."""
    from sync.server.protection.pdf import person_language, render_pdf

    document = subject_access(session, record_id)
    chosen = person_language(document, language)
    head = document["versions"][-1]["form_version"] if document["versions"] else None
    labels = form_labels_in(session, document["form_id"], head, chosen)
    audit.append(
        session, actor, SUBJECT_ACCESS, record_id, {"versions": len(document["versions"]), "format": "pdf"}
    )
    document["exported_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    document["exported_by"] = actor
    return render_pdf(document, labels, chosen), document, chosen


def write_subject_access(session: Session, record_id: str, out: Path, *, actor: str) -> dict[str, Any]:
    """Write the JSON (0600) and record the export in the audit log (ids only); returns the document."""
    document = subject_access(session, record_id)
    audit.append(session, actor, SUBJECT_ACCESS, record_id, {"versions": len(document["versions"])})
    document["exported_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    document["exported_by"] = actor
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    out = out.expanduser()
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    return document
