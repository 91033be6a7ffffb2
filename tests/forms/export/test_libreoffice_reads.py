"""LibreOffice opens our XLSX with every type intact (issue 13: the writer must be one that Excel,
LibreOffice and openpyxl all open). LibreOffice Calc, headless, reads the export and saves it again as
XLSX; openpyxl then reads LibreOffice's own file: the same sheets, texts (accents, a formula-looking
text kept as text), integers, decimals, dates and date-times. Skipped, saying so, where LibreOffice is
not installed (.ci/run installs Debian's libreoffice-calc-nogui)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from forms.export import export_records

from .conftest import FORMULA

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")


def _resaved_by_libreoffice(source: Path, out_dir: Path, profile: Path) -> Path:
    """LibreOffice's own XLSX of ``source`` (it reads ours, then writes its own file)."""
    assert SOFFICE is not None
    target_dir = out_dir / "libreoffice"
    target_dir.mkdir()
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(target_dir), str(source)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(profile)},
    )  # fmt: skip
    resaved = target_dir / source.name
    assert done.returncode == 0 and resaved.exists(), done.stdout + done.stderr
    return resaved


def _rows(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_libreoffice_reads_every_type(form, records, context, out_dir: Path, tmp_path: Path) -> None:
    ours = out_dir / "day.xlsx"
    export_records(form, records, context, out=ours, file_format="xlsx")
    theirs = openpyxl.load_workbook(_resaved_by_libreoffice(ours, out_dir, tmp_path / "profile"))
    mine = openpyxl.load_workbook(ours)
    assert theirs.sheetnames == mine.sheetnames
    main = theirs.sheetnames[0]
    rows = _rows(theirs[main])
    assert len(rows) == len(records)
    first = rows[0]
    assert first["identity/given_name"] == "Conceição" and first["identity/family_name"] == "N'Guessan"
    assert first["comments"] == FORMULA  # still a text, never a formula
    assert first["years_abroad"] == 12 and isinstance(first["years_abroad"], int)
    assert first["height_m"] == pytest.approx(1.72)
    assert first["identity/birth_date"] == dt.datetime(1980, 2, 3)
    assert first["arrived_at"] == dt.datetime(2026, 6, 13, 9, 58)
    assert first["skills/health"] == 1 and first["_index"] == 1
    assert rows[2]["city"] == "@SUM(1+1)"  # a formula-looking text stays text
    # every cell of every sheet, as openpyxl reads ours (the long answer, the links of the repeats)
    for name in mine.sheetnames:
        ours_cells = list(mine[name].iter_rows(values_only=True))
        their_cells = list(theirs[name].iter_rows(values_only=True))
        assert len(their_cells) == len(ours_cells), name
        for row, (expected, got) in enumerate(zip(ours_cells, their_cells, strict=True), start=1):
            width = max(len(expected), len(got))
            expected = tuple(expected) + (None,) * (width - len(expected))
            got = tuple(got) + (None,) * (width - len(got))
            assert [_same(a, b) for a, b in zip(expected, got, strict=True)] == [True] * width, (name, row)


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, float) or isinstance(got, float):
        return isinstance(got, int | float) and got == pytest.approx(expected)
    return expected == got or (expected in ("", None) and got in ("", None))
