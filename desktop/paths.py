"""Where things live on disk: the default data folder, and the bundled resources (fonts, compiled
translations) in a checkout and in a frozen bundle.

Shared by the GUI and the command line, so no Qt here (``desktop.cli`` must run without PySide6).
PyInstaller unpacks data files under ``sys._MEIPASS``; the installer spec copies ``resources/`` there
under the same name, so one lookup serves both cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "DiasporaDesk"

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def default_data_dir() -> Path:
    """The platform's user data folder: where the store lives unless ``--data-dir`` names another."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return _CHECKOUT_ROOT / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "i18n"
