"""The store facade: create, unlock, recover, sessions, operators, close (docs/contracts.md).

A store is a data folder holding ``store.db`` (SQLCipher 4, keyed with a random 256-bit data key),
``keys.json`` (that key wrapped per operator), ``recovery.json`` (wrapped under the recovery code) and
``attempts.json`` (failed-unlock counts). Only ``store.db`` holds personal data, and it is encrypted.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from . import audit
from .database import corruption_error, db_path, is_corruption, open_engine, run_outside_transaction, writer
from .errors import (
    CorruptDatabaseError,
    CorruptKeyFileError,
    LockedOutError,
    MissingStoreError,
    NotAllowedError,
    StoreExistsError,
    UnknownOperatorError,
    WaitBeforeRetryError,
    WrongPassphraseError,
)
from .kdf import calibrate
from .keyfile import (
    ROLES,
    KeyFile,
    keys_path,
    load_keys,
    new_data_key,
    new_recovery_code,
    recovery_path,
    save_keys,
    unwrap_recovery,
    write_recovery,
)
from .lockout import LOCKOUT_AFTER, AttemptLog, Clock
from .migrate import migrate
from .passphrase import check_passphrase
from .schema import OperatorRow, SettingRow

CLERK, SUPERVISOR = "clerk", "supervisor"
STORE_ID_SETTING = "store_id"
DEVICE_ID_SETTING = "device_id"
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
        self._key: bytearray | None = bytearray(key)
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
            write_recovery(data_dir, store_id, code, key, kdf)
            keys = KeyFile(store_id, kdf)
            keys.add_operator(name, SUPERVISOR, passphrase, key)
            save_keys(data_dir, keys)
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
        attempts_log = AttemptLog(data_dir, clock)
        attempts = attempts_log.get(entry.name)
        if attempts.locked_out:
            raise LockedOutError(
                "This account is locked out after too many wrong passphrases; "
                "a supervisor can reset it, or use the recovery code."
            )
        wait = attempts.seconds_to_wait(attempts_log.clock())
        if wait > 0:
            raise WaitBeforeRetryError(
                f"Too many wrong passphrases: {_wait_sentence(wait)}.", wait_seconds=wait
            )
        try:
            key = keys.unwrap(entry, passphrase)
        except WrongPassphraseError:
            after = attempts_log.record_failure(entry.name)
            if after.failures >= LOCKOUT_AFTER:
                raise LockedOutError(
                    "The passphrase is wrong, and this account is now locked out; "
                    "a supervisor can reset it, or use the recovery code."
                ) from None
            delay = after.seconds_to_wait(attempts_log.clock())
            sentence = (
                "The passphrase is wrong."
                if delay == 0
                else f"The passphrase is wrong; {_wait_sentence(delay)}."
            )
            raise WrongPassphraseError(sentence, wait_seconds=delay) from None
        store = cls._open(data_dir, Operator(entry.name, entry.role), key, keys.store_id)
        failures = attempts_log.reset(entry.name)
        try:
            with store.session() as session:
                _audit_failures(session, entry.name, failures)
                audit.append(session, audit.UNLOCK)
        except DBAPIError as error:
            store.close()
            if is_corruption(error):
                raise corruption_error(db_path(data_dir)) from None
            raise
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
        try:
            keys: KeyFile | None = load_keys(data_dir)
        except (CorruptKeyFileError, FileNotFoundError):
            keys = None
        rebuilt = keys is None or keys.store_id != store_id
        if keys is None or rebuilt:
            keys = KeyFile(store_id, kdf)
        entry = keys.find(name)
        role = entry.role if entry else SUPERVISOR
        name = entry.name if entry else name
        store = cls._open(data_dir, Operator(name, role), key, store_id)
        try:
            keys.add_operator(name, role, new_passphrase, key)
            save_keys(data_dir, keys)
            failures = AttemptLog(data_dir).reset(name)
            with store.session() as session:
                _audit_failures(session, name, failures)
                if not _has_operator_row(session, name):
                    session.add(OperatorRow(name=name, role=role, created_at=_now(), created_by="recovery"))
                audit.append(session, audit.RECOVERED, details={"key_file_rebuilt": rebuilt})
        except BaseException:
            store.close()
            raise
        return store

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
            if is_corruption(error):
                raise corruption_error(db_path(data_dir)) from None
            raise
        except BaseException:
            store.close()
            raise
        return store

    def _prepare_schema(self) -> None:
        migrate(self.engine, db_path(self.data_dir))

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
        finally:
            session.close()

    def audit(self, action: str, *, record_id: str | None = None, **details: object) -> None:
        """Logs a view, search, export... in its own transaction (ids and counts, never personal values)."""
        with self.session() as session:
            audit.append(session, action, record_id=record_id, details=dict(details))

    def require_supervisor(self, what: str) -> None:
        if not self.operator.is_supervisor:
            raise NotAllowedError(f"Only a supervisor may {what}.")

    @property
    def device_id(self) -> str:
        with self.session() as session:
            row = session.get(SettingRow, DEVICE_ID_SETTING)
            return row.value if row else ""

    def close(self) -> None:
        """Disposes every connection and drops the key; the object cannot be used afterwards."""
        if self._engine is not None:
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

    def add_operator(self, name: str, role: str, passphrase: str) -> Operator:
        """Supervisor only. Wraps the data key for the new operator; the database is not rewritten."""
        self.require_supervisor("add operators")
        name = check_operator_name(name)
        if role not in ROLES:
            raise NotAllowedError(f"A role is one of: {', '.join(ROLES)}.")
        check_passphrase(passphrase)
        keys = load_keys(self.data_dir)
        if keys.find(name) is not None:
            raise NotAllowedError(f"There is already an operator named {name!r}.")
        keys.add_operator(name, role, passphrase, self._data_key())
        with self.session() as session:
            session.add(OperatorRow(name=name, role=role, created_at=_now(), created_by=self.operator.name))
            audit.append(session, "operator_added", details={"operator_name": name, "role": role})
            session.flush()
            save_keys(self.data_dir, keys)  # inside the transaction: a failed write rolls the row back
        return Operator(name, role)

    def set_passphrase(self, new_passphrase: str, name: str | None = None) -> None:
        """Re-wraps the data key for ``name`` (default: the current operator). Changing someone else's
        passphrase is for supervisors. Only the key file changes; the database is never rewritten."""
        target = name if name is not None else self.operator.name
        keys = load_keys(self.data_dir)
        entry = keys.find(target)
        if entry is None:
            raise UnknownOperatorError(f"There is no operator named {target.strip()!r} in this store.")
        if entry.name != self.operator.name:
            self.require_supervisor("change another operator's passphrase")
        check_passphrase(new_passphrase)
        keys.add_operator(entry.name, entry.role, new_passphrase, self._data_key())
        save_keys(self.data_dir, keys)
        self.audit("passphrase_changed", operator_name=entry.name)

    def reset_lockout(self, name: str) -> None:
        """Supervisor only: clears the failed-attempt count (and lockout) of ``name``."""
        self.require_supervisor("reset a lockout")
        entry = load_keys(self.data_dir).find(name)
        if entry is None:
            raise UnknownOperatorError(f"There is no operator named {name.strip()!r} in this store.")
        failures = AttemptLog(self.data_dir).reset(entry.name)
        with self.session() as session:
            _audit_failures(session, entry.name, failures)
            audit.append(
                session, "lockout_reset", details={"operator_name": entry.name, "failures": len(failures)}
            )

    def operators(self) -> list[Operator]:
        return [Operator(entry.name, entry.role) for entry in load_keys(self.data_dir).operators]

    # --- checks ---------------------------------------------------------------------------------------

    def verify(self) -> list[str]:
        """Database integrity (SQLite and SQLCipher's page HMACs), foreign keys and the audit chain."""
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
        try:
            with self.session(read_only=True) as session:
                problems.extend(audit.verify_chain(session))
        except Exception as error:
            problems.append(f"the audit log could not be read ({_reason(error)})")
        return problems

    def checkpoint(self) -> None:
        """Folds the WAL into the database file (after an erasure, before a backup)."""
        run_outside_transaction(self.engine, "PRAGMA wal_checkpoint(TRUNCATE)")


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
