"""The desk's question before saving a new registration, when online: is this person perhaps registered
already on another desk? (server: POST /v1/possible-match, sync/server/dedup/api.py).

Sent with the laptop's device credential over the same pinned/verified transport as sync. The server
answers only "possible match registered at PLACE on DATE" and a reference, never the other person's
data. The check waits at most ``timeout`` seconds to connect and as long for the answer; offline, slow,
not enrolled or refused, it returns None and never raises: the server catches the duplicate after sync.
Each attempt is written to the desk's audit log with ids, counts and field names only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from forms.store import Store
from sync.client import state
from sync.client.transport import Transport

log = logging.getLogger("sync.client.possible_match")

AUDIT_ACTION = "possible_match_check"
DEFAULT_TIMEOUT = 1.0
MAX_FIELDS, MAX_VALUE = 20, 200  # the server's limits on what it reads
# What the server compares before saving: the document number, or names and the birth date.
SENT_FIELDS = ("document_number", "given_name", "family_name", "other_names", "birth_date")


@dataclass(frozen=True)
class Match:
    message: str  # "possible match registered at PLACE on DATE"
    place: str
    date: str


@dataclass(frozen=True)
class PossibleMatch:
    reference: str  # quote it to a registrar (the server's log ties it to the records)
    matches: tuple[Match, ...]

    @property
    def found(self) -> bool:
        return bool(self.matches)


def question(answers: Mapping[str, Any]) -> dict[str, str]:
    """Only the fields the server compares, as short text; empty ones left out."""
    asked: dict[str, str] = {}
    for name in SENT_FIELDS:
        value = answers.get(name)
        if value is not None and str(value).strip():
            asked[name] = str(value).strip()[:MAX_VALUE]
    return asked


def check(
    store: Store,
    answers: Mapping[str, Any],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    server_url: str | None = None,
) -> PossibleMatch | None:
    """Ask the server; None when it cannot answer within ``timeout`` (or the laptop is not enrolled)."""
    asked = question(answers)
    if not asked:
        return None
    try:
        device = state.load_device(store)
    except Exception:  # a damaged sync table must not stop a registration
        log.warning("possible-match check skipped: the enrolment could not be read")
        return None
    if device is None or not device.usable:
        _audit(store, asked, "not_enrolled")
        return None
    try:
        with Transport(
            server_url or device.server_url,
            ca_bundle=device.ca_bundle,
            pinned_sha256=device.pinned_sha256,
            timeout=(timeout, timeout),
        ) as transport:
            body = transport.possible_match(asked, device.credential or "")
        found = _parse(body)
    except Exception as error:  # offline, slow, refused or garbled: never raise
        log.info("possible-match check without an answer: %s", type(error).__name__)
        _audit(store, asked, "no_answer")
        return None
    _audit(store, asked, "answered", reference=found.reference, matches=len(found.matches))
    return found


def _parse(body: dict[str, Any]) -> PossibleMatch:
    items = body.get("matches")
    reference = body.get("reference")
    if not isinstance(items, list) or not isinstance(reference, str):
        raise ValueError("the server's answer has no matches or reference")
    matches = tuple(
        Match(str(item["message"]), str(item["place"]), str(item["date"]))
        for item in items
        if isinstance(item, dict) and {"message", "place", "date"} <= item.keys()
    )
    return PossibleMatch(reference[:64], matches)


def _audit(
    store: Store, asked: Mapping[str, str], outcome: str, *, reference: str = "", matches: int = 0
) -> None:
    try:
        store.audit(
            AUDIT_ACTION,
            outcome=outcome,
            fields=",".join(sorted(asked)),
            reference=reference,
            matches=matches,
        )
    except Exception:  # the check is advisory; a failing audit write is logged, not raised
        log.warning("possible-match check could not be written to the audit log")
