"""One export, from records to a finished file: the entry point the desk, the CLI, the GUI dialog and
the central server call.

    result = export_records(form, records, context, out=Path("day.xlsx"), file_format="xlsx")

Records are streamed once: each becomes its main row and repeat rows, is counted and hashed; the
caller's ``Work`` (forms.work) is checked for a cancel between records and told the progress every few
hundred. Nothing appears at ``out`` unless the export finished (see atomic.py); an encrypted XLSX never
exists in plaintext on disk.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from forms.engine.definition import FormDefinition
from forms.errors import DeskError
from forms.work import Work

from .atomic import AtomicFile, check_destination
from .cells import EXCEL_MAX_ROWS, CellStats
from .columns import ColumnOptions, Layouts, unique_title
from .csv_writer import CsvBook
from .encrypted import check_password, encrypt_xlsx_to
from .progress import EXPORTING, ExportCancelled
from .reference import Tally, dictionary_rows, metadata_rows
from .source import ExportContext, ExportRecord
from .xlsx import XlsxBook

FORMATS = ("xlsx", "csv")
PROGRESS_EVERY = 250


@dataclass
class ExportResult:
    files: list[Path]
    file_sha256: dict[str, str]  # file name -> SHA-256 of the bytes written
    records: int
    rows: dict[str, int]  # sheet/table title -> data rows
    data_sha256: str
    truncated_cells: int
    neutralised_cells: int
    encrypted: bool
    file_format: str
    batches: list[str] = field(default_factory=list)
    # files attached to answers (forms.store.attachments), written to a folder beside the workbook
    attachments: int = 0
    attachments_folder: Path | None = None
    attachments_not_written: int = 0  # an encrypted export writes no plaintext files beside it


def export_records(
    form: FormDefinition,
    records: Iterable[ExportRecord],
    context: ExportContext,
    *,
    out: Path,
    file_format: str = "xlsx",
    password: str | None = None,
    options: ColumnOptions | None = None,
    work: Work | None = None,
    max_rows: int = EXCEL_MAX_ROWS,
) -> ExportResult:
    if file_format not in FORMATS:
        raise DeskError(f"unknown export format '{file_format}': use xlsx or csv", exit_code=2)
    if password is not None and file_format != "xlsx":
        raise DeskError("an encrypted export is an XLSX file: use --format xlsx with a password", exit_code=2)
    if password is not None:
        check_password(password)
    destination = check_destination(out)
    options = options or ColumnOptions()
    options = dataclasses.replace(options, typed=file_format == "xlsx")
    taken: set[str] = set()
    layouts = Layouts(form, options, taken)
    reserved = [unique_title("dictionary", taken), unique_title("metadata", taken)]
    work = work or Work()
    if file_format == "xlsx":
        return _export_xlsx(form, records, context, layouts, reserved, destination, password,
                            work, max_rows, taken)  # fmt: skip
    return _export_csv(form, records, context, layouts, reserved, destination, work)


def _stream(
    records: Iterable[ExportRecord],
    layouts: Layouts,
    book: XlsxBook | CsvBook,
    tally: Tally,
    total: int | None,
    work: Work,
) -> None:
    append = book.append
    for record in records:
        work.raise_if_cancelled(ExportCancelled)
        for sheet, row in layouts.rows(record):
            append(sheet.title, row)
        tally.add(record)
        if tally.records % PROGRESS_EVERY == 0:
            work.progress(tally.records, total, EXPORTING)
    work.raise_if_cancelled(ExportCancelled)
    work.progress(tally.records, total, EXPORTING)


def _export_xlsx(
    form: FormDefinition,
    records: Iterable[ExportRecord],
    context: ExportContext,
    layouts: Layouts,
    reserved: list[str],
    destination: Path,
    password: str | None,
    work: Work,
    max_rows: int,
    taken: set[str],
) -> ExportResult:
    # a plain export may spill compressed sheets next to its destination; an encrypted one never does
    spill_dir = destination.parent if password is None else None
    book = XlsxBook(taken, max_rows=max_rows, spill_dir=spill_dir)
    try:
        file_hash = _fill_and_save_xlsx(form, records, context, layouts, reserved, destination, password,
                                        work, book)  # fmt: skip
    except BaseException:
        book.discard()
        raise
    tally = book.tally
    return _result(layouts, tally, book.stats, [destination], {destination.name: file_hash},
                   password is not None, "xlsx")  # fmt: skip


def _fill_and_save_xlsx(
    form: FormDefinition,
    records: Iterable[ExportRecord],
    context: ExportContext,
    layouts: Layouts,
    reserved: list[str],
    destination: Path,
    password: str | None,
    work: Work,
    book: XlsxBook,
) -> str:
    for sheet in layouts.sheets:
        book.add_table(sheet.title, sheet.headers)
    tally = book.tally = Tally()
    _stream(records, layouts, book, tally, context.total, work)
    headers, rows = dictionary_rows(form, layouts)
    book.add_table(reserved[0], headers)
    for row in rows:
        book.append(reserved[0], row)
    exported_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    meta = metadata_rows(form, layouts, context, tally, book.stats, file_format="xlsx",
                         encrypted=password is not None, exported_at=exported_at)  # fmt: skip
    book.add_table(reserved[1], meta[0])
    for row in meta[1:]:
        book.append(reserved[1], row)
    work.raise_if_cancelled(ExportCancelled)
    target = AtomicFile(destination)
    try:
        if password is None:
            book.save(target.file)
        else:
            plain = io.BytesIO()  # the plaintext workbook exists only here, in memory
            book.save(plain)
            work.raise_if_cancelled(ExportCancelled)
            encrypt_xlsx_to(plain, password, target.file)  # only encrypted bytes reach the disk
            plain.close()
        work.raise_if_cancelled(ExportCancelled)
        target.file.seek(0)
        file_hash = _sha256_of(target.file)
        target.commit()
    finally:
        target.abort()
    return file_hash


def _export_csv(
    form: FormDefinition,
    records: Iterable[ExportRecord],
    context: ExportContext,
    layouts: Layouts,
    reserved: list[str],
    destination: Path,
    work: Work,
) -> ExportResult:
    book = CsvBook(destination)
    try:
        for sheet in layouts.sheets:
            book.add_table(sheet.title, sheet.headers, main=sheet is layouts.main)
        tally = Tally()
        _stream(records, layouts, book, tally, context.total, work)
        headers, rows = dictionary_rows(form, layouts)
        book.add_table(reserved[0], headers)
        for row in rows:
            book.append(reserved[0], row)
        exported_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        meta = metadata_rows(form, layouts, context, tally, book.stats, file_format="csv",
                             encrypted=False, exported_at=exported_at)  # fmt: skip
        book.add_table(reserved[1], meta[0])
        for row in meta[1:]:
            book.append(reserved[1], row)
        work.raise_if_cancelled(ExportCancelled)
        book.commit()
    finally:
        book.abort()
    hashes = {}
    for path in book.paths:
        with path.open("rb") as handle:
            hashes[path.name] = _sha256_of(handle)
    return _result(layouts, tally, book.stats, list(book.paths), hashes, False, "csv")


def _sha256_of(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


def _result(
    layouts: Layouts,
    tally: Tally,
    stats: CellStats,
    files: list[Path],
    hashes: dict[str, str],
    encrypted: bool,
    file_format: str,
) -> ExportResult:
    return ExportResult(
        files=files,
        file_sha256=hashes,
        records=tally.records,
        rows=layouts.row_counts(),
        data_sha256=tally.data_sha256,
        truncated_cells=stats.truncated,
        neutralised_cells=stats.neutralised,
        encrypted=encrypted,
        file_format=file_format,
        batches=sorted(tally.batches),
    )
