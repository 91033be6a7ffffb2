"""After a sync pass: erase what the server erased, then purge what this laptop no longer needs.

The server lists its erasures at ``GET /v1/erasures?since=CURSOR`` (record ids only); the laptop erases
each record it holds (forms.store.erasure.apply_server_erasures) and keeps the cursor in its store.
Then the retention setting runs (forms.store.retention.purge_due): acknowledged records older than the
setting leave the laptop. A failure here is reported but never fails the pass: the records are safe on
the server, and the next pass tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from forms.errors import DeskError
from forms.store.erasure import apply_server_erasures, erasure_cursor
from forms.store.retention import purge_due
from sync.client.transport import Transport, TransportError

log = logging.getLogger("sync.client.protection")
ERASURES_PATH = "/v1/erasures"
MAX_PAGES = 100


@dataclass
class ProtectionOutcome:
    erased: int = 0  # records the server erased that this laptop held
    purged: int = 0  # acknowledged records past the retention setting
    error: str | None = None


def apply_erasure_notices(store: Any, transport: Transport, credential: str) -> int:
    erased = 0
    for _ in range(MAX_PAGES):
        cursor = erasure_cursor(store)
        answer = transport.erasures(credential, cursor)
        items = answer.get("erasures")
        following = answer.get("next")
        if not isinstance(items, list) or not isinstance(following, int):
            raise TransportError("The server's list of erasures was incomplete.", retryable=True)
        notices = [
            (int(item["id"]), str(item["record_id"]))
            for item in items
            if isinstance(item, dict)
            and isinstance(item.get("id"), int)
            and isinstance(item.get("record_id"), str)
        ]
        erased += apply_server_erasures(store, notices, following)
        if not answer.get("more") or erasure_cursor(store) == cursor:
            break
    return erased


def after_sync(store: Any, transport: Transport, credential: str) -> ProtectionOutcome:
    outcome = ProtectionOutcome()
    if not hasattr(store, "checkpoint"):  # not an encrypted store (a test double): nothing to erase or purge
        return outcome
    try:
        outcome.erased = apply_erasure_notices(store, transport, credential)
    except (TransportError, DeskError) as exc:
        outcome.error = exc.message
        log.warning("erasure notices could not be applied: %s", exc.message)
    try:
        outcome.purged = purge_due(store)
    except DeskError as exc:
        outcome.error = outcome.error or exc.message
        log.warning("retention could not run: %s", exc.message)
    if outcome.erased or outcome.purged:
        log.info(
            "erased %d records on the server's notice; purged %d acknowledged records",
            outcome.erased,
            outcome.purged,
        )
    return outcome
