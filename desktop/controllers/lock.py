"""Locking: auto-lock after idle, re-authentication every 12 hours, manual lock (Ctrl+L).

Locking (docs/security.md) closes the store on its lane and drops our reference to it, clears every view
and model registered as showing personal data, and clears the clipboard when the text on it is what
this app put there. The unlock screen then asks for a passphrase again.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from desktop.settings import IDLE_MINUTES_DEFAULT, IDLE_MINUTES_MAX, IDLE_MINUTES_MIN
from desktop.tasks import StoreLane

if TYPE_CHECKING:
    from forms.store import Store

log = logging.getLogger(__name__)

REAUTH_AFTER_MS = 12 * 60 * 60 * 1000

LOCK_MANUAL = "manual"
LOCK_IDLE = "idle"
LOCK_REAUTH = "reauth"

# Input that proves a person is at the keyboard; timers, paints and focus changes do not.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class ShowsPersonalData(Protocol):
    def clear_personal_data(self) -> None: ...


class PersonalDataRegistry:
    """Every view or model that can show personal data registers here; locking clears them all."""

    def __init__(self) -> None:
        self._views: dict[int, ShowsPersonalData] = {}

    def register(self, view: ShowsPersonalData) -> None:
        key = id(view)
        self._views[key] = view
        if isinstance(view, QObject):
            # Strong references would keep a dead widget's wrapper around; forget it when Qt deletes it.
            view.destroyed.connect(lambda *_: self._views.pop(key, None))

    def unregister(self, view: ShowsPersonalData) -> None:
        self._views.pop(id(view), None)

    def __len__(self) -> int:
        return len(self._views)

    def clear_all(self) -> None:
        for view in list(self._views.values()):
            try:
                view.clear_personal_data()
            except RuntimeError:  # the C++ side is already gone: nothing left to show
                self._views.pop(id(view), None)
            except Exception as error:  # the next views are cleared all the same
                log.error("clearing %s failed: %s", type(view).__name__, type(error).__name__)


class ClipboardGuard:
    """Copies text for the app and, on lock, clears the clipboard if it still holds that text.

    Only a digest is kept, so the guard itself holds no personal data.
    """

    def __init__(self) -> None:
        self._digest: bytes | None = None

    @staticmethod
    def _digest_of(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8")).digest()

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._digest = self._digest_of(text)

    def clear_if_ours(self) -> bool:
        if self._digest is None:
            return False
        clipboard = QGuiApplication.clipboard()
        ours = self._digest_of(clipboard.text()) == self._digest
        if ours:
            clipboard.clear()
        self._digest = None
        return ours


def close_open_dialogs() -> int:
    """Dismiss every open dialog (a duplicate warning, a record viewer...): any may show a person."""
    closed = 0
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
            closed += 1
    return closed


class LockController(QObject):
    """Owns the unlocked session: starts it, watches for idleness, and ends it by locking."""

    locked = Signal(str)
    unlocked = Signal(object)
    # Sent while the store is still open, before anything is cleared: the last chance to queue a store
    # task (the registration page's autosave), which the lane runs before it closes the store.
    about_to_lock = Signal(str)

    def __init__(
        self,
        lane: StoreLane,
        registry: PersonalDataRegistry | None = None,
        clipboard: ClipboardGuard | None = None,
        idle_minutes: int = IDLE_MINUTES_DEFAULT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lane = lane
        self.registry = registry or PersonalDataRegistry()
        self.clipboard = clipboard or ClipboardGuard()
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(lambda: self.lock(LOCK_IDLE))
        self._reauth_timer = QTimer(self)
        self._reauth_timer.setSingleShot(True)
        self._reauth_timer.setInterval(REAUTH_AFTER_MS)
        self._reauth_timer.timeout.connect(lambda: self.lock(LOCK_REAUTH))
        self.set_idle_minutes(idle_minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_unlocked(self) -> bool:
        return self.lane.is_open

    @property
    def idle_timeout_ms(self) -> int:
        return self._idle_timer.interval()

    def set_idle_minutes(self, minutes: int) -> int:
        """Set the auto-lock delay, kept within the 1-15 minutes the security rules allow."""
        minutes = max(IDLE_MINUTES_MIN, min(IDLE_MINUTES_MAX, int(minutes)))
        self.set_idle_timeout_ms(minutes * 60 * 1000)
        return minutes

    def set_idle_timeout_ms(self, msecs: int) -> None:
        """Exact delay in milliseconds; tests use a short one, the GUI goes through set_idle_minutes."""
        self._idle_timer.setInterval(msecs)
        if self._idle_timer.isActive():
            self._idle_timer.start()

    def set_reauth_after_ms(self, msecs: int) -> None:
        """The 12-hour re-authentication period; tests shorten it."""
        self._reauth_timer.setInterval(msecs)

    def start_session(self, store: Store) -> None:
        self.lane.attach(store)
        self._idle_timer.start()
        self._reauth_timer.start()
        self.unlocked.emit(store)

    def lock(self, reason: str = LOCK_MANUAL) -> None:
        if not self.lane.is_open:
            return
        self._idle_timer.stop()
        self._reauth_timer.stop()
        try:
            self.about_to_lock.emit(reason)
        except Exception as error:  # nothing may keep the desk from locking
            log.error("a step before locking failed: %s", type(error).__name__)
        # The store goes first: whatever a view does while being cleared, the key is already dropped.
        self.lane.detach_and_close()
        for step in (self.registry.clear_all, close_open_dialogs, self.clipboard.clear_if_ours):
            try:
                step()
            except Exception as error:  # one faulty view must not leave the others showing a person
                log.error("a step of locking failed: %s", type(error).__name__)
        log.info("locked (%s)", reason)
        self.locked.emit(reason)

    def stop_watching(self) -> None:
        """Stop the timers and the input watch (at shutdown)."""
        self._idle_timer.stop()
        self._reauth_timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._idle_timer.isActive():
            self._idle_timer.start()
        return False
