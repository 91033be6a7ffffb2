"""`diaspora-desk import` and `diaspora-desk demo-data`, run through the real command line entry point."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli.commands.import_records import PHASE_WORDS
from desktop.cli.main import main
from desktop.cli.progress import TerminalProgress
from forms.store import Store
from forms.store.batches import list_batches
from forms.store.kdf import TEST_FAST_ENV
from forms.store.search import count

PASSPHRASE = "lagoon mango twelve quiet"


@pytest.fixture
def store_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    store.close()
    return data_dir


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def records_in(data_dir: Path) -> int:
    store = Store.unlock(data_dir, "amara", PASSPHRASE)
    try:
        return count(store)
    finally:
        store.close()


def import_argv(path: Path, data_dir: Path) -> list[str]:
    return ["import", str(path), "--data-dir", str(data_dir), "--operator", "amara", "--batch", "Paris day"]


def test_demo_data_then_import_saves_every_row(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.csv"
    assert run(["demo-data", "--count", "15", "--seed", "4", "--out", str(demo)], monkeypatch) == 0
    assert "15" in capsys.readouterr().out
    assert run(import_argv(demo, store_dir), monkeypatch, PASSPHRASE + "\n") == 0
    assert "Imported 15 records into batch Paris day." in capsys.readouterr().out
    assert records_in(store_dir) == 15


def test_one_bad_row_exits_1_imports_nothing_and_reports_row_and_column(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.csv"
    assert run(["demo-data", "--count", "8", "--seed", "9", "--out", str(demo)], monkeypatch) == 0
    with demo.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    canary = "17/13/1999"
    rows[4]["birth_date"] = canary  # the sixth line of the file, counting the header
    with demo.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    capsys.readouterr()
    assert run(import_argv(demo, store_dir), monkeypatch, PASSPHRASE + "\n") == 1
    out, err = capsys.readouterr()
    assert out.strip() == (
        "row 6, column birth_date: no such month: months go from 1 to 12 (expected YYYY-MM-DD or DD/MM/YYYY)"
    )
    assert "Nothing was imported: 1 of 8 rows were rejected" in err
    assert canary not in out + err
    assert records_in(store_dir) == 0


def test_check_only_needs_no_store_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.xlsx"
    assert run(["demo-data", "--count", "5", "--seed", "2", "--out", str(demo)], monkeypatch) == 0
    capsys.readouterr()
    assert run(["import", str(demo), "--check"], monkeypatch) == 0
    assert "All 5 rows are valid" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("given_name,sex\nAma,woman\n", encoding="utf-8")
    assert run(["import", str(bad), "--check"], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "row 2, column sex: not one of the allowed values" in out
    assert "woman" not in out


def test_template_is_written_without_a_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "template.xlsx"
    assert run(["import", "--template", str(out)], monkeypatch) == 0
    header = [cell.value for cell in load_workbook(out).worksheets[0][1]]
    assert {"given_name", "family_name", "birth_date", "phone", "skills_sector"} <= set(header)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["import"], "name the .csv or .xlsx file"),
        (["import", "missing.csv", "--operator", "amara", "--batch", "x"], "does not exist"),
        (["import", "x.csv", "--template", "t.xlsx"], "not both"),
        (["demo-data", "--count", "0", "--out", "d.csv"], "between 1"),
        (["demo-data", "--count", "3", "--out", "d.json"], ".csv or .xlsx"),
    ],
)
def test_usage_mistakes_get_one_sentence_and_exit_2(
    argv: list[str],
    words: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(argv, monkeypatch) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_an_unknown_column_is_refused_before_anything_is_saved(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("given_name,family_nam\nAma,Owusu\n", encoding="utf-8")
    assert run(import_argv(path, store_dir), monkeypatch, PASSPHRASE + "\n") == 2
    assert "family_nam is not a field of the form" in capsys.readouterr().err
    assert records_in(store_dir) == 0


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only() -> None:
    terminal = FakeTerminal()
    progress = TerminalProgress(terminal, PHASE_WORDS)
    for done in range(1, 201):
        progress(done, 200, "checking")
    progress.finish()
    text = terminal.getvalue()
    assert text.startswith("\rChecking rows: 1/200") and "\rChecking rows: 200/200 (100%)" in text
    assert text.count("\r") <= 101 and text.endswith("\n")
    piped = io.StringIO()
    quiet = TerminalProgress(piped, PHASE_WORDS)
    quiet(1, 2, "checking")
    quiet.finish()
    assert piped.getvalue() == ""


def xxe_workbook(path: Path) -> Path:
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["given_name"])
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/workbook.xml"].decode()
    xml = xml.replace("<workbook", '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook', 1)
    parts["xl/workbook.xml"] = xml.replace('name="Sheet"', 'name="&x;"').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["xxe", "header"])
def test_hostile_files_are_one_sentence_and_exit_2_never_70_and_no_batch_is_left(
    store_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    """Issue 14 items 13-14: XXE in workbook.xml was a TypeError (exit 70); a huge header line took a
    minute and 1.6 GB; and each refused import left an empty open batch."""
    if kind == "xxe":
        path = xxe_workbook(tmp_path / "people.xlsx")
    else:
        path = tmp_path / "people.csv"
        path.write_text("given_name," * 100_000 + "\nAma\n", encoding="utf-8")
    capsys.readouterr()
    assert run(import_argv(path, store_dir), monkeypatch, PASSPHRASE + "\n") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err
    assert "DTD" in err if kind == "xxe" else "header row is longer than 65,536 characters" in err
    assert run(["import", str(path), "--check"], monkeypatch) == 2
    store = Store.unlock(store_dir, "amara", PASSPHRASE)
    try:
        assert list_batches(store) == []
    finally:
        store.close()


@pytest.mark.slow
def test_killed_imports_leave_no_batch_behind(store_dir: Path, tmp_path: Path) -> None:
    """Issue 14 item 14: 20 imports killed with SIGKILL left 20 empty open batches."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from forms.demo_data import write_demo_file
    from forms.engine import load_form, shipped_form_path
    from tests.conftest import REPO_ROOT

    path = tmp_path / "demo.csv"
    write_demo_file(load_form(shipped_form_path()), path, 400, seed=8)
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), TEST_FAST_ENV: "1"}
    for delay in (0.5, 1.5, 3.0, 5.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli.main", *import_argv(path, store_dir)],
            cwd=REPO_ROOT, env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert process.stdin is not None
        process.stdin.write((PASSPHRASE + "\n").encode())
        process.stdin.close()
        time.sleep(delay)  # somewhere in unlocking, reading, checking or saving
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    store = Store.unlock(store_dir, "amara", PASSPHRASE)
    try:
        batches = list_batches(store)
        assert all(batch.records > 0 for batch in batches), batches  # never an empty batch
        assert count(store) % 400 == 0  # each import whole or nothing
    finally:
        store.close()
