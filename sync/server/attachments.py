"""Files attached to desks' records (photos, signatures, documents), received before the batch naming them.

A desk keeps each file under its content address, ``<first 20 hex digits of its SHA-256>.<extension>``
(``forms.store.attachments``); an answer holds that name. Before a batch goes, the desk asks which of the
files its records name the server lacks (``POST /v1/attachments/missing``) and sends each one on its
own (``PUT /v1/attachments/RECORD_ID/NAME``), signed with its device key like a batch
(``sync.protocol.attachment_signing_message``). The server

- bounds the body before reading it (the body limit middleware: 10 MB, declared or streamed; 413),
- checks the signature, then the SHA-256 of the bytes against the signed digest and the name (400),
- refuses a file for a record another device made (403, audited with ids only),
- keeps it once: a retry, or the same file named again by a later version, changes nothing.

Files live in the one attachments table (``AttachmentRow``, ``record_attachments``) with OpenRosa's, by
``(record_id, name)``. A desk batch naming a file the server does not hold is refused record by record
(``missing_reference_rejections``: ``rejected``, reason ``missing_attachment``, naming the file), never
stored with a dangling reference.

No `from __future__ import annotations`: FastAPI resolves the routes' annotations, local to register.
"""

import hashlib
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from forms.engine.model import ATTACHMENT_TYPES
from forms.store.attachments import (
    MAX_ATTACHMENT_BYTES,
    attachment_fields,
    is_attachment_name,
    name_matches,
    name_matches_digest,
)
from sync import protocol as p
from sync.server.auth import AuthenticatedDevice, utcnow
from sync.server.db import among, transaction
from sync.server.models import AttachmentRow, RecordRow
from sync.server.registry import audit as registry_audit
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.attachments")

MAX_FILE_BYTES = MAX_ATTACHMENT_BYTES  # the body limit of the upload route (app.py)
MAX_FILES_PER_RECORD = 50
MISSING_BODY_BYTES = 64 * 1024  # 200 (record id, name) pairs are about 20 KB
UPLOAD_PREFIX = p.ATTACHMENTS_PATH + "/"
ACTION_REFUSED = "attachment_refused"
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9.+-]{0,40}/[a-z0-9][a-z0-9.+-]{0,60}$")


class FileRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    record_id: str = Field(pattern=_UUID, description="The record whose answers name the file.")
    name: str = Field(min_length=1, max_length=40, description="The file's name in the answers.")


class MissingRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    files: list[FileRef] = Field(max_length=p.MAX_ATTACHMENT_QUERY)


class MissingResponse(BaseModel):
    missing: list[FileRef] = Field(description="The files of the question this server does not hold.")


class UploadResponse(BaseModel):
    status: str = Field(description="stored | already (held before: nothing changed) | erased (not kept)")


