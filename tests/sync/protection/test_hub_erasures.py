"""An erasure on the central registry reaches an event hub's copy and, through the hub, the clerk's laptop
that syncs only with the hub: a real central `serve`, a real `hub start` (HTTPS, pinned certificate), a
clerk enrolled with a hub code, all over loopback. The hub's database pages are decrypted and scanned
for the canaries before (the control) and after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.store import search
from sync.client.engine import SyncEngine
from sync.hub.place import HubPlace, database_key, open_hub_database
from sync.hub.relay import relay_hub
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import RecordRow
from sync.server.protection.models import ErasureRow
from tests.sync.client.helpers import OPERATOR, new_store
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.hub.hubs import HubProcess, desk, make_hub_laptop, unlock
from tests.sync.protection.laptops import _person, _register
from tests.sync.protection.pages import hits

CANARIES = ["Hubvarnosk", "Quiltrebane", "HQ3390517"]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    from forms.engine import shipped_form_path

    folder = tmp_path_factory.mktemp("hub-erasures") / "central"
    with running_server(folder) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        yield running


def _hub_pages(hub_dir: Path) -> dict[str, int]:
    store = unlock(hub_dir)
    try:
        key = bytes.fromhex(database_key(store).text)  # the hub's raw SQLCipher key
    finally:
        store.close()
    return hits(HubPlace.of(hub_dir).database, key, CANARIES)


def test_an_erasure_on_the_registry_reaches_the_hub_and_its_clerks(
    central: ServerProcess, tmp_path: Path
) -> None:
    hub_dir = tmp_path / "hub"
    make_hub_laptop(hub_dir, central)
    hub = HubProcess(hub_dir)
    hub.start()
    try:
        clerk_dir = tmp_path / "clerk"
        new_store(clerk_dir).close()
        enrolled = desk(
            "enroll", "--data-dir", str(clerk_dir), "--operator", OPERATOR, "--code", hub.code("Clerk")
        )
        assert enrolled.returncode == 0, enrolled.stderr
        clerk = unlock(clerk_dir)
        try:
            erased_id, kept_id = _register(
                clerk, _person(101, *CANARIES), _person(102, "Amina", "Hubkeepova", "AH4400102")
            )
            assert SyncEngine(clerk, fetch_forms=False).run_once().ok  # to the hub
        finally:
            clerk.close()
        hub_store = unlock(hub_dir)
        try:
            report = relay_hub(hub_store)
            assert report is not None and report.ok and report.counts["accepted"] == 2
        finally:
            hub_store.close()
        assert all(n > 0 for n in _hub_pages(hub_dir).values())  # the control: the hub holds the canaries

        central.cli("person", "erase", "--record", erased_id, "--reason", "subject_request")

        hub_store = unlock(hub_dir)
        try:
            own = SyncEngine(hub_store).run_once()  # the hub laptop's own sync with the central server
            assert own.error is None, own.error
            again = SyncEngine(hub_store).run_once()
            assert again.error is None
        finally:
            hub_store.close()
        store = unlock(hub_dir)
        try:
            engine = open_hub_database(store)
        finally:
            store.close()
        try:
            with session_factory(engine)() as session:
                assert session.get(RecordRow, erased_id) is None
                assert session.get(RecordRow, kept_id) is not None
                sources = session.scalars(
                    select(ErasureRow.source).where(ErasureRow.record_id == erased_id)
                ).all()
                assert sources == ["central"]  # once, though the notices were read twice
        finally:
            engine.dispose()
        assert _hub_pages(hub_dir) == dict.fromkeys(CANARIES, 0)

        clerk = unlock(clerk_dir)
        try:
            assert search.count(clerk, "quiltrebane") == 1
            report = SyncEngine(clerk, fetch_forms=False).run_once()  # only with the hub
            assert report.erased_by_server == 1
            assert search.count(clerk, "quiltrebane") == 0 and search.count(clerk, "hubkeepova") == 1
        finally:
            clerk.close()
    finally:
        hub.stop()
