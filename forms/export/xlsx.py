"""The XLSX book: sheets streamed as SpreadsheetML text (sheet_xml), deflated in memory (memory_sheets)
on a second thread while the next rows are built, and zipped in one go.

Each table's sheet has its header row in bold and frozen, an autofilter over the header and the rows,
and column widths from the header and the first rows. Handles Excel's limits: a sheet holds 1,048,576
rows (the header included), so a longer table goes on "<title> (2)", "<title> (3)"... with the header
repeated; a cell holds 32,767 characters, so a longer text is cut and ends with "…[truncated]"
(counted in the metadata sheet). Dates and times are real Excel dates; formula-like texts are stored
as text with Excel's quote prefix; integers and decimals are number cells.
"""

from __future__ import annotations

import threading
import zipfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from . import sheet_xml
from .cells import (
    EXCEL_MAX_CHARS,
    EXCEL_MAX_ROWS,
    FORMULA_TRIGGERS,
    ILLEGAL_CHARACTERS_RE,
    CellStats,
    strip_control_characters,
    truncate_for_excel,
)
from .columns import unique_title
from .memory_sheets import CompressedSheetBuffer, write_deflated_entry

CHUNK_CHARS = 1 << 20  # XML text handed to the compressing thread at a time
WIDTH_SAMPLE = 100  # rows held back to size the columns before the sheet's first bytes are written
MAX_WIDTH = 60
MIN_WIDTH = 6
TEXT_CACHE_LENGTH = 40  # texts up to this length have their cell XML cached...
TEXT_CACHE_SIZE = 50_000  # ...this many at a time
_KNOWN_CELLS: dict[Any, str] = {number: f"<c><v>{number}</v></c>" for number in range(-1, 1000)}
_KNOWN_CELLS[None] = "<c/>"
MAX_PENDING = 4  # chunks queued for compression (bounds the memory the second thread may lag by)


@dataclass
class _Sheet:
    """One Excel sheet being written: its XML goes, in chunks, into a compressed buffer."""

    title: str
    headers: list[str]
    buffer: CompressedSheetBuffer
    rows: int = 1  # the header
    sample: list[list[Any]] | None = field(default_factory=list)
    chunk: list[str] = field(default_factory=list)
    chunk_size: int = 0
    closed: bool = False


@dataclass
class _Table:
    title: str
    headers: list[str]
    sheet: _Sheet
    part: int = 1


