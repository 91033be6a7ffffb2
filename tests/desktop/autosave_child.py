"""The desk the SIGKILL test kills: opens the registration page on an existing store, types half a
registration, waits until the autosave is in the store, says so, then waits to be killed.

    python -m tests.desktop.autosave_child DATA_DIR
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import open_desk, run_on_lane, type_steps

HALF_A_REGISTRATION = [
    ("legal_basis", ["<Space>", "<Enter>"]),
    ("consent", ["y", "<Enter>"]),
    ("given_name", ["Kwame", "<Enter>"]),
    ("family_name", ["Asante", "<Enter>"]),
]


class Bot:
    """The few pytest-qt calls the desk harness uses, without pytest."""

    def keyClick(self, widget: Any, key: Any, modifier: Any = None) -> None:
        QTest.keyClick(widget, key, modifier) if modifier is not None else QTest.keyClick(widget, key)

    def waitUntil(self, condition: Callable[[], Any], timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the desk did not get there in time")
            QApplication.processEvents()
            time.sleep(0.005)

    def wait(self, msecs: int) -> None:
        QTest.qWait(msecs)

    def addWidget(self, widget: Any) -> None:
        pass

    @contextmanager
    def waitActive(self, window: Any, timeout: int = 5000) -> Iterator[None]:
        yield
        self.waitUntil(window.isActiveWindow, timeout)


def main(data_dir: Path) -> None:
    from forms.store import Store
    from forms.store.autosave import read_autosave

    app = QApplication(sys.argv[:1])
    bot = Bot()
    store = Store.unlock(data_dir, SUPERVISOR, PASSPHRASE)
    desk = open_desk(bot, app, data_dir, batch=False, store=store)
    type_steps(bot, HALF_A_REGISTRATION)
    # No Ctrl+S, no lock: only the pause in the typing writes the autosave.
    bot.waitUntil(lambda: run_on_lane(bot, desk, read_autosave) is not None, 20_000)
    print("autosaved", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
