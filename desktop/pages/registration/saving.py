"""What Save does, step by step, without ever blocking the GUI thread.

Save: fill the hidden batch and operator fields, refuse with every problem shown under its field,
ask the store for likely earlier registrations (same document number, or same birth date and a
similar name) and, for a new registration when the laptop is enrolled and the server answers within
about a second, the registry server (sync/client/possible_match.py), let the clerk choose in the
duplicate dialog (the choice is audited), then write the record (record, outbox and audit in one
transaction). Save draft skips the checks: a draft may be half-typed, it is stored encrypted and
resumed later.

``SaveFlow`` takes everything it works on as inputs (the store lane at construction; the session,
batch and record of each save in a ``SaveRequest``) and answers with signals; the registration page
connects them and says what happened. It never reaches into the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.dialogs.duplicate_dialog import OPEN_EARLIER, DuplicateDialog

if TYPE_CHECKING:
    from desktop.tasks import StoreLane
    from forms.engine.definition import FormDefinition
    from forms.engine.problems import Problem
    from forms.engine.session import FormSession
    from forms.store import Store
    from forms.store.batches import BatchInfo
    from forms.store.records import RecordVersion
    from forms.store.search import DuplicateCandidate
    from sync.client.possible_match import PossibleMatch

    # the store lane's answer before the duplicate dialog: local candidates, the server's, the form's
    # identifying fields (None: the shipped form)
    Checks = tuple[list[DuplicateCandidate], PossibleMatch | None, list[str] | None]

log = logging.getLogger(__name__)

# Why a save stopped before writing anything (SaveFlow.declined); the page says it in a sentence.
NO_BATCH = "no_batch"  # a new registration without an open batch
NOTHING_TYPED = "nothing_typed"  # a draft of a form nobody typed in
NOT_DECIDED = "not_decided"  # the duplicate dialog was closed without a choice

Answers = dict[str, object]


@dataclass(frozen=True)
class SaveRequest:
    """One save's inputs, as the page holds them when the clerk presses Save."""

    session: FormSession  # the form on screen (its definition is the form saved)
    batch: BatchInfo | None  # the open batch, which a new registration goes into
    record_id: str | None = None  # the record being edited (None: a new person)
    record_batch_id: str | None = None  # the edited record's own batch
    operator: str = ""  # who is signed in: the form's operator field of a new registration
    typed: bool = True  # the form holds something the clerk typed (a draft needs it)
    language: str = ""  # the interface language (the duplicate list's column labels)


