"""Guard against the PySide6 6.12.0 / CPython < 3.12 trap: each void call drops a reference to None and
the interpreter aborts ("Fatal Python error: none_dealloc") after a few thousand calls.

Runs in a child process so an abort is reported as a failure instead of killing the test session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    for i in range(20_000):
        label.setText("x")
    for i in range(15_000):
        label.update()
    for i in range(15_000):
        app.processEvents()
    print("50000 void calls ok")
    """
)


def test_fifty_thousand_void_calls_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=240
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert "50000 void calls ok" in result.stdout
