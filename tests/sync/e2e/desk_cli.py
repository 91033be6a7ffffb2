"""The desk's command line as a process, and a laptop with records, for the end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sync.client.helpers import PASSPHRASE, add_records, bulk_add_records, new_store


def desk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DIASPORA_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def laptop_with_records(data_dir: Path, count: int, *, bulk: bool = False) -> None:
    store = new_store(data_dir)
    try:
        (bulk_add_records if bulk else add_records)(store, count)
    finally:
        store.close()
