"""First run: the wizard creates a real store and supervisor, and holds at the recovery code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop.windows.setup_wizard import (
    PAGE_LANGUAGE,
    PAGE_RECOVERY,
    PAGE_SERVER,
    PAGE_SUPERVISOR,
    SetupWizard,
)
from forms.store import Store
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def _open_wizard(qtbot, data_dir, lane) -> SetupWizard:
    wizard = SetupWizard(data_dir, lane)
    qtbot.addWidget(wizard)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    return wizard


def test_keyboard_only_first_run_creates_store_and_waits_for_the_written_down_tick(
    qtbot, data_dir, lane, english
) -> None:
    wizard = _open_wizard(qtbot, data_dir, lane)
    assert wizard.currentId() == PAGE_LANGUAGE
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_SUPERVISOR
    assert QApplication.focusWidget() is wizard.supervisor_page.name_edit
    create = wizard.button(QWizard.WizardButton.CommitButton)
    _type(qtbot, SUPERVISOR)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSPHRASE)
    assert not create.isEnabled()  # not repeated yet
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSPHRASE)
    assert create.isEnabled()
    _key(qtbot, Qt.Key.Key_Return)
    # The store is created on the lane: the page shows a busy bar and the GUI keeps running meanwhile.
    assert wizard.currentId() == PAGE_SUPERVISOR and wizard.supervisor_page.busy.isVisible()
    assert not create.isEnabled()  # a second Enter cannot start a second creation
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RECOVERY, timeout=15_000)

    code = wizard.recovery_page.code_label.text()
    assert len(code) >= 20  # >= 128 bits, shown once
    assert Store.exists(data_dir)
    assert Store.operator_names(data_dir) == [SUPERVISOR]
    assert wizard.supervisor_page.passphrase_edit.text() == ""  # no secret left in a widget
    back_button = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back_button.isVisible() and back_button.isEnabled())  # no way back to create a second store
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_RECOVERY  # Enter alone does not skip the recovery code
    assert QApplication.focusWidget() is wizard.recovery_page.written_check
    _key(qtbot, Qt.Key.Key_Space)
    assert next_button.isEnabled()
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_SERVER

    with qtbot.waitSignal(wizard.setup_finished, timeout=5000) as finished:
        _key(qtbot, Qt.Key.Key_Return)  # skip the optional server enrolment
    store = finished.args[0]
    assert store.operator.name == SUPERVISOR
    assert store.operator.role == "supervisor"
    lane.attach(store)


def test_weak_or_mismatched_passphrase_keeps_create_disabled(qtbot, data_dir, lane, english) -> None:
    wizard = _open_wizard(qtbot, data_dir, lane)
    wizard.next()
    page = wizard.supervisor_page
    create = wizard.button(QWizard.WizardButton.CommitButton)
    page.name_edit.setText(SUPERVISOR)
    page.passphrase_edit.setText("short")
    page.repeat_edit.setText("short")
    assert not create.isEnabled()
    assert page.rule_length.property("holds") is False
    page.passphrase_edit.setText("aaaaaaaaaaaaaaaa")  # long but repetitive: the store would refuse it
    page.repeat_edit.setText("aaaaaaaaaaaaaaaa")
    assert page.rule_length.property("holds") is True
    assert page.rule_common.property("holds") is False
    assert not create.isEnabled()
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE + "x")
    assert page.rule_match.property("holds") is False
    assert not create.isEnabled()
    page.repeat_edit.setText(PASSPHRASE)
    assert create.isEnabled()
    assert not Store.exists(data_dir)


def test_language_choice_switches_the_wizard_at_once(qtbot, data_dir, lane, english) -> None:
    wizard = _open_wizard(qtbot, data_dir, lane)
    wizard.language_chosen.connect(english.switch_to)
    wizard.language_page.radios["fr"].click()
    assert english.language == "fr"
    # Qt delivers LanguageChange to every widget through the event loop.
    qtbot.waitUntil(lambda: wizard.language_page.title() == "Bienvenue dans Diaspora Desk", timeout=2000)
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Suivant >"  # Qt's catalogue too
    wizard.next()
    assert wizard.supervisor_page.name_label.text() == "&Nom :"


def _to_server_page(qtbot, wizard: SetupWizard) -> None:
    wizard.next()
    page = wizard.supervisor_page
    page.name_edit.setText(SUPERVISOR)
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RECOVERY, timeout=15_000)
    wizard.recovery_page.written_check.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_SERVER


@pytest.mark.slow  # starts a real sync server process (~5 s on a busy 2-core machine)
def test_server_page_enrols_this_laptop_with_a_real_server(qtbot, data_dir, lane, english, tmp_path) -> None:
    from desktop.app import enrol_with_server
    from sync.client.state import load_device
    from tests.sync.e2e.servers import running_server

    wizard = SetupWizard(data_dir, lane, enroller=enrol_with_server)
    qtbot.addWidget(wizard)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    _to_server_page(qtbot, wizard)
    page = wizard.server_page
    assert QApplication.focusWidget() is page.address_edit
    with running_server(tmp_path / "server") as server:
        # A server that is not there: the sentence shows, the wizard stays on the page.
        _type(qtbot, "http://127.0.0.1:9")
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, server.enrollment_code())
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(page.message.text()) and not page.busy.isVisible(), timeout=15_000)
        assert wizard.currentId() == PAGE_SERVER
        assert "Traceback" not in page.message.text()

        page.address_edit.setText(server.url)
        with qtbot.waitSignal(wizard.setup_finished, timeout=15_000) as finished:
            qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    store = finished.args[0]
    lane.attach(store)
    assert page.enrolled
    device = load_device(store)
    assert device is not None and device.server_url.rstrip("/") == server.url.rstrip("/")


def test_a_folder_that_cannot_be_used_is_said_in_words_and_the_form_stays(
    qtbot, tmp_path, lane, english
) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("taken", encoding="utf-8")
    wizard = SetupWizard(not_a_folder / "desk-data", lane)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.supervisor_page
    page.name_edit.setText(SUPERVISOR)
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: page.name_edit.isEnabled() and bool(page.message.text()), timeout=10_000)
    assert page.message.text().startswith("The data folder cannot be used (")
    assert wizard.currentId() == PAGE_SUPERVISOR
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # fix the disk, press Create again
