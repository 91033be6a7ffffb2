"""Sync's tables belong to the store's schema (step 7, forms.store.sync_tables): a new store has them
before sync ever runs, a store whose sync made them itself (create_all, before step 7) keeps them and
their rows, and the DDL matches what sync maps onto it column for column. Sync never creates a table."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

import sync.client.forms_download
import sync.client.sealing
import sync.client.state
from forms.store import Store, migrate
from forms.store.backup import list_backups
from forms.store.database import run_outside_transaction
from forms.store.sync_tables import TABLES
from tests.conftest import REPO_ROOT
from tests.forms.store.conftest import PASSPHRASE

# sync.client.sealing and sync.client.forms_download are imported for their rows: SyncBase's metadata
# then holds every table sync maps.


def _tables(store: Store) -> set[str]:
    rows = run_outside_transaction(store.engine, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


def test_a_new_store_has_syncs_tables_before_any_sync(store: Store) -> None:
    assert set(TABLES) <= _tables(store)
    assert migrate.CURRENT_VERSION >= 7


def test_the_ddl_is_what_sync_maps_column_for_column(store: Store) -> None:
    mapped = sync.client.state.SyncBase.metadata.tables
    assert set(mapped) == set(TABLES)
    with store.session() as session:
        for name, table in mapped.items():
            found = {
                row[1]: (bool(row[3]), bool(row[5]))
                for row in session.execute(text(f"PRAGMA table_info({name})"))
            }
            wanted = {column.name: (not column.nullable, column.primary_key) for column in table.columns}
            assert found == wanted, name


def test_a_store_whose_sync_made_its_tables_keeps_them_and_their_rows(store: Store, data_dir: Path) -> None:
    """Before step 7 sync's create_all made the tables on first use: such a store migrates to 7 with its
    enrolment and its queue intact, after a backup."""
    for name in TABLES:
        run_outside_transaction(store.engine, f"DROP TABLE {name}")
    with store.session() as session:  # what sync did before step 7
        sync.client.state.SyncBase.metadata.create_all(session.connection())
        session.add(
            sync.client.state.SyncDeviceRow(
                id=1, server_url="https://registry.example", device_id="d-1", status="active",
                enrolled_at="2026-12-01T10:00:00+00:00", acknowledged_seq=0, audit_checkpoint=3,
            )
        )  # fmt: skip
    run_outside_transaction(store.engine, "PRAGMA user_version = 6")
    store.close()
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
        assert migrate.schema_version(again.engine) == migrate.CURRENT_VERSION
        with again.session() as session:
            row = session.get(sync.client.state.SyncDeviceRow, 1)
            assert row is not None and row.audit_checkpoint == 3
    assert "schema6" in [backup.reason for backup in list_backups(data_dir)]


def test_sync_never_creates_a_table() -> None:
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in (REPO_ROOT / "sync" / "client").rglob("*.py")
        if re.search(r"create_all|CREATE TABLE", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
