"""The comment a supervisor writes when sending a record back to its clerk."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from forms.store.review import MAX_COMMENT


class SendBackDialog(QDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SendBackDialog")
        self.setWindowTitle(self.tr("Send back for correction"))
        self.prompt = QLabel(self.tr("What should the clerk correct in the record of %1?").replace("%1", who))
        self.prompt.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setTabChangesFocus(True)  # Tab goes on to the buttons; a comment needs no tab stops
        self.comment.setPlaceholderText(self.tr("For example: the birth date does not match the passport"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send back"))
        self.buttons.accepted.connect(self._accept_if_written)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.comment, self.problem, self.buttons):
            layout.addWidget(widget)
        self.comment.setFocus()

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def _accept_if_written(self) -> None:
        if not self.text():
            self.problem.setText(self.tr("Write what needs correcting first."))
            return
        if len(self.text()) > MAX_COMMENT:
            self.problem.setText(self.tr("The comment is too long (at most %n characters).", "", MAX_COMMENT))
            return
        self.accept()
