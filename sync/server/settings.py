"""What `serve` hands to worker processes (uvicorn --workers, gunicorn), and the log format.

Secrets never travel in the environment (a process's environment is readable by the same user, ends up
in crash reports and is inherited by every child): with one worker the app is built in the `serve`
process itself; with several, the database URL (and a key typed at start) go into a private file
(mode 0600, in a 0700 folder on tmpfs where there is one), the environment carries only its path, and
`serve` deletes it when it stops. Officers who run gunicorn themselves use DATABASE_URL_FILE.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from sync.server.db import DatabaseKey, ServerDatabaseError, database_url, make_engine

WORKER_CONFIG_ENV = "DIASPORA_SERVER_WORKER_CONFIG"
ENROL_FAILURES_ENV = "DIASPORA_SERVER_ENROL_FAILURES"
LOG_LEVEL_ENV = "DIASPORA_SERVER_LOG_LEVEL"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _private_folder() -> Path:
    for candidate in (os.environ.get("XDG_RUNTIME_DIR", ""), "/dev/shm"):
        if candidate and Path(candidate).is_dir() and os.access(candidate, os.W_OK):
            return Path(tempfile.mkdtemp(prefix="diaspora-server-", dir=candidate))
    return Path(tempfile.mkdtemp(prefix="diaspora-server-"))


@contextmanager
def worker_config(url: str, key: DatabaseKey | None) -> Iterator[Path]:
    """A private file with what workers need to open the database; removed on exit."""
    folder = _private_folder()  # mkdtemp makes it 0700
    path = folder / "worker.json"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "key": key.text if key else None}, handle)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def worker_database() -> Engine:
    """The engine of a worker process: from the private file `serve` wrote, else the officer's settings."""
    config_path = os.environ.get(WORKER_CONFIG_ENV, "").strip()
    if not config_path:
        return make_engine(database_url(None))
    try:
        config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ServerDatabaseError("The worker settings file of `diaspora-server serve` is gone.") from None
    key = DatabaseKey(config["key"]) if config.get("key") else None
    return make_engine(str(config["url"]), key=key)
