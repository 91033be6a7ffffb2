"""Issue 12, defect 8 and the review page's share of defect 11, over a real store.

- The record pane is readable: labels in the interface language (never registration_place/operator),
  answers wrapped (no horizontal scrolling), grouped by the form's sections, remarks on several lines.
- Approve asks for confirmation; Cancel approves nothing.
- "Send back…" stays disabled on an approved batch.
- Tab leaves the send-back comment box.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.review_helpers import CLERK, CLERK_PASSPHRASE, PERSON, ReviewDesk

LONG_REMARK = "First line of the remark.\n" + "word " * 120 + "\nLast line."


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    from forms.store import CLERK as CLERK_ROLE
    from forms.store import Store
    from forms.store.batches import open_batch
    from forms.store.records import save_record

    supervisor, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    supervisor.add_operator(CLERK, CLERK_ROLE, CLERK_PASSPHRASE)
    batch = open_batch(supervisor, "Lisbon consulate day", "Lisbon", "2026-06-20")
    supervisor.close()
    answers = {
        **PERSON,
        "registration_place": "Lisbon",
        "operator": CLERK,
        "registration_batch": batch.id,
        "email": "conceicao.nguessan.with.a.very.long.address.that.has.no.spaces@example.org",
        "remarks": LONG_REMARK,
    }
    with Store.unlock(data_dir, CLERK, CLERK_PASSPHRASE) as clerk:
        record = save_record(clerk, batch.id, "diaspora_registration", "1", answers, draft=False)
    return {"batch": batch.id, "record": record.record_id}


@pytest.fixture
def desk(qtbot, qapp, data_dir, seeded):
    opened = ReviewDesk(qtbot, qapp, data_dir)
    opened.window.resize(1366, 768)
    yield opened
    opened.shutdown()


def _open(qtbot, page, seeded) -> None:
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.record_shown, timeout=10_000):
        page.select_record(seeded["record"])


def test_record_pane_is_readable_in_french(qtbot, desk, seeded) -> None:
    desk.languages.switch_to("fr")
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    page = desk.page
    _open(qtbot, page, seeded)
    text = page.detail.toPlainText()
    for internal in ("registration_place", "registration_batch", "operator", "family_name", "remarks"):
        assert internal not in text
    assert seeded["batch"] not in text  # the hidden batch id is not an answer a person reads
    # labels and sections in French
    assert "Lieu d'enregistrement" in text and "Enregistré par" in text and "Kofi Mensah" in text
    assert "Identité" in text and "Nom de famille" in text
    # grouped by section: headings come in the form's order, each answer under its own
    assert text.index("Identité") < text.index("Nom de famille") < text.index("Résidence")
    # multi-line remark kept on several lines
    assert "First line of the remark.\n" in text or "First line of the remark.\u2029" in text
    # wrapped to the pane: no horizontal scrolling even for a long address
    page.detail.resize(360, 400)
    qtbot.wait(50)
    assert page.detail.horizontalScrollBar().maximum() == 0
    assert page.detail.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert page.detail.document().idealWidth() <= page.detail.viewport().width() + 1


def test_approve_asks_and_cancel_approves_nothing(qtbot, desk, seeded) -> None:
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    page = desk.page
    _open(qtbot, page, seeded)
    page.approve_button.click()
    box = page.approve_box
    assert box is not None and box.isVisible() and "Lisbon consulate day" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(300)
    assert page.selected_batch().batch.status == "open"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.approve_button.click()
        page.approve_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.batch_lines[0].batch.status == "approved", timeout=10_000)

    # Send back is not offered on an approved batch, even for a saved record
    page.select_batch(seeded["batch"])
    qtbot.waitUntil(lambda: page.records.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(page.record_shown, timeout=10_000):
        page.select_record(seeded["record"])
    assert not page.send_back_button.isEnabled()


def test_tab_leaves_the_send_back_comment(qtbot, desk, seeded) -> None:
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    page = desk.page
    _open(qtbot, page, seeded)
    assert page.send_back_button.isEnabled()
    page.send_back_button.click()
    dialog = page.send_back_dialog
    qtbot.waitExposed(dialog)
    dialog.comment.setFocus()
    qtbot.keyClicks(dialog.comment, "check")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Tab)
    assert dialog.comment.toPlainText() == "check"  # no tab character typed
    assert not dialog.comment.hasFocus()
    dialog.reject()
