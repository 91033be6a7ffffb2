"""The sync conflicts queue on the review page: versions the server kept as a conflict or rejected.

Choosing one shows the version this laptop sent beside the version it replaced, field by field (changed
answers in bold). For a changed answer the supervisor may tick the replaced value; "Save as a new version"
keeps the sent answers with the ticked ones taken from the replaced version, and closes the issue.
"Open to edit" opens the record in the registration page (saving makes a new
version for the next sync); "Mark dealt with" closes the issue once the supervisor has settled it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.pages.review import conflicts_data
from desktop.pages.review.tables import cell, fill, read_only_table
from desktop.windows.errors import failure_reason

if TYPE_CHECKING:
    from desktop.pages import DeskContext
    from forms.store.records import RecordVersion

REGISTRATION_PAGE_KEY = "registration"


class ConflictsView(QWidget):
    loaded = Signal()
    compared = Signal()
    message_shown = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lines: list[conflicts_data.IssueLine] = []
        self.issues = read_only_table("sync_issues", 5)
        self.issues.itemSelectionChanged.connect(self._issue_chosen)
        self.comparison = read_only_table("comparison", 3)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.fields: list[conflicts_data.ComparedField] = []
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keep_choice")
        self.keep_button.clicked.connect(self.save_choice)
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.resolve_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.issues)
        split.addWidget(self.comparison)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._enable(False)
        self.retranslate_ui()

    def _enable(self, chosen: bool) -> None:
        self.open_button.setEnabled(chosen)
        self.keep_button.setEnabled(chosen)
        self.resolve_button.setEnabled(chosen)

    def reload(self) -> None:
        self.context.lane.run(conflicts_data.issues, self._show_issues, self._failed)

    def _show_issues(self, lines: list[conflicts_data.IssueLine]) -> None:
        self.lines = lines
        self.issues.blockSignals(True)
        fill(
            self.issues,
            [[line.who, self.status_text(line.status), line.reason, line.fields, line.at] for line in lines],
        )
        self.issues.blockSignals(False)
        self.comparison.setRowCount(0)
        self._enable(False)
        self.summary.setText(
            self.tr("%n version(s) the server did not accept.", "", len(lines))
            if lines
            else self.tr("No sync conflict is waiting.")
        )
        self.loaded.emit()

    def selected(self) -> conflicts_data.IssueLine | None:
        rows = self.issues.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None

    def _issue_chosen(self) -> None:
        line = self.selected()
        self._enable(line is not None)
        self.comparison.setRowCount(0)
        self.fields = []
        if line is None:
            return
        version_id, language = line.version_id, self.context.languages.language
        self.context.lane.run(
            lambda store: conflicts_data.compare(store, version_id, language),
            self._show_comparison,
            self._failed,
        )

    def _show_comparison(self, fields: list[conflicts_data.ComparedField]) -> None:
        self.fields = fields
        fill(self.comparison, [[f.label, f.sent, f.before] for f in fields])
        bold = QFont(self.font())
        bold.setBold(True)
        for row, field in enumerate(fields):
            if field.differs:
                for column in range(3):
                    cell(self.comparison, row, column).setFont(bold)
            if field.choosable:  # tick to take the replaced value instead of the sent one
                replaced = cell(self.comparison, row, 2)
                replaced.setFlags(replaced.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                replaced.setCheckState(Qt.CheckState.Unchecked)
        self.compared.emit()

    def open_selected(self) -> None:
        line = self.selected()
        window = getattr(self.context, "window", None)
        if line is None or window is None or REGISTRATION_PAGE_KEY not in window.page_keys():
            return
        window.page(REGISTRATION_PAGE_KEY).open_record(line.record_id)
        window.show_page(REGISTRATION_PAGE_KEY)

    def replaced_choices(self) -> list[str]:
        return [
            field.name
            for row, field in enumerate(self.fields)
            if field.choosable and cell(self.comparison, row, 2).checkState() == Qt.CheckState.Checked
        ]

    def save_choice(self) -> None:
        line = self.selected()
        if line is None:
            return
        issue_id, version_id, chosen = line.id, line.version_id, self.replaced_choices()

        def done(_version: RecordVersion) -> None:
            self.message_shown.emit(
                self.tr("Saved as a new version; it goes to the server at the next sync.")
            )
            self.reload()

        self.context.lane.run(
            lambda store: conflicts_data.keep_choice(store, issue_id, version_id, chosen), done, self._failed
        )

    def resolve_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        issue_id = line.id

        def done(_result: None) -> None:
            self.message_shown.emit(self.tr("The sync issue is marked as dealt with."))
            self.reload()

        self.context.lane.run(
            lambda store: conflicts_data.mark_dealt_with(store, issue_id), done, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        from desktop.tasks import StoreLocked

        if not isinstance(error, StoreLocked):
            self.message_shown.emit(failure_reason(error, error.__class__.__name__))

    def status_text(self, status: str) -> str:
        return {"conflict": self.tr("conflict"), "rejected": self.tr("rejected")}.get(status, status)

    def clear_personal_data(self) -> None:
        self.lines = []
        self.issues.setRowCount(0)
        self.comparison.setRowCount(0)
        self.fields = []
        self.summary.clear()
        self._enable(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.issues.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Outcome"), self.tr("Reason"), self.tr("Fields"), self.tr("When")]
        )
        self.comparison.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Sent by this laptop"), self.tr("Version it replaced")]
        )
        self.open_button.setText(self.tr("Open to &edit"))
        self.keep_button.setText(self.tr("&Save as a new version"))
        self.resolve_button.setText(self.tr("&Mark dealt with"))
