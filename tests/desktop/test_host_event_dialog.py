""" "Host this event": a supervisor starts the hub from the desktop, makes a clerk code (text and QR),
a clerk's laptop enrols with it over the pinned certificate, the counts show it, and Stop (or a locked
store) stops the hub. Real store on the lane, real HTTPS hub in a thread."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.dialogs.host_event_dialog import HostEventDialog, install, refused_files_text
from forms.reference import reference_of
from forms.store import Store
from sync.client.enrollment import enroll
from sync.client.transport import Transport
from sync.hub.code import parse_hub_code
from sync.server.hub_models import HubFileRefusalRow
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
    assert dialog.refused.text() == ""

    # A relay after the event had the central server refuse a photo: the supervisor sees which record,
    # why and what to do, here as in `diaspora-desk hub status` (the relay itself: tests/sync/hub).
    record_id = "0f5c2a9e-8d1b-4c3a-9e7f-2b6d4a1c8e30"
    with Session(dialog.hub.hub.engine) as session, session.begin():  # type: ignore[union-attr]
        now = datetime.now(UTC)
        session.add(
            HubFileRefusalRow(record_id=record_id, name="8818f37e47fa5cbc2f38.jpg", version_id=record_id,
                              code="file_hash_mismatch", first_refused_at=now, last_refused_at=now, times=1)
        )  # fmt: skip
    dialog.refresh_counts()
    qtbot.waitUntil(lambda: dialog.refused.text() != "", timeout=10_000)
    assert dialog.refused.text().startswith("Attached files the central server refused: 1.")
    assert (
        f"{reference_of(record_id)} \u2014 8818f37e47fa5cbc2f38.jpg: the file changed"
        in dialog.refused.text()
    )

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
    refused = [{"reference": "K7M3-9QF2-X", "file": "a.jpg", "code": "body_too_large"}]
    assert refused_files_text(refused).startswith("Fichiers joints refusés par le serveur central : 1.")
    assert "le fichier dépasse la taille" in refused_files_text(refused)
    english.switch_to("pt")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Acolher este evento")
    assert "o ficheiro é maior" in refused_files_text(refused)
