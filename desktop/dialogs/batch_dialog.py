"""Open today's batch: the event or consulate day every new registration belongs to, and the form it
is filled with (the shipped registration form unless the supervisor chooses another of the library;
the choice is shown only when the library holds another form)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forms.dates import parse_typed_date

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BatchDialog(QDialog):
    """Name, place and day of a new batch; Enter opens it when the name is filled in."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatchDialog")
        self.name = QLineEdit()
        self.name.setObjectName("batch_name")
        self.place = QLineEdit()
        self.place.setObjectName("batch_place")
        self.day = QLineEdit((today or date.today()).isoformat())
        self.day.setObjectName("batch_day")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.problem.hide()
        self.form_choice = QComboBox()
        self.form_choice.setObjectName("batch_form")
        self.name_label, self.place_label, self.day_label = QLabel(), QLabel(), QLabel()
        self.form_label = QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.place_label, self.place)
        self.form.addRow(self.day_label, self.day)
        self.form.addRow(self.form_label, self.form_choice)
        self.form.setRowVisible(self.form_choice, False)  # until the library holds another form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for label, field in (
            (self.name_label, self.name),
            (self.place_label, self.place),
            (self.day_label, self.day),
            (self.form_label, self.form_choice),
        ):
            label.setBuddy(field)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open a batch"))
        self.name_label.setText(self.tr("Event or consulate day:"))
        self.place_label.setText(self.tr("Place:"))
        self.day_label.setText(self.tr("Day (YYYY-MM-DD):"))
        self.form_label.setText(self.tr("Form:"))
        example = self.tr("for example: Minneapolis community day")
        self.name.setPlaceholderText(example)
        # The example is read whole, in every language (it was cut to "for example: Minn..." at 1366x768).
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance(example) + 24)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open batch"))

    def set_forms(self, choices: list[Any], chosen: str | None = None) -> None:
        """The forms a batch may be filled with (forms.library.FormChoice, the shipped one first)."""
        self.form_choice.clear()
        for choice in choices:
            version = f" ({choice.version})" if choice.version else ""
            self.form_choice.addItem(f"{choice.title}{version}", choice.form_id)
        index = self.form_choice.findData(chosen) if chosen else 0
        self.form_choice.setCurrentIndex(max(index, 0))
        self.form.setRowVisible(self.form_choice, len(choices) > 1)

    def form_id(self) -> str | None:
        """The chosen form's id; None for the first (the shipped form) or when none was offered."""
        if self.form_choice.count() == 0 or self.form_choice.currentIndex() <= 0:
            return None
        return str(self.form_choice.currentData())

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.place.text().strip(), parse_typed_date(self.day.text())

    def _accept_if_valid(self) -> None:
        name, _place, day = self.values()
        if not name:
            self._refuse(self.tr("Give the batch a name, for example the event."), self.name)
        elif not _ISO_DAY.match(day):
            self._refuse(self.tr("Type the day as YYYY-MM-DD or DD/MM/YYYY."), self.day)
        else:
            self.accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus()
