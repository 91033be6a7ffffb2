"""Counting attempts per client in the database: enrolment-code guesses now, registry logins next.

State lives in the `rate_limits` table, never in process memory, so every worker (and a restarted
server) sees the same counts. A fixed window per (scope, key): the first attempt opens a window of
`window`; at most `limit` attempts are allowed in it; the rest get the seconds until it closes, for a
429 with Retry-After. One atomic statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, on SQLite
and PostgreSQL alike) counts and reads, so concurrent guesses cannot slip between a read and a write.
Keys (addresses, account names) are stored only as SHA-256 with the scope, never in plaintext.

Count-first, refund-on-success: `attempt` counts before the secret is checked, and `refund` gives the
attempt back when it succeeded, so only failures use up the allowance (a room enrolling twenty laptops
from one address is never throttled; a guesser is).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, case, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.models import RateLimitRow


@dataclass(frozen=True)
class Decision:
    allowed: bool
    attempts: int
    retry_after_seconds: int  # 0 when allowed


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class RateLimiter:
    """At most `limit` counted attempts per key within a fixed window (state in the database)."""

    def __init__(self, scope: str, *, limit: int, window: timedelta) -> None:
        if limit < 1 or window.total_seconds() <= 0:
            raise ValueError("a rate limit needs a positive limit and window")
        self.scope, self.limit, self.window = scope, limit, window

    def bucket(self, key: str) -> str:
        return hashlib.sha256(f"{self.scope}\x00{key}".encode("utf-8", "replace")).hexdigest()

    def attempt(self, session: Session, key: str, *, now: datetime | None = None) -> Decision:
        """Count one attempt by `key` and say whether it may go ahead (commit the session to keep it)."""
        now = now or datetime.now(UTC)
        table = cast(Table, RateLimitRow.__table__)
        expired = table.c.window_ends_at <= now
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(table)
            .values(bucket=self.bucket(key), scope=self.scope, attempts=1, window_ends_at=now + self.window)
            .on_conflict_do_update(
                index_elements=[table.c.bucket],
                set_={
                    "attempts": case((expired, 1), else_=table.c.attempts + 1),
                    "window_ends_at": case((expired, now + self.window), else_=table.c.window_ends_at),
                },
            )
            .returning(table.c.attempts, table.c.window_ends_at)
        )
        attempts, ends_at = session.execute(statement).one()
        # Old windows of this scope go as we pass (an index on (scope, window_ends_at) keeps it cheap).
        session.execute(
            delete(RateLimitRow).where(
                RateLimitRow.scope == self.scope, RateLimitRow.window_ends_at < now - self.window
            )
        )
        if attempts <= self.limit:
            return Decision(True, attempts, 0)
        wait = max(1, math.ceil((_as_utc(ends_at) - now).total_seconds()))
        return Decision(False, attempts, wait)

    def refund(self, session: Session, key: str) -> None:
        """Give back one attempt (it succeeded): only failures count toward the limit."""
        session.execute(
            update(RateLimitRow)
            .where(RateLimitRow.bucket == self.bucket(key), RateLimitRow.attempts > 0)
            .values(attempts=RateLimitRow.attempts - 1)
            .execution_options(synchronize_session=False)
        )

    def reset(self, session: Session, key: str) -> None:
        """Forget the key's count (e.g. an administrator unblocks an address)."""
        session.execute(delete(RateLimitRow).where(RateLimitRow.bucket == self.bucket(key)))


def enrolment_limiter(failures: int, minutes: float = 15.0) -> RateLimiter:
    """Enrolment-code guesses per client address: `failures` wrong codes per `minutes`."""
    return RateLimiter("enroll", limit=failures, window=timedelta(minutes=minutes))
