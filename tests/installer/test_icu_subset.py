"""The bundle's ICU data subset (installer/icu_subset.py): the package format is rebuilt byte for byte,
the hand-written library carries it under Qt's symbol, it is a seventh of the size, and Qt, loading
it instead of its own, gives the same collation, case mapping and time-zone names (a control without
collation data shows the check can fail)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "installer"))
import icu_subset

QT_LIB = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib"  # without importing Qt
ICU_DATA = next(QT_LIB.glob("libicudata.so.*"), None)
pytestmark = pytest.mark.skipif(ICU_DATA is None, reason="Qt's ICU data library: Linux Qt wheels only")

QT_CHECK = """
import functools
from PySide6.QtCore import QCollator, QLocale, QTimeZone
loaded = [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line]
print(loaded[0])
french = QCollator(QLocale("fr_FR"))
print(sorted(["Zoé", "Émile", "eric", "côte", "cote", "coté"], key=functools.cmp_to_key(french.compare)))
print(QLocale("pt_BR").toUpper("ação"), QLocale("tr_TR").toUpper("istanbul"), QLocale("fr").toLower("ÉTÉ"))
zone = QTimeZone(b"Africa/Monrovia")
long_name = QTimeZone.NameType.LongName
print(zone.isValid(), zone.displayName(QTimeZone.TimeType.StandardTime, long_name, QLocale("fr")))
"""


def qt_answers(library_folder: Path | None) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if library_folder is not None:  # LD_LIBRARY_PATH comes before Qt's RUNPATH ($ORIGIN)
        env["LD_LIBRARY_PATH"] = str(library_folder)
    result = subprocess.run(
        [sys.executable, "-c", QT_CHECK], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_package_format_is_rebuilt_byte_for_byte():
    _, blob = icu_subset.elf_symbol(ICU_DATA)
    assert icu_subset.pack(icu_subset.parse(blob)) == blob


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/fr_CA.res", True),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/pt_BR.res", True),
        ("icudt73l/de.res", False),
        ("icudt73l/res_index.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/ibm-1390_P110-2003.cnv", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/unit/en_GB.res", True),
        ("icudt73l/unit/yue_Hans.res", False),
    ],
)
def test_what_the_subset_keeps(name, kept):
    assert icu_subset.keep(name) is kept


def test_the_written_library_carries_the_subset_under_the_same_symbol(tmp_path):
    subset = icu_subset.build_subset(ICU_DATA, tmp_path / "subset")
    symbol, blob = icu_subset.elf_symbol(subset)
    assert symbol == icu_subset.elf_symbol(ICU_DATA)[0]
    assert blob == icu_subset.pack(icu_subset.subset(icu_subset.parse(icu_subset.elf_symbol(ICU_DATA)[1])))
    assert subset.read_bytes()[0x12:0x14] == ICU_DATA.read_bytes()[0x12:0x14]  # same machine


def test_qt_answers_the_same_with_the_subset(tmp_path):
    subset = icu_subset.build_subset(ICU_DATA, tmp_path / "subset")
    assert subset.name == ICU_DATA.name
    assert subset.stat().st_size < ICU_DATA.stat().st_size / 5
    full = qt_answers(None)
    small = qt_answers(subset.parent)
    assert full[0] == str(ICU_DATA.resolve()) or Path(full[0]).resolve() == ICU_DATA.resolve()
    assert small[0] == str(subset)  # the subset is the library Qt loaded
    assert small[1:] == full[1:]
    assert full[1] == "['cote', 'coté', 'côte', 'Émile', 'eric', 'Zoé']"  # French collation, not code points


def test_a_subset_without_collation_data_is_caught(tmp_path):
    broken = icu_subset.build_subset(
        ICU_DATA, tmp_path / "broken", wanted=lambda name: icu_subset.keep(name) and "/coll/" not in name
    )
    assert qt_answers(broken.parent)[1] != qt_answers(None)[1]
