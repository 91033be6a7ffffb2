"""Before Qt starts on Linux: are the system libraries of Qt's X11 (xcb) platform plugin there?

Qt 6.5+ needs libxcb-cursor0 and, on minimal installs, a few more xcb libraries; without them Qt
aborts with "Could not load the Qt platform plugin xcb" and a core dump. This check names the missing
libraries and the exact apt-get line in one sentence instead. It runs only when the platform will be
xcb (not offscreen, not a Wayland session), and does nothing on Windows and macOS.

No Qt here (and only the standard library): `make run` runs this file with the system Python before
the virtual environment exists (``python desktop/platform_check.py``), and the app calls
``problem()`` before it creates the QApplication, in a checkout and in the Linux bundle.

``DIASPORA_XCB_LIBRARIES="libname.so.N=package,..."`` replaces the list checked (tests point it at a
library that does not exist).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# soname -> Debian/Ubuntu package: what libqxcb.so and libQt6XcbQpa.so load (ldd on PySide6 6.x),
# beyond what any desktop with a C library has.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
OVERRIDE_VARIABLE = "DIASPORA_XCB_LIBRARIES"


def will_use_xcb(environ: Mapping[str, str] | None = None, system: str | None = None) -> bool:
    """Whether Qt will pick its X11 platform: the first of QT_QPA_PLATFORM, else not in a Wayland session."""
    environ = os.environ if environ is None else environ
    if not (system or sys.platform).startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip().lower()
        return first == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE", "").lower() == "wayland" and bool(
        environ.get("WAYLAND_DISPLAY")
    )
    return not wayland


def libraries_to_check(environ: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    environ = os.environ if environ is None else environ
    override = environ.get(OVERRIDE_VARIABLE, "").strip()
    if not override:
        return list(XCB_LIBRARIES)
    pairs = []
    for item in override.split(","):
        soname, _, package = item.strip().partition("=")
        if soname:
            pairs.append((soname, package or soname))
    return pairs


def _bundle_folders() -> list[Path]:
    """Where a frozen bundle keeps its own copies of libraries (the loader looks there first)."""
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return []
    return [Path(base), Path(base) / "PySide6" / "Qt" / "lib"]


def loadable(soname: str) -> bool:
    for folder in _bundle_folders():
        if (folder / soname).is_file():
            return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(libraries: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(soname, package) for soname, package in libraries if not loadable(soname)]


def describe_missing(missing: Sequence[tuple[str, str]], apt_available: bool) -> str:
    """One sentence: which libraries are missing, and the apt-get line that installs them."""
    names = [soname for soname, _ in missing]
    one = len(names) == 1
    listed = names[0] if one else ", ".join(names[:-1]) + " and " + names[-1]
    line = "sudo apt-get install " + " ".join(dict.fromkeys(package for _, package in missing))
    noun, verb = ("library", "is") if one else ("libraries", "are")
    what = f"the system {noun} {listed} that Qt needs on X11 {verb}"
    how = (
        f"install {'it' if one else 'them'} with '{line}'"
        if apt_available
        else f"install the {'package' if one else 'packages'} that provide{'s' if one else ''} "
        f"{'it' if one else 'them'} (on Debian or Ubuntu: '{line}')"
    )
    return f"Diaspora Desk cannot open its window: {what} missing; {how} and start it again."


def problem(environ: Mapping[str, str] | None = None) -> str | None:
    """None when Qt can start its platform here; otherwise the sentence to show (no Qt loaded yet)."""
    environ = os.environ if environ is None else environ
    if not will_use_xcb(environ):
        return None
    missing = missing_libraries(libraries_to_check(environ))
    if missing:
        return describe_missing(missing, apt_available=shutil.which("apt-get") is not None)
    if not environ.get("DISPLAY"):
        return (
            "Diaspora Desk cannot open its window: there is no X11 display (DISPLAY is not set); start it "
            "from a desktop session, or use its commands in a terminal (diaspora-desk --help)."
        )
    return None


def main() -> int:
    """`python desktop/platform_check.py`: exit 1 with the sentence on stderr, or 0 silently."""
    found = problem()
    if found:
        sys.stderr.write(found + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
