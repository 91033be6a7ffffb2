"""The Import dialog on real widgets, a real store lane and a real encrypted store (pytest-qt, offscreen)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from desktop.dialogs.import_dialog import ImportDialog
from desktop.paths import translations_dir
from forms.demo_data import write_demo_file
from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.store import Store
from forms.store.search import count

from .conftest import PASSPHRASE, SUPERVISOR


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form(shipped_form_path())


@pytest.fixture
def store(existing_store: Path, lane) -> Store:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    lane.attach(store)
    return store


@pytest.fixture
def import_english(english):
    """The dialog's own English catalogue (its plural forms), as the app installs it beside diaspora_en."""
    translator = QTranslator()
    assert translator.load("import_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def dialog(qtbot, lane, store, form, import_english) -> ImportDialog:
    widget = ImportDialog(lane, form)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def records_on_lane(qtbot, lane) -> int:
    found: list[int] = []
    lane.run(count, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


def run_import(qtbot, dialog: ImportDialog, path: Path, batch: str) -> None:
    dialog.set_file(path)
    dialog.batch_combo.setEditText(batch)
    dialog.place_edit.setText("Minneapolis")
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_one_bad_row_imports_nothing_and_the_report_names_row_and_column(
    qtbot, dialog: ImportDialog, lane, form: FormDefinition, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    write_demo_file(form, path, 6, seed=21)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[2]["sex"] = "feminine"  # the fourth line of the file
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    run_import(qtbot, dialog, path, "Community day")
    table = dialog.report_table
    assert table.isVisible() and table.rowCount() == 1
    assert table.item(0, 0).data(Qt.ItemDataRole.DisplayRole) == 4
    assert table.item(0, 1).text() == "sex"
    assert "allowed values" in table.item(0, 2).text()
    assert "feminine" not in table.item(0, 2).text()
    assert "Nothing was imported: 1 row rejected" in dialog.status.text()
    assert dialog.import_button.isEnabled()
    assert records_on_lane(qtbot, lane) == 0


def test_a_good_file_imports_every_row_with_progress(
    qtbot, dialog: ImportDialog, lane, form: FormDefinition, tmp_path: Path
) -> None:
    path = tmp_path / "demo.xlsx"
    write_demo_file(form, path, 12, seed=22)
    steps: list[tuple[str, int, int]] = []
    dialog._signals.progressed.connect(lambda *step: steps.append(step))
    imported: list[tuple[str, int]] = []
    dialog.records_imported.connect(lambda batch_id, n: imported.append((batch_id, n)))
    run_import(qtbot, dialog, path, "Community day")
    assert dialog.report is not None and dialog.report.imported == 12
    assert not dialog.report_table.isVisible()
    assert dialog.status.text() == "Imported 12 records."
    assert steps[-1] == ("saving", 12, 12)
    assert imported and imported[0][1] == 12
    assert records_on_lane(qtbot, lane) == 12
    qtbot.waitUntil(lambda: dialog.batch_combo.findText("Community day") >= 0, timeout=10_000)


def test_missing_file_or_batch_is_said_before_anything_runs(
    qtbot, dialog: ImportDialog, tmp_path: Path
) -> None:
    dialog.set_file(tmp_path / "nowhere.csv")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Choose a .csv or .xlsx file" in dialog.status.text()
    existing = tmp_path / "people.csv"
    existing.write_text("given_name\nAma\n", encoding="utf-8")
    dialog.set_file(existing)
    dialog.batch_combo.setEditText("")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Choose the batch" in dialog.status.text()


def test_the_template_is_written_off_the_gui_thread(qtbot, dialog: ImportDialog, tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    dialog.save_template(target)
    qtbot.waitUntil(lambda: "column" in dialog.status.text(), timeout=10_000)
    assert target.is_file()


def test_the_dialog_speaks_french(qtbot, dialog: ImportDialog) -> None:
    translator = QTranslator()
    assert translator.load("import_fr", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Importer des enregistrements", timeout=5_000)
        assert dialog.import_button.text() == "&Importer"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Import registrations", timeout=5_000)


def test_a_locked_store_is_said_in_words(
    qtbot, lane, form: FormDefinition, import_english, tmp_path: Path
) -> None:
    widget = ImportDialog(lane, form)  # no store attached to the lane: locked
    qtbot.addWidget(widget)
    assert widget.status.text() == ""
    path = tmp_path / "people.csv"
    path.write_text("given_name\nAma\n", encoding="utf-8")
    widget.set_file(path)
    widget.batch_combo.setEditText("Day")
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert "locked" in widget.status.text()
    assert widget.import_button.isEnabled()
