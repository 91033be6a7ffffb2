"""What erasure and retention cost on a laptop, and what they leave behind.

    .venv/bin/python bench/protection.py [--records 2000] [--erasures 20]

A store of ``--records`` saved records (all acknowledged by the server, with one daily backup) is made
with the real Argon2id parameters. Prints: the time of one erasure (delete every row, merge the search
index, truncate the WAL, clean the backup) p50/p95 against a save_record of the same size in the same
run (the ratio); the time to purge every acknowledged record at ``--purge-synced-after-days 0``; and how
many decrypted pages of the database, its WAL and its backup hold a canary value before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' page decryptor is reused

from forms.store import Store, batches, outbox, records  # noqa: E402
from forms.store.erasure import erase_record  # noqa: E402
from forms.store.retention import persons_kept, purge_due, set_purge_days  # noqa: E402

PASSPHRASE = "benchmark passphrase words"
CANARY = "Zqcanaryvolkonsk"


def answers(n: int, family: str | None = None) -> dict[str, Any]:
    return {
        "given_name": f"Given{n}",
        "family_name": family or f"Family{n % 977}",
        "document_number": f"P{n:08d}",
        "phone": f"+1 612 555 {n % 10000:04d}",
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def page_hits(store: Store, canary: str) -> tuple[int, int]:
    from tests.sync.protection.pages import hits  # the tests' page decryptor

    key = store._data_key()
    backup = sorted((store.data_dir / "backups").glob("*.db"))
    in_backup = sum(hits(path, key, [canary])[canary] for path in backup)
    return hits(store.data_dir / "store.db", key, [canary])[canary], in_backup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--erasures", type=int, default=20)
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start "
        "(wall-clock figures)"
    )
    with tempfile.TemporaryDirectory() as folder:
        store, _code = Store.create(Path(folder) / "desk", "amara", PASSPHRASE)
        try:
            batch = batches.open_batch(store, "Bench day", "Lisbon", "2026-12-07")
            with store.session() as session:
                for n in range(args.records):
                    family = CANARY if n == 0 else None
                    records.save_record(session, batch.id, "diaspora", "1", answers(n, family), draft=False)
            acknowledge_all(store)
            store.take_backup("daily")
            store.checkpoint()
            before = page_hits(store, CANARY)

            ids = [r.record_id for r in records_of(store)]
            erase_times, save_times = [], []
            for n, record_id in enumerate(ids[: args.erasures]):
                started = time.perf_counter()
                erase_record(store, record_id, "consent_withdrawn")
                erase_times.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                records.save_record(store, batch.id, "diaspora", "1", answers(10**6 + n), draft=False)
                save_times.append((time.perf_counter() - started) * 1000)
            after = page_hits(store, CANARY)
            print(f"store: {args.records} acknowledged records, one backup")
            print(
                "erase_record (rows, index merge, WAL truncate, backup) "
                f"p50 {pct(erase_times, 0.5):8.1f} ms"
                f"  p95 {pct(erase_times, 0.95):8.1f} ms"
            )
            print(
                "save_record (baseline, same run)                       "
                f"p50 {pct(save_times, 0.5):8.1f} ms"
                f"  p95 {pct(save_times, 0.95):8.1f} ms"
            )
            print(f"ratio p50 {statistics.median(erase_times) / statistics.median(save_times):.1f}")
            print(f"decrypted pages holding the canary (store+WAL, backup): before {before}, after {after}")
            acknowledge_all(store)
            set_purge_days(store, 0)
            started = time.perf_counter()
            purged = purge_due(store)
            elapsed = time.perf_counter() - started
            print(
                f"purge at 0 days: {purged} records in {elapsed:.2f} s ({purged / elapsed:,.0f} records/s); "
                f"persons kept after: {persons_kept(store)}"
            )
        finally:
            store.close()


def acknowledge_all(store: Store) -> None:
    """What the server's answers do: every waiting version acknowledged as accepted."""
    while pending := outbox.pending(store, limit=500):
        outbox.acknowledge(store, [outbox.Acknowledgement(i.sequence, "accepted") for i in pending])


def records_of(store: Store) -> list[Any]:
    from sqlalchemy import text

    with store.session(read_only=True) as session:
        rows = session.execute(text("SELECT record_id FROM records WHERE is_latest = 1 ORDER BY rowid")).all()
    return [row for row in rows]


if __name__ == "__main__":
    main()
