"""The records list's seeded people and how the records tests open the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from forms.store.batches import open_batch
from forms.store.records import save_record
from tests.desktop.harness import (
    Desk,
    press,
    run_on_lane,
)

PEOPLE = [
    ("Kofi", "Mensah", "1980-01-02", "A1001", "+233 20 111 2222"),
    ("Ama", "Mensah", "1985-03-04", "A1002", "+233 20 333 4444"),
    ("Conceição", "da Silva", "1990-05-06", "B2001", "+351 91 555 6666"),
    ("Fatou", "Diallo", "1975-07-08", "C3001", "+221 77 777 8888"),
    ("Élodie", "Ngoma", "2000-09-10", "D4001", "+242 06 999 0000"),
]


def seed(qtbot, desk: Desk) -> dict[str, Any]:
    """Two batches; the last person is a draft in the second one."""

    def work(store: Any) -> dict[str, Any]:
        first = desk.registration.batch
        second = open_batch(store, "Atlanta consulate day", "Atlanta", "2026-06-20")
        saved = {}
        for index, (given, family, birth, document, phone) in enumerate(PEOPLE):
            answers = {"given_name": given, "family_name": family, "birth_date": birth,
                       "document_number": document, "phone": phone, "consent": "yes"}  # fmt: skip
            batch = first if index < 3 else second
            version = save_record(store, batch.id, "diaspora_registration", "1", answers, index == 4)
            saved[family + given] = version
        return {"versions": saved, "first": first, "second": second}

    return run_on_lane(qtbot, desk, work)


def show_records(qtbot, desk: Desk) -> Any:
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    records = desk.records
    qtbot.waitUntil(
        lambda: records.model.total() == len(PEOPLE) and records.batch_filter.count() == 3, timeout=5000
    )
    return records


def _one_row(records: Any) -> bool:
    return records.model.total() == 1 and records.model.record_at(0) is not None


def _exists(store: Any, record_id: str) -> bool:
    from forms.store.errors import RecordNotFoundError
    from forms.store.records import latest_version

    try:
        latest_version(store, record_id, log_view=False)
    except RecordNotFoundError:
        return False
    return True
