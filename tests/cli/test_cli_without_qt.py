"""The command line runs without Qt: `diaspora-desk init` and `status` with PySide6 made unimportable.

import-linter's contract ("desktop.cli does not import PySide6") checks static imports; this runs the
verbs in a process where any Qt import fails, so an import done at run time is caught too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from forms.store.kdf import TEST_FAST_ENV
from tests.conftest import REPO_ROOT

PASSPHRASE = "blue river stone lamp"

# Runs `diaspora-desk ARGS...` (from sys.argv) with a meta-path finder that refuses PySide6/shiboken6.
BLOCKED_CLI = textwrap.dedent(
    """
    import sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("Qt is not allowed in the command line: " + name)
            return None

    sys.meta_path.insert(0, BlockQt())
    from desktop.cli.main import main

    code = main(sys.argv[1:])
    assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules), "Qt got imported"
    sys.exit(code)
    """
)


def _run_blocked(data_dir: Path, stdin: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, TEST_FAST_ENV: "1"}
    env.pop("DIASPORA_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", BLOCKED_CLI, "--data-dir", str(data_dir), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )


def test_init_and_status_run_with_pyside6_blocked(data_dir: Path) -> None:
    created = _run_blocked(data_dir, f"{PASSPHRASE}\n{PASSPHRASE}\n", "init", "--operator", "amara")
    assert created.returncode == 0, created.stderr
    assert "Created the encrypted store" in created.stdout

    status = _run_blocked(data_dir, f"{PASSPHRASE}\n", "status", "--operator", "amara")
    assert status.returncode == 0, status.stderr
    assert "people registered (saved records): 0" in status.stdout


def test_the_blocker_does_stop_the_gui(data_dir: Path) -> None:
    # Control: without a verb the CLI starts the GUI, which needs Qt; the blocker must make that fail,
    # or the test above proves nothing.
    started = _run_blocked(data_dir, "")
    assert started.returncode != 0
    assert "ImportError" in started.stderr
