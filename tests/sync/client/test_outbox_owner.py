"""The store's rows are private (issue 11): outside forms/store/, no module of forms, sync or desktop names
the store's row classes; callers use the store's query functions (the outbox: forms/store/outbox.py).

import-linter (pyproject.toml) forbids importing `forms.store.schema` outside the store; this test also
catches the rows re-exported by `forms.store` itself (`from forms.store import OutboxRow`), which a
module-level contract cannot see. Tests and bench/ may name them (they fill and inspect stores).
"""

from __future__ import annotations

import ast

from tests.conftest import REPO_ROOT

STORE_ROWS = frozenset({"AuditRow", "BatchRow", "OperatorRow", "OutboxRow", "RecordRow", "SettingRow"})
STORE_MODULES = frozenset({"forms.store", "forms.store.schema"})
CALLERS = ("forms", "sync", "desktop")
STORE_FOLDER = "forms/store/"


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


def test_no_caller_names_a_store_row() -> None:
    found = {
        (name, row)
        for folder in CALLERS
        for path in sorted((REPO_ROOT / folder).rglob("*.py"))
        if not (name := path.relative_to(REPO_ROOT).as_posix()).startswith(STORE_FOLDER)
        for row in store_rows_named(path.read_text(encoding="utf-8"))
    }
    assert found == set(), "callers use the store's query functions, never its rows"
