"""Column layouts: header styles, sheet titles Excel accepts, languages, control characters."""

from __future__ import annotations

import openpyxl
import pytest

from forms.errors import DeskError
from forms.export import ColumnOptions, export_records
from forms.export.columns import Layouts, unique_title


def test_bare_field_names_without_group_paths(form):
    layouts = Layouts(form, ColumnOptions(group_paths=False), set())
    assert layouts.main.headers[:5] == ["start", "end", "given_name", "family_name", "birth_date"]
    assert layouts.sheets[1].headers[:2] == ["child_name", "child_birth_date"]


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert unique_title("A/B: what? [x]*", taken) == "A_B_ what_ _x__"
    long = "x" * 40
    first, second = unique_title(long, taken), unique_title(long, taken)
    assert len(first) == len(second) == 31 and first != second and second.endswith(" (2)")
    assert unique_title("Metadata", {"metadata"}) == "Metadata (2)"  # Excel ignores case


def test_unknown_language_is_refused_with_the_known_ones(form):
    with pytest.raises(DeskError, match="English \\(en\\), Français \\(fr\\), Português \\(pt\\)"):
        Layouts(form, ColumnOptions(language="de"), set())
    assert Layouts(form, ColumnOptions(language="Português"), set()).language == "Português (pt)"


def test_control_characters_are_removed_and_counted(form, records, context, out_dir):
    records[0].answers["city"] = "São\x07 Tomé\x00"
    export_records(form, records, context, out=out_dir / "day.xlsx")
    book = openpyxl.load_workbook(out_dir / "day.xlsx")
    sheet = book["Diaspora registration (test)"]
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headers.index("city") + 1).value == "São Tomé"
    metadata = {row[0]: row[1] for row in book["metadata"].iter_rows(values_only=True)}
    assert metadata["cells with control characters removed"] == 1
