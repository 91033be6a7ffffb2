"""The part of a dialog that runs long work (an export, an import): the progress bar, one line saying how
far the work is or how it ended (the error sentence too), and the Cancel button that reads Close while
nothing runs.

The work itself is a ``forms.work.Work`` (cancel and progress, no Qt): ``start`` makes a fresh one whose
progress, called on the working thread, reaches the widget through a queued signal, so the window stays
responsive. Cancel (or closing the window, through ``cancel``) cancels that Work; the dialog ends the run
with ``finish`` (a result) or ``fail`` (a failure: the sentence comes from the catalogue,
desktop/windows/errors.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.windows.errors import failure_sentence
from forms.work import Work

# (done, expected or None, the work's progress message) -> the line shown while it runs
Describe = Callable[[int, int | None, str], str]


class WorkProgress(QWidget):
    """Bar, status line and Cancel/Close for one dialog's long work; one run at a time."""

    running_changed = Signal(bool)  # the dialog enables or disables its inputs
    close_requested = Signal()  # Close pressed while nothing runs
    # Emitted on the working thread for each progress report; the widget (on the GUI thread) receives it
    # queued.
    progressed = Signal(int, int, str)  # done, expected (-1 when unknown), message

    def __init__(self, name: str, describe: Describe, parent: QWidget | None = None) -> None:
        """``name`` prefixes the object names (``NAME_progress``, ``NAME_status``, ``cancel_NAME``);
        ``describe`` words the progress line."""
        super().__init__(parent)
        self._describe = describe
        self._work = Work()
        self._running = False
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}_progress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel()
        self.status.setObjectName(f"{name}_status")
        self.status.setWordWrap(True)
        # The dialog puts the button in its own button row, beside its action button.
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"cancel_{name}")
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.progressed.connect(self._show_progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self.retranslate_ui()

    # ----- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel") if self._running else self.tr("Close"))

    # ----- a run -----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def start(self, text: str) -> Work:
        """A new run: a fresh Work to hand to the long function (on the lane), ``text`` shown."""
        signal = self.progressed
        self._work = Work(
            progress=lambda done, total, message: signal.emit(done, -1 if total is None else total, message)
        )
        self._set_running(True)
        self.status.setText(text)
        return self._work

    def finish(self, text: str, *, complete: bool = True) -> None:
        """The run ended with a result: a full bar (an empty one when ``complete`` is False) and ``text``."""
        self._set_running(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if complete else 0)
        self.status.setText(text)

    def fail(self, error: BaseException, fallback: str) -> None:
        """The run failed or was cancelled: an empty bar and the catalogue's sentence for ``error``;
        ``fallback`` for a failure that is not a DeskError (its own text could hold personal data)."""
        self.finish(failure_sentence(error, fallback), complete=False)

    def show_text(self, text: str) -> None:
        """A line that is not about a run (a missing file name, a role that may not run it)."""
        self.status.setText(text)

    def show_error(self, error: BaseException, fallback: str) -> None:
        """A failure outside a run (reading the batches, say), said as the catalogue says it."""
        self.status.setText(failure_sentence(error, fallback))

    def cancel(self) -> None:
        """Cancel the run, if one runs (the dialog closing); the long function stops at its next check."""
        if self._running:
            self._work.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _cancel_or_close(self) -> None:
        if self._running:
            self.cancel()
        else:
            self.close_requested.emit()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.retranslate_ui()
        self.running_changed.emit(running)

    def _show_progress(self, done: int, total: int, message: str) -> None:
        if not self._running:
            return  # a late report of a run that already ended
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy: the total is not known
        self.status.setText(self._describe(done, None if total < 0 else total, message))
