"""The batch lists' and the review page's per-batch reads go in by batch (ix_records_batch_*), never
by walking an ix_records_latest_* index over every latest record (1 s each at 100k records; see
forms.store.schema.LATEST_NOT_INDEXED and bench/desk.py). Checked on SQLite's own query plans of the
statements each function runs, so no timing is involved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from forms.store import Store, batches, records, review

from .conftest import person


@contextmanager
def statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)


def plans_over_records(store: Store, run: Callable[[], object]) -> list[str]:
    """The query plans of the statements ``run`` sends that read the records table."""
    with statements(store) as seen:
        run()
    plans = []
    with store.engine.connect() as connection:
        for statement, parameters in seen:
            if "FROM records" not in statement:
                continue
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            plans.append(" / ".join(str(row[-1]) for row in rows))
    assert plans, "no statement read the records table"
    return plans


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(lambda store, batch: batches.list_batches(store), id="list_batches"),
        pytest.param(lambda store, batch: review.synced_counts(store), id="synced_counts"),
        pytest.param(lambda store, batch: records.latest_of_batch(store, batch), id="latest_of_batch"),
    ],
)
def test_per_batch_reads_go_in_by_batch(store: Store, batch_id: str, read: Any) -> None:
    for n in range(3):
        records.save_record(store, batch_id, "diaspora", "1", person(n), draft=n == 2)
    with store.engine.connect() as connection:  # the index the store's schema step made
        found = connection.execute(
            text("SELECT name FROM sqlite_master WHERE name = 'ix_records_batch_latest'")
        )
        assert found.first() is not None
    for plan in plans_over_records(store, lambda: read(store, batch_id)):
        assert "ix_records_batch_" in plan, plan  # ix_records_batch_latest, or the batch id's own
        assert "ix_records_latest_" not in plan, plan
