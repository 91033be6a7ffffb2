"""Write rows of answers as a spreadsheet the importer reads back: CSV (UTF-8 with a BOM, so Excel
shows Conceição and N'Guessan correctly) or XLSX (dates as date cells, text columns as text).

Used for demo data; the columns are the form's field names, in template order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from forms.errors import DeskError
from forms.store.atomic import atomic_write_bytes


def _csv_bytes(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(name) is None else row[name] for name in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_bytes(columns: list[str], rows: Iterable[Mapping[str, Any]], date_columns: set[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("registrations")
    sheet.append(columns)
    for row in rows:
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
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
