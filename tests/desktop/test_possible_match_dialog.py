"""The registry server's answer beside the local duplicate warning (issue #16, "on the desk, when online").

With a real server (tests/sync/e2e/servers.py) holding a person synced from laptop A, the desk (an
enrolled laptop B, real store, lane and widgets) types a new registration with the same document
number: before saving, the duplicate dialog shows "possible match registered at PLACE on DATE" and the
reference, never the other person's names; the second time the local warning shows too, side by
side. Without a server (a laptop not enrolled) the save goes on exactly as before: no dialog for a new
person, the local warning only for a local duplicate.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store import Store
from forms.store.audit import entries
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync.client import possible_match
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.server import admin
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import focused_field, open_desk, person, press, run_on_lane, type_steps
from tests.sync.client.helpers import new_store
from tests.sync.e2e.servers import ServerProcess, running_server

CTRL = Qt.KeyboardModifier.ControlModifier
DOCUMENT = "G7654321"


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, dict[str, Any]]]:
    """A server with the shipped form and one person (document DOCUMENT) registered on laptop A, synced."""
    shipped = load_form(shipped_form_path())
    with running_server(tmp_path_factory.mktemp("desk-possible-match")) as server:
        with server.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        someone = dict(
            demo_registrations(1, seed=1616)[0], id_document_type="passport", document_number=DOCUMENT
        )
        assert not shipped.validate(someone)
        laptop_a = new_store(tmp_path_factory.mktemp("laptop-a"))
        try:
            enroll(laptop_a, server_url=server.url, code=server.enrollment_code("Laptop A"), device_label="A")
            with laptop_a.session() as session:
                batch = open_batch(session, "Outreach day", "Minneapolis", "2026-11-24").id
                save_record(session, batch, str(shipped.form_id), str(shipped.version), someone, draft=False)
            assert SyncEngine(laptop_a, server_url=server.url).run_once().ok
        finally:
            laptop_a.close()
        yield server, someone


@pytest.fixture
def online_desk(qtbot, qapp, data_dir: Path, registered: tuple[ServerProcess, dict[str, Any]]):
    server, _ = registered
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    enroll(store, server_url=server.url, code=server.enrollment_code("Laptop B"), device_label="B")
    opened = open_desk(qtbot, qapp, data_dir, store=store)
    yield opened
    opened.shutdown()


def same_person(someone: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The keys for the person laptop A registered, typed on this desk (names and birth date as there)."""
    year, month, day = someone["birth_date"].split("-")
    steps = person(someone["given_name"], someone["family_name"], DOCUMENT)
    return [(name, [f"{day}/{month}/{year}", "<Enter>"]) if name == "birth_date" else (name, keys)
            for name, keys in steps]  # fmt: skip


def _dialog(qtbot, page) -> Any:
    qtbot.waitUntil(lambda: page.flow.dialog is not None and page.flow.dialog.isVisible(), timeout=10_000)
    return page.flow.dialog


def _next_person(qtbot, page) -> None:
    from PySide6.QtWidgets import QApplication

    page.window().activateWindow()  # the closed dialog may leave no focus on the offscreen platform
    page.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.record_id is None and focused_field() == "legal_basis", timeout=5000)


def _audit(store) -> list[tuple[str, str | None, dict[str, Any]]]:
    import json

    with store.session() as session:
        return [(e.action, e.record_id, json.loads(e.details or "{}")) for e in entries(session, limit=1000)]


def test_the_servers_possible_match_shows_beside_the_local_warning(
    qtbot, online_desk, registered: tuple[ServerProcess, dict[str, Any]]
) -> None:
    _, someone = registered
    page = online_desk.registration

    # 1. Nobody on this desk yet: the server's answer alone opens the dialog (no earlier record to open).
    type_steps(qtbot, same_person(someone))
    press(qtbot, Qt.Key.Key_S, CTRL)
    dialog = _dialog(qtbot, page)
    assert dialog.server is not None and dialog.server.found
    shown = dialog.server_answer.text()
    assert dialog.server_answer.isVisible() and not dialog.table.isVisible()
    assert not dialog.open_button.isVisible() and dialog.continue_button.isDefault()
    (match,) = dialog.server.matches
    assert f"Registry server: possible match registered at {match.place} on {match.date}" in shown
    assert match.place == "Laptop A" and len(match.date) == 10  # where and when, nothing about the person
    assert f"Server reference: {dialog.server.reference}" in shown
    assert dialog.server.reference.startswith("PM-")
    for name in ("given_name", "family_name", "phone", "email", "birth_date"):
        assert str(someone[name]) not in shown  # never the other person's data
    reference = dialog.server.reference
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.record_id is not None, timeout=10_000)
    first = page.record_id
    audit = run_on_lane(qtbot, online_desk, _audit)
    assert ("duplicate_warning", None, {"decision": "continued", "server_reference": reference}) in audit
    checks = [details for action, _, details in audit if action == possible_match.AUDIT_ACTION]
    assert [(c["outcome"], c["matches"]) for c in checks] == [("answered", 1)]

    # 2. The same document again: the local warning (the record just saved) and the server's answer.
    _next_person(qtbot, page)
    type_steps(qtbot, same_person(someone))
    press(qtbot, Qt.Key.Key_S, CTRL)
    dialog = _dialog(qtbot, page)
    assert dialog.table.isVisible() and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == someone["family_name"]
    assert dialog.table.item(0, 4).text() == "Same document number"
    assert dialog.server_answer.isVisible() and "possible match registered at" in dialog.server_answer.text()
    assert dialog.open_button.isVisible() and dialog.open_button.isDefault()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.record_id == first, timeout=10_000)


def test_without_a_server_the_save_goes_on_as_before(qtbot, desk) -> None:
    page = desk.registration  # a laptop that is not enrolled: nothing to ask, nothing waits
    with qtbot.waitSignal(page.record_saved, timeout=10_000):
        type_steps(qtbot, person("Kwame", "Asante", DOCUMENT))
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert page.flow.dialog is None and "Saved" in page.message.text()  # no dialog for a new person
    first = page.record_id

    _next_person(qtbot, page)
    type_steps(qtbot, person("Kwami", "Assante", DOCUMENT))
    press(qtbot, Qt.Key.Key_S, CTRL)
    dialog = _dialog(qtbot, page)
    assert dialog.server is None and not dialog.server_answer.isVisible()  # the local warning only
    assert dialog.table.rowCount() == 1 and dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.record_id is not None and page.record_id != first, timeout=10_000)
    audit = run_on_lane(qtbot, desk, _audit)
    assert ("duplicate_warning", first, {"decision": "continued"}) in audit  # as before: no server field
    checks = [details for action, _, details in audit if action == possible_match.AUDIT_ACTION]
    assert [c["outcome"] for c in checks] == ["not_enrolled", "not_enrolled"]
