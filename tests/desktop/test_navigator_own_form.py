"""Issue 13: the section navigator beside a programme's own form counts the questions outside any
section (the programme form below has no group: it showed "0 of 0 answered"), each run of them named by
its first question, and names a section by its label without markdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from forms.library import add_form_file, open_batch_with_form
from forms.store import Store
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import open_desk


def test_questions_outside_sections_are_counted(qtbot, qapp, data_dir: Path, tmp_path: Path) -> None:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    add_form_file(store, write_programme_form(tmp_path / "return.xlsx"))
    open_batch_with_form(store, "Gbarnga return day", "Gbarnga", "2026-06-13", PROGRAMME_FORM_ID)
    desk = open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)
    try:
        page = desk.registration
        qtbot.waitUntil(
            lambda: getattr(page.definition, "form_id", None) == PROGRAMME_FORM_ID, timeout=10_000
        )
        navigator = page.form_tools.navigator
        navigator.update_states()
        titles = [state.title for state in navigator.states]
        assert titles == ["Health worker's full name", "Child travelling", "Notes"]
        first = navigator.states[0]
        names = [row.question.name for row in first.rows]
        assert (
            names[:3] == ["worker_name", "licence_no", "cadre"] and "other_skill" not in names
        )  # not relevant
        total = sum(state.questions for state in navigator.states)
        assert total == first.questions + 1 and navigator.progress.format() == f"0 of {total} answered"
        page.renderer.session.set("worker_name", "Musu Kollie")
        navigator.update_states()
        assert navigator.states[0].answered == 1 and navigator.progress.format() == f"1 of {total} answered"
        notes = page.renderer.rows[-1]
        assert notes.question.name == "notes"
        navigator.jump(2)  # into the notes
        assert notes.isAncestorOf(QApplication.focusWidget())
    finally:
        desk.shutdown()
