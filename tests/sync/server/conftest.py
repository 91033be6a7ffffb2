"""A real server per test module and backend: SQLite in a temp folder, PostgreSQL in a fresh schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sync.server.helpers import RunningServer, postgres_schema, running_server


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("server-data")
    if request.param == "sqlite":
        with running_server(data_dir) as running:
            yield running
    else:
        with postgres_schema() as url, running_server(data_dir, url) as running:
            yield running
