"""Issue 13: File > Import and File > Export follow the form of the batch being filled (the Register
page's), not the shipped form. A batch opened with a programme's own form: the Import dialog writes that
form's template and imports a row of it into that batch; choosing an open batch of the shipped form
brings the shipped form; the Export dialog starts at that form (the library's forms listed by title and
version) and exports its records with its columns."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import DeskController
from desktop.dialogs.export_dialog import ExportDialog
from desktop.dialogs.import_dialog import ImportDialog
from forms.library import add_form_file, open_batch_with_form
from forms.store import Store
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR, unlock_through_window

PROGRAMME_BATCH, SHIPPED_BATCH = "Gbarnga return day", "Minneapolis community day"
ROW = {"worker_name": "Musu Kollie", "licence_no": "LR-1234", "cadre": "nurse", "years_abroad": 6,
       "county": "bong", "district": "gbarnga"}  # fmt: skip


def _dialog(kind: type) -> object:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return shown[0] if shown else None


def _desk_with_a_programme_batch(qtbot, qapp, data_dir: Path, tmp_path: Path) -> DeskController:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    add_form_file(store, write_programme_form(tmp_path / "return.xlsx"))
    open_batch_with_form(store, SHIPPED_BATCH, "Minneapolis", "2026-06-12", None)
    open_batch_with_form(store, PROGRAMME_BATCH, "Gbarnga", "2026-06-13", PROGRAMME_FORM_ID)  # current
    store.close()
    controller = DeskController(qapp, data_dir, enroller=None)
    controller.start()
    unlock_through_window(qtbot, controller)
    qtbot.addWidget(controller.main_window)
    register = controller.main_window.page("registration")
    qtbot.waitUntil(lambda: register.definition is not None, timeout=20_000)

    def batch_form_known() -> bool:
        return getattr(register.current_batch_form()[1], "form_id", None) == PROGRAMME_FORM_ID

    qtbot.waitUntil(batch_form_known, timeout=20_000)
    return controller


def _fill_template(template: Path, out: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for name, value in ROW.items():
        sheet.cell(row=2, column=header.index(name) + 1, value=value)
    workbook.save(out)


def test_import_and_export_follow_the_batch_form(qtbot, qapp, data_dir, tmp_path, english) -> None:
    controller = _desk_with_a_programme_batch(qtbot, qapp, data_dir, tmp_path)
    window = controller.main_window
    try:
        window.import_action.trigger()
        qtbot.waitUntil(lambda: _dialog(ImportDialog) is not None, timeout=15_000)
        dialog = _dialog(ImportDialog)
        assert isinstance(dialog, ImportDialog)
        qtbot.waitUntil(lambda: dialog.batch_combo.currentText() == PROGRAMME_BATCH, timeout=10_000)
        assert dialog.form.form_id == PROGRAMME_FORM_ID
        assert dialog.form_value.text() == "Health worker return (version 1)"  # shown in the dialog

        # another open batch brings its own form, and back
        dialog.batch_combo.setEditText(SHIPPED_BATCH)
        qtbot.waitUntil(lambda: dialog.form.form_id == "diaspora_registration", timeout=10_000)
        dialog.batch_combo.setEditText(PROGRAMME_BATCH)
        qtbot.waitUntil(lambda: dialog.form.form_id == PROGRAMME_FORM_ID, timeout=10_000)

        template = tmp_path / "template.xlsx"
        dialog.save_template(template)
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Template written"), timeout=10_000)
        header = [cell.value for cell in openpyxl.load_workbook(template).worksheets[0][1]]
        assert {"worker_name", "licence_no", "county"} <= set(header) and "given_name" not in header

        filled = tmp_path / "returns.xlsx"
        _fill_template(template, filled)
        dialog.set_file(filled)
        with qtbot.waitSignal(dialog.import_finished, timeout=30_000) as finished:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        report = finished.args[0]
        assert report.succeeded and report.imported == 1, [p.code for p in report.problems]

        def saved(store):
            from forms.store.batches import list_batches
            from forms.store.search import search

            batch = next(b for b in list_batches(store) if b.name == PROGRAMME_BATCH)
            rows = search(store, batch_id=batch.id, log=False)
            return batch.id, [(r.record_id, r.batch_id) for r in rows]

        found: list = []
        controller.lane.run(saved, found.append)
        qtbot.waitUntil(lambda: bool(found), timeout=10_000)
        batch_id, rows = found[0]
        assert report.batch_id == batch_id and len(rows) == 1
        dialog.close()

        window.export_action.trigger()
        qtbot.waitUntil(lambda: _dialog(ExportDialog) is not None, timeout=15_000)
        export = _dialog(ExportDialog)
        assert isinstance(export, ExportDialog)
        qtbot.waitUntil(lambda: export.form_combo.count() == 2, timeout=10_000)
        items = [export.form_combo.itemText(i) for i in range(export.form_combo.count())]
        assert "Health worker return (version 1)" in items
        assert export.form_combo.currentData() == PROGRAMME_FORM_ID  # the current batch's form first
        qtbot.waitUntil(lambda: export.headers_combo.findData("Français (fr)") >= 0, timeout=10_000)
        out = tmp_path / "exports" / "returns-export.xlsx"
        out.parent.mkdir()
        export.set_file(out)
        with qtbot.waitSignal(export.export_finished, timeout=30_000) as exported:
            qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        assert exported.args[0].records == 1
        sheet = openpyxl.load_workbook(out).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        row = dict(zip(header, [cell.value for cell in sheet[2]], strict=False))
        assert row["worker_name"] == "Musu Kollie" and row["licence_no"] == "LR-1234"
        # choosing a batch of the shipped form chooses the shipped form
        shipped_batch = next(batch_id for batch_id, name, *_ in export._batch_rows if name == SHIPPED_BATCH)
        export.choose_scope(shipped_batch)
        assert export.form_combo.currentData() == "diaspora_registration" == export.form_id
        export.close()
    finally:
        controller.shutdown()
