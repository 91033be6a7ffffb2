"""The registration page: the batch, the form, and Save draft / Save / Next person.

Keyboard first: Tab and Shift+Tab follow the form, Enter advances, Ctrl+S saves, Ctrl+D saves a draft,
Ctrl+N starts the next person (an unfinished registration is kept as a draft, never thrown away).
Every store access runs on the store lane; the form is loaded on a worker, off the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.batch_dialog import BatchDialog
from desktop.pages.registration.autosave import AutosaveKeeper, typed_answers
from desktop.pages.registration.batch_menu import BatchMenu
from desktop.pages.registration.contact_language import contact_language_preset, preset_contact_language
from desktop.pages.registration.form_tools import attach_form_tools
from desktop.pages.registration.renderer import FormRenderer
from desktop.pages.registration.saving import NO_BATCH, NOT_DECIDED, NOTHING_TYPED, SaveFlow, SaveRequest
from desktop.widgets.attachment_input import StoreAttachments
from desktop.windows.errors import failure_sentence
from forms.errors import DeskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop.pages import DeskContext
    from forms.engine.definition import FormDefinition
    from forms.engine.problems import Problem
    from forms.library import FormChoice
    from forms.store import Store
    from forms.store.autosave import Autosave
    from forms.store.batches import BatchInfo
    from forms.store.records import RecordVersion

log = logging.getLogger(__name__)


def is_shipped(form_id: str) -> bool:
    from forms.library import is_shipped as shipped

    return shipped(form_id)


def same_form(one: FormDefinition | None, other: FormDefinition | None) -> bool:
    """The same form version (two loads of one form are two objects)."""
    if one is None or other is None:
        return one is other
    return (one.form_id, one.version) == (other.form_id, other.version)


def batch_form_and_fields(store: Store, batch_id: str) -> tuple[FormDefinition | None, list[str]]:
    """On the store lane: the batch's form and the fields that identify a person in it; (None, [])
    for a batch of the default form (the page's own)."""
    from forms.library import batch_form, identifying_fields
    from forms.store.form_library import batch_form_id

    if batch_form_id(store, batch_id) is None:
        return None, []
    definition = batch_form(store, batch_id)
    return definition, identifying_fields(store, definition)


def form_language_name(language: str) -> str:
    """A form language in its own words where we know it ("French (fr)" -> "Français"), else as written."""
    from desktop.i18n import LANGUAGE_NAMES

    code = language.rsplit("(", 1)[-1].rstrip(")").strip() if language.endswith(")") else ""
    return LANGUAGE_NAMES.get(code, language.split(" (")[0])


def identifies_someone(answers: Mapping[str, object], fields: list[str] | None = None) -> bool:
    """A name or a document number (or the form's own identifying fields): what a draft needs to be
    found again in the records list."""
    from forms.store.fields import DOCUMENT_NUMBER, FAMILY_NAME, GIVEN_NAME

    names = fields or (GIVEN_NAME, FAMILY_NAME, DOCUMENT_NUMBER)
    return any(str(answers.get(name) or "").strip() for name in names)


class RegistrationPage(QWidget):
    record_saved = Signal(object)  # the saved RecordVersion
    earlier_record_requested = Signal(str)  # a record id the clerk chose to open from the duplicate warning
    form_loaded = Signal()
    record_opened = Signal(object)  # the RecordVersion now on screen
    batch_changed = Signal(object)  # BatchInfo or None

    def __init__(self, context: DeskContext, form_path: str | Path | None = None) -> None:
        super().__init__()
        self.setObjectName("RegistrationPage")
        self.context = context
        self.definition: FormDefinition | None = None
        # the form of the current batch (shown for the next person)
        self.batch_definition: FormDefinition | None = None
        self.default_definition: FormDefinition | None = None  # the shipped form (or the one given)
        self.identifying: list[str] = []  # the batch form's identifying fields (forms.library)
        self._batch_form_of: str | None = None  # the batch id batch_definition was read for
        self.batch: BatchInfo | None = None
        self.batch_known = False  # the store has said which batch is open (maybe none)
        self.record_id: str | None = None  # set once this person's record exists (draft or final)
        self.record_batch_id: str | None = None
        self.record_status: str | None = None  # "draft" or "final" once the record exists
        self.device_id = ""  # the desk's one device id, read on the store lane when a session starts
        self.operator = ""  # who is signed in (the form's operator field), read on the lane likewise
        self.discard_question: QMessageBox | None = None
        self.batch_dialog: BatchDialog | None = None
        self.dirty = False
        self._message_code = ""
        self._blank: dict[str, object] = {}  # the answers of an untouched form (defaults, calculations)
        self._preset: tuple[str, str] | None = None  # contact_language.preset_contact_language's answer
        self._build()
        self.flow = SaveFlow(context.lane, lambda: self.renderer.refresh_problems(show_all=True), self)
        self.flow.saved.connect(self._saved)
        self.flow.refused.connect(self._save_refused)
        self.flow.declined.connect(self._save_declined)
        self.flow.earlier_chosen.connect(self._earlier_chosen)
        self.flow.failed.connect(self._store_failed)
        self.autosave = AutosaveKeeper(self)
        self.batch_menu = BatchMenu(self)
        self.batch_menu.chosen.connect(self._batch_opened)
        self.batch_menu.failed.connect(self._store_failed)
        self.form_tools = attach_form_tools(self)  # passport scan, receipt, section navigator
        context.lock.about_to_lock.connect(lambda _reason: self.autosave.write_now())
        self.setFocusProxy(self.save_button)  # until the form is on screen (see chain_tab_order)
        context.lock.registry.register(self)
        context.lock.unlocked.connect(lambda _store: self._session_started())
        context.languages.language_changed.connect(self._interface_language_changed)
        self._load_form(form_path)
        self.retranslate_ui()

    # --- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batch_label")
        self.batch_button = QPushButton()
        self.batch_button.setObjectName("batch_button")
        self.batch_button.clicked.connect(self.open_or_close_batch)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("form_language")
        self.language_combo.currentIndexChanged.connect(self._form_language_chosen)
        self.editing_label = QLabel()
        self.editing_label.setObjectName("editing_label")
        self.editing_label.setStyleSheet("QLabel { background: #fff4ce; padding: 4px; }")
        self.editing_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.batch_label, 1)
        top.addWidget(self.batch_button)
        top.addSpacing(16)
        top.addWidget(self.language_label)
        top.addWidget(self.language_combo)

        self.renderer = FormRenderer()
        self.renderer.attachments = StoreAttachments(self.context.lane, self._store_failed)
        self.renderer.answer_edited.connect(self._answer_edited)
        self.renderer.repeats_changed.connect(self.chain_tab_order)
        self.renderer.end_reached.connect(lambda: self.save_button.setFocus(Qt.FocusReason.TabFocusReason))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.renderer)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard_draft")
        self.discard_button.clicked.connect(self.discard_draft)
        self.discard_button.hide()  # only while the form holds a draft
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("save_draft")
        self.draft_button.clicked.connect(lambda: self.save(draft=True))
        self.save_button: QPushButton = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save(draft=False))
        self.next_button = QPushButton()
        self.next_button.setObjectName("next_person")
        self.next_button.clicked.connect(self.next_person)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.draft_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editing_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+S", lambda: self.save(draft=False)),
            ("Ctrl+D", lambda: self.save(draft=True)),
            ("Ctrl+N", self.next_person),
            ("Ctrl+B", lambda: self.batch_menu.show()),
            ("Ctrl+Shift+D", self.discard_draft),  # the button was out of the keyboard's reach
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def title(self) -> str:
        return self.tr("Register")

    # --- the form ---------------------------------------------------------------------------------
    def _load_form(self, form_path: str | Path | None) -> None:
        from forms.engine import load_form, shipped_form_path

        path = form_path or shipped_form_path()
        self.context.workers.submit(lambda: load_form(path), self._form_ready, self._form_failed)

    def _form_ready(self, definition: FormDefinition) -> None:
        self.default_definition = definition  # batches opened without a form of the library use it
        self._show_definition(definition)
        if self.context.lane.is_open:
            self._session_started()
        self.form_loaded.emit()

    def _show_definition(self, definition: FormDefinition) -> None:
        """The form the next person is registered with (its languages in the language box)."""
        self.definition = definition
        self._blank = typed_answers(definition.new_session().answers())
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        for language in definition.languages:
            self.language_combo.addItem(form_language_name(language), language)
        self.language_combo.blockSignals(False)
        self._select_form_language(self.context.languages.language)

    def _form_failed(self, error: BaseException) -> None:
        log.error("the registration form did not load: %s", type(error).__name__)
        self.show_message(failure_sentence(error, self.tr("The registration form could not be loaded.")))

    def _select_form_language(self, ui_language: str) -> None:
        if self.definition is None:
            return
        wanted = self.definition.resolve_language(ui_language)
        index = self.language_combo.findData(wanted)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def form_language(self) -> str | None:
        data = self.language_combo.currentData()
        return str(data) if data else None

    def _form_language_chosen(self, _index: int) -> None:
        session = self.renderer.session
        if session is not None:
            from PySide6.QtWidgets import QApplication

            focused = QApplication.focusWidget()
            row = self.renderer.row_of(focused)
            session.set_language(self.form_language())
            self.renderer.refresh()
            self.chain_tab_order()
            if row is not None and row.input is not None and focused not in row.input.focus_widgets():
                # Its choices were redrawn in the new language: the focus stays on the same question.
                stops = row.input.focus_widgets()
                checked = [w for w in stops if getattr(w, "isChecked", lambda: False)()]
                if stops:
                    (checked or stops)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _interface_language_changed(self, language: str) -> None:
        self._select_form_language(language)

    def start_person(
        self,
        answers: dict[str, object] | None = None,
        record_id: str | None = None,
        definition: FormDefinition | None = None,
    ) -> None:
        """A fresh form (or one restored from a draft or a record being edited, with ``definition``, the
        form version it was made with). A new person gets the current batch's form."""
        wanted = definition or (self.batch_definition if record_id is None and answers is None else None)
        if wanted is not None and not same_form(wanted, self.definition):
            self._show_definition(wanted)
        if self.definition is None:
            return
        session = self.definition.new_session(
            language=self.form_language(), answers=answers, device_id=self.device_id
        )
        # The contact language a fresh form starts at (contact_language.py): not typed by the clerk.
        language = self.context.languages.language
        if answers is None:
            self._preset = preset_contact_language(session, self.definition, self.form_language(), language)
        else:
            found = contact_language_preset(self.definition, self.form_language(), language)
            self._preset = (found[0].name, found[1]) if found else None
        self.record_id = record_id
        self.record_batch_id = None
        self.set_record_status(None)
        self.dirty = False
        self.renderer.show_session(session)
        self.message.clear()
        self.chain_tab_order()
        self.editing_label.setVisible(record_id is not None)
        self.retranslate_ui()
        self.focus_first_field()

    def open_record(self, record_id: str, message: str = "") -> None:
        """Show a saved record (or draft) in the form; saving it makes a new version."""
        from forms.store.records import latest_version

        def loaded(found: tuple[RecordVersion, FormDefinition | None]) -> None:
            self._record_loaded(*found)
            self.show_message(message)

        def read(store: Store) -> tuple[RecordVersion, FormDefinition | None]:
            from forms.library import form_for

            version = latest_version(store, record_id)
            try:
                return version, form_for(store, version.form_id, version.form_version)  # its own version
            except DeskError:  # a form this desk does not hold (any more): the form on screen
                return version, None

        self.context.lane.run(read, loaded, self._store_failed)

    def _record_loaded(self, version: RecordVersion, definition: FormDefinition | None = None) -> None:
        self.start_person(answers=version.answers, record_id=version.record_id, definition=definition)
        self.record_batch_id = version.batch_id
        self.set_record_status(version.status)
        self.record_opened.emit(version)

    def set_record_status(self, status: str | None) -> None:
        self.record_status = status
        self.discard_button.setVisible(status == "draft")

    def discard_draft(self) -> None:
        """Throw the draft on screen away, after asking (audited by the store)."""
        from desktop.pages.registration.discarding import ask_to_discard

        session = self.renderer.session
        if self.record_id is None or self.record_status != "draft" or session is None:
            return
        answers = session.answers()
        names = [answers.get(name) for name in self.identifying or ("given_name", "family_name")]
        person = " ".join(str(name) for name in names[:2] if name)
        self.discard_question = ask_to_discard(
            self, self.context.lane, self.record_id, person, self._draft_discarded, self._store_failed
        )

    def _draft_discarded(self) -> None:
        self.discard_question = None
        self.autosave.clear()
        self.start_person()
        self.show_message(self.tr("The draft was discarded."))
        self.context.refresh_status()

    def focus_first_field(self) -> None:
        widgets = [w for w in self.renderer.focus_widgets() if w.isVisibleTo(self) and w.isEnabled()]
        if widgets:
            widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def chain_tab_order(self) -> None:
        fields = self.renderer.focus_widgets()
        # Showing the page (Ctrl+1, the sidebar) lands on the first question, not on the batch line.
        self.setFocusProxy(fields[0] if fields else self.save_button)
        chain = [self.batch_button, self.language_combo, *fields]
        chain += [self.discard_button, self.draft_button, self.save_button, self.next_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _answer_edited(self) -> None:
        self.dirty = True
        if self._message_code == "restored":  # true until the clerk types on (the focus stays put)
            self.show_message("")
        self.chain_tab_order()
        self.autosave.edited()

    def typed_something(self, answers: dict[str, object] | None = None) -> bool:
        """Whether the form holds anything the clerk typed (an untouched form is not worth keeping)."""
        if answers is None:
            session = self.renderer.session
            if session is None:
                return False
            answers = session.answers()
        typed = typed_answers(answers)
        if self._preset is not None and typed.get(self._preset[0]) == self._preset[1]:
            typed.pop(self._preset[0])  # the contact language a fresh form starts at is not typing
        return typed != self._blank

    def restore_autosave(self, autosave: Autosave) -> None:
        """The form that was on screen at the last lock, quit or crash, back as it was (with its form)."""
        definition = self.definition
        if definition is not None and (autosave.form_id, autosave.form_version) != (
            definition.form_id,
            definition.version,
        ):
            from forms.library import form_for

            form_id, version = autosave.form_id, autosave.form_version
            self.context.lane.run(
                lambda store: form_for(store, form_id, version),
                lambda found: self._restore_with(autosave, found),
                self._store_failed,
            )
            return
        self._restore_with(autosave, None)

    def _restore_with(self, autosave: Autosave, definition: FormDefinition | None) -> None:
        self.start_person(answers=autosave.answers, record_id=autosave.record_id, definition=definition)
        self.record_batch_id = autosave.batch_id if autosave.record_id else None
        self.dirty = True
        self.show_message(self.tr("The unfinished registration is back on screen."), "restored")
        self.focus_where_left_off()

    def focus_where_left_off(self) -> None:
        """The question after the last one answered (where the clerk was typing), not the first one: a
        restored half registration goes on without walking through twenty answered questions again."""
        session = self.renderer.session
        if session is None:
            return
        answered = [
            row
            for row in self.renderer.rows
            if row.input is not None
            and row.input.focus_widgets()
            and row.isVisibleTo(self.renderer)
            and session.value(row.question.name, row.at) not in (None, "")
            and (row.question.name, session.value(row.question.name, row.at)) != self._preset
        ]
        last = answered[-1].input if answered else None
        if last is not None:
            self.renderer.advance_from(last.focus_widgets()[0])

    # --- batch ------------------------------------------------------------------------------------
    def _session_started(self) -> None:
        from forms.store.current_batch import current_batch

        # The batch this operator chose, as it was before the lock (forms.store.current_batch).
        self.context.lane.run(lambda store: current_batch(store, remember=True), self.set_batch)
        self.context.lane.run(lambda store: store.operator.name, self._operator_read)
        # The first person once the device id is known (stamped into the form's deviceid); read on the
        # lane like every store read, the autosave looked for after it (the lane keeps the order).
        self.context.lane.run(lambda store: store.device_id, self._device_id_read, self._device_id_failed)
        self.autosave.look_for_one()

    def _operator_read(self, name: str) -> None:
        self.operator = name

    def _device_id_read(self, device_id: str) -> None:
        self.device_id = device_id
        self.start_person()

    def _device_id_failed(self, error: BaseException) -> None:
        self.start_person()  # the form still opens; the failure is said like any other store failure
        self._store_failed(error)

    def set_batch(self, batch: BatchInfo | None) -> None:
        self.batch = batch
        self.batch_known = True
        if batch is not None and self._message_code == "no_batch":
            self.show_message("")  # "Open a batch first" is no longer true
        self.retranslate_ui()
        self.batch_changed.emit(batch)
        if batch is not None:
            batch_id = batch.id
            self.context.lane.run(
                lambda store: batch_form_and_fields(store, batch_id),
                lambda found: self._batch_form_read(batch_id, *found),
                self._store_failed,
            )

    def _batch_form_read(self, batch_id: str, definition: FormDefinition | None, fields: list[str]) -> None:
        """The batch is filled with ``definition``: the next person gets it (at once when the form on
        screen holds nothing typed); the batch line names it."""
        if self.batch is None or self.batch.id != batch_id:
            return  # another batch was chosen meanwhile
        definition = definition or self.default_definition
        self.batch_definition, self.identifying = definition, fields
        self._batch_form_of = batch_id if definition is not None else None
        self.retranslate_ui()
        if definition is None:
            return
        if same_form(definition, self.definition):
            return
        if self.record_id is None and not (self.dirty and self.typed_something()):
            self.start_person()
        else:
            self.show_message(
                self.tr("This batch is filled with the form %1: it comes with the next person.").replace(
                    "%1", str(definition.title)
                )
            )

    def current_batch_form(self) -> tuple[BatchInfo | None, FormDefinition | None]:
        """(the current batch or None, the form it is filled with, or None while the store has not said
        it yet): what File > Import and File > Export start from. Without a batch, the default form."""
        if self.batch is None:
            return None, self.default_definition
        known = self._batch_form_of == self.batch.id
        return self.batch, self.batch_definition if known else None

    def open_or_close_batch(self) -> None:
        if self.batch is not None:
            self.close_current_batch()
        else:
            self.open_new_batch()

    def close_current_batch(self) -> None:
        from forms.store.current_batch import close_current

        if self.batch is None:
            return
        batch_id = self.batch.id
        self.context.lane.run(
            lambda store: close_current(store, batch_id), lambda _b: self.set_batch(None), self._store_failed
        )

    def open_new_batch(self) -> None:
        from forms.library import available_forms, open_batch_with_form

        dialog = BatchDialog(self)
        self.batch_dialog = dialog
        current = self.batch_definition.form_id if self.batch_definition is not None else None

        def offer(choices: list[FormChoice]) -> None:
            if self.batch_dialog is dialog:  # not closed meanwhile
                dialog.set_forms(choices, current)

        self.context.lane.run(available_forms, offer)

        def chosen(result: int) -> None:
            self.batch_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            name, place, day = dialog.values()
            form_id = dialog.form_id()
            self.context.lane.run(
                lambda store: open_batch_with_form(store, name, place, day, form_id)[0],
                self._batch_opened,
                self._store_failed,
            )

        dialog.finished.connect(chosen)
        dialog.open()  # window-modal, not a nested event loop: the lane's answers keep arriving

    def _batch_opened(self, batch: BatchInfo) -> None:
        self.set_batch(batch)
        self.focus_first_field()

    # --- saving -----------------------------------------------------------------------------------
    def save(self, draft: bool, then: Callable[[], None] | None = None) -> None:
        """Save (or keep as a draft) the form on screen; ``then`` runs once it is written."""
        request = self.save_request()
        if request is not None:
            self.flow.save(request, draft, then)

    def save_request(self) -> SaveRequest | None:
        """What SaveFlow saves: the form on screen, the batch, the record being edited (None: no form)."""
        session = self.renderer.session
        if session is None or self.definition is None:
            return None
        return SaveRequest(
            session,
            self.batch,
            self.record_id,
            self.record_batch_id,
            self.operator,
            typed=self.typed_something(),
            language=self.context.languages.language,
        )

    def _saved(self, version: RecordVersion) -> None:
        self.record_id = version.record_id
        self.record_batch_id = version.batch_id
        self.set_record_status(version.status)
        self.dirty = False
        self.autosave.clear()  # saved (or kept as a draft): nothing left to offer back
        if version.is_draft:
            self.show_message(self.tr("Draft saved. It stays on this computer, encrypted, until finished."))
        else:
            self.show_message(self.tr("Saved. Press Ctrl+N for the next person."))
        self.record_saved.emit(version)

    def _save_refused(self, problems: dict[str, Problem]) -> None:
        """Every problem is shown under its field; the first one gets the focus."""
        self.show_message(self.tr("%n answer(s) need attention before saving.", None, len(problems)))
        row = self.renderer.first_row_with_problem(problems)
        if row is not None and row.input is not None and row.input.focus_widgets():
            self.scroll_area.ensureWidgetVisible(row)
            row.input.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_declined(self, reason: str) -> None:
        if reason == NO_BATCH:
            self.show_message(
                self.tr("Open a batch first: every registration belongs to a batch."), code=reason
            )
            self.batch_button.setFocus()
        elif reason == NOTHING_TYPED:
            self.show_message(self.tr("Nothing typed yet: there is no draft to keep."))
        elif reason == NOT_DECIDED:
            self.show_message(self.tr("Not saved yet: the registration is still on screen."))

    def _earlier_chosen(self, record_id: str) -> None:
        self.open_record(
            record_id, self.tr("The earlier record is open; the answers typed just now were not saved.")
        )
        self.earlier_record_requested.emit(record_id)

    def next_person(self) -> None:
        """Start the next person; an unfinished, unsaved registration is kept as a draft first (an
        untouched form is not: no empty, nameless drafts)."""
        session = self.renderer.session
        answers = session.answers() if session is not None else {}
        typed = self.dirty and self.typed_something(answers)
        if typed and self.record_id is None and not identifies_someone(answers, self.identifying):
            self.autosave.clear()
            self.start_person()
            self.show_message(self.tr("Nothing was kept: no name or document number had been typed."))
            return
        if typed:
            # without a batch: says so
            self.save(draft=True, then=self._start_next_after_draft)
            return
        self.autosave.clear()
        self.start_person()
        self.show_message("")

    def _start_next_after_draft(self) -> None:
        self.start_person()
        self.show_message(self.tr("The unfinished registration was kept as a draft."))

    def _store_failed(self, error: BaseException) -> None:
        # DeskErrors carry one plain sentence; anything else is logged without its text (personal data)
        fallback = self.tr("That did not work; the registration is still on screen.")
        self.show_message(failure_sentence(error, fallback))

    def show_message(self, text: str, code: str = "") -> None:
        """``code`` names a message that stops being true later ("no_batch"), so it can be cleared then."""
        self.message.setText(text)
        self._message_code = code

    # --- lock and language --------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        self.autosave.forget()
        self.record_id = None
        self.dirty = False
        self.renderer.clear_personal_data()
        self.message.clear()
        self.editing_label.hide()
        self.batch = None
        self.batch_known = False
        self.operator = ""  # read again on the lane at the next unlock

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self.batch is None:
            self.batch_label.setText(self.tr("No open batch: open one before registering."))
            self.batch_button.setText(self.tr("Open a batch..."))
        else:
            text = (
                self.tr("Batch: %1, %2, %3")
                .replace("%1", self.batch.name)
                .replace("%2", self.batch.place or "-")
                .replace("%3", self.batch.day)
            )
            form = self.batch_definition
            if form is not None and not is_shipped(form.form_id):  # a programme's own form: say which
                text += " \u2014 " + self.tr("form: %1").replace("%1", str(form.title))
            self.batch_label.setText(text)
            self.batch_button.setText(self.tr("Close the batch"))
        self.batch_button.setToolTip(self.tr("Ctrl+B: open, switch or close the batch"))
        self.language_label.setText(self.tr("Form language:"))
        self.editing_label.setText(self.tr("Editing a saved record: saving it makes a new version."))
        self.discard_button.setText(self.tr("Discard draft... (Ctrl+Shift+D)"))
        self.draft_button.setText(self.tr("Save draft (Ctrl+D)"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.next_button.setText(self.tr("Next person (Ctrl+N)"))
        if self.renderer.session is not None:
            self.renderer.refresh()
