"""Exports of records to XLSX and CSV with KoboToolbox column conventions (no Qt, no database).

Callers (the desk's store, the central server) stream ``ExportRecord``s into ``export_records``.
"""

from __future__ import annotations

from .columns import ColumnOptions
from .exporter import FORMATS, ExportResult, export_records
from .progress import EXPORTING, ExportCancelled
from .source import BatchInfo, ExportContext, ExportRecord

__all__ = [
    "EXPORTING",
    "FORMATS",
    "BatchInfo",
    "ColumnOptions",
    "ExportCancelled",
    "ExportContext",
    "ExportRecord",
    "ExportResult",
    "export_records",
]
