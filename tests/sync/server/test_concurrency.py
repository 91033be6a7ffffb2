"""Many laptops at the same moment on PostgreSQL: every version lands exactly once, edits never overwrite."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from sync import protocol as p
from sync.server.models import RecordRow
from tests.sync.server.helpers import EnrolledDevice, RunningServer, hand_over

DEVICES = 20
RECORDS_PER_DEVICE = 500


@pytest.mark.postgres
def test_twenty_devices_at_once_land_exactly_once(pg_server: RunningServer, tmp_path: Path) -> None:
    devices = [EnrolledDevice.enroll(pg_server, f"Laptop {i}") for i in range(DEVICES)]
    before = pg_server.stats()
    batches = [d.build([d.record() for _ in range(RECORDS_PER_DEVICE)]) for d in devices]
    # Each batch twice: the second copy races the first (a client retrying after a lost answer).
    jobs = [(d, b) for d, b in zip(devices, batches, strict=True)] * 2
    answers: list[requests.Response | BaseException] = [None] * len(jobs)  # type: ignore[list-item]
    start = threading.Barrier(len(jobs))

    def post(index: int) -> None:
        device, batch = jobs[index]
        start.wait()
        try:
            answers[index] = device.post(batch)
        except BaseException as exc:
            answers[index] = exc

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert all(isinstance(a, requests.Response) and a.status_code == 200 for a in answers), answers
    first, second = answers[:DEVICES], answers[DEVICES:]
    for one, other in zip(first, second, strict=True):
        assert one.content == other.content  # type: ignore[union-attr]
        counts = p.parse_batch_response(one.json()).to_json()["counts"]  # type: ignore[union-attr]
        assert counts == {"accepted": RECORDS_PER_DEVICE, "duplicate": 0, "conflict": 0, "rejected": 0}
    after = pg_server.stats()
    delta = {
        key: after[key] - before[key] for key in ("distinct_records", "versions", "batches", "conflicts")
    }
    assert delta == {
        "distinct_records": DEVICES * RECORDS_PER_DEVICE,
        "versions": DEVICES * RECORDS_PER_DEVICE,
        "batches": DEVICES,
        "conflicts": 0,
    }


@pytest.mark.postgres
def test_concurrent_edits_of_one_record_accept_exactly_one(pg_server: RunningServer) -> None:
    laptops = [EnrolledDevice.enroll(pg_server, f"Editor {i}") for i in range(8)]
    first = laptops[0].record({"full_name": "Shared record", "age": 50})
    laptops[0].send([first])
    for laptop in laptops[1:]:  # every editor was handed the first laptop's records
        hand_over(pg_server, laptops[0].device_id, laptop.device_id)
    edits = [
        laptop.record(
            {"full_name": f"Edit by {i}", "age": 50 + i}, record_id=first.record_id, replaces=first.version_id
        )
        for i, laptop in enumerate(laptops)
    ]
    batches = [laptop.build([edit]) for laptop, edit in zip(laptops, edits, strict=True)]
    answers: list[requests.Response] = []
    start = threading.Barrier(len(laptops))

    def post(laptop: EnrolledDevice, batch: p.EncodedBatch) -> None:
        start.wait()
        answers.append(laptop.post(batch))

    threads = [threading.Thread(target=post, args=pair) for pair in zip(laptops, batches, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    results = [p.parse_batch_response(a.json()).results[0] for a in answers]
    accepted = [r for r in results if r.status == p.STATUS_ACCEPTED]
    assert len(results) == len(laptops)
    assert len(accepted) == 1
    assert {(r.status, r.reason) for r in results if r not in accepted} == {
        (p.STATUS_CONFLICT, p.REASON_STALE_EDIT)
    }
    with pg_server.engine() as engine, engine.connect() as connection:
        head = connection.execute(
            select(RecordRow.head_version_id).where(RecordRow.record_id == first.record_id)
        ).scalar_one()
    assert head == accepted[0].version_id