class UploadRefused(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


@dataclass(frozen=True)
class Upload:
    record_id: str
    version_id: str
    name: str
    sha256: str
    signature: str
    media_type: str
    body: bytes


def foreign_records(session: Session, device_id: str, record_ids: Iterable[str]) -> set[str]:
    """The records among ``record_ids`` this device may not send files for: made by a device it does
    not act for, or (not stored yet) already given files by such a device."""
    from sync.server.ingest import devices_acted_for

    wanted = sorted(set(record_ids))
    if not wanted:
        return set()
    acted_for = devices_acted_for(session, device_id)
    owners = dict(
        session.execute(
            select(RecordRow.record_id, RecordRow.first_device_id).where(
                among(RecordRow.record_id, wanted, session)
            )
        ).all()
    )
    senders = session.execute(
        select(AttachmentRow.record_id, AttachmentRow.device_id)
        .where(among(AttachmentRow.record_id, wanted, session))
        .distinct()
    ).all()
    foreign = {record for record, owner in owners.items() if owner is not None and owner not in acted_for}
    foreign |= {
        str(record)
        for record, sender in senders
        if record is not None
        and owners.get(record) is None
        and sender is not None
        and sender not in acted_for
    }
    return foreign


def held(session: Session, refs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (record id, name) pairs among `refs` that the attachments table holds."""
    wanted = set(refs)
    if not wanted:
        return set()
    rows = session.execute(
        select(AttachmentRow.record_id, AttachmentRow.name).where(
            among(AttachmentRow.record_id, sorted({record for record, _ in wanted}), session)
        )
    )
    return {(str(record), str(name)) for record, name in rows if (record, name) in wanted}


def file_content(session: Session, record_id: str, name: str) -> bytes | None:
    """The bytes of a record's file: the row kept under that name for the record, else (a row of a
    person merged from several records) any desk file of that name whose bytes match it."""
    row = session.execute(
        select(AttachmentRow.content)
        .where(AttachmentRow.record_id == record_id, AttachmentRow.name == name)
        .order_by(AttachmentRow.received_at)
        .limit(1)
    ).first()
    if row is not None:
        return bytes(row[0])
    if not is_attachment_name(name):
        return None
    for (content,) in session.execute(
        select(AttachmentRow.content).where(AttachmentRow.name == name).limit(3)
    ):
        data = bytes(content)
        if name_matches(name, data):
            return data
    return None


def missing_reference_rejections(
    factory: sessionmaker[Session], catalog: FormCatalog, records: Iterable[p.WireRecord]
) -> dict[str, p.RecordResult]:
    """Rejections by version id: records whose attachment answers name a file the server does not hold.

    Only answers of the form's attachment questions that hold a desk file name count (an OpenRosa
    submission's files arrive in the same request and take another path)."""
    named: list[tuple[p.WireRecord, list[tuple[str, str]]]] = []
    with_files: dict[tuple[str, str], bool] = {}  # form version -> has an attachment question
    for record in records:
        if record.deleted:
            continue
        form = catalog.get(record.form_id, record.form_version)
        if form is None:
            continue  # rejected as an unknown form version anyway
        key = (record.form_id, record.form_version)
        if key not in with_files:
            with_files[key] = any(q.type in ATTACHMENT_TYPES for q in form.definition().by_path.values())
        if not with_files[key]:
            continue
        fields = attachment_fields(form.definition(), dict(record.answers))
        if fields:
            named.append((record, fields))
    if not named:
        return {}
    with factory() as session:
        present = held(session, ((r.record_id, name) for r, fields in named for _, name in fields))
    rejections: dict[str, p.RecordResult] = {}
    for record, fields in named:
        absent = [(field, name) for field, name in fields if (record.record_id, name) not in present]
        if absent:
            rejections[record.version_id] = p.RecordResult(
                record.record_id,
                record.version_id,
                p.STATUS_REJECTED,
                p.REASON_MISSING_ATTACHMENT,
                tuple(
                    {"code": "attachment_missing", "field": field, "params": {"file": name}}
                    for field, name in absent
                ),
            )
    return rejections


def receive(factory: sessionmaker[Session], device: AuthenticatedDevice, upload: Upload) -> str:
    """Check and keep one file; its status (stored | already | erased) or UploadRefused."""
    try:
        p.verify_signature(
            device.public_key,
            p.attachment_signing_message(upload.record_id, upload.version_id, upload.name, upload.sha256),
            upload.signature,
        )
    except p.ProtocolError as exc:
        raise UploadRefused(401, p.ERROR_BAD_SIGNATURE, "The file's signature does not verify.") from exc
    digest = hashlib.sha256(upload.body).hexdigest()
    if digest != upload.sha256 or not name_matches_digest(upload.name, digest):
        log.warning("device %s: file %s of record %s does not match its SHA-256", device.device_id,
                    upload.name, upload.record_id)  # fmt: skip
        raise UploadRefused(
            400,
            p.ERROR_FILE_MISMATCH,
            f"The bytes of the file {upload.name} do not match its SHA-256: it was changed or damaged on "
            "the way, and was not kept.",
        )
    for attempt in (1, 2):
        try:
            return _keep(factory, device.device_id, upload)
        except IntegrityError:  # the same file at the same moment from a retry: the second finds it
            if attempt == 2:
                break
    raise UploadRefused(  # (version id, name) is kept already for another record: not this device's to reuse
        409,
        p.ERROR_FILE_REFUSED,
        f"The file {upload.name} of version {upload.version_id} is already kept for another record.",
    )


def _keep(factory: sessionmaker[Session], device_id: str, upload: Upload) -> str:
    from sync.server.protection import erase as protection

    with transaction(factory) as session:
        if upload.record_id in foreign_records(session, device_id, [upload.record_id]):
            raise _Refused(upload)  # audited by the route in its own transaction (this one rolls back)
        if protection.erased_among(session, [upload.record_id]):
            return "erased"  # its batch is answered as a duplicate: nothing of it is stored again
        existing = session.execute(
            select(AttachmentRow.sha256).where(
                AttachmentRow.record_id == upload.record_id, AttachmentRow.name == upload.name
            )
        ).first()
        if existing is not None:
            return "already"
        count = session.scalar(
            select(func.count()).select_from(AttachmentRow).where(AttachmentRow.record_id == upload.record_id)
        )
        if int(count or 0) >= MAX_FILES_PER_RECORD:
            raise UploadRefused(
                400, p.ERROR_FILE_REFUSED, f"A record may carry at most {MAX_FILES_PER_RECORD} files."
            )
        session.add(
            AttachmentRow(
                version_id=upload.version_id,
                name=upload.name,
                record_id=upload.record_id,
                device_id=device_id,
                content_type=upload.media_type,
                sha256=upload.sha256,
                content=upload.body,
                received_at=utcnow(),
            )
        )
    log.info("device %s: file %s of record %s kept", device_id, upload.name, upload.record_id)
    return "stored"


class _Refused(Exception):
    """A file for a record another device made: the audit entry is committed before the 403."""

    def __init__(self, upload: Upload) -> None:
        super().__init__(upload.record_id)
        self.upload = upload


def register(app: FastAPI, factory: sessionmaker[Session], device_dependency: Any, error_model: Any) -> None:
    Device = Annotated[Any, Depends(device_dependency)]

    def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
        return {status: {"model": error_model} for status in statuses}

    @app.post(
        p.ATTACHMENTS_MISSING_PATH,
        response_model=MissingResponse,
        responses=errors(401, 403, 422),
        tags=["sync"],
    )
    async def attachments_missing(request: MissingRequest, device: Device) -> MissingResponse:
        def answer() -> MissingResponse:
            refs = [(ref.record_id.lower(), ref.name) for ref in request.files]
            with factory() as session:
                present = held(session, refs)
                # another device's record: always "missing" (whether it holds a file is not this device's
                # to learn); the upload then gets its audited 403
                foreign = foreign_records(session, device.device_id, [record for record, _ in refs])
            present = {(record, name) for record, name in present if record not in foreign}
            return MissingResponse(
                missing=[
                    FileRef(record_id=r, name=n) for r, n in dict.fromkeys(refs) if (r, n) not in present
                ]
            )

        return await run_in_threadpool(answer)

    @app.put(
        p.ATTACHMENTS_PATH + "/{record_id}/{name}",
        response_model=UploadResponse,
        status_code=201,
        responses={200: {"model": UploadResponse}, **errors(400, 401, 403, 413)},
        tags=["sync"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "The file's bytes (at most 10 MB), signed: see sync/protocol.py.",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            },
            "parameters": [
                {"name": name, "in": "header", "required": False, "schema": {"type": "string"}}
                for name in (p.HEADER_VERSION_ID, p.HEADER_FILE_SHA256, p.HEADER_SIGNATURE)
            ],
        },
    )
    async def put_attachment(record_id: str, name: str, request: Request, device: Device) -> Response:
        try:
            upload = _upload_of(record_id, name, request.headers, await request.body())
            status = await run_in_threadpool(receive, factory, device, upload)
        except UploadRefused as exc:
            return _error(exc.status, exc.code, exc.detail)
        except _Refused as exc:
            refused = _refusal(device.device_id, exc.upload)
            await run_in_threadpool(_audit_refusal, factory, device.device_id, exc.upload)
            return _error(refused.status, refused.code, refused.detail)
        return JSONResponse({"status": status}, status_code=201 if status == "stored" else 200)


