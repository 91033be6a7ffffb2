"""The bounds every imported file is held to, checked before (or while) it is read, so that no file —
damaged, hostile or simply far too big — can make an import take minutes of CPU or hundreds of MB of
memory (issue 14, item 13). Each refusal names what is wrong and the limit (a code of
forms.importing.reasons.FILE_REFUSALS, with the limit as a figure).

The figures are far above a real day's import (a consulate day is a few hundred rows; the bench
imports 10,000) and keep the peak memory of any import under 300 MB.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ImportFileError

MIB = 1024 * 1024

# The file as it is on disk (.csv or .xlsx).
MAX_FILE_BYTES = 32 * MIB
# Rows below the header, blank ones included (a spreadsheet's row number minus one).
MAX_ROWS = 20_000
# Columns that may hold a value (the shipped form has about 60 importable questions).
MAX_COLUMNS = 256
# Cells holding a value, in the whole file.
MAX_CELLS = 1_000_000
# Characters in one cell: Excel's own limit.
MAX_CELL_CHARS = 32_767
# Characters in all the cells of the file together.
MAX_TEXT_CHARS = 48 * 1024 * 1024
# Characters in the header line of a CSV file (60 field names take about 1,500).
MAX_HEADER_CHARS = 64 * 1024
# XLSX (a zip of XML parts): everything uncompressed, one part's compression ratio, the shared strings.
MAX_XLSX_UNCOMPRESSED = 160 * MIB
MAX_XLSX_PART_BYTES = 96 * MIB
MAX_XLSX_PARTS = 1_000
MAX_COMPRESSION_RATIO = 100  # a real sheet compresses 5-20 times; zip bombs 1,000 times
RATIO_CHECKED_ABOVE = 1 * MIB  # tiny parts have odd ratios and cannot hurt
MAX_SHARED_STRINGS_BYTES = 32 * MIB
MAX_SHARED_STRINGS = MAX_CELLS
# Problems kept for the report: past this, rejected rows are counted but not listed.
MAX_LISTED_PROBLEMS = 1_000


def megabytes(size: int) -> int:
    """A size in bytes as the refusals give it: in MiB, which the sentence writes "32 MB"."""
    return size // MIB


@dataclass
class Budget:
    """What one file has used of the bounds so far, counted as its rows are read."""

    filename: str
    cells: int = 0
    chars: int = 0

    def row_number(self, number: int) -> None:
        if number > MAX_ROWS + 1:
            raise ImportFileError("too_many_rows", self.filename, MAX_ROWS)

    def cell(self, number: int, column: int, value: Any) -> None:
        """Count one non-empty cell of row ``number`` (1-based ``column``)."""
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise ImportFileError("too_many_cells", self.filename, MAX_CELLS)
        if isinstance(value, str):
            length = len(value)
            if length > MAX_CELL_CHARS:
                raise cell_too_long(self.filename, number, column)
            self.chars += length
            if self.chars > MAX_TEXT_CHARS:
                raise ImportFileError("too_much_text", self.filename, MAX_TEXT_CHARS)


def cell_too_long(filename: str, row: int | None, column: int | None = None) -> ImportFileError:
    if row and column:
        return ImportFileError("cell_too_long_at", filename, row, column, MAX_CELL_CHARS)
    if row:
        return ImportFileError("row_cell_too_long", filename, row, MAX_CELL_CHARS)
    return ImportFileError("a_cell_too_long", filename, MAX_CELL_CHARS)


def file_too_big(filename: str, size: int) -> ImportFileError | None:
    if size > MAX_FILE_BYTES:
        return ImportFileError("file_too_big", filename, megabytes(MAX_FILE_BYTES))
    return None
