"""Fuzz the API from its OpenAPI document (schemathesis): no 5xx, and no operation ignores authentication."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.server.helpers import EnrolledDevice, RunningServer, postgres_schema, running_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def _fuzz(server: RunningServer, max_examples: int, report_dir: Path) -> subprocess.CompletedProcess[str]:
    device = EnrolledDevice.enroll(server, "Fuzzing laptop")
    command = [str(SCHEMATHESIS), "run", server.base_url + "/openapi.json"]
    command += ["--checks", "not_a_server_error,ignored_auth", "--max-examples", str(max_examples)]
    command += [
        "--header",
        f"Authorization: Bearer {device.credential}",
        "--workers",
        "1",
        "--seed",
        "20261124",
    ]
    command += ["--generation-database", "none", "--no-color", "--report-dir", str(report_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def test_a_short_fuzzing_run_finds_no_server_error(sqlite_server: RunningServer, tmp_path: Path) -> None:
    run = _fuzz(sqlite_server, 15, tmp_path)
    assert run.returncode == 0, run.stdout[-4000:]
    assert "Test cases:" in run.stdout and " passed" in run.stdout
    assert "Traceback" not in sqlite_server.log_text()


@pytest.mark.slow
@pytest.mark.postgres
def test_a_longer_fuzzing_run_on_postgres_finds_no_server_error(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    with postgres_schema() as url, running_server(tmp_path_factory.mktemp("fuzz-pg"), url) as server:
        run = _fuzz(server, 100, tmp_path)
        assert run.returncode == 0, run.stdout[-4000:]
        assert "Traceback" not in server.log_text()
