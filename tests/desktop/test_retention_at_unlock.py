"""Retention in the running app: the unlock purges what is due (acknowledged records past the setting,
drafts announced long enough ago); the records list says how many records are only on the server now
(per batch, in the interface language) instead of letting them vanish; the Start page announces the
drafts that will be deleted, with the day."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QLocale
from PySide6.QtCore import Qt as QtCore
from sqlalchemy import text

from desktop.app import DeskController
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR, unlock_through_window


def _person(n: int) -> dict[str, str]:
    return {
        "given_name": f"Given{n}",
        "family_name": f"Family{n}",
        "birth_date": "1980-01-01",
        "consent": "yes",
    }


def _prepare(data_dir) -> dict[str, str]:
    """Two records synced 10 days ago, one waiting, an old draft announced 8 days ago, a draft nearing
    its age (never announced yet)."""
    from forms.store import Store, batches, outbox, records
    from forms.store.retention import DRAFT_WARNED_SETTING
    from forms.store.schema import SettingRow

    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    try:
        batch = batches.open_batch(store, "Lisbon day", "Lisbon", "2026-06-13").id
        other = batches.open_batch(store, "Porto day", "Porto", "2026-06-14").id
        for n in range(2):
            records.save_record(store, batch, "diaspora_registration", "1", _person(n), draft=False)
        items = outbox.pending(store)
        outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])
        waiting = records.save_record(store, other, "diaspora_registration", "1", _person(5), draft=False)
        old = records.save_record(store, other, "diaspora_registration", "1", _person(6), draft=True)
        near = records.save_record(store, other, "diaspora_registration", "1", _person(7), draft=True)
        now = datetime.now(UTC)
        with store.session() as session:
            session.execute(
                text("UPDATE records SET synced_at = :t WHERE synced_at IS NOT NULL"),
                {"t": (now - timedelta(days=10)).isoformat()},
            )
            stamps = {old.version_id: now - timedelta(days=60), near.version_id: now - timedelta(days=28)}
            for version_id, moment in stamps.items():
                session.execute(
                    text("UPDATE records SET updated_at = :t WHERE version_id = :v"),
                    {"t": moment.isoformat(), "v": version_id},
                )
            announced = {
                f"d:{old.version_id}@{stamps[old.version_id].isoformat()}": (
                    now - timedelta(days=8)
                ).isoformat()
            }
            session.merge(SettingRow(key=DRAFT_WARNED_SETTING, value=json.dumps(announced)))
    finally:
        store.close()
    return {
        "batch": batch,
        "other": other,
        "waiting": waiting.record_id,
        "old": old.record_id,
        "near": near.record_id,
    }


def _announced(controller: DeskController, qtbot, record_id: str) -> bool:
    """Whether the store notes that the Start page announced the deletion of that record's draft."""
    found: list[bool] = []

    def work(store) -> bool:
        from forms.store.retention import DRAFT_WARNED_SETTING

        with store.session(read_only=True) as session:
            value = session.execute(
                text("SELECT value FROM settings WHERE key = :k"), {"k": DRAFT_WARNED_SETTING}
            ).scalar()
            version = session.execute(
                text("SELECT version_id FROM records WHERE record_id = :r"), {"r": record_id}
            ).scalar()
        return bool(value) and f"d:{version}@" in str(value)

    controller.lane.run(work, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=5000)
    return found[0]


def _held(controller: DeskController, qtbot, record_id: str) -> bool:
    found: list[bool] = []

    def work(store) -> bool:
        with store.session(read_only=True) as session:
            query = text("SELECT count(*) FROM records WHERE record_id = :r")
            return bool(session.execute(query, {"r": record_id}).scalar())

    controller.lane.run(work, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=5000)
    return found[0]


def test_unlock_purges_and_the_list_and_start_page_say_so(qtbot, qapp, data_dir, english) -> None:
    ids = _prepare(data_dir)
    controller = DeskController(qapp, data_dir)
    controller.start()
    try:
        qtbot.addWidget(controller.unlock_window)
        unlock_through_window(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)

        home = window.page("home")
        # Read while another page is on screen: shown when asked, but not yet announced (no week starts).
        qtbot.waitUntil(lambda: bool(home.deletions), timeout=15_000)
        assert not _announced(controller, qtbot, ids["near"])
        window.show_page("home")
        qtbot.waitUntil(lambda: _announced(controller, qtbot, ids["near"]), timeout=15_000)
        expected_day = QLocale().toString(
            QDate.fromString(
                (datetime.now().astimezone() + timedelta(days=7)).date().isoformat(),
                QtCore.DateFormat.ISODate,
            ),
            QLocale.FormatType.LongFormat,
        )
        qtbot.waitUntil(home.deletion_warning.isVisible, timeout=15_000)
        assert home.deletion_warning.text() == (
            f"1 unfinished registration (a draft or an autosaved form) will be deleted on {expected_day}: "
            "nobody touched it for a long time. Finish it before that day."
        )

        assert not _held(controller, qtbot, ids["old"])  # announced 8 days ago and 60 days old: gone
        assert _held(controller, qtbot, ids["near"])  # announced just now: a week to go
        assert _held(controller, qtbot, ids["waiting"])

        window.show_page("records")
        records = window.page("records")
        qtbot.waitUntil(records.server_only_label.isVisible, timeout=15_000)
        assert records.server_only_label.text() == (
            "2 records registered on this laptop are only on the server now: this laptop removed them "
            "after the server confirmed it holds them."
        )
        assert records.model.total() == 2  # the waiting record and the near draft

        records.batch_filter.setCurrentIndex(records.batch_filter.findData(ids["other"]))
        qtbot.waitUntil(lambda: not records.server_only_label.isVisible(), timeout=5000)
        records.batch_filter.setCurrentIndex(records.batch_filter.findData(ids["batch"]))
        qtbot.waitUntil(records.server_only_label.isVisible, timeout=5000)
        assert records.server_only_label.text().startswith(
            "2 records of this batch are only on the server now"
        )
        assert records.model.total() == 0

        controller.set_language("fr")
        qtbot.waitUntil(
            lambda: records.server_only_label.text().startswith(
                "2 fiches de ce lot ne sont plus que sur le serveur"
            ),
            timeout=5000,
        )
        qtbot.waitUntil(lambda: "seront supprimés" not in home.deletion_warning.text()
                        and "sera supprimé le" in home.deletion_warning.text(), timeout=5000)  # fmt: skip

        controller.lock.lock()
        assert records.server_only_label.text() == "" and home.deletion_warning.text() == ""
    finally:
        controller.set_language("en")
        controller.shutdown()
        controller.deleteLater()
