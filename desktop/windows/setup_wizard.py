"""First run: choose the language, create the encrypted store and its first supervisor, show the
recovery code once (with an explicit "I have written it down" step), optionally enrol with a server.

Creating the store derives a key (most of a second): it runs on the store lane with a busy bar while
the wizard stays responsive. After creation there is no way back: the supervisor page is a commit page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.i18n import LANGUAGE_NAMES
from desktop.settings import LANGUAGES
from desktop.tasks import StoreLane
from desktop.windows.enrolment_page import Enroller, ServerPage
from desktop.windows.errors import failure_sentence
from desktop.windows.passphrase_rules import PassphraseRulesView, preload_passphrase_rules

if TYPE_CHECKING:
    from forms.store import Store

PAGE_LANGUAGE, PAGE_SUPERVISOR, PAGE_RECOVERY, PAGE_SERVER = range(4)


def _create_store(data_dir: Path, name: str, passphrase: str) -> tuple[Store, str]:
    from forms.store import Store

    return Store.create(data_dir, name, passphrase)


class _TranslatedPage(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError


class LanguagePage(_TranslatedPage):
    language_chosen = Signal(str)

    def __init__(self, language: str) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.radios: dict[str, QRadioButton] = {}
        for code in LANGUAGES:
            radio = QRadioButton(LANGUAGE_NAMES[code])
            radio.setChecked(code == language)
            radio.toggled.connect(lambda on, c=code: self._toggled(c, on))
            self.buttons.addButton(radio)
            layout.addWidget(radio)
            self.radios[code] = radio
        layout.addStretch(1)
        self.setFocusProxy(self.radios[language])
        self.retranslate_ui()

    def _toggled(self, code: str, on: bool) -> None:
        if on:
            self.language_chosen.emit(code)

    def chosen_language(self) -> str:
        return next(code for code, radio in self.radios.items() if radio.isChecked())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to Diaspora Desk"))
        self.setSubTitle(self.tr("This computer has no Diaspora Desk store yet. Let us set one up."))
        self.intro.setText(
            self.tr("Choose the language of the interface. You can change it later from the Language menu.")
        )


class SupervisorPage(_TranslatedPage):
    """Name and passphrase of the first supervisor; pressing Create makes the store off the GUI thread."""

    store_created = Signal(object, str)

    def __init__(self, data_dir: Path, lane: StoreLane) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._lane = lane
        self._creating = False
        self.created: tuple[Store, str] | None = None

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("supervisor_name")
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("passphrase_repeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_check = QCheckBox()
        self.show_check.toggled.connect(self._show_passphrase)
        self.rules = PassphraseRulesView()
        # Kept as attributes: tests and screenshots look at each rule.
        self.rule_length, self.rule_common, self.rule_match = (
            self.rules.rule_length,
            self.rules.rule_common,
            self.rules.rule_match,
        )
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4000f;")

        self.form = QFormLayout()
        self.name_label, self.passphrase_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.passphrase_label, self.passphrase_edit)
        self.form.addRow(self.repeat_label, self.repeat_edit)
        self.form.addRow("", self.show_check)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.rules)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for edit in (self.name_edit, self.passphrase_edit, self.repeat_edit):
            edit.textChanged.connect(self._inputs_changed)
        self.setCommitPage(True)
        self.setFocusProxy(self.name_edit)
        lane.run_unlocked(preload_passphrase_rules)  # import the store and read its list off the GUI thread
        self.retranslate_ui()

    def _show_passphrase(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _inputs_changed(self) -> None:
        self.message.clear()
        self._render_rules()
        self.completeChanged.emit()

    def _render_rules(self) -> None:
        self.rules.update_rules(self.passphrase_edit.text(), self.repeat_edit.text())

    def isComplete(self) -> bool:
        return bool(self.name_edit.text().strip()) and self.rules.all_hold and not self._creating

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        if not self._creating:
            self._start_creating()
        return False  # the wizard moves on by itself once the store exists

    def _start_creating(self) -> None:
        self._creating = True
        self._set_inputs_enabled(False)
        self.busy.show()
        self.message.setText(self.tr("Creating the encrypted store. This takes a few seconds..."))
        self.message.setStyleSheet("")
        self.completeChanged.emit()
        name, passphrase = self.name_edit.text().strip(), self.passphrase_edit.text()
        data_dir = self._data_dir
        create = lambda: _create_store(data_dir, name, passphrase)  # noqa: E731
        self._lane.run_unlocked(create, self._created, self._failed)

    def _created(self, result: tuple[Store, str]) -> None:
        self._creating = False
        self.created = result
        self.busy.hide()
        self.message.clear()
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        store, recovery_code = result
        self.store_created.emit(store, recovery_code)
        self.wizard().next()

    def _failed(self, error: BaseException) -> None:
        self._creating = False
        self.busy.hide()
        self._set_inputs_enabled(True)
        self.message.setStyleSheet("color: #a4000f;")
        self.message.setText(failure_sentence(error))
        self.passphrase_edit.setFocus()
        self.passphrase_edit.selectAll()
        self.completeChanged.emit()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.name_edit, self.passphrase_edit, self.repeat_edit, self.show_check):
            widget.setEnabled(enabled)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The first supervisor"))
        self.setSubTitle(
            self.tr("The supervisor manages the clerks' accounts. Everyone gets their own account later.")
        )
        self.name_label.setText(self.tr("N&ame:"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat passphrase:"))
        self.show_check.setText(self.tr("&Show the passphrase"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self._render_rules()


class RecoveryPage(_TranslatedPage):
    def __init__(self) -> None:
        super().__init__()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("recovery_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(16)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setStyleSheet("padding: 12px; border: 1px solid #888; background: #fffbe6;")
        self.written_check = QCheckBox()
        self.written_check.setObjectName("written_down")
        self.written_check.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.code_label)
        layout.addWidget(self.written_check)
        layout.addStretch(1)
        self.setFocusProxy(self.written_check)
        self.retranslate_ui()

    def show_code(self, recovery_code: str) -> None:
        self.code_label.setText(recovery_code)

    def isComplete(self) -> bool:
        return self.written_check.isChecked() and bool(self.code_label.text())

    def cleanupPage(self) -> None:
        pass  # keep the tick if the person steps back from the server page

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The recovery code"))
        self.setSubTitle(self.tr("Write this code on paper now. It is shown only once."))
        self.explanation.setText(
            self.tr(
                "If every passphrase is forgotten, this code is the only way back into the records. "
                "Keep the paper in the office safe, never on this computer."
            )
        )
        self.written_check.setText(self.tr("I have &written the recovery code down and will keep it safe"))


class SetupWizard(QWizard):
    """Emits ``setup_finished(store)`` when the person presses Finish; the store stays open."""

    language_chosen = Signal(str)
    setup_finished = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        lane: StoreLane,
        language: str = "en",
        enroller: Enroller | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SetupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.store: Any = None  # the created Store (desktop/screenshots.py closes it unchecked)
        self.language_page = LanguagePage(language)
        self.supervisor_page = SupervisorPage(data_dir, lane)
        self.recovery_page = RecoveryPage()
        self.server_page = ServerPage(lane, enroller)
        self.setPage(PAGE_LANGUAGE, self.language_page)
        self.setPage(PAGE_SUPERVISOR, self.supervisor_page)
        self.setPage(PAGE_RECOVERY, self.recovery_page)
        self.setPage(PAGE_SERVER, self.server_page)
        self.language_page.language_chosen.connect(self.language_chosen)
        self.supervisor_page.store_created.connect(self._store_created)
        self.currentIdChanged.connect(self._focus_page)
        # `accepted` comes only once the last page validated (an enrolment may still be running).
        self.accepted.connect(self._finished)
        self.resize(640, 500)
        self.retranslate_ui()

    def _store_created(self, store: Store, recovery_code: str) -> None:
        self.store = store
        # The store exists: Cancel could no longer undo anything, so it goes.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.recovery_page.show_code(recovery_code)

    def _focus_page(self, _page_id: int) -> None:
        page = self.currentPage()
        target = page.focusProxy() if page is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _finished(self) -> None:
        if self.store is not None:
            self.setup_finished.emit(self.store)

    def reject(self) -> None:
        if self.store is not None:
            return  # the store exists: the only way out is through the recovery code and Finish
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Diaspora Desk: first start"))
        # QWizard sets its button texts once; on a language switch they are set again from Qt's own
        # catalogue (qtbase_xx), looked up under QWizard's context with Qt's source texts.
        qt_text = QCoreApplication.translate
        for button, source in (
            (QWizard.WizardButton.BackButton, "< &Back"),
            (QWizard.WizardButton.NextButton, "&Next >"),
            (QWizard.WizardButton.FinishButton, "&Finish"),
            (QWizard.WizardButton.CancelButton, "Cancel"),
        ):
            self.setButtonText(button, qt_text("QWizard", source))
