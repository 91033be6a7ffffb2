"""The app's start: fonts, first run or unlock, the main window with a status bar read from the store."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from desktop.app import APP_FONT_FAMILY, DeskController, load_fonts, run_gui
from desktop.windows.setup_wizard import SetupWizard
from forms.store.current_batch import open_and_choose
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR


def test_bundled_fonts_become_the_app_font(qapp) -> None:
    assert load_fonts(qapp)
    assert QFontInfo(QApplication.font()).family() == APP_FONT_FAMILY


def test_first_run_shows_the_wizard_and_a_later_start_the_unlock_screen(
    qtbot, qapp, data_dir, english
) -> None:
    first = DeskController(qapp, data_dir)
    first.start()
    assert first.wizard is not None and first.wizard.isVisible()
    assert first.unlock_window is None
    qtbot.addWidget(first.wizard)
    first.shutdown()

    from forms.store import Store

    Store.create(data_dir, SUPERVISOR, PASSPHRASE)[0].close()
    later = DeskController(qapp, data_dir)
    later.start()
    assert later.wizard is None
    assert later.unlock_window is not None and later.unlock_window.isVisible()
    qtbot.addWidget(later.unlock_window)
    later.shutdown()


def test_after_setup_the_main_window_shows_the_status_from_the_store(qtbot, qapp, data_dir, english) -> None:
    controller = DeskController(qapp, data_dir)
    controller.start()
    wizard = controller.wizard  # the controller deletes it after Finish
    wizard.next()
    page = wizard.supervisor_page
    page.name_edit.setText(SUPERVISOR)
    page.passphrase_edit.setText(PASSPHRASE)
    page.repeat_edit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.store is not None, timeout=15_000)
    wizard.recovery_page.written_check.setChecked(True)
    wizard.next()
    with qtbot.waitSignal(controller.lock.unlocked, timeout=5000):
        wizard.accept()
    window = controller.main_window
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        qtbot.waitUntil(
            lambda: window.operator_label.text() == "Operator: Amara Diallo (supervisor)", timeout=5000
        )
        assert window.batch_label.text() == "No open batch"
        assert window.waiting_label.text() == "0 records waiting to sync"
        assert window.last_sync_label.text() == "Never synced"
        assert "home" in window.page_keys()

        opened = []
        # Opened as the desk's batch dialog does (the page pinned "none" at unlock: a batch opened
        # without being chosen is not the current one, and the status bar would rightly not name it).
        controller.lane.run(
            lambda store: open_and_choose(store, "Minneapolis community day", "Minneapolis", "2026-06-13"),
            opened.append,
        )
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
        controller.refresh_status()
        qtbot.waitUntil(lambda: window.batch_label.text() == "Batch: Minneapolis community day", timeout=5000)
        saved = (data_dir / "interface.json").read_text(encoding="utf-8")
        assert "Amara" not in saved  # the settings file holds preferences only
    finally:
        controller.shutdown()


def test_run_gui_returns_zero_when_the_first_run_is_abandoned(qapp, data_dir, english) -> None:
    def abandon() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
        assert wizards, "the wizard should be showing"
        wizards[0].reject()

    QTimer.singleShot(200, abandon)
    assert run_gui(data_dir) == 0
    assert not (data_dir / "keys.json").exists()


def test_a_folder_with_settings_but_no_store_still_gets_the_wizard(qtbot, qapp, data_dir, english) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "interface.json").write_text('{"language": "en", "idle_lock_minutes": 5}', encoding="utf-8")
    controller = DeskController(qapp, data_dir)
    try:
        controller.start()  # shows the unlock screen at once, then the lane finds no store
        qtbot.waitUntil(
            lambda: controller.wizard is not None and controller.wizard.isVisible(), timeout=10_000
        )
        qtbot.addWidget(controller.wizard)
        assert not controller.unlock_window.isVisible()
        qtbot.addWidget(controller.unlock_window)
    finally:
        controller.shutdown()
