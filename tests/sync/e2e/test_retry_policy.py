"""What the engine waits between tries, observed through the cancel object it sleeps on (no real waiting)."""

from __future__ import annotations

from forms.store import Store
from forms.work import Work
from sync.client.backoff import Backoff
from sync.client.engine import SyncEngine
from tests.sync.client.helpers import add_records
from tests.sync.e2e.conftest import TIMEOUT
from tests.sync.e2e.proxy import Fault, FaultProxy


class RecordingCancel(Work):
    """Never cancelled; records each backoff wait instead of sleeping through it."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, seconds: float | None) -> bool:
        self.waits.append(float(seconds or 0.0))
        return False


def engine(store: Store, proxy: FaultProxy, attempts: int = 6) -> SyncEngine:
    # The production base and cap: the waits are only recorded, never slept.
    return SyncEngine(store, server_url=proxy.url, backoff=Backoff(max_attempts=attempts), timeout=TIMEOUT)


def test_retry_after_is_honoured_and_waits_grow_within_the_doubling_ceiling(
    proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 3)
    proxy.add(
        Fault("status", status=429, retry_after="7"),
        Fault("status", status=503, retry_after="120"),
        Fault("refuse"),
        Fault("status", status=500),
    )
    cancel = RecordingCancel()
    report = engine(laptop, proxy).run_once(cancel)
    assert report.ok, report.error
    assert len(cancel.waits) == 4
    assert cancel.waits[0] >= 7.0 and cancel.waits[1] >= 120.0
    assert 0.0 <= cancel.waits[2] <= 8.0 and 0.0 <= cancel.waits[3] <= 16.0  # 2 s * 2**attempt, full jitter


def test_a_4xx_is_final_and_retries_stop_after_the_last_attempt(proxy: FaultProxy, laptop: Store) -> None:
    add_records(laptop, 2)
    proxy.add(Fault("status", status=413))
    cancel = RecordingCancel()
    refused = engine(laptop, proxy).run_once(cancel)
    assert refused.error is not None and "413" in refused.error
    assert cancel.waits == []  # not a single retry
    proxy.add(*[Fault("status", status=503) for _ in range(3)])
    cancel = RecordingCancel()
    gave_up = engine(laptop, proxy, attempts=3).run_once(cancel)
    assert gave_up.error is not None and "503" in gave_up.error
    assert len(cancel.waits) == 2 and proxy.pending_faults() == 0
    assert gave_up.remaining == 2
