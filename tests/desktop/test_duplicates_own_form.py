"""Issue 13: before a save on a programme's own form, the duplicate check compares its identifying
fields (here the licence number, kept in the store's document column) among that form's records, and
the dialog's columns are that form's questions, not the shipped form's family/given name."""

from __future__ import annotations

from pathlib import Path

from forms.library import add_form_file, open_batch_with_form
from forms.store import Store
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import open_desk

ANSWERS = {"worker_name": "Musu Kollie", "licence_no": "LR-1234", "cadre": "nurse", "years_abroad": 6,
           "county": "bong", "district": "gbarnga"}  # fmt: skip


def _fill(page, answers: dict) -> None:
    session = page.renderer.session
    for name, value in answers.items():
        assert session.set(name, value) is None, name
    page.renderer.refresh()
    page.dirty = True


def test_the_same_licence_number_is_said_before_saving(qtbot, qapp, data_dir: Path, tmp_path: Path) -> None:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    add_form_file(store, write_programme_form(tmp_path / "return.xlsx"))
    open_batch_with_form(store, "Gbarnga return day", "Gbarnga", "2026-06-13", PROGRAMME_FORM_ID)
    desk = open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)
    try:
        page = desk.registration
        qtbot.waitUntil(lambda: getattr(page.definition, "form_id", None) == PROGRAMME_FORM_ID, timeout=9000)
        _fill(page, ANSWERS)
        with qtbot.waitSignal(page.record_saved, timeout=10_000):
            page.save(draft=False)
        page.start_person()
        _fill(page, {**ANSWERS, "worker_name": "Musu K. Dolo", "licence_no": "LR-1234"})
        with qtbot.waitSignal(page.flow.duplicate_dialog_shown, timeout=10_000) as shown:
            page.save(draft=False)
        dialog = shown.args[0]
        table = dialog.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["Health worker's full name", "Licence number", "Why"]
        assert [table.item(0, c).text() for c in range(3)] == [
            "Musu Kollie",
            "LR1234",
            "Same document number",
        ]
        dialog.reject()
    finally:
        desk.shutdown()
