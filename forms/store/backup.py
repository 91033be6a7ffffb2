"""Rotating encrypted backups of ``store.db``: what a clerk restores when the laptop's disk goes bad.

A backup is taken at most once a day, at unlock, and before each schema migration, into
``backups/store-<UTC time>-<reason>.db`` in the data folder; the newest ``KEEP`` are kept. Each is a
whole SQLCipher database written by SQLite's online backup API from the open, keyed connection into a
target keyed with the same data key, so a copy is exactly as encrypted as the store (nothing is ever
decrypted to disk) and consistent even while other connections write. A copy is made under a temporary
name and renamed only once complete and checked (``quick_check``), so a damaged store never pushes a
good backup out of the rotation: the backup of a damaged page fails, and the older copies stay.

``restore`` puts a backup in place of ``store.db``. The files it replaces are kept beside it
(``store.db.replaced-<time>``, still encrypted), since they may hold records the backup lacks.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from .atomic import fsync_dir
from .database import db_path

BACKUP_DIR = "backups"
KEEP = 7
DAILY = timedelta(hours=24)
_NAME = re.compile(r"^store-(\d{8}T\d{6}\.\d{6}Z)-([a-z0-9]+)\.db$")
_STAMP = "%Y%m%dT%H%M%S.%fZ"  # microseconds: two backups in one second never share a name


class BackupError(RuntimeError):
    """A backup could not be written or read (damaged source, full disk, wrong key)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str  # "daily", "schema2" (before migrating from schema 2), "manual"

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Newest first. No key is needed: names, times and sizes only."""
    found: list[BackupInfo] = []
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(BackupInfo(path, taken, match.group(2)))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def due(data_dir: Path, now: datetime | None = None) -> bool:
    """True when no backup is younger than a day."""
    now = now or datetime.now(UTC)
    newest = list_backups(data_dir)
    return not newest or now - newest[0].taken_at >= DAILY


def take(source: sqlcipher.Connection, key: bytes, data_dir: Path, reason: str) -> BackupInfo:
    """Copies the open, keyed ``source`` into a new backup, then drops the oldest beyond ``KEEP``."""
    folder = backup_dir(data_dir)
    folder.mkdir(exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    now = datetime.now(UTC)
    final = folder / f"store-{now.strftime(_STAMP)}-{reason}.db"
    while final.exists():  # a clock that stands still or went back
        now += timedelta(microseconds=1)
        final = folder / f"store-{now.strftime(_STAMP)}-{reason}.db"
    partial = folder / f".{final.name}.partial"
    try:
        target = _keyed(partial, key)
        try:
            source.backup(target)
            if [row[0] for row in target.execute("PRAGMA quick_check").fetchall()] != ["ok"]:
                raise BackupError("the copy failed its check")
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
        fsync_dir(folder)
    except (sqlcipher.Error, OSError) as error:
        _remove(partial)
        raise BackupError(_reason(error)) from None
    except BaseException:
        _remove(partial)
        raise
    for old in list_backups(data_dir)[KEEP:]:
        _remove(old.path)
    return BackupInfo(final, now, reason)


def check(path: Path, key: bytes) -> str | None:
    """The store id recorded in a backup after a full integrity check; raises ``BackupError``."""
    try:
        connection = _keyed(path, key)
        try:
            if [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()] != ["ok"]:
                raise BackupError("the backup failed its integrity check")
            row = connection.execute("SELECT value FROM settings WHERE key = 'store_id'").fetchone()
        finally:
            connection.close()
    except sqlcipher.Error as error:
        raise BackupError(_reason(error)) from None
    return str(row[0]) if row else None


def restore(data_dir: Path, backup: BackupInfo) -> Path | None:
    """Puts ``backup`` in place of store.db; returns where the replaced database was kept (if any).
    Every connection to the store must be closed first."""
    database = db_path(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept: Path | None = None
    incoming = database.with_name(f".{database.name}.restoring")
    shutil.copyfile(backup.path, incoming)
    with open(incoming, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("", "-wal", "-shm"):
        current = database.with_name(database.name + suffix)
        if current.exists():
            aside = database.with_name(f"{database.name}.replaced-{stamp}{suffix}")
            os.replace(current, aside)
            kept = kept or aside
    os.replace(incoming, database)
    fsync_dir(data_dir)
    return kept


def _keyed(path: Path, key: bytes) -> sqlcipher.Connection:
    connection = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _reason(error: BaseException) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
    return text
