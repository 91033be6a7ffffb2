"""The notice "The unfinished registration is back on screen" goes once the clerk types on (it said
something true only until then), without moving the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.autosave_child import HALF_A_REGISTRATION
from tests.desktop.autosave_helpers import _accept_offer, _unlock_again
from tests.desktop.harness import type_steps


def test_the_restored_notice_goes_once_the_clerk_types_on(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, HALF_A_REGISTRATION)
    desk.context.lock.lock()
    _unlock_again(qtbot, desk)
    _accept_offer(qtbot, page)
    assert page.message.text() == "The unfinished registration is back on screen."
    other_names = next(r for r in page.renderer.rows if r.question.name == "other_names")
    qtbot.waitUntil(lambda: desk.window.focusWidget() in other_names.input.focus_widgets(), timeout=5000)
    field = desk.window.focusWidget()
    qtbot.keyClicks(field, "Kofi")
    assert page.message.text() == ""
    assert desk.window.focusWidget() is field  # the focus stayed where the clerk types
    assert page.renderer.session.value("other_names") == "Kofi"
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert page.message.text() == ""
