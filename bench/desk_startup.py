"""Process start to the unlock screen (and to a bare QLabel, the baseline measured in the same run).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/desk_startup.py [RUNS]

Each run is a fresh interpreter (cold imports are part of what a clerk waits for). Prints the median of
each and their ratio. Goal from docs/architecture.md: under 0.5 s cold to the unlock screen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/forms.py would shadow the `forms` package when this file is run as a script from bench/.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

BASELINE = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Diaspora Desk"); label.show(); app.processEvents()
print(time.perf_counter())
"""

UNLOCK_SCREEN = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import DeskController, load_fonts
app = QApplication(sys.argv[:1])
load_fonts(app)
controller = DeskController(app, Path(sys.argv[1]))
shown = []

def note_shown():
    assert controller.unlock_window is not None and controller.unlock_window.isVisible()
    shown.append(time.perf_counter())
    QTimer.singleShot(0, lambda: app.exit(0))  # exit, not quit: quit would close the windows first

controller.started.connect(note_shown)
controller.start()
app.exec()
print(shown[0])
controller.shutdown()
"""


def seconds_to_window(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # perf_counter is CLOCK_MONOTONIC on Linux: comparable across processes on one machine.
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return float(done.stdout.strip().splitlines()[-1]) - started


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp) / "store"
        os.environ["DIASPORA_KDF_TEST_FAST"] = "1"  # only to build the throwaway store quickly
        from forms.store import Store

        Store.create(data_dir, "Bench Supervisor", "amber kettle violin river 42")[0].close()
        baseline = statistics.median(seconds_to_window(BASELINE) for _ in range(runs))
        unlock = statistics.median(seconds_to_window(UNLOCK_SCREEN, str(data_dir)) for _ in range(runs))
    print(f"bare QLabel shown:      {baseline:.3f} s (median of {runs})")
    print(f"unlock screen shown:    {unlock:.3f} s (median of {runs})")
    print(f"ratio to the baseline:  {unlock / baseline:.2f}x")


if __name__ == "__main__":
    main()
