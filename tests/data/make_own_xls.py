"""Rebuild tests/data/own_form.xls, the programme form of tests/data/own_forms.py as an old-Excel .xls
(form_id ``health_return_xls``, version 3), for the test that a form published on the server as .xls
reaches the laptop and is kept. Needs xlwt, which the project does not install: run it with any Python
that has it (`python -m venv /tmp/x && /tmp/x/bin/pip install xlwt openpyxl && /tmp/x/bin/python
tests/data/make_own_xls.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import xlwt

from tests.data.own_forms import OWN_FORM_XLS, OWN_FORM_XLS_ID, programme_sheets


def main() -> None:
    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in programme_sheets(version="3", form_id=OWN_FORM_XLS_ID).items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value != "":
                    sheet.write(r, c, value)
    book.save(str(OWN_FORM_XLS))
    print(f"wrote {OWN_FORM_XLS}")


if __name__ == "__main__":
    main()
