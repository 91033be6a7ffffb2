"""Bulk import of registrations from a spreadsheet (CSV or XLSX), checked row by row by the form
engine exactly as typing is, and saved whole or not at all; plus the empty import template.

See docs/import.md. No Qt here.
"""

from __future__ import annotations

from .check import CHECKING, CheckedRows, ImportCancelled, RowProblem, check_columns, check_table
from .errors import ImportFileError
from .fields import app_filled_names, importable_questions
from .importer import (
    SAVING,
    ImportBatch,
    ImportReport,
    NewBatch,
    batch_for_import,
    context_answers,
    form_for_import,
    import_file,
    save_all,
)
from .readers import SourceRow, Table, read_table
from .template import write_template

__all__ = [
    "CHECKING", "SAVING", "CheckedRows", "ImportBatch", "ImportCancelled", "ImportFileError", "ImportReport",
    "NewBatch", "RowProblem",
    "SourceRow", "Table", "app_filled_names", "batch_for_import", "check_columns", "check_table",
    "context_answers", "form_for_import", "import_file", "importable_questions", "read_table", "save_all",
    "write_template",
]  # fmt: skip
