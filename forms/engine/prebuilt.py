"""Shipped forms carry their XForm, converted when they are built: the app starts without pyxform.

``forms/definitions/<name>.xform.xml`` records the SHA-256 of the workbook it was converted from;
it is used only when that matches the workbook byte for byte, so it can never be stale. Forms
brought by supervisors are always converted by pyxform.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .loader import run_pyxform

DEFINITIONS = Path(__file__).resolve().parent.parent / "definitions"
_MARK = re.compile(r"<!-- built from sha256 ([0-9a-f]{64})")


def prebuilt_path(xlsform: Path) -> Path:
    return xlsform.with_suffix(".xform.xml")


def write_prebuilt(xlsform: Path) -> Path:
    data = xlsform.read_bytes()
    declaration, _, body = run_pyxform(data, xlsform.name).partition("?>")
    digest = hashlib.sha256(data).hexdigest()
    mark = f"<!-- built from sha256 {digest} of {xlsform.name}; do not edit -->"
    text = f"{declaration}?>\n{mark}\n{body.lstrip()}"
    path = prebuilt_path(xlsform)
    path.write_text(text, encoding="utf-8")
    return path


def shipped_xform_for(data: bytes) -> str | None:
    """The stored XForm of whichever shipped workbook ``data`` is byte for byte (a form published on
    the server or sent by sync as bytes), or None: then pyxform must convert it."""
    digest = hashlib.sha256(data).hexdigest()
    for path in sorted(DEFINITIONS.glob("*.xform.xml")):
        with path.open(encoding="utf-8") as handle:
            mark = _MARK.search(handle.read(400))
        if mark is not None and mark.group(1) == digest:
            return path.read_text(encoding="utf-8")
    return None


def read_prebuilt(xlsform: Path, data: bytes) -> str | None:
    """The stored XForm for a shipped workbook, or None (not shipped, missing, or out of date)."""
    path = prebuilt_path(xlsform)
    if path.resolve().parent != DEFINITIONS or not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    mark = _MARK.search(text[:400])
    if mark is None or mark.group(1) != hashlib.sha256(data).hexdigest():
        return None
    return text
