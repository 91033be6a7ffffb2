"""Real servers for the duplicate tests: `diaspora-server serve` on loopback with the shipped registration
form published, on SQLite and on PostgreSQL (two workers, a fresh schema)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forms.engine import shipped_form_path
from sync.server import admin
from tests.sync.server.helpers import RunningServer, postgres_schema, running_server


def _with_shipped_form(server: RunningServer) -> RunningServer:
    with server.engine() as engine:
        admin.publish_form(engine, shipped_form_path())
    return server


@pytest.fixture(scope="package")
def dedup_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_server(tmp_path_factory.mktemp("dedup-sqlite")) as running:
        yield _with_shipped_form(running)


@pytest.fixture(scope="package")
def dedup_pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with (
        postgres_schema() as url,
        running_server(tmp_path_factory.mktemp("dedup-pg"), url, workers=2) as running,
    ):
        yield _with_shipped_form(running)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def dedup_server(request: pytest.FixtureRequest) -> RunningServer:
    return request.getfixturevalue("dedup_pg" if request.param == "postgres" else "dedup_sqlite")
