"""Storing a self-registration and confirming it, with the tables that exist already.

A registration goes in as a one-record batch through the batch ingestion (validation against the
published version, duplicate detection, exactly once), attributed to the built-in app user
"Self-registration (web page)" (made on first use; its token is never known to anyone). Its review row
says ``unconfirmed`` until the e-mailed code is typed, then ``pending``: the registrars' ``/review``
queue lists pending rows only, and the registry counts only accepted ones.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol as p
from sync.server.auth import new_token, token_hash, utcnow
from sync.server.db import transaction
from sync.server.ingest import ingest_batch
from sync.server.models import OpenRosaAppUserRow, RecordReviewRow, RecordRow
from sync.server.openrosa import review
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.selfreg")

UNCONFIRMED = "unconfirmed"
SOURCE = "selfreg"
SELF_USER_ID = "6f1d2c1e-5a0b-5e3c-9d7f-5e1f0c0d5e1f"
SELF_USER_NAME = "Self-registration (web page)"


class NotStored(Exception):
    """The ingestion did not accept the registration (the message is for the log, never personal)."""


def self_registration_user(factory: sessionmaker[Session]) -> str:
    """The built-in source of self-registrations, made on first use (two workers racing: one wins)."""
    with factory() as session:
        if session.get(OpenRosaAppUserRow, SELF_USER_ID) is not None:
            return SELF_USER_ID
    try:
        with transaction(factory) as session:
            session.add(
                OpenRosaAppUserRow(
                    user_id=SELF_USER_ID,
                    name=SELF_USER_NAME,
                    token_hash=token_hash("openrosa:" + new_token()),  # a token nobody ever sees
                    form_id=None,
                    status="active",
                    created_at=utcnow(),
                )
            )
    except IntegrityError:
        pass
    return SELF_USER_ID


def new_record_id() -> str:
    return str(uuid.uuid4())


def store(
    factory: sessionmaker[Session],
    catalog: FormCatalog,
    record_id: str,
    form: tuple[str, str],
    answers: dict[str, Any],
) -> None:
    """Ingest the registration (form = id and version) as record ``record_id``, unconfirmed."""
    form_id, version = form
    user_id = self_registration_user(factory)
    version_id = str(uuid.uuid4())
    answers = dict(answers)
    meta = dict(answers.get("meta") or {})
    meta["instanceID"] = f"uuid:{version_id}"
    answers["meta"] = meta
    record = p.WireRecord(
        record_id=record_id,
        version_id=version_id,
        sequence=0,
        form_id=form_id,
        form_version=version,
        answers=answers,
        replaces=None,
        created_at=p.now_iso(),
    )
    payload = p.BatchPayload(
        batch_id=str(uuid.uuid4()),
        device_id=user_id,
        sequence_first=0,
        sequence_last=0,
        records=(record,),
        created_at=p.now_iso(),
    )
    digest = hashlib.sha256(json.dumps(answers, sort_keys=True, default=str).encode()).hexdigest()
    with transaction(factory) as session:
        session.add(
            RecordReviewRow(
                record_id=record_id,
                status=UNCONFIRMED,
                source=SOURCE,
                submitted_by=user_id,
                changed_at=utcnow(),
            )
        )
    stored = False
    try:
        answer = ingest_batch(
            factory, catalog, device_id=user_id, payload=payload, payload_sha256=digest, files_required=False
        )
        result = json.loads(answer)["results"][0]
        stored = result.get("status") in (p.STATUS_ACCEPTED, p.STATUS_DUPLICATE)
        if not stored:
            raise NotStored(f"ingestion answered {result.get('status')} {result.get('reason')}")
    finally:
        if not stored:
            with transaction(factory) as session:
                review.restore(session, record_id, None)
    log.info("self-registration stored as unconfirmed: record %s", record_id)


def confirm(factory: sessionmaker[Session], record_id: str) -> bool:
    """The e-mail is confirmed: the registration enters the review queue. False if there is no such one."""
    with transaction(factory) as session:
        row = session.get(RecordReviewRow, record_id, with_for_update=True)
        if row is None or row.source != SOURCE or session.get(RecordRow, record_id) is None:
            return False
        if row.status == UNCONFIRMED:
            row.status, row.changed_at = review.PENDING, utcnow()
            log.info("self-registration confirmed: record %s is pending review", record_id)
    return True
