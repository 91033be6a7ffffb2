"""Issue 14, item 12: a store rolled back (the WAL deleted after a crash, store.db replaced by an older
copy) is told apart at unlock and by verify, through the anchor kept outside the database."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forms.store import Store, records
from forms.store.anchor import ANCHOR_FILE
from forms.store.kdf import TEST_FAST_ENV
from tests.conftest import REPO_ROOT
from tests.forms.store.conftest import PASSPHRASE, person

DB_FILES = ("store.db", "store.db-wal", "store.db-shm")


def _copy_without_wal(source: Path, target: Path) -> None:
    """What a crash followed by a deleted -wal leaves: every file but the WAL and its index."""
    target.mkdir()
    for path in source.iterdir():
        if path.is_file() and path.name not in DB_FILES[1:]:
            shutil.copy2(path, target / path.name)


def _rolled_back(store: Store) -> bool:
    return any("older than when it was last used" in warning for warning in store.warnings)


def test_the_wal_deleted_after_a_crash_is_reported(store: Store, batch_id: str, tmp_path: Path) -> None:
    for n in range(60):  # 60 committed records, each its own transaction
        records.save_record(store, batch_id, "diaspora", "1", person(n), draft=False)
    crashed = tmp_path / "crashed"
    _copy_without_wal(store.data_dir, crashed)  # the store is still open: nothing was closed or anchored
    store.close()
    with Store.unlock(crashed, "amara", PASSPHRASE) as after:
        assert _rolled_back(after)
        assert any("older than its anchor" in problem for problem in after.verify())
    with Store.unlock(crashed, "amara", PASSPHRASE) as again:  # reported once; the anchor follows on
        assert again.warnings == []


def test_store_db_replaced_by_an_older_copy_is_reported(store: Store, batch_id: str, tmp_path: Path) -> None:
    data_dir = store.data_dir
    store.close()
    old = tmp_path / "old-store.db"
    shutil.copy2(data_dir / "store.db", old)
    with Store.unlock(data_dir, "amara", PASSPHRASE) as later:
        for n in range(60):
            records.save_record(later, batch_id, "diaspora", "1", person(n), draft=False)
    for name in DB_FILES:
        (data_dir / name).unlink(missing_ok=True)
    shutil.copy2(old, data_dir / "store.db")
    (data_dir / ANCHOR_FILE).unlink()  # the sealed anchor in keys.json, written at close, still holds
    with Store.unlock(data_dir, "amara", PASSPHRASE) as after:
        assert _rolled_back(after)
        assert "backup restore" in after.warnings[0]


def test_ordinary_use_and_a_crash_that_keeps_its_wal_are_not_reported(
    store: Store, batch_id: str, tmp_path: Path
) -> None:
    records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    crashed = tmp_path / "crashed"
    shutil.copytree(store.data_dir, crashed)  # a crash: every file as it is, WAL included
    store.close()
    for folder in (store.data_dir, crashed, store.data_dir):
        with Store.unlock(folder, "amara", PASSPHRASE) as again:
            assert again.warnings == []
            assert again.verify() == []


@pytest.mark.slow
def test_sigkill_then_a_deleted_wal_is_reported_whenever_commits_were_lost(
    store: Store, batch_id: str, tmp_path: Path
) -> None:
    data_dir = store.data_dir
    store.close()
    env = dict(os.environ, **{TEST_FAST_ENV: "1"})
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.forms.store.crash_writer", str(data_dir), PASSPHRASE],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
        time.sleep(0.8)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    truth = tmp_path / "truth"
    shutil.copytree(data_dir, truth)
    with Store.unlock(truth, "amara", PASSPHRASE) as whole, whole.session() as session:
        committed = session.connection().exec_driver_sql("SELECT count(*) FROM records").scalar()
    for name in DB_FILES[1:]:
        (data_dir / name).unlink(missing_ok=True)
    with Store.unlock(data_dir, "amara", PASSPHRASE) as after, after.session() as session:
        kept = session.connection().exec_driver_sql("SELECT count(*) FROM records").scalar()
        assert _rolled_back(after) == (kept < committed)
    assert committed > 0
