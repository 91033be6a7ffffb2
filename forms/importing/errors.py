"""The one error an import raises for a file it cannot take as a table: one sentence, exit code 2."""

from __future__ import annotations

from forms.errors import DeskError


class ImportFileError(DeskError):
    """The file cannot be read as a table (wrong kind, no header, bad encoding, over a bound). Exit code 2."""

    exit_code = 2
