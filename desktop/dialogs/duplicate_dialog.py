"""Before a save: 'this person may already be registered'. The clerk opens the earlier record or
continues with a new one; the page audits the choice (ids only, never the names shown here).

When the registry server answered the check before saving (sync/client/possible_match.py), its answer
shows under the local list: "possible match registered at PLACE on DATE" and the reference to quote,
never the other person's data. A server match with no local candidate shows the dialog too, without
the local list (there is no earlier record on this desk to open)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from sync.client.possible_match import PossibleMatch

SHIPPED_COLUMNS = ("family_name", "given_name", "birth_date", "document_number")  # RecordSummary attributes
OPEN_EARLIER = "opened_earlier"
CONTINUED = "continued"


class DuplicateDialog(QDialog):
    """Lists the likely earlier registrations; ``decision`` is OPEN_EARLIER, CONTINUED or None (cancel)."""

    def __init__(
        self,
        candidates: list[Any],
        parent: QWidget | None = None,
        server: PossibleMatch | None = None,
        columns: list[tuple[str, str]] | None = None,
    ) -> None:
        """``columns``: (header, summary attribute) of a programme's own form's identifying fields
        (the registration page's SaveFlow gives them); None: the shipped form's names, birth date and
        document."""
        super().__init__(parent)
        self.setObjectName("DuplicateDialog")
        self.candidates = candidates
        self.columns = columns
        self.server = server  # None: offline, slow or not enrolled (nothing from the server is shown)
        self.decision: str | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        attributes = [attribute for _header, attribute in columns] if columns else list(SHIPPED_COLUMNS)
        self.table = QTableWidget(len(candidates), len(attributes) + 1)
        self.table.setObjectName("candidates")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, candidate in enumerate(candidates):
            summary = candidate.summary
            for column, attribute in enumerate(attributes):
                self.table.setItem(row, column, QTableWidgetItem(getattr(summary, attribute, None) or ""))
            self.table.setItem(row, len(attributes), QTableWidgetItem(self._reason(candidate)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if candidates:
            self.table.selectRow(0)
        self.buttons = QDialogButtonBox()
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_earlier")
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continue_new")
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(lambda: self._decide(OPEN_EARLIER))
        self.continue_button.clicked.connect(lambda: self._decide(CONTINUED))
        self.buttons.rejected.connect(self.reject)
        self.open_button.setDefault(True)  # Enter opens the earlier record: the safer choice
        self.server_answer = QLabel()
        self.server_answer.setObjectName("server_answer")
        self.server_answer.setWordWrap(True)
        self.server_answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_answer.setVisible(server is not None)
        if not candidates:  # only the server knows of a match: nothing on this desk to open
            self.table.hide()
            self.open_button.hide()
            self.continue_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.server_answer)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.table.resizeColumnsToContents()  # after the headers: they need room too
        self.resize(760, 300)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reason(self, candidate: Any) -> str:
        if candidate.reason == "same_document":
            return self.tr("Same document number")
        return self.tr("Same birth date, similar name (%1%)").replace("%1", str(candidate.score))

    def _server_text(self) -> str:
        server = self.server
        if server is None:
            return ""
        if not server.found:
            return (
                self.tr("The registry server knows no other registration of this person.")
                + "\n"
                + (self.tr("Server reference: %1").replace("%1", server.reference))
            )
        lines = [
            self.tr("Registry server: possible match registered at %1 on %2")
            .replace("%1", match.place)
            .replace("%2", match.date)
            for match in server.matches
        ]
        lines.append(self.tr("Server reference: %1").replace("%1", server.reference))
        return "\n".join(lines)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Already registered?"))
        if self.candidates:
            intro = self.tr(
                "This person may already be registered. Open the earlier record to check or update it, "
                "or continue if this is a different person."
            )
        else:
            intro = self.tr(
                "This person may already be registered on another desk. Continue if this is a "
                "different person, or cancel to check first."
            )
        self.intro.setText(intro)
        self.server_answer.setText(self._server_text())
        if self.columns:
            headers = [header for header, _attribute in self.columns]
        else:
            headers = [
                self.tr("Family name"),
                self.tr("Given name"),
                self.tr("Birth date"),
                self.tr("Document"),
            ]
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Why")])
        self.open_button.setText(self.tr("Open the earlier record"))
        self.continue_button.setText(self.tr("Continue: a different person"))

    def chosen_record_id(self) -> str | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.candidates):
            return str(self.candidates[row].summary.record_id)
        return str(self.candidates[0].summary.record_id) if self.candidates else None

    def _decide(self, decision: str) -> None:
        self.decision = decision
        self.accept()
