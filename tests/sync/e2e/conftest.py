"""A real server for the package (SQLite), a fault proxy and a fresh enrolled laptop store per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.store import Store
from sync.client.backoff import Backoff
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from tests.sync.client.helpers import new_store
from tests.sync.e2e.proxy import FaultProxy
from tests.sync.e2e.servers import ServerProcess, running_server

# Tiny delays keep the retries real but the suite fast; a short read timeout makes stalls cheap.
FAST_BACKOFF = Backoff(base=0.02, cap=0.2, max_attempts=12)
RESTART_BACKOFF = Backoff(base=0.05, cap=0.5, max_attempts=60)
TIMEOUT = (2.0, 1.5)


@pytest.fixture(scope="package")  # one server for the whole e2e package: starting one costs seconds
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("sync-server")) as running:
        yield running


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(server.port) as running:
        yield running


@pytest.fixture
def laptop(tmp_path: Path, server: ServerProcess) -> Iterator[Store]:
    store = new_store(tmp_path / "laptop")
    enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="test laptop")
    try:
        yield store
    finally:
        store.close()


def engine_through(
    store: Store, proxy: FaultProxy, backoff: Backoff = FAST_BACKOFF, *, fetch_forms: bool = False
) -> SyncEngine:
    # Form downloads are tested on their own (test_forms_download.py); elsewhere they only cost time.
    return SyncEngine(store, server_url=proxy.url, backoff=backoff, timeout=TIMEOUT, fetch_forms=fetch_forms)
