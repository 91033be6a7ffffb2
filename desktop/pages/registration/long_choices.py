"""Choices with long labels wrap over several lines instead of widening the form (a QRadioButton or
QCheckBox never wraps its text, so a 200-character choice would make the page scroll sideways).

A long choice is a button that draws only its indicator, with a word-wrapped label beside it; the
button keeps its text (type-ahead, accessibility and tests read it), and a click on the label
chooses it. Right-to-left labels start at the right edge. Short choices stay plain buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from desktop.pages.registration.markup import reads_right_to_left

WRAP_AFTER = 60  # characters: longer labels wrap beside their button

# The mixin below is only ever mixed into a QRadioButton or a QCheckBox: the type checker sees it as
# a button (at run time it stays a plain class, so each Long* class has one Qt base).
if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    _Button = QAbstractButton
else:
    _Button = object


class _IndicatorOnly(_Button):
    """Paints the button's indicator (and focus) without its text; the text is shown by a label."""

    _control: QStyle.ControlElement
    _contents: QStyle.ContentsType
    holder: QWidget | None = None  # the row with the wrapping label (deleted with the button)

    if TYPE_CHECKING:

        def initStyleOption(self, option: QStyleOptionButton, /) -> None: ...  # QRadioButton's, QCheckBox's

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        return option

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        painter.drawControl(self._control, self._option())

    def sizeHint(self) -> QSize:
        return self.style().sizeFromContents(self._contents, self._option(), QSize(0, 0), self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class LongRadioButton(_IndicatorOnly, QRadioButton):
    _control = QStyle.ControlElement.CE_RadioButton
    _contents = QStyle.ContentsType.CT_RadioButton


class LongCheckBox(_IndicatorOnly, QCheckBox):
    _control = QStyle.ControlElement.CE_CheckBox
    _contents = QStyle.ContentsType.CT_CheckBox


class _ChoiceLabel(QLabel):
    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        side = Qt.AlignmentFlag.AlignRight if reads_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
        self.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mousePressEvent(event)


@overload
def choice_button(kind: type[QRadioButton], text: str) -> QRadioButton: ...
@overload
def choice_button(kind: type[QCheckBox], text: str) -> QCheckBox: ...
def choice_button(kind: type[QRadioButton] | type[QCheckBox], text: str) -> QRadioButton | QCheckBox:
    """A QRadioButton or QCheckBox for a choice; a long label gets the wrapping kind."""
    if len(text) <= WRAP_AFTER:
        return kind(text)
    return (LongRadioButton if issubclass(kind, QRadioButton) else LongCheckBox)(text)


def placed(button: QAbstractButton) -> QWidget:
    """What goes into the layout: the button itself, or the button with its wrapping label."""
    if not isinstance(button, _IndicatorOnly):
        return button
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    label = _ChoiceLabel(button.text(), button)
    label.setObjectName(button.objectName() + "_label")
    layout.addWidget(label, 1)
    holder.setObjectName(button.objectName() + "_row")
    button.holder = holder
    return holder


def show(button: QAbstractButton) -> None:
    """Show a placed button now (with its row), not at the layout's queued call."""
    holder = getattr(button, "holder", None)
    if holder is not None:
        holder.show()
    button.show()


def remove(button: QAbstractButton) -> None:
    """Delete a choice button (with its wrapping row, if it has one)."""
    (getattr(button, "holder", None) or button).deleteLater()


def has_long(buttons: list[QAbstractButton]) -> bool:
    return any(isinstance(button, _IndicatorOnly) for button in buttons)
