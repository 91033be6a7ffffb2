"""One input widget per XLSForm question type, all speaking the same small protocol.

An input shows a value and reports edits (``edited``) and that the clerk left it (``left``); it never
talks to the form session itself, the renderer does. Values are in the answers-dict shape of
docs/contracts.md, except that half-typed text is passed on as typed so the engine can name the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.registration import long_choices
from desktop.pages.registration.markup import to_plain_text
from forms.dates import (
    explain_typed_date,
    is_iso_date,
    parse_typed_date,
    parse_typed_datetime,
    parse_typed_time,
)
from forms.engine import Problem
from forms.names import squash

if TYPE_CHECKING:
    from forms.engine.model import Question
    from forms.phones import PhoneReading

# Above this many choices a select is a type-to-filter list rather than buttons (countries!).
SHORT_LIST = 6


class QuestionInput(QWidget):
    """Base of every input: ``edited`` on each change, ``left`` when the focus leaves it,
    ``advance_requested`` when a key of its own means "next question" (Enter on a filter with no match,
    Enter in a list's popup)."""

    edited = Signal()
    left = Signal()
    advance_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False

    # --- protocol ---------------------------------------------------------------------------------
    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        self._loading = True
        try:
            self._show_value(value)
        finally:
            self._loading = False

    def _show_value(self, value: object) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.focus_widgets():
            widget.setEnabled(not read_only)

    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab stops at, in order."""
        return []

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Only selects have choices; the renderer calls this when a choice filter changes them."""

    def typed_problem(self) -> Problem | None:
        """A problem of the typed text the input can name better than the engine (None: the engine's)."""
        return None

    def clear_personal_data(self) -> None:
        self.set_value(None)

    def retranslate_ui(self) -> None:
        """The input's own texts (placeholders): set at creation and again after a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- helpers ----------------------------------------------------------------------------------
    def _emit_edited(self, *_: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _watch_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A popup, or another window (a dialog, another program), taking the focus is not the clerk
        # leaving the question: its "required" message would appear before anything was typed.
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() not in _NOT_LEAVING
        ):
            self.left.emit()
        return False


_NOT_LEAVING = (
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.MenuBarFocusReason,  # Alt opening a menu is not leaving the question either
)


class LineInput(QuestionInput):
    """text, integer, decimal, range, date, datetime, time: a line the clerk types into."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.line = QLineEdit()
        self.line.setObjectName("answer")
        self.retranslate_ui()
        if kind == "date":
            self.line.setMinimumWidth(230)
            self.line.setMaximumWidth(230)
        elif kind == "datetime":
            self.line.setMaximumWidth(260)
        elif kind == "time":
            self.line.setMaximumWidth(120)
        elif kind in ("integer", "decimal", "range"):
            self.line.setMaximumWidth(180)
        else:
            self.line.setMinimumWidth(380)  # a long name or an e-mail address stays readable
            self.line.setMaximumWidth(560)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._emit_edited)
        self.line.editingFinished.connect(self._tidy)
        self._watch_focus(self.line)

    def retranslate_ui(self) -> None:
        placeholders = {
            "date": self.tr("YYYY-MM-DD or DD/MM/YYYY"),
            "datetime": self.tr("YYYY-MM-DD HH:MM"),
            "time": self.tr("HH:MM"),
        }
        self.line.setPlaceholderText(placeholders.get(self.kind, ""))

    def typed_problem(self) -> Problem | None:
        """What is wrong with the text as typed, said better than the engine can (it sees only a value)."""
        return explain_typed_date(self.line.text()) if self.kind == "date" else None

    def value(self) -> object:
        text = self.line.text()
        if not text.strip():
            return None
        if self.kind == "date":
            return parse_typed_date(text)
        if self.kind == "datetime":
            return parse_typed_datetime(text)
        if self.kind == "time":
            return parse_typed_time(text)
        return text

    def _tidy(self) -> None:
        """On leaving a date, show it as stored (ISO), so the clerk sees how it was understood."""
        if self.kind == "date":
            parsed = parse_typed_date(self.line.text())
            if parsed != self.line.text() and is_iso_date(parsed):
                self.set_value(parsed)

    def _show_value(self, value: object) -> None:
        if value is None:
            self.line.clear()
        elif self.kind == "time" and isinstance(value, str) and value.endswith(":00") and len(value) == 8:
            self.line.setText(value[:5])
        elif self.kind == "datetime" and isinstance(value, str) and "T" in value:
            self.line.setText(value[:16].replace("T", " "))
        elif isinstance(value, float) and value.is_integer():
            self.line.setText(str(int(value)))
        else:
            self.line.setText(str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def focus_widgets(self) -> list[QWidget]:
        return [self.line]


class PhoneInput(LineInput):
    """A phone number as people say it ("+1 612-555-0147", "0612 34 56 78" in the country of residence):
    stored as E.164 ("+16125550147"), shown back with its "+" and spaced; a wrong number is named."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("text", parent)
        self.line.setMinimumWidth(230)
        self.line.setMaximumWidth(260)
        self.region: Callable[[], str | None] = lambda: None  # the renderer reads the residence country

    def _reading(self) -> PhoneReading:
        from forms.phones import read_phone

        return read_phone(self.line.text(), self.region())

    def value(self) -> object:
        text = self.line.text()
        if not text.strip():
            return None
        return self._reading().e164 or text.strip()

    def typed_problem(self) -> Problem | None:
        reading = self._reading()
        return Problem(reading.problem, dict(reading.params)) if reading.problem else None

    def _tidy(self) -> None:
        from forms.phones import format_phone

        reading = self._reading()
        if reading.e164 and format_phone(reading.e164) != self.line.text():
            self.set_value(reading.e164)

    def _show_value(self, value: object) -> None:
        from forms.phones import format_phone

        text = "" if value is None else str(value)
        self.line.setText(format_phone(text) if text.startswith("+") else text)


class RadioInput(QuestionInput):
    """select_one with a short list: one radio button per choice; Tab enters and leaves the group,
    arrows move and pick, Space picks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idToggled.connect(self._toggled)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._names: list[str] = []
        self._columns = 1

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.value()
        for button in self.group.buttons():
            self.group.removeButton(button)
            long_choices.remove(button)
        self._names = [name for name, _ in choices]
        columns = 1 if any(len(label) > 30 for _, label in choices) else min(len(choices), 4)
        self._columns = max(columns, 1)
        for index, (name, label) in enumerate(choices):
            button = long_choices.choice_button(QRadioButton, to_plain_text(label))  # a long label wraps
            button.setObjectName("choice_" + name)
            self.group.addButton(button, index)
            where = (index // max(columns, 1), index % max(columns, 1))
            self._layout.addWidget(long_choices.placed(button), *where)
            long_choices.show(button)  # now, not by the layout's queued call: Enter may move the focus here
            self._watch_focus(button)
        self._layout.setColumnStretch(max(columns, 1), 1)  # choices sit together, not spread over the row
        self._layout.setColumnStretch(0, 4 if long_choices.has_long(self.group.buttons()) else 0)
        self.set_value(current if current in self._names else None)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._emit_edited()

    def value(self) -> object:
        checked = self.group.checkedId()
        return self._names[checked] if 0 <= checked < len(self._names) else None

    def _show_value(self, value: object) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(self._names[index] == value)
        self.group.setExclusive(True)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.group.buttons())

    def _pick_by_letter(self, text: str) -> bool:
        """Typing a letter picks the first choice starting with it (F for Female). A letter that the
        chosen answer already starts with keeps it: two choices starting with "C" are never flipped by
        a second "c" the clerk did not look at (the arrows move between them, visibly)."""
        if len(text) != 1 or not text.isalnum():
            return False
        buttons = self.group.buttons()
        wanted = squash(text)
        checked = self.group.checkedId()
        if 0 <= checked < len(buttons) and squash(buttons[checked].text()).startswith(wanted):
            buttons[checked].setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        start = 0
        for offset in range(len(buttons)):
            index = (start + offset) % len(buttons)
            if squash(buttons[index].text()).startswith(wanted):
                buttons[index].setChecked(True)
                buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _pick_by_arrow(self, watched: QObject, key: int) -> bool:
        """An arrow with nothing chosen yet moves to the next choice and picks it, as it does once a
        choice is made (Qt only moves the focus then: Right and Enter left the question unanswered)."""
        buttons = self.group.buttons()
        if self.group.checkedId() >= 0 or watched not in buttons:
            return False  # with a choice made, Qt's own arrows move and pick
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: self._columns,
                Qt.Key.Key_Up: -self._columns}.get(Qt.Key(key))  # fmt: skip
        if step is None:
            return False
        index = buttons.index(watched) + step  # type: ignore[arg-type]
        if not 0 <= index < len(buttons):
            return True  # at the edge: stay (nothing chosen silently)
        buttons[index].setChecked(True)
        buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._pick_by_letter(event.text())
        ):
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self._pick_by_arrow(watched, event.key())
        ):
            return True
        if event.type() == QEvent.Type.FocusOut and QApplication.focusWidget() in self.group.buttons():
            return False  # moving between the choices is not leaving the question
        return super().eventFilter(watched, event)


