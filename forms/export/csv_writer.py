"""The CSV book: one UTF-8 file (with a BOM, so Excel on Windows keeps Conceição and São Tomé intact)
per table: the main table at the chosen name, each repeat, the dictionary and the metadata beside it
as ``<name>-<table>.csv``. Every file is written atomically and all appear together at the end.

CSV has no cell types, so a formula-like text gets a leading apostrophe, and long texts are kept
whole (Excel's 32,767-character limit applies to its sheets, not to the file).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from .atomic import AtomicFile
from .cells import CellStats, looks_like_formula, neutralise_for_csv

_UNSAFE_FILE_CHARS = re.compile(r"[^\w.() -]+")


def table_path(main: Path, table: str | None) -> Path:
    """Where a table goes: the main table at ``main``, the others beside it."""
    if table is None:
        return main
    safe = _UNSAFE_FILE_CHARS.sub("_", table).strip() or "table"
    return main.with_name(f"{main.stem}-{safe}{main.suffix or '.csv'}")


class CsvBook:
    def __init__(self, main_path: Path) -> None:
        self.main_path = main_path
        self.stats = CellStats()
        self._files: dict[str, tuple[AtomicFile, io.TextIOWrapper, Any]] = {}
        self.paths: list[Path] = []

    def add_table(self, title: str, headers: list[str], *, main: bool = False) -> None:
        path = table_path(self.main_path, None if main else title)
        if path in self.paths:
            path = table_path(self.main_path, f"{title}-{len(self.paths)}")
        target = AtomicFile(path)
        # utf-8-sig writes the BOM Excel looks for; newline="" lets csv write \r\n itself
        text = io.TextIOWrapper(target.file, encoding="utf-8-sig", newline="", write_through=False)
        writer = csv.writer(text)
        self._files[title] = (target, text, writer)
        self.paths.append(path)
        writer.writerow(self._safe_row(list(headers)))

    def append(self, title: str, row: list[Any]) -> None:
        self._files[title][2].writerow(self._safe_row(row))

    def _safe_row(self, row: list[Any]) -> list[Any]:
        for position, value in enumerate(row):
            if value.__class__ is str and looks_like_formula(value):
                self.stats.neutralised += 1
                row[position] = neutralise_for_csv(value)
        return row

    def commit(self) -> None:
        for _target, text, _ in self._files.values():
            text.flush()
            text.detach()  # keep the binary file open for commit's fsync
        for target, _, _ in self._files.values():
            target.commit()

    def abort(self) -> None:
        for target, _, _ in self._files.values():
            target.abort()
