"""The shared WorkProgress (desktop/widgets/work_progress.py) on real widgets (pytest-qt, offscreen):
its Cancel cancels the run's forms.work.Work, Close closes, and a Cancel pressed in the middle of a
real import (real store lane, real encrypted store) stops it there and saves nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.dialogs.import_dialog import ImportDialog
from desktop.widgets.work_progress import WorkProgress
from forms.demo_data import write_demo_file
from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.importing import SAVING
from forms.store import Store
from forms.store.batches import list_batches
from forms.store.search import count

from .conftest import PASSPHRASE, SUPERVISOR


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form(shipped_form_path())


def test_cancel_cancels_the_run_and_close_closes(qtbot, english) -> None:
    seen: list[str] = []
    widget = WorkProgress("job", lambda done, total, message: f"{message} {done}/{total}")
    qtbot.addWidget(widget)
    widget.close_requested.connect(lambda: seen.append("close"))
    assert widget.cancel_button.text() == "Close" and widget.cancel_button.objectName() == "cancel_job"
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert seen == ["close"]
    work = widget.start("Working…")
    assert widget.running and widget.cancel_button.text() == "Cancel"
    work.progress(3, 10, "copying")  # from this thread the signal is delivered at once
    assert (widget.bar.value(), widget.bar.maximum(), widget.status.text()) == (3, 10, "copying 3/10")
    work.progress(4, None, "copying")
    assert widget.bar.maximum() == 0 and widget.status.text() == "copying 4/None"  # busy: total unknown
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert work.cancelled and seen == ["close"] and widget.status.text() == "Cancelling…"
    widget.finish("Stopped.", complete=False)
    assert not widget.running and widget.cancel_button.text() == "Close" and widget.bar.value() == 0
    english.switch_to("fr")
    qtbot.waitUntil(lambda: widget.cancel_button.text() == "Fermer", timeout=5_000)
    english.switch_to("pt")
    qtbot.waitUntil(lambda: widget.cancel_button.text() == "Fechar", timeout=5_000)


def test_cancel_pressed_midway_stops_a_real_import_and_saves_nothing(
    qtbot, lane, existing_store: Path, form: FormDefinition, english, tmp_path: Path
) -> None:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    lane.attach(store)
    dialog = ImportDialog(lane, form)
    qtbot.addWidget(dialog)
    dialog.show()
    path = tmp_path / "people.csv"
    write_demo_file(form, path, 20, seed=31)
    # Hold the import on its own thread once five rows are saved, so Cancel is pressed while it runs.
    reached, release, saved = threading.Event(), threading.Event(), []

    def hold(done: int, _total: int, phase: str) -> None:  # on the lane's thread (direct connection)
        if phase == SAVING:
            saved.append(done)
            if done == 5:
                reached.set()
                release.wait(30)

    dialog.work_progress.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    dialog.set_file(path)
    dialog.batch_combo.setEditText("Cancelled day")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    assert dialog.cancel_button.text() == "Cancel" and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.status.text() == "Cancelled: nothing was imported.", timeout=30_000)
    assert saved == [1, 2, 3, 4, 5]  # stopped in the middle, at the next row after the Cancel
    assert dialog.import_button.isEnabled() and dialog.cancel_button.text() == "Close"
    found: list[tuple[int, list[str]]] = []
    lane.run(lambda s: (count(s), [b.name for b in list_batches(s)]), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found[0] == (0, [])  # the five saved rows and the new batch were rolled back


def test_cancel_pressed_midway_stops_a_real_export_and_writes_no_file(
    qtbot, lane, existing_store: Path, form: FormDefinition, english, tmp_path: Path
) -> None:
    from desktop.dialogs.export_dialog import ExportDialog
    from forms.export.exporter import PROGRESS_EVERY
    from forms.store.batches import open_batch
    from forms.store.records import save_record

    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    batch = open_batch(store, "Big day", "Lisboa", "2026-06-13").id
    with store.session() as session:  # enough records for two progress reports
        for n in range(2 * PROGRESS_EVERY + 10):
            answers = {"given_name": "Conceição", "family_name": f"N'Guessan {n}"}
            save_record(session, batch, form.form_id, form.version, answers, draft=False)
    lane.attach(store)
    dialog = ExportDialog(lane, form)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "exports" / "big.xlsx"
    out.parent.mkdir()
    dialog.set_file(out)
    reached, release, written = threading.Event(), threading.Event(), []

    def hold(done: int, _total: int, _message: str) -> None:  # on the lane's thread (direct connection)
        written.append(done)
        if done == PROGRESS_EVERY:
            reached.set()
            release.wait(30)

    dialog.work_progress.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.status.text() == "Cancelled: no file was written.", timeout=60_000)
    assert written == [PROGRESS_EVERY]  # stopped after the first report, before the second
    assert list(out.parent.iterdir()) == []  # neither the file nor its temporary file
    assert dialog.export_button.isEnabled() and dialog.cancel_button.text() == "Close"
