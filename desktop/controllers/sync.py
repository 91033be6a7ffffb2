"""Background sync for the GUI: a pass on a timer, a pass as soon as the server answers again after a
failure, and a "Sync now" slot; signals for the status bar (records waiting, last success, last error in
words, progress).

The pass runs on its own worker thread, not on the store lane: a pass waits on the network (and on
backoff) for seconds to minutes, and the lane must stay free for the clerk's typing. The pass's store
work is a few short transactions of its own (the store's engine is thread-safe; SQLite's busy timeout
orders them with the lane's). The sync modules are imported on that thread, so the window shows first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from desktop.tasks import StoreLane, TaskRunner
from desktop.windows.errors import sync_sentence
from forms.work import Work

if TYPE_CHECKING:
    from forms.store import Store
    from sync.client.engine import SyncReport

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000  # a pass every 5 minutes while the store is unlocked
HEALTH_INTERVAL_MS = 20 * 1000  # after a failure, ask the health endpoint this often


class Engine(Protocol):
    """What the controller runs passes with (sync.client.engine.SyncEngine; tests pass their own)."""

    def run_once(self, work: Work | None = None) -> SyncReport: ...

    def pending(self) -> int: ...


EngineFactory = Callable[["Store"], Engine]  # store -> its engine


def default_engine(store: Store) -> Engine:
    from sync.client.engine import SyncEngine

    return SyncEngine(store)


class SyncController(QObject):
    """Owns the sync worker and its timers; follows the lane (runs while a store is unlocked)."""

    sync_started = Signal()
    sync_finished = Signal(object)  # the SyncReport
    records_waiting_changed = Signal(int)
    last_success_changed = Signal(str)  # ISO 8601 UTC of the last pass that ended with nothing to send
    last_error_changed = Signal(str)  # the last error in words; "" once a pass succeeds
    progress_changed = Signal(int, int)  # (versions acknowledged, versions in this pass)
    server_reachable_changed = Signal(bool)

    def __init__(
        self,
        lane: StoreLane,
        *,
        engine_factory: EngineFactory = default_engine,
        interval_ms: int = SYNC_INTERVAL_MS,
        health_interval_ms: int = HEALTH_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lane = lane
        self._engine_factory = engine_factory
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # one pass at a time
        self._worker = TaskRunner(pool, self)
        self._cancel = self._new_work()
        self._running = False
        self._failing = False
        self._engine: Engine | None = None
        self._store: Store | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._health_timer = QTimer(self)
        self._health_timer.setInterval(health_interval_ms)
        self._health_timer.timeout.connect(self._check_health)
        lane.store_attached.connect(self._on_store_attached)
        lane.store_detached.connect(self._on_store_detached)
        if lane.store is not None:  # already unlocked
            self._on_store_attached(lane.store)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def parent_lane(self) -> StoreLane:
        return self._lane

    # ------------------------------------------------------------------ following the lock

    @Slot(object)
    def _on_store_attached(self, store: Store) -> None:
        self._cancel = self._new_work()
        self._engine = None
        self._store = store
        self._timer.start()
        self._worker.submit(lambda: self._engine_for(store).pending(), self._waiting_known, self._log_error)

    @Slot()
    def _on_store_detached(self) -> None:
        # A pass in progress stops at its next batch boundary or backoff wait; nothing half-applied.
        self._cancel.cancel()
        self._timer.stop()
        self._health_timer.stop()
        self._store = None
        self._engine = None

    def shutdown(self) -> None:
        """Stop the timers, cancel a pass and wait for it (application exit)."""
        self._on_store_detached()
        self._worker.wait_for_done(30_000)

    # ------------------------------------------------------------------ passes

    @Slot()
    def sync_now(self) -> None:
        store = self._store
        if self._running:
            self._cancel.wake()  # a pass waiting to retry (server away) tries again now
            return
        if store is None:
            return
        self._running = True
        self.sync_started.emit()
        cancel = self._cancel
        self._worker.submit(
            lambda: self._engine_for(store).run_once(cancel),
            self._pass_finished,
            self._pass_crashed,
        )

    def _engine_for(self, store: Store) -> Engine:
        if self._engine is None:
            self._engine = self._engine_factory(store)
        return self._engine

    def _new_work(self) -> Work:
        """What a pass runs under (forms.work): ``cancel`` ends the pass (lock, quit); ``wake`` ends only
        the current wait, so "Sync now" (F5) while the pass is backing off tries again at once instead of
        being ignored until the backoff delay runs out."""
        return Work(progress=self._emit_progress)

    def _emit_progress(self, done: int, total: int | None, _message: str = "") -> None:
        # Called on the worker thread; the signal is delivered queued to receivers on the GUI thread.
        self.progress_changed.emit(done, total or 0)

    def _pass_finished(self, report: SyncReport) -> None:
        self._running = False
        if self._store is None:
            return  # locked meanwhile: the status line was cleared with everything else
        self.records_waiting_changed.emit(int(report.remaining))
        if report.error is None and not report.cancelled:
            self._set_failing(False)
            self.last_error_changed.emit("")
            self.last_success_changed.emit(datetime.now(UTC).isoformat(timespec="seconds"))
        elif report.error is not None:
            self.last_error_changed.emit(sync_sentence(str(report.error)))
            self._set_failing(not report.keys_erased)
        self.sync_finished.emit(report)

    def _pass_crashed(self, error: BaseException) -> None:
        self._running = False
        if self._store is None:
            return  # the store was locked under the pass (its engine disposed): expected, not an error
        log.error("sync pass failed unexpectedly: %s", type(error).__name__)
        self.last_error_changed.emit(self.tr("Sync stopped because of an internal error; it will try again."))
        self._set_failing(True)

    def _waiting_known(self, count: int) -> None:
        self.records_waiting_changed.emit(int(count))

    def _log_error(self, error: BaseException) -> None:
        log.warning("sync status could not be read: %s", type(error).__name__)

    # ------------------------------------------------------------------ connectivity

    def _set_failing(self, failing: bool) -> None:
        self._failing = failing
        if failing and self._store is not None:
            self._health_timer.start()
        else:
            self._health_timer.stop()

    @Slot()
    def _check_health(self) -> None:
        store = self._store
        if self._running or store is None:
            return
        self._worker.submit(lambda: self._server_answers(store), self._health_known, self._log_error)

    def _server_answers(self, store: Store) -> bool:
        from sync.client.state import load_device
        from sync.client.transport import Transport

        device = load_device(store)
        if device is None or not device.usable:
            return False
        engine = self._engine_for(store)
        url = getattr(engine, "server_url_override", None) or device.server_url
        with Transport(
            url, ca_bundle=device.ca_bundle, pinned_sha256=device.pinned_sha256, timeout=(5, 5)
        ) as t:
            return t.health()

    def _health_known(self, healthy: bool) -> None:
        self.server_reachable_changed.emit(bool(healthy))
        if healthy and self._failing:
            self._health_timer.stop()
            self.sync_now()  # the server is back: send what waited
