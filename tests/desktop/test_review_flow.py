"""The review page over a real store: a supervisor sends a record back with a comment, the clerk (a second
operator, unlocked separately) sees it as needing correction and saves a corrected version, and the
supervisor approves the batch, which was refused in words while the correction was waiting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.review_helpers import CLERK, CLERK_PASSPHRASE, PERSON, confirm_approval

COMMENT = "The birth date does not match the passport"


def _open_batch_and_record(qtbot, page, seeded) -> None:
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.record_shown, timeout=10_000):
        page.select_record(seeded["record"])


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
        confirm_approval(page)
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
        confirm_approval(page)
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