class XlsxBook:
    """Tables of rows -> one XLSX file. ``max_rows`` is Excel's limit (smaller in tests)."""

    def __init__(
        self, taken_titles: set[str], max_rows: int = EXCEL_MAX_ROWS, spill_dir: Path | None = None
    ) -> None:
        self.stats = CellStats()
        self._taken = taken_titles
        self._max_rows = max_rows
        self._spill_dir = spill_dir  # None: every sheet stays in memory (encrypted exports)
        self._tables: dict[str, _Table] = {}
        self._sheets: list[_Sheet] = []
        self._compressor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xlsx-deflate")
        self._pending: deque[Future[int]] = deque()  # bytes written, unused: .result() re-raises
        self._lock = threading.Lock()
        self._cells: dict[Any, str] = dict(_KNOWN_CELLS)
        self.tally: Any = None  # the exporter's running counts (reference.Tally)

    # --- tables -------------------------------------------------------------------------------------
    def _new_sheet(self, title: str, headers: list[str]) -> _Sheet:
        sheet = _Sheet(title, list(headers), CompressedSheetBuffer(self._spill_dir))
        self._sheets.append(sheet)
        return sheet

    def add_table(self, title: str, headers: list[str]) -> None:
        """``title`` must already be a unique sheet title (see columns.unique_title)."""
        headers = [self._safe_header(h) for h in headers]
        self._tables[title] = _Table(title, headers, self._new_sheet(title, headers))

    def append(self, title: str, row: list[Any]) -> None:
        table = self._tables[title]
        sheet = table.sheet
        if sheet.rows >= self._max_rows:
            self._close(sheet)
            table.part += 1
            continued = unique_title(table.title, self._taken, suffix=f" ({table.part})")
            sheet = table.sheet = self._new_sheet(continued, table.headers)
        sheet.rows += 1
        if sheet.sample is not None:
            sheet.sample.append(self._safe_row(row))
            if len(sheet.sample) >= WIDTH_SAMPLE:
                self._start(sheet)
            return
        text = self._row_xml(sheet.rows, row)
        sheet.chunk.append(text)
        sheet.chunk_size += len(text)
        if sheet.chunk_size >= CHUNK_CHARS:
            self._flush(sheet)

    # --- cells --------------------------------------------------------------------------------------
    def _safe_header(self, header: str) -> str:
        text = strip_control_characters(str(header))
        return text[:EXCEL_MAX_CHARS]

    def _row_xml(self, number: int, row: list[Any]) -> str:
        """One row's XML; texts made safe on the way. One dict lookup per cell finds the XML of
        empty cells, small integers and clean short texts seen before (choice names, 0/1 columns and
        codes repeat on every row); the rest goes through _cell. (Equal keys of other types give the
        same cell: 1.0 finds 1's number cell, the same number. Risky texts are never cached.)"""
        known = self._cells.get
        cell = self._cell
        cells = [known(value) or cell(value) for value in row]
        return f'<row r="{number}">{"".join(cells)}</row>'

    def _cell(self, value: Any) -> str:
        if value.__class__ is not str:
            return sheet_xml.cell_xml(value)
        if not value:
            return "<c/>"
        if value[0] in FORMULA_TRIGGERS or len(value) > EXCEL_MAX_CHARS:
            return sheet_xml.cell_xml(self._risky_text(value))
        if not value.isprintable() and ILLEGAL_CHARACTERS_RE.search(value):
            self.stats.control_characters_removed += 1
            return sheet_xml.cell_xml(strip_control_characters(value))
        cell = sheet_xml.cell_xml(value)
        if len(value) <= TEXT_CACHE_LENGTH:
            if len(self._cells) >= TEXT_CACHE_SIZE:
                self._cells = dict(_KNOWN_CELLS)
            self._cells[value] = cell
        return cell

    def _safe_row(self, row: list[Any]) -> list[Any]:
        """The rows held back for column widths: the same safety as _text_cell, as values."""
        for position, value in enumerate(row):
            if value.__class__ is str and value:
                if value[0] in FORMULA_TRIGGERS or len(value) > EXCEL_MAX_CHARS:
                    row[position] = self._risky_text(value)
                elif ILLEGAL_CHARACTERS_RE.search(value):
                    self.stats.control_characters_removed += 1
                    row[position] = strip_control_characters(value)
        return row

    def _risky_text(self, text: str) -> Any:
        if ILLEGAL_CHARACTERS_RE.search(text):
            self.stats.control_characters_removed += 1
            text = strip_control_characters(text)
        if len(text) > EXCEL_MAX_CHARS:
            self.stats.truncated += 1
            text = truncate_for_excel(text)
        if not text or text[0] not in FORMULA_TRIGGERS:
            return text
        self.stats.neutralised += 1
        return sheet_xml.QuotedText(text)  # Excel's leading apostrophe: shown as typed, never evaluated

    # --- the XML stream -----------------------------------------------------------------------------
    def _start(self, sheet: _Sheet) -> None:
        """Size the columns from the header and the sample, write the sheet's head and the sample."""
        sample, sheet.sample = sheet.sample or [], None
        widths = [float(len(h)) for h in sheet.headers]
        for row in sample:
            for index, value in enumerate(row[: len(widths)]):
                width = sheet_xml.text_width(value)
                if width > widths[index]:
                    widths[index] = width
        widths = [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widths]
        sheet.chunk.append(sheet_xml.sheet_head(widths, frozen=True))
        sheet.chunk.append(sheet_xml.header_xml(sheet.headers))
        first = sheet.rows - len(sample) + 1
        for offset, row in enumerate(sample):
            sheet.chunk.append(sheet_xml.row_xml(first + offset, row))
        sheet.chunk_size = sum(len(part) for part in sheet.chunk)

    def _flush(self, sheet: _Sheet) -> None:
        data = "".join(sheet.chunk).encode("utf-8")
        sheet.chunk, sheet.chunk_size = [], 0
        while len(self._pending) >= MAX_PENDING:
            self._pending.popleft().result()
        self._pending.append(self._compressor.submit(sheet.buffer.write, data))

    def _close(self, sheet: _Sheet) -> None:
        if sheet.closed:
            return
        if sheet.sample is not None:
            self._start(sheet)
        last = sheet_xml.column_letter(max(1, len(sheet.headers)))
        sheet.chunk.append(sheet_xml.sheet_tail(f"A1:{last}{sheet.rows}" if sheet.headers else None))
        self._flush(sheet)
        sheet.closed = True

    def _wait(self) -> None:
        while self._pending:
            self._pending.popleft().result()

    def discard(self) -> None:
        """After a cancel or an error: stop the compressing thread and drop the buffers."""
        for future in self._pending:
            future.cancel()
        self._pending.clear()
        self._compressor.shutdown(wait=True)
        for sheet in self._sheets:
            sheet.chunk = []
            sheet.buffer.discard()
        self._tables.clear()

    def save(self, target: IO[bytes]) -> None:
        """Write the whole XLSX to ``target`` (a file object: an atomic temp file or a BytesIO)."""
        for sheet in self._sheets:
            self._close(sheet)
        self._wait()
        self._compressor.shutdown(wait=True)
        titles = [sheet.title for sheet in self._sheets]
        filters = {
            index: f"A1:{sheet_xml.column_letter(len(sheet.headers))}{sheet.rows}"
            for index, sheet in enumerate(self._sheets)
            if sheet.headers
        }
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:

            def put(name: str, text: str) -> None:
                info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, text.encode("utf-8"))

            put("[Content_Types].xml", sheet_xml.content_types_xml(len(self._sheets)))
            put("_rels/.rels", sheet_xml.ROOT_RELS_XML)
            put("docProps/core.xml", sheet_xml.core_xml(created))
            put("xl/workbook.xml", sheet_xml.workbook_xml(titles, filters))
            put("xl/_rels/workbook.xml.rels", sheet_xml.workbook_rels_xml(len(self._sheets)))
            put("xl/styles.xml", sheet_xml.STYLES_XML)
            for number, sheet in enumerate(self._sheets, start=1):
                write_deflated_entry(archive, f"xl/worksheets/sheet{number}.xml", sheet.buffer)
