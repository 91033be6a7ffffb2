"""Import a spreadsheet into a batch: every row checked by the form engine first, then every row saved
in ONE store transaction — the file goes in whole or not at all.

A rejected row saves nothing and the report lists every rejected cell (row, column, reason), so the
person fixes the file once and imports it again. Each record is saved the way a clerk's Save does
(record, outbox row and audit entry), plus one audit entry for the import with counts only.

A batch named for the first time is opened in that same transaction (``NewBatch``): an import that
is refused, cancelled or killed leaves no empty batch behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forms.demo_data import is_shipped_form
from forms.store import audit
from forms.store.batches import BATCH_OPEN, BatchInfo, list_batches, open_batch
from forms.store.form_library import set_batch_form
from forms.store.records import save_record
from forms.work import Work

from .check import ImportCancelled, RowProblem, check_columns, check_table
from .errors import ImportFileError
from .fields import app_filled_names
from .linked import read_for_form

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.store import Store

SAVING = "saving"  # the progress message while rows are saved (CHECKING, check.py's, comes first)
IMPORT_AUDIT_ACTION = "records_imported"


@dataclass(frozen=True)
class NewBatch:
    """A batch the import will open, in the transaction that saves its records."""

    name: str
    place: str
    day: str
    id: None = None
    status: str = BATCH_OPEN


ImportBatch = BatchInfo | NewBatch


@dataclass
class ImportReport:
    """What happened: ``imported`` rows saved, or none and the ``problems`` of the rejected rows
    (``rejected`` rows in all; ``left_off`` problems past the listed ones)."""

    filename: str
    rows_read: int = 0
    imported: int = 0
    batch_id: str | None = None
    problems: list[RowProblem] = field(default_factory=list)
    rejected: int = 0
    left_off: int = 0

    @property
    def succeeded(self) -> bool:
        return not self.problems

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


def batch_for_import(store: Store, name: str, place: str = "", day: str | None = None) -> ImportBatch:
    """The open batch called ``name`` (the newest, if several), or a new one to open today — opened
    only when the records are saved, in their transaction."""
    name = name.strip()
    open_batches = [b for b in list_batches(store, status=BATCH_OPEN) if b.name == name]
    if open_batches:
        return max(open_batches, key=lambda b: b.opened_at)
    if not name:
        raise ImportFileError("no_batch_name")
    return NewBatch(name, place.strip(), day or date.today().isoformat())


def form_for_import(store: Store, batch: ImportBatch, form: FormDefinition) -> FormDefinition:
    """The form rows imported into ``batch`` are checked against: an open batch keeps the form it is
    filled with (forms.library); a new batch is opened with ``form``."""
    if batch.id is None:
        return form
    from forms.library import batch_form

    return batch_form(store, batch.id)


def context_answers(form: FormDefinition, batch: ImportBatch, operator: str) -> dict[str, Any]:
    """What the app fills on every registration (hidden questions of the shipped form)."""
    values = {"registration_place": batch.place, "registration_batch": batch.name, "operator": operator}
    return {name: values[name] for name in app_filled_names(form) if values.get(name)}


def import_file(
    store: Store,
    form: FormDefinition,
    path: Path,
    batch: ImportBatch,
    *,
    work: Work | None = None,
) -> ImportReport:
    """Check every row, then save them all in one transaction, or save nothing and report why.

    ``work`` is told the progress (CHECKING, then SAVING); a cancel raises ImportCancelled and saves
    nothing."""
    path = Path(path)
    table = read_for_form(path, form)
    check_columns(form, table.columns, path.name)
    defaults = context_answers(form, batch, store.operator.name)
    work = work or Work()
    checked = check_table(form, table, defaults=defaults, work=work)
    report = ImportReport(path.name, rows_read=checked.rows, batch_id=batch.id)
    if checked.rejected:
        report.problems, report.rejected = checked.problems, checked.rejected
        report.left_off = checked.left_off
        return report
    if not checked.accepted:
        raise ImportFileError("no_rows", path.name, exit_code=1)
    rows = [answers for _, answers in checked.accepted]
    checked.accepted.clear()
    report.batch_id, report.imported = save_all(store, form, batch, rows, work)
    return report


def save_all(
    store: Store,
    form: FormDefinition,
    batch: ImportBatch,
    rows: list[dict[str, Any]],
    work: Work | None = None,
) -> tuple[str, int]:
    """Save checked answers as final records in one transaction (an exception rolls all of them back,
    a batch opened for them included); returns (batch id, records saved).

    Each row goes through a form session, as a clerk's form does, so the saved answers carry the
    computed values and metadata a typed registration carries.
    """
    from forms.library import search_fields

    work = work or Work()
    device_id = store.device_id
    total = len(rows)
    identifying = search_fields(store, form)  # the form's identifying answers are searched
    with store.session() as session:
        if isinstance(batch, NewBatch):
            batch = open_batch(session, batch.name, batch.place, batch.day)
            if not is_shipped_form(form):  # the batch is opened with the form of its records
                set_batch_form(session, batch.id, str(form.form_id))
        batch_id = batch.id
        for done, answers in enumerate(rows, start=1):
            work.raise_if_cancelled(ImportCancelled)
            complete = form.new_session(answers=answers, device_id=device_id).answers()
            save_record(
                session, batch_id, form.form_id, form.version, complete, draft=False, identifying=identifying
            )
            work.progress(done, total, SAVING)
        audit.append(session, IMPORT_AUDIT_ACTION, details={"batch_id": batch_id, "records": total})
    return batch_id, total