def _refusal(device_id: str, upload: Upload) -> UploadRefused:
    log.warning(
        "device %s refused: file %s for record %s another device made",
        device_id,
        upload.name,
        upload.record_id,
    )
    return UploadRefused(
        403,
        p.ERROR_NOT_RECORD_OWNER,
        "This record was made by another device: a device may send files only for its own records, or "
        "those a supervisor handed over to it on the server.",
    )


def _audit_refusal(factory: sessionmaker[Session], device_id: str, upload: Upload) -> None:
    with transaction(factory) as session:
        registry_audit.append(
            session,
            f"device {device_id}",
            ACTION_REFUSED,
            upload.record_id,
            {"file": upload.name, "version_id": upload.version_id, "reason": p.ERROR_NOT_RECORD_OWNER},
        )


def _upload_of(record_id: str, name: str, headers: Any, body: bytes) -> Upload:
    version_id = headers.get(p.HEADER_VERSION_ID, "")
    digest = headers.get(p.HEADER_FILE_SHA256, "").lower()
    signature = headers.get(p.HEADER_SIGNATURE, "")
    try:
        record = str(uuid.UUID(record_id))
        version = str(uuid.UUID(version_id))
    except ValueError as exc:
        raise UploadRefused(
            400, p.ERROR_MALFORMED_REQUEST, "The record id or the X-Version-Id header is not a UUID."
        ) from exc
    if not is_attachment_name(name):
        raise UploadRefused(
            400, p.ERROR_MALFORMED_REQUEST, "The file name is not a desk attachment name (hash.extension)."
        )
    if not _HEX64.match(digest):
        raise UploadRefused(400, p.ERROR_MALFORMED_REQUEST, "The file has no valid X-File-SHA256 header.")
    if not signature or len(signature) > 200:
        raise UploadRefused(401, p.ERROR_BAD_SIGNATURE, "The file is not signed.")
    if not body:
        raise UploadRefused(400, p.ERROR_MALFORMED_REQUEST, "The file is empty.")
    media_type = str(headers.get("content-type", "")).split(";")[0].strip().lower()
    if not _MEDIA_TYPE.match(media_type):
        media_type = "application/octet-stream"
    return Upload(record, version, name, digest, signature, media_type, body)


def _error(status: int, code: str, detail: str) -> Response:
    return JSONResponse({"detail": detail, "code": code, "erase_keys": False}, status_code=status)
