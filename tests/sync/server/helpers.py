"""Real server processes for tests: a fresh PostgreSQL schema or SQLite folder, `diaspora-server` on loopback.

Reusable by the client's tests: `running_server(...)`, `enrollment_code(...)`, `EnrolledDevice`.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import psycopg
import requests
from sqlalchemy import Engine

from sync import protocol as p
from sync.server import admin
from sync.server.db import SQLITE_FILENAME, database_url, make_engine

PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TEST_FORM_ID = "server_test"


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir.resolve() / SQLITE_FILENAME}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def postgres_schema(*, keep: bool = False) -> Iterator[str]:
    """A fresh schema in the test database; yields a SQLAlchemy URL whose search_path is that schema.
    ``keep``: left in place afterwards (bench/registry.py --keep measures it again later)."""
    schema = f"dd_server_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        if not keep:
            with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def cli_env(database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DIASPORA_SERVER_DATABASE_URL")}
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run_cli(
    args: Sequence[str], env: dict[str, str], *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )
    if check and done.returncode != 0:
        raise AssertionError(f"diaspora-server {args[0]} failed: {done.stderr}")
    return done


@dataclass
class RunningServer:
    base_url: str
    data_dir: Path
    env: dict[str, str]
    admin_token: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run_cli([args[0], *args[1:], "--data-dir", str(self.data_dir)], self.env, check=check)

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stats(self) -> dict[str, Any]:
        with self.engine() as engine:
            return admin.stats(engine)

    @contextmanager
    def engine(self) -> Iterator[Engine]:
        """The server's database, opened in the test process (faster than a CLI process per admin step)."""
        engine = make_engine(self.env.get("DATABASE_URL") or database_url(self.data_dir))
        try:
            yield engine
        finally:
            engine.dispose()


def write_test_form(path: Path, version: str = "1") -> Path:
    """A small XLSForm: a required name and an age between 0 and 130."""
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "required", "constraint"])
    survey.append(["text", "full_name", "Full name", "yes", "string-length(.) <= 100"])
    survey.append(["integer", "age", "Age", "", ". >= 0 and . <= 130"])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append([TEST_FORM_ID, version, "Server test form"])
    book.save(path)
    return path


@contextmanager
def running_server(
    data_dir: Path,
    database_url: str | None = None,
    *,
    workers: int = 1,
    publish_form: bool = True,
    tls: tuple[Path, Path] | None = None,
    enrol_failures: int = 1000,
    initialised: bool = False,
) -> Iterator[RunningServer]:
    """`diaspora-server serve` in a subprocess on a free loopback port; `tls` = (certfile, keyfile).
    ``initialised``: the database was initialised before (bench/registry.py --reuse); no admin token."""
    env = cli_env(database_url)
    data_dir.mkdir(parents=True, exist_ok=True)
    # init and publish run in-process (fast); the CLI verbs themselves are tested in test_cli.py.
    engine = make_engine(database_url or sqlite_url(data_dir))
    try:
        admin_token = admin.initialise(engine)
        assert admin_token is not None or initialised
        if publish_form:
            admin.publish_form(engine, write_test_form(data_dir / "server_test.xlsx"))
    finally:
        engine.dispose()
    port = free_port()
    log_path = data_dir / "server.log"
    with log_path.open("wb") as log_file:
        command = [sys.executable, "-m", "sync.server.cli", "serve", "--data-dir", str(data_dir)]
        command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
        command += ["--enrol-failures", str(enrol_failures)]
        if tls is not None:
            command += ["--certfile", str(tls[0]), "--keyfile", str(tls[1])]
        process = subprocess.Popen(
            command,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    scheme = "https" if tls else "http"
    server = RunningServer(
        f"{scheme}://127.0.0.1:{port}", data_dir, env, admin_token or "", process, log_path
    )
    try:
        _wait_healthy(server, verify=str(tls[0]) if tls else True)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(server: RunningServer, timeout: float = 60.0, verify: str | bool = True) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited: {server.log_text()[-2000:]}")
        try:
            if requests.get(server.base_url + p.HEALTH_PATH, timeout=2, verify=verify).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not answer its health check in time")


def enrollment_code(server: RunningServer, label: str = "Laptop 3, Atlanta event", hours: float = 24) -> str:
    """A one-time code made in-process (the CLI verb itself is tested in test_cli.py)."""
    with server.engine() as engine:
        code, _ = admin.create_enrollment_code(engine, label, hours)
    return code


def hand_over(server: RunningServer, from_device: str, to_device: str) -> None:
    """What `diaspora-server device hand-over --from A --to B` records, done in-process."""
    with server.engine() as engine:
        admin.hand_over(engine, from_device, to_device, decided_by="test supervisor")


def enrollment_code_by_cli(server: RunningServer, label: str, hours: float = 24) -> str:
    out = server.cli("enrollment-code", "--label", label, "--expires-hours", str(hours), "--no-qr").stdout
    match = re.search(r": ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})", out)
    assert match, out
    return match.group(1)


@dataclass
class EnrolledDevice:
    """A laptop as the server sees it: enrolled, with a credential and a signing key."""

    base_url: str
    device_id: str
    credential: str
    key: Any
    next_sequence: int = field(default=1)

    @classmethod
    def enroll(cls, server: RunningServer, label: str = "Laptop") -> EnrolledDevice:
        key = p.generate_device_key()
        code = enrollment_code(server, label)
        answer = requests.post(
            server.base_url + p.ENROLL_PATH, json=p.enroll_request(code, key, "host"), timeout=10
        )
        assert answer.status_code == 200, answer.text
        enrolled = p.parse_enroll_response(answer.json())
        return cls(server.base_url, enrolled.device_id, enrolled.credential, key)

    def record(
        self,
        answers: dict[str, Any] | None = None,
        *,
        record_id: str | None = None,
        version_id: str | None = None,
        replaces: str | None = None,
        form_version: str = "1",
        deleted: bool = False,
    ) -> p.WireRecord:
        sequence = self.next_sequence
        self.next_sequence += 1
        version = version_id or str(uuid.uuid4())
        return p.WireRecord(
            record_id=record_id or str(uuid.uuid4()),
            version_id=version,
            sequence=sequence,
            form_id=TEST_FORM_ID,
            form_version=form_version,
            answers=answers if answers is not None else {"full_name": f"Person {sequence}", "age": 30},
            replaces=replaces,
            deleted=deleted,
            created_at=p.now_iso(),
        )

    def build(self, records: Sequence[p.WireRecord], batch_id: str | None = None) -> p.EncodedBatch:
        return p.build_batch(
            device_id=self.device_id, records=records, private_key=self.key, batch_id=batch_id
        )

    def post(self, batch: p.EncodedBatch, *, credential: str | None = None) -> requests.Response:
        headers = {**batch.headers, **p.auth_headers(credential or self.credential)}
        return requests.post(self.base_url + p.BATCHES_PATH, data=batch.body, headers=headers, timeout=60)

    def send(self, records: Sequence[p.WireRecord]) -> p.BatchResponse:
        answer = self.post(self.build(records))
        assert answer.status_code == 200, answer.text
        return p.parse_batch_response(answer.json())

    def get(self, path: str) -> requests.Response:
        return requests.get(self.base_url + path, headers=p.auth_headers(self.credential), timeout=10)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost (the client pins it as its CA bundle)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = folder / "server.crt", folder / "server.key"
    certfile.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return certfile, keyfile
