"""Issue #12: "New form versions" names only versions the laptop did not have. The server publishes the
shipped registration form too (`diaspora-server init`); a laptop syncing with it already has that version
and must not report it as new; nor, at the next sync, the versions its form library now holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.engine import shipped_form_path
from forms.library import shipped_form
from forms.store import Store
from sync.client.enrollment import enroll
from sync.server import admin
from tests.sync.client.helpers import new_store
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.proxy import FaultProxy
from tests.sync.e2e.servers import E2E_FORM_ID, ServerProcess, running_server


@pytest.fixture
def shipped_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server of its own (the package's is shared) that also publishes the shipped form, as init does."""
    data_dir = tmp_path / "server"
    with running_server(data_dir) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        yield running


def test_the_shipped_version_and_library_versions_are_not_new(tmp_path: Path, shipped_server) -> None:
    shipped = shipped_form()
    laptop: Store = new_store(tmp_path / "laptop")
    try:
        enroll(laptop, server_url=shipped_server.url, code=shipped_server.enrollment_code(), device_label="t")
        with FaultProxy(shipped_server.port) as proxy:
            first = engine_through(laptop, proxy, fetch_forms=True).run_once()
            assert first.ok, first.error
            assert first.forms_added == [f"{E2E_FORM_ID} 1"]  # not f"{shipped.form_id} {shipped.version}"
            assert f"{shipped.form_id} {shipped.version}" not in first.forms_added
            assert engine_through(laptop, proxy, fetch_forms=True).run_once().forms_added == []
    finally:
        laptop.close()
