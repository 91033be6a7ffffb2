"""Plain helpers shared by the command-line tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import io

import pytest

from desktop.cli.main import main

PASSPHRASE = "blue river stone lamp"


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
