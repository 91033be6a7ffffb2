"""The review page. A supervisor sees the batches with their counts, opens one to list its records,
reads a record read-only in the form's layout, sends it back with a comment, and approves the batch
(closing it first). A clerk sees instead the records sent back to them, with the comment, and opens one
in the registration page to correct it (saving it makes the new version that settles the flag).

Every store read and write goes through the store lane; the page registers with the lock's registry so
locking clears the names and comments it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.review import data
from desktop.pages.review.conflicts import ConflictsView
from desktop.pages.review.record_view import record_html
from desktop.pages.review.send_back_dialog import SendBackDialog
from desktop.pages.review.tables import fill, read_only_table
from desktop.windows.errors import failure_reason

if TYPE_CHECKING:
    from desktop.pages import DeskContext
    from forms.store import Store
    from forms.store.review import ReviewFlag

REGISTRATION_PAGE_KEY = "registration"


class ReviewPage(QWidget):
    loaded = Signal()  # the batches (supervisor) or the corrections (clerk) are on screen
    records_loaded = Signal()
    record_shown = Signal()
    message_shown = Signal(str)

    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        self.setObjectName("ReviewPage")
        self.context = context
        self.is_supervisor = False
        self.batch_lines: list[data.BatchLine] = []
        self.record_lines: list[data.RecordLine] = []
        self._chosen_batch_id: str | None = None  # a message is about this batch; another one clears it
        self.corrections: list[tuple[ReviewFlag, str]] = []
        self.send_back_dialog: SendBackDialog | None = None
        self._build()
        context.lock.registry.register(self)
        context.lock.unlocked.connect(self._unlocked)
        window = getattr(context, "window", None)
        if window is not None and hasattr(window, "page_shown"):
            window.page_shown.connect(lambda key: self.reload() if key == "review" else None)
        self.retranslate_ui()

    # ----- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.views = QStackedWidget()
        self.views.addWidget(self._build_supervisor_view())
        self.views.addWidget(self._build_clerk_view())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.message)

    def _build_supervisor_view(self) -> QWidget:
        self.batches = read_only_table("batches", 9)
        self.batches.itemSelectionChanged.connect(self._batch_chosen)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve_selected_batch)
        self.records = read_only_table("batch_records", 4)
        self.records.itemSelectionChanged.connect(self._record_chosen)
        self.send_back_button = QPushButton()
        self.send_back_button.setObjectName("send_back")
        self.send_back_button.clicked.connect(self.ask_send_back)
        # Read-only text, grouped by the form's sections, wrapped to the pane: never a horizontal scroll.
        self.detail = QTextBrowser()
        self.detail.setObjectName("record_detail")
        self.detail.setOpenLinks(False)
        self.detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.detail_lines: list[data.FieldLine] = []
        self.approve_box: QMessageBox | None = None
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        for button in (self.approve_button, self.send_back_button):
            button.setEnabled(False)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.batches)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.approve_button)
        top_layout.addLayout(row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.records)
        left_layout.addWidget(self.send_back_button, 0, Qt.AlignmentFlag.AlignRight)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(left)
        bottom.addWidget(right)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)

        batches_view = QSplitter(Qt.Orientation.Vertical)
        batches_view.addWidget(top)
        batches_view.addWidget(bottom)
        # The record being read gets the room; the batches list is short (a few batches a day).
        batches_view.setStretchFactor(0, 1)
        batches_view.setStretchFactor(1, 3)
        self.conflicts = ConflictsView(self.context)
        self.conflicts.message_shown.connect(self.show_message)
        self.tabs = QTabWidget()
        self.tabs.addTab(batches_view, "")
        self.tabs.addTab(self.conflicts, "")
        return self.tabs

    def _build_clerk_view(self) -> QWidget:
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("correct")
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.open_selected_correction)
        self.corrections_table = read_only_table("corrections", 3)
        self.corrections_table.itemSelectionChanged.connect(
            lambda: self.correct_button.setEnabled(self._selected(self.corrections_table) is not None)
        )
        self.corrections_table.doubleClicked.connect(lambda _index: self.open_selected_correction())
        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.corrections_table)
        layout.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignRight)
        return view

    # ----- loading -----------------------------------------------------------------------------------
    def _unlocked(self, store: Store) -> None:
        self.is_supervisor = bool(store.operator.is_supervisor)
        self.views.setCurrentIndex(0 if self.is_supervisor else 1)
        # Showing the page (Ctrl+3, the sidebar) lands in its list, not on the tab bar above it.
        self.setFocusProxy(self.batches if self.is_supervisor else self.corrections_table)
        self.retranslate_ui()
        self.reload()

    def reload(self) -> None:
        # The page may be built while the first unlock is being announced (the main window is made
        # then) and so miss it: take the role from the open store rather than from that signal.
        store = getattr(self.context.lane, "store", None)
        if store is not None and bool(store.operator.is_supervisor) != self.is_supervisor:
            self._unlocked(store)
            return
        if self.is_supervisor:
            self.context.lane.run(data.overview, self._show_batches, self._failed)
            self.conflicts.reload()
        else:
            self.context.lane.run(data.my_corrections, self._show_corrections, self._failed)

    def _show_batches(self, lines: list[data.BatchLine]) -> None:
        chosen = self.selected_batch()
        self.batch_lines = lines
        self.batches.blockSignals(True)
        fill(
            self.batches,
            [
                [
                    b.batch.name,
                    b.batch.place,
                    b.batch.day,
                    self.status_text(b.batch.status),
                    str(b.batch.records),
                    str(b.batch.drafts),
                    str(b.flagged),
                    str(b.duplicates),
                    str(b.synced),
                ]
                for b in lines
            ],
        )
        self.batches.blockSignals(False)
        ids = [line.batch.id for line in lines]
        if chosen is not None and chosen.batch.id in ids:
            self.batches.selectRow(ids.index(chosen.batch.id))
        self._batch_chosen()
        self.loaded.emit()

    def _show_corrections(self, found: list[tuple[ReviewFlag, str]]) -> None:
        self.corrections = found
        fill(self.corrections_table, [[who, flag.comment, flag.sent_by] for flag, who in found])
        self.heading.setText(
            self.tr("%n record(s) sent back to you for correction.", "", len(found))
            if found
            else self.tr("Nothing was sent back to you.")
        )
        self.correct_button.setEnabled(False)
        self.loaded.emit()

    @staticmethod
    def _selected(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_batch(self) -> data.BatchLine | None:
        row = self._selected(self.batches)
        return self.batch_lines[row] if row is not None and row < len(self.batch_lines) else None

    def selected_record(self) -> data.RecordLine | None:
        row = self._selected(self.records)
        return self.record_lines[row] if row is not None and row < len(self.record_lines) else None

    def select_batch(self, batch_id: str) -> None:
        ids = [line.batch.id for line in self.batch_lines]
        self.batches.selectRow(ids.index(batch_id))

    def select_record(self, record_id: str) -> None:
        ids = [line.record_id for line in self.record_lines]
        self.records.selectRow(ids.index(record_id))

    def _batch_reviewable(self) -> bool:
        """Records can be sent back, and the batch approved, only before it is approved or synced."""
        line = self.selected_batch()
        return line is not None and line.batch.status in ("open", "closed")

    def _batch_chosen(self) -> None:
        line = self.selected_batch()
        batch_id = line.batch.id if line is not None else None
        if batch_id != self._chosen_batch_id:  # not on a reload keeping the batch ("approved" stays)
            self._chosen_batch_id = batch_id
            self.message.clear()
        self.approve_button.setEnabled(self._batch_reviewable())
        self._clear_records()
        if line is not None:
            batch_id = line.batch.id
            self.context.lane.run(
                lambda store: data.batch_records(store, batch_id), self._show_records, self._failed
            )

    def _show_records(self, lines: list[data.RecordLine]) -> None:
        self.record_lines = lines
        self.records.blockSignals(True)
        fill(
            self.records,
            [[r.who, r.operator, self.status_text(r.status), r.flag_comment or ""] for r in lines],
        )
        self.records.blockSignals(False)
        self.records_loaded.emit()

    def _record_chosen(self) -> None:
        line = self.selected_record()
        self._show_detail([])
        self.send_back_button.setEnabled(
            line is not None and line.status == "final" and not line.flag_comment and self._batch_reviewable()
        )
        if line is None:
            return
        record_id, language = line.record_id, self.context.languages.language
        unlabelled, attached = self.unlabelled_names(), self.attached_words()
        self.detail_title.setText(line.who)
        self.context.lane.run(
            lambda store: data.record_fields(store, record_id, language, unlabelled, attached),
            self._show_record,
            self._failed,
        )

    def unlabelled_names(self) -> dict[str, str]:
        """Labels for the form's answers that have none of their own (hidden fields, metadata)."""
        return {
            "registration_place": self.tr("Place of registration"),
            "operator": self.tr("Registered by"),
            "start": self.tr("Form opened at"),
            "end": self.tr("Form finished at"),
            "notice_version": self.tr("Privacy notice version"),
        }

    def attached_words(self) -> dict[str, str]:
        """What an attached file's answer says, by question type (followed by the file's type)."""
        return {
            "image": self.tr("Attached photo"),
            "audio": self.tr("Attached recording"),
            "video": self.tr("Attached video"),
            "file": self.tr("Attached file"),
        }

    def _show_record(self, fields: list[data.FieldLine]) -> None:
        self._show_detail(fields)
        self.record_shown.emit()

    def _show_detail(self, fields: list[data.FieldLine]) -> None:
        self.detail_lines = fields
        self.detail.setHtml(record_html(fields, self.tr("Other answers")) if fields else "")

    def _clear_records(self) -> None:
        self.record_lines = []
        self.records.setRowCount(0)
        self._show_detail([])
        self.detail_title.clear()
        self.send_back_button.setEnabled(False)

    # ----- actions -----------------------------------------------------------------------------------
    def ask_send_back(self) -> None:
        line = self.selected_record()
        if line is None:
            return
        dialog = SendBackDialog(line.who, self)
        dialog.accepted.connect(lambda: self._send_back(line.record_id, dialog.text()))
        self.send_back_dialog = dialog
        dialog.open()  # window-modal, does not block the event loop

    def _send_back(self, record_id: str, comment: str) -> None:
        from forms.store import review

        def done(_flag: object) -> None:
            self.show_message(self.tr("The record was sent back to its clerk."))
            self.reload()

        self.context.lane.run(lambda store: review.send_back(store, record_id, comment), done, self._failed)

    def approve_selected_batch(self) -> None:
        """Ask first: approving closes the batch for good (and lets its records sync)."""
        line = self.selected_batch()
        if line is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Approve the batch?"),
            self.tr(
                "Approve the batch %1? It is closed if still open; nothing can be added to it or sent back "
                "afterwards, and its records can then be sent to the server."
            ).replace("%1", line.batch.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Approve"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        batch_id = line.batch.id

        def answered(_result: int) -> None:
            self.approve_box = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self._approve(batch_id)

        box.finished.connect(answered)
        self.approve_box = box
        box.open()  # window-modal, not a nested event loop

    def _approve(self, batch_id: str) -> None:
        from forms.store import review

        def done(_result: object) -> None:
            self.show_message(self.tr("The batch is approved."))
            self.context.refresh_status()
            self.reload()

        def refused(error: BaseException) -> None:
            self.show_message(self.tr("The batch was not approved: %1").replace("%1", self._sentence(error)))

        self.context.lane.run(lambda store: review.close_and_approve(store, batch_id), done, refused)

    def open_selected_correction(self) -> None:
        row = self._selected(self.corrections_table)
        window = getattr(self.context, "window", None)
        if row is None or window is None or REGISTRATION_PAGE_KEY not in window.page_keys():
            return
        flag, _who = self.corrections[row]
        window.page(REGISTRATION_PAGE_KEY).open_record(flag.record_id)
        window.show_page(REGISTRATION_PAGE_KEY)

    # ----- messages, language, lock -----------------------------------------------------------------
    @staticmethod
    def _sentence(error: BaseException) -> str:
        return failure_reason(error, error.__class__.__name__)  # never str(error): it could hold a name

    def _failed(self, error: BaseException) -> None:
        from desktop.tasks import StoreLocked

        if isinstance(error, StoreLocked):
            return
        self.show_message(self._sentence(error))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message_shown.emit(text)

    def status_text(self, status: str) -> str:
        names = {
            "open": self.tr("open"),
            "closed": self.tr("closed"),
            "approved": self.tr("approved"),
            "synced": self.tr("synced"),
            "draft": self.tr("draft"),
            "final": self.tr("saved"),
        }
        return names.get(status, status)

    def title(self) -> str:
        return self.tr("Review")

    def clear_personal_data(self) -> None:
        self.batch_lines, self.corrections = [], []
        self._chosen_batch_id = None
        self.batches.setRowCount(0)
        self.corrections_table.setRowCount(0)
        self.conflicts.clear_personal_data()
        self._clear_records()
        self.message.clear()
        if self.send_back_dialog is not None:
            self.send_back_dialog.reject()
            self.send_back_dialog = None
        if self.approve_box is not None:
            self.approve_box.reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.detail_lines and self.selected_record() is not None:
                self._record_chosen()  # the record's labels in the new language
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self.is_supervisor:
            self.heading.setText(self.tr("Batches to review. Open a batch to read its records."))
        self.batches.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("Place"),
                self.tr("Day"),
                self.tr("Status"),
                self.tr("Records"),
                self.tr("Drafts"),
                self.tr("Sent back"),
                self.tr("Duplicates suspected"),
                self.tr("Synced"),
            ]
        )
        self.records.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Clerk"), self.tr("Status"), self.tr("Sent back with")]
        )
        self.corrections_table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Comment"), self.tr("Sent back by")]
        )
        self.tabs.setTabText(0, self.tr("Batches"))
        self.tabs.setTabText(1, self.tr("Sync conflicts"))
        self.approve_button.setText(self.tr("&Approve batch"))
        self.send_back_button.setText(self.tr("Send &back…"))
        self.correct_button.setText(self.tr("&Open to correct"))
