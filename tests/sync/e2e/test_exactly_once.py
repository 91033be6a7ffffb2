"""Exactly once through a hostile network: whatever the proxy does to requests and answers, every record
ends up on the server once, no head goes back to an older version, and the laptop's outbox drains."""

from __future__ import annotations

import dataclasses
import random

import pytest
from sqlalchemy import func, select

from forms.store import Store
from sync.client.batching import prepare_batch
from sync.server.models import RecordRow as ServerRecordRow
from sync.server.models import RecordVersionRow
from tests.sync.client.helpers import add_records, bulk_add_records, edit_record
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.exactly_once import assert_exactly_once
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess


def test_plain_sync_sends_everything_once(server: ServerProcess, proxy: FaultProxy, laptop: Store) -> None:
    add_records(laptop, 30)
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 30
    assert_exactly_once(server, laptop)


def test_refused_connections_and_error_statuses_are_retried(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 40)
    proxy.add(
        Fault("refuse", path="/v1/device"),
        Fault("refuse"),
        Fault("status", status=500),
        Fault("status", status=503, retry_after="0"),
        Fault("status", status=429, retry_after="1"),
    )
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert proxy.pending_faults() == 0
    assert report.counts["accepted"] == 40
    assert_exactly_once(server, laptop)


def test_answer_lost_after_commit_is_replayed_not_duplicated(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    add_records(laptop, 25)
    proxy.add(Fault("swallow"), Fault("truncate"), Fault("stall", seconds=2.5))
    before = server_batches(server)
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert proxy.log.faults_applied == ["swallow", "truncate", "stall"]
    # The server committed on the first try; the three re-sends were answered from the stored answer,
    # so it holds one batch per batch the laptop made (records, then the audit entry of that sync).
    assert report.counts["accepted"] == 25
    assert server_batches(server) == before + report.batches
    assert_exactly_once(server, laptop)


def test_edits_arrive_as_new_versions_and_faults_never_roll_a_head_back(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    first = add_records(laptop, 10)
    assert engine_through(laptop, proxy).run_once().ok
    second = edit_record(laptop, first[0], {"full_name": "Person 0 corrected", "age": 31})
    third = edit_record(laptop, second, {"full_name": "Person 0 corrected again", "age": 32})
    proxy.add(Fault("swallow"), Fault("truncate"))
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 2
    with server.engine() as engine, engine.connect() as connection:
        chain = dict(
            connection.execute(
                select(RecordVersionRow.version_id, RecordVersionRow.replaces).where(
                    RecordVersionRow.record_id == first[0].record_id
                )
            ).all()
        )
    assert chain == {
        first[0].version_id: None,
        second.version_id: first[0].version_id,
        third.version_id: second.version_id,
    }
    assert_exactly_once(server, laptop)


def server_batches(server: ServerProcess) -> int:
    from sync.server.models import BatchRow

    with server.engine() as engine, engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(BatchRow)) or 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_storm_of_mixed_faults_over_several_batches_and_edits(
    server: ServerProcess, proxy: FaultProxy, laptop: Store, seed: int
) -> None:
    chooser = random.Random(seed)
    kinds = [
        Fault("refuse"),
        Fault("swallow"),
        Fault("truncate"),
        Fault("status", status=500),
        Fault("status", status=503, retry_after="0"),
        Fault("status", status=429, retry_after="0"),
    ]
    bulk_add_records(laptop, 1100)
    originals = add_records(laptop, 5, start=5000)
    proxy.add(*[dataclasses.replace(chooser.choice(kinds)) for _ in range(10)])
    first = engine_through(laptop, proxy).run_once()
    assert first.ok, first.error
    for version in originals:
        edit_record(laptop, version, {"full_name": "Corrected", "age": 40})
    proxy.add(*[dataclasses.replace(chooser.choice(kinds)) for _ in range(6)], Fault("stall", seconds=2.0))
    second = engine_through(laptop, proxy).run_once()
    assert second.ok, second.error
    assert proxy.pending_faults() == 0
    assert first.counts["accepted"] == 1105 and second.counts["accepted"] == 5
    assert_exactly_once(server, laptop)


def test_an_edit_in_the_next_batch_never_overtakes_the_version_it_replaces(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    bulk_add_records(laptop, 499)
    [original] = add_records(laptop, 1, start=9000)  # the 500th version: the end of the first batch
    edited = edit_record(laptop, original, {"full_name": "Person 9000 corrected", "age": 33})  # second batch
    # Two batches are persisted before either is answered (as after a crash with the next one prepared).
    first = prepare_batch(laptop)
    second = prepare_batch(laptop, frozenset({first.batch_id})) if first else None
    assert first is not None and second is not None
    assert max(first.outbox_seqs) < min(second.outbox_seqs)
    proxy.add(Fault("swallow"), Fault("pass"), Fault("truncate"))
    report = engine_through(laptop, proxy).run_once()
    assert report.ok, report.error
    assert report.counts["accepted"] == 501 and report.counts["conflict"] == 0
    with server.engine() as engine, engine.connect() as connection:
        head = connection.scalar(
            select(ServerRecordRow.head_version_id).where(ServerRecordRow.record_id == original.record_id)
        )
    assert head == edited.version_id
    assert_exactly_once(server, laptop)
