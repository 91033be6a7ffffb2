"""Argon2id parameters: calibrated once per machine, stored beside each wrapped key, bound into it.

security.md: p=1, 128 MiB by default (never under 64 MiB), t >= 3, with t chosen so that one derivation
takes 0.5-1.0 s on this machine. ``DIASPORA_KDF_TEST_FAST=1`` is for the test suite only: it swaps in
8 MiB and t=1 so hundreds of stores can be created in seconds. It is read only when the variable is set,
and a key wrapped that way says so in its stored parameters.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

DEFAULT_MEMORY_KIB = 128 * 1024
FLOOR_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
MAX_ITERATIONS = 64
TARGET_SECONDS = 0.7  # middle of the 0.5-1.0 s window
CEILING_SECONDS = 1.0
KEY_LENGTH = 32
TEST_FAST_ENV = "DIASPORA_KDF_TEST_FAST"


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
        params = cls(
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
            algorithm=str(data["algorithm"]),
        )
        if params.algorithm != "argon2id" or params.lanes < 1 or params.iterations < 1:
            raise ValueError("unsupported key-derivation parameters")
        if params.memory_kib < 8 * params.lanes:
            raise ValueError("unsupported key-derivation parameters")
        return params


TEST_FAST_PARAMS = KdfParams(memory_kib=8 * 1024, iterations=1)


def test_fast_enabled() -> bool:
    return os.environ.get(TEST_FAST_ENV, "") not in ("", "0")


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
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
