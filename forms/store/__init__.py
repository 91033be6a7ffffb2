"""The encrypted local store (SQLCipher 4 + SQLAlchemy 2): keys, operators, batches, records, the
outbox that sync reads and the audit log. No Qt, no network. See docs/store.md and docs/contracts.md.
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
