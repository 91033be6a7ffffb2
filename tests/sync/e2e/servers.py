"""The real `diaspora-server` as a child process for the client's end-to-end tests: start, kill -9,
restart on the same port, read its figures with `stats --json`, and query its database."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import psycopg
import requests
from sqlalchemy import Engine

from sync import protocol as p
from sync.server import admin
from sync.server.db import database_url, make_engine

PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
E2E_FORM_ID = "sync_e2e"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_form(path: Path, version: str = "1") -> Path:
    """A tiny XLSForm the server validates records against: a required name and an optional age."""
    book = openpyxl.Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(["type", "name", "label", "required"])
    survey.append(["text", "full_name", "Full name", "yes"])
    survey.append(["integer", "age", "Age", ""])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append([E2E_FORM_ID, version, "Sync end-to-end form"])
    book.save(path)
    return path


@contextmanager
def postgres_schema() -> Iterator[str]:
    schema = f"dd_sync_e2e_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


class ServerProcess:
    """One server (SQLite under data_dir, or the PostgreSQL URL given) on a fixed loopback port."""

    def __init__(
        self, data_dir: Path, db_url: str | None = None, *, tls: tuple[Path, Path] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.tls = tls  # (certfile, keyfile): serve HTTPS directly
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DIASPORA_SERVER_DATABASE_URL")
        }
        if db_url:
            self.env["DATABASE_URL"] = db_url
        self.db_url = db_url or database_url(data_dir)
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        data_dir.mkdir(parents=True, exist_ok=True)
        # In-process set-up (the CLI verbs themselves are the server's tests); `stats` goes through the CLI.
        with self.engine() as engine:
            admin.initialise(engine)
            admin.publish_form(engine, write_form(data_dir / "sync_e2e.xlsx"))

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "sync.server.cli", *args, "--data-dir", str(self.data_dir)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"diaspora-server {args[0]} failed: {done.stderr}"
        return done.stdout

    def start(self) -> None:
        log = (self.data_dir / "server.log").open("ab")
        command = [sys.executable, "-m", "sync.server.cli", "serve", "--data-dir", str(self.data_dir)]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"]
        if self.tls:
            command += ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])]
        self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 40.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError("the server exited: " + self.log_text()[-2000:])
            try:
                verify = str(self.tls[0]) if self.tls else True
                if requests.get(self.url + p.HEALTH_PATH, timeout=2, verify=verify).status_code == 200:
                    return
            except requests.ConnectionError:  # includes TLS handshakes before the server is up
                pass
            time.sleep(0.05)
        raise AssertionError("the server did not answer its health check in time")

    def kill(self) -> None:
        """kill -9: no shutdown handler runs, an uncommitted transaction simply vanishes."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_text(self) -> str:
        path = self.data_dir / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stats(self) -> dict[str, Any]:
        """The figures as the IT officer sees them: `diaspora-server stats --json`."""
        return dict(json.loads(self.cli("stats", "--json")))

    @contextmanager
    def engine(self) -> Iterator[Engine]:
        engine = make_engine(self.db_url)
        try:
            yield engine
        finally:
            engine.dispose()

    def publish_form(self, version: str) -> None:
        with self.engine() as engine:
            admin.publish_form(engine, write_form(self.data_dir / f"sync_e2e_v{version}.xlsx", version))

    def set_device_status(self, device_id: str, status: str) -> None:
        """What `diaspora-server device revoke|mark-lost` does, in-process (the verb is the server's test)."""
        with self.engine() as engine:
            admin.set_device_status(engine, device_id, status)

    def enrollment_code(self, label: str = "Laptop 3, Atlanta event") -> str:
        with self.engine() as engine:
            code, _ = admin.create_enrollment_code(engine, label, 1.0)
        return code


@contextmanager
def running_server(
    data_dir: Path, db_url: str | None = None, *, tls: tuple[Path, Path] | None = None
) -> Iterator[ServerProcess]:
    server = ServerProcess(data_dir, db_url, tls=tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()
