"""What the laptop-store hardening of issue 14 costs: the rollback anchor on every save, the daily
encrypted backup, and serialised unlock attempts.

    .venv/bin/python bench/store_hardening.py [--saves 600] [--records 20000]

Prints: save_record p50/p95 with the per-commit anchor (anchor.json rewritten) against the same saves
with the anchor write switched off, interleaved in the same run (the ratio is the anchor's cost); the
time to take one encrypted backup of a store of ``--records`` records (SQLite's online backup API plus
the quick_check of the copy); and the wall time of ten simultaneous wrong unlock attempts (real Argon2id
parameters), which the attempts lock evaluates one after another.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]

from forms.store import Store, WaitBeforeRetryError, WrongPassphraseError, batches, records  # noqa: E402
from forms.store.database import db_path  # noqa: E402

PASSPHRASE = "benchmark passphrase words"


def answers(n: int) -> dict[str, Any]:
    return {"given_name": f"Given{n}", "family_name": f"Family{n % 977}", "document_number": f"P{n:08d}"}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=600)
    parser.add_argument("--records", type=int, default=20000)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start (wall-clock)")
    with tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp) / "store"
        store, _code = Store.create(data_dir, "amara", PASSPHRASE)  # real Argon2id: no test switch here
        batch = batches.open_batch(store, "Bench day", "Lab", "2026-06-13").id
        anchored_write = store._anchor_after_commit
        with_anchor: list[float] = []
        without: list[float] = []
        for n in range(args.saves):
            anchoring = n % 2 == 0
            store._anchor_after_commit = anchored_write if anchoring else (lambda head: None)  # type: ignore[method-assign]
            start = time.perf_counter()
            records.save_record(store, batch, "reg", "1", answers(n), draft=False)
            (with_anchor if anchoring else without).append((time.perf_counter() - start) * 1000)
        store._anchor_after_commit = anchored_write  # type: ignore[method-assign]
        a50, b50 = statistics.median(with_anchor), statistics.median(without)
        print(
            f"save_record with anchor       p50 {a50:6.2f} ms  p95 {pct(with_anchor, 0.95):6.2f} ms\n"
            f"save_record, anchor off (base) p50 {b50:6.2f} ms  p95 {pct(without, 0.95):6.2f} ms\n"
            f"ratio p50 {a50 / b50:.2f}  p95 {pct(with_anchor, 0.95) / pct(without, 0.95):.2f}"
        )
        with store.session() as session:
            for n in range(args.saves, args.records):
                records.save_record(session, batch, "reg", "1", answers(n), draft=False)
        store.checkpoint()
        size = db_path(data_dir).stat().st_size / 1e6
        start = time.perf_counter()
        store.take_backup("manual")
        took = time.perf_counter() - start
        print(f"encrypted backup of {args.records} records ({size:.1f} MB): {took:.2f} s")
        store.close()

        outcomes: list[str] = []
        barrier = threading.Barrier(10)

        def guess() -> None:
            barrier.wait()
            try:
                Store.unlock(data_dir, "amara", "not the passphrase at all")
            except WrongPassphraseError:
                outcomes.append("wrong")
            except WaitBeforeRetryError:
                outcomes.append("wait")

        threads = [threading.Thread(target=guess) for _ in range(10)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(
            f"10 simultaneous wrong unlocks: {time.perf_counter() - start:.2f} s, "
            f"{outcomes.count('wrong')} evaluated, {outcomes.count('wait')} told to wait"
        )


if __name__ == "__main__":
    main()
