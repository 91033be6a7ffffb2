"""Scan passport (Ctrl+M): the two machine-readable lines of a passport, typed, pasted, or sent by a
desktop MRZ reader that types like a keyboard, fill the registration's names, birth date, sex,
nationality, document type, number, issuing country and expiry.

Every check digit is verified (``forms.mrz``) as the lines arrive; a wrong one is said in words and
nothing is filled. Filling keeps every other answer already typed. The parsing has no Qt; this is only
the window around it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forms.mrz import MrzAnswers, MrzError, answers_of, parse_td3

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage


class MrzDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MrzDialog")
        self.today = today or date.today()
        self.found: MrzAnswers | None = None
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("mrz_lines")
        self.lines.setTabChangesFocus(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.lines.setFont(mono)
        line_width = self.lines.fontMetrics().horizontalAdvance("<" * 46)
        self.lines.setMinimumWidth(line_width + 24)
        self.lines.setFixedHeight(self.lines.fontMetrics().lineSpacing() * 3 + 16)
        self.lines.textChanged.connect(self._check)
        self.result_label = QLabel()
        self.result_label.setObjectName("mrz_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.lines)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._check()
        self.lines.setFocus()

    def fill_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _check(self) -> None:
        text = self.lines.toPlainText()
        self.found = None
        if not text.strip():
            self.result_label.setText("")
            self.fill_button().setEnabled(False)
            return
        try:
            self.found = answers_of(parse_td3(text), self.today)
        except MrzError as error:
            self.result_label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
            self.result_label.setText(self.explain(error))
            self.fill_button().setEnabled(False)
            return
        self.result_label.setStyleSheet("QLabel { color: #1b5e20; }")
        answers = self.found.answers
        summary = self.tr("All check digits are right: %1 %2, born %3, document %4, expires %5.")
        summary = (
            summary.replace("%1", str(answers.get("given_name", "")))
            .replace("%2", str(answers.get("family_name", "")))
            .replace("%3", str(answers.get("birth_date", "")))
            .replace("%4", str(answers.get("document_number", "")))
            .replace("%5", str(answers.get("document_expiry_date", "")))
        )
        if self.found.unknown_countries:
            summary += " " + self.tr(
                "%1 is not a country of the form's list: choose the nationality by hand."
            ).replace("%1", ", ".join(self.found.unknown_countries))
        self.result_label.setText(summary)
        self.fill_button().setEnabled(True)

    def explain(self, error: MrzError) -> str:
        """The problem in the interface language."""
        parts = {
            "document_number": self.tr("the document number"),
            "birth_date": self.tr("the date of birth"),
            "expiry_date": self.tr("the expiry date"),
            "optional_data": self.tr("the personal number"),
            "composite": self.tr("the whole second line (last character)"),
        }
        if error.code == "check_digit":
            return self.tr(
                "The check digit of %1 does not match: a character was misread or mistyped. "
                "Nothing was filled in; compare the lines with the passport."
            ).replace("%1", parts.get(error.field, error.field))
        if error.code == "lines":
            return self.tr("Type or scan both lines under the photo (two lines of 44 characters).")
        if error.code == "length":
            number = error.field[-1:] or "?"
            return self.tr(
                "Line %1 must have 44 characters; check for a missing or extra character."
            ).replace("%1", number)
        if error.code == "character":
            return self.tr("The lines hold only capital letters, digits and <.")
        if error.code == "not_passport":
            return self.tr("This is not a passport: its first line does not start with P.")
        if error.code == "sex":
            return self.tr("The sex must be F, M, X or <.")
        return self.tr("A date in the second line is not a real date.")

    def _accept_if_valid(self) -> None:
        if self.found is not None:
            self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._check()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Scan passport"))
        self.prompt.setText(
            self.tr(
                "Scan the two lines at the bottom of the passport's photo page with the reader, or type or "
                "paste them here (44 characters each, < included)."
            )
        )
        self.lines.setPlaceholderText(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
        )
        self.fill_button().setText(self.tr("Fill in the form"))


def fill_page(page: RegistrationPage, found: MrzAnswers) -> list[str]:
    """Put the passport's answers into the open form, keeping every other answer; returns the names set."""
    session = page.renderer.session
    if session is None:
        return []
    chosen: list[str] = []
    for name, value in found.answers.items():
        if name == "nationalities":
            current = str(session.value(name) or "").split()
            value = " ".join(current if value in current else [*current, str(value)])
        try:
            session.set(name, value)
        except (KeyError, ValueError):
            continue  # a form without that question
        chosen.append(name)
    page.renderer.rebuild()  # the widgets show the session's values
    page.dirty = True
    page.chain_tab_order()
    page.renderer.answer_edited.emit()
    return chosen


class PassportAction(QObject):
    """The "Scan passport" button and Ctrl+M on the registration page."""

    def __init__(self, page: RegistrationPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: MrzDialog | None = None
        self.button = QPushButton()
        self.button.setObjectName("scan_passport")
        self.button.clicked.connect(self.open)
        shortcut = QShortcut(QKeySequence("Ctrl+M"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open)
        self.button.installEventFilter(self)  # its LanguageChange relabels it
        self.retranslate_ui()

    def open(self) -> MrzDialog | None:
        if self.page.renderer.session is None:
            return None
        dialog = MrzDialog(self.page)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted and dialog.found is not None:
                fill_page(self.page, dialog.found)
                self.page.show_message(self.tr("The passport's details were filled in; check them."))
                self.page.focus_first_field()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Scan passport… (Ctrl+M)"))
