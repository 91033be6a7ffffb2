"""Sending the outbox to one destination, exactly once per record version.

The destination has its own checkpoint (the last outbox sequence it acknowledged). The next version's
XML is saved in the store (the in-flight setting) before the first attempt, so a retry after a lost
answer sends the very same XML, which OpenRosa servers answer 201 (an identical resend). The checkpoint
moves only on an answer, in one transaction with clearing the in-flight XML. A 409 (different XML for
the same instanceID) goes to the sync-conflicts queue; a refusal of the record itself (400, 413) too, as
a rejection; 401/403/404 stop the destination (its address, token or form is wrong) without moving on.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from forms.store import Store, outbox
from forms.store.outbox import OutboxItem
from forms.work import Work
from sync.client import state
from sync.client.backoff import Backoff
from sync.client.destinations.config import Destination, list_destinations
from sync.client.destinations.instance import FormResolver, instance_xml, store_forms
from sync.client.destinations.transport import OpenRosaTransport
from sync.client.engine import with_retries
from sync.client.transport import DEFAULT_TIMEOUT, TransportError

log = logging.getLogger("sync.client.destinations")

STOPPING_STATUSES = frozenset({401, 403, 404, 405})


@dataclass
class DestinationReport:
    name: str
    counts: Counter[str] = field(default_factory=Counter)  # sent | conflict | rejected | skipped
    remaining: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.remaining == 0

    def sentence(self) -> str:
        c = self.counts
        text = (
            f"{self.name}: {c['sent']} sent, {c['conflict']} conflicts, {c['rejected']} rejected, "
            f"{c['skipped']} erasures not sent; {self.remaining} still waiting."
        )
        return text + (f" Stopped: {self.error}" if self.error else "")


def _consumer(destination: Destination) -> str:
    """The destination's name in the outbox's consumer positions (settings destination.NAME.*)."""
    return f"destination.{destination.name}"


def _next_item(store: state.SessionSource, destination: Destination) -> tuple[OutboxItem, bool] | None:
    """The next outbox version after the checkpoint (and whether the batch policy lets it go now)."""
    with store.session() as session:
        return outbox.next_after(session, outbox.position(session, _consumer(destination)))


def _remaining(store: state.SessionSource, destination: Destination) -> int:
    with store.session() as session:
        return outbox.count_after(session, outbox.position(session, _consumer(destination)))


def _inflight_xml(
    store: state.SessionSource, destination: Destination, item: OutboxItem, build: Any
) -> bytes:
    """The XML for this version: the saved one (a retry), or a new one saved before the first attempt."""
    with store.session() as session:
        saved = outbox.held_xml(session, _consumer(destination), item.sequence)
        if saved is not None:
            return saved.encode("utf-8")
        xml: bytes = build()
        outbox.hold_xml(session, _consumer(destination), item.sequence, xml.decode("utf-8"))
        return xml


def _advance(
    store: state.SessionSource, destination: Destination, item: OutboxItem, issue: tuple[str, str] | None
) -> None:
    """Move the checkpoint past this version and drop its in-flight XML (one transaction)."""
    with store.session() as session:
        outbox.advance(session, _consumer(destination), item.sequence)
        if issue is not None:
            status, reason = issue
            session.add(
                state.SyncIssueRow(
                    record_id=item.record_id,
                    version_id=item.version_id,
                    status=status,
                    reason=reason[:64],
                    problems="[]",
                    batch_id=f"dest:{destination.name}"[:36],
                    at=state.now_iso(),
                )
            )


class DestinationPusher:
    """Sends what waits to one destination; one pusher per destination per pass."""

    def __init__(
        self,
        store: state.SessionSource,
        destination: Destination,
        *,
        forms: FormResolver | None = None,
        backoff: Backoff | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        ca_bundle: str | None = None,
        pinned_sha256: str | None = None,
    ) -> None:
        self.store = store
        self.destination = destination
        self.forms = forms or store_forms(store)
        self.backoff = backoff or Backoff()
        self.timeout = timeout
        self.ca_bundle, self.pinned_sha256 = ca_bundle, pinned_sha256

    def run(self, work: Work | None = None) -> DestinationReport:
        work = work or Work()
        report = DestinationReport(self.destination.name)
        try:
            with OpenRosaTransport(
                self.destination,
                ca_bundle=self.ca_bundle,
                pinned_sha256=self.pinned_sha256,
                timeout=self.timeout,
            ) as transport:
                self._send_all(transport, work, report)
        except TransportError as exc:
            report.error = exc.message
        report.remaining = _remaining(self.store, self.destination)
        return report

    def _send_all(self, transport: OpenRosaTransport, work: Work, report: DestinationReport) -> None:
        while not work.cancelled:
            found = _next_item(self.store, self.destination)
            if found is None:
                return
            item, allowed = found
            if not allowed:
                return  # waits for its batch's approval; nothing after it overtakes it
            if item.deleted:
                # OpenRosa has no erasure: the destination's own administrator deletes there.
                _advance(self.store, self.destination, item, None)
                report.counts["skipped"] += 1
                continue
            definition = self.forms(item.form_id, item.form_version)
            if definition is None:
                report.error = (
                    f"The form {item.form_id} version {item.form_version} is not on this desk, so its "
                    "records cannot be written as XForm XML."
                )
                return
            xml = _inflight_xml(
                self.store, self.destination, item, lambda d=definition, i=item: instance_xml(d, i)
            )
            answer = self._with_retries(lambda x=xml: transport.post_submission(x), work)
            if answer is None:
                return  # cancelled while waiting
            if answer.status in (201, 202):
                _advance(self.store, self.destination, item, None)
                report.counts["sent"] += 1
            elif answer.status == 409:
                log.warning(
                    "destination %s: version %s conflicts (409)", self.destination.name, item.version_id
                )
                _advance(self.store, self.destination, item, ("conflict", "destination_conflict"))
                report.counts["conflict"] += 1
            elif answer.status in STOPPING_STATUSES:
                report.error = (
                    f"The destination refused the submission ({answer.status}); check its address, token "
                    "and that the form is published there."
                )
                return
            else:
                log.warning(
                    "destination %s: version %s refused (%d)",
                    self.destination.name,
                    item.version_id,
                    answer.status,
                )
                _advance(
                    self.store, self.destination, item, ("rejected", f"destination_refused_{answer.status}")
                )
                report.counts["rejected"] += 1

    def _with_retries(self, call: Any, work: Work) -> Any:
        return with_retries(call, self.backoff, work, f"destination {self.destination.name}")


def push_all(
    store: Store,
    *,
    backoff: Backoff | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    forms: FormResolver | None = None,
) -> list[DestinationReport]:
    """One pass to every destination the store names, one after the other."""
    resolver = forms or store_forms(store)
    return [
        DestinationPusher(store, destination, forms=resolver, backoff=backoff, timeout=timeout).run()
        for destination in list_destinations(store)
    ]
