"""The store's expected failures, each a ``DeskError`` with one plain sentence and no personal value."""

from __future__ import annotations

from forms.errors import DeskError


class StoreError(DeskError):
    """Base of every failure raised by ``forms.store``."""


class MissingStoreError(StoreError):
    exit_code = 3


class StoreExistsError(StoreError):
    pass


class CorruptKeyFileError(StoreError):
    exit_code = 4


class TamperedKeyFileError(CorruptKeyFileError):
    """The key file's seal (under the data key) does not match: edited outside the app."""


class CorruptDatabaseError(StoreError):
    exit_code = 4


class NewerStoreError(StoreError):
    exit_code = 5


class UnknownOperatorError(StoreError):
    exit_code = 6


class WrongPassphraseError(StoreError):
    """The passphrase (or recovery code) does not open the key. ``wait_seconds`` is the delay now due."""

    exit_code = 6

    def __init__(self, message: str, *, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class WaitBeforeRetryError(StoreError):
    """Too many wrong passphrases in a row: the next attempt is accepted after ``wait_seconds``."""

    exit_code = 7

    def __init__(self, message: str, *, wait_seconds: int) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class LockedOutError(StoreError):
    exit_code = 8


class WeakPassphraseError(StoreError):
    exit_code = 2


class NotAllowedError(StoreError):
    exit_code = 9


class RecordNotFoundError(StoreError):
    pass


class BatchStateError(StoreError):
    pass
