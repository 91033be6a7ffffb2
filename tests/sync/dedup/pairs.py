"""A person sent twice by two laptops, and the server's possible-duplicate pairs (the dedup tests)."""

from __future__ import annotations

import json
from typing import Any

from sync import protocol as p
from tests.sync.dedup.people import people, retyped, wire
from tests.sync.server.helpers import EnrolledDevice, RunningServer


def _send(device: EnrolledDevice, records: list[p.WireRecord]) -> None:
    answer = device.send(records)
    statuses = {result.status for result in answer.results}
    assert statuses == {p.STATUS_ACCEPTED}, answer


def _pairs(server: RunningServer, *records: str, status: str = "all") -> list[dict[str, Any]]:
    listed = json.loads(server.cli("duplicates", "list", "--json", "--status", status).stdout)
    return [pair for pair in listed if {pair["record_a"], pair["record_b"]} & set(records)]


def _send_twice(server: RunningServer, seed: int) -> tuple[str, str, EnrolledDevice, dict[str, Any]]:
    """One person on laptop A, the same person retyped on laptop B, plus strangers on each."""
    laptop_a, laptop_b = EnrolledDevice.enroll(server, "Laptop A"), EnrolledDevice.enroll(server, "Laptop B")
    person, *strangers = people(5, seed)
    first, second = wire(person, 1), wire(retyped(person), 1)
    _send(laptop_a, [first, wire(strangers[0], 2), wire(strangers[1], 3)])
    _send(laptop_b, [wire(strangers[2], 2), second, wire(strangers[3], 3)])
    return first.record_id, second.record_id, laptop_b, retyped(person)
