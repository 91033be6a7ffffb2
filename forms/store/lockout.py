"""Failed unlock attempts per operator, persisted across restarts in ``attempts.json``.

security.md: attempts 1-3 are free; then a delay of 30 s doubling up to 15 min; after 10 wrong
passphrases in a row only the recovery code or a supervisor can reset the account. The file holds
operator names, counts and times only (no secret, no personal data), so it lives outside the encrypted
database: the count must be readable before any key is. Each failure is also kept (time only) so the
next successful unlock can write it into the audit log.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_write_bytes

ATTEMPTS_FILE = "attempts.json"
FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60
LOCKOUT_AFTER = 10

Clock = Callable[[], float]


def delay_after(failures: int) -> int:
    """Seconds to wait before the next attempt once ``failures`` wrong passphrases happened in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


@dataclass
class OperatorAttempts:
    failures: int = 0
    last_failure: float = 0.0
    failure_times: list[float] = field(default_factory=list)

    @property
    def locked_out(self) -> bool:
        return self.failures >= LOCKOUT_AFTER

    def seconds_to_wait(self, now: float) -> int:
        delay = delay_after(self.failures)
        if delay == 0:
            return 0
        if now < self.last_failure:  # the clock went back: do not let that shorten the delay
            return delay
        return max(0, round(self.last_failure + delay - now))


class AttemptLog:
    """Reads and writes ``attempts.json`` in a data folder; every change is written atomically."""

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.path = data_dir / ATTEMPTS_FILE
        self.clock: Clock = clock or time.time

    def _load(self) -> dict[str, OperatorAttempts]:
        try:
            document = json.loads(self.path.read_text("utf-8"))
            return {
                name: OperatorAttempts(
                    int(v["failures"]), float(v["last_failure"]), [float(t) for t in v["times"]]
                )
                for name, v in document["operators"].items()
            }
        except FileNotFoundError:
            return {}
        except (ValueError, KeyError, TypeError, AttributeError):
            # A damaged counter must not become a way to reset it. Locking everyone out would be harsh;
            # every operator starts instead from the longest delay short of a lockout.
            return {"*damaged*": OperatorAttempts(LOCKOUT_AFTER - 1, self.clock())}

    def _save(self, table: dict[str, OperatorAttempts]) -> None:
        document = {
            "operators": {
                name: {
                    "failures": a.failures,
                    "last_failure": a.last_failure,
                    "times": a.failure_times[-LOCKOUT_AFTER:],
                }
                for name, a in table.items()
                if a.failures > 0
            }
        }
        atomic_write_bytes(self.path, json.dumps(document, indent=1).encode("utf-8"))

    def get(self, operator: str) -> OperatorAttempts:
        table = self._load()
        found = table.get(operator.casefold())
        damaged = table.get("*damaged*")
        if damaged is not None and (found is None or found.failures < damaged.failures):
            return damaged
        return found or OperatorAttempts()

    def record_failure(self, operator: str) -> OperatorAttempts:
        table = self._load()
        current = self.get(operator)
        table.pop("*damaged*", None)
        now = self.clock()
        updated = OperatorAttempts(current.failures + 1, now, [*current.failure_times, now])
        table[operator.casefold()] = updated
        self._save(table)
        return updated

    def reset(self, operator: str) -> list[float]:
        """Clears the count; returns the failure times it held (for the audit log)."""
        table = self._load()
        previous = table.pop(operator.casefold(), OperatorAttempts())
        damaged = table.pop("*damaged*", None)
        if previous.failures or damaged is not None or self.path.exists():
            self._save(table)
        return previous.failure_times
