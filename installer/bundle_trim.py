"""What the Linux bundle leaves out, as rules the PyInstaller spec applies (and the tests check).

PyInstaller's Qt hook collects every plugin of the modules we use, and each plugin's system
libraries; the GTK 3 platform theme alone drags in GTK, GDK, Cairo, Pango, ATK and their friends
(~20 MB), the CUPS print plugin libcups with GnuTLS, Kerberos and Avahi (~9 MB). ``wanted`` keeps
the plugins a laptop running this app loads and leaves out the libraries that must come from the
system (``SYSTEM_LIBRARIES``); ``prune_orphans`` then drops every shared library no kept binary
links to (following DT_NEEDED through the libraries that ship), and ``drop_dangling_links`` the
top-level links to what was dropped. docs/deployment.md lists what is left out and why.
Pure standard library (the spec imports it; so do the tests).
"""

from __future__ import annotations

import posixpath
import struct
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt plugin folder -> the plugin files kept (None: the whole folder; a folder not named: dropped).
QT_PLUGINS: dict[str, set[str] | None] = {
    # X11, Wayland, and offscreen (the tests and the smoke test); not the framebuffer/EGL/VNC ones
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"},
    # the desktop portal (file dialogs in sandboxes) but not GTK 3, which would bundle GTK itself
    "platformthemes": {"libqxdgdesktopportal.so"},
    "platforminputcontexts": None,  # compose keys (accents) and IBus input methods
    "iconengines": None,  # the SVG icon engine (the app icon is SVG)
    "imageformats": {"libqsvg.so", "libqjpeg.so"},  # PNG is built into QtGui; JPEG for QPdfWriter images
    "xcbglintegrations": None,
    "wayland-shell-integration": {"libxdg-shell.so"},  # what desktop compositors speak
    "wayland-decoration-client": None,  # window title bars on GNOME's Wayland
    "wayland-graphics-integration-client": {"libqt-plugin-wayland-egl.so"},
    "printsupport": None,  # printing receipts (CUPS), when QtPrintSupport is bundled
}
# Qt translation catalogues kept: the interface languages (en needs none).
QT_TRANSLATIONS = ("qt_fr", "qtbase_fr", "qt_pt", "qtbase_pt")
# Libraries taken from the laptop, never from the build machine: libcups must match the system's
# CUPS (its configuration and daemon); where it is missing, Qt simply offers no printers.
SYSTEM_LIBRARIES = {"libcups.so.2"}


def _path(dest: str) -> str:
    return dest.replace("\\", "/")


def qt_plugin_wanted(dest: str) -> bool:
    path = _path(dest)
    marker = "/Qt/plugins/"
    if marker not in path and not path.startswith("PySide6/Qt/plugins/"):
        return True
    folder, _, name = path.split("/plugins/", 1)[1].partition("/")
    if folder not in QT_PLUGINS:
        return False
    kept = QT_PLUGINS[folder]
    return kept is None or name in kept


def wanted(dest: str, linux: bool = True) -> bool:
    """Whether a collected file (its path inside the bundle) ships; the plugin rules are Linux's."""
    path = _path(dest)
    if linux and posixpath.basename(path) in SYSTEM_LIBRARIES:
        return False
    if "/Qt/translations/" in path or path.startswith("PySide6/Qt/translations"):
        return path.rsplit("/", 1)[-1].startswith(QT_TRANSLATIONS)
    if "pyxform/validators/" in path and path.endswith(".jar"):  # Java validators: no Java here
        return False
    return qt_plugin_wanted(path) if linux else True


def _is_root(dest: str, typecode: str) -> bool:
    """Binaries loaded by name at run time: Python extension modules, Qt plugins, libpython."""
    name = posixpath.basename(_path(dest))
    return typecode == "EXTENSION" or "/plugins/" in _path(dest) or name.startswith("libpython")


def prune_orphans(
    binaries: Iterable[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(kept entries, dropped destinations): shared libraries no kept binary needs are dropped.

    ``imports_of(source)`` gives the library names a binary links to (transitively or not: the
    closure is computed here). Symbolic links follow their target.
    """
    entries = list(binaries)
    files = [entry for entry in entries if entry[2] != "SYMLINK"]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in files:
        by_name.setdefault(posixpath.basename(_path(entry[0])), []).append(entry)
    kept: set[str] = set()
    queue = [entry for entry in files if _is_root(entry[0], entry[2])]
    while queue:
        dest, source, _ = queue.pop()
        if dest in kept:
            continue
        kept.add(dest)
        for name in imports_of(source):
            queue.extend(entry for entry in by_name.get(posixpath.basename(name), []) if entry[0] not in kept)
    result: list[tuple[str, str, str]] = []
    dropped: list[str] = []
    for dest, source, typecode in entries:
        target = dest
        if typecode == "SYMLINK":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(_path(dest)), _path(source)))
        if target in kept:
            result.append((dest, source, typecode))
        else:
            dropped.append(dest)
    return result, dropped


def needed_libraries(path: str | Path) -> list[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF file (what it links to directly)."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    (table,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, table + i * entry_size) for i in range(count)]
    names = []
    for _, kind, _, _, offset, size, link, _, _, _ in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                names.append(data[strings + value : data.index(b"\0", strings + value)].decode())
    return names


def drop_dangling_links(
    datas: Iterable[tuple[str, str, str]], files: set[str]
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(kept entries, dropped links): PyInstaller's top-level links whose target no longer ships."""
    kept: list[tuple[str, str, str]] = []
    dropped: list[str] = []
    for dest, source, typecode in datas:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(_path(dest)), _path(source)))
        if typecode == "SYMLINK" and target not in files:
            dropped.append(dest)
        else:
            kept.append((dest, source, typecode))
    return kept, dropped
