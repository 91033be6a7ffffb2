"""Fixtures shared by the command-line tests (plain helpers are in helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.store.kdf import TEST_FAST_ENV
from tests.cli.helpers import PASSPHRASE, run


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key derivation's fast test setting; modules that want it for every test use
    `pytestmark = pytest.mark.usefixtures("fast_kdf")`."""
    monkeypatch.setenv(TEST_FAST_ENV, "1")


@pytest.fixture
def initialised(
    fast_kdf: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> str:
    """Returns the recovery code printed by init."""
    code, out, err = run(
        monkeypatch,
        capsys,
        f"{PASSPHRASE}\n{PASSPHRASE}\n",
        "init",
        "--data-dir",
        str(data_dir),
        "--operator",
        "amara",
    )
    assert code == 0, err
    assert "Recovery code" in out
    return out.strip().splitlines()[-1]
