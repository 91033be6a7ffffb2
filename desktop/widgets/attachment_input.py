"""Attachments on the Register page: a file picker (image, audio, video, file questions) with a preview
for images, and a signature pad (``image`` with ``appearance=signature``).

The file's bytes go into the encrypted store through ``StoreAttachments`` (on the store lane, queued
before the record's save), never to a file on disk; the answer is the name the store keeps them under
(forms.store.attachments). A file too large or of the wrong type is refused in one sentence shown under
the question, and the answer stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QTabletEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pages.registration.inputs import QuestionInput
from desktop.windows.errors import failure_reason
from forms.store.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentError,
    accepted_extensions,
    check_attachment,
    put_attachment,
    read_attachment,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from desktop.tasks import StoreLane
    from forms.store.attachments import Attachment

PREVIEW = QSize(240, 160)


class StoreAttachments:
    """Keeps attached files in the unlocked store through the store lane (desktop.tasks.StoreLane)."""

    def __init__(self, lane: StoreLane, on_error: Callable[[BaseException], None]) -> None:
        self.lane = lane
        self.on_error = on_error

    def put(self, kind: str, filename: str, content: bytes) -> str:
        """Checks the file now (AttachmentError: one sentence), stores it on the lane; returns its name."""
        name, _media_type = check_attachment(kind, filename, content)
        self.lane.run(lambda store: put_attachment(store, kind, filename, content), None, self.on_error)
        return name

    def fetch(self, name: str, deliver: Callable[[bytes | None], None]) -> None:
        """The bytes of a kept attachment (for a preview), delivered on the GUI thread."""

        def found(attachment: Attachment | None) -> None:
            deliver(attachment.content if attachment is not None else None)

        self.lane.run(lambda store: read_attachment(store, name), found, lambda _error: deliver(None))


class AttachmentInput(QuestionInput):
    """ "Choose a file…", the kept file's name (and a preview for an image), "Remove"."""

    refused = Signal(str)  # the sentence saying why a file was not attached

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.attachments: StoreAttachments | None = None
        self._value: str | None = None
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("attachment_choose")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("attachment_remove")
        self.remove_button.clicked.connect(self.remove)
        self.name_label = QLabel()
        self.name_label.setObjectName("attachment_name")
        self.preview = QLabel()
        self.preview.setObjectName("attachment_preview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("attachment_refused")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #b00020; }")
        self.message.setVisible(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.name_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        self.setFocusProxy(self.choose_button)
        self._watch_focus(self.choose_button)
        self._watch_focus(self.remove_button)
        self.retranslate_ui()
        self._show_state()

    def retranslate_ui(self) -> None:
        self.choose_button.setText(self.tr("Choose a file…") if self._value is None else self.tr("Replace…"))
        self.remove_button.setText(self.tr("Remove"))

    # --- attaching --------------------------------------------------------------------------------
    def choose(self) -> None:
        patterns = " ".join(f"*.{e} *.{e.upper()}" for e in accepted_extensions(self.kind))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), "", f"({patterns})")
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> bool:
        """Attach a file from disk (the dialog's choice, or a scanner's output); False when refused."""
        try:
            if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                content = b"\0" * (MAX_ATTACHMENT_BYTES + 1)  # check_attachment words the refusal
            else:
                content = path.read_bytes()
        except OSError as error:
            self._refuse(self.tr("The file “%1” cannot be read: %2").replace("%1", path.name).replace(
                "%2", error.strerror or type(error).__name__
            ))  # fmt: skip
            return False
        return self.attach_bytes(path.name, content)

    def attach_bytes(self, filename: str, content: bytes) -> bool:
        if self.attachments is None:
            self._refuse(self.tr("Files cannot be attached here: the store is not open."))
            return False
        try:
            name = self.attachments.put(self.kind, filename, content)
        except AttachmentError as error:
            self._refuse(failure_reason(error, type(error).__name__))  # its English sentence, as raised
            return False
        self.message.setVisible(False)
        self._value = name
        self._show_state(content)
        if not self._loading:
            self.edited.emit()
        return True

    def remove(self) -> None:
        self._value = None
        self._show_state()
        self.edited.emit()

    def _refuse(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(True)
        self.refused.emit(sentence)

    # --- showing ----------------------------------------------------------------------------------
    def _show_state(self, content: bytes | None = None) -> None:
        self.retranslate_ui()
        self.name_label.setText(self._value or self.tr("No file attached"))
        self.remove_button.setVisible(self._value is not None)
        self._show_preview(content)

    def _show_preview(self, content: bytes | None) -> None:
        if self.kind != "image" or self._value is None:
            self.preview.clear()
            self.preview.setVisible(False)
            return
        if content is None and self.attachments is not None:
            wanted = self._value
            self.attachments.fetch(wanted, lambda data: self._preview_fetched(wanted, data))
            return
        image = QImage.fromData(QByteArray(content or b""))
        if image.isNull():
            self.preview.setVisible(False)
            return
        pixmap = QPixmap.fromImage(image).scaled(
            PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.preview.setPixmap(pixmap)
        self.preview.setVisible(True)

    def _preview_fetched(self, wanted: str, content: bytes | None) -> None:
        if self._value == wanted and content is not None:  # not replaced or removed meanwhile
            self._show_preview(content)

    # --- protocol ---------------------------------------------------------------------------------
    def value(self) -> object:
        return self._value

    def _show_value(self, value: object) -> None:
        self._value = str(value) if value not in (None, "") else None
        self.message.setVisible(False)
        self._show_state()

    def clear_personal_data(self) -> None:
        super().clear_personal_data()
        self.preview.clear()

    def focus_widgets(self) -> list[QWidget]:
        return [self.choose_button, *([self.remove_button] if self._value is not None else [])]


class SignaturePad(QWidget):
    """A white pad drawn on with the mouse, a pen or a finger; ``signed`` when a stroke ends."""

    signed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setFixedSize(QSize(420, 160))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False

    def clear(self) -> None:
        self.strokes = []
        self.update()

    def is_empty(self) -> bool:
        return not any(len(stroke) > 1 for stroke in self.strokes)

    def _begin(self, point: QPointF) -> None:
        self._drawing = True
        self.strokes.append([point])

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(point)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.signed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.lightGray, 1, Qt.PenStyle.DashLine))
        painter.drawLine(20, self.height() - 30, self.width() - 20, self.height() - 30)
        pen = QPen(Qt.GlobalColor.black, 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) > 1:
                path = QPainterPath(stroke[0])
                for point in stroke[1:]:
                    path.lineTo(point)
                painter.drawPath(path)

    def png(self) -> bytes:
        """The signature as a PNG image, the size of the pad."""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            self.paint(painter)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 6.12 accepts the format only as str here; its stubs say bytes (which it refuses).
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())


class SignatureInput(AttachmentInput):
    """``image`` with ``appearance=signature``: the person signs on the pad; each finished stroke keeps
    the signature (a PNG in the store). "Clear" starts again; a kept signature shows as its preview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("image", parent)
        self.pad = SignaturePad()
        self.pad.signed.connect(self._keep_signature)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("signature_clear")
        self.clear_button.clicked.connect(self.clear_signature)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.pad)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.insertLayout(1, row)
        self.choose_button.setVisible(False)  # a signature is drawn, not picked from the disk
        self.setFocusProxy(self.pad)
        self._watch_focus(self.pad)
        self._watch_focus(self.clear_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "clear_button"):
            self.clear_button.setText(self.tr("Clear the signature"))

    def _keep_signature(self) -> None:
        if not self.pad.is_empty():
            self.attach_bytes("signature.png", self.pad.png())

    def clear_signature(self) -> None:
        self.pad.clear()
        self.remove()

    def _show_value(self, value: object) -> None:
        if value in (None, ""):
            self.pad.clear()
        super()._show_value(value)

    def focus_widgets(self) -> list[QWidget]:
        return [self.pad, self.clear_button]
