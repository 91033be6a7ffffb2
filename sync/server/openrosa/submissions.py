"""One OpenRosa submission, start to end: read the parts, read the XML, check it against the published
form version like any batch, store it exactly once (through the batch ingestion), keep its attachments.

Idempotency comes from the batch ingestion: the submission becomes a one-record batch whose id is
derived from the app user and the XML's SHA-256, so an identical resend is a replay of the first answer
(201, nothing stored twice); a different XML under the same instanceID is a ``content_differs``
conflict (409, kept for a supervisor, nothing overwritten). An edit names the version it replaces in
``meta/deprecatedID``; an app user may edit only what it submitted (the devices' ownership rule).
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol as p
from sync.server.auth import utcnow
from sync.server.db import transaction
from sync.server.ingest import NotRecordOwner, ingest_batch
from sync.server.models import AttachmentRow
from sync.server.openrosa import review
from sync.server.openrosa.app_users import AppUser
from sync.server.openrosa.instance import SubmissionError, answers_from_submission, parse_submission
from sync.server.openrosa.multipart import XML_PART, MultipartError, Part, read_parts, safe_filename
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.openrosa")

MAX_SUBMISSION_BYTES = 10 * 1024 * 1024  # advertised to Collect, which splits larger ones itself
MAX_BODY_BYTES = MAX_SUBMISSION_BYTES + 64 * 1024  # the multipart envelope
MAX_XML_BYTES = 1024 * 1024
MAX_ATTACHMENTS = 50
# Record ids of OpenRosa records are UUID5s of their first instanceID: never a desk's UUID4 record id.
RECORD_NAMESPACE = uuid.UUID("5b7e0c0e-7f55-4a0f-9d55-0d1a2f6b7a11")
BATCH_NAMESPACE = uuid.UUID("0e9d4b0a-5c1d-4c53-a7a5-6a7e3c1f9b22")


@dataclass(frozen=True)
class Outcome:
    status: int
    message: str


def _attachments(parts: list[Part]) -> list[Part]:
    files = [part for part in parts if part.name != XML_PART and part.filename]
    if len(files) > MAX_ATTACHMENTS:
        raise MultipartError(f"A submission may carry at most {MAX_ATTACHMENTS} attachments.")
    return files


def receive(
    factory: sessionmaker[Session], catalog: FormCatalog, user: AppUser, content_type: str, body: bytes
) -> Outcome:
    try:
        parts = read_parts(content_type, body)
        xml_parts = [part for part in parts if part.name == XML_PART]
        if not xml_parts:
            return Outcome(400, "Required parameter xml_submission_file missing.")
        xml = xml_parts[0].data
        if len(xml) > MAX_XML_BYTES:
            return Outcome(413, "The submission XML is larger than this server accepts (1 MB).")
        files = _attachments(parts)
        submission = parse_submission(xml)
    except (MultipartError, SubmissionError) as exc:
        return Outcome(400, str(exc))
    if user.form_id is not None and submission.form_id != user.form_id:
        return Outcome(403, "This app user may not submit to this form.")
    form = catalog.get(submission.form_id, submission.form_version)
    if form is None:
        return Outcome(404, "The form version this submission names is not published on this server.")
    answers = answers_from_submission(submission, form.definition().questions)
    version_id, replaces = submission.instance_id, submission.deprecated_id

    with factory() as session:
        record_id = review.version_record(session, version_id)
        already_stored = record_id is not None
        if record_id is None and replaces is not None:
            record_id = review.version_record(session, replaces)
            if record_id is None:
                return Outcome(404, "The deprecatedID names a submission this server does not hold.")
    if record_id is None:
        record_id = str(uuid.uuid5(RECORD_NAMESPACE, version_id))

    xml_digest = hashlib.sha256(xml).hexdigest()
    record = p.WireRecord(
        record_id=record_id,
        version_id=version_id,
        sequence=0,
        form_id=submission.form_id,
        form_version=submission.form_version,
        answers=answers,
        replaces=replaces,
        created_at=p.now_iso(),
    )
    payload = p.BatchPayload(
        batch_id=str(uuid.uuid5(BATCH_NAMESPACE, f"{user.user_id}\n{xml_digest}")),
        device_id=user.user_id,
        sequence_first=0,
        sequence_last=0,
        records=(record,),
        created_at=p.now_iso(),
    )
    previous: str | None = None
    if not already_stored:
        with transaction(factory) as session:
            previous = review.mark_pending(session, record_id, user.user_id)
    stored = False
    try:
        answer = ingest_batch(
            factory,
            catalog,
            device_id=user.user_id,
            payload=payload,
            payload_sha256=xml_digest,
            files_required=False,
        )
        result = json.loads(answer)["results"][0]
        status, reason = str(result.get("status")), result.get("reason")
        stored = status in (p.STATUS_ACCEPTED, p.STATUS_DUPLICATE)
    except NotRecordOwner:
        log.warning("app user %s refused: an edit of record %s it did not submit", user.user_id, record_id)
        return Outcome(403, "An app user may edit only the submissions it made.")
    finally:
        if not already_stored and not stored:
            with transaction(factory) as session:
                review.restore(session, record_id, previous)
    log.info("openrosa submission from app user %s: version %s %s", user.user_id, version_id, status)
    if stored:
        _keep_attachments(factory, version_id, files, record_id=record_id, sender=user.user_id)
        return Outcome(201, "full submission upload was successful!")
    if status == p.STATUS_CONFLICT:
        if reason == p.REASON_CONTENT_DIFFERS:
            return Outcome(409, "A submission with this instanceID already exists with different content.")
        if reason == p.REASON_STALE_EDIT:
            return Outcome(409, "The deprecatedID is not the current version of this submission.")
        return Outcome(409, "This submission conflicts with what the server holds; a supervisor will look.")
    problems = result.get("problems") or []
    fields = sorted({str(problem.get("field")) for problem in problems if problem.get("field")})
    named = f": {', '.join(fields[:10])}" if fields else ""
    return Outcome(400, f"The submission does not pass the form's checks{named}.")


def _keep_attachments(
    factory: sessionmaker[Session], version_id: str, files: list[Part], *, record_id: str, sender: str
) -> None:
    """Keep each attachment once (by name); a resend with the same files changes nothing."""
    if not files:
        return
    with transaction(factory) as session:
        held = {
            name: digest
            for name, digest in session.execute(
                select(AttachmentRow.name, AttachmentRow.sha256).where(AttachmentRow.version_id == version_id)
            )
        }
        for part in files:
            name = safe_filename(part.filename)
            digest = hashlib.sha256(part.data).hexdigest()
            if held.get(name) == digest:
                continue
            row = session.get(AttachmentRow, (version_id, name))
            if row is None:
                row = AttachmentRow(version_id=version_id, name=name, record_id=record_id, device_id=sender)
                session.add(row)
            row.content_type = part.content_type[:100]
            row.sha256 = digest
            row.content = part.data
            row.received_at = utcnow()
            held[name] = digest
