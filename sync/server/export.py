"""`diaspora-server export`: the central server's records through the same exporter as the desk.

Exported: each record's head version (the version the server applied last), for one form, from every
device; a deleted (erased) record is left out. ``--batch`` narrows to the head versions that arrived in
one received batch (the id a laptop's sync used, as ``stats`` counts them). Rows are streamed from the
database, as the desk does, so the exporter never holds the whole table. The server has no operators
table, so the operator column holds the device's label (who registered is in the devices' audit trail).

A version an event hub relayed names the clerk's laptop that made it, not the hub (``record_origins``):
``_device`` is that laptop (its enrolment here when it also enrolled with this server, else its store id)
and ``_operator`` its label here, else the operator name the hub relayed; its ``_batch`` is the hub's
relay batch, which the metadata sheet names "relayed by event hub <hub's label>".

Files attached to the exported answers (photos, signatures: the attachments table, ``AttachmentRow``) are
written to ``<workbook>_attachments/`` beside it under the names the answers hold, as the desk's export
does (``forms.export.desk``); never beside a password-protected export (the result counts them instead).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from forms.engine import load_form_bytes
from forms.engine.definition import FormDefinition
from forms.errors import DeskError
from forms.export import BatchInfo, ColumnOptions, ExportContext, ExportRecord, ExportResult, export_records
from forms.export.desk import attachments_folder, collect_attachments
from forms.work import Work
from sync.server.attachments import file_content
from sync.server.db import session_factory
from sync.server.dedup.persons import PersonMerger
from sync.server.hub_models import DeviceLaptopRow, RecordOriginRow
from sync.server.models import BatchRow, DeviceRow, FormVersionRow, RecordRow, RecordVersionRow

log = logging.getLogger(__name__)
STREAM_CHUNK = 500


@dataclass(frozen=True)
class ServerExportRequest:
    out: Path
    form_id: str
    batch_id: str | None = None  # None: every received batch
    file_format: str = "xlsx"
    password: str | None = None
    language: str | None = None
    exported_by: str = "server administrator"


def newest_form(session: Session, form_id: str) -> FormDefinition:
    row = session.scalars(
        select(FormVersionRow)
        .where(FormVersionRow.form_id == form_id)
        .order_by(FormVersionRow.published_at.desc(), FormVersionRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise DeskError(f"No form {form_id} is published on this server; see `diaspora-server forms list`.")
    return load_form_bytes(row.content, row.filename)


def _scope(form_id: str, batch_id: str | None) -> list[Any]:
    conditions = [
        RecordRow.head_version_id == RecordVersionRow.version_id,
        RecordRow.deleted.is_(False),
        RecordVersionRow.form_id == form_id,
    ]
    if batch_id is not None:
        conditions.append(RecordVersionRow.batch_id == batch_id)
    return conditions


def _iso(moment: datetime | str) -> str:
    return moment if isinstance(moment, str) else moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class _Laptops:
    """Enrolled devices' laptops both ways, to tell a relayed version from a laptop's own."""

    laptop_of: dict[str, str]  # device id -> its laptop's store id
    device_of: dict[str, str]  # laptop's store id -> its device id here

    @classmethod
    def load(cls, session: Session) -> _Laptops:
        pairs = session.execute(select(DeviceLaptopRow.device_id, DeviceLaptopRow.laptop_id)).all()
        return cls({d: laptop for d, laptop in pairs}, {laptop: d for d, laptop in pairs})

    def relayed(self, sender: str, origin: str | None) -> bool:
        return origin is not None and origin != self.laptop_of.get(sender, sender)


def _made_by(
    laptops: _Laptops, labels: dict[str, str], sender: str, origin: str | None, operator: str | None
) -> tuple[str, str]:
    """(operator column, device column) of a version: the laptop that made it, even through a hub."""
    if origin is None or not laptops.relayed(sender, origin):
        return labels.get(sender, ""), sender
    device = laptops.device_of.get(origin, origin)
    return labels.get(device) or operator or "", device


def _records(
    session: Session, request: ServerExportRequest, labels: dict[str, str]
) -> Iterator[ExportRecord]:
    laptops = _Laptops.load(session)
    query = (
        select(
            RecordRow.record_id,
            RecordRow.created_at,
            RecordVersionRow.version_id,
            RecordVersionRow.batch_id,
            RecordVersionRow.device_id,
            RecordVersionRow.created_at.label("version_created"),
            RecordVersionRow.received_at,
            RecordVersionRow.answers_json,
            RecordOriginRow.origin_device,
            RecordOriginRow.origin_operator,
        )
        .outerjoin(RecordOriginRow, RecordOriginRow.version_id == RecordVersionRow.version_id)
        .where(*_scope(request.form_id, request.batch_id))
        .order_by(RecordRow.created_at, RecordRow.record_id)
        .execution_options(yield_per=STREAM_CHUNK)
    )
    for row in session.execute(query):
        operator, device = _made_by(laptops, labels, row.device_id, row.origin_device, row.origin_operator)
        yield ExportRecord(
            record_id=row.record_id,
            version_id=row.version_id,
            batch_id=row.batch_id,
            operator=operator,
            device_id=device,
            created_at=row.version_created or _iso(row.created_at),
            updated_at=_iso(row.received_at),
            status="final",
            answers=json.loads(row.answers_json),
        )


def _batches(session: Session, request: ServerExportRequest, labels: dict[str, str]) -> list[BatchInfo]:
    used = select(RecordVersionRow.batch_id).where(*_scope(request.form_id, request.batch_id)).distinct()
    rows = session.execute(
        select(BatchRow.batch_id, BatchRow.device_id, BatchRow.received_at)
        .where(BatchRow.batch_id.in_(used))
        .order_by(BatchRow.received_at)
    ).all()
    laptops = _Laptops.load(session)
    relays = {
        batch_id
        for batch_id, sender, origin in session.execute(
            select(RecordVersionRow.batch_id, RecordVersionRow.device_id, RecordOriginRow.origin_device)
            .join(RecordOriginRow, RecordOriginRow.version_id == RecordVersionRow.version_id)
            .where(RecordVersionRow.batch_id.in_(used))
            .distinct()
        )
        if laptops.relayed(sender, origin)
    }
    return [
        BatchInfo(
            r.batch_id,
            ("relayed by event hub {}" if r.batch_id in relays else "received from {}").format(
                labels.get(r.device_id, r.device_id)
            ),
            labels.get(r.device_id, ""),
            _iso(r.received_at)[:10],
            "received",
        )
        for r in rows
    ]


def _write_files(session: Session, files: dict[str, str], folder: Path) -> tuple[int, int]:
    """Writes each named file the server holds into ``folder``; (written, not held)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, record_id in files.items():
        content = file_content(session, record_id, name)
        if content is None:
            continue
        (folder / name).write_bytes(content)
        written += 1
    return written, len(files) - written


