"""Long work seen from outside, without Qt: the one type an export, an import and a sync pass take to be
cancelled and to report how far they are.

The caller (a dialog's Cancel button, the command line, the sync controller) makes a ``Work``, perhaps
with a progress callback, and hands it to the long function; the function calls ``work.progress(done,
total, message)`` as it goes, checks ``work.raise_if_cancelled()`` (or ``work.cancelled``) between
steps, and sleeps its retry delays with ``work.wait(seconds)`` so that a cancel ends the sleep at once.
``cancel`` and ``wake`` may be called from any thread.

    work = Work(progress=lambda done, total, message: print(done, total, message))
    export_records(form, records, context, out=path, work=work)   # another thread: work.cancel()
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from forms.errors import DeskError

# (steps done, steps expected or None when unknown, what is being done: a short fixed word such as
# "checking" or "saving", never a personal value)
Progress = Callable[[int, int | None, str], None]


class Cancelled(DeskError):
    """The person cancelled the work; what it was writing was dropped (each kind says what)."""

    exit_code = 130  # as for Ctrl+C

    def __init__(self, message: str = "the work was cancelled") -> None:
        super().__init__(message)


class Work:
    """Cancel from any thread; report progress; sleep a retry delay that a cancel (or a wake) cuts short.

    A cancel is for good: every later check says cancelled. A wake ends only the current (or next)
    wait, so "Sync now" while a pass backs off tries again at once.
    """

    def __init__(self, progress: Progress | None = None) -> None:
        self._on_progress = progress
        self._condition = threading.Condition()
        self._cancelled = False
        self._woken = False

    # ----- cancelling ------------------------------------------------------------------------------
    def cancel(self) -> None:
        with self._condition:
            self._cancelled = True
            self._condition.notify_all()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def raise_if_cancelled(self, error: Callable[[], BaseException] = Cancelled) -> None:
        """Raise ``error()`` (the kind's own Cancelled: ExportCancelled, ImportCancelled) once cancelled."""
        if self._cancelled:
            raise error()

    def wake(self) -> None:
        """End the current wait early without cancelling (the next wait sleeps its full delay again)."""
        with self._condition:
            self._woken = True
            self._condition.notify_all()

    def wait(self, seconds: float | None) -> bool:
        """Sleep up to ``seconds``; True when cancelled, False when the delay ran out or a wake cut it."""
        with self._condition:
            self._condition.wait_for(lambda: self._cancelled or self._woken, seconds)
            self._woken = False
            return self._cancelled

    # ----- progress --------------------------------------------------------------------------------
    def progress(self, done: int, total: int | None, message: str = "") -> None:
        """Tell the caller how far the work is (on the working thread: a GUI queues it to its own).

        Nothing is told once the work is cancelled: whoever cancelled may be gone (a dialog closed
        mid-run deletes itself), and the next ``raise_if_cancelled`` ends the work."""
        if self._on_progress is not None and not self._cancelled:
            self._on_progress(done, total, message)