class SearchableChoiceInput(QuestionInput):
    """select_one with a long list: type a few letters, the list filters, Enter takes the match."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("answer")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMaxVisibleItems(15)
        self.combo.setMinimumWidth(260)
        self._labels = QStringListModel(self)
        # The list is filtered here (insensitive to case, accents, apostrophes, hyphens and spaces:
        # "cote" finds Côte d'Ivoire), not by the completer, which shows what it is given.
        self.completer = QCompleter(self._labels, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.combo.setCompleter(self.completer)
        self.retranslate_ui()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setFocusProxy(self.combo)
        self._choices: list[tuple[str, str]] = []
        self._squashed: list[str] = []
        self.combo.currentIndexChanged.connect(self._emit_edited)
        self._line_edit().textEdited.connect(self._filter_popup)
        self._line_edit().textEdited.connect(self._emit_edited)
        self._line_edit().editingFinished.connect(self._settle)
        self._watch_focus(self.combo)
        self._popup().installEventFilter(self)

    def _line_edit(self) -> QLineEdit:
        line = self.combo.lineEdit()
        assert line is not None, "the combo box is editable: it has a line edit"
        return line

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None, "QCompleter makes its list view when it has none"
        return popup

    def retranslate_ui(self) -> None:
        self._line_edit().setPlaceholderText(self.tr("Type to search"))

    def _filter_popup(self, text: str) -> None:
        """The choices matching what is typed, those starting with it first, in the popup."""
        wanted = squash(text)
        if not wanted:
            self._popup().hide()
            return
        starting = [i for i, label in enumerate(self._squashed) if label.startswith(wanted)]
        inside = [i for i, label in enumerate(self._squashed) if wanted in label and i not in starting]
        shown = [self._choices[i][1] for i in starting + inside]
        self._labels.setStringList(shown)
        if shown:
            self.completer.complete()  # nothing highlighted: a highlight would replace the typed text
        else:
            self._popup().hide()

    def _take_from_popup(self) -> None:
        """Enter in the popup: the highlighted choice (else the best match) is the answer, and the
        form moves on at once: a letter and Enter choose and advance, as in a short list."""
        popup = self._popup()
        current = popup.currentIndex()
        label = str(current.data()) if current.isValid() else ""
        popup.hide()
        index = next((i for i, (_, text) in enumerate(self._choices) if text == label), -1)
        if index < 0:
            index = self._match(self.combo.currentText())
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self.combo.setEditText(self._choices[index][1])
            self._emit_edited()
        self.advance_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self._popup()
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self._take_from_popup()
            return True
        if event.type() == QEvent.Type.Hide and watched is self._popup():
            # Some platforms (offscreen, some X11 window managers) leave the closed popup "active";
            # give the activation back so the next keys reach the form.
            QTimer.singleShot(0, self._take_back_activation)
            return False
        return super().eventFilter(watched, event)

    def _take_back_activation(self) -> None:
        active = QApplication.activeWindow()
        if active is None or active is self.completer.popup() or not active.isVisible():
            self.window().activateWindow()

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.value()
        self._loading = True
        try:
            self._choices = list(choices)
            self._squashed = [squash(label) for _, label in choices]
            self.combo.clear()
            for name, label in choices:
                self.combo.addItem(label, name)
            self._labels.setStringList([label for _, label in choices])
        finally:
            self._loading = False
        self.set_value(current if any(name == current for name, _ in choices) else None)

    def _match(self, text: str) -> int:
        """The choice the typed text means: an exact label, else the shortest label it starts, else the
        only label containing it (all insensitive to case, accents, apostrophes, hyphens, spaces)."""
        wanted = squash(text)
        if not wanted:
            return -1
        labels = self._squashed
        if wanted in labels:
            return labels.index(wanted)
        starting = [i for i, label in enumerate(labels) if label.startswith(wanted)]
        if starting:  # "United St" means United States, the shortest label it starts
            return min(starting, key=lambda i: len(labels[i]))
        containing = [i for i, label in enumerate(labels) if wanted in label]
        return containing[0] if len(containing) == 1 else -1

    def _settle(self) -> None:
        index = self._match(self.combo.currentText())
        if index >= 0 and self.combo.currentText() != self._choices[index][1]:
            self.combo.setCurrentIndex(index)
            self.combo.setEditText(self._choices[index][1])
            self._emit_edited()

    def value(self) -> object:
        text = self.combo.currentText()
        if not text.strip():
            return None
        index = self._match(text)
        return self._choices[index][0] if index >= 0 else text.strip()

    def _show_value(self, value: object) -> None:
        index = next((i for i, (name, _) in enumerate(self._choices) if name == value), -1)
        self.combo.setCurrentIndex(index)
        if index < 0:
            self.combo.setEditText("")

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class CheckboxesInput(QuestionInput):
    """select_multiple with a short list: one checkbox per choice, Space toggles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._boxes: list[tuple[str, QCheckBox]] = []

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.value() or ""
        for _, box in self._boxes:
            long_choices.remove(box)
        self._boxes = []
        columns = 1 if any(len(label) > 30 for _, label in choices) else min(len(choices), 3)
        for index, (name, label) in enumerate(choices):
            box = long_choices.choice_button(QCheckBox, to_plain_text(label))
            box.setObjectName("choice_" + name)
            box.toggled.connect(self._emit_edited)
            self._layout.addWidget(
                long_choices.placed(box), index // max(columns, 1), index % max(columns, 1)
            )
            long_choices.show(box)
            self._watch_focus(box)
            self._boxes.append((name, box))
        self._layout.setColumnStretch(max(columns, 1), 1)
        self._layout.setColumnStretch(0, 4 if long_choices.has_long([box for _, box in self._boxes]) else 0)
        self.set_value(current)

    def value(self) -> object:
        chosen = [name for name, box in self._boxes if box.isChecked()]
        return " ".join(chosen) if chosen else None

    def _show_value(self, value: object) -> None:
        chosen = set(str(value or "").split())
        for name, box in self._boxes:
            box.setChecked(name in chosen)

    def focus_widgets(self) -> list[QWidget]:
        return [box for _, box in self._boxes]


