"""The Export dialog on real widgets, a real store lane and a real encrypted store (pytest-qt, offscreen):
a supervisor exports, a cancel leaves no file, a clerk cannot export, the texts are translated."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from desktop.dialogs.export_dialog import ExportDialog
from desktop.paths import translations_dir
from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.store import Store
from forms.store.batches import open_batch
from forms.store.records import save_record

from .conftest import PASSPHRASE, SUPERVISOR

CLERK, CLERK_PASSPHRASE = "Kofi Mensah", "kofi walks to the market 7"
MAIN = "Diaspora registration"


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form(shipped_form_path())


@pytest.fixture
def filled_store(existing_store: Path, form: FormDefinition) -> dict[str, str]:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    store.add_operator(CLERK, "clerk", CLERK_PASSPHRASE)
    batches = {}
    for name, place, people in (("Community day", "São Tomé", 3), ("Consulate day", "Lisboa", 2)):
        batch = open_batch(store, name, place, "2026-06-13").id
        batches[name] = batch
        for n in range(people):
            answers = {"given_name": "Conceição", "family_name": f"N'Guessan {n}", "residence_city": place}
            save_record(store, batch, form.form_id, form.version, answers, draft=False)
    store.close()
    return batches


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"  # beside the data folder (tmp_path/desk-data), empty
    folder.mkdir()
    return folder


def _attach(lane, data_dir: Path, operator: str, passphrase: str) -> Store:
    store = Store.unlock(data_dir, operator, passphrase)
    lane.attach(store)
    return store


@pytest.fixture
def export_english(english):
    translator = QTranslator()
    assert translator.load("export_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _dialog(qtbot, lane, form) -> ExportDialog:
    widget = ExportDialog(lane, form)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(
        lambda: widget.scope_combo.count() > 1 or not widget.export_button.isEnabled(), timeout=10_000
    )
    return widget


def test_supervisor_exports_one_batch(
    qtbot, lane, existing_store, filled_store, form, export_english, tmp_path
):
    _attach(lane, existing_store, SUPERVISOR, PASSPHRASE)
    dialog = _dialog(qtbot, lane, form)
    assert dialog.scope_combo.count() == 3  # all batches + two batches
    dialog.choose_scope(filled_store["Community day"])
    assert "3 records" in dialog.scope_combo.currentText()
    out = tmp_path / "day.xlsx"
    dialog.set_file(out)
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].records == 3
    assert dialog.status.text() == f"Exported 3 records to {out}."
    assert dialog.progress.value() == dialog.progress.maximum()
    rows = list(openpyxl.load_workbook(out)[MAIN].iter_rows(values_only=True))
    assert len(rows) == 4
    assert {row[rows[0].index("residence/residence_city")] for row in rows[1:]} == {"São Tomé"}


def test_password_protected_export_from_the_dialog(qtbot, lane, existing_store, filled_store, form, tmp_path):
    _attach(lane, existing_store, SUPERVISOR, PASSPHRASE)
    dialog = _dialog(qtbot, lane, form)
    out = tmp_path / "all.xlsx"
    dialog.set_file(out)
    dialog.encrypt_check.setChecked(True)
    dialog.password_edit.setText("a good long password")
    dialog.repeat_edit.setText("a different password")
    dialog.start_export()
    assert "differ" in dialog.status.text() and not out.exists()
    dialog.repeat_edit.setText("a good long password")
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
        dialog.start_export()
    assert dialog.password_edit.text() == ""  # not kept in the widget after use
    office = msoffcrypto.OfficeFile(out.open("rb"))
    office.load_key(password="a good long password")
    plain = io.BytesIO()
    office.decrypt(plain)
    assert openpyxl.load_workbook(plain)[MAIN].max_row == 6


def test_cancel_leaves_no_file(qtbot, lane, existing_store, filled_store, form, out_dir):
    _attach(lane, existing_store, SUPERVISOR, PASSPHRASE)
    dialog = _dialog(qtbot, lane, form)
    out = out_dir / "cancelled.xlsx"
    dialog.set_file(out)
    # Hold the lane so the export is still queued when Cancel is pressed: the test does not race it.
    release = threading.Event()
    lane.run(lambda store: release.wait(10))
    dialog.start_export()
    assert dialog.cancel_button.text() == "Cancel" and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.status.text(), timeout=20_000)
    assert not out.exists() and list(out_dir.iterdir()) == []
    assert dialog.export_button.isEnabled() and dialog.isVisible()


def test_a_clerk_cannot_export(qtbot, lane, existing_store, filled_store, form, out_dir):
    _attach(lane, existing_store, CLERK, CLERK_PASSPHRASE)
    dialog = _dialog(qtbot, lane, form)
    assert not dialog.export_button.isEnabled()
    assert dialog.status.text() == "Only a supervisor may export records."
    dialog.set_file(out_dir / "x.xlsx")
    dialog.start_export()
    assert list(out_dir.iterdir()) == []


def test_texts_follow_the_interface_language(qtbot, lane, existing_store, filled_store, form, english):
    _attach(lane, existing_store, SUPERVISOR, PASSPHRASE)
    dialog = _dialog(qtbot, lane, form)
    assert dialog.windowTitle() == "Export records"
    english.switch_to("fr")  # Qt posts LanguageChange: wait for the event loop to deliver it
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Exporter les enregistrements", timeout=5_000)
    assert dialog.scope_combo.itemText(0) == "Tous les lots"
    items = sorted(dialog.scope_combo.itemText(i) for i in (1, 2))
    assert items == [
        "Community day (2026-06-13) : 3 enregistrements",
        "Consulate day (2026-06-13) : 2 enregistrements",
    ]
    english.switch_to("pt")
    qtbot.waitUntil(lambda: dialog.export_button.text() == "E&xportar", timeout=5_000)
    english.switch_to("en")
    qtbot.waitUntil(lambda: dialog.cancel_button.text() == "Close", timeout=5_000)
