"""Issue 14 item 7: secrets stay out of process lists and environments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.client.helpers import OPERATOR, PASSPHRASE, new_store
from tests.sync.server.helpers import RunningServer, enrollment_code, postgres_schema, running_server


def _desk(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DIASPORA_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def test_enroll_reads_the_code_from_stdin_or_a_file_never_needing_an_argument(
    sqlite_server: RunningServer, tmp_path: Path
) -> None:
    by_stdin, by_file = tmp_path / "laptop-1", tmp_path / "laptop-2"
    for folder in (by_stdin, by_file):
        new_store(folder).close()
    code_file = tmp_path / "code.txt"
    code_file.write_text(enrollment_code(sqlite_server) + "\n", encoding="utf-8")
    common = ["enroll", "--operator", OPERATOR, "--server", sqlite_server.base_url]

    piped = _desk(
        *common, "--data-dir", str(by_stdin), stdin=f"{PASSPHRASE}\n{enrollment_code(sqlite_server)}\n"
    )
    from_file = _desk(
        *common, "--data-dir", str(by_file), "--code-file", str(code_file), stdin=PASSPHRASE + "\n"
    )
    missing = _desk(*common, "--data-dir", str(tmp_path / "laptop-1"), "--replace", stdin=PASSPHRASE + "\n")

    assert piped.returncode == 0, piped.stderr
    assert from_file.returncode == 0, from_file.stderr
    assert "Enrolled with" in piped.stdout and "Enrolled with" in from_file.stdout
    assert (
        missing.returncode != 0 and "Enrolment code" in missing.stderr and "Traceback" not in missing.stderr
    )


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.postgres
def test_worker_processes_never_get_the_database_password_in_their_environment(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    password = "Pw" + os.urandom(6).hex()  # trust authentication on the test server ignores it
    with postgres_schema() as url:
        with_password = url.replace("postgres@", f"postgres:{password}@", 1)
        with running_server(tmp_path_factory.mktemp("server-env"), with_password, workers=2) as server:
            workers = [child for pid in _children(server.process.pid) for child in [pid, *_children(pid)]]
            seen = {
                pid: (Path(f"/proc/{pid}/environ").read_bytes(), Path(f"/proc/{pid}/cmdline").read_bytes())
                for pid in workers
            }
    assert len(seen) >= 2, "the server did not start two workers"
    for environ, cmdline in seen.values():
        assert password.encode() not in environ
        assert password.encode() not in cmdline
