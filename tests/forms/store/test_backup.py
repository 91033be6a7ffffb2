"""Rotating encrypted backups: at most daily at unlock, 7 kept, as encrypted as the store, never a copy
of a damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from forms.store import CorruptDatabaseError, Store, records
from forms.store.backup import KEEP, BackupError, list_backups
from forms.store.database import db_path
from tests.forms.store.conftest import PASSPHRASE, person


def test_one_backup_a_day_at_unlock_and_seven_kept(store: Store, data_dir: Path) -> None:
    store.close()
    for _ in range(3):
        Store.unlock(data_dir, "amara", PASSPHRASE).close()
    assert [b.reason for b in list_backups(data_dir)] == ["daily"]
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
        for _ in range(KEEP + 2):
            again.take_backup("manual")
    kept = list_backups(data_dir)
    assert len(kept) == KEEP and all(b.reason == "manual" for b in kept)


def test_a_backup_is_as_encrypted_as_the_store(store: Store, batch_id: str, data_dir: Path) -> None:
    records.save_record(store, batch_id, "reg", "1", person(1, family_name="Canarywood"), draft=False)
    info = store.take_backup("manual")
    assert b"Canarywood" not in info.path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(info.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert (data_dir / "backups").stat().st_mode & 0o077 == 0


def test_a_damaged_store_never_pushes_a_good_backup_out(store: Store, batch_id: str, data_dir: Path) -> None:
    for n in range(300):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    good = store.take_backup("manual")
    store.checkpoint()
    store.close()
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    data[50 * 4096 + 100] ^= 0x01
    path.write_bytes(bytes(data))
    try:
        with (
            Store.unlock(data_dir, "amara", PASSPHRASE) as damaged,
            pytest.raises(BackupError),
        ):
            damaged.take_backup("manual")
    except CorruptDatabaseError as error:  # the damage may already refuse the unlock: detected all the same
        assert "damaged" in str(error)
    assert [b.path for b in list_backups(data_dir)] == [good.path]
    assert not list((data_dir / "backups").glob(".*partial"))
