"""kill -9 of a writer at random points: the store opens, passes integrity checks, and every transaction
is whole (a record has its outbox row and the reverse, groups of records are complete, the audit chain
holds)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.store import BatchRow, OutboxRow, RecordRow, Store, audit
from forms.store.kdf import TEST_FAST_ENV
from tests.conftest import REPO_ROOT
from tests.forms.store.conftest import PASSPHRASE
from tests.forms.store.crash_writer import GROUP_SIZE

SEED_ENV = "DIASPORA_CRASH_SEED"  # replays the slow test's kill times: DIASPORA_CRASH_SEED=N pytest ...


def _kill_writer_once(data_dir: Path, rng: random.Random) -> None:
    env = dict(os.environ, **{TEST_FAST_ENV: "1"})
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.forms.store.crash_writer", str(data_dir), PASSPHRASE],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
        # Let it write for a random while, then kill it: somewhere inside or between transactions.
        time.sleep(rng.uniform(0.02, 0.4))
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)


def _check_whole(data_dir: Path) -> tuple[int, int]:
    """(final versions, groups) after the crash; asserts every invariant."""
    with Store.unlock(data_dir, "amara", PASSPHRASE) as store:
        assert store.verify() == []  # integrity_check, cipher_integrity_check, foreign keys, audit chain
        with store.session(read_only=True) as session:
            finals = set(session.scalars(select(RecordRow.version_id).where(RecordRow.status == "final")))
            queued = set(session.scalars(select(OutboxRow.version_id)))
            assert finals == queued, "a record without its outbox row, or the reverse"
            groups = Counter(
                json.loads(answers)["group"] for answers in session.scalars(select(RecordRow.answers))
            )
            assert set(groups.values()) <= {GROUP_SIZE}, "a half-written group of records"
            batch_ids = set(session.scalars(select(BatchRow.id)))
            opened = {
                json.loads(row.details)["batch_id"]
                for row in audit.entries(session, limit=100_000)
                if row.action == "batch_opened"
            }
            assert batch_ids == opened, "a batch without its audit entry, or the reverse"
            return len(finals), len(groups)


def _crash_loop(data_dir: Path, kills: int, seed: int) -> None:
    # Shown by pytest when the test fails (captured output), so a failing run can be replayed.
    print(f"crash loop seed {seed}: replay with {SEED_ENV}={seed}", flush=True)
    Store.create(data_dir, "amara", PASSPHRASE)[0].close()
    rng = random.Random(seed)
    previous_groups = 0
    for _ in range(kills):
        _kill_writer_once(data_dir, rng)
        _finals, groups = _check_whole(data_dir)
        assert groups >= previous_groups  # committed work is never lost
        previous_groups = groups
    assert previous_groups > 0, "the writer never committed anything: the test exercised nothing"


def test_sigkill_during_writes_leaves_whole_transactions(data_dir: Path) -> None:
    _crash_loop(data_dir, kills=5, seed=20260613)


@pytest.mark.slow
def test_sigkill_during_writes_many_times(data_dir: Path) -> None:
    chosen = os.environ.get(SEED_ENV)
    seed = int(chosen) if chosen else int.from_bytes(os.urandom(4), "big")
    _crash_loop(data_dir, kills=40, seed=seed)
