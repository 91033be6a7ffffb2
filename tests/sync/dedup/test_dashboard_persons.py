"""The registry's dashboard counts persons, not records (issue 16), over real HTTP: the same person sent
by two laptops counts twice until a registrar decides; `resolve --same` makes it count once (total,
devices, countries); `unlink` makes it count twice again; `resolve --different` leaves two."""

from __future__ import annotations

import json
from typing import Any

import requests

from tests.sync.dedup.pairs import _pairs, _send_twice
from tests.sync.server.helpers import RunningServer


def _summary(server: RunningServer) -> dict[str, Any]:
    answer = requests.get(
        server.base_url + "/api/v1/registry/summary",
        headers={"Authorization": f"Bearer {server.admin_token}"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _figures(server: RunningServer) -> tuple[int, int, int]:
    """The total, the sum over devices and the sum over countries of residence."""
    body = _summary(server)
    devices = sum(int(item["count"]) for item in body["devices"])
    countries = sum(int(item["count"]) for item in body["countries"])
    return int(body["total"]), devices, countries


def _pair_id(server: RunningServer, first: str, second: str) -> int:
    (pair,) = _pairs(server, first, second)
    return int(pair["pair"])


def test_same_counts_once_unlink_counts_twice(dedup_server: RunningServer) -> None:
    first, second, _, _ = _send_twice(dedup_server, seed=1601)
    pair = _pair_id(dedup_server, first, second)
    total, devices, countries = _figures(dedup_server)
    assert total == devices  # every record counted on one device

    dedup_server.cli("duplicates", "resolve", str(pair), "--same")
    assert _figures(dedup_server) == (total - 1, devices - 1, countries - 1)
    figures = json.dumps(_summary(dedup_server))
    assert first not in figures and second not in figures

    dedup_server.cli("duplicates", "unlink", str(pair))
    assert _figures(dedup_server) == (total, devices, countries)


def test_different_people_count_twice(dedup_server: RunningServer) -> None:
    first, second, _, _ = _send_twice(dedup_server, seed=1602)
    pair = _pair_id(dedup_server, first, second)
    before = _figures(dedup_server)
    dedup_server.cli("duplicates", "resolve", str(pair), "--different")
    assert _figures(dedup_server) == before
