"""Receipt (Ctrl+P) on the registration page: after a registration is saved, the person's one-page
receipt, in the language they choose (their preferred contact language first), saved as a PDF or
printed. The content is read on the store lane (``forms.receipt.content_for_record``, audited as
``receipt_made``); the page is drawn by ``desktop.receipt_pdf``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.pages.registration.page import RegistrationPage
    from forms.receipt import ReceiptContent
    from forms.store.records import RecordVersion

from desktop.windows.errors import failure_sentence

log = logging.getLogger(__name__)

RECEIPT_LANGUAGES = (("en", "English"), ("fr", "Français"), ("pt", "Português"))


class ReceiptDialog(QDialog):
    """Language, then Save as PDF… or Print…; the content is made for the chosen language."""

    save_requested = Signal(str)  # language
    print_requested = Signal(str)

    def __init__(self, reference_hint: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReceiptDialog")
        self.setMinimumWidth(460)  # the prompt on two lines, not four
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("receipt_language")
        for code, name in RECEIPT_LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.status = QLabel()
        self.status.setObjectName("receipt_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("receipt_save")
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("receipt_print")
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.chosen_language()))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.chosen_language()))
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._reference_hint = reference_hint
        self.retranslate_ui()
        self.save_button.setDefault(True)
        self.save_button.setFocus()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def show_status(self, text: str) -> None:
        """Say what happened under the buttons' row, the dialog grown to show it whole (a saved path
        is long: the prompt above was squeezed to half a line at 1366x768)."""
        self.status.setText(text)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().expandedTo(self.minimumSizeHint())
        if self.height() < wanted.height() or self.width() < wanted.width():
            self.resize(self.size().expandedTo(wanted))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Receipt for the person"))
        text = self.tr("The receipt of %1: its reference, what was recorded and how the data is protected.")
        self.prompt.setText(text.replace("%1", self._reference_hint))
        self.language_label.setText(self.tr("Receipt &language:"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("&Print…"))


class ReceiptAction(QObject):
    """The Receipt button and Ctrl+P; enabled once the person on screen has a saved registration."""

    receipt_written = Signal(str)  # the PDF's path

    def __init__(self, page: RegistrationPage) -> None:
        super().__init__(page)
        self.page = page
        self.record_id: str | None = None
        self.preferred = "en"
        self.dialog: ReceiptDialog | None = None
        self.button = QPushButton()
        self.button.setObjectName("receipt")
        self.button.setEnabled(False)
        self.button.clicked.connect(self.open)
        self.button.installEventFilter(self)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open)
        page.record_saved.connect(self._saved)
        page.record_opened.connect(self._saved)
        page.renderer.answer_edited.connect(self._edited)
        page.context.lock.registry.register(self)
        self.retranslate_ui()

    def _saved(self, version: RecordVersion) -> None:
        final = getattr(version, "status", "") == "final"
        self.record_id = version.record_id if final else None
        self.preferred = str(version.answers.get("preferred_language") or "en")
        self.button.setEnabled(final)

    def _edited(self) -> None:
        # A receipt is of what was saved: changed answers wait for the next save.
        if self.page.record_id != self.record_id:
            self.record_id = None
            self.button.setEnabled(False)

    def clear_personal_data(self) -> None:
        self.record_id = None
        self.button.setEnabled(False)
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def open(self) -> ReceiptDialog | None:
        if self.record_id is None:
            self.page.show_message(self.tr("Save the registration first: the receipt shows what was saved."))
            return None
        from forms.reference import reference_of

        dialog = ReceiptDialog(reference_of(self.record_id), self.preferred, self.page)
        dialog.save_requested.connect(lambda language: self._make(language, self._save_pdf))
        dialog.print_requested.connect(lambda language: self._make(language, self._print))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _make(self, language: str, then: Callable[[ReceiptContent], None]) -> None:
        from forms.receipt import content_for_record

        record_id = self.record_id
        if record_id is None:
            return
        self.page.context.lane.run(
            lambda store: content_for_record(store, record_id, language), then, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        text = failure_sentence(error, self.tr("The receipt could not be made."))
        if self.dialog is not None:
            self.dialog.show_status(str(text))
        self.page.show_message(str(text))

    def _save_pdf(self, content: ReceiptContent) -> None:
        suggested = str(Path.home() / f"receipt-{content.reference}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self.dialog or self.page, self.tr("Save the receipt"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.write_pdf(content, Path(path))

    def write_pdf(self, content: ReceiptContent, path: Path) -> bool:
        from desktop.receipt_pdf import write_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write_pdf(content, path)
        except OSError:
            self._failed(OSError())
            return False
        text = self.tr("The receipt %1 was saved to %2.")
        text = text.replace("%1", content.reference).replace("%2", str(path))
        if self.dialog is not None:
            self.dialog.show_status(text)
        self.page.show_message(text)
        self.receipt_written.emit(str(path))
        return True

    def _print(self, content: ReceiptContent) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.receipt_pdf import print_receipt

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self.dialog or self.page)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            print_receipt(content, printer)
            sent = self.tr("The receipt %1 was sent to the printer.")
            self.page.show_message(sent.replace("%1", content.reference))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Receipt… (Ctrl+P)"))
        self.button.setToolTip(self.tr("Print or save the person's receipt of the saved registration"))
