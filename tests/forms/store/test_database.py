"""The SQLCipher file: pragmas at every connection, damage detected, schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from forms.store import CorruptDatabaseError, NewerStoreError, Store, migrate, records
from forms.store.backup import list_backups
from forms.store.database import REQUIRED_PRAGMAS, db_path, run_outside_transaction
from tests.forms.store.conftest import PASSPHRASE, person


def test_every_pooled_connection_carries_the_security_pragmas(store: Store) -> None:
    engine = store.engine
    with engine.connect() as first, engine.connect() as second:  # two distinct DBAPI connections
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            assert str(connection.exec_driver_sql("PRAGMA cipher_version").scalar()).startswith("4")
            for name, (_value, expected) in REQUIRED_PRAGMAS.items():
                assert connection.exec_driver_sql(f"PRAGMA {name}").scalar() == expected, name


def test_the_file_is_not_readable_as_plain_sqlite(store: Store, batch_id: str, data_dir: Path) -> None:
    records.save_record(store, batch_id, "reg", "1", person(1), draft=False)
    store.checkpoint()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path(data_dir)).execute("SELECT count(*) FROM sqlite_master").fetchone()


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_byte_in_a_data_page_is_found_by_verify(
    store: Store, batch_id: str, data_dir: Path
) -> None:
    for n in range(200):  # enough rows for several pages
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    store.checkpoint()
    store.close()
    path = db_path(data_dir)
    page_size = 4096
    assert path.stat().st_size > 8 * page_size
    _flip_byte(path, (path.stat().st_size // page_size // 2) * page_size + 100)  # a records/index page
    try:
        with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
            problems = again.verify()
    except CorruptDatabaseError:
        return  # the damaged page was needed to open the store: detected all the same
    assert problems, "a flipped byte went unnoticed"


def test_a_flipped_byte_in_the_first_page_is_a_clear_error(store: Store, data_dir: Path) -> None:
    store.checkpoint()
    store.close()
    _flip_byte(db_path(data_dir), 200)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        Store.unlock(data_dir, "amara", PASSPHRASE)


def test_a_store_from_a_newer_version_is_refused_untouched(store: Store, data_dir: Path) -> None:
    run_outside_transaction(store.engine, f"PRAGMA user_version = {migrate.CURRENT_VERSION + 1}")
    store.checkpoint()
    store.close()
    before = db_path(data_dir).read_bytes()
    with pytest.raises(NewerStoreError, match="newer version of Diaspora Desk"):
        Store.unlock(data_dir, "amara", PASSPHRASE)
    assert db_path(data_dir).read_bytes() == before


def test_migrating_backs_the_file_up_first(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    before, after = migrate.CURRENT_VERSION, migrate.CURRENT_VERSION + 1

    def add_notes_table(connection: object) -> None:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))  # type: ignore[attr-defined]

    monkeypatch.setitem(migrate.MIGRATIONS, after, add_notes_table)
    monkeypatch.setattr(migrate, "CURRENT_VERSION", after)
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again, again.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == after
        assert connection.exec_driver_sql("SELECT count(*) FROM notes").scalar() == 0
    taken = [b for b in list_backups(data_dir) if b.reason == f"schema{before}"]
    assert len(taken) == 1
    with pytest.raises(sqlite3.DatabaseError):  # the backup is as encrypted as the original
        sqlite3.connect(taken[0].path).execute("SELECT count(*) FROM sqlite_master").fetchone()
