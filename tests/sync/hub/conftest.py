"""A real central server (SQLite, encrypted) for the hub and sealed-file tests, and enrolled laptops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.store import Store
from sync.client.enrollment import enroll
from tests.sync.client.helpers import new_store
from tests.sync.e2e.servers import ServerProcess, running_server


@pytest.fixture(scope="package")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("central")) as running:
        yield running


@pytest.fixture
def laptop(tmp_path: Path, central: ServerProcess) -> Iterator[Store]:
    store = new_store(tmp_path / "laptop")
    enroll(store, server_url=central.url, code=central.enrollment_code(), device_label="sealed laptop")
    try:
        yield store
    finally:
        store.close()
