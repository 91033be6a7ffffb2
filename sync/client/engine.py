"""One sync pass: send every pending version in batches until the outbox is empty, cancelled, or a
failure that retrying (with backoff) did not cure.

Exactly once rests on three things: the batch id and body are persisted before the first send
(batching.py), the server answers only after its transaction committed and answers a replay with the
first answer, and the laptop marks versions sent only on that answer (acknowledge.py). Any uncertainty
(no answer, a cut answer, a 5xx) is resolved by sending the same batch again.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from forms.errors import DeskError
from forms.work import Work
from sync import protocol as p
from sync.client import files, protection, sent_back, state
from sync.client.acknowledge import apply_answer
from sync.client.backoff import Backoff
from sync.client.batching import Inflight, pending_count, prepare_batch
from sync.client.forms_download import engine_check, fetch_new_forms
from sync.client.sealing import fetch_sealing_key
from sync.client.transport import DEFAULT_TIMEOUT, Transport, TransportError

log = logging.getLogger("sync.client.engine")
T = TypeVar("T")

SENDING = "sending"  # the progress message: (versions acknowledged so far, versions in this pass, SENDING)


def with_retries(call: Callable[[], T], backoff: Backoff, work: Work, what: str) -> T | None:
    """The call's answer; None if cancelled while waiting; raises once retries are used up or on 4xx.

    The one retry step of every sender (our server here, an OpenRosa destination in
    destinations/push.py): a failure that may go away on its own waits `backoff`'s delay and tries again.
    """
    attempt = 0
    while True:
        try:
            return call()
        except TransportError as exc:
            if not exc.retryable or attempt + 1 >= backoff.max_attempts:
                raise
            delay = backoff.delay(attempt, exc.retry_after)
            log.info("%s attempt %d failed (%s); retrying in %.1f s", what, attempt + 1, exc.message, delay)
            attempt += 1
            if work.wait(delay):
                return None


class NotEnrolledError(DeskError):
    """This laptop has no enrolment (or its keys were erased)."""


@dataclass
class SyncReport:
    """What a pass did. `ok` only when it ended with nothing left to send and no error."""

    counts: Counter[str] = field(default_factory=Counter)
    batches: int = 0
    remaining: int = 0
    error: str | None = None
    cancelled: bool = False
    keys_erased: bool = False
    forms_added: list[str] = field(default_factory=list)  # "form_id version" fetched in this pass
    forms_error: str | None = None  # a failed form download does not fail the pass
    erased_by_server: int = 0  # records erased here because the server erased them (sync/client/protection)
    purged: int = 0  # acknowledged records past the laptop's retention setting, removed after the pass
    sent_back: int = 0  # records an event hub's supervisor sent back, reopened here (sync/client/sent_back)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled and self.remaining == 0

    @property
    def sent(self) -> int:
        return sum(self.counts.values())


class SyncEngine:
    """Runs passes for one store. Not thread-safe: run one pass at a time (the GUI uses one worker)."""

    def __init__(
        self,
        store: state.SessionSource,
        *,
        server_url: str | None = None,
        backoff: Backoff | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        fetch_forms: bool = True,
    ) -> None:
        self.store = store
        self.fetch_forms = fetch_forms
        self.server_url_override = server_url
        self.backoff = backoff or Backoff()
        self.timeout = timeout

    def transport(self, device: state.DeviceState) -> Transport:
        return Transport(
            self.server_url_override or device.server_url,
            ca_bundle=device.ca_bundle,
            pinned_sha256=device.pinned_sha256,
            timeout=self.timeout,
        )

    def pending(self) -> int:
        """Versions not yet acknowledged (a batch in flight still counts: it is unsent until answered)."""
        with self.store.session() as session:
            return pending_count(session)

    def run_once(self, work: Work | None = None) -> SyncReport:
        """One pass; ``work`` is told the progress (SENDING) and a cancel ends the pass at the next batch
        boundary or retry wait (report.cancelled)."""
        work = work or Work()
        report = SyncReport()
        device = state.load_device(self.store)
        if device is None or not device.usable:
            report.error = (
                "This laptop is not enrolled with a server; enrol it first."
                if device is None or device.status == state.DEVICE_ACTIVE
                else "This laptop's sync keys were erased because the server marked it lost or revoked."
            )
            report.remaining = self.pending()
            return report
        try:
            with self.transport(device) as transport:
                self._pass(transport, device, work, report)
        except TransportError as exc:
            report.error = exc.message
            if exc.erase_keys or exc.code in (p.ERROR_DEVICE_LOST, p.ERROR_DEVICE_REVOKED):
                self._erase(exc.code, report)
            elif exc.code == p.ERROR_STORE_ROLLED_BACK:
                # Older than what the server holds (store.db put back): kept for `diaspora-desk verify`.
                state.record_rolled_back(self.store, exc.message)
            elif exc.code == p.ERROR_BATCH_ID_REUSED:
                # The server holds other bytes under this id (a store restored from an old backup, say).
                # Re-sending can never succeed: rebuild the slice under a fresh id at the next pass. The
                # server recognises each version by its own id, so nothing can arrive twice.
                state.drop_inflight(self.store)
        except DeskError as exc:  # a protocol problem or an unusable address: in words, never a trace
            report.error = exc.message
        report.remaining = self.pending()
        if report.error is None and not report.cancelled:
            state.record_outcome(self.store, error=None)
            if report.batches:  # the server took a batch again: its anchor and this store agree
                state.clear_rolled_back(self.store)
        elif report.error is not None:
            state.record_outcome(self.store, error=report.error)
        return report

    # ------------------------------------------------------------------ the pass

    def _pass(
        self,
        transport: Transport,
        device: state.DeviceState,
        work: Work,
        report: SyncReport,
    ) -> None:
        credential = device.credential or ""
        # Every contact starts by asking whether this device is still trusted: a lost laptop learns it
        # here even when it has nothing to send.
        status = self._with_retries(lambda: transport.device_status(credential), work)
        if status is None:
            report.cancelled = True
            return
        if status.get("erase_keys"):
            self._erase(p.ERROR_DEVICE_LOST, report)
            report.error = "The server marked this laptop lost; its sync keys were erased."
            return
        # Laptops enrolled before the server had a sealing key learn it now (for sealed batch files).
        fetch_sealing_key(self.store, transport, device.device_id, credential)
        total = self.pending()
        work.progress(0, total, SENDING)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-send") as sender:
            self._send_all(transport, device, sender, work, total, report)
        if not report.cancelled and report.error is None:
            self._fetch_forms(transport, credential, work, report)
        if not report.cancelled and report.error is None:
            done = protection.after_sync(self.store, transport, credential)  # erasure notices, retention
            report.erased_by_server, report.purged = done.erased, done.purged
            report.sent_back = sent_back.after_sync(self.store, transport, credential)

    def _send_all(
        self,
        transport: Transport,
        device: state.DeviceState,
        sender: ThreadPoolExecutor,
        work: Work,
        total: int,
        report: SyncReport,
    ) -> None:
        """Send batches in order, one on the wire at a time, overlapping the laptop's work with the server's.

        Batch N+1 is built and persisted while the server works on batch N, and is posted as soon as N's
        answer arrives, before N's answer is written down. The server therefore sees the batches strictly
        one after another (an edit never overtakes the version it replaces), and each answer is applied
        in order; a batch whose answer is lost stays in flight and is re-sent first at the next pass.
        The files a batch's records name go first, on the same thread (files.py): the server refuses a
        record naming a file it does not hold.
        """
        credential = device.credential or ""

        def deliver(batch: Inflight) -> dict[str, Any] | None:
            refs = files.refs_of_batch(batch.body)
            if refs:
                sent = files.send_files(
                    transport,
                    credential,
                    device.private_key or b"",
                    refs,
                    files.store_reader(self.store),
                    lambda call: self._with_retries(call, work),
                )
                if sent is None:
                    return None  # cancelled: the batch stays in flight, its files are asked for again
            return self._with_retries(
                partial(transport.post_batch, batch.body, batch.headers, credential), work
            )

        def post(batch: Inflight) -> Future[dict[str, Any] | None]:
            return sender.submit(deliver, batch)

        handled: set[str] = set()
        current = prepare_batch(self.store)
        if current is None:
            return
        on_the_wire: Future[dict[str, Any] | None] | None = post(current)
        done = 0
        try:
            while current is not None and on_the_wire is not None:
                handled.add(current.batch_id)
                upcoming = None if work.cancelled else prepare_batch(self.store, frozenset(handled))
                answer = on_the_wire.result()  # raises the TransportError once retries are used up
                on_the_wire = None
                if answer is None:
                    report.cancelled = True
                    return
                if upcoming is not None:
                    on_the_wire = post(upcoming)
                report.counts.update(self._acknowledge(current, answer))
                report.batches += 1
                done += len(current.outbox_seqs)
                work.progress(done, max(total, done), SENDING)
                if upcoming is None and not work.cancelled:
                    # The acknowledgement itself may have left something to send (its audit entry).
                    upcoming = prepare_batch(self.store, frozenset(handled))
                    if upcoming is not None:
                        on_the_wire = post(upcoming)
                current = upcoming
            if work.cancelled:
                report.cancelled = True
        finally:
            if on_the_wire is not None:
                # Leaving early (an error): let the batch on the wire finish; it stays in flight and its
                # answer is collected at the next pass as a replay.
                with contextlib.suppress(Exception):
                    on_the_wire.result()

    def _fetch_forms(self, transport: Transport, credential: str, work: Work, report: SyncReport) -> None:
        if not self.fetch_forms:
            return
        try:
            added = self._with_retries(
                lambda: fetch_new_forms(self.store, transport, credential, check=engine_check), work
            )
        except DeskError as exc:
            report.forms_error = exc.message
            log.warning("published forms could not be fetched: %s", exc.message)
            return
        if added is not None:
            report.forms_added = [f"{form.form_id} {form.version}" for form in added]

    def _acknowledge(self, inflight: Inflight, answer: dict[str, Any]) -> Counter[str]:
        response = p.parse_batch_response(answer, expected_batch_id=inflight.batch_id)
        with self.store.session() as session:
            return apply_answer(session, inflight, response)

    def _with_retries(self, call: Callable[[], T], work: Work) -> T | None:
        return with_retries(call, self.backoff, work, "sync")

    def _erase(self, code: str | None, report: SyncReport) -> None:
        status = state.DEVICE_REVOKED if code == p.ERROR_DEVICE_REVOKED else state.DEVICE_LOST
        if status == state.DEVICE_LOST:
            state.erase_keys(self.store, status)
            report.keys_erased = True
            log.warning("the server marked this device lost; sync keys erased")


def run_once(
    store: state.SessionSource,
    work: Work | None = None,
    *,
    server_url: str | None = None,
) -> SyncReport:
    """One pass for `store` with the default backoff (see SyncEngine for the knobs)."""
    return SyncEngine(store, server_url=server_url).run_once(work)