class SearchableChecklistInput(QuestionInput):
    """select_multiple with a long list: a filter line above a checkable list (Space toggles)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("answer")
        self.list.setMaximumHeight(160)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Down from the filter goes in; Tab moves on
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen")
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.retranslate_ui()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self.filter.setProperty("enter_picks", True)  # the renderer lets Enter through while text is typed
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._item_changed)
        self.filter.returnPressed.connect(self._pick_first_match)
        self.filter.installEventFilter(self)
        self._watch_focus(self.list)

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Type to filter the list"))
        # "Chosen: ..." in the new interface language, also when the form language stays the same (the
        # person's language chosen before the clerk switched the interface to it).
        self._show_chosen()

    def _pick_first_match(self) -> None:
        """Enter on a typed filter ticks the highlighted match (never unticks: a repeated name must not
        silently undo a choice; Space in the list does) and clears the filter. With no match, Enter
        clears the filter and moves on: the next keys belong to the next question, not to this filter."""
        item = self.list.currentItem()
        if not self.filter.text().strip():
            return
        if item is not None and not item.isHidden():
            item.setCheckState(Qt.CheckState.Checked)
            self.filter.clear()
            return
        self.filter.clear()
        self.advance_requested.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._show_chosen()
        self._emit_edited()

    def _show_chosen(self) -> None:
        labels = [self.list.item(r).text() for r in range(self.list.count())
                  if self.list.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip
        self.chosen.setText(self.tr("Chosen: %1").replace("%1", ", ".join(labels)) if labels else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self.filter and event.type() == QEvent.Type.FocusOut:
            if QApplication.focusWidget() is not self.list:  # into the list is not leaving the question
                self.left.emit()
            return False
        return super().eventFilter(watched, event)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.value() or ""
        self._loading = True
        try:
            self.list.clear()
            for name, label in choices:
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._loading = False
        self.set_value(current)
        self._apply_filter(self.filter.text())
        if not any(not self.list.item(r).isHidden() for r in range(self.list.count())):
            # Qt takes a null item (no current row); PySide6 6.12's stubs do not allow None.
            self.list.setCurrentItem(None)  # type: ignore[call-overload]

    def _apply_filter(self, text: str) -> None:
        wanted = squash(text)
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in squash(item.text())
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        if first_shown is not None:
            self.list.setCurrentItem(first_shown)

    def value(self) -> object:
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        return " ".join(chosen) if chosen else None

    def _show_value(self, value: object) -> None:
        chosen = set(str(value or "").split())
        for row in range(self.list.count()):
            item = self.list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def focus_widgets(self) -> list[QWidget]:
        return [self.filter]


class AcknowledgeInput(QuestionInput):
    """acknowledge: one checkbox that stores "OK"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self.tr("OK"))
        self.box.setObjectName("answer")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.setFocusProxy(self.box)
        self.box.toggled.connect(self._emit_edited)
        self._watch_focus(self.box)

    def value(self) -> object:
        return "OK" if self.box.isChecked() else None

    def _show_value(self, value: object) -> None:
        self.box.setChecked(value == "OK")

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]


