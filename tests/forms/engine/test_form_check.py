"""`forms check` lists every problem of a form in one run, each with sheet/row/column, what is wrong and
what to change; `forms check --fix OUT.xlsx` repairs the mechanical ones and says each change."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.cli.main import main
from forms.engine import load_form
from forms.engine.form_check import check_workbook
from tests.forms.engine.xlsform import workbook_bytes

SURVEY = [
    ["type", "name", "label", "relevant", "calculation"],
    ["begin group", "meta", "Metadata", None, None],
    ["text", "a", "A", None, None],
    ["end group", None, None, None, None],
    ["text", "b", "B", None, None],
    ["text", "b", "B again", None, None],
    ["select_one yn", "c", "C", "fancy(${b})", None],
    ["Select one from source", "d", "D", None, None],
    ["calculate", "e", None, None, "${e} + 1"],
]
CHOICES = [["list_name", "name", "label"], ["yn", "y", "Yes"], ["yn", "n", "No"], ["yn", "y", "Yes too"]]
ROOT = Path(__file__).resolve().parents[3]
FIXABLE_ONLY = [
    ["type", "name", "label"],
    ["begin group", "meta", "Metadata"],
    ["text", "a", "A"],
    ["end group", None, None],
    ["begin group", "g", "G"],
    ["text", "b", "B"],
    ["text", "b", "B again"],
    ["end group", None, None],
    ["select_one yn", "c", "C"],
]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(workbook_bytes(SURVEY, CHOICES))
    return path


def test_every_problem_in_one_run_in_sheet_order(broken):
    report = check_workbook(broken.read_bytes(), broken.name)
    assert report.definition is None
    where = [(i.sheet, i.row, i.column) for i in report.issues]
    assert where == [
        ("survey", 2, "B ('name')"),
        ("survey", 6, "B ('name')"),
        ("survey", 7, "D ('relevant')"),
        ("survey", 8, "A ('type')"),
        ("survey", 9, "E ('calculation')"),
        ("choices", 4, "B ('name')"),
    ]
    assert [i.fixable for i in report.issues] == [True, True, False, False, False, True]
    sentences = [i.sentence() for i in report.issues]
    assert (
        "a group may not be named 'meta'" in sentences[0]
        and "rename it (for example 'meta_group')" in sentences[0]
    )
    assert "the name 'b' is used twice in the same group" in sentences[1] and "'b_2'" in sentences[1]
    assert "the function fancy() is not known" in sentences[2]
    assert "'Select one from source' is not an XLSForm type" in sentences[3]
    assert "refers to its own value" in sentences[4]
    assert "allow_choice_duplicates = yes" in sentences[5] and "(first on row 2)" in sentences[5]


def test_the_cli_prints_them_all_and_exits_1(broken, capsys):
    assert main(["forms", "check", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 7 and all(line.startswith("sheet '") for line in lines[:6])
    assert lines[-1] == (
        "The form 'broken.xlsx' cannot be loaded: 6 problems listed above "
        "(3 can be repaired with --fix OUT.xlsx)."
    )


def test_fix_writes_a_repaired_copy_and_says_each_change(tmp_path, capsys):
    source = tmp_path / "mine.xlsx"
    source.write_bytes(workbook_bytes(FIXABLE_ONLY, CHOICES))
    out = tmp_path / "mine-fixed.xlsx"
    assert main(["forms", "check", str(source), "--fix", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "changed: sheet 'survey', row 2: the group 'meta' is renamed 'meta_group'." in printed
    assert "changed: sheet 'survey', row 7: the second 'b' is renamed 'b_2'" in printed
    assert "changed: sheet 'settings': allow_choice_duplicates = yes" in printed
    assert "ok: " in printed
    form = load_form(out)
    assert {q.name for q in form.question("g").children} == {"b", "b_2"}
    assert form.question("meta_group").kind == "group"
    book = openpyxl.load_workbook(out)
    assert book["survey"]["B7"].value == "b_2" and book["survey"]["C7"].value == "B again"
    assert openpyxl.load_workbook(source)["survey"]["B7"].value == "b"  # the original is untouched


def test_fix_leaves_what_needs_a_person_and_reports_it(broken, tmp_path, capsys):
    out = tmp_path / "fixed.xlsx"
    assert main(["forms", "check", str(broken), "--fix", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("changed: ") == 3
    assert "fancy()" in captured.err and "Select one from source" in captured.err
    assert "3 problems listed above." in captured.err


def test_fix_refuses_to_overwrite_the_form_or_write_another_format(broken, capsys):
    assert main(["forms", "check", str(broken), "--fix", str(broken)]) == 1
    assert "another file name" in capsys.readouterr().err
    assert main(["forms", "check", str(broken), "--fix", str(broken.with_suffix(".xls"))]) == 1
    assert "ending in .xlsx" in capsys.readouterr().err


def test_a_sound_form_needs_no_repair(tmp_path, capsys):
    source = tmp_path / "ok.xlsx"
    source.write_bytes(workbook_bytes([["type", "name", "label"], ["text", "a", "A"]]))
    assert main(["forms", "check", str(source), "--fix", str(tmp_path / "out.xlsx")]) == 0
    assert "nothing to repair mechanically" in capsys.readouterr().out
    assert not (tmp_path / "out.xlsx").exists()


def _with_validation_extension(data: bytes) -> bytes:
    """The survey sheet with an Excel data-validation extension (Kobo and Excel write them), which
    openpyxl warns about while reading the rows."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(
                    b"</worksheet>",
                    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
                    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                    b'<x14:dataValidations count="0"/></ext></extLst></worksheet>',
                )
            target.writestr(item, body)
    return out.getvalue()


@pytest.mark.parametrize("fix", [False, True])
def test_no_library_warning_reaches_the_terminal(tmp_path, fix):
    path = tmp_path / "validated.xlsx"
    path.write_bytes(_with_validation_extension(workbook_bytes(
        [["type", "name", "label"], ["text", "a", "A"], ["text", "a", "A again"]]
    )))  # fmt: skip
    command = [sys.executable, "-m", "desktop.cli.main", "forms", "check", str(path)]
    if fix:
        command += ["--fix", str(tmp_path / "fixed.xlsx")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    expected = "the second 'a' is renamed 'a_2'" if fix else "the name 'a' is used twice"
    assert expected in done.stderr + done.stdout
    assert "Warning" not in done.stderr and "warn(" not in done.stderr