class SaveFlow(QObject):
    """One save at a time; its steps come back from the store lane as signals on the GUI thread.

    ``saved`` carries the RecordVersion written (its record id, batch and status); ``refused`` the
    problems (address -> Problem) that kept a Save from writing (``check`` has shown them under their
    fields); ``declined`` one of NO_BATCH, NOTHING_TYPED, NOT_DECIDED; ``earlier_chosen`` the record id
    the clerk chose to open from the duplicate warning instead of saving; ``failed`` the error of a
    store step that failed. Each ends the save.
    """

    saved = Signal(object)
    refused = Signal(object)
    declined = Signal(str)
    earlier_chosen = Signal(str)
    failed = Signal(object)
    duplicate_dialog_shown = Signal(object)

    def __init__(self, lane: StoreLane, check: Callable[[], Mapping[str, Problem]], parent: QWidget) -> None:
        """``check`` shows every problem of the form under its field and returns them; ``parent`` is
        the widget the duplicate dialog opens over."""
        super().__init__(parent)
        self.lane = lane
        self.check = check
        self.parent_widget = parent
        self.busy = False
        self.dialog: DuplicateDialog | None = None

    def save(self, request: SaveRequest, draft: bool, then: Callable[[], None] | None = None) -> None:
        """Save (or keep as a draft) the answers of ``request.session``; ``then`` runs after ``saved``."""
        if self.busy:
            return
        if request.batch is None and request.record_id is None:
            self.declined.emit(NO_BATCH)
            return
        if draft and request.record_id is None and not request.typed:
            self.declined.emit(NOTHING_TYPED)
            return
        session = request.session
        _fill_hidden_fields(request)
        if not draft:
            problems = dict(self.check())
            if problems:
                self.refused.emit(problems)
                return
        answers = session.answers()
        self.busy = True
        if draft:
            self._write(request, answers, True, then)
            return
        record_id, definition = request.record_id, session.definition
        self.lane.run(
            lambda store: _checks(store, answers, record_id, definition),
            lambda found: self._duplicates_checked(request, found, answers, then),
            self._failed,
        )

    def _duplicates_checked(
        self, request: SaveRequest, found: Checks, answers: Answers, then: Callable[[], None] | None
    ) -> None:
        candidates, server, identifying = found
        if not candidates and (server is None or not server.found):
            self._write(request, answers, False, then)
            return
        dialog = DuplicateDialog(
            candidates,
            self.parent_widget,
            server,
            _columns(request.session.definition, identifying, request.language),
        )
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._decided(request, dialog, answers, then))
        dialog.open()
        self.duplicate_dialog_shown.emit(dialog)

    def _decided(
        self, request: SaveRequest, dialog: DuplicateDialog, answers: Answers, then: Callable[[], None] | None
    ) -> None:
        self.dialog = None
        decision, earlier = dialog.decision, dialog.chosen_record_id()
        dialog.deleteLater()
        if decision is None:
            self.busy = False
            self.declined.emit(NOT_DECIDED)
            return
        server = {"server_reference": dialog.server.reference} if dialog.server is not None else {}
        self.lane.run(
            lambda store: store.audit("duplicate_warning", record_id=earlier, decision=decision, **server),
            None,
            self._failed,
        )
        if decision == OPEN_EARLIER and earlier is not None:
            self.busy = False
            self.earlier_chosen.emit(earlier)
            return
        self._write(request, answers, False, then)

    def _write(
        self, request: SaveRequest, answers: Answers, draft: bool, then: Callable[[], None] | None
    ) -> None:
        from forms.library import search_fields
        from forms.store.records import save_record

        definition = request.session.definition
        # save() refuses without a batch unless the record exists (it has its batch); were none known,
        # the store answers "That batch does not exist in this store." as it always did
        batch_id: str = (request.batch.id if request.batch is not None else request.record_batch_id) or ""
        record_id = request.record_id
        self.lane.run(
            lambda store: save_record(
                store,
                batch_id,
                definition.form_id,
                definition.version,
                answers,
                draft,
                record_id,
                identifying=search_fields(store, definition),  # a programme form's own names are searched
            ),
            lambda version: self._written(version, then),
            self._failed,
        )

    def _written(self, version: RecordVersion, then: Callable[[], None] | None) -> None:
        self.busy = False
        self.saved.emit(version)
        if then is not None:
            then()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.failed.emit(error)


def _fill_hidden_fields(request: SaveRequest) -> None:
    """The batch and operator the form records, for a new registration (an edit keeps its own)."""
    batch, session = request.batch, request.session
    if request.record_id is not None or batch is None:
        return
    values = {
        "registration_batch": batch.name,
        "registration_place": batch.place,
        "operator": request.operator or None,
    }
    for name, value in values.items():
        if value and name in session.definition.by_name:
            session.set(name, value)


def _columns(
    definition: FormDefinition, identifying: list[str] | None, interface_language: str
) -> list[tuple[str, str]] | None:
    """The duplicate list's columns for a programme's own form: its identifying questions' labels,
    each read from the column the store keeps it in; None: the shipped form's."""
    from desktop.pages.registration.markup import to_plain_text
    from forms.store.fields import search_slots

    if not identifying:
        return None
    language = definition.resolve_language(interface_language)
    slots = search_slots(identifying)
    return [
        (
            to_plain_text(definition.question(name).label(language, definition.default_language)) or name,
            slot,
        )
        for name, slot in slots.items()
    ]


def _checks(
    store: Store, answers: Answers, record_id: str | None, definition: FormDefinition | None = None
) -> Checks:
    """On the store lane: the local duplicates (a programme's own form: among its records, by its
    identifying fields), then, for a new registration only, the registry server's answer (None at once
    when not enrolled or offline; at most about a second each to connect and to answer otherwise; it
    never raises and audits itself); and the form's identifying fields (None: the shipped form)."""
    from forms.library import search_fields
    from forms.store.search import find_duplicates
    from sync.client import possible_match

    identifying = search_fields(store, definition) if definition is not None else None
    form_id = str(definition.form_id) if definition is not None and identifying is not None else None
    candidates = find_duplicates(
        store, answers, exclude_record_id=record_id, identifying=identifying, form_id=form_id
    )
    server = possible_match.check(store, answers) if record_id is None else None
    return candidates, server, identifying
