"""Build the Linux bundle: compile resources, run PyInstaller (one-folder), pack a tar.gz with a .desktop
entry and an install script. Prints the bundle size and the build time, and writes them to
build/installer-report.json with the 20 largest files and what the spec left out (and the megabytes
that saved: build/installer-trim.json, written by the spec).

Usage: make installer   (or: .venv/bin/python installer/build.py [--skip-pyinstaller])
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
BUNDLE = DIST / "diaspora-desk"
LINUX = ROOT / "installer" / "linux"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_files(path: Path, count: int = 20) -> list[dict[str, object]]:
    files = [f for f in path.rglob("*") if f.is_file() and not f.is_symlink()]
    files.sort(key=lambda f: f.stat().st_size, reverse=True)
    return [{"path": str(f.relative_to(path)), "mb": round(f.stat().st_size / 1e6, 2)} for f in files[:count]]


def compile_resources() -> None:
    subprocess.run([sys.executable, str(ROOT / "resources" / "build.py")], check=True)


def run_pyinstaller() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "work"),
            str(ROOT / "installer" / "diaspora_desk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )


def add_linux_integration() -> None:
    shutil.copy2(LINUX / "diaspora-desk.desktop", BUNDLE / "diaspora-desk.desktop")
    shutil.copy2(LINUX / "install.sh", BUNDLE / "install.sh")
    shutil.copy2(ROOT / "resources" / "icons" / "diaspora-desk.svg", BUNDLE / "diaspora-desk.svg")


def pack_tarball(version: str) -> Path:
    machine = platform.machine() or "x86_64"
    tarball = DIST / f"diaspora-desk-{version}-linux-{machine}.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(BUNDLE, arcname=f"diaspora-desk-{version}")
    return tarball


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-pyinstaller", action="store_true", help="re-pack an existing bundle only")
    args = parser.parse_args()
    version = importlib.metadata.version("diaspora-desk")
    started = time.perf_counter()
    try:
        compile_resources()
        if not args.skip_pyinstaller:
            run_pyinstaller()
    except subprocess.CalledProcessError as error:
        print(f"installer build failed: {' '.join(map(str, error.cmd[:4]))} exited with {error.returncode}")
        return 1
    add_linux_integration()
    build_seconds = time.perf_counter() - started
    tarball = pack_tarball(version)
    report = {
        "version": version,
        "bundle": str(BUNDLE.relative_to(ROOT)),
        "bundle_mb": round(folder_size(BUNDLE) / 1e6, 1),
        "tarball": str(tarball.relative_to(ROOT)),
        "tarball_mb": round(tarball.stat().st_size / 1e6, 1),
        "build_seconds": round(build_seconds, 1),
        "goal_bundle_mb": 150,
        "largest_files": largest_files(BUNDLE),
    }
    trim = BUILD / "installer-trim.json"
    if trim.is_file():
        report["left_out"] = json.loads(trim.read_text())
    (BUILD / "installer-report.json").write_text(json.dumps(report, indent=2))
    print(
        f"bundle {report['bundle']}: {report['bundle_mb']} MB "
        f"(goal < 150 MB: {'met' if report['bundle_mb'] < 150 else 'NOT met'}), "
        f"tar.gz {report['tarball_mb']} MB, built in {report['build_seconds']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
