"""Getting back in with the recovery code: a new passphrase for an operator, the records untouched.

For a forgotten passphrase or a lockout when no supervisor is at hand. The store checks the code and
re-wraps the key on the store lane; the dialog keeps no secret once the attempt has started.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import StoreLane
from desktop.windows.errors import failure_sentence
from desktop.windows.passphrase_rules import PassphraseRulesView, preload_passphrase_rules

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from forms.store import Store


def _recover(data_dir: Path, code: str, operator: str, passphrase: str) -> Store:
    from forms.store import Store

    return Store.recover(data_dir, code, operator, passphrase)


def _is_wrong_code(error: BaseException) -> bool:
    from forms.store.errors import WrongPassphraseError

    return isinstance(error, WrongPassphraseError)


class RecoveryDialog(QDialog):
    """Emits ``recovered(store)``: the operator is signed in with the new passphrase."""

    recovered = Signal(object)

    def __init__(
        self, data_dir: Path, lane: StoreLane, operator: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RecoveryDialog")
        self._data_dir = data_dir
        self._lane = lane
        self._busy = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recovery_code")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(self.font().pointSize() + 2)
        self.code_edit.setFont(mono)
        self.code_edit.setMinimumWidth(380)
        self.name_edit = QLineEdit(operator)
        self.name_edit.setObjectName("operator")
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.rules = PassphraseRulesView()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4000f;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_recover)
        self.buttons.rejected.connect(self.reject)

        self.code_label, self.name_label = QLabel(), QLabel()
        self.passphrase_label, self.repeat_label = QLabel(), QLabel()
        form = QFormLayout()
        for label, edit in (
            (self.code_label, self.code_edit),
            (self.name_label, self.name_edit),
            (self.passphrase_label, self.passphrase_edit),
            (self.repeat_label, self.repeat_edit),
        ):
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textChanged.connect(self._inputs_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        lane.run_unlocked(preload_passphrase_rules)
        self.code_edit.setFocus()
        self.retranslate_ui()
        self._inputs_changed()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _inputs_changed(self) -> None:
        rules_hold = self.rules.update_rules(self.passphrase_edit.text(), self.repeat_edit.text())
        ready = bool(self.code_edit.text().strip()) and bool(self.name_edit.text().strip()) and rules_hold
        self.ok_button.setEnabled(ready and not self._busy)

    def try_recover(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        code, name = self.code_edit.text().strip(), self.name_edit.text().strip()
        passphrase, data_dir = self.passphrase_edit.text(), self._data_dir
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self._set_busy(True)
        self.message.clear()
        attempt = lambda: _recover(data_dir, code, name, passphrase)  # noqa: E731
        self._lane.run_unlocked(attempt, self._recovered, self._refused)

    def _recovered(self, store: Store) -> None:
        self._set_busy(False)
        self.code_edit.clear()
        self.recovered.emit(store)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if _is_wrong_code(error):
            self.message.setText(self.tr("The recovery code is wrong. Check it against the paper."))
        else:
            self.message.setText(failure_sentence(error))
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for edit in (self.code_edit, self.name_edit, self.passphrase_edit, self.repeat_edit):
            edit.setEnabled(not busy)
        self._inputs_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Use the recovery code"))
        self.intro.setText(
            self.tr(
                "Type the recovery code from the paper kept in the office safe, and choose a new "
                "passphrase. The records are not changed. A name that is not an operator yet becomes "
                "a supervisor."
            )
        )
        self.code_label.setText(self.tr("Recovery &code:"))
        self.name_label.setText(self.tr("&Operator:"))
        self.passphrase_label.setText(self.tr("&New passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.ok_button.setText(self.tr("Recover"))
