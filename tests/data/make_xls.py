"""Rebuild tests/data/tutorial.xls from TUTORIAL_XLS_SHEETS (needs xlwt, which the project does not
install: run it with any Python that has it, e.g. `python -m venv /tmp/x && /tmp/x/bin/pip install
xlwt openpyxl && /tmp/x/bin/python tests/data/make_xls.py`). The suite checks the file matches."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import xlwt

from tests.data.project_forms import TUTORIAL_XLS, TUTORIAL_XLS_SHEETS


def main() -> None:
    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in TUTORIAL_XLS_SHEETS.items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value != "":
                    sheet.write(r, c, value)
    book.save(str(TUTORIAL_XLS))
    print(f"wrote {TUTORIAL_XLS}")


if __name__ == "__main__":
    main()
