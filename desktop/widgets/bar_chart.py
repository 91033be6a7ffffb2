"""A horizontal bar chart drawn with QPainter (no QtCharts: it would add PySide6-Addons to the bundle).

Bars are labelled with their count; past ``max_bars`` the rest are summed into one "Other" bar. The
chart takes the keyboard focus (Tab) and draws a focus frame; ``export_png(path)`` writes it at twice
the screen resolution, for a report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2f6f9f")
MAX_BARS = 8


class BarChart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.empty_text = ""
        self.other_text = "Other"
        self.max_bars = MAX_BARS
        self._bars: list[tuple[str, int]] = []

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        """(label, count), most frequent first; the tail past ``max_bars`` becomes one "Other" bar."""
        if len(bars) > self.max_bars:
            head, tail = bars[: self.max_bars - 1], bars[self.max_bars - 1 :]
            bars = [*head, (self.other_text, sum(count for _label, count in tail))]
        self._bars = list(bars)
        self.setAccessibleDescription(", ".join(f"{label}: {count}" for label, count in self._bars))
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(360, int(line * 1.6 * (MAX_BARS + 2)))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(200, int(line * 1.3 * 6))

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(self.rect()), with_focus=self.hasFocus())
        finally:
            painter.end()

    def _paint(self, painter: QPainter, area: QRectF, with_focus: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        painter.setFont(self.font())
        line = metrics.height()
        pad = 8.0
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title_rect = QRectF(area.left() + pad, area.top() + pad, area.width() - 2 * pad, line)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        top = title_rect.bottom() + line * 0.5
        if with_focus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(area.adjusted(1, 1, -2, -2))
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(area.left() + pad, top, area.width() - 2 * pad, line),
                Qt.AlignmentFlag.AlignLeft,
                self.empty_text,
            )
            return
        most = max(count for _label, count in self._bars) or 1
        label_width, shown_labels = self._labels(metrics, area.width(), pad)
        count_width = metrics.horizontalAdvance(str(most)) + pad
        bar_left = area.left() + pad + label_width
        bar_room = max(area.right() - pad - count_width - bar_left, 10.0)
        step = min(line * 1.6, (area.bottom() - pad - top) / len(self._bars))
        for index, (_label, count) in enumerate(self._bars):
            y = top + index * step
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            shown = shown_labels[index]
            painter.drawText(
                QRectF(area.left() + pad, y, label_width - pad, step),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            width = bar_room * count / most
            painter.fillRect(QRectF(bar_left, y + step * 0.15, width, step * 0.7), BAR_COLOUR)
            painter.drawText(
                QRectF(bar_left + width + 4, y, count_width, step),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )

    def _labels(self, metrics: QFontMetrics, width: float, pad: float) -> tuple[float, list[str]]:
        """The label column's width and each label as written (elided only when there is no room)."""
        # + 4: a text's real width is fractional; without slack the longest label gets elided
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _count in self._bars) + pad + 4, width * 0.6
        )
        shown = [
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - pad))
            for label, _count in self._bars
        ]
        return label_width, shown

    def shown_labels(self) -> list[str]:
        """The labels as the chart writes them at its present width."""
        if not self._bars:
            return []
        return self._labels(QFontMetrics(self.font()), float(self.width()), 8.0)[1]

    def export_png(self, path: Path, scale: float = 2.0) -> bool:
        """Write the chart as a PNG (``scale`` times its size on screen, at least 480 x 320)."""
        width = max(self.width(), 480)
        height = max(self.height(), 320)
        image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        try:
            self._paint(painter, QRectF(0, 0, width, height), with_focus=False)
        finally:
            painter.end()
        # PySide6 6.12 accepts the format only as str here; its stubs say bytes (which it refuses).
        return image.save(str(path), "PNG")  # type: ignore[call-overload]
