"""FormSession is used through its public methods: no code in desktop/, forms/ or the tests' helpers
outside its own module (forms/engine/session.py) reads or calls a session's underscore attribute
(`session._activate()`, `session._element(q, at)`).

A session is recognised by the name it is reached through (`session`, `self.session`,
`page.renderer.session`, `form_session`...), as the callers name it; the session's own module may use
its private parts.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

SESSION_MODULE = "forms/engine/session.py"
SCANNED = ("desktop", "forms", "tests")  # tests/: its helpers (tests/forms/engine/filler.py) too


def _reached_through(node: ast.expr) -> str:
    """The last name of what an attribute is read on: `page.renderer.session` -> "session"."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def private_session_uses(source: str) -> list[str]:
    """Every `<session>._name` of a module, as "line: expression"."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and "session" in _reached_through(node.value).lower()
        ):
            found.append((node.lineno, f"{node.lineno}: {ast.unparse(node)}"))
    return [use for _line, use in sorted(found)]


def private_uses_under(root: Path) -> list[str]:
    """The private session uses of every module of desktop/, forms/ and tests/ under root (its own module
    aside)."""
    found = []
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            name = path.relative_to(root).as_posix()
            if name != SESSION_MODULE:
                found += [f"{name}:{use}" for use in private_session_uses(path.read_text(encoding="utf-8"))]
    return found


def test_the_check_sees_a_private_use() -> None:
    source = (
        "session._activate()\n"
        "x = self.session._repeat_parent(q, at)\n"
        "page.renderer.session._invalid[e] = p\n"
        "session.visible('a')\n"  # public: fine
        "self._session = None\n"  # the holder's own attribute, not the session's
        "session.__class__\n"
    )
    assert private_session_uses(source) == [
        "1: session._activate",
        "2: self.session._repeat_parent",
        "3: page.renderer.session._invalid",
    ]


def test_the_check_sees_its_own_module_apart(tmp_path: Path) -> None:
    (tmp_path / "forms" / "engine").mkdir(parents=True)
    (tmp_path / "desktop").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / SESSION_MODULE).write_text("def f(session):\n    session._activate()\n", encoding="utf-8")
    page = "def g(session):\n    session._visible(1)\n"
    (tmp_path / "desktop" / "page.py").write_text(page, encoding="utf-8")
    filler = "def h(session, q):\n    return session.address(session._element(q, ()))\n"
    (tmp_path / "tests" / "filler.py").write_text(filler, encoding="utf-8")
    assert private_uses_under(tmp_path) == [
        "desktop/page.py:2: session._visible",
        "tests/filler.py:2: session._element",
    ]


def test_no_code_outside_the_session_module_uses_a_sessions_private_parts() -> None:
    found = private_uses_under(REPO_ROOT)
    assert found == [], "use FormSession's public methods (forms/engine/session.py): " + ", ".join(found)


PAGE_MODULE = "desktop/pages/registration/page.py"


def private_page_uses(source: str) -> list[str]:
    """Every `page._name` / `self.page._name` of a module (the registration page's helpers reach it as
    `page`): they use its public methods and signals, as BatchMenu's chosen/failed and SaveFlow's failed."""
    return [
        f"{node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and _reached_through(node.value) == "page"
    ]


def test_the_page_check_sees_a_private_use() -> None:
    source = "page._store_failed(e)\nself.page._batch_opened\npage.chain_tab_order()\nself._page = p\n"
    assert sorted(private_page_uses(source)) == ["1: page._store_failed", "2: self.page._batch_opened"]


def test_the_registration_pages_helpers_use_its_public_surface() -> None:
    found = []
    for path in sorted((REPO_ROOT / "desktop").rglob("*.py")):
        name = path.relative_to(REPO_ROOT).as_posix()
        if name != PAGE_MODULE:
            found += [f"{name}:{use}" for use in private_page_uses(path.read_text(encoding="utf-8"))]
    assert found == [], "use the page's public methods or signals: " + ", ".join(found)


SAVE_FLOW_MODULE = "desktop/pages/registration/saving.py"


def page_reaches(source: str) -> list[str]:
    """Every way a module reaches the registration page: a name or attribute `page`, or an import of
    its module. SaveFlow is given its inputs (the lane, a SaveRequest) and answers with signals."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id == "page":
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr == "page":
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and node.module == PAGE_MODULE[:-3].replace("/", "."):
            found.append(f"{node.lineno}: from {node.module} import ...")
    return sorted(set(found), key=lambda use: (int(use.split(":")[0]), use))


def test_the_reach_check_sees_the_page() -> None:
    source = (
        "from desktop.pages.registration.page import RegistrationPage\n"
        "page = self.page\n"
        "self.parent_widget.show()\n"  # a widget it was given: fine
    )
    assert page_reaches(source) == [
        "1: from desktop.pages.registration.page import ...",
        "2: page",
        "2: self.page",
    ]


def test_the_save_flow_never_reaches_into_the_page() -> None:
    found = page_reaches((REPO_ROOT / SAVE_FLOW_MODULE).read_text(encoding="utf-8"))
    assert found == [], "SaveFlow takes a SaveRequest and emits saved/refused/declined/failed: " + ", ".join(
        found
    )