def export_from_server(
    engine: Engine, request: ServerExportRequest, *, work: Work | None = None
) -> ExportResult:
    factory = session_factory(engine)
    with factory() as session:
        form = newest_form(session, request.form_id)
        if request.batch_id is not None and session.get(BatchRow, request.batch_id) is None:
            raise DeskError("The server has received no batch with that id.", exit_code=2)
        labels = dict(session.execute(select(DeviceRow.device_id, DeviceRow.label)).all())
        total = session.scalar(
            select(func.count())
            .select_from(RecordRow)
            .join(RecordVersionRow, RecordRow.head_version_id == RecordVersionRow.version_id)
            .where(*_scope(request.form_id, request.batch_id))
        )
        scope = "all batches" if request.batch_id is None else f"batch {request.batch_id}"
        context = ExportContext(
            exported_by=request.exported_by,
            scope=scope,
            batches=_batches(session, request, labels),
            total=int(total or 0),
            source="server",
        )
        persons = PersonMerger(session, request.form_id)  # one row per person after a merge (dedup)
        context.total = max(0, (context.total or 0) - persons.folded)
        files: dict[str, str] = {}  # attachment name -> a record holding it, in export order
        result = export_records(
            persons.form(form),
            collect_attachments(form, persons.rows(_records(session, request, labels)), files),
            context,
            out=request.out,
            file_format=request.file_format,
            password=request.password,
            options=ColumnOptions(language=request.language),
            work=work,
        )
        if files and request.password is not None:
            result.attachments_not_written = len(files)
        elif files:
            result.attachments_folder = attachments_folder(request.out)
            result.attachments, missing = _write_files(session, files, result.attachments_folder)
            result.attachments_not_written = missing
    # The server's own log gets the scope, count and file hash: never a value.
    log.info(
        "export: form %s, %s, %d records, %s, sha256 %s",
        request.form_id,
        scope,
        result.records,
        request.file_format,
        result.file_sha256[result.files[0].name],
    )
    return result
