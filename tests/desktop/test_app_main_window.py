"""The main window frame: pages plug in, keyboard navigation, status bar text, language menu."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.windows.main_window import DeskStatus, MainWindow


def _page_with_field() -> tuple[QWidget, QLineEdit]:
    page = QWidget()
    field = QLineEdit(page)
    page.setFocusProxy(field)
    return page, field


def test_pages_plug_in_and_ctrl_number_switches(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    first, _ = _page_with_field()
    second, second_field = _page_with_field()
    window.add_page("registration", first, "Register")
    window.add_page("records", second, lambda: "Records")
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.current_page_key() == "registration"
    assert window.sidebar.count() == 2
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "records"
    assert window.current_page() is second
    assert second_field.hasFocus()
    try:
        window.add_page("records", QWidget(), "again")
    except ValueError:
        pass
    else:
        raise AssertionError("a second page with the same key must be refused")


def test_status_bar_shows_the_status_in_words(qtbot, english) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_status(DeskStatus("Amara", "supervisor", "Minneapolis day", 3, datetime(2026, 6, 13, 17, 5)))
    assert window.operator_label.text() == "Operator: Amara (supervisor)"
    assert window.batch_label.text() == "Batch: Minneapolis day"
    assert window.waiting_label.text() == "3 records waiting to sync"
    assert "Last sync:" in window.last_sync_label.text()
    window.show_status(DeskStatus("Kofi", "clerk", None, 1, None))
    assert window.batch_label.text() == "No open batch"
    assert window.waiting_label.text() == "1 record waiting to sync"
    assert window.last_sync_label.text() == "Never synced"
    window.show_status(None)
    assert window.operator_label.text() == ""


def test_ctrl_l_and_language_menu_emit_requests(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    page, field = _page_with_field()
    window.add_page("p", page, "Page")
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.language_chosen, timeout=1000) as blocker:
        window.language_actions["pt"].trigger()
    assert blocker.args == ["pt"]
