"""After the schema steps the store goes on with fresh SQLCipher connections: a connection that ran step
8's chart recount stayed about 5x slower for every later statement (a save 2 -> 6 ms) until it closed
(forms.store.migrate.migrate). Checked by identity, no timing: the connection that wrote the schema
version is never the one a session gets afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from forms.store import Store

from .conftest import PASSPHRASE


@pytest.fixture
def stepping_connections() -> Iterator[list[Any]]:
    ran: list[Any] = []  # strong references: no id is reused while the test runs

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.startswith("PRAGMA user_version ="):
            ran.append(conn.connection.driver_connection)

    event.listen(Engine, "before_cursor_execute", keep)
    try:
        yield ran
    finally:
        event.remove(Engine, "before_cursor_execute", keep)


def test_a_new_store_works_on_connections_other_than_the_one_that_ran_its_schema_steps(
    data_dir: Path, stepping_connections: list[Any]
) -> None:
    store, _recovery = Store.create(data_dir, "Ama Mensah", PASSPHRASE)
    try:
        assert stepping_connections, "no schema step ran"
        for _ in range(3):  # the pool's connections, one after another
            with store.session() as session:
                used = session.connection().connection.driver_connection
                assert all(used is not stepped for stepped in stepping_connections)
    finally:
        store.close()
