"""The desktop app's composition root: fonts, translations, and the first-run / unlock / main flow.

``run_gui(data_dir)`` is what ``diaspora-desk`` runs without a verb. ``DeskController`` wires the
pieces: a first start shows the setup wizard, later starts the unlock screen; an unlock (or the
wizard's Finish) starts a session and shows the main window; a lock hides it and shows the unlock
screen again.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.controllers.lock import LOCK_MANUAL, LockController
from desktop.controllers.spreadsheets import SpreadsheetDialogsController
from desktop.controllers.sync import SyncController
from desktop.dialogs import host_event_dialog
from desktop.i18n import LanguageController
from desktop.pages import DeskContext, discover_pages
from desktop.paths import default_data_dir, fonts_dir
from desktop.settings import LANGUAGES, InterfaceSettings, load_settings, save_settings
from desktop.tasks import StoreLane, TaskRunner
from desktop.windows.main_window import MainWindow
from desktop.windows.setup_wizard import Enroller, SetupWizard
from desktop.windows.unlock_window import UnlockWindow

if TYPE_CHECKING:
    from desktop.windows.main_window import DeskStatus
    from forms.store import Store
    from forms.store.retention import UnlockPurge

log = logging.getLogger(__name__)

APP_FONT_FAMILY = "DejaVu Sans"
APP_FONT_POINTS = 10
STATUS_REFRESH_MS = 30_000


# The store (SQLAlchemy, SQLCipher) and the sync client (requests) take most of a second to import:
# they are imported on the store lane, so the first window shows without waiting for them.


def store_exists(data_dir: Path) -> bool:
    from forms.store import Store

    return Store.exists(data_dir)


def _local_time(iso: str) -> datetime:
    moment = datetime.fromisoformat(iso)
    return moment.astimezone() if moment.tzinfo else moment


def _has_any_file(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:  # missing (a first run) or unreadable (the wizard will say why it cannot create)
        return False


def read_status(store: Store) -> DeskStatus:
    from desktop.status import read_desk_status

    return read_desk_status(store)


def purge_at_unlock(store: Store) -> UnlockPurge:
    """On the store lane, first thing in a session: acknowledged records past the retention setting,
    and drafts and autosaves announced on the Start page and past their age, leave the laptop."""
    from forms.store.retention import purge_at_unlock as purge

    return purge(store)


def _purged_at_unlock(done: UnlockPurge) -> None:
    if done.synced or done.drafts or done.autosaves:
        log.info(
            "at unlock: %d synced records, %d drafts and %d autosaves removed by retention",
            done.synced,
            done.drafts,
            done.autosaves,
        )


def enrol_with_server(store: Store, server_url: str, code: str) -> None:
    """The setup wizard's optional last step; runs on the store lane (network and store both)."""
    from sync.client.enrollment import enroll

    device = enroll(store, server_url=server_url, code=code)
    store.audit("device_enrolled", device_id=device.device_id)


def load_fonts(app: QApplication) -> bool:
    """Use the bundled DejaVu fonts: every accent (Conceição, N'Guessan) looks the same on every laptop."""
    loaded = False
    for font_file in sorted(fonts_dir().glob("*.ttf")):
        loaded = QFontDatabase.addApplicationFont(str(font_file)) >= 0 or loaded
    if loaded:
        app.setFont(QFont(APP_FONT_FAMILY, APP_FONT_POINTS))
    else:
        log.warning("bundled fonts not found in %s; using the system font", fonts_dir())
    return loaded


