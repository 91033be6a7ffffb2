"""The XLSX book: openpyxl write-only sheets, kept in memory (see memory_sheets), saved in one go.

Handles Excel's limits: a sheet holds 1,048,576 rows (the header included), so a longer table goes on
"<title> (2)", "<title> (3)"... with the header repeated; a cell holds 32,767 characters, so a longer
text is cut and ends with "…[truncated]" (counted in the metadata sheet). Dates and times are real
Excel dates (openpyxl gives them a date number format); formula-like texts are stored as text.
"""

from __future__ import annotations

import contextlib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .cells import (
    EXCEL_MAX_CHARS,
    EXCEL_MAX_ROWS,
    FORMULA_TRIGGERS,
    CellStats,
    strip_control_characters,
    truncate_for_excel,
)
from .columns import unique_title
from .memory_sheets import CompressedSheetBuffer, MemoryExcelWriter, stream_sheet_to_memory


@dataclass
class _Table:
    """A logical table and the Excel sheet it is currently filling."""

    title: str
    headers: list[str]
    sheet: WriteOnlyWorksheet
    rows_in_sheet: int
    part: int = 1


class XlsxBook:
    """Tables of rows -> one XLSX file. ``max_rows`` is Excel's limit (smaller in tests)."""

    def __init__(
        self, taken_titles: set[str], max_rows: int = EXCEL_MAX_ROWS, spill_dir: Path | None = None
    ) -> None:
        self.workbook = Workbook(write_only=True)
        self.stats = CellStats()
        self._taken = taken_titles
        self._max_rows = max_rows
        self._spill_dir = spill_dir  # None: every sheet stays in memory (encrypted exports)
        self._tables: dict[str, _Table] = {}
        self.tally: Any = None  # the exporter's running counts (reference.Tally)

    def _new_sheet(self, title: str, headers: list[str]) -> WriteOnlyWorksheet:
        sheet = self.workbook.create_sheet(title)
        stream_sheet_to_memory(sheet, self._spill_dir)
        sheet.append(self._safe_row(sheet, list(headers)))
        return sheet

    def add_table(self, title: str, headers: list[str]) -> None:
        """``title`` must already be a unique sheet title (see columns.unique_title)."""
        self._tables[title] = _Table(title, list(headers), self._new_sheet(title, headers), 1)

    def append(self, title: str, row: list[Any]) -> None:
        table = self._tables[title]
        if table.rows_in_sheet >= self._max_rows:
            table.part += 1
            continued = unique_title(table.title, self._taken, suffix=f" ({table.part})")
            table.sheet = self._new_sheet(continued, table.headers)
            table.rows_in_sheet = 1
        table.sheet.append(self._safe_row(table.sheet, row))
        table.rows_in_sheet += 1

    def _safe_row(self, sheet: WriteOnlyWorksheet, row: list[Any]) -> list[Any]:
        # The common case (no risky text) costs one type check and a few comparisons per cell.
        for position, value in enumerate(row):
            if value.__class__ is str and value:
                if value[0] in FORMULA_TRIGGERS or len(value) > EXCEL_MAX_CHARS:
                    row[position] = self._risky_text(sheet, value)
                elif ILLEGAL_CHARACTERS_RE.search(value):
                    self.stats.control_characters_removed += 1
                    row[position] = strip_control_characters(value)
        return row

    def _risky_text(self, sheet: WriteOnlyWorksheet, text: str) -> Any:
        if ILLEGAL_CHARACTERS_RE.search(text):
            self.stats.control_characters_removed += 1
            text = strip_control_characters(text)
        if len(text) > EXCEL_MAX_CHARS:
            self.stats.truncated += 1
            text = truncate_for_excel(text)
        if not text or text[0] not in FORMULA_TRIGGERS:
            return text
        self.stats.neutralised += 1
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
        cell.quotePrefix = True  # Excel's leading apostrophe: shown as typed, never evaluated
        return cell

    def discard(self) -> None:
        """After a cancel or an error: end every sheet's XML stream cleanly and drop the buffers."""
        for sheet in self.workbook.worksheets:
            if isinstance(sheet, WriteOnlyWorksheet) and not sheet.closed:
                with contextlib.suppress(Exception):
                    sheet.close()
            writer = getattr(sheet, "_writer", None)
            if writer is not None and isinstance(writer.out, CompressedSheetBuffer):
                writer.out.discard()
        self._tables.clear()

    def save(self, target: IO[bytes]) -> None:
        """Write the whole XLSX to ``target`` (a file object: an atomic temp file or a BytesIO)."""
        archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        MemoryExcelWriter(self.workbook, archive).save()
