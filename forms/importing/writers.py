"""Write rows of answers as a spreadsheet the importer reads back: CSV (UTF-8 with a BOM, so Excel
shows Conceição and N'Guessan correctly) or XLSX (dates as date cells, text columns as text).

Used for demo data; the columns are the form's field names, in template order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forms.errors import DeskError
from forms.store.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question


def _csv_bytes(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(name) is None else row[name] for name in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_bytes(columns: list[str], rows: Iterable[Mapping[str, Any]], date_columns: set[str]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("registrations")
    sheet.append(columns)
    for row in rows:
        sheet.append(_cells(sheet, columns, row, date_columns))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cells(sheet: Any, columns: list[str], row: Mapping[str, Any], date_columns: set[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell

    cells: list[Any] = []
    for name in columns:
        value = row.get(name)
        if name in date_columns and isinstance(value, str) and value:
            cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
            cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        elif isinstance(value, str) and value.startswith("="):
            # openpyxl would store it as a formula; a value is never a formula (docs/security.md)
            cells.append(_text_cell(sheet, value))
        else:
            cells.append(value)
    return cells


def _text_cell(sheet: Any, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would store a leading "=" as a formula
    return cell


def write_rows(
    path: Path, columns: list[str], rows: Iterable[Mapping[str, Any]], date_columns: set[str] | None = None
) -> None:
    """Write ``rows`` to ``path`` (.csv or .xlsx), atomically."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = _csv_bytes(columns, rows)
    elif suffix == ".xlsx":
        data = _xlsx_bytes(columns, rows, date_columns or set())
    else:
        raise DeskError(f"cannot write {path.name}: name the file .csv or .xlsx", exit_code=2)
    atomic_write_bytes(path, data)


def write_linked(path: Path, form: FormDefinition, submissions: Sequence[Mapping[str, Any]]) -> None:
    """Write whole submissions as the export lays them out (forms.importing.linked reads it back): the
    first sheet one row per submission with its ``_index``, a sheet per repeat whose rows name their
    row by ``_parent_index``. A .csv gets the first sheet only (a flat file holds no repeats)."""
    from .linked import INDEX, PARENT_INDEX, direct_fields, direct_repeats

    def importable(questions: list[Question]) -> list[Question]:
        return [
            q for q in direct_fields(questions)
            if q.answerable and not q.preload and q.type not in ("metadata", "hidden")
        ]  # fmt: skip

    main_fields = importable(form.questions)
    main_columns = [q.name for q in main_fields]
    dates = {
        q.name for top in form.questions for q in top.walk() if q.kind == "question" and q.type == "date"
    }
    if path.suffix.lower() == ".csv":
        write_rows(path, main_columns, submissions, dates)
        return
    sheets: list[tuple[str, list[str], list[dict[str, Any]]]] = []
    main_rows: list[dict[str, Any]] = []
    repeat_rows: dict[str, list[dict[str, Any]]] = {}
    repeat_columns: dict[str, list[str]] = {}
    counters: dict[str, int] = {}

    def walk(
        repeats: list[Question], answers: Mapping[str, Any], parent_table: str, parent_index: int
    ) -> None:
        for repeat in repeats:
            title = repeat.name
            repeat_columns.setdefault(title, [q.name for q in importable(repeat.children)])
            for instance in answers.get(repeat.name) or []:
                counters[title] = counters.get(title, 0) + 1
                row = {name: instance.get(name) for name in repeat_columns[title]}
                row.update(
                    {INDEX: counters[title], "_parent_table_name": parent_table, PARENT_INDEX: parent_index}
                )
                repeat_rows.setdefault(title, []).append(row)
                walk(direct_repeats(repeat.children), instance, title, counters[title])

    main_title = form.title or form.form_id or "data"
    for number, answers in enumerate(submissions, start=1):
        row = {name: answers.get(name) for name in main_columns}
        row[INDEX] = number
        main_rows.append(row)
        walk(direct_repeats(form.questions), answers, main_title, number)
    sheets.append((main_title, [*main_columns, INDEX], main_rows))
    for title, rows in repeat_rows.items():
        extra = [INDEX, "_parent_table_name", PARENT_INDEX]
        sheets.append((title, [*repeat_columns[title], *extra], rows))
    atomic_write_bytes(path, _workbook_bytes(sheets, dates))


def _workbook_bytes(
    sheets: list[tuple[str, list[str], list[dict[str, Any]]]], date_columns: set[str]
) -> bytes:
    from openpyxl import Workbook

    from forms.export.columns import unique_title

    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(unique_title(title, taken))
        sheet.append(columns)
        for row in rows:
            sheet.append(_cells(sheet, columns, row, date_columns))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
