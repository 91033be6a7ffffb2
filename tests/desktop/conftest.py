"""Desktop test set-up: compiled translations (as `make resources` builds them) and a fast key derivation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    # `make test` compiles them first; a direct pytest run should not depend on having done so.
    subprocess.run([sys.executable, str(REPO_ROOT / "resources" / "build.py")], check=True)


@pytest.fixture
def english(qapp, compiled_translations):
    """The English catalogue installed, as the app does at start (it holds the plural forms)."""
    from desktop.i18n import LanguageController

    languages = LanguageController(qapp)
    languages.switch_to("en")
    yield languages
    languages.switch_to("en")
