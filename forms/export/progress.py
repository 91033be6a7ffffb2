"""Cancelling and reporting progress from a long export, without any Qt: the GUI and the CLI pass a
token and a callback; the exporter checks the token between records."""

from __future__ import annotations

import threading
from collections.abc import Callable

from forms.errors import DeskError

# (records done, records expected or None)
ProgressCallback = Callable[[int, int | None], None]


class ExportCancelled(DeskError):
    """The export was cancelled; nothing was written at the destination."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


class CancelToken:
    """Set from any thread (the GUI's Cancel button, Ctrl+C); read by the exporting thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise ExportCancelled()
