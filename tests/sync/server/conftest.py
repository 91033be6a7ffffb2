"""Real servers shared by the whole session (starting one costs seconds): SQLite in a temp folder, and
PostgreSQL in a fresh schema with two worker processes. Tests compare counts before and after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sync.server.helpers import RunningServer, postgres_schema, running_server


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_server(tmp_path_factory.mktemp("server-sqlite")) as running:
        yield running


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with (
        postgres_schema() as url,
        running_server(tmp_path_factory.mktemp("server-pg"), url, workers=2) as running,
    ):
        yield running


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest) -> RunningServer:
    return request.getfixturevalue("pg_server" if request.param == "postgres" else "sqlite_server")
