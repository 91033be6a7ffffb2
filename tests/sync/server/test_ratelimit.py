"""The database-backed rate limiter on both databases: windows, refunds, and concurrent attempts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sync.server.db import make_engine, session_factory, transaction, upgrade
from sync.server.ratelimit import RateLimiter
from tests.sync.server.helpers import postgres_schema, sqlite_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        made = make_engine(sqlite_url(tmp_path / "limits"))
        upgrade(made)
        yield made
        made.dispose()
        return
    with postgres_schema() as url:
        made = make_engine(url)
        upgrade(made)
        yield made
        made.dispose()


def test_a_window_allows_the_limit_then_refuses_until_it_ends(engine: Engine) -> None:
    limiter = RateLimiter("login", limit=2, window=timedelta(minutes=10))
    factory = session_factory(engine)
    start = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)

    def attempt(key: str, at: datetime) -> tuple[bool, int]:
        with transaction(factory) as session:
            decision = limiter.attempt(session, key, now=at)
        return decision.allowed, decision.retry_after_seconds

    assert [attempt("10.0.0.1", start) for _ in range(3)] == [(True, 0), (True, 0), (False, 600)]
    assert attempt("10.0.0.2", start) == (True, 0)  # another key has its own window
    assert attempt("10.0.0.1", start + timedelta(minutes=4)) == (False, 360)
    with transaction(factory) as session:
        limiter.refund(session, "10.0.0.1")
        limiter.refund(session, "10.0.0.1")
    assert attempt("10.0.0.1", start + timedelta(minutes=5))[0] is False  # 4 counted, 2 refunded: 3 > 2
    assert attempt("10.0.0.1", start + timedelta(minutes=10)) == (True, 0)  # a new window


def test_concurrent_attempts_never_exceed_the_limit(engine: Engine) -> None:
    limiter = RateLimiter("enroll", limit=5, window=timedelta(minutes=15))
    factory = session_factory(engine)
    allowed: list[bool] = []
    barrier = threading.Barrier(12)

    def guess() -> None:
        barrier.wait()
        with transaction(factory) as session:
            allowed.append(limiter.attempt(session, "203.0.113.9").allowed)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(allowed) == 12 and allowed.count(True) == 5
