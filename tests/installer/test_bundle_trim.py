"""The bundle's trimming rules (installer/bundle_trim.py): which Qt plugins ship on Linux, and which
shared libraries are dropped because no kept binary links to them."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "installer"))
from bundle_trim import drop_dangling_links, needed_libraries, prune_orphans, wanted

PLUGINS = "PySide6/Qt/plugins/"


@pytest.mark.parametrize(
    ("dest", "ships"),
    [
        (PLUGINS + "platforms/libqxcb.so", True),
        (PLUGINS + "platforms/libqwayland.so", True),
        (PLUGINS + "platforms/libqoffscreen.so", True),
        (PLUGINS + "platforms/libqvnc.so", False),  # would bring QtNetwork and Kerberos
        (PLUGINS + "platforms/libqeglfs.so", False),
        (PLUGINS + "platformthemes/libqgtk3.so", False),  # would bring GTK 3 and its stack
        (PLUGINS + "platformthemes/libqxdgdesktopportal.so", True),
        (PLUGINS + "imageformats/libqsvg.so", True),
        (PLUGINS + "imageformats/libqtiff.so", False),
        (PLUGINS + "imageformats/libqwebp.so", False),
        (PLUGINS + "iconengines/libqsvgicon.so", True),
        (PLUGINS + "platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        (PLUGINS + "generic/libqevdevmouseplugin.so", False),
        (PLUGINS + "egldeviceintegrations/libqeglfs-x11-integration.so", False),
        (PLUGINS + "sqldrivers/libqsqlite.so", False),
        (PLUGINS + "tls/libqopensslbackend.so", False),
        (PLUGINS + "wayland-shell-integration/libxdg-shell.so", True),
        (PLUGINS + "wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("pyxform/validators/odk_validate/bin/ODK_Validate.jar", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("resources/i18n/desktop_fr.qm", True),
    ],
)
def test_what_ships_on_linux(dest, ships):
    assert wanted(dest) is ships


def test_other_systems_keep_their_plugins():
    assert wanted("PySide6/plugins/platforms/qwindows.dll", linux=False)
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm", linux=False)


def test_libraries_no_kept_binary_needs_are_dropped_with_their_links():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/w/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        (PLUGINS + "platforms/libqxcb.so", "/w/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/w/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        # what only the dropped GTK theme needed
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/w/libQt6Network.so.6", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libpython3.12.so.1.0", "/py/libpython3.12.so.1.0", "BINARY"),
    ]
    imports = {
        "/w/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/w/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/w/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/w/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0", "libQt6Gui.so.6"],
        "/usr/lib/libgtk-3.so.0": ["libcairo.so.2"],
    }
    kept, dropped = prune_orphans(binaries, lambda source: imports.get(source, []))
    assert sorted(dropped) == [
        "PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6", "libcairo.so.2", "libgtk-3.so.0"
    ]  # fmt: skip
    assert ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK") in kept
    assert len(kept) + len(dropped) == len(binaries)


def test_libcups_comes_from_the_system():
    assert not wanted("libcups.so.2")
    assert wanted("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert wanted("libcups.so.2", linux=False)


def test_needed_libraries_reads_what_an_elf_file_links_to():
    import importlib.util
    from pathlib import Path

    qt = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt"
    xcb = qt / "plugins" / "platforms" / "libqxcb.so"
    if not xcb.is_file():
        pytest.skip("Linux Qt wheels only")
    needed = needed_libraries(xcb)
    assert "libQt6XcbQpa.so.6" in needed and "libc.so.6" in needed
    assert needed_libraries(REPO_ROOT / "installer" / "build.py") == []  # not ELF: nothing


def test_links_to_dropped_libraries_are_dropped_too():
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/fonts/DejaVuSans.ttf", "/r/DejaVuSans.ttf", "DATA"),
    ]
    kept, dropped = drop_dangling_links(datas, {"PySide6/Qt/lib/libQt6Core.so.6"})
    assert dropped == ["libQt6Network.so.6"]
    assert [dest for dest, _, _ in kept] == ["libQt6Core.so.6", "resources/fonts/DejaVuSans.ttf"]
