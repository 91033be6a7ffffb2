"""Failed unlock attempts per operator, persisted across restarts in ``attempts.json``.

docs/security.md: attempts 1-3 are free; then a delay of 30 s doubling up to 15 min; after 10 wrong
passphrases in a row only the recovery code or a supervisor can reset the account. The file holds
operator names, counts and times only (no secret, no personal data), so it lives outside the encrypted
database: the count must be readable before any key is. Each failure is also kept (time only) so the
next successful unlock can write it into the audit log.

Two defences around it (docs/security.md, "Laptop store"):

- ``AttemptLog.attempt()`` holds a file lock (``attempts.lock``) for a whole attempt: read the count,
  wait or derive, record. Ten simultaneous wrong guesses are evaluated one after the other, so the delays
  apply to them as to ten guesses in a row.
- Tampering shows. The file carries a random ``epoch`` (new whenever it is created), a never-decreasing
  ``total`` per operator and a MAC under a key derived from the store id. The database records the
  state it saw at each successful unlock (``AttemptsState``); at the next one, a deleted file (a new
  epoch), an edited one (a bad MAC) or a count lowered by hand (``failures`` and ``total`` no longer
  moved together) is reported to the person unlocking and written to the audit log, where ``verify``
  finds it. The MAC key is not secret (the store id is in keys.json): it catches hand edits; the
  epoch and the recorded state catch the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from .atomic import atomic_write_bytes

ATTEMPTS_FILE = "attempts.json"
ATTEMPTS_LOCK_FILE = "attempts.lock"
FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60
LOCKOUT_AFTER = 10
LOCK_TIMEOUT_SECONDS = 120.0  # ten real derivations in a queue take about 10 s
DAMAGED = "*damaged*"

Clock = Callable[[], float]


class AttemptInProgressError(RuntimeError):
    """Another attempt held the lock for longer than ``LOCK_TIMEOUT_SECONDS``."""


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
    total: int = 0  # every failure ever counted for this operator; never lowered

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


@dataclass
class AttemptsState:
    """What the database remembers of attempts.json at a successful unlock (no times, no secrets)."""

    epoch: str
    counts: dict[str, tuple[int, int]]  # operator -> (failures, total)

    def to_json(self) -> str:
        return json.dumps({"epoch": self.epoch, "counts": self.counts}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> AttemptsState | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["epoch"]), {str(k): (int(v[0]), int(v[1])) for k, v in data["counts"].items()}
            )
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None


@dataclass
class _Table:
    epoch: str
    operators: dict[str, OperatorAttempts]
    status: str  # "ok", "missing", "edited"


def _mac_key(store_id: str) -> bytes:
    return hashlib.sha256(f"diaspora-desk attempts.json {store_id}".encode()).digest()


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


class AttemptLog:
    """Reads and writes ``attempts.json`` in a data folder; every change is written atomically."""

    def __init__(self, data_dir: Path, clock: Clock | None = None, *, store_id: str | None = None) -> None:
        self.data_dir = data_dir
        self.path = data_dir / ATTEMPTS_FILE
        self.clock: Clock = clock or time.time
        self._store_id = store_id

    @property
    def store_id(self) -> str:
        """From keys.json when not given (no key needed); "" when it cannot be read."""
        if self._store_id is None:
            try:
                document = json.loads((self.data_dir / "keys.json").read_bytes().decode("utf-8"))
                self._store_id = str(document["store_id"])
            except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
                self._store_id = ""
        return self._store_id

    @contextmanager
    def attempt(self) -> Iterator[None]:
        """One attempt at a time across threads and processes (held through the key derivation)."""
        lock = FileLock(self.data_dir / ATTEMPTS_LOCK_FILE, timeout=LOCK_TIMEOUT_SECONDS)
        try:
            lock.acquire()
        except Timeout:
            raise AttemptInProgressError("another unlock attempt is still running") from None
        try:
            yield
        finally:
            lock.release()

    # --- the file -------------------------------------------------------------------------------------

    def _read(self) -> _Table:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _Table(secrets.token_hex(16), {}, "missing")
        try:
            document = json.loads(raw.decode("utf-8"))
            mac = document.pop("mac")
            expected = hmac.new(_mac_key(self.store_id), _canonical(document), "sha256").hexdigest()
            if not isinstance(mac, str) or not hmac.compare_digest(mac, expected):
                raise ValueError("attempts.json does not match its MAC")
            operators = {
                str(name): OperatorAttempts(
                    int(v["failures"]),
                    float(v["last_failure"]),
                    [float(t) for t in v["times"]],
                    int(v["total"]),
                )
                for name, v in document["operators"].items()
            }
            return _Table(str(document["epoch"]), operators, "ok")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            # A damaged or edited counter must not become a way to reset it. Locking everyone out would
            # be harsh; every operator starts instead from the longest delay short of a lockout, counted
            # from the moment the file was last written.
            try:
                since = self.path.stat().st_mtime
            except OSError:
                since = self.clock()
            return _Table(
                secrets.token_hex(16), {DAMAGED: OperatorAttempts(LOCKOUT_AFTER - 1, since)}, "edited"
            )

    def _write(self, table: _Table) -> None:
        document: dict[str, Any] = {
            "epoch": table.epoch,
            "operators": {
                name: {
                    "failures": a.failures,
                    "last_failure": a.last_failure,
                    "times": a.failure_times[-LOCKOUT_AFTER:],
                    "total": a.total,
                }
                for name, a in table.operators.items()
                if name != DAMAGED and (a.failures > 0 or a.total > 0)
            },
        }
        document["mac"] = hmac.new(_mac_key(self.store_id), _canonical(document), "sha256").hexdigest()
        atomic_write_bytes(self.path, json.dumps(document, indent=1).encode("utf-8"))

    @staticmethod
    def _entry(table: _Table, operator: str) -> OperatorAttempts:
        found = table.operators.get(operator.casefold())
        damaged = table.operators.get(DAMAGED)
        if damaged is not None and (found is None or found.failures < damaged.failures):
            total = found.total if found else 0
            return OperatorAttempts(
                damaged.failures, damaged.last_failure, list(damaged.failure_times), total
            )
        return found or OperatorAttempts()

    # --- the API --------------------------------------------------------------------------------------

    def get(self, operator: str) -> OperatorAttempts:
        return self._entry(self._read(), operator)

    def record_failure(self, operator: str) -> OperatorAttempts:
        table = self._read()
        current = self._entry(table, operator)
        table.operators.pop(DAMAGED, None)
        now = self.clock()
        updated = OperatorAttempts(
            current.failures + 1, now, [*current.failure_times, now], current.total + 1
        )
        table.operators[operator.casefold()] = updated
        self._write(table)
        return updated

    def reset(self, operator: str) -> list[float]:
        """Clears the count (the total stays); returns the failure times it held (for the audit log)."""
        return self.reset_and_check(operator, None)[0]

    def reset_and_check(
        self, operator: str, recorded: AttemptsState | None
    ) -> tuple[list[float], str | None, AttemptsState]:
        """Clears ``operator``'s count and compares the file with the state the database ``recorded``
        at the last unlock. Returns the failure times, how the file was tampered with (None, "deleted"
        or "edited") and the state to record now."""
        table = self._read()
        tampered = _tampering(table, recorded)
        previous = table.operators.pop(operator.casefold(), OperatorAttempts())
        table.operators.pop(DAMAGED, None)
        if previous.total:
            table.operators[operator.casefold()] = OperatorAttempts(total=previous.total)
        self._write(table)
        state = AttemptsState(table.epoch, {n: (a.failures, a.total) for n, a in table.operators.items()})
        return previous.failure_times, tampered, state


def _tampering(table: _Table, recorded: AttemptsState | None) -> str | None:
    if recorded is None:  # a store that never recorded a state (new, or from before this check)
        return None
    if table.status == "edited":
        return "edited"
    if table.status == "missing" or table.epoch != recorded.epoch:
        return "deleted"
    for name in set(recorded.counts) | set(table.operators):
        failures, total = recorded.counts.get(name, (0, 0))
        now = table.operators.get(name, OperatorAttempts())
        grown = now.total - total
        if grown < 0 or now.failures - failures != grown:
            return "edited"
    return None
