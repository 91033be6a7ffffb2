"""Issue 13 on the desk: a batch opened with a programme's own form (from the store's form library)
shows that form on the Register page, saves a record made with it, and the records list shows that
form's identifying columns; a record opens again with the form version it was made with."""

from __future__ import annotations

from pathlib import Path

from forms.library import add_form_file
from forms.store import Store
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import open_desk

ANSWERS = {"worker_name": "Musu Kollie", "licence_no": "LR-1234", "cadre": "nurse", "years_abroad": 6,
           "county": "bong", "district": "gbarnga"}  # fmt: skip


def test_a_batch_opened_with_another_form_registers_with_it_and_lists_its_columns(
    qtbot, qapp, data_dir: Path, tmp_path: Path
) -> None:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    add_form_file(store, write_programme_form(tmp_path / "return.xlsx"))
    desk = open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)
    try:
        page = desk.registration
        assert page.definition.form_id == "diaspora_registration"
        page.open_new_batch()
        dialog = page.batch_dialog
        qtbot.waitUntil(lambda: dialog.form_choice.count() == 2, timeout=5000)
        assert dialog.form.isRowVisible(dialog.form_choice)  # the choice is shown: the library has two
        assert dialog.form_id() is None  # the shipped form first, chosen by default
        dialog.form_choice.setCurrentIndex(dialog.form_choice.findData(PROGRAMME_FORM_ID))
        dialog.name.setText("Gbarnga return day")
        dialog.place.setText("Gbarnga")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: page.definition.form_id == PROGRAMME_FORM_ID, timeout=10_000)
        assert "form: Health worker return" in page.batch_label.text()  # the switch is shown
        questions = {row.question.name for row in page.renderer.rows}
        assert {"worker_name", "licence_no", "county"} <= questions and "given_name" not in questions

        session = page.renderer.session
        for name, value in ANSWERS.items():
            assert session.set(name, value) is None, name
        for index in range(session.repeat_count("child")):
            session.set("child_name", "Kofi Kollie", (index,))
            session.set("child_age", 4, (index,))
        page.renderer.refresh()
        page.dirty = True
        with qtbot.waitSignal(page.record_saved, timeout=10_000) as saved:
            page.save(draft=False)
        version = saved.args[0]
        assert (version.form_id, version.form_version) == (PROGRAMME_FORM_ID, "1")

        records = desk.records
        records.reload()
        model = records.model
        qtbot.waitUntil(lambda: model.form_fields == ["worker_name", "licence_no"], timeout=10_000)
        qtbot.waitUntil(
            lambda: model.rowCount() == 1 and model.index(0, 0).data() is not None, timeout=10_000
        )
        headers = [model.headerData(c, model_orientation()) for c in range(model.columnCount())]
        assert headers[:2] == ["Health worker's full name", "Licence number"]  # markdown left out
        assert [model.index(0, c).data() for c in range(2)] == ["Musu Kollie", "LR-1234"]

        # the record opens again with its own form, after the Register page went back to the shipped one
        page.start_person(definition=_shipped())
        assert page.definition.form_id == "diaspora_registration"
        page.open_record(version.record_id)
        qtbot.waitUntil(lambda: page.record_id == version.record_id, timeout=10_000)
        assert page.definition.form_id == PROGRAMME_FORM_ID
        assert page.renderer.session.value("worker_name") == "Musu Kollie"
        desk.context.languages.switch_to("fr")
        qtbot.waitUntil(lambda: "formulaire : Health worker return" in page.batch_label.text(), timeout=5000)
        desk.context.languages.switch_to("en")
    finally:
        desk.shutdown()


def model_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _shipped():
    from forms.library import shipped_form

    return shipped_form()


def test_review_lays_a_record_out_with_its_own_form(data_dir: Path, tmp_path: Path) -> None:
    from desktop.pages.review.data import person_name, record_fields
    from forms.library import open_batch_with_form
    from forms.store.records import save_record

    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    try:
        add_form_file(store, write_programme_form(tmp_path / "return.xlsx"))
        batch, form = open_batch_with_form(store, "Gbarnga day", "Gbarnga", "2026-06-13", PROGRAMME_FORM_ID)
        saved = save_record(store, batch.id, form.form_id, form.version, dict(ANSWERS), draft=True)
        lines = record_fields(store, saved.record_id, "en")
        shown = {line.label: line.value for line in lines if line.name}
        assert shown["Health worker's full name"] == "Musu Kollie" and shown["County of return"] == "Bong"
        assert person_name(ANSWERS) == "Musu Kollie"
    finally:
        store.close()
