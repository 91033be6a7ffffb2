"""Issue 12, defect 2: a draft can be discarded from the registration page, after asking; audited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forms.store.audit import entries
from tests.desktop.autosave_child import HALF_A_REGISTRATION
from tests.desktop.harness import (
    press,
    run_on_lane,
    type_steps,
)


def test_discarding_the_draft_on_screen(qtbot, desk) -> None:
    page = desk.registration
    assert page.discard_button.isHidden()
    type_steps(qtbot, HALF_A_REGISTRATION)
    with qtbot.waitSignal(page.record_saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    record_id = saved.args[0].record_id
    assert not page.discard_button.isHidden()
    # Keyboard only (Xvfb walk-through: Tab never reached the button): Ctrl+Shift+D asks.
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.discard_question is not None, timeout=3000)
    question = page.discard_question
    assert question.text() == "Discard the draft of Kwame Asante?"
    assert question.defaultButton().objectName() == "keep"
    question.findChild(object, "discard").click()
    qtbot.waitUntil(lambda: page.message.text() == "The draft was discarded.", timeout=5000)
    assert page.record_id is None and page.discard_button.isHidden()
    assert page.renderer.session.value("given_name") is None
    actions = run_on_lane(qtbot, desk, lambda store: _actions(store))
    assert ("draft_discarded", record_id) in actions


def _actions(store):
    with store.session() as session:
        return [(entry.action, entry.record_id) for entry in entries(session, limit=20)]
