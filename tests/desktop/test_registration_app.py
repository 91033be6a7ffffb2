"""The registration and records pages inside the real app: discovered by the main window, filled after
an unlock, emptied by a lock, filled again after the next unlock."""

from __future__ import annotations

from desktop.app import DeskController
from tests.desktop.conftest import unlock_through_window


def _unlock(qtbot, controller: DeskController) -> None:
    qtbot.addWidget(controller.unlock_window)
    unlock_through_window(qtbot, controller)


def test_pages_plug_into_the_app_and_follow_lock_and_unlock(qtbot, qapp, existing_store, english) -> None:
    controller = DeskController(qapp, existing_store)
    controller.start()
    try:
        _unlock(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)
        assert window.page_keys()[:2] == ["registration", "records"]
        page = window.page("registration")
        qtbot.waitUntil(lambda: page.renderer.session is not None and page.batch_known, timeout=20_000)
        assert page.batch is None  # a new store has no open batch yet
        assert any(row.question.name == "family_name" for row in page.renderer.rows)
        controller.lock.lock()
        assert page.renderer.rows == [] and page.renderer.session is None
        _unlock(qtbot, controller)
        qtbot.waitUntil(lambda: page.renderer.session is not None and page.batch_known, timeout=20_000)
        assert any(row.question.name == "family_name" for row in page.renderer.rows)
    finally:
        controller.shutdown()
        controller.deleteLater()


def test_the_status_bar_follows_the_registration_page_at_once(qtbot, qapp, existing_store, english) -> None:
    from forms.store.current_batch import open_and_choose

    controller = DeskController(qapp, existing_store)
    controller.start()
    try:
        _unlock(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)
        page = window.page("registration")
        qtbot.waitUntil(lambda: page.renderer.session is not None and page.batch_known, timeout=20_000)
        qtbot.waitUntil(lambda: window.batch_label.text() == "No open batch", timeout=5000)
        opened = []
        controller.lane.run(
            lambda store: open_and_choose(store, "Accra day", "Accra", "2026-11-24"), opened.append
        )  # what the page's batch dialog does: opened and chosen in one transaction
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
        page.batch_changed.emit(opened[0])  # what the page says after its batch dialog
        # No timer tick and no manual refresh: the page's signal makes the bar re-read the store.
        qtbot.waitUntil(lambda: window.batch_label.text() == "Batch: Accra day", timeout=5000)
    finally:
        controller.shutdown()
        controller.deleteLater()
