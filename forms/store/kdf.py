"""Argon2id parameters: calibrated once per machine, stored beside each wrapped key, bound into it.

docs/security.md: p=1, 128 MiB by default (never under 64 MiB), t >= 3, with t chosen so that one derivation
takes 0.5-1.0 s on this machine. Every parameter set is bounded before any derivation runs: under the
floor (a downgrade) or over the ceiling (64 GiB of memory, 2^31 passes: a key file that would exhaust
memory or hang the unlock) is refused with ``KdfParamsError``.

``DIASPORA_KDF_TEST_FAST=1`` is for the test suite only: it swaps in 8 MiB and t=1 (and lowers the floor
to that) so hundreds of stores can be created in seconds. It is honoured only while pytest runs a test
(pytest sets ``PYTEST_CURRENT_TEST`` in the environment of the test and of the processes it starts),
never in a frozen bundle, so an installed app that finds the variable set ignores it.
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

DEFAULT_MEMORY_KIB = 128 * 1024
FLOOR_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
MAX_ITERATIONS = 64
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB: more than any calibration picks, far less than a hostile 64 GiB
MAX_LANES = 4
# memory x passes: the calibrated default at the highest t; a derivation never costs more than ~10 s
MAX_COST = DEFAULT_MEMORY_KIB * MAX_ITERATIONS
TARGET_SECONDS = 0.7  # middle of the 0.5-1.0 s window
CEILING_SECONDS = 1.0
KEY_LENGTH = 32
TEST_FAST_ENV = "DIASPORA_KDF_TEST_FAST"
PYTEST_MARKER_ENV = "PYTEST_CURRENT_TEST"


class KdfParamsError(ValueError):
    """Parameters outside the allowed range: a damaged or altered key file, never a wrong passphrase."""


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int = 1
    algorithm: str = "argon2id"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Parsed and bounded (``KdfParamsError``) before anything derives a key with them."""
        values = (data["memory_kib"], data["iterations"], data["lanes"])
        if not all(isinstance(value, int) and not isinstance(value, bool) for value in values):
            raise KdfParamsError("key-derivation parameters must be whole numbers")
        params = cls(
            memory_kib=data["memory_kib"],
            iterations=data["iterations"],
            lanes=data["lanes"],
            algorithm=str(data["algorithm"]),
        )
        check_bounds(params)
        return params


TEST_FAST_PARAMS = KdfParams(memory_kib=8 * 1024, iterations=1)
FLOOR_PARAMS = KdfParams(memory_kib=FLOOR_MEMORY_KIB, iterations=MIN_ITERATIONS)


def test_fast_enabled() -> bool:
    """True only inside the test suite: the variable set, pytest running, not a frozen bundle."""
    if getattr(sys, "frozen", False):
        return False
    if os.environ.get(TEST_FAST_ENV, "") in ("", "0"):
        return False
    return bool(os.environ.get(PYTEST_MARKER_ENV))


def floor() -> KdfParams:
    """The weakest parameters accepted now: the docs/security.md floor, or the test set inside the tests."""
    return TEST_FAST_PARAMS if test_fast_enabled() else FLOOR_PARAMS


def check_bounds(params: KdfParams) -> None:
    """Refuses a downgrade (under the floor) and a denial of service (over the ceiling)."""
    low = floor()
    if params.algorithm != "argon2id":
        raise KdfParamsError("the key-derivation algorithm is not Argon2id")
    if not 1 <= params.lanes <= MAX_LANES:
        raise KdfParamsError("the key-derivation lanes are out of range")
    if params.memory_kib < low.memory_kib or params.iterations < low.iterations:
        raise KdfParamsError("the key-derivation parameters are below the allowed minimum")
    if params.memory_kib > MAX_MEMORY_KIB or params.iterations > MAX_ITERATIONS:
        raise KdfParamsError("the key-derivation parameters are above the allowed maximum")
    if params.memory_kib * params.iterations > MAX_COST:
        raise KdfParamsError("the key-derivation parameters are above the allowed maximum")


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    check_bounds(params)
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def _time_one(params: KdfParams) -> float:
    start = time.perf_counter()
    derive(b"calibration", b"calibration-salt", params)
    return time.perf_counter() - start


def calibrate() -> KdfParams:
    """One trial derivation at t=3, then scale t linearly toward 0.7 s (Argon2 time is linear in t)."""
    if test_fast_enabled():
        return TEST_FAST_PARAMS
    memory = DEFAULT_MEMORY_KIB
    elapsed = _time_one(KdfParams(memory, MIN_ITERATIONS))
    if elapsed > CEILING_SECONDS:
        # A slow machine: halve the memory (to the floor) rather than drop t below 3.
        memory = FLOOR_MEMORY_KIB
        elapsed = elapsed / 2
    iterations = max(MIN_ITERATIONS, math.ceil(MIN_ITERATIONS * TARGET_SECONDS / max(elapsed, 1e-3)))
    return KdfParams(memory, min(iterations, MAX_ITERATIONS))
