"""When to retry a failed request and how long to wait: exponential backoff with full jitter.

Full jitter (a uniform delay between 0 and min(cap, base * 2**attempt)) keeps many laptops that lost
the network at the same moment from all hammering the server again at the same moment. Only failures
that may go away on their own are retried: network errors, timeouts, 408, 429 and 5xx. Any other 4xx
means the request itself is wrong, and repeating it would only repeat the refusal.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

DEFAULT_BASE_SECONDS = 2.0
DEFAULT_CAP_SECONDS = 600.0
DEFAULT_MAX_ATTEMPTS = 6
RETRYABLE_STATUSES = frozenset({408, 429})


def is_retryable_status(status: int) -> bool:
    return status in RETRYABLE_STATUSES or 500 <= status <= 599


def parse_retry_after(headers: Mapping[str, str] | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent/invalid."""
    if not headers:
        return None
    value = None
    for key, text in headers.items():
        if key.lower() == "retry-after":
            value = text.strip()
            break
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds)


@dataclass
class Backoff:
    """Delays for successive attempts. Tests inject a tiny base/cap and a seeded random source."""

    base: float = DEFAULT_BASE_SECONDS
    cap: float = DEFAULT_CAP_SECONDS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    uniform: Callable[[float, float], float] = field(default=random.uniform)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """The wait before retry number `attempt` (0 for the first retry).

        A server's Retry-After is honoured as a floor (waiting less would only earn another 429) but is
        still capped, so a confused server cannot park a laptop for a day.
        """
        ceiling = min(self.cap, self.base * (2 ** min(attempt, 62)))
        jittered = self.uniform(0.0, ceiling)
        if retry_after is not None:
            return min(self.cap, max(jittered, retry_after))
        return jittered
