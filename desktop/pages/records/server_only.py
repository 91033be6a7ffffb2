"""Which records are only on the server now (issue 19), under the records list.

Retention (forms.store.retention) removes from the laptop the records the server acknowledged and keeps
their ids and dates only (forms.store.purged). Two things here say which:

- a registration reference typed in the search box (or its printed start, ``K7M3-9``) that belongs to
  a removed record gets a sentence naming it, with the day it was removed and the day it was sent;
- "Show which..." (a button, reached with Tab, shown while records of the list are only on the
  server) opens a dialog listing their references, batch, sent and removed days, read from the store a
  page at a time as the list is scrolled.

Every store read runs on the store lane; the panel and the dialog are cleared at a lock.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "ServerOnly"
PAGE_SIZE = 100  # rows read from the store at a time (forms.store.purged.MAX_PAGE is the ceiling)
SHOWN_FOR_A_PREFIX = 3  # sentences shown for a typed start of a reference; more asks for the whole


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def local_day(moment: str) -> QDate:
    """The laptop's local day of a stored UTC ISO time."""
    when = datetime.fromisoformat(moment)
    return QDate.fromString(when.astimezone().date().isoformat(), Qt.DateFormat.ISODate)


def long_day(moment: str) -> str:
    return QLocale().toString(local_day(moment), QLocale.FormatType.LongFormat)


def iso_day(moment: str) -> str:
    return local_day(moment).toString(Qt.DateFormat.ISODate)


def reference_sentence(found: Any) -> str:
    """The sentence naming a registration that is only on the server now (a PurgedRecord)."""
    return (
        _tr(
            "Registration %1 is only on the server now: this laptop removed it on %2 after the server "
            "confirmed it holds it (sent on %3)."
        )
        .replace("%1", found.reference)
        .replace("%2", long_day(found.purged_at))
        .replace("%3", long_day(found.synced_at))
    )


