"""The review page over a real store: a supervisor sends a record back with a comment, the clerk (a second
operator, unlocked separately) sees it as needing correction and saves a corrected version, and the
supervisor approves the batch, which was refused in words while the correction was waiting."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR

CLERK, CLERK_PASSPHRASE = "Kofi Mensah", "cobalt lantern meadow 77"
PERSON = {
    "legal_basis": "consent",
    "consent": "yes",
    "given_name": "Conceição",
    "family_name": "N'Guessan",
    "sex": "female",
    "birth_date": "1990-05-06",
    "nationalities": "PT",
    "id_document_type": "passport",
    "document_number": "B2001",
    "residence_country": "PT",
    "residence_city": "Lisbon",
    "phone": "+351 91 555 6666",
}
COMMENT = "The birth date does not match the passport"


class ReviewDesk:
    def __init__(self, qtbot: Any, qapp: Any, data_dir: Any) -> None:
        from desktop.controllers.lock import LockController
        from desktop.i18n import LanguageController
        from desktop.pages import DeskContext
        from desktop.pages.review import create_page
        from desktop.tasks import StoreLane, TaskRunner
        from desktop.windows.main_window import MainWindow

        self.qtbot, self.data_dir = qtbot, data_dir
        self.languages = LanguageController(qapp)
        self.languages.switch_to("en")
        self.lane = StoreLane()
        self.lock = LockController(self.lane)
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.context = DeskContext(data_dir, self.lane, TaskRunner(), self.lock, self.languages, self.window)
        from desktop.pages.registration import create_page as create_registration_page

        self.registration = create_registration_page(self.context)
        spec = create_page(self.context)
        for page_spec in (self.registration, spec):
            self.window.add_page(page_spec.key, page_spec.widget, page_spec.title)
        self.registration = self.registration.widget
        self.window.show()
        self.page = spec.widget

    def unlock_as(self, name: str, passphrase: str) -> None:
        from forms.store import Store

        if self.lock.is_unlocked:
            self.lock.lock()
            self.lane.wait_for_done(10_000)
        with self.qtbot.waitSignal(self.page.loaded, timeout=10_000):
            self.lock.start_session(Store.unlock(self.data_dir, name, passphrase))

    def on_lane(self, work: Any) -> Any:
        outcome: dict[str, Any] = {}
        self.lane.run(
            work, lambda r: outcome.setdefault("result", r), lambda e: outcome.setdefault("error", e)
        )
        self.qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def shutdown(self) -> None:
        self.lock.lock()
        self.lock.stop_watching()
        self.lane.wait_for_done(10_000)
        self.context.workers.wait_for_done(10_000)
        self.languages.uninstall()


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    """A supervisor, a clerk, one batch with the clerk's saved record."""
    from forms.store import CLERK as CLERK_ROLE
    from forms.store import Store
    from forms.store.batches import open_batch
    from forms.store.records import save_record

    supervisor, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    supervisor.add_operator(CLERK, CLERK_ROLE, CLERK_PASSPHRASE)
    batch = open_batch(supervisor, "Lisbon consulate day", "Lisbon", "2026-06-20")
    supervisor.close()
    with Store.unlock(data_dir, CLERK, CLERK_PASSPHRASE) as clerk:
        record = save_record(clerk, batch.id, "diaspora_registration", "1", PERSON, draft=False)
    return {"batch": batch.id, "record": record.record_id}


@pytest.fixture
def review_desk(qtbot, qapp, data_dir, seeded):
    opened = ReviewDesk(qtbot, qapp, data_dir)
    yield opened
    opened.shutdown()


def _open_batch_and_record(qtbot, page, seeded) -> None:
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.record_shown, timeout=10_000):
        page.select_record(seeded["record"])


def _confirm(page) -> None:
    """Approve asks first; say yes."""
    from PySide6.QtWidgets import QMessageBox

    assert page.approve_box is not None and page.approve_box.isVisible()
    page.approve_box.button(QMessageBox.StandardButton.Yes).click()


