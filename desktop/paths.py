"""Where the bundled resources (fonts, compiled translations) live, in a checkout and in a frozen bundle.

PyInstaller unpacks data files under ``sys._MEIPASS``; the installer spec copies ``resources/`` there
under the same name, so one lookup serves both cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return _CHECKOUT_ROOT / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "i18n"
