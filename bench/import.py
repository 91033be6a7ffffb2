"""Import figures: time to import 2,000 and 10,000 demo registrations from CSV into a real encrypted
store, against a baseline measured in the same run: bare store inserts of the same rows (save_record
per row in one transaction, answers already in memory: no file, no conversion, no form engine).

    .venv/bin/python bench/import.py [--counts 2000 10000] [--xlsx]

Prints, per size: wall-clock seconds for the whole import (read + check every row + save all in one
transaction), the checking and saving phases, rows per second, the baseline and the ratio
import / baseline; then the CPU seconds of both (steadier on a shared machine); then what the input
bounds of forms.importing.limits cost (issue 14 item 13): CPU seconds to read every row of the file
with the bounds and without them (the same reader with the checks switched off, in the same run),
and for .xlsx the streaming scan of the package on its own. The key derivation uses the store's test
parameters: unlocking is not measured.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DIASPORA_KDF_TEST_FAST", "1")  # the KDF is not what is measured here

from forms.demo_data import demo_registrations, write_demo_file
from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.importing import SAVING, batch_for_import, context_answers, import_file, limits, read_table
from forms.importing import readers as readers_module
from forms.importing.xlsx_guard import check_xlsx
from forms.store import Store
from forms.store.batches import open_batch
from forms.store.records import save_record
from forms.store.search import count
from forms.work import Work

PASSPHRASE = "bench lagoon mango twelve"
# CPU seconds of the last measurements: on a shared machine they vary less than wall-clock seconds.
CPU: dict[str, float] = {}


def measure_import(
    store: Store, form: FormDefinition, path: Path, batch_name: str
) -> tuple[float, float, int]:
    batch = batch_for_import(store, batch_name, "Bench")
    marks: dict[str, float] = {}

    def progress(done: int, total: int | None, phase: str) -> None:
        marks.setdefault(phase, time.perf_counter())

    start, cpu = time.perf_counter(), time.process_time()
    report = import_file(store, form, path, batch, work=Work(progress=progress))
    elapsed = time.perf_counter() - start
    CPU["import"] = time.process_time() - cpu
    if not report.succeeded or count(store, batch_id=report.batch_id) != report.imported:
        raise SystemExit("the demo file did not import completely: the figures would mean nothing")
    return elapsed, marks.get(SAVING, start) - start, report.imported


def measure_baseline(store: Store, form: FormDefinition, count_: int, seed: int) -> float:
    batch = open_batch(store, f"baseline {count_}", "Bench", date.today().isoformat())
    context = context_answers(form, batch, store.operator.name)
    rows = [{**person, **context} for person in demo_registrations(count_, seed)]
    start, cpu = time.perf_counter(), time.process_time()
    with store.session() as session:
        for answers in rows:
            save_record(session, batch.id, form.form_id, form.version, answers, draft=False)
    CPU["baseline"] = time.process_time() - cpu
    return time.perf_counter() - start


def read_every_row(path: Path) -> float:
    start = time.process_time()
    for _row in read_table(path):
        pass
    return time.process_time() - start


def measure_bounds(path: Path) -> tuple[float, float, float | None]:
    """(CPU s reading with the bounds, CPU s without them, CPU s of the .xlsx scan alone or None)."""
    bounded = min(read_every_row(path) for _ in range(2))
    scan = None
    saved = (readers_module.check_xlsx, limits.Budget.row_number, limits.Budget.cell)
    if path.suffix == ".xlsx":
        start = time.process_time()
        shape = check_xlsx(path)
        scan = time.process_time() - start
        readers_module.check_xlsx = lambda _path: shape  # type: ignore[assignment]
    limits.Budget.row_number = lambda self, number: None  # type: ignore[method-assign]
    limits.Budget.cell = lambda self, number, column, value: None  # type: ignore[method-assign]
    try:
        unbounded = min(read_every_row(path) for _ in range(2))
    finally:
        readers_module.check_xlsx, limits.Budget.row_number, limits.Budget.cell = saved  # type: ignore[method-assign]
    return bounded, unbounded, scan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--xlsx", action="store_true", help="import .xlsx files instead of .csv")
    args = parser.parse_args()
    form = load_form(shipped_form_path())
    suffix = ".xlsx" if args.xlsx else ".csv"
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        root = Path(folder)
        print(f"import of demo registrations ({suffix}), shipped form {form.form_id} v{form.version}")
        for number in args.counts:
            store, _code = Store.create(root / f"store-{number}", "bench", PASSPHRASE)
            try:
                path = root / f"demo-{number}{suffix}"
                write_demo_file(form, path, number, seed=number)
                total, checking, imported = measure_import(store, form, path, f"import {number}")
                baseline = measure_baseline(store, form, number, seed=number)
            finally:
                store.close()
            saving = total - checking
            print(
                f"{imported:>6} rows: import {total:6.1f} s ({imported / total:5.0f} rows/s; "
                f"read+check {checking:5.1f} s, save {saving:5.1f} s) | "
                f"baseline bare inserts {baseline:5.1f} s | ratio import/baseline {total / baseline:4.1f}"
            )
            print(
                f"{'':>6}       CPU: import {CPU['import']:6.1f} s, baseline {CPU['baseline']:5.1f} s, "
                f"ratio {CPU['import'] / CPU['baseline']:4.1f}"
            )
            bounded, unbounded, scan = measure_bounds(path)
            extra = bounded - unbounded
            scan_text = f"; the .xlsx scan alone {scan:.2f} s" if scan is not None else ""
            print(
                f"{'':>6}       bounds: reading the rows {bounded:5.2f} s CPU with them, {unbounded:5.2f} s "
                f"without (ratio {bounded / unbounded:4.2f}, {extra:+.2f} s = "
                f"{100 * extra / CPU['import']:+.1f}% of the import){scan_text}"
            )


if __name__ == "__main__":
    main()
