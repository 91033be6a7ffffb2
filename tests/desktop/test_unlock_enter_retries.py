"""After a wrong passphrase, Enter retries the unlock: it never opens the recovery-code dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.windows.recovery_dialog import RecoveryDialog
from tests.desktop.conftest import PASSPHRASE
from tests.desktop.unlock_helpers import _open


def test_enter_after_a_wrong_passphrase_retries_and_never_opens_recovery(
    qtbot, existing_store, lane, english
) -> None:
    window = _open(qtbot, existing_store, lane)
    qtbot.keyClicks(window.passphrase_edit, "not the passphrase")
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
    assert window.is_busy
    # Enter again while the key is derived (an impatient clerk): it lands in the passphrase field
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_busy, timeout=10_000)
    assert window.message.text() == "The passphrase is wrong."
    assert QApplication.focusWidget() is window.passphrase_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter again, on an empty field
    qtbot.wait(50)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog) and w.isVisible()]
    assert QApplication.focusWidget() is window.passphrase_edit
    qtbot.waitUntil(lambda: window.wait_left <= 0, timeout=35_000)
    qtbot.keyClicks(QApplication.focusWidget(), PASSPHRASE)
    with qtbot.waitSignal(window.unlock_succeeded, timeout=10_000) as unlocked:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog) and w.isVisible()]
    lane.attach(unlocked.args[0])
