"""Issue #12: a message on the review page is about the batch it was said of; choosing another batch
clears it (a refusal to approve one batch no longer shows while the supervisor reads the next)."""

from __future__ import annotations

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.review_helpers import confirm_approval


def test_a_refusal_is_cleared_when_another_batch_is_chosen(qtbot, review_desk, seeded) -> None:
    from forms.store import review
    from forms.store.batches import open_batch

    desk, page = review_desk, review_desk.page
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    other = desk.on_lane(lambda store: open_batch(store, "Porto outreach", "Porto", "2026-06-21"))
    desk.on_lane(lambda store: review.send_back(store, seeded["record"], "Check the birth date"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.message_shown, timeout=10_000) as refused:
        page.approve_button.click()
        confirm_approval(page)
    assert "not corrected yet" in refused.args[0] and page.message.text() == refused.args[0]

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()  # the same batch still chosen: its message stays
    assert page.message.text() == refused.args[0]
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(other.id)
    assert page.message.text() == ""