def _cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def test_send_back_correct_and_approve(qtbot, review_desk, seeded) -> None:
    desk, page = review_desk, review_desk.page
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    assert page.views.currentIndex() == 0  # the supervisor's view
    assert _cell(page.batches, 0, 0) == "Lisbon consulate day" and _cell(page.batches, 0, 4) == "1"
    assert (
        page.batches.horizontalHeaderItem(7).text() == "Duplicates suspected"
        and _cell(page.batches, 0, 7) == "0"
    )

    _open_batch_and_record(qtbot, page, seeded)
    assert _cell(page.records, 0, 0) == "N'Guessan Conceição"
    shown = {line.label: line.value for line in page.detail_lines}
    assert "Conceição" in shown.values() and "B2001" in shown.values()
    assert "Conceição" in page.detail.toPlainText() and page.detail.isReadOnly()

    page.send_back_button.click()
    dialog = page.send_back_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # an empty comment is refused in words, the dialog stays
    assert dialog.isVisible() and dialog.problem.text()
    dialog.comment.setPlainText(COMMENT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ok.click()
    qtbot.waitUntil(lambda: page.batches.rowCount() == 1 and _cell(page.batches, 0, 6) == "1", timeout=10_000)

    with qtbot.waitSignal(page.message_shown, timeout=10_000) as refused:
        page.approve_button.click()
        _confirm(page)
    assert "not corrected yet" in refused.args[0]

    desk.unlock_as(CLERK, CLERK_PASSPHRASE)  # the clerk, on the same laptop
    assert page.views.currentIndex() == 1
    assert page.corrections_table.rowCount() == 1
    assert _cell(page.corrections_table, 0, 0) == "N'Guessan Conceição"
    assert _cell(page.corrections_table, 0, 1) == COMMENT
    assert "1 record" in page.heading.text()

    # "Open to correct" opens the record in the registration page; saving it there makes the new version.
    registration = desk.registration
    qtbot.waitUntil(lambda: registration.definition is not None, timeout=20_000)
    page.corrections_table.selectRow(0)
    with qtbot.waitSignal(registration.record_opened, timeout=10_000):
        page.correct_button.click()
    assert desk.window.current_page_key() == "registration" and registration.record_id == seeded["record"]
    registration.renderer.session.set("birth_date", "1990-06-05")
    with qtbot.waitSignal(registration.record_saved, timeout=10_000) as saved:
        registration.save(False)
    assert saved.args[0].record_id == seeded["record"] and saved.args[0].deprecated_id is not None
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    assert page.corrections_table.rowCount() == 0

    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    assert _cell(page.batches, 0, 6) == "0"
    page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.approve_button.click()
        _confirm(page)
    qtbot.waitUntil(lambda: _cell(page.batches, 0, 3) == "approved", timeout=10_000)
    assert page.message.text() == "The batch is approved."
    assert not page.approve_button.isEnabled()

    desk.lock.lock()  # locking clears names and comments
    assert page.batches.rowCount() == 0 and page.records.rowCount() == 0 and not page.detail.toPlainText()


def test_the_page_speaks_french_and_portuguese(qtbot, review_desk) -> None:
    desk, page = review_desk, review_desk.page
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    desk.languages.switch_to("fr")
    qtbot.waitUntil(lambda: page.approve_button.text() == "&Approuver le lot", timeout=5000)
    assert page.title() == "Revue" and page.status_text("approved") == "approuvé"
    desk.languages.switch_to("pt")
    qtbot.waitUntil(lambda: page.approve_button.text() == "&Aprovar o lote", timeout=5000)
    assert page.batches.horizontalHeaderItem(6).text() == "Devolvidos"


def _seed_conflict(review_desk, seeded, **changes: str) -> None:
    """An edit this laptop sent that the server kept as a conflict (as acknowledge.py records it)."""
    from forms.store import Store
    from forms.store.records import save_record
    from sync.client.state import SyncIssueRow

    with Store.unlock(review_desk.data_dir, SUPERVISOR, PASSPHRASE) as store:
        edited = save_record(
            store,
            seeded["batch"],
            "diaspora_registration",
            "1",
            dict(PERSON, **changes),
            draft=False,
            record_id=seeded["record"],
        )
        with store.session() as session:
            session.add(
                SyncIssueRow(
                    record_id=seeded["record"],
                    version_id=edited.version_id,
                    status="conflict",
                    reason="stale_replaces",
                    problems="[]",
                    batch_id="b",
                    at="2026-06-20T10:00:00",
                )
            )


def test_the_conflicts_queue_compares_field_by_field_and_is_marked_dealt_with(
    qtbot, review_desk, seeded
) -> None:
    from sync.client.state import open_issues

    _seed_conflict(review_desk, seeded, residence_city="Porto")
    desk, page = review_desk, review_desk.page
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    conflicts = page.conflicts
    qtbot.waitUntil(lambda: conflicts.issues.rowCount() == 1, timeout=10_000)
    page.tabs.setCurrentIndex(1)
    assert (
        _cell(conflicts.issues, 0, 0) == "N'Guessan Conceição" and _cell(conflicts.issues, 0, 1) == "conflict"
    )
    with qtbot.waitSignal(conflicts.compared, timeout=10_000):
        conflicts.issues.selectRow(0)
    rows = {_cell(conflicts.comparison, r, 1): r for r in range(conflicts.comparison.rowCount())}
    changed = rows["Porto"]
    assert _cell(conflicts.comparison, changed, 2) == "Lisbon"
    assert conflicts.comparison.item(changed, 1).font().bold()
    unchanged = rows["B2001"]
    assert _cell(conflicts.comparison, unchanged, 2) == "B2001"
    assert not conflicts.comparison.item(unchanged, 1).font().bold()

    with qtbot.waitSignal(conflicts.loaded, timeout=10_000):
        conflicts.resolve_button.click()
    assert conflicts.issues.rowCount() == 0 and conflicts.comparison.rowCount() == 0
    assert desk.on_lane(open_issues) == []


def test_a_field_by_field_choice_becomes_a_new_version(qtbot, review_desk, seeded) -> None:
    from forms.store.records import version_history
    from sync.client.state import open_issues

    _seed_conflict(review_desk, seeded, residence_city="Porto", phone="+351 91 000 0000")
    desk, page = review_desk, review_desk.page
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    conflicts = page.conflicts
    qtbot.waitUntil(lambda: conflicts.issues.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(conflicts.compared, timeout=10_000):
        conflicts.issues.selectRow(0)
    rows = {_cell(conflicts.comparison, r, 1): r for r in range(conflicts.comparison.rowCount())}
    assert conflicts.comparison.item(rows["B2001"], 2).data(Qt.ItemDataRole.CheckStateRole) is None  # no box
    conflicts.comparison.item(rows["Porto"], 2).setCheckState(Qt.CheckState.Checked)  # keep Lisbon
    assert conflicts.replaced_choices() == ["residence_city"]
    with qtbot.waitSignal(conflicts.loaded, timeout=10_000):
        conflicts.keep_button.click()
    history = desk.on_lane(lambda store: version_history(store, seeded["record"]))
    assert len(history) == 3 and history[2].deprecated_id == history[1].version_id
    assert history[2].answers["residence_city"] == "Lisbon"  # the replaced value, as ticked
    assert history[2].answers["phone"] == "+351 91 000 0000"  # the sent value, not ticked
    assert desk.on_lane(open_issues) == []
