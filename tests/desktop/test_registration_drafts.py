"""Drafts and the duplicate warning's other door: Ctrl+N keeps an unfinished registration as a draft;
"Open the earlier record" shows the earlier person in the form, and the choice is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forms.store.audit import entries
from forms.store.records import latest_version
from tests.desktop.harness import (
    focused_field,
    person,
    press,
    run_on_lane,
    type_steps,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_next_person_keeps_an_unfinished_registration_as_a_draft(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, person("Kwame", "Asante", "G0001")[:4])
    with qtbot.waitSignal(page.record_saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_N, CTRL)
    draft = saved.args[0]
    assert draft.is_draft
    qtbot.waitUntil(lambda: page.record_id is None and focused_field() == "legal_basis", timeout=5000)
    assert page.message.text() == "The unfinished registration was kept as a draft."
    kept = run_on_lane(qtbot, desk, lambda store: latest_version(store, draft.record_id, log_view=False))
    assert kept.answers["family_name"] == "Asante" and kept.status == "draft"


def test_opening_the_earlier_record_from_the_warning(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, person("Kwame", "Asante", "G0001"))
    with qtbot.waitSignal(page.record_saved, timeout=5000) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    earlier = saved.args[0].record_id
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.record_id is None and focused_field() == "legal_basis", timeout=5000)
    type_steps(qtbot, person("Kwami", "Assante", "G-0001"))  # same document, typed differently
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.flow.dialog is not None and page.flow.dialog.isVisible(), timeout=5000)
    dialog = page.flow.dialog
    dialog.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # the default button: open the earlier record
    qtbot.waitUntil(lambda: page.record_id == earlier, timeout=5000)
    assert page.renderer.session.value("given_name") == "Kwame"
    assert page.editing_label.isVisible()
    assert page.message.text() == "The earlier record is open; the answers typed just now were not saved."
    actions = run_on_lane(qtbot, desk, lambda store: _audit(store))
    assert ("duplicate_warning", earlier) in actions
    assert sum(1 for action, _ in actions if action == "record_created") == 1  # the second was not saved


def _audit(store) -> list[tuple[str, str | None]]:
    with store.session() as session:
        return [(entry.action, entry.record_id) for entry in entries(session, limit=1000)]
