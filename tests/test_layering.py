"""The layering rule, executed: every module of forms/ and sync/ imports with PySide6 made unimportable.

import-linter (run by `make lint`) checks static imports; this also catches imports done at run time.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO_ROOT

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("Qt is not allowed outside desktop/: " + name)
            return None

    sys.meta_path.insert(0, BlockQt())
    count = 0
    for package_name in ("forms", "sync"):
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if ".migrations" in info.name:  # Alembic scripts run inside Alembic, not on import
                continue
            importlib.import_module(info.name)
            count += 1
    assert not any(m.split(".")[0] == "PySide6" for m in sys.modules), "PySide6 got imported"
    print("imported", count)
    """
)


def test_forms_and_sync_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported")


def test_the_blocker_does_fail_on_qt() -> None:
    # Control: the same blocker must refuse a Qt import, or the test above proves nothing.
    script = SCRIPT.split("count = 0")[0] + "import PySide6.QtCore\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Qt is not allowed" in result.stderr
