"""A file the import refuses whole is an ImportFileError naming a refusal code of the catalogue
(forms.importing.reasons.FILE_REFUSALS) and its values; the command line prints the catalogue's English
sentence filled in, exactly as it printed the sentences each raise site used to write itself."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from desktop.cli.main import main
from forms.importing import ImportFileError, limits, read_table
from forms.importing.reasons import FILE_REFUSALS, file_refusal, refusal_message


def refused(path: Path, sheet: str | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        list(read_table(path, sheet))
    return caught.value


def test_refusals_of_real_files_carry_their_code_and_values_and_the_sentence_printed_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "people.txt"
    text.write_text("given_name\nAma\n", encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("given_name\n" + "Ama\n" * 20_001, encoding="utf-8")
    long_cell = tmp_path / "long.csv"
    long_cell.write_text("a,b\n" + "1,2\n" * 1_500 + "1," + "z" * 40_000 + "\n", encoding="utf-8")
    twice = tmp_path / "twice.csv"
    twice.write_text("a,b,a\n1,2,3\n", encoding="utf-8")
    big = tmp_path / "big.csv"
    big.write_text("a\n" + "x" * (2 * limits.MIB), encoding="utf-8")

    found = [refused(path) for path in (text, rows, long_cell, twice)]
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", limits.MIB)
    found.append(refused(big))
    assert [(error.code, error.values) for error in found] == [
        ("not_a_spreadsheet", ("people.txt",)),
        ("too_many_rows", ("rows.csv", 20_000)),
        ("cell_too_long_at", ("long.csv", 1_502, 2, 32_767)),
        ("column_twice", ("twice.csv", "a")),
        ("file_too_big", ("big.csv", 1)),
    ]
    assert [str(error) for error in found] == [
        "cannot import people.txt: only .csv and .xlsx files can be imported",
        "rows.csv has more than 20,000 rows below the header (blank rows count too): "
        "split it into smaller files",
        "long.csv: row 1502, column 2 holds more than 32,767 characters, "
        "the most a spreadsheet cell can hold",
        "twice.csv: the column a appears twice in the header row",
        "big.csv is larger than 1 MB, the most one import reads: split it into smaller files",
    ]
    assert all(error.exit_code == 2 and file_refusal(error) == error.message for error in found)


@pytest.mark.parametrize(
    ("code", "values", "english"),
    [
        # Row and column numbers are written as a spreadsheet shows them, limits with their thousands.
        ("row_cell_too_long", ("a.csv", 12_345, 32_767),
         "a.csv: row 12345 holds more than 32,767 characters, the most a spreadsheet cell can hold"),
        ("value_beyond_columns", ("b.xlsx", 20_001, 256),
         "b.xlsx: row 20001 has a value beyond column 256, more columns than an import reads"),
        ("too_many_texts", ("c.xlsx", 1_000_000),
         "c.xlsx holds more than 1,000,000 different texts: split it into smaller files"),
        ("unpacks_too_big", ("d.xlsx", 160),
         "d.xlsx unpacks to more than 160 MB: split it into smaller files"),
        ("zip_bomb", ("e.xlsx", 100),
         "e.xlsx is compressed more than 100 times, as only a damaged or hostile file is (a zip bomb): "
         "it was not read"),
        ("no_index_column", ("f.xlsx", "Kids", "_parent_index", "_index"),
         "f.xlsx: the sheet Kids links its rows to the first sheet by _parent_index, but the first sheet "
         "has no _index column"),
        ("no_batch_name", (), "name the batch the records go into (the event or the consulate day)"),
        # A value holding a placeholder is never filled in again.
        ("row_not_csv", ("%2.csv", 7), "%2.csv: row 7 is not valid CSV"),
    ],
)  # fmt: skip
def test_the_english_sentence_is_the_catalogues_filled_in(
    code: str, values: tuple[str | int, ...], english: str
) -> None:
    error = ImportFileError(code, *values)
    assert str(error) == error.message == refusal_message(code, values) == english
    assert (error.code, error.values) == (code, values)


def test_a_refusal_is_named_by_a_known_code_with_as_many_values_as_its_sentence_takes() -> None:
    with pytest.raises(ValueError, match="not a refusal"):
        ImportFileError("the file is bad")
    with pytest.raises(ValueError, match="takes 2 values, not 1"):
        ImportFileError("too_many_rows", "rows.csv")
    assert "no_batch_name" in FILE_REFUSALS


def test_a_refusal_survives_a_copy_with_its_code_values_and_exit_code() -> None:
    error = ImportFileError("no_rows", "empty.csv", exit_code=1)
    for again in (copy.copy(error), pickle.loads(pickle.dumps(error))):
        assert (again.code, again.values, again.exit_code, again.message) == (
            "no_rows", ("empty.csv",), 1, "empty.csv has no rows to import: nothing was saved"
        )  # fmt: skip


def test_the_command_line_prints_the_same_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "people.txt"
    text.write_text("given_name\nAma\n", encoding="utf-8")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("given_name,shoe_size\nAma,41\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    printed = []
    for path in (text, unknown, empty):
        assert main(["import", str(path), "--check"]) == 2
        printed.append(capsys.readouterr().err)
    assert printed == [
        "diaspora-desk: cannot import people.txt: only .csv and .xlsx files can be imported\n",
        "diaspora-desk: unknown.csv: the column shoe_size is not a field of the form (the header row must "
        "hold the form's field names; see diaspora-desk import --template)\n",
        "diaspora-desk: empty.csv is empty\n",
    ]


def test_the_ways_figures_are_written_name_known_codes_and_placeholders() -> None:
    from forms.importing.reasons import _MEGABYTES, _ROW_OR_COLUMN, placeholders

    for table in (_ROW_OR_COLUMN, _MEGABYTES):
        for code, numbers in table.items():
            assert code in FILE_REFUSALS and all(1 <= n <= placeholders(code) for n in numbers), code
