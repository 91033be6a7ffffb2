"""How an export reports progress and ends when cancelled; the cancel and the progress callback are the
caller's ``forms.work.Work`` (the one type for long work), checked between records."""

from __future__ import annotations

from forms.work import Cancelled

EXPORTING = "exporting"  # the progress message: (records written, records expected or None, EXPORTING)


class ExportCancelled(Cancelled):
    """The export was cancelled; nothing was written at the destination."""

    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")
