"""Issue 12 (defect 11): F5 ("Sync now") right after the server comes back syncs, even while the pass is
waiting out a long backoff after a failed try. Real lane, real store, real server behind the fault proxy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

from pytestqt.qtbot import QtBot

from desktop.controllers.sync import SyncController
from desktop.tasks import StoreLane
from forms.store import Store
from forms.work import Work
from sync.client.backoff import Backoff
from tests.sync.client.helpers import add_records
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.proxy import Fault, FaultProxy

TEN_MINUTES = Backoff(base=600.0, cap=600.0, max_attempts=5, uniform=lambda _low, high: high)


@pytest.fixture
def controller(qtbot: QtBot, laptop: Store, proxy: FaultProxy) -> Iterator[SyncController]:
    lane = StoreLane()
    lane.attach(laptop)
    sync = SyncController(
        lane,
        engine_factory=lambda store: engine_through(store, proxy, TEN_MINUTES),
        interval_ms=3_600_000,
        health_interval_ms=3_600_000,
    )
    yield sync
    sync.shutdown()
    lane.wait_for_done(5_000)


def test_sync_now_during_a_backoff_wait_tries_again_at_once(
    qtbot: QtBot, controller: SyncController, laptop: Store, proxy: FaultProxy
) -> None:
    add_records(laptop, 3)
    proxy.add(Fault("refuse", path="/v1/device"))  # the server is away for the first try only
    with qtbot.waitSignal(controller.sync_finished, timeout=20_000) as finished:
        controller.sync_now()
        qtbot.waitUntil(lambda: proxy.pending_faults() == 0, timeout=10_000)
        assert controller.running  # now waiting ten minutes before the next try
        controller.sync_now()  # F5: the server is back
    assert finished.args[0].ok and finished.args[0].remaining == 0


def test_work_wakes_once_and_cancels_for_good() -> None:
    control = Work()
    control.wake()
    assert control.wait(600) is False  # woken: returns at once, not cancelled
    assert control.wait(0.01) is False  # the wake was used up: this one ran its (short) delay
    control.cancel()
    assert control.wait(600) is True and control.cancelled
