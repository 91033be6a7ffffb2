"""Exports of records to XLSX and CSV with KoboToolbox column conventions (no Qt, no database).

Callers (the desk's store, the central server) stream ``ExportRecord``s into ``export_records``.
"""

from __future__ import annotations

from .columns import ColumnOptions
from .exporter import FORMATS, ExportResult, export_records
from .progress import CancelToken, ExportCancelled, ProgressCallback
from .source import BatchInfo, ExportContext, ExportRecord

__all__ = [
    "FORMATS",
    "BatchInfo",
    "CancelToken",
    "ColumnOptions",
    "ExportCancelled",
    "ExportContext",
    "ExportRecord",
    "ExportResult",
    "ProgressCallback",
    "export_records",
]
