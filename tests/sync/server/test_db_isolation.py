"""The server's PostgreSQL engine states READ COMMITTED itself: duplicate detection's search, under its
advisory lock (sync/server/dedup/index.py), must see every batch committed before the lock, which a
REPEATABLE READ or SERIALIZABLE snapshot taken earlier in the transaction would hide. A database (or its
role) whose default is another level must not change that."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sync.server.db import make_engine
from tests.sync.server.helpers import PG_URL

pytestmark = pytest.mark.postgres


# URL-encoded libpq options: a space in a value is escaped with a backslash
@pytest.mark.parametrize("default", [None, "repeatable%5C%20read", "serializable"])
def test_every_transaction_is_read_committed_whatever_the_database_default(default: str | None) -> None:
    url = PG_URL if default is None else f"{PG_URL}?options=-cdefault_transaction_isolation%3D{default}"
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.get_isolation_level() == "READ COMMITTED"
            level = connection.execute(text("SHOW transaction_isolation")).scalar()
        assert level == "read committed"
        with engine.begin() as connection:  # a write transaction too, on a fresh pooled connection
            assert connection.execute(text("SHOW transaction_isolation")).scalar() == "read committed"
    finally:
        engine.dispose()
