"""Errors that reach a person: each carries one plain sentence that says what is wrong and where."""

from __future__ import annotations


class DeskError(Exception):
    """An expected failure with a message meant for the person at the keyboard (never a traceback).

    ``exit_code`` is what the CLI exits with. Messages never contain personal values.
    """

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__
