"""The column left of the registration form: Scan passport (Ctrl+M), Receipt (Ctrl+P) and the section
navigator with progress (Ctrl+G). ``attach_form_tools(page)`` is the page's one call to set them up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QRadioButton, QWidget

from desktop.pages.registration.mrz_dialog import PassportAction
from desktop.pages.registration.navigator import SectionNavigator, attach
from desktop.pages.registration.receipt_action import ReceiptAction

if TYPE_CHECKING:
    from desktop.pages.registration.page import RegistrationPage

FOCUS_COLOUR = "#ffe08a"
FOCUS_STYLE = f"background: {FOCUS_COLOUR}; border: 2px solid #2f6f9f; border-radius: 3px; padding: 1px 4px;"


class FocusHighlight(QObject):
    """A radio button or checkbox of the form that holds the keyboard focus (reached with Enter or Tab)
    is highlighted: the style's own focus frame is a faint dotted line, invisible on many laptop
    screens. Only the focused button gets a style sheet, so building the 50-question form stays fast."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._moved)

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.page):
            return  # focus moves while the page is being destroyed
        for widget, style in ((old, ""), (new, FOCUS_STYLE)):
            if isinstance(widget, QRadioButton | QCheckBox) and self.page.isAncestorOf(widget):
                widget.setStyleSheet(style)


@dataclass
class FormTools:
    passport: PassportAction
    receipt: ReceiptAction
    navigator: SectionNavigator
    focus: FocusHighlight


def attach_form_tools(page: RegistrationPage) -> FormTools:
    passport = PassportAction(page)
    receipt = ReceiptAction(page)
    navigator = attach(page, passport.button, receipt.button)
    # The page must fit 1366x768 at 150% scaling (911 logical pixels): a long batch line wraps.
    page.batch_label.setWordWrap(True)
    # The form-language box is as wide as its longest name ("Português" was cut).
    page.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return FormTools(passport, receipt, navigator, FocusHighlight(page))
