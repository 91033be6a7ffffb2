"""Locking through the whole app: Ctrl+L and idle both close the store and clear personal data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.app import DeskController
from desktop.controllers.lock import LOCK_IDLE, LOCK_MANUAL
from desktop.windows.main_window import MainWindow
from tests.desktop.conftest import unlock_through_window


class PersonView(QLineEdit):
    """Stands for any page showing a person: a real widget holding a name until the lock clears it."""

    def clear_personal_data(self) -> None:
        self.clear()


def _unlocked_controller(qtbot, qapp, data_dir) -> DeskController:
    controller = DeskController(qapp, data_dir)
    controller.start()
    unlock = controller.unlock_window
    assert unlock is not None
    qtbot.addWidget(unlock)
    unlock_through_window(qtbot, controller)
    assert controller.main_window is not None
    qtbot.addWidget(controller.main_window)
    return controller


def _shutdown(controller: DeskController) -> None:
    controller.shutdown()
    controller.deleteLater()


def test_ctrl_l_locks_closes_the_store_and_clears_views_and_clipboard(
    qtbot, qapp, existing_store, english
) -> None:
    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        window: MainWindow = controller.main_window
        assert window.isVisible() and not controller.unlock_window.isVisible()
        store = controller.lane.store
        view = PersonView()
        window.add_page("person", view, "Person")
        controller.lock.registry.register(view)
        view.setText("Conceição N'Guessan")
        controller.lock.clipboard.copy("P1234567")
        with qtbot.waitActive(window):
            window.activateWindow()
        window.show_page("person")
        with qtbot.waitSignal(controller.lock.locked, timeout=5000) as locked:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert locked.args == [LOCK_MANUAL]
        assert view.text() == ""
        assert QGuiApplication.clipboard().text() == ""
        assert controller.lane.store is None
        qtbot.waitUntil(lambda: store.closed, timeout=5000)  # closed on the lane, after queued work
        assert not window.isVisible()
        assert controller.unlock_window.isVisible()
        assert controller.unlock_window.passphrase_edit.text() == ""
    finally:
        _shutdown(controller)


def test_clipboard_left_alone_when_someone_else_replaced_it(qtbot, qapp, existing_store, english) -> None:
    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        controller.lock.clipboard.copy("P1234567")
        QGuiApplication.clipboard().setText("a note the clerk copied from elsewhere")
        controller.lock.lock()
        assert QGuiApplication.clipboard().text() == "a note the clerk copied from elsewhere"
    finally:
        _shutdown(controller)


def test_auto_lock_after_the_idle_timeout_and_unlock_again(qtbot, qapp, existing_store, english) -> None:
    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        view = PersonView()
        controller.lock.registry.register(view)
        view.setText("Kofi Mensah")
        controller.lock.set_idle_timeout_ms(300)
        with qtbot.waitSignal(controller.lock.locked, timeout=5000) as locked:
            pass
        assert locked.args == [LOCK_IDLE]
        # Back to a long timeout: the 300 ms one could lock again while the unlock below is still
        # building the pages (a race with the test's own assertion, not a behaviour to test).
        controller.lock.set_idle_timeout_ms(60_000)
        assert view.text() == ""
        unlock = controller.unlock_window
        assert unlock.reason.text() == "Locked after some minutes without use."
        unlock_through_window(qtbot, controller)
        assert controller.main_window.isVisible()
        assert controller.lane.store is not None and not controller.lane.store.closed
    finally:
        _shutdown(controller)


def test_idle_minutes_are_kept_between_one_and_fifteen(qapp, lane) -> None:
    from desktop.controllers.lock import LockController

    lock = LockController(lane)
    assert lock.idle_timeout_ms == 5 * 60_000
    assert lock.set_idle_minutes(0) == 1
    assert lock.set_idle_minutes(60) == 15
    assert lock.idle_timeout_ms == 15 * 60_000
    lock.stop_watching()


def test_reauthentication_period_locks_and_open_dialogs_close(qtbot, qapp, existing_store, english) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.controllers.lock import LOCK_REAUTH

    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        dialog = QMessageBox(QMessageBox.Icon.Warning, "Possible duplicate", "Kofi Mensah, born 1990-02-01")
        qtbot.addWidget(dialog)
        dialog.show()
        controller.lock.set_reauth_after_ms(200)
        controller.lock.start_session(controller.lane.store)  # a fresh session starts the shortened period
        with qtbot.waitSignal(controller.lock.locked, timeout=5000) as locked:
            pass
        assert locked.args == [LOCK_REAUTH]
        assert not dialog.isVisible()
        assert controller.unlock_window.reason.text().startswith("Twelve hours have passed")
    finally:
        _shutdown(controller)


def test_f5_runs_a_sync_pass_and_its_error_shows_in_words(qtbot, qapp, existing_store, english) -> None:
    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        window = controller.main_window
        with qtbot.waitActive(window):
            window.activateWindow()
        with qtbot.waitSignal(controller.sync.sync_finished, timeout=15_000):
            qtbot.keyClick(window, Qt.Key.Key_F5)
        # This laptop was never enrolled: the pass ends with a sentence, shown in the status bar.
        qtbot.waitUntil(lambda: window.sync_error_label.isVisible(), timeout=5000)
        assert window.sync_error_label.text()
        assert "Traceback" not in window.sync_error_label.text()
        controller.lock.lock()
        assert not window.sync_error_label.isVisible()
    finally:
        _shutdown(controller)


class BrokenView:
    """A view whose clearing fails: the lock must still close the store and clear the other views."""

    def clear_personal_data(self) -> None:
        raise ValueError("broken view")


def test_a_failing_view_does_not_stop_the_lock(qtbot, qapp, existing_store, english) -> None:
    controller = _unlocked_controller(qtbot, qapp, existing_store)
    try:
        store = controller.lane.store
        broken, view = BrokenView(), PersonView()
        controller.lock.registry.register(broken)
        controller.lock.registry.register(view)
        view.setText("Kofi Mensah")
        controller.lock.lock()
        assert view.text() == ""
        assert controller.lane.store is None
        qtbot.waitUntil(lambda: store.closed, timeout=5000)
    finally:
        _shutdown(controller)
