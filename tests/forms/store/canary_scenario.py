"""A day at the desk with canary strings in every personal field, run in its own process so the canary
test can scan everything it leaves behind: data folder, temp folder, log file, stdout and stderr.

    python -m tests.forms.store.canary_scenario DATA_DIR LOG_FILE [--plain]

``--plain`` is the control: the same scenario with SQLCipher swapped for plain sqlite3.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

from forms.store import Store, batches, database, outbox, records, search

CANARY_TAG = "zqcanary"


def canaries(run: str) -> dict[str, str]:
    """Field -> a unique value; lower-case letters and digits so the normalised forms stay searchable."""
    return {
        "given_name": f"{CANARY_TAG}given{run}",
        "family_name": f"{CANARY_TAG}family{run}",
        "other_names": f"{CANARY_TAG}other{run}",
        "birth_date": "1911-07-23",
        "birth_place": f"{CANARY_TAG}place{run}",
        "document_number": f"{CANARY_TAG}doc{run}",
        "phone": "+1 555 9182736451",
        "email": f"{CANARY_TAG}mail{run}@example.org",
        "address": f"{CANARY_TAG}street{run}",
    }


def _plain_connect(path: Path, key: bytes) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def run(data_dir: Path, run_id: str) -> None:
    values = canaries(run_id)
    store, _code = Store.create(data_dir, "amara", "blue river stone lamp")
    batch = batches.open_batch(store, "Canary day", "Nowhere", "2026-06-13")
    draft = records.save_record(store, batch.id, "reg", "1", {"given_name": values["given_name"]}, draft=True)
    records.save_record(store, batch.id, "reg", "1", values, draft=True, record_id=draft.record_id)
    final = records.save_record(store, batch.id, "reg", "1", values, draft=False, record_id=draft.record_id)
    edited = dict(values, address=values["address"] + "b")
    records.save_record(store, batch.id, "reg", "1", edited, draft=False, record_id=final.record_id)
    for n in range(50):  # enough pages for sorting and temp b-trees to matter
        filler = {
            key: f"{value}{n}" if key not in ("birth_date", "phone") else value
            for key, value in values.items()
        }
        records.save_record(store, batch.id, "reg", "1", filler, draft=n % 2 == 0)
    search.search(store, values["family_name"][:12], order_by="family_name")
    search.search(store, values["document_number"], order_by="birth_date", limit=500)
    search.find_duplicates(store, values)
    outbox.pending(store)
    logging.getLogger("canary").info("scenario done for batch %s", batch.id)
    store.close()


if __name__ == "__main__":
    data, log_file, *flags = sys.argv[1:]
    # The most talkative logging an app could configure: everything at DEBUG into a file.
    logging.basicConfig(filename=log_file, level=logging.DEBUG)
    if "--plain" in flags:
        database.connect_raw = _plain_connect  # type: ignore[assignment]
    run(Path(data), Path(data).name)
