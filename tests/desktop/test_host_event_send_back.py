"""The hub's review page sends a clerk's batch back with a note: the button asks why, the batch shows who
sent it back and the note, approving it is no longer offered, and the clerk's laptop reopens it at its
next sync with the hub, the note shown as the correction's comment. French and Portuguese labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.dialogs.host_event_dialog import HostEventDialog
from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store import Store
from forms.store import review as store_review
from forms.store.batches import get_batch, open_batch
from forms.store.records import save_record
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.hub import review
from sync.hub.code import parse_hub_code
from tests.sync.client.helpers import new_store
from tests.sync.e2e.servers import free_port

from .conftest import PASSPHRASE, SUPERVISOR

NOTE = "Two records lack the phone number"


@pytest.fixture
def hosting(qtbot, lane, existing_store: Path, tmp_path: Path, english) -> Iterator[HostEventDialog]:
    lane.attach(Store.unlock(existing_store, SUPERVISOR, PASSPHRASE))
    dialog = HostEventDialog(lane, announce=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.hub is not None, timeout=60_000)
    yield dialog
    dialog.stop_hosting()


def test_the_supervisor_sends_a_batch_back_and_the_clerk_sees_it_reopened(
    qtbot, hosting: HostEventDialog, tmp_path: Path, english
) -> None:
    hosting.label_edit.setText("Clerk A")
    hosting.code_button.click()
    code = parse_hub_code(hosting.code_view.text())
    form = load_form(shipped_form_path())
    clerk = new_store(tmp_path / "clerk")
    try:
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        with clerk.session() as session:
            batch = open_batch(session, "Outreach day", "Minneapolis", "2026-12-05").id
            for answers in demo_registrations(2, seed=1819):
                save_record(session, batch, str(form.form_id), str(form.version), answers, draft=False)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok

        hosting.review_button.click()
        page = hosting.review
        assert page is not None
        qtbot.waitUntil(lambda: page.batches.rowCount() == 1, timeout=20_000)
        assert not page.send_back_button.isEnabled()
        page.batches.selectRow(0)
        qtbot.waitUntil(page.send_back_button.isEnabled, timeout=20_000)
        asked: list[str] = []
        page._ask_note = lambda line: asked.append(line.laptop) or None  # type: ignore[method-assign]
        page.send_back_button.click()  # cancelled: nothing happens
        assert asked == ["Clerk A"] and page.send_back_button.isEnabled()
        page._ask_note = lambda line: NOTE  # type: ignore[method-assign]
        page.send_back_button.click()
        qtbot.waitUntil(lambda: "sent back" in page.message.text(), timeout=20_000)
        assert page.message.text() == (
            "Batch of Clerk A (2 records) sent back; the laptop reopens it at its next sync."
        )
        qtbot.waitUntil(
            lambda: (
                page.batches.item(0, 5) is not None
                and page.batches.item(0, 5).text() == f"by {SUPERVISOR}: {NOTE}"
            ),
            timeout=20_000,
        )
        assert not page.approve_button.isEnabled() and not page.send_back_button.isEnabled()
        assert hosting.hub is not None
        [line] = review.batches(hosting.hub.hub.engine)
        assert (line.sent_back_by, line.note) == (SUPERVISOR, NOTE)

        report = SyncEngine(clerk, fetch_forms=False).run_once()
        assert report.ok and report.sent_back == 2
        assert get_batch(clerk, batch).status == "open"
        assert {(f.comment, f.sent_by) for f in store_review.needing_correction(clerk)} == {
            (NOTE, SUPERVISOR)
        }

        english.switch_to("fr")
        qtbot.waitUntil(lambda: page.send_back_button.text() == "Renvoyer...")
        qtbot.waitUntil(lambda: page.batches.item(0, 5).text() == f"par {SUPERVISOR} : {NOTE}")
        english.switch_to("pt")
        qtbot.waitUntil(lambda: page.send_back_button.text() == "Devolver...")
    finally:
        clerk.close()
