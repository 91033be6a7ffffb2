"""Foreseeable file problems on the command line are one sentence and a usage exit code, not a trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.commands.export import read_password_file
from desktop.cli.main import main
from forms.errors import DeskError


def test_a_template_under_a_file_instead_of_a_folder_is_one_sentence(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["import", "--template", str(blocker / "template.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "cannot write the template" in err and "Traceback" not in err
    assert "unexpected internal error" not in err


def test_a_password_file_that_is_not_text_is_refused_without_quoting_it(tmp_path: Path) -> None:
    secret = tmp_path / "password.bin"
    secret.write_bytes(b"\xff\xfe s3cret")
    with pytest.raises(DeskError) as refused:
        read_password_file(secret)
    assert "cannot read the password file" in refused.value.message
    assert "s3cret" not in refused.value.message
