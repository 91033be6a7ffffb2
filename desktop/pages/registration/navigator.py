"""The section navigator beside the registration form: every section of the form with how many of its
questions are answered, a mark on the sections that hold a problem on screen, and overall progress.

Keyboard: Ctrl+G puts the focus on the list, Up/Down choose, Enter (or a click) jumps into the section
(to its first problem if it has one, else to its first question); Ctrl+PgDown / Ctrl+PgUp go to the
next / previous section from anywhere in the form. The navigator only reads the renderer (rows,
sections, the problems it shows); it never changes an answer.

``attach(page)`` puts it, with the passport and receipt buttons, in a column left of the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.registration.inputs import DisplayInput

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage
    from desktop.pages.registration.renderer import FormRenderer, QuestionRow
    from forms.engine.model import Question
    from forms.engine.session import FormSession

PROBLEM_MARK = "⚠"


@dataclass(frozen=True)
class SectionState:
    title: str
    answered: int
    questions: int
    problems: int
    rows: list[QuestionRow]  # the renderer's QuestionRows of the section, shown ones only


def _answered(value: object) -> bool:
    return value not in (None, "", [], {})


def _inside(question: Question, group: Question) -> bool:
    parent = getattr(question, "parent", None)
    while parent is not None:
        if parent is group:
            return True
        parent = getattr(parent, "parent", None)
    return False


def _countable(row: QuestionRow) -> bool:
    return not row.isHidden() and row.input is not None and not isinstance(row.input, DisplayInput)


def _state(rows: list[QuestionRow], title: str, session: FormSession) -> SectionState:
    answered = sum(1 for row in rows if _answered(session.value(row.question.name, row.at)))
    problems = sum(1 for row in rows if not row.problem.isHidden())
    return SectionState(title, answered, len(rows), problems, rows)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section_states(renderer: FormRenderer) -> list[SectionState]:
    """Top-level sections of the form on screen, in the form's order, with their counts. Questions
    outside any section (a programme's own form may have no groups at all) are counted too: each run
    of them is an entry of its own, named by its first question ("Health worker's full name…")."""
    from desktop.pages.registration.markup import to_plain_text

    session = renderer.session
    if session is None:
        return []
    language, default = session.language, session.definition.default_language
    boxes = {id(group): box for box, group in renderer.sections}
    states: list[SectionState] = []
    loose: list[Question] = []  # the top-level questions of the current run outside sections

    def close_run() -> None:
        names = {id(question) for question in loose}
        rows = [row for row in renderer.rows if id(row.question) in names and _countable(row)]
        if rows:
            title = to_plain_text(rows[0].question.label(language, default)) or rows[0].question.name
            states.append(_state(rows, _short(title), session))
        loose.clear()

    for question in session.definition.questions:
        box = boxes.get(id(question))
        if box is None:
            if question.kind not in ("group", "repeat"):
                loose.append(question)
            continue
        close_run()
        if box.isHidden():
            continue  # not relevant now
        rows = [row for row in renderer.rows if _inside(row.question, question) and _countable(row)]
        title = to_plain_text(question.label(language, default)) or question.name
        states.append(_state(rows, title, session))
    close_run()
    return states


class SectionNavigator(QWidget):
    jumped = Signal(str)  # the section's title

    def __init__(self, page: RegistrationPage) -> None:
        super().__init__()
        self.setObjectName("SectionNavigator")
        self.page = page
        self.renderer = page.renderer
        self.states: list[SectionState] = []
        self.heading = QLabel()
        self.heading.setObjectName("navigator_heading")
        self.list = QListWidget()
        self.list.setObjectName("sections")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(lambda item: self.jump(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.jump(self.list.row(item)))
        self.heading.setBuddy(self.list)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.progress)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.update_states)
        self.renderer.answer_edited.connect(self.schedule)
        self.renderer.repeats_changed.connect(self.schedule)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)  # leaving a field shows its problems

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+G", self.focus_list),
            ("Ctrl+PgDown", lambda: self.step(1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.retranslate_ui()

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.schedule()

    def schedule(self) -> None:
        if not shiboken6.isValid(self.renderer) or not shiboken6.isValid(self._timer):
            return  # the page is being destroyed
        if self.renderer.session is not None:
            self._timer.start()

    def update_states(self) -> None:
        self.states = section_states(self.renderer)
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for state in self.states:
            text = f"{state.title}\n{state.answered}/{state.questions}"
            if state.problems:
                text += "  " + PROBLEM_MARK + " " + self.tr("%n problem(s)", "", state.problems)
            item = QListWidgetItem(text)
            if state.problems:
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setToolTip(
                self.tr("%1 of %2 answered")
                .replace("%1", str(state.answered))
                .replace("%2", str(state.questions))
            )
            self.list.addItem(item)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        total = sum(state.questions for state in self.states)
        done = sum(state.answered for state in self.states)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("%1 of %2 answered").replace("%1", str(done)).replace("%2", str(total))
        )

    def focus_list(self) -> None:
        self.update_states()
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(self.section_of_focus())
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def section_of_focus(self) -> int:
        focused = QApplication.focusWidget()
        for index, state in enumerate(self.states):
            for row in state.rows:
                if focused is not None and (focused is row or row.isAncestorOf(focused)):
                    return index
        return 0

    def step(self, direction: int) -> None:
        self.update_states()
        if not self.states:
            return
        target = min(max(self.section_of_focus() + direction, 0), len(self.states) - 1)
        self.jump(target)

    def jump(self, index: int) -> None:
        """Into section ``index``: its first problem, else its first question."""
        if not 0 <= index < len(self.states):
            return
        state = self.states[index]
        with_problem = [row for row in state.rows if not row.problem.isHidden()]
        for row in with_problem + state.rows:
            stops = [w for w in row.input.focus_widgets() if w.isEnabled()] if row.input is not None else []
            if stops:
                checked = [w for w in stops if getattr(w, "isChecked", lambda: False)()]
                (checked or stops)[0].setFocus(Qt.FocusReason.OtherFocusReason)
                self.renderer._scroll_to(row)
                self.list.setCurrentRow(index)
                self.jumped.emit(state.title)
                return

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("&Sections (Ctrl+G)"))
        self.list.setAccessibleName(self.tr("Sections of the form"))
        self.schedule()


class _ToolsWidth(QWidget):
    """Keeps the column at 210 pixels, or as wide as its buttons' text in the interface language
    ("Scanner le passeport… (Ctrl+M)" was cut at 210). Lives in the column to hear LanguageChange."""

    NARROW = 210

    def __init__(self, column: QWidget, tools: tuple[QWidget, ...]) -> None:
        super().__init__(column)
        self.hide()
        self.column, self.tools = column, tools
        self.fit()

    def fit(self) -> None:
        if shiboken6.isValid(self.column):
            widths = [tool.sizeHint().width() for tool in self.tools if shiboken6.isValid(tool)]
            self.column.setMaximumWidth(max([self.NARROW, *widths]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self.fit)  # after the buttons have their new text
        super().changeEvent(event)


def attach(page: RegistrationPage, *tools: QWidget) -> SectionNavigator:
    """Put the navigator (and ``tools``, e.g. the passport and receipt buttons) left of the form."""
    from PySide6.QtWidgets import QHBoxLayout

    navigator = SectionNavigator(page)
    column = QWidget()
    column.setObjectName("form_tools")
    column_layout = QVBoxLayout(column)
    column_layout.setContentsMargins(0, 0, 0, 0)
    for tool in tools:
        column_layout.addWidget(tool)
    column_layout.addWidget(navigator, 1)
    column.setMinimumWidth(150)
    _ToolsWidth(column, tools)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    layout = page.layout()
    assert layout is not None  # the page has built its layout before its tools are attached
    layout.replaceWidget(page.scroll_area, holder)
    row.addWidget(column)
    row.addWidget(page.scroll_area, 1)
    navigator.schedule()
    return navigator
