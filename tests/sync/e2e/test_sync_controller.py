"""The GUI's SyncController with a real lane, a real store, the real server behind the fault proxy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")  # the sync tests also run where Qt is not installed

from pytestqt.qtbot import QtBot

from desktop.controllers.sync import SyncController
from desktop.tasks import StoreLane
from forms.store import Store
from tests.sync.client.helpers import add_records
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.proxy import Fault, FaultProxy


@pytest.fixture
def controller(qtbot: QtBot, laptop: Store, proxy: FaultProxy) -> Iterator[SyncController]:
    lane = StoreLane()
    lane.attach(laptop)
    sync = SyncController(
        lane,
        engine_factory=lambda store: engine_through(store, proxy),
        interval_ms=3_600_000,
        health_interval_ms=50,
    )
    yield sync
    sync.shutdown()
    lane.wait_for_done(5_000)


def test_sync_now_sends_everything_and_reports_progress(
    qtbot: QtBot, controller: SyncController, laptop: Store
) -> None:
    add_records(laptop, 12)
    progress: list[tuple[int, int]] = []
    successes: list[str] = []
    controller.progress_changed.connect(lambda done, total: progress.append((done, total)))
    controller.last_success_changed.connect(successes.append)
    waiting: list[int] = []
    controller.records_waiting_changed.connect(waiting.append)
    with qtbot.waitSignal(controller.sync_finished, timeout=20_000) as finished:
        controller.sync_now()
    assert finished.args[0].ok
    assert waiting[-1] == 0
    assert progress[-1] == (12, 12)
    assert len(successes) == 1


def test_after_a_failure_the_health_check_starts_a_pass_when_the_server_is_back(
    qtbot: QtBot, controller: SyncController, laptop: Store, proxy: FaultProxy
) -> None:
    add_records(laptop, 5)
    proxy.add(*[Fault("refuse", path="/v1/device") for _ in range(12)])  # every try of the first pass
    proxy.add(*[Fault("refuse", path="/v1/health") for _ in range(3)])  # the server stays away a while
    errors: list[str] = []
    controller.last_error_changed.connect(errors.append)
    with qtbot.waitSignal(controller.sync_finished, timeout=20_000) as failed:
        controller.sync_now()
    assert not failed.args[0].ok
    assert errors and "could not be reached" in errors[-1]
    # No sync_now: the health timer notices the server answering again and starts the pass itself.
    with qtbot.waitSignal(controller.sync_finished, timeout=20_000) as recovered:
        pass
    assert recovered.args[0].ok
    assert errors[-1] == ""  # the error line clears
    assert proxy.pending_faults() == 0


def test_locking_during_a_pass_stops_it_quietly(
    qtbot: QtBot, controller: SyncController, laptop: Store, proxy: FaultProxy
) -> None:
    add_records(laptop, 5)
    proxy.add(*[Fault("stall", seconds=2.0) for _ in range(3)])
    errors: list[str] = []
    controller.last_error_changed.connect(errors.append)
    controller.sync_now()
    qtbot.waitUntil(lambda: any(path == "/v1/batches" for path, _ in proxy.log.requests), timeout=10_000)
    lane = controller.parent_lane
    lane.detach_and_close()  # what the lock does
    qtbot.waitUntil(lambda: not controller.running, timeout=15_000)
    assert errors == []  # a lock is not a sync failure
    controller.sync_now()  # nothing to sync with while locked
    assert not controller.running
