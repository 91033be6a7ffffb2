"""A real central server (SQLite, encrypted) for the hub and sealed-file tests, and enrolled laptops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.store import Store
from sync.client.enrollment import enroll
from sync.hub.background import BackgroundHub
from sync.hub.serve import prepare
from tests.sync.client.helpers import OPERATOR, new_store
from tests.sync.e2e.servers import ServerProcess, free_port, running_server
from tests.sync.hub.hubs import Event, enrolled_clerk, make_hub_laptop, unlock


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


@pytest.fixture
def event(tmp_path: Path, central: ServerProcess) -> Iterator[Event]:
    """A hub and two clerks (A with 4 records, B with 3), synced to the hub."""
    make_hub_laptop(tmp_path / "hub", central)
    store = unlock(tmp_path / "hub")
    prepared = prepare(store, host="127.0.0.1", port=free_port(), operator=OPERATOR)
    hub = BackgroundHub(prepared, announce_it=False)
    assert hub.start(), hub.error
    try:
        clerks = {
            "Clerk A": enrolled_clerk(hub, tmp_path / "a", "Clerk A", 4, 100),
            "Clerk B": enrolled_clerk(hub, tmp_path / "b", "Clerk B", 3, 200),
        }
        yield Event(store, hub, clerks)
    finally:
        hub.stop()
        store.close()
