"""Form engine figures: load time, and the worst-case recomputation after one answer changes.

Run: .venv/bin/python bench/forms.py
Measured on the shipped registration form and on the largest form of ../shared/xlsforms (when
present). Goals: worst recompute < 5 ms on the shipped form, < 16 ms (one frame) on any form. The
baseline, measured in the same run, is bare lxml: each of the form's rules compiled as a plain
XPath and evaluated once on an instance of the same size, so the ratio shows what the ODK layer
(rewriter, extension functions, dependency bookkeeping) costs on this machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.engine import load_form, shipped_form_path  # noqa: E402
from forms.engine.definition import FormDefinition  # noqa: E402
from forms.engine.loader import convert_to_xform, run_pyxform  # noqa: E402
from forms.engine.prebuilt import read_prebuilt  # noqa: E402
from forms.engine.session import FormSession  # noqa: E402
from tests.forms.engine.filler import candidates, fill  # noqa: E402

SHARED = ROOT.parent / "shared" / "xlsforms"
REPEATS = 5


def timed(function, repeat: int = REPEATS) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def baseline_ms(definition: FormDefinition) -> float:
    """Bare lxml: one plain XPath per rule, evaluated once on an instance with the form's shape."""
    document = etree.fromstring(etree.tostring(definition.template))
    leaves = [element for element in document.iter() if len(element) == 0] or [document]
    paths = [document.getroottree().getpath(leaves[i % len(leaves)]) for i in range(len(definition.rules))]
    compiled = [etree.XPath(f"{path} = 'x' or string-length({path}) > 3") for path in paths]
    return timed(lambda: [xpath(document) for xpath in compiled], repeat=21)


class Toggle:
    """Each call sets the question to the other of two values: always a real change."""

    def __init__(self, session: FormSession, name: str, values: list[object]) -> None:
        self.session, self.name, self.values, self.calls = session, name, values, 0

    def __call__(self) -> None:
        self.calls += 1
        self.session.set(self.name, self.values[self.calls % 2])


def worst_recompute_ms(definition: FormDefinition) -> tuple[float, str]:
    session: FormSession = definition.new_session()
    fill(definition, session)
    worst, where = 0.0, ""
    for question in definition.by_path.values():
        if not question.answerable or question.repeat_chain:
            continue
        values = [v for v in candidates(session, question, ()) if v is not None][:2]
        if not values:
            continue
        if len(values) == 1:
            values.append(None)  # clearing the answer is a change too
        toggle = Toggle(session, question.name, values)
        cost = timed(toggle, repeat=9)
        if cost > worst:
            worst, where = cost, question.name
    return worst, where


def largest_shared_form() -> Path | None:
    best, best_size = None, -1
    for path in sorted(SHARED.glob("*.xls*")):
        try:
            definition = load_form(path)
        except Exception:  # refused forms are not candidates
            continue
        size = len(definition.rules) + len(definition.by_path)
        if size > best_size:
            best, best_size = path, size
    return best


def report(label: str, path: Path, goal_ms: float) -> bool:
    data = path.read_bytes()
    convert_ms = timed(lambda: run_pyxform(data, path.name), repeat=3)
    xform = convert_to_xform(data, path.name)
    build_ms = timed(lambda: FormDefinition(xform), repeat=3)
    definition = FormDefinition(xform)
    session_ms = timed(lambda: definition.new_session())
    worst, where = worst_recompute_ms(definition)
    filled = definition.new_session()
    fill(definition, filled)
    errors_ms = timed(filled.errors)
    base = baseline_ms(definition)
    print(f"{label}: {path.name}")
    print(f"  questions {len(definition.by_path)}, rules {len(definition.rules)}")
    print(f"  load: pyxform {convert_ms:.1f} ms + engine {build_ms:.1f} ms")
    if read_prebuilt(path, data) is not None:
        stored_ms = timed(lambda: load_form(path), repeat=3)
        print(f"  load_form() from the stored XForm (what the app does): {stored_ms:.1f} ms")
    print(f"  new session (every rule evaluated) {session_ms:.2f} ms; errors() scan {errors_ms:.2f} ms")
    print(f"  worst recompute after one answer: {worst:.3f} ms (question '{where}'), goal < {goal_ms:g} ms")
    print(
        f"  baseline bare lxml, {len(definition.rules)} rules once: {base:.3f} ms; ratio {worst / base:.1f}x"
    )
    return worst < goal_ms


def main() -> int:
    load_form(shipped_form_path())  # warm-up: pyxform import (~0.24 s) is paid once per process
    ok = report("shipped form", shipped_form_path(), 5.0)
    largest = largest_shared_form()
    if largest is not None:
        ok = report("largest shared form", largest, 16.0) and ok
    print("goals met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
