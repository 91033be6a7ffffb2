"""The store facade: create, unlock, recover, sessions, operators, close (docs/contracts.md).

A store is a data folder holding ``store.db`` (SQLCipher 4, keyed with a random 256-bit data key),
``keys.json`` (that key wrapped per operator), ``recovery.json`` (wrapped under the recovery code),
``attempts.json`` (failed-unlock counts), ``anchor.json`` (the newest audit hash) and ``backups/``
(encrypted copies of store.db). Only ``store.db`` and its backups hold personal data, encrypted.

What an unlock found and the person should know (a reset attempt counter, a store older than its
anchor, a backup that could not be taken) is in ``Store.warnings``, one sentence each, and in the audit
log, where ``verify`` reports it.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from filelock import Timeout
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from . import anchor, audit, backup
from .database import (
    RESTORE_HINT,
    corruption_error,
    db_path,
    is_corruption,
    open_engine,
    run_outside_transaction,
    writer,
)
from .errors import (
    CorruptDatabaseError,
    CorruptKeyFileError,
    LockedOutError,
    MissingStoreError,
    NotAllowedError,
    StoreExistsError,
    TamperedKeyFileError,
    UnknownOperatorError,
    WaitBeforeRetryError,
    WrongPassphraseError,
)
from .kdf import calibrate
from .keyfile import (
    ROLES,
    Anchor,
    KeyFile,
    OperatorEntry,
    keys_lock,
    keys_path,
    load_keys,
    new_data_key,
    new_recovery_code,
    recovery_path,
    save_keys,
    subkey,
    unwrap_recovery,
    write_recovery,
)
from .lockout import LOCKOUT_AFTER, AttemptInProgressError, AttemptLog, AttemptsState, Clock
from .migrate import migrate
from .outbox import DEVICE_ID_SETTING
from .passphrase import check_passphrase
from .schema import OperatorRow, SettingRow

CLERK, SUPERVISOR = "clerk", "supervisor"
STORE_ID_SETTING = "store_id"
ATTEMPTS_STATE_SETTING = "attempts_state"
KEYS_V2_SETTING = "key_file_sealed"  # set once keys.json carries a seal: a version-1 file is then refused
# Audit actions an unlock writes when it finds something wrong; verify reports those since its last run.
ATTEMPTS_TAMPERED = "attempts_file_tampered"
ROLLBACK_DETECTED = "rollback_detected"
BACKUP_FAILED = "backup_failed"
BACKUP_RESTORED = "backup_restored"
_OPERATOR_NAME = re.compile(r"^[\w][\w .@'-]{0,63}$")


@dataclass(frozen=True)
class Operator:
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role == SUPERVISOR


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_operator_name(name: str) -> str:
    cleaned = name.strip()
    if not _OPERATOR_NAME.match(cleaned):
        raise NotAllowedError(
            "An operator name is 1-64 letters, digits, spaces or . @ ' - and starts with a letter or digit."
        )
    return cleaned


def _wait_sentence(seconds: int) -> str:
    if seconds >= 120 and seconds % 60 == 0:
        return f"wait {seconds // 60} minutes before trying again"
    return f"wait {seconds} seconds before trying again"


class Store:
    """An unlocked store. Get one from ``Store.create``, ``Store.unlock`` or ``Store.recover``."""

    def __init__(self, data_dir: Path, operator: Operator, key: bytes, store_id: str) -> None:
        self.data_dir = data_dir
        self.operator = operator
        self.store_id = store_id
        self.warnings: list[str] = []  # sentences for the person who unlocked (see the module docstring)
        self._key: bytearray | None = bytearray(key)
        self._anchor_key = subkey(key, "anchor.json", store_id)
        self._anchored_seq = 0
        self._engine: Engine | None = open_engine(db_path(data_dir), bytes(key))

    # --- without a key ------------------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return keys_path(Path(data_dir)).exists()

    @staticmethod
    def operator_names(data_dir: Path) -> list[str]:
        return [entry.name for entry in _load_keys_or_explain(Path(data_dir)).operators]

    # --- opening --------------------------------------------------------------------------------------

    @classmethod
    def create(cls, data_dir: Path, operator: str, passphrase: str) -> tuple[Store, str]:
        """A new store whose first operator is a supervisor; returns it and the recovery code (show once)."""
        data_dir = Path(data_dir)
        name = check_operator_name(operator)
        check_passphrase(passphrase)
        if keys_path(data_dir).exists() or recovery_path(data_dir).exists() or db_path(data_dir).exists():
            raise StoreExistsError(f"The folder {data_dir} already holds a store; nothing was changed.")
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(data_dir, 0o700)
        kdf = calibrate()
        key, store_id, code = new_data_key(), str(uuid.uuid4()), new_recovery_code()
        store = cls(data_dir, Operator(name, SUPERVISOR), key, store_id)
        try:
            store._prepare_schema()
            with store.session() as session:
                session.add(SettingRow(key=STORE_ID_SETTING, value=store_id))
                session.add(SettingRow(key=DEVICE_ID_SETTING, value=str(uuid.uuid4())))
                session.add(OperatorRow(name=name, role=SUPERVISOR, created_at=_now(), created_by=None))
                audit.append(session, audit.STORE_CREATED, details={"role": SUPERVISOR})
            # The key file comes last: until it exists, the folder is not a store (Store.exists is False).
            with store.session() as session:
                _settle_attempts(session, AttemptLog(data_dir, store_id=store_id), name)
                session.add(SettingRow(key=KEYS_V2_SETTING, value="1"))
            write_recovery(data_dir, store_id, code, key, kdf)
            keys = KeyFile(store_id, kdf)
            keys.add_operator(name, SUPERVISOR, passphrase, key)
            save_keys(data_dir, keys, key)
        except BaseException:
            store.close()
            _remove_half_created(data_dir)
            raise
        return store, code

    @classmethod
    def unlock(cls, data_dir: Path, operator: str, passphrase: str, *, clock: Clock | None = None) -> Store:
        data_dir = Path(data_dir)
        keys = _load_keys_or_explain(data_dir)
        entry = keys.find(operator)
        if entry is None:
            raise UnknownOperatorError(f"There is no operator named {operator.strip()!r} in this store.")
        attempts_log = AttemptLog(data_dir, clock, store_id=keys.store_id)
        with _one_attempt(attempts_log):
            key = _unwrap_counted(keys, entry, passphrase, attempts_log)
            _check_key_file(data_dir, keys, entry, key)
            store = cls._open(data_dir, Operator(entry.name, entry.role), key, keys.store_id)
            try:
                with store.session() as session:
                    _settle_attempts(session, attempts_log, entry.name, store.warnings)
                    rolled_back = store._check_anchor(session, keys)
                    _seal_legacy_key_file(session, data_dir, keys, key)
                    audit.append(session, audit.UNLOCK)
                if rolled_back:
                    store._anchor_durably(force=True)
            except BaseException:
                store.close()
                raise
        store._daily_backup()
        return store

    @classmethod
    def recover(cls, data_dir: Path, recovery_code: str, operator: str, new_passphrase: str) -> Store:
        """The recovery code opens the store and sets ``operator``'s passphrase (creating the operator as a
        supervisor if needed, and rebuilding a missing or damaged key file). The database is untouched."""
        data_dir = Path(data_dir)
        if not db_path(data_dir).exists():
            raise MissingStoreError(f"There is no store in {data_dir}.")
        name = check_operator_name(operator)
        check_passphrase(new_passphrase)
        store_id, kdf, key = unwrap_recovery(data_dir, recovery_code)
        with keys_lock(data_dir):
            try:
                keys: KeyFile | None = load_keys(data_dir)
                if keys is not None and keys.store_id == store_id:
                    keys.check_seal(key, keys_path(data_dir))
            except (CorruptKeyFileError, FileNotFoundError):  # TamperedKeyFileError too: rebuilt
                keys = None
            rebuilt = keys is None or keys.store_id != store_id
            if keys is None or rebuilt:
                keys = KeyFile(store_id, kdf)
            entry = keys.find(name)
            role = entry.role if entry else SUPERVISOR
            name = entry.name if entry else name
            store = cls._open(data_dir, Operator(name, role), key, store_id)
            try:
                if keys.anchor is None:  # a rebuilt file starts from the store as it is now
                    with store.session(read_only=True) as session:
                        keys.anchor = anchor.head(_driver(session))
                keys.add_operator(name, role, new_passphrase, key)
                save_keys(data_dir, keys, key)
            except BaseException:
                store.close()
                raise
        try:
            attempts_log = AttemptLog(data_dir, store_id=store_id)
            with _one_attempt(attempts_log), store.session() as session:
                _settle_attempts(session, attempts_log, name, store.warnings)
                if not _has_operator_row(session, name):
                    session.add(OperatorRow(name=name, role=role, created_at=_now(), created_by="recovery"))
                session.merge(SettingRow(key=KEYS_V2_SETTING, value="1"))
                audit.append(session, audit.RECOVERED, details={"key_file_rebuilt": rebuilt})
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def restore_backup(
        cls,
        data_dir: Path,
        operator: str,
        passphrase: str,
        name: str | None = None,
        *,
        clock: Clock | None = None,
    ) -> tuple[Store, backup.BackupInfo, Path | None]:
        """Puts the named backup (default: the newest that passes its integrity check) in place of store.db,
        which is kept beside it; returns the opened store, the backup used and where the old file went.
        The passphrase is checked like an unlock (delays, lockout), without opening the damaged file."""
        data_dir = Path(data_dir)
        keys = _load_keys_or_explain(data_dir)
        entry = keys.find(operator)
        if entry is None:
            raise UnknownOperatorError(f"There is no operator named {operator.strip()!r} in this store.")
        candidates = [b for b in backup.list_backups(data_dir) if name is None or b.name == name]
        if not candidates:
            raise MissingStoreError(
                f"There is no backup named {name!r} in {backup.backup_dir(data_dir)}."
                if name
                else f"There is no backup in {backup.backup_dir(data_dir)}."
            )
        attempts_log = AttemptLog(data_dir, clock, store_id=keys.store_id)
        with _one_attempt(attempts_log):
            key = _unwrap_counted(keys, entry, passphrase, attempts_log)
            _check_key_file(data_dir, keys, entry, key)
        chosen, reasons = None, []
        for candidate in candidates:
            try:
                if backup.check(candidate.path, key) == keys.store_id:
                    chosen = candidate
                    break
                reasons.append(f"{candidate.name} belongs to another store")
            except backup.BackupError as error:
                reasons.append(f"{candidate.name}: {error}")
        if chosen is None:
            raise CorruptDatabaseError(f"No usable backup: {'; '.join(reasons)}.")
        kept = backup.restore(data_dir, chosen)
        store = cls._open(data_dir, Operator(entry.name, entry.role), key, keys.store_id)
        try:
            with _one_attempt(attempts_log), store.session() as session:
                _settle_attempts(session, attempts_log, entry.name, store.warnings)
                audit.append(
                    session,
                    BACKUP_RESTORED,
                    details={"backup": chosen.name, "replaced_kept": kept is not None},
                )
            store._anchor_durably(force=True)  # the anchor follows the restored store from now on
        except BaseException:
            store.close()
            raise
        return store, chosen, kept

    @classmethod
    def _open(cls, data_dir: Path, operator: Operator, key: bytes, store_id: str) -> Store:
        if not db_path(data_dir).exists():
            raise MissingStoreError(
                f"The database of the store in {data_dir} is missing; restore it from a backup."
            )
        store = cls(data_dir, operator, key, store_id)
        try:
            store._prepare_schema()
            with store.session(read_only=True) as session:
                recorded = session.get(SettingRow, STORE_ID_SETTING)
                if recorded is None or recorded.value != store_id:
                    raise CorruptDatabaseError(f"The database in {data_dir} does not belong to its key file.")
        except DBAPIError as error:
            store.close()
            if is_corruption(error, db_path(data_dir)):
                raise corruption_error(db_path(data_dir)) from None
            raise
        except BaseException:
            store.close()
            raise
        return store

    def _prepare_schema(self) -> None:
        migrate(self.engine, lambda found: self.take_backup(f"schema{found}"))

    # --- using ----------------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise NotAllowedError("The store is locked; unlock it again.")
        return self._engine

    @contextmanager
    def session(self, *, read_only: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Takes the write lock at the start (most work here writes, if only an audit entry); a
        ``read_only`` session begins deferred and never waits for a writer.
        """
        session = Session(self.engine if read_only else writer(self.engine), expire_on_commit=False)
        session.info["operator"] = self.operator
        session.info["store"] = self
        try:
            with session.begin():
                yield session
        except DBAPIError as error:
            if is_corruption(error, db_path(self.data_dir)):  # the same sentence everywhere
                raise corruption_error(db_path(self.data_dir)) from None
            raise
        finally:
            session.close()
        head = session.info.get(audit.HEAD_KEY)
        if head is not None:
            self._anchor_after_commit(Anchor(*head))

    def audit(self, action: str, *, record_id: str | None = None, **details: object) -> None:
        """Logs a view, search, export... in its own transaction (ids and counts, never personal values)."""
        with self.session() as session:
            audit.append(session, action, record_id=record_id, details=dict(details))

    def require_supervisor(self, what: str) -> None:
        if not self.operator.is_supervisor:
            raise NotAllowedError(f"Only a supervisor may {what}.")

    @property
    def device_id(self) -> str:
        """The one device id (made here at creation; at enrolment the desk adopts the id the server
        answers: forms.store.outbox.set_device_id, docs/architecture.md "The device id")."""
        with self.session() as session:
            row = session.get(SettingRow, DEVICE_ID_SETTING)
            return row.value if row else ""

    def close(self) -> None:
        """Anchors the newest audit entry (keys.json, fsync'd), disposes every connection and drops the
        key; the object cannot be used afterwards."""
        if self._engine is not None:
            self._anchor_durably()
            self._engine.dispose()
            self._engine = None
        if self._key is not None:
            self._key[:] = b"\0" * len(self._key)
            self._key = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._engine is None

    # --- operators (see forms.store.operators for the rules) ------------------------------------------

    def _data_key(self) -> bytes:
        if self._key is None:
            raise NotAllowedError("The store is locked; unlock it again.")
        return bytes(self._key)

    def purpose_key(self, purpose: str) -> bytes:
        """A 256-bit key for one use outside this file (the event hub's database), from the data key."""
        return subkey(self._data_key(), purpose, self.store_id)

    def add_operator(self, name: str, role: str, passphrase: str) -> Operator:
        """Supervisor only. Wraps the data key for the new operator; the database is not rewritten."""
        self.require_supervisor("add operators")
        name = check_operator_name(name)
        if role not in ROLES:
            raise NotAllowedError(f"A role is one of: {', '.join(ROLES)}.")
        check_passphrase(passphrase)
        with keys_lock(self.data_dir):
            keys = self._load_sealed_keys()
            if keys.find(name) is not None:
                raise NotAllowedError(f"There is already an operator named {name!r}.")
            keys.add_operator(name, role, passphrase, self._data_key())
            with self.session() as session:
                session.add(
                    OperatorRow(name=name, role=role, created_at=_now(), created_by=self.operator.name)
                )
                audit.append(session, "operator_added", details={"operator_name": name, "role": role})
                session.flush()
                # inside the transaction: a failed write rolls the row back
                save_keys(self.data_dir, keys, self._data_key())
        return Operator(name, role)

    def set_passphrase(self, new_passphrase: str, name: str | None = None) -> None:
        """Re-wraps the data key for ``name`` (default: the current operator). Changing someone else's
        passphrase is for supervisors. Only the key file changes; the database is never rewritten."""
        target = name if name is not None else self.operator.name
        with keys_lock(self.data_dir):
            keys = self._load_sealed_keys()
            entry = keys.find(target)
            if entry is None:
                raise UnknownOperatorError(f"There is no operator named {target.strip()!r} in this store.")
            if entry.name != self.operator.name:
                self.require_supervisor("change another operator's passphrase")
            check_passphrase(new_passphrase)
            # keys.kdf is covered by the seal just checked, and seal() refuses anything under the floor.
            keys.add_operator(entry.name, entry.role, new_passphrase, self._data_key())
            save_keys(self.data_dir, keys, self._data_key())
        self.audit("passphrase_changed", operator_name=entry.name)

    def _load_sealed_keys(self) -> KeyFile:
        """keys.json, refused when its seal does not match (someone edited its KDF or operators)."""
        keys = load_keys(self.data_dir)
        keys.check_seal(self._data_key(), keys_path(self.data_dir))
        return keys

    def reset_lockout(self, name: str) -> None:
        """Supervisor only: clears the failed-attempt count (and lockout) of ``name``."""
        self.require_supervisor("reset a lockout")
        entry = load_keys(self.data_dir).find(name)
        if entry is None:
            raise UnknownOperatorError(f"There is no operator named {name.strip()!r} in this store.")
        attempts_log = AttemptLog(self.data_dir, store_id=self.store_id)
        with _one_attempt(attempts_log), self.session() as session:
            failures = _settle_attempts(session, attempts_log, entry.name, self.warnings)
            audit.append(
                session, "lockout_reset", details={"operator_name": entry.name, "failures": failures}
            )

    def operators(self) -> list[Operator]:
        return [Operator(entry.name, entry.role) for entry in load_keys(self.data_dir).operators]

    # --- checks ---------------------------------------------------------------------------------------

    def verify(self) -> list[str]:
        """Every problem, as sentences: ``page_problems`` then ``history_problems``."""
        return self.page_problems() + self.history_problems()

    def page_problems(self) -> list[str]:
        """Damage to the file: SQLite's integrity_check, SQLCipher's page HMACs, foreign keys."""
        problems: list[str] = []
        for pragma in ("integrity_check", "cipher_integrity_check", "foreign_key_check"):
            try:
                rows = run_outside_transaction(self.engine, f"PRAGMA {pragma}")
            except Exception as error:  # a damaged page fails the read itself
                problems.append(f"the database failed {pragma} ({_reason(error)})")
                continue
            if pragma == "integrity_check" and [str(row[0]) for row in rows] != ["ok"]:
                problems.extend(f"the database failed integrity_check: {row[0]}" for row in rows[:10])
            elif pragma == "cipher_integrity_check":
                problems.extend(f"the database failed cipher_integrity_check: {row[0]}" for row in rows[:10])
            elif pragma == "foreign_key_check" and rows:
                problems.append(f"{len(rows)} rows point to missing rows (foreign_key_check)")
        return problems

    def quick_check(self) -> list[str]:
        """Every page read once (HMAC and b-tree structure, no index cross-check): damage, in words."""
        try:
            rows = run_outside_transaction(self.engine, "PRAGMA quick_check")
        except Exception as error:
            return [f"the database failed quick_check ({_reason(error)})"]
        if [str(row[0]) for row in rows] == ["ok"]:
            return []
        return [f"the database failed quick_check: {row[0]}" for row in rows[:10]]

    def history_problems(self) -> list[str]:
        """The audit chain, the rollback anchor and the incidents unlocks found since the last verify."""
        problems: list[str] = []
        try:
            with self.session(read_only=True) as session:
                problems.extend(audit.verify_chain(session))
                problems.extend(_incidents_since_last_verify(session))
                keys = load_keys(self.data_dir)
                keys.check_seal(self._data_key(), keys_path(self.data_dir))
                behind = anchor.behind(_driver(session), self._anchor(keys))
                if behind:
                    problems.append(behind)
        except CorruptKeyFileError as error:
            problems.append(error.message)
        except Exception as error:
            problems.append(f"the audit log could not be read ({_reason(error)})")
        return problems

    def checkpoint(self) -> None:
        """Folds the WAL into the database file (after an erasure, before a backup), then anchors."""
        run_outside_transaction(self.engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        self._anchor_durably()

    # --- backups and the rollback anchor ----------------------------------------------------------------

    def take_backup(self, reason: str = "manual") -> backup.BackupInfo:
        """An encrypted copy of the store into the rotation (``forms.store.backup``)."""
        connection = self.engine.raw_connection()
        try:
            return backup.take(connection.driver_connection, self._data_key(), self.data_dir, reason)  # type: ignore[arg-type]
        finally:
            connection.close()

    def _daily_backup(self) -> None:
        """At most one a day, at unlock; a failure is a warning (and an audit entry), never a refusal."""
        if not backup.due(self.data_dir):
            return
        try:
            self.take_backup("daily")
        except backup.BackupError as error:
            self.warnings.append(f"The automatic backup was not taken ({error}); run `diaspora-desk verify`.")
            with contextlib.suppress(Exception):  # the same damage may refuse the entry; the warning stands
                self.audit(BACKUP_FAILED)

    def _anchor(self, keys: KeyFile) -> Anchor | None:
        return anchor.newest(keys.anchor, anchor.read(self.data_dir, self.store_id, self._anchor_key))

    def _check_anchor(self, session: Session, keys: KeyFile) -> bool:
        """At unlock: is the database older than its anchor? Says so, audits it, and returns True."""
        expected = self._anchor(keys)
        behind = anchor.behind(_driver(session), expected)
        if behind is None or expected is None:
            return False
        found = anchor.head(_driver(session))
        self.warnings.append(
            f"Warning: {behind}. Records saved shortly before may be missing: {RESTORE_HINT} if it is "
            "newer, and tell your supervisor."
        )
        audit.append(
            session,
            ROLLBACK_DETECTED,
            details={"anchor_seq": expected.seq, "found_seq": found.seq if found else 0},
        )
        return True

    def _anchor_after_commit(self, head: Anchor) -> None:
        """anchor.json after each commit that appended to the audit log (rename, no fsync)."""
        if head.seq <= self._anchored_seq:
            return
        try:
            anchor.write(self.data_dir, self.store_id, self._anchor_key, head)
            self._anchored_seq = head.seq
        except OSError:  # a full disk must not fail a save that is already committed
            pass

    def _anchor_durably(self, *, force: bool = False) -> None:
        """anchor.json and keys.json's sealed anchor, fsync'd: at checkpoint, close and lock. Never raises
        (a damaged database or key file is reported elsewhere)."""
        if self._engine is None or self._key is None:
            return
        try:
            connection = self._engine.raw_connection()
            try:
                head = anchor.head(connection.driver_connection)
            finally:
                connection.close()
            if head is None:
                return
            anchor.write(self.data_dir, self.store_id, self._anchor_key, head, durable=True)
            self._anchored_seq = head.seq
            with keys_lock(self.data_dir):
                keys = self._load_sealed_keys()
                if force or keys.anchor is None or keys.anchor.seq < head.seq:
                    keys.anchor = head
                    save_keys(self.data_dir, keys, self._data_key())
        except (DBAPIError, sqlcipher.Error, OSError, CorruptKeyFileError, Timeout, NotAllowedError):
            pass


def _driver(session: Session) -> Any:
    return session.connection().connection.driver_connection


@contextmanager
def _one_attempt(attempts_log: AttemptLog) -> Iterator[None]:
    try:
        with attempts_log.attempt():
            yield
    except AttemptInProgressError:
        raise WaitBeforeRetryError(
            "Another unlock attempt is still running; try again in a moment.", wait_seconds=5
        ) from None


def _unwrap_counted(keys: KeyFile, entry: OperatorEntry, passphrase: str, attempts_log: AttemptLog) -> bytes:
    """The data key, with the delays and the lockout applied. Call inside ``_one_attempt``: reading the
    count, deriving and recording the failure are one step for every other process."""
    attempts = attempts_log.get(entry.name)
    if attempts.locked_out:
        raise LockedOutError(
            "This account is locked out after too many wrong passphrases; "
            "a supervisor can reset it, or use the recovery code."
        )
    wait = attempts.seconds_to_wait(attempts_log.clock())
    if wait > 0:
        raise WaitBeforeRetryError(f"Too many wrong passphrases: {_wait_sentence(wait)}.", wait_seconds=wait)
    try:
        return keys.unwrap(entry, passphrase)
    except WrongPassphraseError:
        after = attempts_log.record_failure(entry.name)
        if after.failures >= LOCKOUT_AFTER:
            raise LockedOutError(
                "The passphrase is wrong, and this account is now locked out; "
                "a supervisor can reset it, or use the recovery code."
            ) from None
        delay = after.seconds_to_wait(attempts_log.clock())
        sentence = (
            "The passphrase is wrong." if delay == 0 else f"The passphrase is wrong; {_wait_sentence(delay)}."
        )
        raise WrongPassphraseError(sentence, wait_seconds=delay) from None


def _check_key_file(data_dir: Path, keys: KeyFile, entry: OperatorEntry, key: bytes) -> None:
    """The seal, now that the data key is at hand (the passphrase was right: nothing is counted)."""
    keys.check_seal(key, keys_path(data_dir))
    keys.upgrade_legacy(entry)


def _seal_legacy_key_file(session: Session, data_dir: Path, keys: KeyFile, key: bytes) -> None:
    """A version-1 keys.json (no seal) is sealed at its first unlock; once the store knows its key file
    was sealed, a version-1 file (a seal stripped off) is refused."""
    sealed_before = session.get(SettingRow, KEYS_V2_SETTING) is not None
    if not keys.legacy:
        if not sealed_before:
            session.add(SettingRow(key=KEYS_V2_SETTING, value="1"))
        return
    if sealed_before:
        raise TamperedKeyFileError(
            f"The key file {keys_path(data_dir)} was replaced by an older format without its seal; "
            "run `diaspora-desk recover` with the recovery code to rebuild it, and tell your supervisor."
        )
    with keys_lock(data_dir):
        save_keys(data_dir, keys, key)
    session.add(SettingRow(key=KEYS_V2_SETTING, value="1"))


def _settle_attempts(
    session: Session, attempts_log: AttemptLog, name: str, warnings: list[str] | None = None
) -> int:
    """After a successful unlock (or a reset): clears ``name``'s count, audits the failures it held,
    compares attempts.json with the state recorded last time and records the new one. A deleted or
    edited counter becomes a warning and an audit entry. Returns the number of failures cleared."""
    row = session.get(SettingRow, ATTEMPTS_STATE_SETTING)
    recorded = AttemptsState.from_json(row.value) if row else None
    failures, tampered, state = attempts_log.reset_and_check(name, recorded)
    _audit_failures(session, name, failures)
    if tampered is not None:
        audit.append(session, ATTEMPTS_TAMPERED, details={"how": tampered})
        if warnings is not None:
            warnings.append(
                f"Warning: the failed-unlock counter (attempts.json) was {tampered} since the last unlock, "
                "so wrong passphrases may have been tried without the delays; tell your supervisor."
            )
    if row is None:
        session.add(SettingRow(key=ATTEMPTS_STATE_SETTING, value=state.to_json()))
    else:
        row.value = state.to_json()
    return len(failures)


def _incidents_since_last_verify(session: Session) -> list[str]:
    """Incidents found at unlocks since the previous ``verify`` (its audit entry), as sentences."""
    db = _driver(session)
    last = db.execute("SELECT max(seq) FROM audit WHERE action = 'store_verified'").fetchone()
    rows = db.execute(
        "SELECT at, action FROM audit WHERE seq > ? ORDER BY seq", (int(last[0] or 0),)
    ).fetchall()
    sentences = {
        ATTEMPTS_TAMPERED: "the failed-unlock counter (attempts.json) had been deleted or edited",
        ROLLBACK_DETECTED: "the store was found older than its anchor (recent changes lost)",
        BACKUP_FAILED: "the automatic backup could not be taken",
    }
    return [
        f"at the unlock of {at[:19].replace('T', ' ')} UTC, {sentences[action]}"
        for at, action in rows
        if action in sentences
    ]


def _audit_failures(session: Session, name: str, failures: list[float]) -> None:
    """The failed attempts kept in attempts.json become audit entries once a key is at hand."""
    for moment in failures:
        audit.append(session, audit.UNLOCK_FAILED, operator=name, details={"attempted_at": _iso(moment)})


def _reason(error: BaseException) -> str:
    """The driver's own words (e.g. "database disk image is malformed"), never bound values."""
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0][:120] if str(original) else type(original).__name__


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def _has_operator_row(session: Session, name: str) -> bool:
    return session.scalar(select(OperatorRow.id).where(OperatorRow.name == name)) is not None


def _remove_half_created(data_dir: Path) -> None:
    """A creation that failed leaves an empty store behind; remove exactly the files it made."""
    if keys_path(data_dir).exists():
        return
    for path in (db_path(data_dir), recovery_path(data_dir)):
        for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            candidate.unlink(missing_ok=True)
    for path in (anchor.anchor_path(data_dir), AttemptLog(data_dir).path):
        path.unlink(missing_ok=True)


def _load_keys_or_explain(data_dir: Path) -> KeyFile:
    try:
        return load_keys(data_dir)
    except FileNotFoundError:
        if db_path(data_dir).exists():
            raise CorruptKeyFileError(
                f"The key file of the store in {data_dir} is missing; "
                "run `diaspora-desk recover` with the recovery code to rebuild it."
            ) from None
        raise MissingStoreError(
            f"There is no store in {data_dir}; create one with `diaspora-desk init`."
        ) from None
