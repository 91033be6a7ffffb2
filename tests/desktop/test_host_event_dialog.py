""" "Host this event": a supervisor starts the hub from the desktop, makes a clerk code (text and QR),
a clerk's laptop enrols with it over the pinned certificate, the counts show it, and Stop (or a locked
store) stops the hub. Real store on the lane, real HTTPS hub in a thread."""

from __future__ import annotations

from pathlib import Path

from desktop.dialogs.host_event_dialog import HostEventDialog, install
from forms.store import Store
from sync.client.enrollment import enroll
from sync.client.transport import Transport
from sync.hub.code import parse_hub_code
from tests.sync.client.helpers import new_store
from tests.sync.e2e.servers import free_port

from .conftest import PASSPHRASE, SUPERVISOR


def test_host_hand_out_a_code_and_stop(qtbot, lane, existing_store: Path, tmp_path: Path, english) -> None:
    lane.attach(Store.unlock(existing_store, SUPERVISOR, PASSPHRASE))
    dialog = HostEventDialog(lane, announce=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.code_button.isEnabled()
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.hub is not None, timeout=60_000)
    assert "Hosting at https://" in dialog.state.text()

    dialog.label_edit.setText("Clerk 2")
    dialog.code_button.click()
    code = parse_hub_code(dialog.code_view.text())
    assert not dialog.qr.pixmap().isNull()
    clerk = new_store(tmp_path / "clerk")
    try:
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
    finally:
        clerk.close()
    dialog.refresh_counts()  # read on the store lane: the label follows
    qtbot.waitUntil(lambda: dialog.counts.text().startswith("1 laptops"), timeout=10_000)

    url = dialog.hub.url  # type: ignore[union-attr]
    dialog.start_button.click()  # stop
    assert dialog.hub is None and "Not hosting" in dialog.state.text()
    with Transport(url, pinned_sha256=code.fingerprint, timeout=(2, 2)) as transport:
        assert not transport.health()


def test_a_clerk_is_told_only_supervisors_host(qtbot, lane, existing_store: Path, english) -> None:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    store.add_operator("Clerk One", "clerk", "another long passphrase 7")
    store.close()
    lane.attach(Store.unlock(existing_store, "Clerk One", "another long passphrase 7"))
    dialog = HostEventDialog(lane, announce=False)
    qtbot.addWidget(dialog)
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "did not start" in dialog.state.text(), timeout=30_000)
    assert "supervisor" in dialog.state.text() and dialog.hub is None


def test_the_menu_action_opens_the_dialog(qtbot, lane, english) -> None:
    from desktop.windows.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    action = install(window, lane)
    assert action in window.file_menu.actions() and action.text() == "Host this event..."
    action.trigger()
    dialog = window.findChild(HostEventDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_the_window_speaks_french_and_portuguese(qtbot, lane, english) -> None:
    dialog = HostEventDialog(lane, announce=False)
    qtbot.addWidget(dialog)
    english.switch_to("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Accueillir cet événement")  # LanguageChange is posted
    assert dialog.start_button.text() == "Commencer l'accueil"
    english.switch_to("pt")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Acolher este evento")
