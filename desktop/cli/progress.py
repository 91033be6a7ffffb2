"""The command line's progress line for long work (an export, an import, a sync): a ``forms.work.Work``
progress callback that redraws one line on a terminal and stays silent when the output is a pipe or a
file (a script's log never fills with carriage returns)."""

from __future__ import annotations

from typing import TextIO


class TerminalProgress:
    """``Checking rows: 1,234/5,000 (24%)`` redrawn in place, once a percent; ``words`` names each
    progress message (``{"checking": "Checking rows"}``); ``finish`` ends the line."""

    def __init__(self, stream: TextIO, words: dict[str, str] | None = None, *, enabled: bool = True) -> None:
        self._stream = stream
        self._words = words or {}
        self._shown: tuple[str, int] | None = None
        try:
            self.enabled = enabled and stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False

    def __call__(self, done: int, total: int | None, message: str = "") -> None:
        if not self.enabled:
            return
        percent = int(done * 100 / total) if total else -1
        if self._shown == (message, percent) and done != total:
            return  # redraw once a percent: a terminal is slow next to the work
        self._shown = (message, percent)
        words = self._words.get(message, message)
        figure = f"{done:,}/{total:,} ({percent}%)" if total else f"{done:,}"
        self._stream.write(f"\r{words}: {figure}   ")
        self._stream.flush()

    def finish(self) -> None:
        if self.enabled and self._shown is not None:
            self._stream.write("\n")
            self._stream.flush()
