"""The background runner and the store lane: outcomes arrive on the GUI thread, the lane is serial."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from desktop.tasks import StoreLane, StoreLocked, TaskRunner


class _Closable:
    def __init__(self) -> None:
        self.closed_on: threading.Thread | None = None

    def close(self) -> None:
        self.closed_on = threading.current_thread()


def test_result_and_error_come_back_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_thread"] = threading.current_thread()
        return 42

    def on_result(value: int) -> None:
        seen["value"] = value
        seen["result_on_gui"] = QThread.currentThread() is QApplication.instance().thread()

    def on_error(error: BaseException) -> None:
        seen["error"] = error
        seen["error_on_gui"] = QThread.currentThread() is QApplication.instance().thread()

    runner.submit(work, on_result)
    runner.submit(lambda: 1 / 0, None, on_error)
    qtbot.waitUntil(lambda: "value" in seen and "error" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker_thread"] is not threading.main_thread()
    assert seen["result_on_gui"] is True
    assert isinstance(seen["error"], ZeroDivisionError)
    assert seen["error_on_gui"] is True
    assert runner.pending() == 0


def test_store_lane_runs_tasks_one_at_a_time_in_order(qtbot) -> None:
    lane = StoreLane()
    store = _Closable()
    lane.attach(store)
    order: list[int] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()
    threads: set[int] = set()

    def task(index: int):
        def work(given: object) -> int:
            assert given is store
            with lock:
                active["now"] += 1
                active["max"] = max(active["max"], active["now"])
            threads.add(threading.get_ident())
            time.sleep(0.005)  # long enough that a second worker would overlap
            with lock:
                active["now"] -= 1
            return index

        return work

    for index in range(8):
        lane.run(task(index), order.append)
    qtbot.waitUntil(lambda: len(order) == 8, timeout=5000)
    assert order == list(range(8))
    assert active["max"] == 1
    assert len(threads) == 1


def test_lane_refuses_work_when_locked_and_drops_results_queued_before_the_lock(qtbot) -> None:
    lane = StoreLane()
    store = _Closable()
    lane.attach(store)
    gate = threading.Event()
    delivered: list[object] = []
    lane.run(lambda s: gate.wait(5) and "personal data", delivered.append)
    lane.detach_and_close()
    gate.set()
    qtbot.waitUntil(lambda: store.closed_on is not None, timeout=5000)
    lane.wait_for_done(5000)
    QApplication.processEvents()
    assert delivered == []  # the view cleared by the lock is not filled again
    assert store.closed_on is not threading.main_thread()

    errors: list[BaseException] = []
    lane.run(lambda s: "never runs", delivered.append, errors.append)
    assert len(errors) == 1 and isinstance(errors[0], StoreLocked)
    assert delivered == []
