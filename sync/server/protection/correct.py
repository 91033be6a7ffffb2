"""Correction (GDPR Art. 16) on the registry: a registrar's correction makes a new version of the record.

The new version replaces the head, exactly like an edit on the desk (the same chain: ``replaces``, the
ODK ``instanceID``/``deprecatedID`` in its meta); it is checked against the form's rules before it is
stored; its origin names the registrar (device ``registry``); duplicate detection and the registry's
index follow it as they follow a synced edit (the trigger on ``records`` queues the record). The audit
log says who corrected which fields, when, and why (a reason code); never a value. The subject access
export shows the version and what it changed.

A laptop that still holds the record and edits it later sends an edit of the old head: the server keeps
it as a conflict (``stale_edit``) for a supervisor, never an overwrite of the correction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync import protocol as p
from sync.server.auth import utcnow
from sync.server.dedup import hook as dedup_hook
from sync.server.hub_models import RecordOriginRow
from sync.server.models import RecordRow, RecordVersionRow
from sync.server.protection.erase import ProtectionError, _clean_reason, reason_code
from sync.server.protection.models import RestrictionRow
from sync.server.registry import audit

RECORD_CORRECTED = "record_corrected"
REGISTRY_DEVICE = "registry"  # the device id of versions made on the registry
EDITABLE_TYPES = ("text", "integer", "decimal", "date", "select_one")
MAX_VALUE_CHARS = 500


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: str
    value: str
    choices: tuple[tuple[str, str], ...]  # (code, label) for select_one


@dataclass(frozen=True)
class Corrected:
    record_id: str
    version_id: str
    fields: tuple[str, ...]


def _answers(text: str) -> dict[str, Any]:
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def editable_fields(labels: Any, answers: dict[str, Any]) -> list[Field]:
    """The questions a registrar may correct (outside repeats), with their current values as text."""
    fields: list[Field] = []

    def visit(nodes: list[Any]) -> None:
        for node in nodes:
            if node.kind == "repeat":
                continue
            if node.kind == "group":
                visit(node.children)
            elif node.type in EDITABLE_TYPES:
                value = answers.get(node.name)
                choices = tuple(labels.choices(node.name).items()) if node.type == "select_one" else ()
                text = "" if value is None else str(value)
                fields.append(Field(node.name, labels.text(node.labels, node.name), node.type, text, choices))

    visit(labels.questions)
    return fields


def _typed(field: Field, text: str) -> Any:
    value = text.strip()
    if len(value) > MAX_VALUE_CHARS:
        raise ProtectionError(f"The answer to '{field.label}' is longer than {MAX_VALUE_CHARS} characters.")
    if value == "":
        return None
    if field.type == "integer":
        try:
            return int(value)
        except ValueError:
            raise ProtectionError(f"The answer to '{field.label}' must be a whole number.") from None
    if field.type == "decimal":
        try:
            return float(value)
        except ValueError:
            raise ProtectionError(f"The answer to '{field.label}' must be a number.") from None
    if field.type == "select_one" and field.choices and value not in {code for code, _ in field.choices}:
        raise ProtectionError(f"The answer to '{field.label}' must be one of its choices.")
    return value


def correct_record(
    session: Session,
    record_id: str,
    submitted: dict[str, str],
    *,
    actor: str,
    reason: str,
    labels: Any,
    published: Any,
) -> Corrected:
    """Store the corrected answers (``submitted``: question name -> text) as a new head version, in the
    caller's transaction. Only questions of ``editable_fields`` are taken; the rest stay as they are."""
    why = _clean_reason(reason)
    record = session.get(RecordRow, record_id, with_for_update=True)
    if record is None:
        raise ProtectionError(
            f"There is no record {record_id} on this server (or it was erased).", exit_code=2
        )
    if session.get(RestrictionRow, record_id) is not None:
        raise ProtectionError("This record is restricted: lift the restriction before correcting it.")
    head = session.get(RecordVersionRow, record.head_version_id)
    if head is None or head.deleted or labels is None or published is None:
        raise ProtectionError("This record cannot be corrected here (its form is not on this server).")
    answers = _answers(head.answers_json)
    corrected = dict(answers)
    changed: list[str] = []
    for field in editable_fields(labels, answers):
        if field.name not in submitted:
            continue
        value = _typed(field, submitted[field.name])
        if value == answers.get(field.name) or (value is None and answers.get(field.name) in (None, "")):
            continue
        if value is None:
            corrected.pop(field.name, None)
        else:
            corrected[field.name] = value
        changed.append(field.name)
    if not changed:
        raise ProtectionError("Nothing was changed: the answers are the same as the current ones.")
    problems = published.validate(corrected)
    if problems:
        named = sorted({f"{problem.get('field') or '-'} ({problem.get('code')})" for problem in problems})
        raise ProtectionError("The correction breaks the form's rules: " + ", ".join(named) + ".")
    version_id = str(uuid.uuid4())
    meta = dict(corrected.get("meta") or {})
    meta["instanceID"] = f"uuid:{version_id}"
    meta["deprecatedID"] = f"uuid:{head.version_id}"
    corrected["meta"] = meta
    now = utcnow()
    wire = p.WireRecord(
        record_id=record_id,
        version_id=version_id,
        sequence=0,
        form_id=head.form_id,
        form_version=head.form_version,
        answers=corrected,
        replaces=head.version_id,
        created_at=now.isoformat(timespec="seconds"),
    )
    row = {
        "version_id": version_id,
        "record_id": record_id,
        "replaces": head.version_id,
        "form_id": head.form_id,
        "form_version": head.form_version,
        "deleted": False,
        "content_hash": wire.content_hash(),
        "answers_json": json.dumps(corrected, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "device_id": REGISTRY_DEVICE,
        "batch_id": str(uuid.uuid4()),
        "sequence": 0,
        "created_at": wire.created_at,
        "received_at": now,
    }
    session.add(RecordVersionRow(**row))
    session.add(
        RecordOriginRow(version_id=version_id, origin_device=REGISTRY_DEVICE, origin_operator=actor[:64])
    )
    session.flush()
    dedup_hook.on_versions_stored(session, [row])
    record.head_version_id = version_id
    record.updated_at = now
    session.flush()
    audit.append(
        session,
        actor,
        RECORD_CORRECTED,
        record_id,
        {
            "version_id": version_id,
            "replaces": head.version_id,
            "changed": len(changed),
            "fields": " ".join(changed)[:120],  # question names (audit details are short scalars)
            "reason": reason_code(why),
        },
    )
    return Corrected(record_id, version_id, tuple(changed))


def head_of(session: Session, record_id: str) -> tuple[RecordRow, RecordVersionRow] | None:
    record = session.get(RecordRow, record_id)
    if record is None or record.deleted:
        return None
    head = session.scalar(
        select(RecordVersionRow).where(RecordVersionRow.version_id == record.head_version_id)
    )
    return None if head is None else (record, head)
