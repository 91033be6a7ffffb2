"""Turning a failure from the store into one translated sentence for the person at the keyboard.

The store raises ``DeskError`` subclasses with an English sentence. The kinds a clerk meets at the
door (wrong passphrase, a delay, a lockout, a weak passphrase...) are said again here in the interface
language; any other ``DeskError`` shows the store's own sentence; an unexpected exception shows a
generic sentence without its details, which could hold personal data.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from forms.errors import DeskError

# Error classes are looked up when a failure arrives, so importing this module does not load the store.
# A failure means the store was already imported (on the lane) to raise it.


def _store_errors() -> Any:
    from forms.store import errors

    return errors


log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def wait_seconds_of(error: BaseException) -> int:
    """Seconds before the next attempt is accepted; 0 when the person may try again at once."""
    errors = _store_errors()
    if isinstance(error, errors.WrongPassphraseError | errors.WaitBeforeRetryError):
        return max(0, int(error.wait_seconds))
    return 0


def is_locked_out(error: BaseException) -> bool:
    return isinstance(error, _store_errors().LockedOutError)


def wait_sentence(seconds: int) -> str:
    if seconds >= 120:
        minutes = (seconds + 59) // 60  # never promise less waiting than the store asks for
        return translate("UnlockMessages", "Wait %n minute(s) before trying again.", None, minutes)
    return translate("UnlockMessages", "Wait %n second(s) before trying again.", None, seconds)


def unlock_failure_sentence(error: BaseException) -> str:
    errors = _store_errors()
    seconds = wait_seconds_of(error)
    if isinstance(error, errors.LockedOutError):
        return translate(
            "UnlockMessages",
            "This account is locked after too many wrong passphrases. "
            "A supervisor can reset it, or use the recovery code.",
        )
    if isinstance(error, errors.WrongPassphraseError):
        first = translate("UnlockMessages", "The passphrase is wrong.")
        return first if seconds == 0 else first + " " + wait_sentence(seconds)
    if isinstance(error, errors.WaitBeforeRetryError):
        return wait_sentence(seconds)
    return failure_sentence(error)


def failure_sentence(error: BaseException) -> str:
    errors = _store_errors()
    if isinstance(error, errors.WeakPassphraseError):
        return translate(
            "UnlockMessages",
            "This passphrase is too easy to guess. Choose a longer one, for example four unrelated words.",
        )
    if isinstance(error, errors.UnknownOperatorError):
        return translate("UnlockMessages", "There is no operator with this name on this computer.")
    if isinstance(error, errors.MissingStoreError):
        return translate("UnlockMessages", "There is no Diaspora Desk store in this folder.")
    if isinstance(error, errors.CorruptKeyFileError):
        return translate(
            "UnlockMessages",
            "The key file of this account is damaged. Use the recovery code to get back in.",
        )
    if isinstance(error, errors.NewerStoreError):
        return translate(
            "UnlockMessages", "This store was made by a newer Diaspora Desk. Install the newer version."
        )
    if isinstance(error, DeskError):
        return error.message[:1].upper() + error.message[1:]
    if isinstance(error, OSError):
        # The system's reason (no path: it could name a person's user folder) and what to look at.
        reason = error.strerror or type(error).__name__
        return translate(
            "UnlockMessages", "The data folder cannot be used (%1). Check the disk and its permissions."
        ).replace("%1", reason)
    log.error("unexpected failure: %s", type(error).__name__)
    return translate(
        "UnlockMessages",
        "Something went wrong inside Diaspora Desk; nothing saved was lost. Please try again.",
    )
