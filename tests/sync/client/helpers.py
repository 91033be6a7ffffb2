"""Real encrypted stores for the sync client's tests: created with the fast test KDF, filled through
the store's own save_record (record, outbox row and audit entry in one transaction)."""

from __future__ import annotations

import os
from pathlib import Path

from forms.store import Store
from forms.store.batches import open_batch
from forms.store.kdf import TEST_FAST_ENV
from forms.store.records import RecordVersion, save_record

OPERATOR = "chief"
PASSPHRASE = "correct horse battery staple 42"
FORM_ID = "sync_e2e"  # the form tests/sync/e2e/servers.py publishes


def new_store(data_dir: Path) -> Store:
    os.environ[TEST_FAST_ENV] = "1"  # 8 MiB Argon2: a store in milliseconds, for tests only
    store, _recovery = Store.create(data_dir, OPERATOR, PASSPHRASE)
    return store


def add_records(
    store: Store, count: int, *, start: int = 0, batch_id: str | None = None
) -> list[RecordVersion]:
    """`count` final records in one transaction (one outbox row each). Names are synthetic test data."""
    with store.session() as session:
        if batch_id is None:
            batch_id = open_batch(session, "Test event", "Test place", "2026-11-24").id
        return [
            save_record(
                session,
                batch_id,
                FORM_ID,
                "1",
                {"full_name": f"Person {start + n}", "age": 20 + (start + n) % 50},
                draft=False,
            )
            for n in range(count)
        ]


def edit_record(store: Store, version: RecordVersion, answers: dict[str, object]) -> RecordVersion:
    return save_record(
        store, version.batch_id, FORM_ID, "1", answers, draft=False, record_id=version.record_id
    )