class DeskController(QObject):
    """Owns the store lane, the lock, the languages and the three top-level windows."""

    started = Signal()  # the first window (wizard or unlock screen) is showing

    def __init__(
        self, app: QApplication, data_dir: Path, enroller: Enroller | None = enrol_with_server
    ) -> None:
        super().__init__(app)
        self.app = app
        self.data_dir = data_dir
        self.enroller = enroller
        self.settings: InterfaceSettings = load_settings(data_dir)
        self.languages = LanguageController(app)
        self.languages.switch_to(self.settings.language)
        self.lane = StoreLane(self)
        self.workers = TaskRunner(parent=self)
        self.lock = LockController(self.lane, idle_minutes=self.settings.idle_lock_minutes, parent=self)
        self.sync = SyncController(self.lane, parent=self)  # follows the lane: runs while unlocked
        self.lock.unlocked.connect(self._session_started)
        self.lock.locked.connect(self._session_locked)
        self.wizard: SetupWizard | None = None
        self.unlock_window: UnlockWindow | None = None
        self.main_window: MainWindow | None = None
        self.context: DeskContext | None = None
        self._last_operator: str | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)

    # ----- start -------------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the unlock screen, or the setup wizard on a first run.

        An empty or missing data folder is certainly a first run. Otherwise the unlock screen shows at
        once and the store lane confirms that the folder holds a store (importing the store takes most
        of a second, and the clerk should not wait for it to see the screen).
        """
        if not _has_any_file(self.data_dir):
            self.show_wizard()
            self.started.emit()
            return
        self.show_unlock()
        self.started.emit()
        data_dir = self.data_dir
        self.lane.run_unlocked(lambda: store_exists(data_dir), self._store_checked, self._store_check_failed)

    def _store_checked(self, exists: bool) -> None:
        if not exists and not self.lock.is_unlocked and self.wizard is None:
            if self.unlock_window is not None:
                self.unlock_window.hide()
            self.show_wizard()

    def _store_check_failed(self, error: BaseException) -> None:
        log.error("could not look at the data folder: %s", type(error).__name__)

    def show_wizard(self) -> SetupWizard:
        wizard = SetupWizard(self.data_dir, self.lane, self.languages.language, self.enroller)
        wizard.language_chosen.connect(self.set_language)
        wizard.setup_finished.connect(self._setup_finished)
        wizard.rejected.connect(self._setup_abandoned)
        self.wizard = wizard
        wizard.show()
        return wizard

    def _setup_finished(self, store: Store) -> None:
        self._save_settings()  # the data folder exists now
        self.lock.start_session(store)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None

    def _setup_abandoned(self) -> None:
        if self.wizard is not None and self.wizard.store is None:
            self.app.quit()

    def show_unlock(self, reason: str | None = None) -> UnlockWindow:
        if self.unlock_window is None:
            self.unlock_window = UnlockWindow(self.data_dir, self.lane)
            self.unlock_window.unlock_succeeded.connect(self.lock.start_session)
            self.unlock_window.language_chosen.connect(self.set_language)
            self.unlock_window.closing.connect(self._unlock_window_closing)
        self.unlock_window.set_lock_reason(reason)
        self.unlock_window.load_operators(self._last_operator)
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()
        return self.unlock_window

    def _unlock_window_closing(self) -> None:
        if not self.lock.is_unlocked:
            self.app.quit()

    # ----- session -----------------------------------------------------------------------------------
    def _session_started(self, store: Store) -> None:
        # Queued before any page reads the store: the pages then show what retention left.
        self.lane.run(
            purge_at_unlock,
            _purged_at_unlock,
            lambda error: log.warning("retention at unlock failed: %s", type(error).__name__),
        )
        self._last_operator = store.operator.name
        window = self.main_window or self._build_main_window()
        window.set_export_allowed(store.operator.role == "supervisor")
        window.show_status(None)
        window.show()
        window.raise_()
        window.activateWindow()
        if self.unlock_window is not None:
            self.unlock_window.hide()
        self.refresh_status()
        self._status_timer.start()

    def _session_locked(self, reason: str) -> None:
        self._status_timer.stop()
        if self.main_window is not None:
            self.main_window.show_status(None)
            self.main_window.hide()
        self.show_unlock(reason)

    def _build_main_window(self) -> MainWindow:
        window = MainWindow(self.languages.language, self.settings.idle_lock_minutes)
        self.main_window = window
        window.lock_requested.connect(lambda: self.lock.lock(LOCK_MANUAL))
        window.language_chosen.connect(self.set_language)
        window.idle_minutes_chosen.connect(self.set_idle_minutes)
        window.closing.connect(self._main_window_closing)
        window.sync_now_requested.connect(self.sync.sync_now)
        self.sync.records_waiting_changed.connect(window.set_waiting_to_sync)
        self.sync.last_success_changed.connect(lambda iso: window.set_last_sync(_local_time(iso)))
        self.sync.last_error_changed.connect(window.set_sync_error)
        self.sync.progress_changed.connect(window.set_sync_progress)
        self.sync.sync_finished.connect(lambda _report: self.refresh_status())
        self.context = DeskContext(
            self.data_dir, self.lane, self.workers, self.lock, self.languages, window, self.refresh_status
        )
        for spec in discover_pages(self.context):
            window.add_page(spec.key, spec.widget, spec.title)
            # A save or a batch opened/closed changes the status bar's counts: re-read them at once.
            for signal_name in ("record_saved", "batch_changed"):
                signal = getattr(spec.widget, signal_name, None)
                if signal is not None:
                    signal.connect(lambda *_: self.refresh_status())
        # The dialogs follow the form of the batch being filled, as the Register page knows it.
        register = window.page("registration") if "registration" in window.page_keys() else None
        batch_form = getattr(register, "current_batch_form", None)
        spreadsheets = SpreadsheetDialogsController(
            self.lane, self.workers, window, self.refresh_status, self, batch_form=batch_form
        )
        window.import_requested.connect(spreadsheets.open_import)
        window.export_requested.connect(spreadsheets.open_export)
        host_event_dialog.install(window, self.lane)  # File > Host this event... (docs/events.md)
        return window

    def refresh_status(self) -> None:
        """Re-read operator, open batch, waiting records and last sync on the store lane."""
        if self.main_window is None:
            return
        window = self.main_window
        self.lane.run(
            read_status,
            window.show_status,
            lambda error: log.warning("status could not be read: %s", type(error).__name__),
        )

    def _main_window_closing(self) -> None:
        self.lock.lock(LOCK_MANUAL)
        self.app.quit()

    # ----- preferences -------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.languages.switch_to(language)
        self.settings.language = language
        if self.main_window is not None:
            self.main_window.set_language_checked(language)
        if self.wizard is None or self.wizard.store is not None:
            self._save_settings()

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = self.lock.set_idle_minutes(minutes)
        self._save_settings()

    def _save_settings(self) -> None:
        snapshot = InterfaceSettings(self.settings.language, self.settings.idle_lock_minutes)
        data_dir = self.data_dir
        # On the serial lane, so two quick changes reach the file in the order they were made.
        self.lane.run_unlocked(
            lambda: save_settings(data_dir, snapshot), None, lambda e: log.warning("settings")
        )

    def shutdown(self) -> None:
        self.lock.lock(LOCK_MANUAL)
        self.sync.shutdown()
        self.lock.stop_watching()
        self._status_timer.stop()
        self.lane.wait_for_done(10_000)
        self.workers.wait_for_done(10_000)
        self.languages.uninstall()


def _smoke_report(controller: DeskController, translated: bool) -> None:
    """Say which window opened and in which language, then quit: proves a bundle starts (tests only)."""
    window = controller.wizard or controller.unlock_window
    name = type(window).__name__ if window is not None and window.isVisible() else "nothing"
    sys.stdout.write(f"smoke: shown {name}\n")
    sys.stdout.write(f"language={controller.languages.language} translated={'yes' if translated else 'no'}\n")
    sys.stdout.flush()
    controller.app.quit()


def run_gui(data_dir: Path | None) -> int:
    from desktop.platform_check import problem
    from forms.errors import DeskError

    existing = QApplication.instance()
    if existing is None and (missing := problem()):
        raise DeskError(missing)  # one sentence (the apt-get line) instead of Qt's platform-plugin abort
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Diaspora Desk")
    app.setOrganizationName("DiasporaDesk")
    app.setQuitOnLastWindowClosed(False)  # hiding the main window to lock must not end the app
    load_fonts(app)
    controller = DeskController(app, Path(data_dir) if data_dir else default_data_dir())
    forced_language = os.environ.get("DIASPORA_LANGUAGE")  # IT officers and the frozen-bundle test
    translated = controller.languages.switch_to(forced_language) if forced_language in LANGUAGES else True
    if os.environ.get("DIASPORA_SMOKE_TEST") == "1":
        controller.started.connect(
            lambda: QTimer.singleShot(500, lambda: _smoke_report(controller, translated))
        )
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
