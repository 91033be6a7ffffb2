"""Opening the SQLCipher file through SQLAlchemy 2, keyed with the raw data key.

Every new DBAPI connection gets the key first, then the pragmas of docs/security.md, each read back and
asserted; ``cipher_version`` must start with 4. Transactions are begun by us (``BEGIN``) rather than by
the driver, the SQLAlchemy recipe for pysqlite-style drivers, so a session is exactly one transaction.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from .errors import CorruptDatabaseError

DB_FILE = "store.db"
RESTORE_HINT = "restore the automatic backup with `diaspora-desk backup restore --operator NAME`"

# pragma -> the value it must read back as
REQUIRED_PRAGMAS: dict[str, tuple[str, Any]] = {
    "cipher_memory_security": ("ON", "1"),
    "journal_mode": ("WAL", "wal"),
    "synchronous": ("FULL", 2),
    "secure_delete": ("ON", 1),
    "temp_store": ("MEMORY", 2),
    "foreign_keys": ("ON", 1),
}
BUSY_TIMEOUT_MS = 10_000
WRITE_LOCK_OPTION = "diaspora_write_lock"


class PragmaError(RuntimeError):
    """A security pragma did not take: never run on such a connection."""


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE


def connect_raw(path: Path, key: bytes) -> sqlcipher.Connection:
    """A DBAPI connection with the key and every pragma applied and checked."""
    connection = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher writes its own log lines to stderr; failures reach people through our sentences.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        version = connection.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4"):
            raise PragmaError("SQLCipher 4 is required")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            raise CorruptDatabaseError(
                f"The database {path} is damaged or does not belong to this key file; {RESTORE_HINT}."
            ) from None
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for name, (value, expected) in REQUIRED_PRAGMAS.items():
            connection.execute(f"PRAGMA {name} = {value}")
            row = connection.execute(f"PRAGMA {name}").fetchone()
            if row is None or row[0] != expected:
                raise PragmaError(f"PRAGMA {name} did not take")
    except BaseException:
        connection.close()
        raise
    return connection


def open_engine(path: Path, key: bytes) -> Engine:
    # SQLAlchemy logs every statement when this logger's effective level reaches INFO (an app that sets
    # the root logger to INFO would otherwise log SQL): keep it at WARNING whatever the app configures.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: connect_raw(path, key),
        # Never put bound values (names, document numbers...) into log lines or exception messages.
        hide_parameters=True,
        poolclass=QueuePool,  # the URL says memory (the creator opens the file): pick the file pool
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE): two writers then wait for each other
        # (busy_timeout) instead of failing on a lock upgrade, and the audit chain's "read the last
        # hash, append" cannot interleave. Readers begin deferred and never block anyone (WAL).
        immediate = connection.get_execution_options().get(WRITE_LOCK_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_corruption(error: BaseException, path: Path | None = None) -> bool:
    """A damaged page (failed HMAC, malformed image, truncated file), as opposed to a busy or locked
    database. Once a page fails its HMAC, SQLCipher refuses every later write on that connection as
    "readonly": with ``path`` given and the file writable, that is damage too."""
    original = getattr(error, "orig", error)
    text = str(original).lower()
    if not isinstance(original, sqlcipher.DatabaseError):
        return False
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return True
    return path is not None and "readonly database" in text and os.access(path, os.W_OK)


def corruption_error(path: Path) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        f"The database {path} is damaged (a page failed its integrity check); {RESTORE_HINT}."
    )


def writer(engine: Engine) -> Engine:
    """The same pool, but transactions begun on it take the write lock first."""
    return engine.execution_options(**{WRITE_LOCK_OPTION: True})


def run_outside_transaction(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    """For the pragmas that refuse to run inside a transaction (checkpoint, user_version)."""
    connection = engine.raw_connection()
    try:
        return list(connection.driver_connection.execute(sql).fetchall())  # type: ignore[union-attr]
    finally:
        connection.close()
