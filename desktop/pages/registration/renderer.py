"""The form on screen: rows of label, hint, input and problem built from the engine's question tree.

Groups become titled sections, repeats become a section per instance with Add and Remove. The
renderer owns the link between widgets and the ``FormSession``: every edit is ``set()`` on the
session, then visibility, required marks, calculated values and choice filters are refreshed (the
engine recomputes only what depends on the change, well under a frame). A problem is shown under a
field once the clerk leaves it, or for every field when a save is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.registration.inputs import DisplayInput, PhoneInput, QuestionInput, input_for
from desktop.pages.registration.problem_text import problem_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from desktop.widgets.attachment_input import StoreAttachments
    from forms.engine.model import Question
    from forms.engine.problems import Problem
    from forms.engine.session import FormSession

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SECTION_STYLE = (
    "QGroupBox { font-weight: bold; font-size: 12pt; margin-top: 14px; padding-top: 10px; }"
    "QGroupBox::title { subcontrol-origin: margin; left: 6px; }"
)


def address_of(name: str, at: tuple[int, ...], chain: list[str]) -> str:
    """The engine's address of a field: 'name', or 'household[2]/name' inside a repeat."""
    steps = [f"{repeat}[{index + 1}]" for repeat, index in zip(chain, at, strict=True)]
    return "/".join([*steps, name])


def show_label_text(widget: QLabel, text: str, suffix: str = "") -> None:
    """A label or hint as its form wrote it: markdown and HTML rendered (plain text when it has none),
    starting at the right edge when it reads right to left."""
    import html

    from desktop.pages.registration.markup import has_markup, reads_right_to_left, to_rich_text

    if has_markup(text):
        widget.setTextFormat(Qt.TextFormat.RichText)
        widget.setOpenExternalLinks(True)
        widget.setText(to_rich_text(text) + html.escape(suffix))
    else:
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setText(text + suffix)
    side = Qt.AlignmentFlag.AlignRight if reads_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
    widget.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)


class QuestionRow(QWidget):
    """One question: its label (required marked), hint, input and the problem under it."""

    def __init__(self, question: Question, at: tuple[int, ...], input_widget: QuestionInput | None) -> None:
        super().__init__()
        self.question = question
        self.at = at
        self.input = input_widget
        self.setObjectName("row_" + question.name)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        if input_widget is not None:
            font = QFont(self.label.font())
            font.setBold(True)
            self.label.setFont(font)
            self.label.setBuddy(input_widget)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        if input_widget is not None:
            layout.addWidget(input_widget)
        layout.addWidget(self.problem)

    def show_texts(self, label: str, hint: str, required: bool) -> None:
        show_label_text(self.label, label, "  *" if required else "")
        show_label_text(self.hint, hint)
        self.hint.setVisible(bool(hint))

    def show_unsupported(self, text: str) -> None:
        if isinstance(self.input, QWidget) and hasattr(self.input, "label"):
            self.input.label.setText(text)
            self.input.label.setStyleSheet("QLabel { color: palette(placeholder-text); font-style: italic; }")

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))


@dataclass
class RepeatBlock:
    question: Question
    at: tuple[int, ...]
    box: QGroupBox
    add_button: QPushButton
    instances: int = 0
    remove_buttons: list[QPushButton] = field(default_factory=list)
    headings: list[QLabel] = field(default_factory=list)


