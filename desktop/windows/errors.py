"""The one catalogue of the sentences a failure or a problem becomes on screen, in the interface language.

Every window, page and dialog turns an exception into text here (tests/desktop/test_sentences.py
checks that none does it itself):

- ``failure_sentence(error, fallback)``: ``DeskError`` subclasses carry an English sentence. The kinds a
  person meets (wrong passphrase, a delay, a lockout, a weak passphrase, a cancelled export or import,
  a file an import refuses...) are said again here in the interface language; any other ``DeskError``
  shows its own sentence; anything else shows ``fallback`` (or a generic sentence) without its details,
  which could hold personal data.
- ``problem_reason(code, params)``: why an import rejected a cell, keyed by the problem code
  (forms.importing.reasons holds the English sentences the command line prints; their French and
  Portuguese are in resources/i18n/import_{fr,pt}.ts, context ``ImportReasons``).

The command line (desktop/cli) prints the English sentences as raised.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication

from forms.errors import DeskError

if TYPE_CHECKING:
    from forms.importing.errors import ImportFileError

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


def failure_sentence(error: BaseException, fallback: str | None = None) -> str:
    """``error`` in one sentence in the interface language; ``fallback`` is said for a failure that is not
    a DeskError (instead of the generic sentence)."""
    known = _known_kind(error)
    if known is not None:
        return known
    if isinstance(error, DeskError):
        return error.message[:1].upper() + error.message[1:]
    if fallback is not None:
        log.error("failed: %s", type(error).__name__)
        return fallback
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


def failure_reason(error: BaseException, fallback: str) -> str:
    """``error`` as the reason after a sentence's colon ("The hub did not start: %1"): the catalogue's
    sentence for a known kind, a DeskError's own words as raised, else ``fallback``."""
    known = _known_kind(error)
    if known is not None:
        return known
    if isinstance(error, DeskError):
        return error.message
    log.error("failed: %s", type(error).__name__)
    return fallback


def _is_instance(error: BaseException, module: str, name: str) -> bool:
    """Whether ``error`` is an instance of ``module.name``, without importing ``module``: an instance can
    exist only once its module is loaded, and importing export or import here (msoffcrypto, lxml, the
    form engine) froze the window for most of a second the first time an unlock error was worded."""
    loaded = sys.modules.get(module)
    kind = getattr(loaded, name, None) if loaded is not None else None
    return isinstance(kind, type) and isinstance(error, kind)


def _known_kind(error: BaseException) -> str | None:
    """The translated sentence of a DeskError kind the catalogue knows; None for any other."""
    if not isinstance(error, DeskError):
        return None
    errors = _store_errors()
    if _is_instance(error, "forms.export.progress", "ExportCancelled"):
        return translate("Sentences", "Cancelled: no file was written.")
    if _is_instance(error, "forms.importing.check", "ImportCancelled"):
        return translate("Sentences", "Cancelled: nothing was imported.")
    if _is_instance(error, "forms.importing.errors", "ImportFileError"):
        return import_refusal(cast("ImportFileError", error))
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
    return None


def problem_reason(code: str, params: dict[str, Any]) -> str:
    """Why an import rejected a cell, for its problem ``code``; the form's own rule message as written."""
    from forms.importing.reasons import TRANSLATION_CONTEXT, reason_for

    return reason_for(code, params, lambda sentence: translate(TRANSLATION_CONTEXT, sentence))


def import_refusal(error: ImportFileError) -> str:
    """A file an import refuses whole (an ImportFileError: its refusal code and values) in the interface
    language, its figures written the reader's way."""
    from PySide6.QtCore import QLocale

    from forms.importing.reasons import TRANSLATION_CONTEXT, file_refusal

    return file_refusal(error, lambda sentence: translate(TRANSLATION_CONTEXT, sentence), QLocale().toString)


def sync_sentence(sentence: str) -> str:
    """A sync report's error (the sync client's fixed sentences, written in English without Qt) in the
    interface language; a sentence not listed here (a server's own words) is shown as it came. The
    context stays SyncController, where these were first translated."""
    known = {
        "This laptop is not enrolled with a server; enrol it first.": translate(
            "SyncController", "This laptop is not enrolled with a server; enrol it first."
        ),
        "This laptop's sync keys were erased because the server marked it lost or revoked.": translate(
            "SyncController",
            "This laptop's sync keys were erased because the server marked it lost or revoked.",
        ),
        "The server could not be reached.": translate("SyncController", "The server could not be reached."),
        "The server did not answer in time.": translate(
            "SyncController", "The server did not answer in time."
        ),
        "The server's answer was cut off.": translate("SyncController", "The server's answer was cut off."),
        "The server's answer was incomplete.": translate(
            "SyncController", "The server's answer was incomplete."
        ),
        "The server is busy and asked to wait (429).": translate(
            "SyncController", "The server is busy and asked to wait (429)."
        ),
    }
    return known.get(sentence, sentence)
