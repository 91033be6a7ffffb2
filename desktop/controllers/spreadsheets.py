"""Opens the Import and Export dialogs from the main window's File menu.

Both follow the form of the batch being filled (issue 13): the Register page owns it (it reads the
batch's form on the store lane when the batch is chosen, ``RegistrationPage.current_batch_form``), so
the dialogs start from that form. While the page has not heard it yet, the same library call reads it
off the GUI thread (the batch's form on the store lane, the shipped form on a worker).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.tasks import StoreLane, TaskRunner
from desktop.windows.errors import failure_sentence

if TYPE_CHECKING:
    from forms.engine.definition import FormDefinition
    from forms.store import Store
    from forms.store.batches import BatchInfo

log = logging.getLogger(__name__)

# () -> (the current batch or None, its form or None while unknown): the Register page's answer.
BatchForm = Callable[[], "tuple[BatchInfo | None, FormDefinition | None]"]


def load_shipped_form() -> FormDefinition:
    from forms.library import shipped_form

    return shipped_form()


def read_batch_form(store: Store, batch_id: str) -> FormDefinition:
    """On the store lane: the form the batch is filled with (forms.library, cached there)."""
    from forms.library import batch_form

    return batch_form(store, batch_id)


class SpreadsheetDialogsController(QObject):
    def __init__(
        self,
        lane: StoreLane,
        workers: TaskRunner,
        window: QWidget,
        refresh_status: Callable[[], None],
        parent: QObject | None = None,
        batch_form: BatchForm | None = None,
    ) -> None:
        super().__init__(parent)
        self._lane = lane
        self._workers = workers
        self._window = window
        self._refresh_status = refresh_status
        self._batch_form: BatchForm = batch_form or (lambda: (None, None))

    def open_import(self) -> None:
        self._with_form(self._show_import)

    def open_export(self) -> None:
        self._with_form(self._show_export)

    def _with_form(self, then: Callable[[BatchInfo | None, FormDefinition], None]) -> None:
        batch, form = self._batch_form()
        if form is not None:
            then(batch, form)
            return
        if batch is None:
            self._workers.submit(load_shipped_form, lambda loaded: then(None, loaded), self._form_failed)
            return
        batch_id = batch.id
        self._lane.run(
            lambda store: read_batch_form(store, batch_id),
            lambda loaded: then(batch, loaded),
            self._form_failed,
        )

    def _form_failed(self, error: BaseException) -> None:
        log.warning("the registration form could not be loaded: %s", type(error).__name__)
        # a DeskError names the missing form in one sentence
        fallback = self.tr("The registration form could not be loaded; reinstall Diaspora Desk.")
        text = failure_sentence(error, fallback)
        QMessageBox.warning(self._window, self.tr("Form not available"), str(text))

    def _show_import(self, batch: BatchInfo | None, form: FormDefinition) -> None:
        from desktop.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._lane, form, self._window, batch_name=batch.name if batch else None)
        dialog.records_imported.connect(lambda _batch, _count: self._refresh_status())
        self._show(dialog)

    def _show_export(self, _batch: BatchInfo | None, form: FormDefinition) -> None:
        from desktop.dialogs.export_dialog import ExportDialog

        self._show(ExportDialog(self._lane, form, self._window))

    @staticmethod
    def _show(dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
