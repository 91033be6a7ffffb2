"""Exports from the desk's encrypted store: the supervisor's rule, the records query and the audit
entry around ``export_records``. Used by ``diaspora-desk export`` and the Export dialog.

Exported: the latest version of each record of the shipped form, when that version is final (drafts
are work in progress), in the order they were registered. Files attached to the exported answers are
written to ``<workbook>_attachments/`` beside it (never beside a password-protected export: the result says
how many were left out). The query streams rows (no ORM objects,
no list of everything); the audit entry holds the scope, counts and hashes, never a personal value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from forms.engine import load_form, shipped_form_path
from forms.engine.definition import FormDefinition
from forms.engine.model import ATTACHMENT_TYPES
from forms.errors import DeskError
from forms.store import NotAllowedError, Store
from forms.store.attachments import attachment_names, export_files
from forms.store.batches import batches_by_day
from forms.store.records import count_final_versions, final_versions
from forms.work import Work

from .columns import ColumnOptions
from .exporter import ExportResult, export_records
from .progress import ExportCancelled
from .source import BatchInfo, ExportContext, ExportRecord

EXPORT_ACTION, EXPORT_CANCELLED_ACTION, EXPORT_REFUSED_ACTION = "export", "export_cancelled", "export_refused"
STREAM_CHUNK = 500


@dataclass(frozen=True)
class DeskExportRequest:
    out: Path
    batch_id: str | None = None  # None: every batch
    file_format: str = "xlsx"
    password: str | None = None
    language: str | None = None  # labels instead of field names, in this language


def _records(
    session: Session, form: FormDefinition, batch_id: str | None, device_id: str
) -> Iterator[ExportRecord]:
    for row in final_versions(session, str(form.form_id), batch_id, STREAM_CHUNK):
        yield ExportRecord(
            record_id=row.record_id,
            version_id=row.version_id,
            batch_id=row.batch_id,
            operator=row.operator,
            device_id=device_id,
            created_at=row.created_at,
            updated_at=row.updated_at,
            status=row.status,
            answers=json.loads(row.answers),
            answers_json=row.answers,
        )


def export_from_store(
    store: Store,
    request: DeskExportRequest,
    *,
    work: Work | None = None,
    form: FormDefinition | None = None,
) -> ExportResult:
    """Export as ``store.operator``; only a supervisor may. Every outcome is in the audit log."""
    scope = "all batches" if request.batch_id is None else f"batch {request.batch_id}"
    scope_details = {"scope": "all" if request.batch_id is None else "batch", "batch_id": request.batch_id,
                     "format": request.file_format}  # fmt: skip
    if not store.operator.is_supervisor:
        store.audit(EXPORT_REFUSED_ACTION, **scope_details)
        raise NotAllowedError("Only a supervisor may export records; ask a supervisor to run the export.")
    form = form or load_form(shipped_form_path())
    device_id = store.device_id
    # read_only: a long export must not hold the write lock the clerks' saves (and the audit) need
    with store.session(read_only=True) as session:
        batches = [BatchInfo(b.id, b.name, b.place, b.day, b.status)
                   for b in batches_by_day(session, request.batch_id)]  # fmt: skip
        if request.batch_id is not None and not batches:
            raise DeskError("there is no batch with that id in this store", exit_code=2)
        total = count_final_versions(session, str(form.form_id), request.batch_id)
        context = ExportContext(exported_by=store.operator.name, scope=scope, batches=batches,
                                total=total, source="desk")  # fmt: skip
        names: dict[str, str] = {}  # attachment name -> the first record holding it, in export order
        try:
            result = export_records(
                form,
                collect_attachments(form, _records(session, form, request.batch_id, device_id), names),
                context,
                out=request.out,
                file_format=request.file_format,
                password=request.password,
                options=ColumnOptions(language=request.language),
                work=work,
            )
        except ExportCancelled:
            store.audit(EXPORT_CANCELLED_ACTION, **scope_details)
            raise
        if names and request.password is not None:
            result.attachments_not_written = len(names)
        elif names:
            folder = attachments_folder(request.out)
            result.attachments, _missing = export_files(session, list(names), folder)
            result.attachments_folder = folder
    main_file = result.files[0].name
    store.audit(
        EXPORT_ACTION,
        **scope_details,
        records=result.records,
        files=len(result.files),
        encrypted=result.encrypted,
        file_sha256=result.file_sha256[main_file],
        data_sha256=result.data_sha256,
        attachments=result.attachments,
    )
    return result


def attachments_folder(out: Path) -> Path:
    """Where an export's attachments go: ``<workbook name>_attachments`` beside the workbook."""
    return out.parent / f"{out.stem}_attachments"


def collect_attachments(
    form: FormDefinition, records: Iterable[ExportRecord], found: dict[str, str]
) -> Iterator[ExportRecord]:
    """The records as they are exported, noting in ``found`` each attachment name their answers hold and
    the first record holding it (in export order). The desk's export and the central server's
    (sync/server/export.py, which reads a file by record) both collect the files to write this way."""
    if not any(q.type in ATTACHMENT_TYPES for q in form.by_path.values()):
        yield from records
        return
    for record in records:
        for name in attachment_names(form, record.answers):
            found.setdefault(name, record.record_id)
        yield record
