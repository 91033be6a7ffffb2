"""Turning a failure from the store into one translated sentence for the person at the keyboard.

The store raises ``DeskError`` subclasses with an English sentence. The kinds a clerk meets at the
door (wrong passphrase, a delay, a lockout, a weak passphrase...) are said again here in the interface
language; any other ``DeskError`` shows the store's own sentence; an unexpected exception shows a
generic sentence without its details, which could hold personal data.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from forms.errors import DeskError
from forms.store.errors import (
    CorruptKeyFileError,
    LockedOutError,
    MissingStoreError,
    NewerStoreError,
    UnknownOperatorError,
    WaitBeforeRetryError,
    WeakPassphraseError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def wait_seconds_of(error: BaseException) -> int:
    """Seconds before the next attempt is accepted; 0 when the person may try again at once."""
    if isinstance(error, WrongPassphraseError | WaitBeforeRetryError):
        return max(0, int(error.wait_seconds))
    return 0


def wait_sentence(seconds: int) -> str:
    if seconds >= 120:
        minutes = (seconds + 59) // 60  # never promise less waiting than the store asks for
        return translate("UnlockMessages", "Wait %n minute(s) before trying again.", None, minutes)
    return translate("UnlockMessages", "Wait %n second(s) before trying again.", None, seconds)


def unlock_failure_sentence(error: BaseException) -> str:
    seconds = wait_seconds_of(error)
    if isinstance(error, LockedOutError):
        return translate(
            "UnlockMessages",
            "This account is locked after too many wrong passphrases. "
            "A supervisor can reset it, or use the recovery code.",
        )
    if isinstance(error, WrongPassphraseError):
        first = translate("UnlockMessages", "The passphrase is wrong.")
        return first if seconds == 0 else first + " " + wait_sentence(seconds)
    if isinstance(error, WaitBeforeRetryError):
        return wait_sentence(seconds)
    return failure_sentence(error)


def failure_sentence(error: BaseException) -> str:
    if isinstance(error, WeakPassphraseError):
        return translate(
            "UnlockMessages",
            "This passphrase is too easy to guess. Choose a longer one, for example four unrelated words.",
        )
    if isinstance(error, UnknownOperatorError):
        return translate("UnlockMessages", "There is no operator with this name on this computer.")
    if isinstance(error, MissingStoreError):
        return translate("UnlockMessages", "There is no Diaspora Desk store in this folder.")
    if isinstance(error, CorruptKeyFileError):
        return translate(
            "UnlockMessages",
            "The key file of this account is damaged. Use the recovery code to get back in.",
        )
    if isinstance(error, NewerStoreError):
        return translate(
            "UnlockMessages", "This store was made by a newer Diaspora Desk. Install the newer version."
        )
    if isinstance(error, DeskError):
        return error.message[:1].upper() + error.message[1:]
    log.error("unexpected failure: %s", type(error).__name__)
    return translate(
        "UnlockMessages",
        "Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.",
    )
