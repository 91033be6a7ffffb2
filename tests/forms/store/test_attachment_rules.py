"""One owner for the rules of attached files (forms.store.attachments): the 10 MB bound is defined once,
and the content address (the first 20 hex digits of the SHA-256, a dot, an extension) is written nowhere
else, so the desk, the sync client, the event hub and the server cannot drift apart."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

from forms.store import attachments
from sync import protocol as p

ROOT = Path(__file__).resolve().parents[3]
OWNER = Path("forms/store/attachments.py")
PACKAGES = ("forms", "sync", "desktop")
# the address rule written out again: a SHA-256 hex digest cut at 20, or the stored-name pattern
_REWRITTEN = (re.compile(r"hexdigest\(\)\s*\[\s*:\s*20\s*\]"), re.compile(r"\[0-9a-f\]\{20\}"))


def _sources(root: Path) -> list[tuple[Path, str]]:
    return [
        (path.relative_to(root), path.read_text(encoding="utf-8"))
        for package in PACKAGES
        for path in sorted((root / package).rglob("*.py"))
    ]


def bound_definitions(root: Path) -> list[Path]:
    """The modules that assign MAX_ATTACHMENT_BYTES (an import is not a definition)."""
    found: list[Path] = []
    for relative, source in _sources(root):
        for node in ast.walk(ast.parse(source)):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign):
                targets = [node.target]
            if any(isinstance(t, ast.Name) and t.id == "MAX_ATTACHMENT_BYTES" for t in targets):
                found.append(relative)
    return found


def address_rewritten(root: Path) -> list[Path]:
    """The modules other than the owner that write the content-address rule out themselves."""
    return [
        relative
        for relative, source in _sources(root)
        if relative != OWNER and any(pattern.search(source) for pattern in _REWRITTEN)
    ]


def test_the_file_bound_is_defined_once_and_the_protocol_uses_it() -> None:
    assert bound_definitions(ROOT) == [OWNER]
    assert p.MAX_ATTACHMENT_BYTES is attachments.MAX_ATTACHMENT_BYTES


def test_no_module_but_the_owner_writes_the_content_address_rule() -> None:
    assert address_rewritten(ROOT) == []


def test_the_helpers_name_and_recognise_a_file_by_its_bytes() -> None:
    content = b"\xff\xd8\xff\xe0 a photo"
    name = attachments.stored_name(content, "jpg")
    assert name == hashlib.sha256(content).hexdigest()[:20] + ".jpg"
    assert attachments.is_attachment_name(name)
    assert attachments.name_matches(name, content)
    assert attachments.name_matches_digest(name, hashlib.sha256(content).hexdigest())
    assert not attachments.name_matches(name, content + b"!")
    assert not attachments.name_matches_digest(name + "\n", hashlib.sha256(content).hexdigest())
    assert attachments.check_attachment("image", "photo.jpeg", content) == (name, "image/jpeg")
