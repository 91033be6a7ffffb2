"""Places typed on the keyboard: a geopoint as latitude, longitude, altitude and accuracy boxes, and a
geotrace or geoshape as one point per line. No map and no network: a clerk copies the figures from a
phone's GPS screen, a paper form or a list of places.

Both speak the QuestionInput protocol of the Register page; the text they give is ODK's
(``lat lon alt acc``, points joined by ``;``) and the engine (forms.engine.values.geo_text) says what is
wrong with a half-typed one. Pasting "6.3, -10.8" (or "6.3 -10.8 12 5") into the latitude box fills the
boxes it names.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.registration.inputs import _NOT_LEAVING, QuestionInput

_SEPARATORS = re.compile(r"[\s,;]+")


class GeopointInput(QuestionInput):
    """Four boxes in a row: latitude and longitude (degrees), altitude and accuracy (metres, optional)."""

    PARTS = ("latitude", "longitude", "altitude", "accuracy")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        titles = (
            self.tr("Latitude (°)"),
            self.tr("Longitude (°)"),
            self.tr("Altitude (m)"),
            self.tr("Accuracy (m)"),
        )
        self.boxes: list[QLineEdit] = []
        # no validator: a pasted "6.3, -10.8" must reach _typed; the engine names a wrong figure
        for column, (part, title) in enumerate(zip(self.PARTS, titles, strict=True)):
            label = QLabel(title)
            box = QLineEdit()
            box.setObjectName(f"geopoint_{part}")
            box.setAccessibleName(title)
            box.setMaximumWidth(140)
            box.setPlaceholderText("6.3" if part == "latitude" else "-10.8" if part == "longitude" else "")
            label.setBuddy(box)
            layout.addWidget(label, 0, column)
            layout.addWidget(box, 1, column)
            box.textEdited.connect(lambda _text, b=box: self._typed(b))
            self.boxes.append(box)
        layout.setColumnStretch(len(self.PARTS), 1)
        self.setFocusProxy(self.boxes[0])
        for box in self.boxes:
            self._watch_focus(box)

    def _typed(self, box: QLineEdit) -> None:
        parts = [p for p in _SEPARATORS.split(box.text().strip()) if p]
        if box is self.boxes[0] and len(parts) >= 2:  # a pasted point: spread it over the boxes
            for target, part in zip(self.boxes, parts, strict=False):
                target.setText(part)
            self.boxes[min(len(parts), len(self.boxes)) - 1].setFocus()
        if not self._loading:
            self.edited.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab from latitude to longitude is not leaving the question: look once the focus has moved
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() not in _NOT_LEAVING
        ):
            QTimer.singleShot(0, self._left_if_outside)
        return False

    def _left_if_outside(self) -> None:
        if QApplication.focusWidget() not in self.boxes:
            self.left.emit()

    def value(self) -> object:
        texts = [box.text().strip().replace(",", ".") for box in self.boxes]
        if not any(texts):
            return None
        latitude, longitude, altitude, accuracy = texts
        if accuracy and not altitude:
            altitude = "0"  # ODK's order: an accuracy needs an altitude before it
        return " ".join(t for t in (latitude, longitude, altitude, accuracy) if t)

    def _show_value(self, value: object) -> None:
        parts = str(value).split() if value not in (None, "") else []
        for index, box in enumerate(self.boxes):
            box.setText(parts[index] if index < len(parts) else "")

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes)


class GeoTraceInput(QuestionInput):
    """A geotrace or geoshape: one point per line ("lat lon [alt acc]"); ODK joins them with ";"."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.box = QPlainTextEdit()
        self.box.setObjectName(f"{kind}_points")
        self.box.setTabChangesFocus(True)
        self.box.setPlaceholderText(self.tr("One point per line: latitude longitude, e.g. 6.3 -10.8"))
        self.box.setFixedHeight(96)
        self.box.setMaximumWidth(560)
        self.box.textChanged.connect(self._emit_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.setFocusProxy(self.box)
        self._watch_focus(self.box)

    def value(self) -> object:
        lines = [" ".join(line.replace(",", " ").split()) for line in self.box.toPlainText().splitlines()]
        points = [line for line in lines if line]
        return ";".join(points) if points else None

    def _show_value(self, value: object) -> None:
        points = [p.strip() for p in str(value).split(";")] if value not in (None, "") else []
        self.box.setPlainText("\n".join(p for p in points if p))

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)

    def focus_widgets(self) -> list[QWidget]:
        return [self.box]
