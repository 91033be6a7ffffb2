"""The writer the crash test kills with SIGKILL: saves records in groups of five per transaction, with
a new batch now and then, until it is killed.

    python -m tests.forms.store.crash_writer DATA_DIR PASSPHRASE
"""

from __future__ import annotations

import itertools
import sys
import uuid
from pathlib import Path

from forms.store import Store, batches, records

GROUP_SIZE = 5


def main(data_dir: Path, passphrase: str) -> None:
    store = Store.unlock(data_dir, "amara", passphrase)
    batch = batches.current_open_batch(store)
    print("ready", flush=True)
    for n in itertools.count():
        with store.session() as session:  # one transaction: a new batch (sometimes) and a group of records
            if batch is None or n % 7 == 0:
                batch = batches.open_batch(session, f"Crash day {n}", "Lab", "2026-06-13")
            group = str(uuid.uuid4())
            for i in range(GROUP_SIZE):
                answers = {
                    "given_name": f"G{n}-{i}",
                    "family_name": f"F{n}",
                    "group": group,
                    "birth_date": "1990-01-01",
                }
                records.save_record(session, batch.id, "reg", "1", answers, draft=i == GROUP_SIZE - 1)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