class MultilineInput(QuestionInput):
    """text with ``appearance=multiline`` (Remarks): a box of a few lines. Enter starts a new line;
    Ctrl+Enter advances to the next question and Tab leaves, so the keyboard never gets stuck in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QPlainTextEdit()
        self.box.setObjectName("answer")
        self.box.setTabChangesFocus(True)
        self.box.setMinimumWidth(380)
        self.box.setMaximumWidth(560)
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * 4 + 12)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.setFocusProxy(self.box)
        self.box.textChanged.connect(self._emit_edited)
        self._watch_focus(self.box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.advance_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> object:
        text = self.box.toPlainText()
        return text if text.strip() else None

    def _show_value(self, value: object) -> None:
        self.box.setPlainText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]


class DisplayInput(QuestionInput):
    """calculate, metadata shown, unsupported types: the value as text, never editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("answer")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet("QLabel { background: palette(alternate-base); padding: 3px 6px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self._value: object = None

    def value(self) -> object:
        return self._value

    def _show_value(self, value: object) -> None:
        self._value = value
        self.label.setText("" if value is None else str(value))


def input_for(question: Question, choice_count: int) -> QuestionInput | None:
    """The input widget for a question of the form model; None for a note (label only)."""
    kind = question.type
    if kind == "note":  # a read-only question; with a calculation its value is shown
        return DisplayInput() if question.rules.calculate else None
    if question.unsupported or kind in ("calculate", "hidden", "metadata") or kind.startswith("unsupported"):
        return DisplayInput()
    if kind == "select_one":
        long_list = choice_count > SHORT_LIST or "minimal" in question.appearance
        return SearchableChoiceInput() if long_list else RadioInput()
    if kind == "select_multiple":
        return SearchableChecklistInput() if choice_count > SHORT_LIST * 2 else CheckboxesInput()
    if kind == "acknowledge":
        return AcknowledgeInput()
    if kind in ("geopoint", "geotrace", "geoshape", "image", "audio", "video", "file"):
        from desktop.widgets.question_widgets import place_or_file_input  # places and attachments

        return place_or_file_input(question)
    from forms.phones import is_phone_question

    if is_phone_question(question.name, kind):
        return PhoneInput()
    if kind == "text" and "multiline" in question.appearance:
        return MultilineInput()
    return LineInput(kind if kind in ("integer", "decimal", "range", "date", "datetime", "time") else "text")
