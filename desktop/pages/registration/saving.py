"""What Save does, step by step, without ever blocking the GUI thread.

Save: fill the hidden batch and operator fields, refuse with every problem shown under its field,
ask the store for likely earlier registrations (same document number, or same birth date and a
similar name) and, for a new registration when the laptop is enrolled and the server answers within
about a second, the registry server (sync/client/possible_match.py), let the clerk choose in the
duplicate dialog (the choice is audited), then write the record (record, outbox and audit in one
transaction). Save draft skips the checks: a draft may be half-typed, it is stored encrypted and
resumed later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from desktop.dialogs.duplicate_dialog import OPEN_EARLIER, DuplicateDialog

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage
    from desktop.tasks import StoreLane
    from forms.engine.session import FormSession

log = logging.getLogger(__name__)


class SaveFlow(QObject):
    """One save at a time; its steps come back from the store lane as signals on the GUI thread.

    ``failed`` carries the error of a store step that failed (the save is over; the page says why).
    """

    duplicate_dialog_shown = Signal(object)
    failed = Signal(object)

    def __init__(self, page: RegistrationPage, lane: StoreLane) -> None:
        super().__init__(page)
        self.page = page
        self.lane = lane
        self.busy = False
        self.dialog: DuplicateDialog | None = None

    def save(self, session: FormSession | None, draft: bool, then: Callable[[], None] | None = None) -> None:
        """Save (or keep as a draft) the answers of ``session``, the form on the page."""
        page = self.page
        if self.busy or session is None or page.definition is None:
            return
        if page.batch is None and page.record_id is None:
            page.show_message(
                QCoreApplication.translate(
                    "RegistrationPage", "Open a batch first: every registration belongs to a batch."
                ),
                code="no_batch",
            )
            page.batch_button.setFocus()
            return
        if draft and page.record_id is None and not page.typed_something():
            nothing = "Nothing typed yet: there is no draft to keep."
            page.show_message(QCoreApplication.translate("RegistrationPage", nothing))
            return
        self._fill_hidden_fields(session)
        if not draft:
            problems = page.renderer.refresh_problems(show_all=True)
            if problems:
                page.show_message(
                    QCoreApplication.translate(
                        "RegistrationPage", "%n answer(s) need attention before saving.", None, len(problems)
                    )
                )
                row = page.renderer.first_row_with_problem(problems)
                if row is not None and row.input is not None and row.input.focus_widgets():
                    page.scroll_area.ensureWidgetVisible(row)
                    row.input.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)
                return
        answers = session.answers()
        self.busy = True
        if draft:
            self._write(answers, True, then)
            return
        record_id, definition = page.record_id, page.definition
        self.lane.run(
            lambda store: _checks(store, answers, record_id, definition),
            lambda found: self._duplicates_checked(found[0], answers, then, found[1], found[2]),
            self._failed,
        )

    def _fill_hidden_fields(self, session: FormSession) -> None:
        """The batch and operator the form records, for a new registration (an edit keeps its own)."""
        page = self.page
        store = self.lane.store
        if page.record_id is not None or page.batch is None:
            return
        values = {
            "registration_batch": page.batch.name,
            "registration_place": page.batch.place,
            "operator": store.operator.name if store is not None else None,
        }
        for name, value in values.items():
            if value and name in session.definition.by_name:
                session.set(name, value)

    def _duplicates_checked(
        self,
        candidates: list[Any],
        answers: dict[str, Any],
        then: Any,
        server: Any = None,
        identifying: list[str] | None = None,
    ) -> None:
        if not candidates and (server is None or not server.found):
            self._write(answers, False, then)
            return
        dialog = DuplicateDialog(candidates, self.page, server, self._columns(identifying))
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._decided(dialog, answers, then))
        dialog.open()
        self.duplicate_dialog_shown.emit(dialog)

    def _columns(self, identifying: list[str] | None) -> list[tuple[str, str]] | None:
        """The duplicate list's columns for a programme's own form: its identifying questions' labels,
        each read from the column the store keeps it in; None: the shipped form's."""
        from desktop.pages.registration.markup import to_plain_text
        from forms.store.fields import search_slots

        definition = self.page.definition
        if not identifying or definition is None:
            return None
        language = definition.resolve_language(self.page.context.languages.language)
        slots = search_slots(identifying)
        return [
            (
                to_plain_text(definition.question(name).label(language, definition.default_language)) or name,
                slot,
            )
            for name, slot in slots.items()
        ]

    def _decided(self, dialog: DuplicateDialog, answers: dict[str, Any], then: Any) -> None:
        self.dialog = None
        decision, earlier = dialog.decision, dialog.chosen_record_id()
        dialog.deleteLater()
        if decision is None:
            self.busy = False
            self.page.show_message(
                QCoreApplication.translate(
                    "RegistrationPage", "Not saved yet: the registration is still on screen."
                )
            )
            return
        server = {"server_reference": dialog.server.reference} if dialog.server is not None else {}
        self.lane.run(
            lambda store: store.audit("duplicate_warning", record_id=earlier, decision=decision, **server),
            None,
            self._failed,
        )
        if decision == OPEN_EARLIER and earlier is not None:
            self.busy = False
            self.page.open_record(
                earlier,
                QCoreApplication.translate(
                    "RegistrationPage",
                    "The earlier record is open; the answers typed just now were not saved.",
                ),
            )
            return
        self._write(answers, False, then)

    def _write(self, answers: dict[str, Any], draft: bool, then: Any) -> None:
        from forms.library import search_fields
        from forms.store.records import save_record

        page = self.page
        definition = page.definition
        # save() refuses without a batch unless the record exists (it has its batch); were none known,
        # the store answers "That batch does not exist in this store." as it always did
        batch_id: str = (page.batch.id if page.batch is not None else page.record_batch_id) or ""
        record_id = page.record_id
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
            lambda version: self._written(version, draft, then),
            self._failed,
        )

    def _written(self, version: Any, draft: bool, then: Any) -> None:
        self.busy = False
        page = self.page
        page.record_id = version.record_id
        page.record_batch_id = version.batch_id
        page.set_record_status(version.status)
        page.dirty = False
        page.autosave.clear()  # saved (or kept as a draft): nothing left to offer back
        if draft:
            page.show_message(
                QCoreApplication.translate(
                    "RegistrationPage", "Draft saved. It stays on this computer, encrypted, until finished."
                )
            )
        else:
            page.show_message(
                QCoreApplication.translate("RegistrationPage", "Saved. Press Ctrl+N for the next person.")
            )
        page.record_saved.emit(version)
        if then is not None:
            then()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.failed.emit(error)


def _checks(
    store: Any, answers: dict[str, Any], record_id: str | None, definition: Any = None
) -> tuple[list[Any], Any, list[str] | None]:
    """On the store lane: the local duplicates (a programme's own form: among its records, by its
    identifying fields), then, for a new registration only, the registry server's answer (None at once
    when not enrolled or offline; at most about a second each to connect and to answer otherwise; it
    never raises and audits itself); and the form's identifying fields (None: the shipped form)."""
    from forms.library import search_fields
    from forms.store.search import find_duplicates
    from sync.client import possible_match

    identifying = search_fields(store, definition) if definition is not None else None
    form_id = str(definition.form_id) if identifying is not None else None
    candidates = find_duplicates(
        store, answers, exclude_record_id=record_id, identifying=identifying, form_id=form_id
    )
    server = possible_match.check(store, answers) if record_id is None else None
    return candidates, server, identifying
