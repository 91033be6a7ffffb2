"""Anonymising a record instead of erasing it: the person leaves, their figures stay in the aggregates.

For deployments that must keep their statistics (how many people live in which country, their
occupations, skills and interests) after the retention period: ``diaspora-server retention run
--anonymise`` (or ``DIASPORA_SERVER_RETENTION=anonymise`` for the daily run of ``serve``) and
``diaspora-server person anonymise --record ID --reason TEXT``.

In one transaction: every version of the record is deleted (with its conflicts, attachments, origins,
hub relay rows, duplicate keys, profile, pairs and person link), and one new version holds only the
answers the registry counts (KEPT_ANSWERS: country and city of residence, sex, education, occupation,
skills sector, interests, languages, sectors of interest), on the same device, form version and date
of registration, so every dashboard figure stays as it was. Names, birth date, documents, contacts,
addresses, household, emergency contacts and remarks are gone. The registry's index is rebuilt at once
(no name token, no document or phone key is left). A row in ``protection_erasures`` (source
``anonymised``) tells every laptop holding the record to erase it at its next sync, and answers a late
copy ``duplicate``, so the identity never comes back. Audited as ``record_anonymised`` (reason code, no
value). A city of residence in a small place can still narrow a person down: a deployment that counts
small places should erase instead.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from sync import protocol as p
from sync.server.auth import utcnow
from sync.server.hub_models import HubRelayedRow, RecordOriginRow
from sync.server.models import (
    AttachmentRow,
    ConflictRow,
    DedupKeyRow,
    DedupPairRow,
    DedupProfileRow,
    RecordRow,
    RecordVersionRow,
)
from sync.server.protection.erase import (
    ERASED_KEY,
    ProtectionError,
    _clean_reason,
    _drop_relay_batches_holding,
    _forget_person_link,
    reason_code,
)
from sync.server.protection.models import ErasureRow
from sync.server.registry import audit
from sync.server.registry import index as registry_index

log = logging.getLogger("sync.server.protection")

RECORD_ANONYMISED = "record_anonymised"
SOURCE = "anonymised"
# The answers the registry's figures count (registry.index.CHOICE_COLUMNS, the city, languages and
# sectors); nothing else survives.
KEPT_ANSWERS = tuple(
    sorted(
        set(registry_index.CHOICE_COLUMNS.values()) | {"residence_city", "languages_spoken", "invest_sectors"}
    )
)


@dataclass(frozen=True)
class Anonymised:
    record_id: str
    version_id: str
    versions: int  # versions deleted (the anonymised one replaces them all)


def anonymise_record(session: Session, record_id: str, *, actor: str, reason: str) -> Anonymised:
    """Replace every version of the record by one holding only KEPT_ANSWERS, in the caller's transaction."""
    why = _clean_reason(reason)
    if session.scalar(select(ErasureRow.id).where(ErasureRow.record_id == record_id)) is not None:
        raise ProtectionError(f"Record {record_id} was already erased or anonymised.", exit_code=2)
    record = session.get(RecordRow, record_id)
    if record is None:
        raise ProtectionError(f"There is no record {record_id} on this server.", exit_code=2)
    head = session.get(RecordVersionRow, record.head_version_id)
    if head is None or head.deleted:
        raise ProtectionError(f"Record {record_id} holds no answers to keep: erase it instead.", exit_code=2)
    try:
        answers = json.loads(head.answers_json)
    except ValueError:
        answers = {}
    kept = {
        name: answers[name]
        for name in KEPT_ANSWERS
        if isinstance(answers, dict)
        and answers.get(name) not in (None, "")
        and not isinstance(answers[name], dict | list)
    }
    version_ids = list(
        session.scalars(select(RecordVersionRow.version_id).where(RecordVersionRow.record_id == record_id))
    )
    conflict_versions = list(
        session.scalars(select(ConflictRow.version_id).where(ConflictRow.record_id == record_id))
    )
    every_version = sorted(set(version_ids) | set(conflict_versions))
    _forget_person_link(session, record_id)
    for statement in (
        delete(AttachmentRow).where(  # its files: by version, and by record (sent before their batch)
            or_(AttachmentRow.version_id.in_(every_version), AttachmentRow.record_id == record_id)
        ),
        delete(RecordOriginRow).where(RecordOriginRow.version_id.in_(every_version)),
        delete(HubRelayedRow).where(HubRelayedRow.version_id.in_(every_version)),
        delete(ConflictRow).where(ConflictRow.record_id == record_id),
        delete(RecordVersionRow).where(RecordVersionRow.record_id == record_id),
        delete(DedupKeyRow).where(DedupKeyRow.record_id == record_id),
        delete(DedupProfileRow).where(DedupProfileRow.record_id == record_id),
        delete(DedupPairRow).where(
            or_(DedupPairRow.record_a == record_id, DedupPairRow.record_b == record_id)
        ),
    ):
        session.execute(statement.execution_options(synchronize_session=False))
    _drop_relay_batches_holding(session, set(every_version))
    version_id = str(uuid.uuid4())
    kept["meta"] = {"instanceID": f"uuid:{version_id}"}
    now = utcnow()
    wire = p.WireRecord(
        record_id=record_id,
        version_id=version_id,
        sequence=0,
        form_id=head.form_id,
        form_version=head.form_version,
        answers=kept,
        created_at=head.created_at,
    )
    session.add(
        RecordVersionRow(
            version_id=version_id,
            record_id=record_id,
            replaces=None,
            form_id=head.form_id,
            form_version=head.form_version,
            deleted=False,
            content_hash=wire.content_hash(),
            answers_json=json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            device_id=head.device_id,  # the per-device figures stay as they were
            batch_id=head.batch_id,
            sequence=0,
            created_at=head.created_at,
            received_at=now,
        )
    )
    session.flush()
    record.head_version_id = version_id
    record.updated_at = now
    session.flush()
    registry_index._rebuild(session, [record_id])  # names and keys leave the index now, the counts stay
    row = ErasureRow(
        record_id=record_id,
        form_id=record.form_id,
        erased_at=now,
        erased_by=actor[:200],
        source=SOURCE,
        reason=why,
        versions=len(version_ids),
    )
    session.add(row)
    session.flush()
    session.info[ERASED_KEY] = True  # SQLite: the WAL is truncated after the commit
    audit.append(
        session,
        actor,
        RECORD_ANONYMISED,
        record_id,
        {"erasure": row.id, "versions": len(version_ids), "kept": len(kept) - 1, "reason": reason_code(why)},
    )
    log.info("record %s anonymised (%d versions replaced, by %s)", record_id, len(version_ids), actor)
    return Anonymised(record_id, version_id, len(version_ids))
