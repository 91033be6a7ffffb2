"""A server with the shipped registration form published and its SMTP pointing at a loopback mailbox."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from forms.engine import shipped_form_path
from forms.store.kdf import TEST_FAST_ENV
from sync.server import admin
from sync.server.selfreg import smtp
from sync.server.selfreg.web import SUBMITS_PER_HOUR_ENV
from tests.sync.selfreg.mailbox import Mailbox, local_smtp
from tests.sync.server.helpers import RunningServer, running_server

os.environ.setdefault(TEST_FAST_ENV, "1")

FORM_ID = "diaspora_registration"
PATH = f"/register/{FORM_ID}"


@dataclass
class SelfReg:
    server: RunningServer
    mailbox: Mailbox


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """The server process inherits these (running_server copies os.environ); restored afterwards."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def selfreg_server(folder: Path, per_hour: int = 1000) -> Iterator[SelfReg]:
    with local_smtp() as mailbox:
        settings = {
            smtp.HOST_ENV: mailbox.host,
            smtp.PORT_ENV: str(mailbox.port),
            smtp.FROM_ENV: "registry@example.org",
            SUBMITS_PER_HOUR_ENV: str(per_hour),
        }
        with _environment(settings), running_server(folder) as server:
            with server.engine() as engine:
                admin.publish_form(engine, shipped_form_path())
            yield SelfReg(server, mailbox)


@pytest.fixture(scope="session")
def selfreg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SelfReg]:
    with selfreg_server(tmp_path_factory.mktemp("selfreg")) as running:
        yield running
