"""The unlock screen: pick your name, type your passphrase, press Enter.

The operator list and the key derivation both run off the GUI thread; a busy bar shows while the key
is derived. Delays after wrong passphrases count down in words and keep the Unlock button disabled
until they end, so nobody has to guess when to try again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.controllers.lock import LOCK_IDLE, LOCK_REAUTH
from desktop.i18n import LANGUAGE_NAMES
from desktop.settings import LANGUAGES
from desktop.tasks import StoreLane
from desktop.windows.errors import (
    failure_sentence,
    is_locked_out,
    unlock_failure_sentence,
    wait_seconds_of,
    wait_sentence,
)
from desktop.windows.recovery_dialog import RecoveryDialog

if TYPE_CHECKING:
    from forms.store import Store


def _operator_names(data_dir: Path) -> list[str]:
    from forms.store import Store  # imported on the lane: the screen shows before the store loads

    return Store.operator_names(data_dir)


def _unlock(data_dir: Path, operator: str, passphrase: str) -> Store:
    from forms.store import Store

    return Store.unlock(data_dir, operator, passphrase)


class UnlockWindow(QWidget):
    """Emits ``unlock_succeeded(store)``; the window keeps no passphrase once an attempt has started."""

    unlock_succeeded = Signal(object)
    language_chosen = Signal(str)
    closing = Signal()

    def __init__(self, data_dir: Path, lane: StoreLane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockWindow")
        self._data_dir = data_dir
        self._lane = lane
        self._busy = False
        self._wait_left = 0
        self._lock_reason: str | None = None
        self._preferred_operator: str | None = None

        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSize(title_font.pointSize() + 6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("operator")
        self.operator_combo.setMinimumWidth(260)
        self.operator_combo.installEventFilter(self)  # Enter on the name goes on to the passphrase
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setMinimumWidth(260)
        self.passphrase_edit.returnPressed.connect(self.try_unlock)
        self.passphrase_edit.textChanged.connect(self._update_button)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.recovery_button = QPushButton()
        self.recovery_button.setObjectName("use_recovery_code")
        self.recovery_button.setFlat(True)
        self.recovery_button.setAutoDefault(True)  # Enter opens it once it has the focus
        self.recovery_button.clicked.connect(self.open_recovery)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(44)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setStyleSheet("color: #a4000f;")

        self.operator_label, self.passphrase_label = QLabel(), QLabel()
        self.operator_label.setBuddy(self.operator_combo)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        form = QFormLayout()
        form.addRow(self.operator_label, self.operator_combo)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow("", self.unlock_button)

        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(520)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.reason)
        inner.addLayout(form)
        inner.addWidget(self.busy)
        inner.addWidget(self.message)
        inner.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignRight)
        languages = QHBoxLayout()
        languages.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code in LANGUAGES:
            button = QPushButton(LANGUAGE_NAMES[code])
            self.language_buttons[code] = button
            button.setFlat(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            languages.addWidget(button)
        languages.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(languages)
        outer.addStretch(2)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.setTabOrder(self.operator_combo, self.passphrase_edit)
        self.setTabOrder(self.passphrase_edit, self.unlock_button)
        self.resize(720, 480)
        self.retranslate_ui()

    # ----- operators ---------------------------------------------------------------------------------
    def load_operators(self, preferred: str | None = None) -> None:
        """Read the operator names off the GUI thread; select ``preferred`` (the last one) when present."""
        self._preferred_operator = preferred
        data_dir = self._data_dir
        self._lane.run_unlocked(lambda: _operator_names(data_dir), self._operators_loaded, self._failed)

    def _operators_loaded(self, names: list[str]) -> None:
        current = self._preferred_operator or self.operator_combo.currentText()
        self.operator_combo.clear()
        self.operator_combo.addItems(names)
        if current in names:
            self.operator_combo.setCurrentText(current)
        # A single-operator desk goes straight to the passphrase.
        self.passphrase_edit.setFocus()
        self._update_button()

    def set_lock_reason(self, reason: str | None) -> None:
        """Say above the form why the screen is shown (idle, 12 hours, by hand); None for a fresh start."""
        self._lock_reason = reason
        self._render_reason()

    def _render_reason(self) -> None:
        texts = {
            LOCK_IDLE: self.tr("Locked after some minutes without use."),
            LOCK_REAUTH: self.tr("Twelve hours have passed since you unlocked: type your passphrase again."),
        }
        text = texts.get(self._lock_reason or "", "")
        self.reason.setText(text)
        self.reason.setVisible(bool(text))

    # ----- unlocking ---------------------------------------------------------------------------------
    def try_unlock(self) -> None:
        if self._busy or self._wait_left > 0 or not self.unlock_button.isEnabled():
            return
        operator, passphrase = self.operator_combo.currentText(), self.passphrase_edit.text()
        self.passphrase_edit.clear()  # the widget keeps no secret while the key is derived
        self._set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking the passphrase..."))
        data_dir = self._data_dir
        attempt = lambda: _unlock(data_dir, operator, passphrase)  # noqa: E731
        self._lane.run_unlocked(attempt, self._unlocked, self._refused)

    def open_recovery(self) -> RecoveryDialog:
        """The recovery code sets a new passphrase; a success signs the operator in like an unlock."""
        dialog = RecoveryDialog(self._data_dir, self._lane, self.operator_combo.currentText(), self)
        dialog.recovered.connect(self._unlocked)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _unlocked(self, store: Store) -> None:
        self._set_busy(False)
        self.message.clear()
        self.set_lock_reason(None)
        self.unlock_succeeded.emit(store)
        self._show_warnings(list(getattr(store, "warnings", [])))

    def _show_warnings(self, warnings: list[str]) -> None:
        """What the unlock found (a reset attempt counter, a store older than its anchor, a backup that
        failed): shown once, without blocking, above the main window."""
        if not warnings:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Diaspora Desk: warning"), "\n\n".join(warnings))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.show()
        self.warning_box = box

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setStyleSheet("color: #a4000f;")
        self.message.setText(unlock_failure_sentence(error))
        seconds = wait_seconds_of(error)
        if seconds:
            self._wait_left = seconds
            self._countdown.start()
        self._update_button()
        if is_locked_out(error):
            self.recovery_button.setFocus()  # the one way forward without a supervisor: Enter opens it
        else:
            self.passphrase_edit.setFocus()
            self.passphrase_edit.selectAll()  # typing replaces it; Enter retries the unlock

    def _failed(self, error: BaseException) -> None:
        self.message.setText(failure_sentence(error))

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.message.setStyleSheet("")
            self.message.setText(self.tr("You can try again now."))
        else:
            self.message.setText(wait_sentence(self._wait_left))
        self._update_button()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.operator_combo.setEnabled(not busy)
        # Read-only, not disabled: a disabled field would hand the focus to the recovery button, and an
        # impatient second Enter would open the recovery dialog instead of waiting for the answer.
        self.passphrase_edit.setReadOnly(busy)
        self._update_button()

    def _update_button(self) -> None:
        ready = (
            not self._busy
            and self._wait_left <= 0
            and self.operator_combo.count() > 0
            and bool(self.passphrase_edit.text())
        )
        self.unlock_button.setEnabled(ready)

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def wait_left(self) -> int:
        return self._wait_left

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.operator_combo
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.passphrase_edit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)

    # ----- language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Diaspora Desk: unlock"))
        self.title.setText(self.tr("Unlock Diaspora Desk"))
        current = QLocale().name()[:2]  # the language controller sets the default locale with the language
        for code, button in self.language_buttons.items():
            font = QFont(button.font())
            font.setBold(code == current)
            button.setFont(font)
        self.operator_label.setText(self.tr("&Operator:"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.recovery_button.setText(self.tr("Forgot the passphrase? Use the recovery &code..."))
        self._render_reason()
        if self._wait_left > 0:
            self.message.setText(wait_sentence(self._wait_left))
