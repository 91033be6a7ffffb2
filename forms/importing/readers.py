"""Read a spreadsheet a person filled in (CSV or XLSX) as rows of cells keyed by column name.

Row numbers are the ones the person sees in the file (the header is row 1), so a report can point at
the exact row. Cells are returned as the file holds them (str for CSV; str, int, float, datetime for
XLSX); turning them into answers is ``forms.importing.convert``'s job.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forms.errors import DeskError

CSV_DELIMITERS = ",;\t"
# Enough of the file to see the header and a few rows when guessing the delimiter.
SNIFF_BYTES = 64 * 1024


class ImportFileError(DeskError):
    """The file cannot be read as a table (wrong kind, no header, bad encoding). Exit code 2."""

    exit_code = 2


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


def read_table(path: Path) -> Table:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(f"the file {path.name} does not exist or is not a file")
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ImportFileError(f"cannot import {path.name}: only .csv and .xlsx files can be imported")


def _header(raw: list[Any], filename: str) -> list[str]:
    columns = [("" if cell is None else str(cell)).strip() for cell in raw]
    while columns and columns[-1] == "":
        columns.pop()
    if not any(columns):
        raise ImportFileError(f"{filename} has no header row: the first row must hold the field names")
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        if name == "":
            raise ImportFileError(f"{filename}: column {index} of the header row has no name")
        if name in seen:
            raise ImportFileError(f"{filename}: the column {name} appears twice in the header row")
        seen.add(name)
    return columns


def _is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() == "")


def _row(columns: list[str], number: int, values: list[Any] | tuple[Any, ...]) -> SourceRow | None:
    if all(_is_empty(v) for v in values):
        return None
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
        raise ImportFileError(
            f"{filename} is not UTF-8 text: save it as 'CSV UTF-8' (or as .xlsx) and import it again"
        ) from None


def sniff_delimiter(sample: str) -> str:
    """',' or ';' (Excel in French or Portuguese locales writes ';') or a tab, from the header line."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        counts = {d: first_line.count(d) for d in CSV_DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _read_csv(path: Path) -> Table:
    try:
        raw = path.read_bytes()
    except OSError:
        raise ImportFileError(f"cannot read {path.name}: check that you may open it") from None
    text = _decode(raw, path.name)
    # The header decides: sniffing data rows can be fooled by commas inside addresses or remarks.
    header_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(f"{path.name} is empty") from None
    columns = _header(header, path.name)
    row_count = max(text.count("\n") - 1, 0) + (0 if text.endswith("\n") else 1)

    def rows() -> Iterator[SourceRow]:
        number = 1
        try:
            for values in reader:
                number += 1  # the record's row as a spreadsheet shows it (quoted newlines stay inside)
                row = _row(columns, number, values)
                if row is not None:
                    yield row
        except csv.Error:
            raise ImportFileError(f"{path.name}: row {number + 1} is not valid CSV") from None

    return Table(columns, rows(), row_count)


# --- XLSX -----------------------------------------------------------------------------------------
def _read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives its last computed value, never the formula text.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(
            f"{path.name} cannot be opened as an Excel workbook (is it password-protected or damaged?)"
        ) from None
    sheet = workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    try:
        header = list(next(iterator))
    except StopIteration:
        workbook.close()
        raise ImportFileError(f"{path.name}: the first sheet is empty") from None
    columns = _header(header, path.name)
    max_row = sheet.max_row
    row_count = max_row - 1 if isinstance(max_row, int) and max_row > 1 else None

    def rows() -> Iterator[SourceRow]:
        try:
            for number, values in enumerate(iterator, start=2):
                row = _row(columns, number, values)
                if row is not None:
                    yield row
        finally:
            workbook.close()

    return Table(columns, rows(), row_count)
