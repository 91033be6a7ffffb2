"""Issue #11: no module under tests/ or bench/ imports from a test module (`test_*.py`). Shared fixtures
belong in a folder's conftest.py and plain helpers in a non-test module (tests/desktop/harness.py,
tests/cli/helpers.py, ...): importing a fixture from a test module needs `noqa: F401/F811`, runs that
module's autouse fixtures where nobody sees them, and makes a test module a dependency of others."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

# Imports from test modules not yet moved out, as (importing file, imported module): none left. Add none:
# new shared helpers go to conftest.py or a helper module.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


def _is_test_module(name: str) -> bool:
    return name.rsplit(".", 1)[-1].startswith("test_")


def imports_of_test_modules(root: Path) -> set[tuple[str, str]]:
    """(importing file, imported test module) for every import of a `test_*` module under root's tests/
    and bench/, at any depth in the file (inside functions too)."""
    found: set[tuple[str, str]] = set()
    for folder in ("tests", "bench"):
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            where = path.relative_to(root).as_posix()
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                for name in names:
                    if name.startswith("tests.") and _is_test_module(name):
                        found.add((where, name))
                        break
    return found


def test_no_module_imports_from_a_test_module() -> None:
    found = imports_of_test_modules(REPO_ROOT)
    new = sorted(found - ALLOWED)
    assert not new, "these import from a test module; move the shared fixture to conftest.py or the " + (
        "helper to a non-test module:\n" + "\n".join(f"  {where}: {module}" for where, module in new)
    )
    gone = sorted(ALLOWED - found)
    assert not gone, "these allowed imports are gone; remove them from ALLOWED:\n" + "\n".join(
        f"  {where}: {module}" for where, module in gone
    )
