"""Opens the Import and Export dialogs from the main window's File menu.

The form both dialogs need is loaded once, off the GUI thread, the first time either is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.tasks import StoreLane, TaskRunner

log = logging.getLogger(__name__)


def load_shipped_form() -> Any:
    from forms.engine import load_form, shipped_form_path

    return load_form(shipped_form_path())


class SpreadsheetDialogsController(QObject):
    def __init__(
        self,
        lane: StoreLane,
        workers: TaskRunner,
        window: QWidget,
        refresh_status: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lane = lane
        self._workers = workers
        self._window = window
        self._refresh_status = refresh_status
        self._form: Any = None

    def open_import(self) -> None:
        self._with_form(self._show_import)

    def open_export(self) -> None:
        self._with_form(self._show_export)

    def _with_form(self, then: Callable[[Any], None]) -> None:
        if self._form is not None:
            then(self._form)
            return

        def loaded(form: Any) -> None:
            self._form = form
            then(form)

        self._workers.submit(load_shipped_form, loaded, self._form_failed)

    def _form_failed(self, error: BaseException) -> None:
        log.warning("the registration form could not be loaded: %s", type(error).__name__)
        QMessageBox.warning(
            self._window,
            self.tr("Form not available"),
            self.tr("The registration form could not be loaded; reinstall Diaspora Desk."),
        )

    def _show_import(self, form: Any) -> None:
        from desktop.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._lane, form, self._window)
        dialog.records_imported.connect(lambda _batch, _count: self._refresh_status())
        self._show(dialog)

    def _show_export(self, form: Any) -> None:
        from desktop.dialogs.export_dialog import ExportDialog

        self._show(ExportDialog(self._lane, form, self._window))

    @staticmethod
    def _show(dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
