"""The hub's review page in "Host this event": the supervisor sees every clerk laptop's records (per
laptop, counts, the records themselves, by laptop and by batch) and approves a batch there, under the
supervisor's own name. Real store on the lane, real HTTPS hub in a thread, two clerks syncing to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.dialogs.host_event_dialog import HostEventDialog
from desktop.pages.review.data import person_name
from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store import Store
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.hub import review
from sync.hub.code import parse_hub_code
from tests.sync.client.helpers import OPERATOR, new_store
from tests.sync.e2e.servers import free_port

from .conftest import PASSPHRASE, SUPERVISOR


def _clerk_syncs(dialog: HostEventDialog, folder: Path, label: str, people: list[dict]) -> None:
    dialog.label_edit.setText(label)
    dialog.code_button.click()
    code = parse_hub_code(dialog.code_view.text())
    form = load_form(shipped_form_path())
    clerk = new_store(folder)
    try:
        enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        with clerk.session() as session:
            batch = open_batch(session, "Outreach day", "Minneapolis", "2026-12-05").id
            for answers in people:
                save_record(session, batch, str(form.form_id), str(form.version), answers, draft=False)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
    finally:
        clerk.close()


@pytest.fixture
def hosting(qtbot, lane, existing_store: Path, tmp_path: Path, english) -> Iterator[HostEventDialog]:
    lane.attach(Store.unlock(existing_store, SUPERVISOR, PASSPHRASE))
    dialog = HostEventDialog(lane, announce=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.review_button.isEnabled()
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.hub is not None, timeout=60_000)
    people = demo_registrations(5, seed=1818)
    _clerk_syncs(dialog, tmp_path / "a", "Clerk A", people[:3])
    _clerk_syncs(dialog, tmp_path / "b", "Clerk B", people[3:])
    yield dialog
    dialog.stop_hosting()


def _column(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_supervisor_sees_every_laptops_records_and_approves_a_batch(
    qtbot, hosting: HostEventDialog
) -> None:
    people = demo_registrations(5, seed=1818)
    hosting.review_button.click()
    page = hosting.review
    assert page is not None and page.isVisible()
    qtbot.waitUntil(lambda: page.records.rowCount() == 5, timeout=20_000)
    assert page.summary.text() == "2 laptops sent 5 records in 2 batches; 0 batches approved."
    assert _column(page.laptops, 0) == ["Clerk A", "Clerk B"]
    assert _column(page.laptops, 1) == ["3", "2"]
    assert sorted(_column(page.records, 4)) == sorted(person_name(p) for p in people)
    assert set(_column(page.records, 1)) == {OPERATOR}  # the clerks' operator
    assert not page.approve_button.isEnabled()

    page.laptops.selectRow(1)  # Clerk B: its batch and its records only
    qtbot.waitUntil(lambda: page.records.rowCount() == 2, timeout=20_000)
    assert _column(page.records, 0) == ["Clerk B", "Clerk B"]
    assert _column(page.batches, 0) == ["Clerk B"] and _column(page.batches, 2) == ["2"]
    page.batches.selectRow(0)
    qtbot.waitUntil(page.approve_button.isEnabled, timeout=20_000)
    page.approve_button.click()
    qtbot.waitUntil(lambda: "approved by" in page.message.text(), timeout=20_000)
    assert page.message.text().startswith(f"Batch of Clerk B (2 records) approved by {SUPERVISOR}")
    qtbot.waitUntil(lambda: _column(page.batches, 3) == [SUPERVISOR], timeout=20_000)
    assert not page.approve_button.isEnabled()
    assert hosting.hub is not None
    stored = review.batches(hosting.hub.hub.engine)
    assert [(b.laptop, b.approved_by, b.approval_relayed) for b in stored] == [
        ("Clerk A", None, False),
        ("Clerk B", SUPERVISOR, False),
    ]

    page.all_button.click()
    qtbot.waitUntil(lambda: page.records.rowCount() == 5, timeout=20_000)
    assert page.summary.text() == "2 laptops sent 5 records in 2 batches; 1 batches approved."

    hosting.start_button.click()  # stop hosting: the review page closes with the hub
    assert hosting.hub is None and not page.isVisible()


def test_the_review_page_speaks_french(qtbot, hosting: HostEventDialog, english) -> None:
    hosting.review_button.click()
    page = hosting.review
    assert page is not None
    english.switch_to("fr")
    qtbot.waitUntil(lambda: page.windowTitle() == "Revoir les enregistrements de l'événement")
    assert page.approve_button.text() == "Approuver le lot"
    qtbot.waitUntil(lambda: page.summary.text().startswith("2 ordinateurs ont envoyé 5 enregistrements"))
    english.switch_to("pt")
    qtbot.waitUntil(lambda: page.approve_button.text() == "Aprovar o lote")
