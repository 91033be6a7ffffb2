"""The unlock window as the unlock tests open it."""

from __future__ import annotations

from desktop.windows.unlock_window import UnlockWindow


def _open(qtbot, data_dir, lane) -> UnlockWindow:
    window = UnlockWindow(data_dir, lane)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.load_operators()
    qtbot.waitUntil(lambda: window.operator_combo.count() == 1, timeout=5000)
    return window
