"""Nothing a clerk typed is lost: the open form is kept in the encrypted store and offered back.

``AutosaveKeeper`` writes the form's answers to the store's ``autosaves`` table (forms.store.autosave)
after a few seconds without typing, and at once when the desk locks or quits (the lock controller's
``about_to_lock``, sent while the store is still open). Every write is a task on the store lane: the
clerk never waits for it. A save, a kept draft, a discarded draft or a fresh form clears it. At the
next unlock the page asks: "Continue the registration of ...?"; a crash (even SIGKILL) loses at most
the last few seconds of typing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage

log = logging.getLogger(__name__)

IDLE_MS = 3000  # a pause this long in the typing writes the autosave


def typed_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers without the form's own metadata (start and end times, instance id)."""
    return {name: value for name, value in answers.items() if name != "meta"}


class AutosaveKeeper(QObject):
    """Writes the page's form to the store when the clerk pauses, locks or quits; offers it back."""

    offer_shown = Signal(object)  # the QMessageBox asking whether to continue

    def __init__(self, page: RegistrationPage) -> None:
        super().__init__(page)
        self.page = page
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self._idle)
        self.pending = False  # typed since the last write
        self.offer: QMessageBox | None = None
        self.writes = 0  # autosaves sent to the lane (tests and the benchmark read it)
        # What the store holds already (form, record, batch, answers): the same again is not re-encrypted.
        self._written: tuple[Any, ...] | None = None
        self._in_flight = 0  # idle writes queued on the lane and not done yet

    # --- writing ----------------------------------------------------------------------------------
    def edited(self) -> None:
        self.pending = True
        self.timer.start()

    def _idle(self) -> None:
        """The clerk paused. While an earlier write is still on the lane, this one waits for it (the
        newest answers then go in one write): the lane never piles up writes behind a slow disk."""
        if self._in_flight:
            return  # pending stays set: _written() writes again when the lane is done
        self.write_now()

    def write_now(self) -> None:
        """Queue the write on the store lane (while it is open); never waits for it. At a lock or a
        quit it is called directly, so it never waits for an earlier write either (the lane keeps order)."""
        self.timer.stop()
        page, lane = self.page, self.page.context.lane
        session, definition = page.renderer.session, page.definition
        if not self.pending or session is None or definition is None or not lane.is_open:
            return
        self.pending = False
        answers = session.answers()
        typed = typed_answers(answers)
        if not page.typed_something(answers):
            self.clear()
            return
        from forms.store.autosave import prepare_autosave, write_prepared

        form_id, version = definition.form_id, definition.version
        record_id = page.record_id
        batch_id = page.batch.id if page.batch is not None else page.record_batch_id
        state = (form_id, version, record_id, batch_id, typed)
        if state == self._written:
            return  # an edit undone, a key that changed nothing: the store holds this already
        # Serialised here, while the clerk pauses: the lane's task is the one statement, so it takes the
        # GIL from the GUI thread as few times as it can if the next key comes while it runs. Before the
        # counters: a failure here (it runs in the lock's slot too) must not leave a write in flight that
        # never ends, which would stop every later autosave of the session.
        try:
            prepared = prepare_autosave(form_id, version, answers, record_id=record_id, batch_id=batch_id)
        except Exception as exc:  # said in the log by kind only; the next pause tries again
            log.error("autosave could not be prepared: %s", type(exc).__name__)
            self.pending = True
            return
        self._written = state
        self.writes += 1
        self._in_flight += 1
        lane.run(lambda store: write_prepared(store, prepared), lambda _none: self._done(), self._failed)

    def _done(self) -> None:
        self._in_flight = max(self._in_flight - 1, 0)
        if self.pending and not self._in_flight and not self.timer.isActive():
            self.write_now()  # typed while the last write ran, and already paused again

    def _failed(self, error: BaseException) -> None:
        log.error("autosave failed: %s", type(error).__name__)
        self._written = None  # not in the store after all: the next pause writes it again
        self._done()

    def clear(self, outcome: str | None = None) -> None:
        """The form on screen is saved, kept or thrown away on purpose: no autosave waits."""
        self.timer.stop()
        self.pending = False
        self._written = None
        lane = self.page.context.lane
        if not lane.is_open:
            return
        from forms.store.autosave import clear_autosave

        lane.run(
            lambda store: clear_autosave(store, outcome=outcome),
            None,
            lambda error: log.error("autosave could not be cleared: %s", type(error).__name__),
        )

    def forget(self) -> None:
        """Locked: the form is gone from the screen (what was typed is in the store already)."""
        self.timer.stop()
        self.pending = False
        self._written = None
        self._in_flight = 0  # the lane drops the outcomes of a closed session: none will come back
        if self.offer is not None:
            self.offer.reject()

    # --- offering it back -------------------------------------------------------------------------
    def look_for_one(self) -> None:
        """After an unlock: is a form waiting from the last session (a lock, a quit, a crash)?"""
        from forms.store.autosave import read_autosave

        self.page.context.lane.run(
            read_autosave,
            self._found,
            lambda error: log.error("autosave could not be read: %s", type(error).__name__),
        )

    def _found(self, autosave: Any) -> None:
        if autosave is None or self.page.definition is None:
            return
        if not self.page.typed_something(autosave.answers):
            self.clear()
            return
        person = autosave.person()
        box = QMessageBox(self.page)
        box.setObjectName("autosave_offer")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unfinished registration"))
        if person:
            box.setText(self.tr("Continue the registration of %1?").replace("%1", person))
        else:
            box.setText(self.tr("Continue the unfinished registration?"))
        box.setInformativeText(
            self.tr("It was on screen when the desk was last locked or closed; discarding cannot be undone.")
        )
        keep = box.addButton(self.tr("Continue"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("continue")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)  # Escape never throws typed work away
        self.offer = box

        def decided(_result: int) -> None:
            self.offer = None
            chosen = box.clickedButton()
            box.deleteLater()
            if chosen is discard:
                self.clear(outcome="discarded")
                self.page.show_message(self.tr("The unfinished registration was discarded."))
            elif chosen is keep:
                self.page.restore_autosave(autosave)
                self.clear(outcome="restored")
                self.pending = True  # on screen again and not saved: written again right behind the clear
                self.write_now()

        box.finished.connect(decided)
        box.open()
        self.offer_shown.emit(box)
