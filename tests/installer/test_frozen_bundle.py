"""The frozen Linux bundle works on its own: SQLCipher, the translations and the forms are inside.

Builds the PyInstaller one-folder bundle (installer/build.py) unless an up-to-date one exists, then
drives the frozen binary the way an IT officer would: init, demo-data, import, export, and the GUI
opened on that store and closed (offscreen). Marked slow; `make test` and CI run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from filelock import FileLock

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

BUNDLE = REPO_ROOT / "build" / "dist" / "diaspora-desk"
CLI = BUNDLE / "diaspora-desk"
SOURCE_DIRS = ("forms", "sync", "desktop", "resources", "installer")
PASSPHRASE = "frozen bundle passphrase 42"


def newest_source_mtime() -> float:
    newest = 0.0
    for folder in SOURCE_DIRS:
        for path in (REPO_ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".ts", ".xlsx", ".spec", ".txt", ".ttf"}:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    # One build at a time: two pytest-xdist workers building at once share PyInstaller's binary cache
    # (~/.cache/pyinstaller) and corrupt it ("strip: invalid operation"); the second finds it built.
    (REPO_ROOT / "build").mkdir(exist_ok=True)
    with FileLock(REPO_ROOT / "build" / "bundle.lock", timeout=900):
        if not CLI.exists() or CLI.stat().st_mtime < newest_source_mtime():
            result = subprocess.run(
                [sys.executable, str(REPO_ROOT / "installer" / "build.py")],
                cwd=REPO_ROOT,
                capture_output=True,
                text=True,
                timeout=900,
            )
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            assert "MB" in result.stdout  # the build prints the bundle size and build time
    return BUNDLE


def frozen_env(tmp_path: Path) -> dict[str, str]:
    # No project sources on the path: the frozen binary must find everything inside the bundle.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), TMPDIR=str(tmp_path))
    return env


def run(args: list[str], env: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], input=stdin, capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_the_frozen_binary_registers_imports_exports_and_opens_the_gui(bundle: Path, tmp_path: Path) -> None:
    env = frozen_env(tmp_path)
    data = tmp_path / "store"
    login = ["--data-dir", str(data), "--operator", "amara"]

    created = run(["init", *login], env, tmp_path, stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert created.returncode == 0, created.stderr
    assert "recovery" in created.stdout.lower()

    demo = tmp_path / "demo.csv"
    made = run(["demo-data", "--count", "40", "--seed", "7", "--out", str(demo)], env, tmp_path)
    assert made.returncode == 0, made.stderr
    assert len(demo.read_text(encoding="utf-8-sig").splitlines()) == 41  # header + 40 rows

    imported = run(
        ["import", str(demo), *login, "--batch", "Frozen bundle day"], env, tmp_path, PASSPHRASE + "\n"
    )
    assert imported.returncode == 0, imported.stderr

    status = run(["status", *login, "--json"], env, tmp_path, PASSPHRASE + "\n")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["records"] == 40

    out = tmp_path / "export.xlsx"
    exported = run(
        ["export", *login, "--all", "--format", "xlsx", "--out", str(out)], env, tmp_path, PASSPHRASE + "\n"
    )
    assert exported.returncode == 0, exported.stderr
    workbook = openpyxl.load_workbook(out, read_only=True)
    first_sheet = workbook[workbook.sheetnames[0]]
    assert sum(1 for _ in first_sheet.iter_rows()) == 41
    assert "dictionary" in workbook.sheetnames

    # Without a verb the same launcher opens the GUI on that store (the unlock screen), here in French.
    gui_env = dict(env, DIASPORA_SMOKE_TEST="1", DIASPORA_LANGUAGE="fr")
    shown = subprocess.run(
        [str(CLI), "--data-dir", str(data)], capture_output=True, text=True, env=gui_env, timeout=120
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert "smoke: shown UnlockWindow" in shown.stdout
    assert "language=fr translated=yes" in shown.stdout


def test_the_bundle_leaves_out_server_and_test_libraries(bundle: Path) -> None:
    internal = bundle / "_internal"
    for unwanted in ("fastapi", "uvicorn", "schemathesis", "pytest", "psycopg"):
        assert not (internal / unwanted).exists(), unwanted
    assert any((internal / "resources" / "i18n").glob("*_fr.qm"))
    assert any((internal / "forms" / "definitions").glob("*.xlsx"))


def test_the_bundle_is_under_150_mb_and_ships_the_icu_subset(bundle: Path) -> None:
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files)
    assert size < 150e6, f"bundle is {size / 1e6:.1f} MB"
    icu = next((bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    assert icu.stat().st_size < 8e6  # the subset, not Qt's 32 MB library
    internal = bundle / "_internal"
    for left_out in ("libgtk-3.so.0", "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "lxml/objectify"):
        assert not any(internal.glob(left_out + "*")), left_out


def test_the_launcher_names_missing_x11_libraries_before_qt_starts(bundle: Path, tmp_path: Path) -> None:
    env = dict(
        frozen_env(tmp_path),
        QT_QPA_PLATFORM="xcb",
        DISPLAY=":0",
        DIASPORA_XCB_LIBRARIES="libdiaspora-no-such-library.so.7=libdiaspora-no-such-library7",
    )
    command = [str(CLI), "--data-dir", str(tmp_path / "store")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("diaspora-desk: Diaspora Desk cannot open its window: the system library ")
    assert "'sudo apt-get install libdiaspora-no-such-library7'" in lines[0]
    assert "qt.qpa" not in result.stderr and not (tmp_path / "store").exists()
