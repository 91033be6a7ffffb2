"""20 laptops posting 500 records each at the same moment, each batch sent twice at once: exactly once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests

from sync import protocol as p
from tests.sync.server.helpers import EnrolledDevice, RunningServer

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
