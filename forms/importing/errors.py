"""The one error an import raises for a file it cannot take as a table: a refusal code of the catalogue
(forms.importing.reasons.FILE_REFUSALS) and its values, exit code 2."""

from __future__ import annotations

from typing import Any

from forms.errors import DeskError

from .reasons import refusal_message


class ImportFileError(DeskError):
    """The file cannot be read as a table (wrong kind, no header, bad encoding, over a bound). Exit code 2.

    ``code`` is a key of FILE_REFUSALS and ``values`` fill its %1, %2... in order: a str as it is (a file
    name, a sheet, a column), an int as a figure, which each reader writes their own way. The message
    (str(error), what the command line prints) is the catalogue's English sentence filled in; the
    import dialog says the same code in the interface language (reasons.file_refusal)."""

    exit_code = 2

    def __init__(self, code: str, *values: str | int, exit_code: int | None = None) -> None:
        super().__init__(refusal_message(code, values), exit_code=exit_code)
        self.code = code
        self.values: tuple[str | int, ...] = values

    def __reduce__(self) -> tuple[Any, ...]:  # copied or pickled with its code, not its sentence
        return (_rebuilt, (self.code, self.values, self.exit_code))


def _rebuilt(code: str, values: tuple[str | int, ...], exit_code: int) -> ImportFileError:
    return ImportFileError(code, *values, exit_code=exit_code)
