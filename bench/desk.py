"""Benchmark of the registration desk through the real widgets (offscreen Qt, real store and engine).

    .venv/bin/python bench/desk.py [--records 100000]

Prints:
- a typical registration of the shipped form typed with the keyboard only (the same keys as the
  acceptance test): keystrokes, the seconds a clerk needs at 5 keys a second (goal: under 90 s), and the
  machine's own time per keystroke through the form engine and the widgets, with its ratio to the same
  keys typed into a bare QLineEdit (the baseline, measured in the same run);
- filtering the records list over N records (default 100k): time from a keystroke's search to the
  new rows in the view (SQL count + first page on the store lane; goal < 50 ms a keystroke), with its
  ratio to a QSortFilterProxyModel filtering the same rows in memory (the approach we refuse).

The store is filled in bulk by bench/store.py's filler (setup, not measured). The key derivation runs
with the test-suite parameters: it is not what is measured here.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# bench/forms.py would shadow the `forms` package when this file runs as a script.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DIASPORA_KDF_TEST_FAST"] = "1"

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from tests.desktop.test_registration_harness import (  # noqa: E402
    TYPICAL_REGISTRATION,
    open_desk,
    press,
    type_steps,
    type_text,
)

KEYS_PER_SECOND = 5
SEARCHES = ["k", "ko", "kou", "koua", "d", "di", "dia", "diallo1", "p0004", "p00042", "1612000", "n'gue"]


class BenchBot:
    """The few pytest-qt calls the desk harness uses, without pytest."""

    def keyClick(self, widget: Any, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(widget, key, modifier)

    def waitUntil(self, condition: Callable[[], Any], timeout: int = 5000) -> None:
        deadline = time.perf_counter() + timeout / 1000
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the desk did not get there in time")
            QApplication.processEvents()
            time.sleep(0.001)

    def wait(self, msecs: int) -> None:
        QTest.qWait(msecs)

    def addWidget(self, widget: Any) -> None:
        pass

    @contextmanager
    def waitActive(self, window: Any, timeout: int = 5000) -> Iterator[None]:
        yield
        self.waitUntil(window.isActiveWindow, timeout)


def typing(bot: BenchBot, app: QApplication, data_dir: Path) -> None:
    desk = open_desk(bot, app, data_dir)
    page = desk.registration
    start = time.perf_counter()
    keystrokes = type_steps(bot, TYPICAL_REGISTRATION)
    keystrokes += press(bot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    bot.waitUntil(lambda: page.record_id is not None, 10_000)
    machine = time.perf_counter() - start
    desk.shutdown()

    text = "".join(key for _field, keys in TYPICAL_REGISTRATION for key in keys if not key.startswith("<"))
    line = QLineEdit()
    line.show()
    line.setFocus()
    start = time.perf_counter()
    typed = 0
    while typed < keystrokes:
        typed += type_text(line, text[: keystrokes - typed])
        line.clear()
    QApplication.processEvents()
    baseline = time.perf_counter() - start
    line.close()

    per_key, baseline_per_key = machine / keystrokes * 1000, baseline / keystrokes * 1000
    print(f"typical registration (shipped form): {keystrokes} keystrokes")
    print(f"  at {KEYS_PER_SECOND} keys/s: {keystrokes / KEYS_PER_SECOND:.1f} s (goal < 90 s)")
    print(
        f"  machine time through engine + widgets: {machine:.2f} s, {per_key:.1f} ms a keystroke; "
        f"bare QLineEdit baseline {baseline_per_key:.2f} ms a keystroke; "
        f"ratio {per_key / baseline_per_key:.1f}x"
    )


def _load_store_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class SummaryTableModel(QAbstractTableModel):
    """The refused approach: every row in memory behind a QSortFilterProxyModel."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 4

    def data(self, index: Any, role: int = 0) -> Any:
        if int(role) == 0:
            return self.rows[index.row()][index.column()]
        return None


def filtering(bot: BenchBot, app: QApplication, data_dir: Path, count: int) -> None:
    from forms.store import Store
    from forms.store.batches import open_batch
    from forms.store.search import search
    from tests.desktop.conftest import PASSPHRASE, SUPERVISOR

    store_bench = _load_store_bench()
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    batch = open_batch(store, "Benchmark day", "Minneapolis", "2026-06-13")
    started = time.perf_counter()
    store_bench.fill(store, batch.id, count)
    print(
        f"records list over {count} records (filled in {time.perf_counter() - started:.1f} s, not measured)"
    )
    desk = open_desk(bot, app, data_dir, batch=False, store=store)
    records = desk.records
    desk.window.show_page("records")
    bot.waitUntil(lambda: records.model.total() == count, 30_000)

    samples: list[float] = []
    store_share: list[float] = []
    for text in SEARCHES:
        loaded: list[int] = []
        records.model.results_loaded.connect(loaded.append)
        start = time.perf_counter()
        records.search.setText(text)
        records.run_search()  # what the 150 ms pause timer calls; the pause itself is not work
        bot.waitUntil(lambda loaded=loaded: bool(loaded), 10_000)
        records.table.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
        store_share.append(records.model.last_store_ms)
        records.model.results_loaded.disconnect(loaded.append)
    shown = records.model.total()
    desk.shutdown()

    reopened = Store.unlock(data_dir, SUPERVISOR, PASSPHRASE)
    rows: list[tuple[str, ...]] = []
    offset = 0
    while True:
        page = search(reopened, offset=offset, limit=1000, log=False)
        if not page:
            break
        rows += [
            (r.family_name or "", r.given_name or "", r.document_number or "", r.phone or "") for r in page
        ]
        offset += len(page)
    reopened.close()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(SummaryTableModel(rows))
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    baseline: list[float] = []
    for text in SEARCHES[:4]:
        start = time.perf_counter()
        proxy.setFilterFixedString(text)
        proxy.rowCount()
        baseline.append((time.perf_counter() - start) * 1000)

    median, worst, base = statistics.median(samples), max(samples), statistics.median(baseline)
    print(f"  search as you type, keystroke to new rows: median {median:.1f} ms, worst {worst:.1f} ms "
          f"over {len(samples)} searches (goal < 50 ms); last search found {shown}")  # fmt: skip
    print(
        "    of which the store (count + first page, on the lane): "
        f"median {statistics.median(store_share):.1f} ms"
    )
    print(f"  QSortFilterProxyModel baseline over the same {len(rows)} rows: median {base:.0f} ms; "
          f"ratio {median / base:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    bot = BenchBot()
    with tempfile.TemporaryDirectory() as folder:
        typing(bot, app, Path(folder) / "typing")
    with tempfile.TemporaryDirectory() as folder:
        filtering(bot, app, Path(folder) / "records", args.records)


if __name__ == "__main__":
    main()
