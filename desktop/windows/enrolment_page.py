"""The setup wizard's optional last page: enrol this laptop with the central server, or skip it.

The enrolment (network and store) runs on the store lane with the store the wizard just created; the
wizard finishes only once it succeeded, or at once when both fields are left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from desktop.tasks import StoreLane
from desktop.windows.errors import failure_sentence

if TYPE_CHECKING:
    from forms.store import Store

# (store, server address, one-time code) -> None; raises DeskError with a sentence on failure.
Enroller = Callable[["Store", str, str], None]


class ServerPage(QWizardPage):
    """Optional: enrol this computer with the central server now, or skip and do it later."""

    def __init__(self, lane: StoreLane, enroller: Enroller | None) -> None:
        super().__init__()
        self._lane = lane
        self._enroller = enroller
        self._enrolling = False
        self.enrolled = False
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("server_address")
        self.address_edit.setPlaceholderText("https://")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrolment_code")
        self.address_label, self.code_label = QLabel(), QLabel()
        self.address_label.setBuddy(self.address_edit)
        self.code_label.setBuddy(self.code_edit)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.address_label, self.address_edit)
        form.addRow(self.code_label, self.code_edit)
        self.fields.setVisible(enroller is not None)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.fields)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        if enroller is not None:
            self.setFocusProxy(self.address_edit)
        self.retranslate_ui()

    def validatePage(self) -> bool:
        address, code = self.address_edit.text().strip(), self.code_edit.text().strip()
        if self._enroller is None or self.enrolled or not (address or code):
            return True  # skipped: enrol later from the Sync menu
        if not (address and code):
            self.message.setText(
                self.tr("Fill in both the server address and the code, or leave both empty.")
            )
            return False
        if not self._enrolling:
            self._enrolling = True
            self.busy.show()
            self.message.setText(self.tr("Contacting the server..."))
            enroller = self._enroller
            # open since Create; the session starts at Finish
            store = cast("Store", getattr(self.wizard(), "store", None))
            self._lane.run_unlocked(lambda: enroller(store, address, code), self._enrolled, self._failed)
        return False

    def _enrolled(self, _result: object) -> None:
        self._enrolling, self.enrolled = False, True
        self.busy.hide()
        self.wizard().accept()

    def _failed(self, error: BaseException) -> None:
        self._enrolling = False
        self.busy.hide()
        self.message.setText(failure_sentence(error))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The central server (optional)"))
        self.setSubTitle(self.tr("Records are sent to the server whenever this computer is online."))
        if self._enroller is None:
            self.explanation.setText(
                self.tr(
                    "Your IT officer enrols this computer with the central server. "
                    "Registering works without it: records wait safely on this computer. Press Finish."
                )
            )
        else:
            self.explanation.setText(
                self.tr(
                    "Type the server address and the one-time code from your IT officer, "
                    "or leave both empty and press Finish to do it later."
                )
            )
        self.address_label.setText(self.tr("Server &address:"))
        self.code_label.setText(self.tr("One-time &code:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
