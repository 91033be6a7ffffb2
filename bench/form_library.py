"""Form library figures (issue 13): opening a library form from its stored XForm vs converting the
XLSForm with pyxform again (the same-run baseline), and demo-data's rate for a programme's own form
vs validating the same submissions (the engine's floor for one submission).

Run: .venv/bin/python bench/form_library.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.demo_forms import demo_submissions  # noqa: E402
from forms.engine import load_xform  # noqa: E402
from forms.engine.loader import run_pyxform  # noqa: E402
from forms.library import add_form_file  # noqa: E402
from forms.store import Store  # noqa: E402
from forms.store.form_library import read_form  # noqa: E402
from forms.store.kdf import TEST_FAST_ENV  # noqa: E402
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form  # noqa: E402

REPEATS = 7
COUNT = 200


def median_ms(function, repeat: int = REPEATS) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    import os

    os.environ[TEST_FAST_ENV] = "1"  # the KDF is not what is measured here
    with tempfile.TemporaryDirectory() as folder:
        path = write_programme_form(Path(folder) / "return.xlsx")
        store, _code = Store.create(Path(folder) / "desk", "bench", "bench passphrase 42")
        try:
            definition, _ = add_form_file(store, path)
            stored = read_form(store, PROGRAMME_FORM_ID)
            assert stored is not None
            data = path.read_bytes()
            run_pyxform(data, path.name)  # warm-up: pyxform's import is paid once per process
            stored_ms = median_ms(lambda: load_xform(read_form(store, PROGRAMME_FORM_ID).xform, "f.xlsx"))  # type: ignore[union-attr]
            pyxform_ms = median_ms(lambda: load_xform(run_pyxform(data, path.name), "f.xlsx"))
        finally:
            store.close()
    print(f"open a library form from its stored XForm: {stored_ms:.1f} ms (median of {REPEATS})")
    ratio = pyxform_ms / stored_ms
    print(f"baseline, pyxform conversion + load:       {pyxform_ms:.1f} ms  (ratio {ratio:.1f}x)")
    start = time.perf_counter()
    submissions = demo_submissions(definition, COUNT, seed=1)
    made_ms = (time.perf_counter() - start) * 1000 / COUNT
    start = time.perf_counter()
    for answers in submissions:
        assert not definition.validate(answers)
    check_ms = (time.perf_counter() - start) * 1000 / COUNT
    children = sum(len(a.get("child", [])) for a in submissions)
    print(
        f"demo-data, programme form: {made_ms:.1f} ms per submission ({COUNT}, {children} repeat instances)"
    )
    print(f"baseline, validating one:  {check_ms:.2f} ms  (ratio {made_ms / check_ms:.0f}x)")


if __name__ == "__main__":
    main()
