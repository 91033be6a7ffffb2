"""Read a spreadsheet a person filled in (CSV or XLSX) as rows of cells keyed by column name.

Row numbers are the ones the person sees in the file (the header is row 1), so a report can point at
the exact row. Cells are returned as the file holds them (str for CSV; str, int, float, datetime for
XLSX); turning them into answers is ``forms.importing.convert``'s job.

Every file is held to the bounds of ``forms.importing.limits`` before and while it is read: its size
first, an .xlsx package by ``xlsx_guard`` before openpyxl opens it, then each row, cell and the
text of the whole file as the rows come.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ImportFileError
from .limits import MAX_COLUMNS, MAX_HEADER_CHARS, Budget, cell_too_long, file_too_big
from .xlsx_guard import check_xlsx, damaged

__all__ = ["ImportFileError", "SourceRow", "Table", "read_table", "sheet_titles", "sniff_delimiter"]

CSV_DELIMITERS = ",;\t"
# Enough of the file to see the header and a few rows when guessing the delimiter.
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class SourceRow:
    """One non-empty row: ``number`` is the row as shown in the file, ``cells`` keyed by column."""

    number: int
    cells: dict[str, Any]


class Table:
    """The header and the rows of the first sheet (XLSX) or of the file (CSV), read lazily."""

    def __init__(self, columns: list[str], rows: Iterator[SourceRow], row_count: int | None) -> None:
        self.columns = columns
        self._rows = rows
        # An upper bound used for progress (empty rows are skipped later), None if unknown.
        self.row_count = row_count

    def __iter__(self) -> Iterator[SourceRow]:
        return self._rows


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The first sheet (or the sheet titled ``sheet``) of an .xlsx, or the rows of a .csv."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError("no_such_file", path.name)
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportFileError("cannot_read", path.name) from None
    too_big = file_too_big(path.name, size)
    if too_big is not None:
        raise too_big
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    raise ImportFileError("not_a_spreadsheet", path.name)


def _header(raw: list[Any], filename: str) -> list[str]:
    columns = [("" if cell is None else str(cell)).strip() for cell in raw]
    while columns and columns[-1] == "":
        columns.pop()
    if not any(columns):
        raise ImportFileError("no_header", filename)
    if len(columns) > MAX_COLUMNS:
        raise ImportFileError("too_many_columns", filename, MAX_COLUMNS)
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        if name == "":
            raise ImportFileError("unnamed_header", filename, index)
        if name in seen:
            raise ImportFileError("column_twice", filename, name)
        seen.add(name)
    return columns


def _is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() == "")


def _row(
    columns: list[str], number: int, values: list[Any] | tuple[Any, ...], budget: Budget
) -> SourceRow | None:
    budget.row_number(number)
    filled = [(index, value) for index, value in enumerate(values, start=1) if not _is_empty(value)]
    if not filled:
        return None
    for index, value in filled:
        budget.cell(number, index, value)
    cells = {name: values[i] for i, name in enumerate(columns) if i < len(values)}
    extra = [v for v in values[len(columns) :] if not _is_empty(v)]
    if extra:
        # A value under no header cannot be placed: flag it rather than drop it silently.
        cells[""] = extra[0]
    return SourceRow(number, cells)


# --- CSV ------------------------------------------------------------------------------------------
def _decode(data: bytes, filename: str) -> str:
    try:
        return data.decode("utf-8-sig")  # Excel writes a BOM; tolerate both
    except UnicodeDecodeError:
        raise ImportFileError("not_utf8", filename) from None


def sniff_delimiter(sample: str) -> str:
    """',' or ';' (Excel in French or Portuguese locales writes ';') or a tab, from the header line."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        counts = {d: first_line.count(d) for d in CSV_DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, one at a time (io.StringIO would hold a copy of the
    whole file in four bytes a character)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


def _read_csv(path: Path) -> Table:
    try:
        raw = path.read_bytes()
    except OSError:
        raise ImportFileError("cannot_read", path.name) from None
    text = _decode(raw, path.name)
    del raw
    # The header decides: sniffing data rows can be fooled by commas inside addresses or remarks.
    # A header line is short; a huge one is refused before the sniffer (slow on long text) sees it.
    end = text.find("\n", 0, MAX_HEADER_CHARS + 1)
    if end < 0 and len(text) > MAX_HEADER_CHARS:
        raise ImportFileError("header_too_long", path.name, MAX_HEADER_CHARS)
    header_line = text[: end if end >= 0 else len(text)]
    delimiter = sniff_delimiter(header_line)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError("empty", path.name) from None
    except csv.Error:
        raise ImportFileError("header_not_csv", path.name) from None
    columns = _header(header, path.name)
    row_count = max(text.count("\n") - 1, 0) + (0 if text.endswith("\n") else 1)
    budget = Budget(path.name)

    def rows() -> Iterator[SourceRow]:
        number = 1
        try:
            for values in reader:
                number += 1  # the record's row as a spreadsheet shows it (quoted newlines stay inside)
                row = _row(columns, number, values, budget)
                if row is not None:
                    yield row
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise cell_too_long(path.name, number + 1) from None
            raise ImportFileError("row_not_csv", path.name, number + 1) from None

    return Table(columns, rows(), row_count)


# --- XLSX -----------------------------------------------------------------------------------------
def sheet_titles(path: Path) -> list[str]:
    """The sheet titles of an .xlsx (checked by xlsx_guard first), in workbook order."""
    from openpyxl import load_workbook

    check_xlsx(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl's parse errors are of many kinds; none may escape as a traceback
        raise damaged(path.name) from None
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _read_xlsx(path: Path, sheet_title: str | None = None) -> Table:
    from openpyxl import load_workbook

    shape = check_xlsx(path)  # sizes, ratios, DTDs, cells, rows: before openpyxl reads anything
    try:
        # data_only: a formula cell gives its last computed value, never the formula text.
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0] if sheet_title is None else workbook[sheet_title]
        max_row = sheet.max_row
        # The dimension a file declares is not trusted: openpyxl would pad every row to it.
        sheet.reset_dimensions()
        iterator = sheet.iter_rows(values_only=True, max_col=max(shape.max_value_column, 1))
        header = next(iterator, None)
    except Exception:  # openpyxl's parse errors are of many kinds; none may escape as a traceback
        raise damaged(path.name) from None
    if header is None:
        workbook.close()
        if sheet_title is None:
            raise ImportFileError("first_sheet_empty", path.name)
        raise ImportFileError("sheet_empty", path.name, sheet_title)
    columns = _header(list(header), path.name)
    row_count = max_row - 1 if isinstance(max_row, int) and 1 < max_row <= 1_048_576 else None
    budget = Budget(path.name)

    def rows() -> Iterator[SourceRow]:
        try:
            for number, values in _numbered(iterator, path.name):
                row = _row(columns, number, values, budget)
                if row is not None:
                    yield row
        finally:
            workbook.close()

    return Table(columns, rows(), row_count)


def _numbered(iterator: Iterator[tuple[Any, ...]], filename: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    number = 1
    while True:
        try:
            values = next(iterator)
        except StopIteration:
            return
        except Exception:  # checked by xlsx_guard, yet a damaged part can still fail while parsed
            raise damaged(filename) from None
        number += 1
        yield number, values
