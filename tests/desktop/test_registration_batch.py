"""Batches from the registration page: no batch, no registration; open today's batch with the keyboard,
close it again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.test_registration_harness import open_desk, press, type_text


def test_open_and_close_a_batch_with_the_keyboard(qtbot, qapp, data_dir) -> None:
    desk = open_desk(qtbot, qapp, data_dir, batch=False)
    try:
        page = desk.registration
        assert page.batch is None
        assert page.batch_label.text() == "No open batch: open one before registering."
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert page.message.text() == "Open a batch first: every registration belongs to a batch."
        assert page.batch_button.hasFocus()
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.batch_dialog is not None and page.batch_dialog.isVisible(), timeout=3000)
        dialog = page.batch_dialog
        qtbot.waitUntil(lambda: dialog.name.hasFocus() or dialog.activateWindow() or False, timeout=3000)
        press(qtbot, Qt.Key.Key_Return)  # no name yet: refused in words, the dialog stays
        assert dialog.isVisible() and dialog.problem.text() == "Give the batch a name, for example the event."
        type_text(None, "Atlanta consulate day")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(None, "Atlanta")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(None, "20/06/2026")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.batch is not None, timeout=5000)
        assert (page.batch.name, page.batch.place, page.batch.day) == (
            "Atlanta consulate day",
            "Atlanta",
            "2026-06-20",
        )
        assert page.batch_label.text() == "Batch: Atlanta consulate day, Atlanta, 2026-06-20"
        # The first question takes the focus (offscreen, no window is active after a dialog: ask the window).
        first = page.renderer.rows[1].input.focus_widgets()[0]
        qtbot.waitUntil(lambda: desk.window.focusWidget() is first, timeout=3000)
        page.batch_button.click()  # "Close the batch"
        qtbot.waitUntil(lambda: page.batch is None, timeout=5000)
        assert page.batch_button.text() == "Open a batch..."
    finally:
        desk.shutdown()
