"""The unlock screen: real key derivation off the GUI thread, wrong passphrases and delays in words."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.windows.unlock_window import UnlockWindow
from forms.store import Store
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.unlock_helpers import _open


def _attempt(qtbot, window: UnlockWindow, passphrase: str) -> None:
    qtbot.keyClicks(window.passphrase_edit, passphrase)
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_busy, timeout=10_000)


def test_right_passphrase_unlocks_off_the_gui_thread(
    qtbot, existing_store, lane, english, monkeypatch
) -> None:
    derived_on: list[threading.Thread] = []
    real_unlock = Store.unlock

    def unlock_and_note_thread(*args, **kwargs):
        derived_on.append(threading.current_thread())
        return real_unlock(*args, **kwargs)

    monkeypatch.setattr(Store, "unlock", unlock_and_note_thread)
    window = _open(qtbot, existing_store, lane)
    assert window.operator_combo.currentText() == SUPERVISOR
    assert QApplication.focusWidget() is window.passphrase_edit  # one operator: straight to the passphrase
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.operator_combo
    qtbot.keyClick(window.operator_combo, Qt.Key.Key_Return)  # Enter on the name moves on
    assert QApplication.focusWidget() is window.passphrase_edit
    qtbot.keyClicks(window.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(window.unlock_succeeded, timeout=10_000) as unlocked:
        qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
        assert window.is_busy and window.busy.isVisible()  # the GUI kept running while the key is derived
        assert window.passphrase_edit.text() == ""
    store = unlocked.args[0]
    assert derived_on and derived_on[0] is not threading.main_thread()
    assert store.operator.name == SUPERVISOR
    lane.attach(store)


def test_wrong_passphrases_then_a_delay_in_words(qtbot, existing_store, lane, english) -> None:
    window = _open(qtbot, existing_store, lane)
    _attempt(qtbot, window, "not the passphrase 1")
    assert window.message.text() == "The passphrase is wrong."
    assert window.unlock_button.isEnabled() is False  # empty field
    _attempt(qtbot, window, "not the passphrase 2")
    assert window.message.text() == "The passphrase is wrong."
    _attempt(qtbot, window, "not the passphrase 3")  # the third in a row starts the 30 s delay
    assert window.message.text() == "The passphrase is wrong. Wait 30 seconds before trying again."
    assert window.wait_left == 30
    qtbot.keyClicks(window.passphrase_edit, PASSPHRASE)
    assert not window.unlock_button.isEnabled()
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
    assert not window.is_busy  # Enter does nothing while the delay runs

    # A fresh screen (the app restarted): the delay persisted on disk and is said in words.
    again = _open(qtbot, existing_store, lane)
    _attempt(qtbot, again, PASSPHRASE)
    assert again.message.text().startswith("Wait ")
    assert again.message.text().endswith("seconds before trying again.")
    assert again.wait_left > 0


def test_delay_sentences_in_french(qtbot, existing_store, lane, english) -> None:
    from desktop.windows.errors import wait_sentence

    english.switch_to("fr")
    assert wait_sentence(30) == "Attendez 30 secondes avant de réessayer."
    assert wait_sentence(1) == "Attendez 1 seconde avant de réessayer."
    assert wait_sentence(900) == "Attendez 15 minutes avant de réessayer."
    window = _open(qtbot, existing_store, lane)
    _attempt(qtbot, window, "not the passphrase")
    assert window.message.text() == "La phrase secrète est erronée."


def test_recovery_code_sets_a_new_passphrase_and_signs_in(qtbot, data_dir, lane, english) -> None:
    store, recovery_code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    store.close()
    window = _open(qtbot, data_dir, lane)
    dialog = window.open_recovery()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == SUPERVISOR  # the operator chosen on the unlock screen
    new_passphrase = "saffron lantern orbit 1977"
    assert not dialog.ok_button.isEnabled()
    dialog.code_edit.setText("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    dialog.passphrase_edit.setText(new_passphrase)
    dialog.repeat_edit.setText(new_passphrase)
    assert dialog.ok_button.isEnabled()
    dialog.try_recover()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert dialog.message.text() == "The recovery code is wrong. Check it against the paper."
    assert dialog.passphrase_edit.text() == ""  # typed again after a refusal: no secret kept

    dialog.code_edit.setText(recovery_code)
    dialog.passphrase_edit.setText(new_passphrase)
    dialog.repeat_edit.setText(new_passphrase)
    with qtbot.waitSignal(window.unlock_succeeded, timeout=10_000) as unlocked:
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    recovered = unlocked.args[0]
    assert recovered.operator.name == SUPERVISOR
    recovered.close()
    Store.unlock(data_dir, SUPERVISOR, new_passphrase).close()  # the new passphrase is the one now


def test_a_locked_out_account_points_to_the_recovery_code(qtbot, existing_store, lane, english) -> None:
    from forms.store.lockout import LOCKOUT_AFTER, AttemptLog

    attempts = AttemptLog(existing_store)
    for _ in range(LOCKOUT_AFTER):  # ten wrong passphrases in a row, as the store records them
        attempts.record_failure(SUPERVISOR)
    window = _open(qtbot, existing_store, lane)
    _attempt(qtbot, window, PASSPHRASE)  # even the right one is refused now
    assert window.message.text().startswith("This account is locked after too many wrong passphrases.")
    assert QApplication.focusWidget() is window.recovery_button
    qtbot.keyClick(window.recovery_button, Qt.Key.Key_Return)
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].name_edit.text() == SUPERVISOR
