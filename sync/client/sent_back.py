"""After a sync pass with an event hub: the batches its supervisor sent back, reopened for the clerk.

The hub lists this laptop's batches sent back at ``GET /v1/hub/sent-back`` (sync/server/hub_api.py): each
with the supervisor's note, name and the version ids the hub holds. Each lands in the store's review
flags (forms.store.review.apply_hub_send_back): the records at those versions are flagged for their clerk
with the note, their batches reopen, and the clerk's corrections go to the hub at the next sync. Applying
the same list again changes nothing. A central server has none to list; a server without the endpoint
(404) is the same. A failure here is logged and never fails the pass: the next pass reads the list again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from forms.errors import DeskError
from forms.store.review import apply_hub_send_back
from sync import protocol as p
from sync.client.transport import Transport, TransportError

log = logging.getLogger("sync.client.sent_back")
SENT_BACK_PATH = f"{p.API_PREFIX}/hub/sent-back"


@dataclass(frozen=True)
class SentBack:
    batch_id: str
    note: str
    sent_by: str
    version_ids: tuple[str, ...]


def parse(answer: dict[str, Any]) -> list[SentBack]:
    items = answer.get("sent_back")
    if not isinstance(items, list):
        raise TransportError("The hub's list of batches sent back was incomplete.", retryable=True)
    found: list[SentBack] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        batch_id, note, sent_by, versions = (
            item.get("batch_id"),
            item.get("note"),
            item.get("sent_by"),
            item.get("version_ids"),
        )
        if not (isinstance(batch_id, str) and isinstance(note, str) and isinstance(sent_by, str)):
            continue
        if not isinstance(versions, list):
            continue
        found.append(SentBack(batch_id, note, sent_by, tuple(v for v in versions if isinstance(v, str))))
    return found


def apply_sent_back(store: Any, transport: Transport, credential: str) -> int:
    """Reads the batches sent back and flags their records; returns how many records were reopened now."""
    try:
        answer = transport._request("GET", SENT_BACK_PATH, headers=p.auth_headers(credential))
    except TransportError as exc:
        if exc.status == 404:  # a server that predates event hubs' send back: nothing to learn
            return 0
        raise
    reopened = 0
    for batch in parse(answer):
        reopened += len(
            apply_hub_send_back(store, batch.batch_id, list(batch.version_ids), batch.note, batch.sent_by)
        )
    return reopened


def after_sync(store: Any, transport: Transport, credential: str) -> int:
    """``apply_sent_back`` that never fails the pass (logged without the note: it may describe a person)."""
    try:
        return apply_sent_back(store, transport, credential)
    except DeskError as exc:
        log.warning("Batches sent back could not be read: %s", exc.message)
        return 0
