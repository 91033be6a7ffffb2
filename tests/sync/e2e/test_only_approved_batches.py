"""With 'only approved batches sync' on, a day's records stay on the laptop until the batch is approved."""

from __future__ import annotations

import pytest

from forms.store import Store
from forms.store.batches import approve_batch, close_batch, open_batch
from forms.store.errors import NotAllowedError
from forms.store.sync_policy import only_approved_batches_sync, set_only_approved_batches_sync
from tests.sync.client.helpers import add_records
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.exactly_once import assert_exactly_once, unsent
from tests.sync.e2e.proxy import FaultProxy
from tests.sync.e2e.servers import ServerProcess


def test_records_wait_for_approval_then_sync_once(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    set_only_approved_batches_sync(laptop, True)
    assert only_approved_batches_sync(laptop)
    held_day = open_batch(laptop, "Saturday event", "Minneapolis", "2026-06-13")
    add_records(laptop, 7, batch_id=held_day.id)

    engine = engine_through(laptop, proxy)
    report = engine.run_once()
    assert report.ok, report.error
    assert report.sent == 0 and report.remaining == 0  # nothing this pass may send
    assert unsent(laptop) == 7  # still waiting on the laptop

    close_batch(laptop, held_day.id)
    approve_batch(laptop, held_day.id)
    report = engine.run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 7
    assert_exactly_once(server, laptop)


def test_the_setting_off_sends_an_open_batch(server: ServerProcess, proxy: FaultProxy, laptop: Store) -> None:
    set_only_approved_batches_sync(laptop, True)
    set_only_approved_batches_sync(laptop, False)
    add_records(laptop, 3)  # in an open batch
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 3
    assert unsent(laptop) == 0


def test_only_a_supervisor_changes_the_setting(laptop: Store, tmp_path) -> None:
    laptop.add_operator("Kofi Mensah", "clerk", "copper lantern meadow 77")
    clerk = Store.unlock(laptop.data_dir, "Kofi Mensah", "copper lantern meadow 77")
    try:
        with pytest.raises(NotAllowedError):
            set_only_approved_batches_sync(clerk, True)
    finally:
        clerk.close()
