"""Fuzz the registry's JSON summary from the OpenAPI document: no 5xx, with and without a token."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.sync.registry.conftest import Registry
from tests.sync.registry.helpers import add_account, cli

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def test_fuzzing_the_summary_finds_no_server_error(sqlite_registry: Registry, tmp_path: Path) -> None:
    server = sqlite_registry.server
    add_account(server, "robot", "analyst")
    token = cli(server, "user", "token", "--username", "robot").stdout.strip().splitlines()[-1]
    for header in (f"Authorization: Bearer {token}", "Authorization: Bearer wrong"):
        command = [str(SCHEMATHESIS), "run", server.base_url + "/openapi.json"]
        command += ["--include-path", "/api/v1/registry/summary", "--checks", "not_a_server_error"]
        command += ["--max-examples", "20", "--header", header, "--workers", "1", "--seed", "15"]
        command += ["--generation-database", "none", "--no-color", "--report-dir", str(tmp_path)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout[-4000:]
        assert "Test cases:" in run.stdout
    assert "Traceback" not in server.log_text()
