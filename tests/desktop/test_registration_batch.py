"""Batches from the registration page: no batch, no registration; open today's batch with the keyboard,
close it again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.harness import open_desk, press, type_text


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


def test_one_current_batch_changed_only_by_the_clerk(qtbot, qapp, data_dir) -> None:
    """Issue 12, defect 5: an import into a new batch and a lock leave the current batch alone; the
    status bar names the same batch as the page; Ctrl+B switches."""
    from desktop.status import read_desk_status
    from forms.store import Store
    from forms.store.batches import open_batch
    from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
    from tests.desktop.harness import run_on_lane

    desk = open_desk(qtbot, qapp, data_dir)  # "Minneapolis community day" is open and current
    try:
        page = desk.registration
        first = page.batch
        # What an import into a new batch does: a newer open batch of the same operator.
        imported = run_on_lane(qtbot, desk, lambda s: open_batch(s, "Imported", "Accra", "2026-06-14"))
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch == first.name
        desk.context.lock.lock()  # an auto-lock is the same lock
        desk.context.lock.start_session(Store.unlock(data_dir, SUPERVISOR, PASSPHRASE))
        qtbot.waitUntil(lambda: page.batch_known and page.batch is not None, timeout=5000)
        assert page.batch.id == first.id
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch == first.name

        page.setFocus()
        press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.batch_menu.menu is not None, timeout=5000)
        menu = page.batch_menu.menu
        entries = [action.text() for action in menu.actions() if action.text()]
        assert "Imported, Accra, 2026-06-14" in entries and "Open a new batch..." in entries
        assert next(a for a in menu.actions() if a.isChecked()).text().startswith("Minneapolis")
        next(a for a in menu.actions() if a.text().startswith("Imported")).trigger()
        qtbot.waitUntil(lambda: page.batch is not None and page.batch.id == imported.id, timeout=5000)
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch == "Imported"
    finally:
        desk.shutdown()


def test_an_import_when_no_batch_was_ever_chosen_leaves_header_and_status_bar_at_none(
    qtbot, qapp, data_dir
) -> None:
    """Issue 12, defect 5 (edge case): no batch was ever chosen; an import opens a new batch. The page
    header and the status bar both still say "no open batch" (the status bar used to name the imported
    batch while the header said none), also after a lock, until the clerk chooses it."""
    from desktop.status import read_desk_status
    from forms.store import Store
    from forms.store.batches import open_batch
    from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
    from tests.desktop.harness import run_on_lane

    desk = open_desk(qtbot, qapp, data_dir, batch=False)
    try:
        page = desk.registration
        assert page.batch is None
        # What an import into a new batch name does when it saves: a new open batch of this operator.
        imported = run_on_lane(qtbot, desk, lambda s: open_batch(s, "Imported", "Accra", "2026-06-14"))
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch is None
        assert page.batch is None
        assert page.batch_label.text() == "No open batch: open one before registering."
        desk.context.lock.lock()
        desk.context.lock.start_session(Store.unlock(data_dir, SUPERVISOR, PASSPHRASE))
        qtbot.waitUntil(lambda: page.batch_known, timeout=5000)
        assert page.batch is None
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch is None
        page.batch_menu.choose(imported.id)  # the clerk chooses it (Ctrl+B): now both name it
        qtbot.waitUntil(lambda: page.batch is not None, timeout=5000)
        assert run_on_lane(qtbot, desk, read_desk_status).open_batch == "Imported"
    finally:
        desk.shutdown()


def test_the_open_a_batch_message_goes_once_a_batch_is_open(qtbot, qapp, data_dir) -> None:
    """Issue 12, defect 7: a message that is no longer true is cleared."""
    desk = open_desk(qtbot, qapp, data_dir, batch=False)
    try:
        page = desk.registration
        page.renderer.session.set("given_name", "Kwame")
        page.dirty = True
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert page.message.text() == "Open a batch first: every registration belongs to a batch."
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: page.batch_dialog is not None and page.batch_dialog.isVisible(), timeout=3000)
        page.batch_dialog.name.setText("Accra day")
        page.batch_dialog.accept()
        qtbot.waitUntil(lambda: page.batch is not None, timeout=5000)
        assert page.message.text() == ""
    finally:
        desk.shutdown()


def test_the_batch_dialog_shows_its_example_name_whole_in_every_language(qtbot, qapp, english) -> None:
    """Walk-through at 1366x768: the example under "Event or consulate day" read "for example: Minn..."."""
    from desktop.dialogs.batch_dialog import BatchDialog

    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        for language in ("en", "fr", "pt"):
            english.switch_to(language)
            qtbot.waitUntil(lambda: dialog.name.placeholderText() != "", timeout=3000)
            example = dialog.name.placeholderText()
            qtbot.waitUntil(
                lambda e=example: dialog.name.width() > dialog.name.fontMetrics().horizontalAdvance(e) + 12,
                timeout=3000,
            )
    finally:
        english.switch_to("en")
