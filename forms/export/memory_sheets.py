"""Keeping openpyxl's write-only sheets off the disk.

openpyxl's write-only mode streams each sheet's XML into a temporary file in the system temp folder
and zips those files on save. For an export that would leave plaintext personal data in /tmp (and
after a crash, keep it there). Instead each sheet streams into a ``CompressedSheetBuffer`` (zlib in
memory, ~20x smaller than the XML), and ``MemoryExcelWriter`` streams it back into the zip entry.

Relies on openpyxl 3.1 internals (``WorksheetWriter(ws, out=...)`` and ``ExcelWriter.write_worksheet``),
pinned in constraints.txt; tests/forms/export cover it.
"""

from __future__ import annotations

import zlib
from typing import IO

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

_REPLAY_CHUNK = 1 << 20


class CompressedSheetBuffer:
    """A write-only file object holding what is written as deflate data in memory."""

    def __init__(self) -> None:
        # level 1: fast; the zip entry is compressed again at the archive's level on save
        self._compressor = zlib.compressobj(1)
        self._chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        packed = self._compressor.compress(data)
        if packed:
            self._chunks.append(packed)
        return len(data)

    def flush(self) -> None:  # lxml may call it; the data stays buffered until replay
        return None

    def replay_into(self, target: IO[bytes]) -> None:
        """Write the uncompressed bytes to ``target`` and free the buffer as it goes."""
        self._chunks.append(self._compressor.flush())
        inflater = zlib.decompressobj()
        chunks, self._chunks = self._chunks, []
        for packed in chunks:
            target.write(inflater.decompress(packed, _REPLAY_CHUNK))
            while inflater.unconsumed_tail:
                target.write(inflater.decompress(inflater.unconsumed_tail, _REPLAY_CHUNK))
        target.write(inflater.flush())


def stream_sheet_to_memory(sheet: WriteOnlyWorksheet) -> None:
    """Before the first append: give the sheet a writer whose output is an in-memory buffer."""
    writer = WorksheetWriter(sheet, out=CompressedSheetBuffer())
    writer.write_top()
    sheet._writer = writer


class MemoryExcelWriter(ExcelWriter):
    """openpyxl's ExcelWriter, taking the sheets' XML from their in-memory buffers."""

    def write_worksheet(self, ws: WriteOnlyWorksheet) -> None:  # type: ignore[override]
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if ws._writer is None:
            stream_sheet_to_memory(ws)
        if not ws.closed:
            ws.close()
        writer = ws._writer
        ws._rels = writer._rels
        with self._archive.open(ws.path[1:], "w", force_zip64=True) as entry:
            writer.out.replay_into(entry)
        self.manifest.append(ws)
