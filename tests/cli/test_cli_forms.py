"""`diaspora-desk forms add | list [--json] | retire` through the real entry point: the store is opened
like every verb (--data-dir, --operator, passphrase on standard input)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from forms.store import Store
from forms.store.kdf import TEST_FAST_ENV
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form

PASSPHRASE = "lagoon mango twelve quiet"


@pytest.fixture
def store_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    store.close()
    return data_dir


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = PASSPHRASE + "\n") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_add_list_retire(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--data-dir", str(store_dir), "--operator", "amara"]
    form = write_programme_form(tmp_path / "return.xlsx", version="3")
    assert run(["forms", "add", str(form), *common], monkeypatch) == 0
    assert "Added Health worker return (health_return, version 3)" in capsys.readouterr().out
    assert run(["forms", "add", str(form), *common], monkeypatch) == 0
    assert "already in the form library" in capsys.readouterr().out
    assert run(["forms", "list", "--json", *common], monkeypatch) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(f["form_id"], f["version"], f["origin"]) for f in listed] == [
        ("diaspora_registration", listed[0]["version"], "shipped"),
        (PROGRAMME_FORM_ID, "3", "added"),
    ]
    assert listed[1]["title"] == "Health worker return"
    assert run(["forms", "retire", PROGRAMME_FORM_ID, *common], monkeypatch) == 0
    capsys.readouterr()
    assert run(["forms", "list", *common], monkeypatch) == 0
    assert PROGRAMME_FORM_ID not in capsys.readouterr().out


def test_a_refused_form_is_one_sentence_and_a_wrong_passphrase_opens_nothing(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--data-dir", str(store_dir), "--operator", "amara"]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    code = run(["forms", "add", str(bad), *common], monkeypatch)
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and "bad.xlsx" in err
    good = write_programme_form(tmp_path / "good.xlsx")
    assert run(["forms", "add", str(good), *common], monkeypatch, "wrong passphrase\n") != 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_library_form_through_demo_data_import_export_and_back(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from forms.library import batch_form
    from forms.store.batches import list_batches

    common = ["--data-dir", str(store_dir), "--operator", "amara"]
    assert run(["forms", "add", str(write_programme_form(tmp_path / "f.xlsx")), *common], monkeypatch) == 0
    demo = tmp_path / "demo.xlsx"
    argv = ["demo-data", "--form", PROGRAMME_FORM_ID, "--count", "50", "--seed", "5", "--out", str(demo)]
    assert run([*argv, *common], monkeypatch) == 0
    book = load_workbook(demo, read_only=True)
    assert book.sheetnames == ["Health worker return", "child"]
    children = sum(1 for _ in book["child"].iter_rows(min_row=2))
    book.close()
    assert 50 <= children <= 150
    argv = ["import", str(demo), "--form", PROGRAMME_FORM_ID, "--batch", "Gbarnga day", *common]
    assert run(argv, monkeypatch) == 0, capsys.readouterr()
    assert "Imported 50 records into batch Gbarnga day (Health worker return)." in capsys.readouterr().out
    store = Store.unlock(store_dir, "amara", PASSPHRASE)
    try:
        (batch,) = list_batches(store)
        assert batch_form(store, batch.id).form_id == PROGRAMME_FORM_ID
    finally:
        store.close()
    # the open batch keeps its form: the shipped one is refused
    argv = ["import", str(demo), "--form", "diaspora_registration", "--batch", "Gbarnga day", *common]
    assert run(argv, monkeypatch) == 2
    assert "is filled with the form health_return" in capsys.readouterr().err
    exported = tmp_path / "export.xlsx"
    assert (
        run(["export", "--all", "--form", PROGRAMME_FORM_ID, "--out", str(exported), *common], monkeypatch)
        == 0
    )
    assert "Exported 50 records" in capsys.readouterr().out
    book = load_workbook(exported, read_only=True)
    assert sum(1 for _ in book["child"].iter_rows(min_row=2)) == children
    book.close()
    # an export re-imports, repeats included
    argv = ["import", str(exported), "--form", PROGRAMME_FORM_ID, "--batch", "Again", *common]
    assert run(argv, monkeypatch) == 0, capsys.readouterr()
    again = tmp_path / "again.xlsx"
    assert (
        run(["export", "--all", "--form", PROGRAMME_FORM_ID, "--out", str(again), *common], monkeypatch) == 0
    )
    book = load_workbook(again, read_only=True)
    assert sum(1 for _ in book["child"].iter_rows(min_row=2)) == 2 * children
    book.close()


def test_the_template_of_a_form_with_repeats_has_a_sheet_per_repeat_and_imports_when_filled(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    common = ["--data-dir", str(store_dir), "--operator", "amara"]
    assert run(["forms", "add", str(write_programme_form(tmp_path / "f.xlsx")), *common], monkeypatch) == 0
    template = tmp_path / "template.xlsx"
    assert (
        run(["import", "--template", str(template), "--form", PROGRAMME_FORM_ID, *common], monkeypatch) == 0
    )
    book = load_workbook(template)
    assert book.sheetnames[1:] == ["Choices", "child"]
    main, child = book.worksheets[0], book["child"]
    headers = [c.value for c in main[1]]
    assert headers[:2] == ["worker_name", "licence_no"] and headers[-1] == "_index"
    assert [c.value for c in child[1]] == ["child_name", "child_age", "_index", "_parent_index"]
    row = {"worker_name": "Musu Kollie", "licence_no": "LR-1234", "cadre": "nurse", "years_abroad": 3,
           "county": "nimba", "district": "ganta", "_index": 1}  # fmt: skip
    main.append([row.get(h) for h in headers])
    child.append(["Kofi", 4, 1, 1])
    child.append(["Ama", 17, 2, 1])
    book.save(template)
    argv = ["import", str(template), "--form", PROGRAMME_FORM_ID, "--batch", "Ganta day", *common]
    assert run(argv, monkeypatch) == 0, capsys.readouterr()
    store = Store.unlock(store_dir, "amara", PASSPHRASE)
    try:
        from forms.store.search import search

        (summary,) = search(store, "")
        from forms.store.records import latest_version

        answers = latest_version(store, summary.record_id).answers
    finally:
        store.close()
    assert [c["child_name"] for c in answers["child"]] == ["Kofi", "Ama"]
    # a child of 18 is refused, naming the repeat instance
    child.cell(row=3, column=2, value=18)
    book.save(template)
    argv = ["import", str(template), "--form", PROGRAMME_FORM_ID, "--batch", "Ganta day 2", *common]
    capsys.readouterr()
    assert run(argv, monkeypatch) == 1
    assert "child[2]/child_age" in capsys.readouterr().out


def test_importing_into_a_store_with_a_form_file_not_in_the_library_says_to_add_it(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--data-dir", str(store_dir), "--operator", "amara"]
    form = write_programme_form(tmp_path / "return.xlsx")
    demo = tmp_path / "demo.xlsx"
    assert run(["demo-data", "--form", str(form), "--count", "3", "--out", str(demo)], monkeypatch, "") == 0
    assert run(["import", str(demo), "--form", str(form), "--check"], monkeypatch, "") == 0
    capsys.readouterr()
    assert run(["import", str(demo), "--form", str(form), "--batch", "Day", *common], monkeypatch) == 2
    assert "add it first (diaspora-desk forms add" in capsys.readouterr().err
