"""Erasing a person from the records list: a supervisor is asked with a reason (Keep is the default),
then the record is erased on the store lane; the list and the search lose it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel

from forms.store import search
from tests.desktop.harness import run_on_lane, type_text
from tests.desktop.records_helpers import _exists, _one_row, seed, show_records


def test_a_supervisor_erases_a_person_from_the_list_with_a_reason(qtbot, desk) -> None:
    seeded = seed(qtbot, desk)
    records = show_records(qtbot, desk)
    target = seeded["versions"]["DialloFatou"]
    type_text(records.search, "diallo")
    qtbot.waitUntil(lambda: _one_row(records), timeout=5000)
    records.table.setCurrentIndex(records.model.index(0, 0))
    qtbot.waitUntil(records.erase_button.isEnabled, timeout=3000)
    assert records.erase_button.isVisible()

    records.erase_row(0)
    question = records.erase_question
    assert question is not None
    assert any("Fatou Diallo" in label.text() for label in question.findChildren(QLabel))
    question.findChild(object, "keep").click()  # the default: nothing happens
    qtbot.wait(200)
    assert run_on_lane(qtbot, desk, lambda store: _exists(store, target.record_id))

    records.erase_row(0)
    dialog = records.erase_question
    reason = dialog.findChild(object, "erase_reason")
    reason.setCurrentIndex(reason.findData("consent_withdrawn"))
    dialog.findChild(object, "erase").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: records.model.total() == 0, timeout=5000)
    assert not run_on_lane(qtbot, desk, lambda store: _exists(store, target.record_id))
    assert run_on_lane(qtbot, desk, lambda store: search.count(store, "diallo")) == 0
    audit = run_on_lane(qtbot, desk, lambda store: _erasure_details(store, target.record_id))
    assert audit == '{"reason":"consent_withdrawn","tombstone":false,"versions":1}'


def _erasure_details(store, record_id: str) -> str:
    from sqlalchemy import text

    with store.session(read_only=True) as session:
        query = text("SELECT details FROM audit WHERE action = 'record_erased' AND record_id = :r")
        return str(session.execute(query, {"r": record_id}).scalar_one())
