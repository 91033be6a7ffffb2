"""The verbs as an IT officer runs them: `diaspora-desk enroll` and `diaspora-desk sync` as processes,
checked with `diaspora-server stats --json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.store import Store
from sync.client.state import load_device
from tests.sync.client.helpers import OPERATOR, PASSPHRASE
from tests.sync.e2e.desk_cli import desk, laptop_with_records
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess, postgres_schema, running_server


@pytest.mark.slow  # ~30-50 s on a loaded 2-core box: 2,000 records, PostgreSQL, two CLI processes
@pytest.mark.postgres
def test_enrol_then_sync_2000_records_gives_exactly_2000_on_postgres(tmp_path: Path) -> None:
    laptop = tmp_path / "laptop"
    laptop_with_records(laptop, 2000, bulk=True)
    with postgres_schema() as url, running_server(tmp_path / "server", url) as server:
        code = server.enrollment_code()
        enrolled = desk(
            "enroll",
            "--data-dir",
            str(laptop),
            "--operator",
            OPERATOR,
            "--server",
            server.url,
            "--code",
            code,
        )
        assert enrolled.returncode == 0, enrolled.stderr
        assert "Enrolled with" in enrolled.stdout
        with FaultProxy(server.port) as proxy:
            proxy.add(Fault("refuse"), Fault("swallow"))
            synced = desk("sync", "--data-dir", str(laptop), "--operator", OPERATOR, "--server", proxy.url)
            assert proxy.log.faults_applied == ["refuse", "swallow"]
        assert synced.returncode == 0, synced.stderr
        assert "2000 accepted" in synced.stdout and "0 still waiting" in synced.stdout
        figures = server.stats()
    assert figures["distinct_records"] == 2000
    assert figures["versions"] == 2000
    assert figures["conflicts"] == 0


def test_sync_exits_non_zero_when_the_server_cannot_be_reached(tmp_path: Path, server: ServerProcess) -> None:
    laptop = tmp_path / "laptop"
    laptop_with_records(laptop, 3)
    enrolled = desk(
        "enroll",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--server",
        server.url,
        "--code",
        server.enrollment_code(),
    )
    assert enrolled.returncode == 0, enrolled.stderr
    with FaultProxy(server.port) as proxy:
        proxy.add(Fault("refuse", path="/"))
        failed = desk(
            "sync",
            "--data-dir",
            str(laptop),
            "--operator",
            OPERATOR,
            "--server",
            proxy.url,
            "--attempts",
            "1",
        )
    assert failed.returncode != 0
    assert "could not be reached" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert "3 still waiting" in failed.stdout


def test_enrol_refuses_plain_http_to_another_machine_and_a_used_code(
    tmp_path: Path, server: ServerProcess
) -> None:
    laptop = tmp_path / "laptop"
    laptop_with_records(laptop, 1)
    refused = desk(
        "enroll",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--server",
        "http://sync.example.org",
        "--code",
        "ABCD-EFGH",
    )
    assert refused.returncode != 0 and "https" in refused.stderr
    code = server.enrollment_code()
    first = desk(
        "enroll", "--data-dir", str(laptop), "--operator", OPERATOR, "--server", server.url, "--code", code
    )
    assert first.returncode == 0, first.stderr
    again = desk(
        "enroll",
        "--data-dir",
        str(laptop),
        "--operator",
        OPERATOR,
        "--server",
        server.url,
        "--code",
        code,
        "--replace",
    )
    assert again.returncode != 0 and "already used" in again.stderr
    store = Store.unlock(laptop, OPERATOR, PASSPHRASE)
    try:
        device = load_device(store)
    finally:
        store.close()
    assert device is not None and device.usable  # the failed second enrolment changed nothing
