"""The review page inside the real app: on the very first unlock (when the main window is built) a
supervisor sees the batches, not the clerk's 'sent back to you' view."""

from __future__ import annotations

from desktop.app import DeskController
from forms.store import Store
from forms.store.batches import open_batch
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR, unlock_through_window


def test_a_supervisor_sees_the_batches_after_the_first_unlock(qtbot, qapp, existing_store, english) -> None:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    open_batch(store, "Accra day", "Accra", "2026-11-24")
    store.close()
    controller = DeskController(qapp, existing_store, enroller=None)
    controller.start()
    try:
        unlock_through_window(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)
        window.show_page("review")
        page = window.page("review")
        qtbot.waitUntil(lambda: page.batches.rowCount() == 1, timeout=10_000)
        assert page.is_supervisor
        assert page.batches.item(0, 0).text() == "Accra day"
        # Keyboard only (Xvfb walk-through): the page lands in the batch list, not on the tab bar.
        window.show_page("records")
        window.show_page("review")
        qtbot.waitUntil(lambda: window.focusWidget() is page.batches, timeout=5000)
    finally:
        controller.shutdown()
        controller.deleteLater()
