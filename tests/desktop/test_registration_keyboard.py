"""Acceptance: a full registration of the shipped form typed with the keyboard only, saved, found by
search in the records list, opened and edited (a new version), then a second person with the same
document number raises the duplicate warning. Real store, real engine, real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forms.store.audit import entries
from forms.store.records import version_history
from tests.desktop.conftest import SUPERVISOR
from tests.desktop.harness import (
    TYPICAL_REGISTRATION,
    focused_field,
    press,
    run_on_lane,
    type_steps,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_type_save_find_edit_and_warn_of_a_duplicate(qtbot, desk) -> None:
    page, records = desk.registration, desk.records

    # 1. The whole registration with the keyboard, then Ctrl+S.
    keystrokes = type_steps(qtbot, TYPICAL_REGISTRATION)
    assert keystrokes > 100
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.record_id is not None, timeout=10_000)
    assert "Saved" in page.message.text()
    record_id = page.record_id
    answers = page.renderer.session.answers()
    assert answers["family_name"] == "N'Guessan" and answers["birth_date"] == "1990-03-07"
    assert answers["birth_country"] == "LR" and answers["residence_country"] == "US"
    assert answers["nationalities"] == "LR" and answers["registration_batch"] == "Minneapolis community day"
    assert answers["operator"] == SUPERVISOR  # who is signed in, read on the store lane at unlock

    # 2. Found by search as you type in the records list (Ctrl+2 goes there).
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert desk.window.current_page_key() == "records"
    assert records.search.hasFocus()
    type_text(records.search, "nguess")
    qtbot.waitUntil(
        lambda: records.model.total() == 1 and records.model.record_at(0) is not None, timeout=5000
    )
    assert records.model.record_at(0).record_id == record_id
    assert records.count_label.text().startswith("1 record")

    # 3. Opened with Down + Enter, edited, saved: a second version of the same record.
    press(qtbot, Qt.Key.Key_Down)
    assert records.table.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window.current_page_key() == "registration" and page.record_id == record_id,
                    timeout=5000)  # fmt: skip
    qtbot.waitUntil(lambda: page.editing_label.isVisible(), timeout=5000)
    city = next(r for r in page.renderer.rows if r.question.name == "residence_city").input
    assert city.value() == "Minneapolis"
    city.line.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(None, "Saint Paul")
    with qtbot.waitSignal(page.record_saved, timeout=5000):
        press(qtbot, Qt.Key.Key_S, CTRL)
    history = run_on_lane(qtbot, desk, lambda store: version_history(store, record_id))
    assert len(history) == 2
    assert history[1].deprecated_id == history[0].version_id
    assert history[0].answers["residence_city"] == "Minneapolis"
    assert history[1].answers["residence_city"] == "Saint Paul"

    # 4. Next person (Ctrl+N) with the same passport number: the duplicate warning shows first.
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.record_id is None and focused_field() == "legal_basis", timeout=5000)
    second = [
        ("legal_basis", ["<Space>", "<Enter>"]),
        ("consent", ["y", "<Enter>"]),
        ("given_name", ["Konan", "<Enter>"]),
        ("family_name", ["Kouassi", "<Enter>"]),
        ("other_names", ["<Enter>"]),
        ("sex", ["m", "<Enter>"]),
        ("birth_date", ["1985-11-02", "<Enter>"]),
        ("birth_country", ["<Enter>"]),
        ("birth_place", ["<Enter>"]),
        ("nationalities", ["Côte", "<Enter>", "<Enter>"]),
        ("id_document_type", ["p", "<Enter>"]),
        ("document_number", ["p1234567", "<Enter>"]),
        ("document_issuing_country", ["<Enter>"]),
        ("document_issue_date", ["<Enter>"]),
        ("document_expiry_date", ["<Enter>"]),
        ("residence_country", ["Canada", "<Enter>"]),
        ("residence_region", ["<Enter>"]),
        ("residence_city", ["Montréal", "<Enter>"]),
    ]
    type_steps(qtbot, second)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.flow.dialog is not None and page.flow.dialog.isVisible(), timeout=5000)
    dialog = page.flow.dialog
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "N'Guessan"
    assert dialog.table.item(0, 4).text() == "Same document number"
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.record_id is not None and page.record_id != record_id, timeout=5000)
    audit = run_on_lane(qtbot, desk, lambda store: _actions(store))
    assert ("duplicate_warning", record_id) in audit


def _actions(store) -> list[tuple[str, str | None]]:
    with store.session() as session:
        return [(entry.action, entry.record_id) for entry in entries(session, limit=1000)]


def test_locking_forgets_who_was_signed_in(qtbot, desk) -> None:
    """The signed-in name is personal: the lock clears it with the form, and the next unlock reads it."""
    page = desk.registration
    qtbot.waitUntil(lambda: page.operator == SUPERVISOR, timeout=5000)
    desk.context.lock.lock()
    qtbot.waitUntil(lambda: page.operator == "", timeout=5000)
