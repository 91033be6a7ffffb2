"""Shared test set-up: offscreen Qt, and a fresh data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
# Real-world XLSForms kept beside the repository on the project's own machines (not in the clone):
# tests/forms/engine/test_shared_forms.py runs on them when they are there and is skipped otherwise;
# the project's own forms (tests/data/project_forms.py) cover the same features in every clone.
SHARED_XLSFORMS = Path(os.environ.get("DIASPORA_SHARED_XLSFORMS") or REPO_ROOT.parent / "shared" / "xlsforms")


def shared_xlsforms_present() -> bool:
    return SHARED_XLSFORMS.is_dir() and any(SHARED_XLSFORMS.glob("*.xls*"))


# `make test` runs the suite on several pytest-xdist workers (--dist loadgroup). Tests that share something
# outside their own tmp_path run on one worker, one after the other, as they do without xdist.
SHARED_WORKER = {
    "tests/installer/test_frozen_bundle.py": "frozen-bundle",  # builds build/dist/ in the checkout
    "tests/sync/hub/test_discovery.py": "mdns",  # two tests announce one fingerprint on loopback multicast
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = SHARED_WORKER.get(item.nodeid.split("::", 1)[0])
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "desk-data"
    return path
