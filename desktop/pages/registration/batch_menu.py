"""Ctrl+B on the registration page: open, switch or close the batch being filled, with the keyboard.

A menu under the batch button lists the operator's open batches (the current one ticked), then "Open a
new batch..." and "Close the current batch". Only this menu and the batch button change the current
batch (forms.store.current_batch): an import, a lock or another operator never does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage
    from forms.store.batches import BatchInfo


class BatchMenu(QObject):
    """The menu; the page connects ``chosen`` (the batch now current) and ``failed`` (a store error)."""

    chosen = Signal(object)
    failed = Signal(object)

    def __init__(self, page: RegistrationPage) -> None:
        super().__init__(page)
        self.page = page
        self.menu: QMenu | None = None

    def show(self) -> None:
        """Read the open batches on the lane, then pop the menu up under the batch button."""
        from forms.store.current_batch import open_batches_of_operator

        self.page.context.lane.run(open_batches_of_operator, self._batches_read, self.failed.emit)

    def _batches_read(self, batches: list[BatchInfo]) -> None:
        page = self.page
        menu = QMenu(page)
        menu.setObjectName("batch_menu")
        current = page.batch.id if page.batch is not None else None
        for batch in batches:
            text = self.tr("%1, %2, %3").replace("%1", batch.name).replace("%2", batch.place or "-")
            action = QAction(text.replace("%3", batch.day), menu)
            action.setCheckable(True)
            action.setChecked(batch.id == current)
            action.triggered.connect(lambda _=False, b=batch: self.choose(b.id))
            menu.addAction(action)
        if batches:
            menu.addSeparator()
        menu.addAction(self.tr("Open a new batch..."), page.open_new_batch).setObjectName("open_new")
        if current is not None:
            close = menu.addAction(self.tr("Close the current batch"), page.close_current_batch)
            close.setObjectName("close_current")
        checked = next((a for a in menu.actions() if a.isChecked()), None)
        menu.setActiveAction(checked or menu.actions()[0])
        self.menu = menu
        menu.aboutToHide.connect(menu.deleteLater)
        menu.aboutToHide.connect(lambda: setattr(self, "menu", None))
        menu.popup(page.batch_button.mapToGlobal(QPoint(0, page.batch_button.height())))

    def choose(self, batch_id: str) -> None:
        from forms.store.current_batch import choose_current_batch

        self.page.context.lane.run(
            lambda store: choose_current_batch(store, batch_id), self.chosen.emit, self.failed.emit
        )
