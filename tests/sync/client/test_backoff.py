from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from sync.client.backoff import Backoff, is_retryable_status, parse_retry_after


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 599])
def test_transient_statuses_are_retried(status: int) -> None:
    assert is_retryable_status(status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 413, 422])
def test_other_client_errors_are_never_retried(status: int) -> None:
    assert not is_retryable_status(status)


def test_full_jitter_stays_between_zero_and_the_doubling_ceiling_and_the_cap() -> None:
    backoff = Backoff(base=2.0, cap=600.0, uniform=random.Random(7).uniform)
    for attempt, ceiling in [(0, 2.0), (1, 4.0), (3, 16.0), (8, 512.0), (9, 600.0), (40, 600.0)]:
        delays = [backoff.delay(attempt) for _ in range(200)]
        assert all(0.0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # jitter spreads over the whole range, not a fixed value


def test_retry_after_is_a_floor_but_still_capped() -> None:
    backoff = Backoff(base=2.0, cap=600.0, uniform=lambda low, high: low)
    assert backoff.delay(0, retry_after=30.0) == 30.0
    assert backoff.delay(0, retry_after=86_400.0) == 600.0


def test_retry_after_in_seconds_and_as_an_http_date() -> None:
    assert parse_retry_after({"Retry-After": "7"}) == 7.0
    now = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after({"retry-after": "Tue, 24 Nov 2026 12:00:30 GMT"}, now=now) == 30.0
    assert parse_retry_after({"Retry-After": "Tue, 24 Nov 2026 11:00:00 GMT"}, now=now) == 0.0
    assert parse_retry_after({"Retry-After": "soon"}) is None
    assert parse_retry_after({}) is None
