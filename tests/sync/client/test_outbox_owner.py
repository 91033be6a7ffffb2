"""The outbox has one owner, the store (forms/store/outbox.py): sync never names the store's row classes.

import-linter (pyproject.toml) forbids `sync -> forms.store.schema`; this test also catches the rows
re-exported by `forms.store` itself (`from forms.store import OutboxRow`), which a module-level
contract cannot see.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sync

STORE_ROWS = frozenset({"AuditRow", "BatchRow", "OperatorRow", "OutboxRow", "RecordRow", "SettingRow"})
STORE_MODULES = frozenset({"forms.store", "forms.store.schema"})
# Destination settings (addresses, tokens) are settings rows, not the outbox; left to the schema work.
ALLOWED = {("sync/client/destinations/config.py", "SettingRow")}


def store_rows_named(source: str) -> set[str]:
    """The store row classes a module imports (from forms.store or forms.store.schema)."""
    named: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in STORE_MODULES:
            named |= {alias.name for alias in node.names if alias.name in STORE_ROWS}
    return named


def test_the_check_sees_a_row_import() -> None:
    assert store_rows_named("from forms.store import Store, OutboxRow\n") == {"OutboxRow"}
    assert store_rows_named("from forms.store.schema import RecordRow as R\n") == {"RecordRow"}
    assert store_rows_named("from forms.store import outbox\n") == set()


def test_sync_names_no_store_row() -> None:
    root = Path(sync.__file__).parent
    found = {
        (f"sync/{path.relative_to(root).as_posix()}", name)
        for path in sorted(root.rglob("*.py"))
        for name in store_rows_named(path.read_text(encoding="utf-8"))
    }
    assert found - ALLOWED == set(), "sync reads the outbox through forms.store.outbox, never its rows"
