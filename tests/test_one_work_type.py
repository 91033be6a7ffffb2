"""Issue 11: long work (an export, an import, a sync pass, the dialogs and the command line running them)
is cancelled and followed through one type, forms.work.Work. Export had a CancelToken, import a
Callable[[], bool], sync (and the event hub's relay) a threading.Event and the GUI's PassControl; this
keeps a second kind from coming back."""

from __future__ import annotations

import ast

from tests.conftest import REPO_ROOT

# Where long work is run or driven.
SCANNED = (
    "forms", "sync/client", "sync/hub/relay.py", "desktop/cli", "desktop/dialogs", "desktop/widgets",
    "desktop/controllers",
)  # fmt: skip
WORK_MODULE = "forms/work.py"
CANCEL_NAMES = {"cancel", "cancelled", "canceled", "cancel_token", "stop", "stopped", "should_stop"}
CANCEL_METHODS = {"is_set", "cancelled", "raise_if_cancelled"}  # "was it cancelled?" asked of it


def _files() -> list[tuple[str, str]]:
    found = []
    for folder in SCANNED:
        top = REPO_ROOT / folder
        for path in [top] if top.suffix == ".py" else sorted(top.rglob("*.py")):
            name = path.relative_to(REPO_ROOT).as_posix()
            if name != WORK_MODULE:
                found.append((name, path.read_text(encoding="utf-8")))
    return found


def second_cancel_kinds(name: str, source: str) -> list[str]:
    """What in one module cancels long work otherwise than through forms.work.Work."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr == "Event":
            if isinstance(node.value, ast.Name) and node.value.id == "threading":
                found.append(f"{where} threading.Event")
        elif isinstance(node, ast.ImportFrom) and node.module == "threading":
            if any(alias.name == "Event" for alias in node.names):
                found.append(f"{where} from threading import Event")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            for argument in arguments:
                text = ast.unparse(argument.annotation) if argument.annotation is not None else ""
                if "Callable[[], bool]" in text or (
                    argument.arg in CANCEL_NAMES and text and "Work" not in text
                ):
                    found.append(f"{where} {node.name}({argument.arg}: {text})")
        elif isinstance(node, ast.ClassDef):
            methods = {
                item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
            bases = {ast.unparse(base) for base in node.bases}
            if methods & CANCEL_METHODS and not bases & {"Work", "forms.work.Work"}:
                found.append(f"{where} class {node.name} with {sorted(methods & CANCEL_METHODS)}")
    return found


def test_long_work_is_cancelled_through_forms_work_only() -> None:
    files = _files()
    assert len(files) > 100  # the scan reached the modules
    found = [kind for name, source in files for kind in second_cancel_kinds(name, source)]
    assert found == []


def test_the_scan_finds_each_former_kind() -> None:
    """The kinds issue 11 named, as they were written, are each found."""
    former = """
import threading
from collections.abc import Callable

class CancelToken:
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

def check_table(form, table, cancelled: Callable[[], bool] | None = None): ...

def run(self, cancel: threading.Event | None = None):
    cancel = cancel or threading.Event()
"""
    found = second_cancel_kinds("old.py", former)
    assert any("class CancelToken" in kind for kind in found)
    assert any("check_table(cancelled" in kind for kind in found)
    assert any("run(cancel" in kind for kind in found)
    assert any(kind.endswith("threading.Event") for kind in found)


def test_progress_is_not_told_once_the_work_is_cancelled() -> None:
    """A dialog closed mid-run cancels its work and deletes itself: a progress report after that would
    reach a deleted widget (RuntimeError instead of the cancelled error, and no export_cancelled audit)."""
    from forms.work import Cancelled, Work

    told: list[tuple[int, int | None, str]] = []
    work = Work(progress=lambda done, total, message: told.append((done, total, message)))
    work.progress(1, 10, "first")
    work.cancel()
    work.progress(2, 10, "after the cancel")
    assert told == [(1, 10, "first")]
    try:
        work.raise_if_cancelled()
    except Cancelled:
        pass
    else:
        raise AssertionError("a cancelled work must raise when asked")