class FormRenderer(QWidget):
    """Builds and keeps in step the widgets of one form session."""

    answer_edited = Signal()
    repeats_changed = Signal()
    end_reached = Signal()  # Enter on the last question: the page moves on to Save

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FormRenderer")
        self.session: FormSession | None = None
        self.attachments: StoreAttachments | None = (
            None  # the page's StoreAttachments (desktop.widgets.attachment_input)
        )
        self.rows: list[QuestionRow] = []
        self.sections: list[tuple[QGroupBox, Question]] = []
        self.repeats: list[RepeatBlock] = []
        self._left: set[str] = set()  # addresses the clerk has left once: their problems show
        # The form language each row's choices were drawn in: a language switch redraws them.
        self._choices_language: dict[int, str] = {}
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def shown_session(self) -> FormSession:
        """The session on screen: rows and repeat blocks exist only while there is one."""
        if self.session is None:
            raise RuntimeError("no form is on screen")
        return self.session

    # --- building ---------------------------------------------------------------------------------
    def show_session(self, session: FormSession) -> None:
        """Show a session from scratch (a new person, a draft or a record opened for editing)."""
        self.session = session
        self._left.clear()
        self.rebuild()

    def rebuild(self) -> None:
        # The old rows go first: hiding them takes the focus from one of them, and that is not the
        # clerk leaving a question of the new form ("required" on a fresh form after Ctrl+N).
        self.rows, self.sections, self.repeats = [], [], []
        if self._content is not None:
            self._content.hide()
            self._content.deleteLater()
        self._choices_language.clear()
        self._content = QWidget()
        layout = QVBoxLayout(self._content)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.session is not None:
            self._build(self.session.definition.questions, (), layout)
        layout.addStretch(1)
        self._layout.addWidget(self._content)
        self._content.show()  # now, not queued: the page focuses a question of it right away
        self.refresh()
        self.repeats_changed.emit()

    def _build(self, questions: list[Question], at: tuple[int, ...], layout: QVBoxLayout) -> None:
        for question in questions:
            if question.kind == "group":
                if question.name == "meta":
                    continue  # instanceID and friends: the clerk has no business with them
                box = QGroupBox()
                box.setObjectName("group_" + question.name)
                box.setStyleSheet(_SECTION_STYLE)
                inner = QVBoxLayout(box)
                self.sections.append((box, question))
                self._build(question.children, at, inner)
                layout.addWidget(box)
            elif question.kind == "repeat":
                self._build_repeat(question, at, layout)
            elif question.type in ("metadata", "hidden"):
                continue
            elif question.type == "calculate" and not question.labels:
                continue  # a calculation without a label is the form's plumbing, not for the clerk
            else:
                layout.addWidget(self._row(question, at))

    def _row(self, question: Question, at: tuple[int, ...]) -> QuestionRow:
        choices = self.shown_session().choices(question.name, at) if question.choices is not None else []
        input_widget = input_for(question, len(question.choices or []))
        if hasattr(input_widget, "attachments"):  # an attachment input keeps its files in the store
            input_widget.attachments = self.attachments  # type: ignore[union-attr]
        row = QuestionRow(question, at, input_widget)
        if question.unsupported:
            row.show_unsupported(self.tr("This question cannot be answered in this app; it stays empty."))
        elif input_widget is not None:
            input_widget.set_choices(choices)
            self._choices_language[id(row)] = self.shown_session().language
            if isinstance(input_widget, PhoneInput):
                input_widget.region = self._residence_country
            input_widget.set_value(self.shown_session().value(question.name, at))
            input_widget.edited.connect(lambda r=row: self._edited(r))
            input_widget.left.connect(lambda r=row: self._row_left(r))
            input_widget.advance_requested.connect(lambda r=row: self._advance_past(r))
            self._watch_enter(input_widget)
        self.rows.append(row)
        return row

    def _watch_enter(self, input_widget: QuestionInput) -> None:
        """Enter advances from every stop of the input; called again when its choices are redrawn (a
        language switch makes new radio buttons, which would otherwise swallow Enter)."""
        for widget in input_widget.focus_widgets():
            widget.installEventFilter(self)

    def _advance_past(self, row: QuestionRow) -> None:
        stops = row.input.focus_widgets() if row.input is not None else []
        if stops:
            self.advance_from(stops[0])

    def row_of(self, widget: QWidget | None) -> QuestionRow | None:
        """The question row whose input holds ``widget`` (a focus stop), if any."""
        if widget is None:
            return None
        return next((r for r in self.rows if r.input is not None and widget in r.input.focus_widgets()), None)

    def _build_repeat(self, repeat: Question, at: tuple[int, ...], layout: QVBoxLayout) -> None:
        box = QGroupBox()
        box.setObjectName("repeat_" + repeat.name)
        box.setStyleSheet(_SECTION_STYLE)
        inner = QVBoxLayout(box)
        count = self.shown_session().repeat_count(repeat.name, at)
        add_button = QPushButton()
        add_button.setObjectName("add_" + repeat.name)
        block = RepeatBlock(repeat, at, box, add_button, count)
        for index in range(count):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame_layout = QVBoxLayout(frame)
            heading = QHBoxLayout()
            number = QLabel()
            number.setObjectName("instance_heading")
            block.headings.append(number)
            remove = QPushButton()
            remove.setObjectName(f"remove_{repeat.name}_{index + 1}")
            remove.clicked.connect(lambda _=False, b=block, i=index: self.remove_instance(b, i))
            block.remove_buttons.append(remove)
            heading.addWidget(number, 1)
            heading.addWidget(remove)
            frame_layout.addLayout(heading)
            self._build(repeat.children, (*at, index), frame_layout)
            inner.addWidget(frame)
        if not repeat.rules.repeat_count:
            add_button.clicked.connect(lambda _=False, b=block: self.add_instance(b))
            inner.addWidget(add_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            add_button.hide()
            for button in block.remove_buttons:
                button.hide()  # the form decides how many
        self.repeats.append(block)
        self.sections.append((box, repeat))
        layout.addWidget(box)

    def add_instance(self, block: RepeatBlock) -> None:
        self.shown_session().add_repeat(block.question.name, block.at)
        self.rebuild()
        self.answer_edited.emit()
        wanted = (*block.at, self.shown_session().repeat_count(block.question.name, block.at) - 1)
        first = next((r for r in self.rows if r.at == wanted and r.input and r.input.focus_widgets()), None)
        if first is not None and first.input is not None:
            first.input.focus_widgets()[0].setFocus(Qt.FocusReason.TabFocusReason)

    def remove_instance(self, block: RepeatBlock, index: int) -> None:
        self.shown_session().remove_repeat(block.question.name, index, block.at)
        self.rebuild()
        self.answer_edited.emit()

    # --- keeping in step ---------------------------------------------------------------------------
    def _chain(self, question: Question) -> list[str]:
        return [r.name for r in question.repeat_chain if r is not question]

    def address(self, row: QuestionRow) -> str:
        return address_of(row.question.name, row.at, self._chain(row.question))

    def _edited(self, row: QuestionRow) -> None:
        if self.session is None or row.input is None or isinstance(row.input, DisplayInput):
            return
        self.session.set(row.question.name, row.input.value(), row.at)
        if any(block.question.rules.repeat_count for block in self.repeats) and self._repeat_counts_moved():
            self.rebuild()
        else:
            self.refresh()
        self.answer_edited.emit()

    def _repeat_relevant(self, block: RepeatBlock) -> bool:
        """Whether a repeat applies now. With instances the engine answers; with none there is no
        node to ask, so its relevant expression is evaluated from the parent (fine for the absolute
        ${field} references forms use there)."""
        session, repeat = self.shown_session(), block.question
        if block.instances:
            return bool(session.visible(repeat.name, (*block.at, 0)))
        try:
            return session.repeat_relevant_from_parent(repeat, block.at)
        except (KeyError, ValueError):
            return True

    def _repeat_counts_moved(self) -> bool:
        return any(
            self.shown_session().repeat_count(b.question.name, b.at) != b.instances for b in self.repeats
        )

    def _residence_country(self) -> str | None:
        """The country a phone typed without "+" is read in (forms.phones.REGION_FIELD), if answered."""
        from forms.phones import REGION_FIELD

        session = self.session
        if session is None or REGION_FIELD not in session.definition.by_name:
            return None
        value = session.value(REGION_FIELD)
        return str(value) if value else None

    def _row_left(self, row: QuestionRow) -> None:
        if self.session is None or row not in self.rows:
            return  # a row of a form no longer on screen
        self._left.add(self.address(row))
        self.refresh_problems()

    def refresh(self) -> None:
        """Visibility, labels, required marks, calculated values and filtered choices, after a change."""
        session = self.session
        if session is None:
            return
        language, default = session.language, session.definition.default_language
        for box, question in self.sections:
            box.setTitle(question.label(language, default))
            shown = True
            if question.kind == "group":
                owner = next((r for r in self.rows if _inside(r.question, question)), None)
                shown = (
                    session.visible(question.name, owner.at[: len(self._chain(question))]) if owner else True
                )
            box.setVisible(shown)
        for block in self.repeats:
            block.box.setVisible(self._repeat_relevant(block))
        for row in self.rows:
            question, at = row.question, row.at
            visible = session.visible(question.name, at)
            row.setVisible(visible)
            if not visible:
                continue
            row.show_texts(
                session.label(question.name, at),
                session.hint(question.name, at),
                session.required(question.name, at),
            )
            if row.input is None:
                continue
            stale = question.choices is not None and self._choices_language.get(id(row)) != language
            if question.path in session.definition.choice_filters or stale:
                row.input.set_choices(session.choices(question.name, at))
                self._choices_language[id(row)] = language
                self._watch_enter(row.input)
            if isinstance(row.input, DisplayInput):
                if not question.unsupported:
                    row.input.set_value(session.value(question.name, at))
            else:
                row.input.set_read_only(session.read_only(question.name, at))
        for block in self.repeats:
            block.add_button.setText(
                self.tr("Add another: %1").replace("%1", block.question.label(language, default))
            )
            title = block.question.label(language, default)
            pairs = zip(block.remove_buttons, block.headings, strict=True)
            for number, (button, heading) in enumerate(pairs, start=1):
                button.setText(self.tr("Remove %1").replace("%1", str(number)))
                heading.setText(self.tr("%1 no. %2").replace("%1", title).replace("%2", str(number)))
        self.refresh_problems()

    def refresh_problems(self, show_all: bool = False) -> dict[str, Problem]:
        """Show each problem under its field (only fields already left, unless ``show_all``)."""
        problems = dict(self.session.errors()) if self.session is not None else {}
        for row in self.rows:
            # The input names what is wrong with typed text better than the engine ("February 1985 has
            # only 28 days", a phone too short for its country code), even where the form's rule passes.
            own = row.input.typed_problem() if row.input is not None and row.isVisibleTo(self) else None
            if own is not None:
                problems[self.address(row)] = own
        if show_all:
            self._left.update(problems)
        for row in self.rows:
            address = self.address(row)
            problem = problems.get(address)
            row.show_problem(problem_text(problem) if problem is not None and address in self._left else None)
        return problems

    def first_row_with_problem(self, problems: Mapping[str, Problem]) -> QuestionRow | None:
        return next((r for r in self.rows if self.address(r) in problems), None)

    def focus_widgets(self) -> list[QWidget]:
        """Every Tab stop of the form, in form order (the page chains them with its buttons)."""
        widgets: list[QWidget] = []
        for row in self.rows:
            if row.input is not None:
                widgets.extend(row.input.focus_widgets())
            for block in self.repeats:
                if block.remove_buttons and _last_row_of(self.rows, block) is row:
                    widgets.extend(b for b in block.remove_buttons if not b.isHidden())
                    if not block.add_button.isHidden():
                        widgets.append(block.add_button)
        for block in self.repeats:
            if not block.remove_buttons and not block.add_button.isHidden():
                widgets.append(block.add_button)  # an empty repeat: its Add button still needs a stop
        return widgets

    def advance_from(self, widget: QWidget) -> None:
        """Enter: the first stop of the next question shown (checkboxes are skipped as a whole)."""
        here = self.row_of(widget)
        start = self.rows.index(here) + 1 if here is not None else len(self.rows)
        for row in self.rows[start:]:
            if row.input is None or not row.isVisibleTo(self):
                continue
            stops = [
                w
                for w in row.input.focus_widgets()
                if w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            ]
            if stops:
                checked = [
                    w for w in stops if isinstance(w, QAbstractButton) and w.autoExclusive() and w.isChecked()
                ]
                (checked or stops)[0].setFocus(Qt.FocusReason.TabFocusReason)
                self._scroll_to(row)
                return
        self.end_reached.emit()

    def _scroll_to(self, row: QuestionRow) -> None:
        parent = self.parentWidget()
        while parent is not None and not hasattr(parent, "ensureWidgetVisible"):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(row, 0, 40)

    def clear_personal_data(self) -> None:
        self.session = None
        self.rebuild()

    # --- Enter advances ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        is_enter = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and event.modifiers() in plain
        )
        if not is_enter or not isinstance(watched, QWidget):
            return False
        if watched.property("enter_picks") and isinstance(watched, QLineEdit) and watched.text().strip():
            return False  # Enter ticks the match in a filtered list
        completer = getattr(watched, "completer", lambda: None)()
        if completer is not None and completer.popup() is not None and completer.popup().isVisible():
            completer.popup().hide()  # the typed text is matched to a choice on leaving
        if watched.metaObject().className() == "QPlainTextEdit":
            return False
        self.advance_from(watched)
        return True


def _inside(question: Question, group: Question) -> bool:
    node = question.parent
    while node is not None:
        if node is group:
            return True
        node = node.parent
    return False


def _last_row_of(rows: list[QuestionRow], block: RepeatBlock) -> QuestionRow | None:
    inside = [r for r in rows if _inside(r.question, block.question) and r.at[: len(block.at)] == block.at]
    return inside[-1] if inside else None