class ServerOnlyPanel(QWidget):
    """Below the records list: the sentence for a typed reference, and "Show which..."."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.setObjectName("server_only_panel")
        self.page = page
        self.lane = page.context.lane
        self.found: list[Any] = []  # removed records the typed text names (ids and dates only)
        self._more = False
        self._generation = 0
        self._batch_id: str | None = None
        self.dialog: ServerOnlyDialog | None = None
        self.reference_label = QLabel()
        self.reference_label.setObjectName("server_only_reference")
        self.reference_label.setWordWrap(True)
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference_label.hide()
        self.show_button = QPushButton()
        self.show_button.setObjectName("show_server_only")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show_button.hide()
        self.show_button.clicked.connect(self.show_which)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reference_label, 1)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        page.model.results_loaded.connect(lambda _total: self.follow_results())
        page.context.lock.registry.register(self)
        self.retranslate_ui()

    # --- following the list -------------------------------------------------------------------------
    def follow_results(self) -> None:
        """After each search of the list: the button follows the count, the sentence the typed text."""
        from forms.store.purged import looks_like_reference_start

        query = self.page.model.query
        self._batch_id = query.batch_id
        self.show_button.setVisible(self.page.model.only_on_server > 0)
        self._generation += 1
        typed = query.text
        if not typed or not looks_like_reference_start(typed):
            self._show_found([], False)
            return
        generation = self._generation

        def work(store: Any) -> list[Any]:
            from forms.store.purged import purged_by_reference

            return purged_by_reference(store, typed, limit=SHOWN_FOR_A_PREFIX + 1)

        self.lane.run(work, partial(self._arrived, generation), lambda _error: None)

    def _arrived(self, generation: int, found: list[Any]) -> None:
        if generation == self._generation:
            self._show_found(found[:SHOWN_FOR_A_PREFIX], len(found) > SHOWN_FOR_A_PREFIX)

    def _show_found(self, found: list[Any], more: bool) -> None:
        self.found, self._more = list(found), more
        lines = [reference_sentence(item) for item in self.found]
        if more:
            lines.append(_tr("More registrations start like this: type the whole reference."))
        self.reference_label.setText("\n".join(lines))
        self.reference_label.setVisible(bool(lines))

    # --- the list of them -----------------------------------------------------------------------------
    def show_which(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ServerOnlyDialog(self.window(), self.lane, self._batch_id)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.show_button.setFocus()

    # --- lock and language ----------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        self._generation += 1
        self._show_found([], False)
        self.show_button.hide()
        if self.dialog is not None:
            self.dialog.model.clear()
            self.dialog.reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.show_button.setText(_tr("Show which..."))
        self.show_button.setToolTip(_tr("List the records of this list that are only on the server now"))
        self._show_found(self.found, self._more)


class PurgedTableModel(QAbstractTableModel):
    """The removed records, most recently removed first, read a page at a time on the lane."""

    def __init__(self, lane: Any, batch_id: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.batch_id = batch_id
        self.rows: list[Any] = []
        self.total = 0
        self._loading = False
        self._generation = 0

    def load(self, on_loaded: Any) -> None:
        """The count and the first page."""
        generation, batch_id = self._generation, self.batch_id

        def work(store: Any) -> tuple[int, int, list[Any]]:
            from forms.store.purged import listed_count, purged_page
            from forms.store.retention import server_only

            return (
                server_only(store, batch_id),
                listed_count(store, batch_id),
                purged_page(store, batch_id, limit=PAGE_SIZE),
            )

        def arrived(found: tuple[int, int, list[Any]]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            counted, self.total, self.rows = found[0], found[1], list(found[2])
            self.endResetModel()
            on_loaded(counted)

        self.lane.run(work, arrived, lambda _error: None)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self.rows:
            return
        self._loading = True
        generation, batch_id, last = self._generation, self.batch_id, self.rows[-1]

        def work(store: Any) -> list[Any]:
            from forms.store.purged import purged_page

            return purged_page(store, batch_id, after=last, limit=PAGE_SIZE)  # on from the last row

        def arrived(rows: list[Any]) -> None:
            self._loading = False
            if generation != self._generation or not rows:
                return
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

        def failed(_error: BaseException) -> None:
            self._loading = False

        self.lane.run(work, arrived, failed)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.reference
        if index.column() == 1:
            if row.batch_name is None:
                return _tr("(a batch no longer on this laptop)")
            return _tr("%1, %2").replace("%1", row.batch_day or "").replace("%2", row.batch_name)
        return iso_day(row.synced_at if index.column() == 2 else row.purged_at)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Registration"), _tr("Batch"), _tr("Sent"), _tr("Removed"))[section]


class ServerOnlyDialog(QDialog):
    """The references of the records that are only on the server now, with batch and days."""

    def __init__(self, parent: QWidget, lane: Any, batch_id: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("server_only_dialog")
        self.setWindowTitle(_tr("Only on the server now"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        intro = QLabel(
            _tr(
                "These records were registered on this laptop and removed from it after the server "
                "confirmed it holds them. The laptop keeps only their registration reference and dates; "
                "the server has the records."
            )
        )
        intro.setWordWrap(True)
        self.unlisted_label = QLabel()
        self.unlisted_label.setObjectName("unlisted")
        self.unlisted_label.setWordWrap(True)
        self.unlisted_label.hide()
        self.model = PurgedTableModel(lane, batch_id, self)
        self.table = QTableView()
        self.table.setObjectName("server_only_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_tr("Close"))
        close.setObjectName("close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.unlisted_label, buttons):
            layout.addWidget(widget)
        self.resize(640, 420)
        self.model.load(self._loaded)

    def _loaded(self, counted: int) -> None:
        unlisted = counted - self.model.total  # removed before this laptop kept references (schema 6)
        if unlisted > 0:
            self.unlisted_label.setText(
                _tr(
                    "%n more record(s) were removed before this laptop kept the references of the records "
                    "it removes; the server has them.",
                    unlisted,
                )
            )
        self.unlisted_label.setVisible(unlisted > 0)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()
