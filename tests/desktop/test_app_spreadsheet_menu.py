"""File > Import and File > Export open their dialogs; only a supervisor is offered Export."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.app import DeskController
from desktop.dialogs.export_dialog import ExportDialog
from desktop.dialogs.import_dialog import ImportDialog
from forms.store import Store
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR, unlock_through_window

CLERK = "Kofi Mensah"
CLERK_PASSPHRASE = "copper lantern meadow 77"


def _unlock(qtbot, qapp, data_dir, name: str, passphrase: str) -> DeskController:
    controller = DeskController(qapp, data_dir, enroller=None)
    controller.start()
    unlock_through_window(qtbot, controller, name, passphrase)
    qtbot.addWidget(controller.main_window)
    return controller


def _dialogs(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _store_with_a_clerk(data_dir) -> None:
    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    store.add_operator(CLERK, "clerk", CLERK_PASSPHRASE)
    store.close()


def test_a_supervisor_opens_import_and_export_from_the_file_menu(qtbot, qapp, data_dir, english) -> None:
    _store_with_a_clerk(data_dir)
    controller = _unlock(qtbot, qapp, data_dir, SUPERVISOR, PASSPHRASE)
    window = controller.main_window
    try:
        assert window.export_action.isVisible()
        window.import_action.trigger()
        qtbot.waitUntil(lambda: bool(_dialogs(ImportDialog)), timeout=15_000)
        _dialogs(ImportDialog)[0].close()
        window.export_action.trigger()
        qtbot.waitUntil(lambda: bool(_dialogs(ExportDialog)), timeout=15_000)
        _dialogs(ExportDialog)[0].close()
    finally:
        controller.shutdown()


def test_a_clerk_is_not_offered_export(qtbot, qapp, data_dir, english) -> None:
    _store_with_a_clerk(data_dir)
    controller = _unlock(qtbot, qapp, data_dir, CLERK, CLERK_PASSPHRASE)
    try:
        assert not controller.main_window.export_action.isVisible()
        assert controller.main_window.import_action.isEnabled()
    finally:
        controller.shutdown()
