"""The encrypted local store (SQLCipher 4 + SQLAlchemy 2) of filled-in forms. No Qt, no network.

A map of the package, by what a newcomer looks for (docs/store.md, docs/contracts.md, docs/security.md):

- The facade: ``store`` (``Store``: create, unlock, recover, sessions, operators, close), ``_session``
  (functions that take a ``Store`` or the caller's ``Session``), ``errors`` (each failure one sentence).
- Keys: ``keyfile`` (the data key wrapped per operator and under the recovery code), ``kdf`` (Argon2id
  parameters and their floor), ``passphrase`` (passphrase rules), ``lockout`` (failed unlock attempts).
- The database: ``database`` (opening SQLCipher keyed, the pragmas), ``schema`` (the tables as ORM rows),
  ``migrate`` (schema version and numbered steps), ``anchor`` (the rollback anchor outside the database),
  ``atomic`` (small files written whole or not at all).
- Records: ``records`` (saving and reading versions: the instanceID / deprecatedID chain), ``fields``
  (personal fields copied into indexed columns, their normal forms), ``batches`` and ``current_batch``
  (a day's batch and which one an operator fills), ``review`` (records sent back by a supervisor),
  ``erasure`` (erasing a person's record), ``retention`` (purging what the server acknowledged),
  ``attachments`` (files attached to answers, kept inside the store), ``form_library`` (the forms a
  batch can be filled with, and their media files).
- Outbox: ``outbox`` (final versions in per-device order, pending and acknowledged), ``sync_policy``
  (whether records wait for their batch's approval). Sync (``sync.client``) reads it.
- Audit: ``audit`` (the hash-chained audit log: ids, never a personal value).
- Backups: ``backup`` (rotating encrypted copies of the database, daily and before each migration).
- Search: ``search`` (records search in SQL), ``search_index`` (the FTS5 trigram index).
- Autosave: ``autosave`` (the form on screen, kept through a lock, a quit or a crash).
- Counts: ``stats`` (a status line), ``dashboard`` (the supervisor's day at a glance).
"""

from __future__ import annotations

from .errors import (
    BatchStateError,
    CorruptDatabaseError,
    CorruptKeyFileError,
    LockedOutError,
    MissingStoreError,
    NewerStoreError,
    NotAllowedError,
    RecordNotFoundError,
    StoreError,
    StoreExistsError,
    TamperedKeyFileError,
    UnknownOperatorError,
    WaitBeforeRetryError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from .schema import AuditRow, BatchRow, OperatorRow, OutboxRow, RecordRow, SettingRow
from .store import CLERK, SUPERVISOR, Operator, Store

__all__ = [
    "CLERK",
    "SUPERVISOR",
    "AuditRow",
    "BatchRow",
    "BatchStateError",
    "CorruptDatabaseError",
    "CorruptKeyFileError",
    "LockedOutError",
    "MissingStoreError",
    "NewerStoreError",
    "NotAllowedError",
    "Operator",
    "OperatorRow",
    "OutboxRow",
    "RecordNotFoundError",
    "RecordRow",
    "SettingRow",
    "Store",
    "StoreError",
    "StoreExistsError",
    "TamperedKeyFileError",
    "UnknownOperatorError",
    "WaitBeforeRetryError",
    "WeakPassphraseError",
    "WrongPassphraseError",
]
