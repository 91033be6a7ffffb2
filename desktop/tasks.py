"""Background work for the GUI: a thread-pool runner and the single serial store lane.

The GUI thread never waits on the disk, the network or a key derivation (docs/architecture.md). Work is a
plain callable run on a QThreadPool; its result or exception comes back to the GUI thread through a
queued signal. Store access goes through ``StoreLane``: one thread that never expires, tasks run one
at a time in submission order, each receiving the unlocked store (and opening its own session).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

if TYPE_CHECKING:
    from forms.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")  # what a task answers: its result handler takes it
U = TypeVar("U")
ErrorHandler = Callable[[BaseException], None]


class _TaskSignals(QObject):
    # Created on the GUI thread, so emitting from a worker queues the call back to the GUI thread.
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], signals: _TaskSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # reported to the GUI; a worker must never die silently
            self._deliver(self._signals.failed, error)
        else:
            self._deliver(self._signals.succeeded, result)

    @staticmethod
    def _deliver(signal: SignalInstance, outcome: object) -> None:
        try:
            signal.emit(outcome)
        except RuntimeError:
            # The application is shutting down and the receiver is gone: nobody is left to tell.
            log.debug("a background result arrived after its receiver was deleted")


class TaskRunner(QObject):
    """Runs callables on a thread pool and hands their outcome to handlers on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._in_flight: set[_TaskSignals] = set()

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    def submit(
        self,
        work: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        signals = _TaskSignals()
        # Holding the signals object until delivery keeps it alive while the job is queued.
        self._in_flight.add(signals)

        def deliver_result(result: T) -> None:
            self._in_flight.discard(signals)
            if on_result is not None:
                on_result(result)

        def deliver_error(error: BaseException) -> None:
            self._in_flight.discard(signals)
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task failed: %s", type(error).__name__)

        signals.succeeded.connect(deliver_result)
        signals.failed.connect(deliver_error)
        self._pool.start(_Job(work, signals))

    def pending(self) -> int:
        return len(self._in_flight)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool is idle: for shutdown and tests only, never from a GUI handler."""
        return self._pool.waitForDone(msecs)


class StoreLocked(Exception):
    """A store task was submitted while no store is unlocked (after a lock, before an unlock)."""


class StoreLane(TaskRunner):
    """One serial worker for every store access, holding the unlocked store between tasks.

    Results of tasks that were queued before a lock are dropped on arrival, so a view that the lock
    just cleared is not filled again with personal data.
    """

    store_attached = Signal(object)
    store_detached = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        pool.setExpiryTimeout(-1)  # one thread for the lane's whole life: SQLite likes its thread
        super().__init__(pool, parent)
        pool.setParent(self)
        self._store: Store | None = None
        self._generation = 0

    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def attach(self, store: Store) -> None:
        self._store = store
        self._generation += 1
        self.store_attached.emit(store)

    def detach_and_close(self) -> None:
        """Forget the store now; close it on the lane after the tasks already queued."""
        store, self._store = self._store, None
        self._generation += 1
        if store is not None:
            TaskRunner.submit(self, store.close, None, lambda error: log.error("closing the store failed"))
            self.store_detached.emit()

    def run(
        self,
        work: Callable[[Store], T],
        on_result: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run ``work(store)`` on the lane; ``on_error`` gets ``StoreLocked`` if nothing is unlocked."""
        store, generation = self._store, self._generation
        if store is None:
            if on_error is not None:
                on_error(StoreLocked())
            return

        def still_current(handler: Callable[[U], None] | None) -> Callable[[U], None]:
            def deliver(outcome: U) -> None:
                if generation != self._generation:
                    return  # locked (or re-unlocked) since: the outcome belongs to a closed session
                if handler is not None:
                    handler(outcome)

            return deliver

        self.submit(lambda: work(store), still_current(on_result), still_current(on_error))

    def run_unlocked(
        self,
        work: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run store work that needs no open store (create, unlock) on the same serial thread."""
        self.submit(work, on_result, on_error)
