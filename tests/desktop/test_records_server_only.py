"""Which records are only on the server now, in the running app (issue 19): the unlock purges two
acknowledged records; a registration reference typed in the records search names the one it belongs to
with the day it was removed and the day it was sent (English, then French); "Show which..." (reached
from the keyboard) lists both references with their batch and days, a page at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from desktop.app import DeskController
from forms.reference import reference_of
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR, unlock_through_window

SENT_DAYS_AGO = 10


def _prepare(data_dir) -> list[str]:
    """Two records the server acknowledged 10 days ago (the setting is 7), one still waiting."""
    from forms.store import Store, batches, outbox, records

    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    try:
        batch = batches.open_batch(store, "Lisbon day", "Lisbon", "2026-06-13").id
        ids = [
            records.save_record(
                store, batch, "diaspora_registration", "1", {"given_name": f"G{n}", "family_name": f"F{n}"},
                draft=False,
            ).record_id
            for n in range(2)
        ]  # fmt: skip
        items = outbox.pending(store)
        outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])
        records.save_record(store, batch, "diaspora_registration", "1", {"given_name": "W"}, draft=False)
        with store.session() as session:
            session.execute(
                text("UPDATE records SET synced_at = :t WHERE synced_at IS NOT NULL"),
                {"t": (datetime.now(UTC) - timedelta(days=SENT_DAYS_AGO)).isoformat()},
            )
    finally:
        store.close()
    return ids


def _long_day(days_ago: int) -> str:
    day = (datetime.now().astimezone() - timedelta(days=days_ago)).date().isoformat()
    return QLocale().toString(QDate.fromString(day, Qt.DateFormat.ISODate), QLocale.FormatType.LongFormat)


def _iso_day(days_ago: int) -> str:
    return (datetime.now().astimezone() - timedelta(days=days_ago)).date().isoformat()


def test_a_typed_reference_and_show_which_name_the_records_only_on_the_server(
    qtbot, qapp, data_dir, english, monkeypatch
) -> None:
    from desktop.pages.records import server_only

    monkeypatch.setattr(server_only, "PAGE_SIZE", 1)  # the dialog reads the second row as a second page
    ids = _prepare(data_dir)
    controller = DeskController(qapp, data_dir)
    controller.start()
    try:
        qtbot.addWidget(controller.unlock_window)
        unlock_through_window(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)
        window.show_page("records")
        records = window.page("records")
        panel = records.server_only
        qtbot.waitUntil(records.server_only_label.isVisible, timeout=15_000)
        qtbot.waitUntil(panel.show_button.isVisible, timeout=5000)
        assert not panel.reference_label.isVisible()

        reference = reference_of(ids[0])
        records.search.setText(reference.lower())
        records.run_search()
        expected = (
            f"Registration {reference} is only on the server now: this laptop removed it on "
            f"{_long_day(0)} after the server confirmed it holds it (sent on {_long_day(SENT_DAYS_AGO)})."
        )
        qtbot.waitUntil(lambda: panel.reference_label.text() == expected, timeout=5000)
        assert panel.reference_label.isVisible() and records.model.total() == 0

        records.search.setText(reference[:7])  # the printed start, "K7M3-9Q"
        records.run_search()
        qtbot.waitUntil(lambda: panel.reference_label.text() == expected, timeout=5000)

        records.search.setText("Family")  # not a reference: no sentence
        records.run_search()
        qtbot.waitUntil(lambda: not panel.reference_label.isVisible(), timeout=5000)

        controller.set_language("fr")
        records.search.setText(reference)
        records.run_search()
        qtbot.waitUntil(
            lambda: panel.reference_label.text().startswith(
                f"L'enregistrement {reference} n'est plus que sur le serveur : cet ordinateur l'a retiré le "
            ),
            timeout=5000,
        )
        assert panel.show_button.text() == "Voir lesquelles..."
        controller.set_language("en")

        # The button is reached from the keyboard and opened with the space bar.
        assert panel.show_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        panel.show_button.setFocus()
        qtbot.keyClick(panel.show_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=5000)
        dialog = panel.dialog
        model = dialog.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)  # two pages of one row
        shown = {
            model.index(row, 0).data(): [model.index(row, c).data() for c in (1, 2, 3)] for row in range(2)
        }
        assert shown == {
            reference_of(record_id): ["2026-06-13, Lisbon day", _iso_day(SENT_DAYS_AGO), _iso_day(0)]
            for record_id in ids
        }
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
            "Registration",
            "Batch",
            "Sent",
            "Removed",
        ]
        assert not dialog.unlisted_label.isVisible()
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)

        controller.lock.lock()
        assert panel.reference_label.text() == "" and not panel.show_button.isVisible()
    finally:
        controller.set_language("en")
        controller.shutdown()
        controller.deleteLater()
