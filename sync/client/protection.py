"""After a sync pass: erase what the server erased, then purge what this laptop no longer needs.

The server lists its erasures at ``GET /v1/erasures?since=CURSOR`` (record ids only); the laptop erases
each record it holds (forms.store.erasure.apply_server_erasures) and keeps the cursor in its store.
On a laptop that hosted an event, the same notices are applied to its hub's database too
(sync/server/protection/hub_notices.py; its own cursor), so the hub's copies go and the hub tells the
clerks' laptops that sync with it. Then the retention setting runs (forms.store.retention.purge_due):
acknowledged records older than the setting leave the laptop. A failure here is reported but never
fails the pass: the records are safe on the server, and the next pass tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from forms.errors import DeskError
from forms.store.erasure import (
    HUB_CURSOR_SETTING,
    apply_server_erasures,
    erasure_cursor,
    set_hub_erasure_cursor,
)
from forms.store.retention import purge_due
from sync.client.transport import Transport, TransportError

log = logging.getLogger("sync.client.protection")
ERASURES_PATH = "/v1/erasures"
MAX_PAGES = 100


@dataclass
class ProtectionOutcome:
    erased: int = 0  # records the server erased that this laptop held
    purged: int = 0  # acknowledged records past the retention setting
    hub_erased: int = 0  # records the event hub this laptop hosts held and erased on the same notices
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


def _notices(answer: dict[str, Any]) -> tuple[list[tuple[int, str]], int]:
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
    return notices, following


def hosts_a_hub(store: Any) -> bool:
    """Whether this laptop hosted an event (checked without loading the server's code)."""
    from pathlib import Path

    from sync.hub.names import HUB_FOLDER

    data_dir = getattr(store, "data_dir", None)
    return data_dir is not None and (Path(data_dir) / HUB_FOLDER).exists()


def apply_notices_to_hub(store: Any, transport: Transport, credential: str) -> int:
    """The central server's erasures reach the hub's copies (and, through the hub, its clerks)."""
    from sync.hub.place import HubPlace, open_hub_database
    from sync.server.protection.hub_notices import apply_central_erasures

    if not HubPlace.of(store.data_dir).database.exists():
        return 0
    engine = open_hub_database(store)
    held = 0
    try:
        for _ in range(MAX_PAGES):
            cursor = erasure_cursor(store, HUB_CURSOR_SETTING)
            answer = transport.erasures(credential, cursor)
            notices, following = _notices(answer)
            held += apply_central_erasures(engine, notices)
            set_hub_erasure_cursor(store, max([cursor, following, *(n for n, _ in notices)]))
            if not answer.get("more") or erasure_cursor(store, HUB_CURSOR_SETTING) == cursor:
                break
    finally:
        engine.dispose()
    return held


def after_sync(store: Any, transport: Transport, credential: str) -> ProtectionOutcome:
    outcome = ProtectionOutcome()
    if not hasattr(store, "checkpoint"):  # not an encrypted store (a test double): nothing to erase or purge
        return outcome
    try:
        outcome.erased = apply_erasure_notices(store, transport, credential)
    except (TransportError, DeskError) as exc:
        outcome.error = exc.message
        log.warning("erasure notices could not be applied: %s", exc.message)
    if hosts_a_hub(store):
        try:
            outcome.hub_erased = apply_notices_to_hub(store, transport, credential)
        except (TransportError, DeskError) as exc:
            outcome.error = outcome.error or exc.message
            log.warning("erasure notices could not be applied to the hub: %s", exc.message)
        except Exception as exc:  # the hub's database (SQLAlchemy): the laptop's own sync is not failed
            outcome.error = (
                outcome.error or "The event hub's copies could not be erased now; the next sync tries again."
            )
            log.warning("erasure notices could not be applied to the hub (%s)", type(exc).__name__)
    try:
        outcome.purged = purge_due(store)
    except DeskError as exc:
        outcome.error = outcome.error or exc.message
        log.warning("retention could not run: %s", exc.message)
    if outcome.erased or outcome.purged or outcome.hub_erased:
        log.info(
            "erased %d records on the server's notice (%d on the hub); purged %d acknowledged records",
            outcome.erased,
            outcome.hub_erased,
            outcome.purged,
        )
    return outcome
