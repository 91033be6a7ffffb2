"""Shared test set-up: offscreen Qt, and a fresh data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_XLSFORMS = REPO_ROOT.parent / "shared" / "xlsforms"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "desk-data"
    return path
