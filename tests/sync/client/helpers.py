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


def bulk_add_records(store: Store, count: int, *, start: int = 0, padding: int = 0) -> None:
    """Like `add_records`, but written with two INSERTs for large counts (save_record's per-record audit
    chain costs ~10-25 ms a record on a loaded 2-core box). Rows are what save_record writes: a final
    latest version with its meta, and its outbox row, in one transaction."""
    import json
    import uuid

    from sqlalchemy import insert

    from forms.store.schema import OutboxRow, RecordRow

    with store.session() as session:
        batch_id = open_batch(session, "Bulk test event", "Test place", "2026-11-24").id
        now = "2026-11-24T10:00:00.000000+00:00"
        records, outbox = [], []
        for n in range(start, start + count):
            version_id, record_id = str(uuid.uuid4()), str(uuid.uuid4())
            answers = {
                "full_name": f"Person {n}",
                "age": 20 + n % 50,
                "meta": {"instanceID": f"uuid:{version_id}"},
                **({"note": "x" * padding} if padding else {}),
            }
            records.append(
                {
                    "version_id": version_id,
                    "record_id": record_id,
                    "deprecated_id": None,
                    "batch_id": batch_id,
                    "form_id": FORM_ID,
                    "form_version": "1",
                    "status": "final",
                    "is_latest": True,
                    "operator": OPERATOR,
                    "created_at": now,
                    "updated_at": now,
                    "answers": json.dumps(answers),
                }
            )
            outbox.append(
                {
                    "version_id": version_id,
                    "record_id": record_id,
                    "batch_id": batch_id,
                    "kind": "record",
                    "created_at": now,
                }
            )
        session.execute(insert(RecordRow), records)
        session.execute(insert(OutboxRow), outbox)
