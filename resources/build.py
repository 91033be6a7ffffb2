"""Build generated resources: compile the Qt Linguist sources (i18n/*.ts) into .qm files.

Run by `make run`, `make test` and the installer build; the .qm files are not checked in.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def lrelease_path() -> Path:
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise SystemExit(f"lrelease not found at {tool}: reinstall PySide6-Essentials")
    return tool


def compile_translations() -> list[Path]:
    sources = sorted((HERE / "i18n").glob("*.ts"))
    built = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            built.append(qm)
            continue
        subprocess.run([str(lrelease_path()), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    compile_translations()
