"""Pages of the main window, discovered like the CLI verbs: one module per page in this package.

A page module exposes ``create_page(context: DeskContext) -> PageSpec``. The main window shows the
pages in ``order``; each gets Ctrl+<position> and an entry in the sidebar and the Go menu. A page that
shows personal data registers itself (or its model) with ``context.lock.registry`` so locking clears
it, and does every store read through ``context.lane.run(...)``.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.controllers.lock import LockController
    from desktop.i18n import LanguageController
    from desktop.tasks import StoreLane, TaskRunner
    from desktop.windows.main_window import MainWindow


log = logging.getLogger(__name__)


@dataclass
class DeskContext:
    """What a page may use: the store lane, the lock (registry and clipboard), languages, the window."""

    data_dir: Path
    lane: StoreLane
    workers: TaskRunner
    lock: LockController
    languages: LanguageController
    window: MainWindow
    # Call after a save or a batch change: the status bar re-reads its counts on the lane.
    refresh_status: Callable[[], None] = lambda: None


@dataclass
class PageSpec:
    key: str
    widget: QWidget
    title: Callable[[], str]  # called again on a language switch
    order: int = 100


def page_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def discover_pages(context: DeskContext) -> list[PageSpec]:
    specs = []
    for name in page_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        create_page = getattr(module, "create_page", None)
        if create_page is None:
            log.warning("page module %s has no create_page(context); it is not shown", name)
            continue
        specs.append(create_page(context))
    return sorted(specs, key=lambda spec: (spec.order, spec.key))
