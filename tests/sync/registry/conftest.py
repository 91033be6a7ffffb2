"""One registry server per session (SQLite, and PostgreSQL with two workers), with demo registrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from forms.store.kdf import TEST_FAST_ENV
from tests.sync.registry.helpers import send_registrations
from tests.sync.server.helpers import RunningServer, postgres_schema, running_server

os.environ.setdefault(TEST_FAST_ENV, "1")  # 8 MiB Argon2 for staff passwords in tests only


@dataclass
class Registry:
    server: RunningServer
    record_ids: list[str]


@pytest.fixture(scope="session")
def sqlite_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with running_server(tmp_path_factory.mktemp("registry-sqlite")) as server:
        yield Registry(server, send_registrations(server, 60))


@pytest.fixture(scope="session")
def pg_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with (
        postgres_schema() as url,
        running_server(tmp_path_factory.mktemp("registry-pg"), url, workers=2) as server,
    ):
        yield Registry(server, send_registrations(server, 60))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def registry(request: pytest.FixtureRequest) -> Registry:
    return request.getfixturevalue("pg_registry" if request.param == "postgres" else "sqlite_registry")
