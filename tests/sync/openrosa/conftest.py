"""One real server (SQLite, a child process on loopback) for the OpenRosa tests, and its app users."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sync.server.db import session_factory, transaction
from sync.server.openrosa import app_users
from tests.sync.e2e.servers import ServerProcess, running_server


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("openrosa-server")) as running:
        yield running


def make_app_user(
    server: ServerProcess, name: str = "Collect phone", form_id: str | None = None
) -> tuple[str, str]:
    """(user_id, token) of a new app user, made in-process (the CLI verb has its own test)."""
    with server.engine() as engine, transaction(session_factory(engine)) as session:
        user, token = app_users.add_app_user(session, name, form_id)
    return user.user_id, token


@pytest.fixture
def app_user(server: ServerProcess) -> tuple[str, str]:
    return make_app_user(server)
