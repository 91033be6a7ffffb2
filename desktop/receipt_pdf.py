"""Draw a person's registration receipt (``forms.receipt.ReceiptContent``) on one A4 page: as a PDF
(``QPdfWriter``, part of QtGui) or on a printer (``QPrinter``). The same painting serves both.

The text is a ``QTextDocument`` laid out for the page; the QR code is painted module by module (no
image library). A document taller than the page is scaled down to fit: a receipt is always one page.
Needs a ``QGuiApplication``; the command line makes an offscreen one (``offscreen_app``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from forms.receipt import ReceiptContent

RESOLUTION = 300  # dots per inch of the PDF
FONT_FAMILY = "DejaVu Sans"


def offscreen_app() -> QGuiApplication:
    """The running Qt application, or a windowless one for the command line (no display needed)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    app = QGuiApplication(["diaspora-desk", "-platform", "offscreen"])
    from desktop.paths import fonts_dir

    for font_file in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))
    return app


def receipt_html(content: ReceiptContent) -> str:
    def rows(pairs: list[tuple[str, str]]) -> str:
        return "".join(
            f"<tr><td width='32%' style='color:#444;'>{escape(label)}</td>"
            f"<td><b>{escape(value)}</b></td></tr>"
            for label, value in pairs
        )

    privacy = "".join(f"<p style='margin: 0 0 6px 0;'>{escape(p)}</p>" for p in content.privacy)
    return (
        f"<h1 style='font-size: 18pt; margin: 0 0 4px 0;'>{escape(content.title)}</h1>"
        f"<table cellpadding='2' width='62%'>{rows(content.facts)}</table>"
        f"<p style='margin: 10px 0 0 0; color:#444;'>{escape(content.reference_label)}</p>"
        f"<p style='font-size: 20pt; font-weight: bold; margin: 0; font-family: \"DejaVu Sans Mono\";'>"
        f"{escape(content.reference)}</p>"
        f"<p style='margin: 0 0 8px 0; width: 60%;'>{escape(content.reference_help)}</p>"
        f"<h2 style='font-size: 13pt; margin: 12px 0 4px 0;'>{escape(content.recorded_label)}</h2>"
        f"<table cellpadding='2' width='100%'>{rows(content.summary)}</table>"
        f"<h2 style='font-size: 13pt; margin: 12px 0 4px 0;'>{escape(content.privacy_label)}</h2>"
        f"{privacy}"
    )


def paint_receipt(painter: QPainter, page: QRectF, content: ReceiptContent) -> None:
    """Everything on ``page`` (device pixels of the painter's device, margins already removed)."""
    device = painter.device()
    dpi = device.logicalDpiX() if device is not None else RESOLUTION
    document = QTextDocument()
    if device is not None:
        document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(QFont(FONT_FAMILY, 10))
    document.setDocumentMargin(0)
    document.setHtml(receipt_html(content))
    document.setTextWidth(page.width())

    # The QR code, top right, about 3.2 cm wide, with the reference written under it.
    qr_side = dpi * 3.2 / 2.54
    modules = len(content.qr)
    cell = qr_side / modules if modules else 0
    qr_left = page.right() - qr_side
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(content.qr):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(qr_left + x * cell, page.top() + y * cell, cell + 0.5, cell + 0.5))
    painter.restore()

    height = document.size().height()
    scale = min(1.0, page.height() / height) if height > 0 else 1.0
    painter.save()
    painter.translate(page.topLeft())
    painter.scale(scale, scale)
    document.drawContents(painter, QRectF(QPointF(0, 0), QSizeF(page.width() / scale, height)))
    painter.restore()


def _paint_on(device: QPagedPaintDevice, content: ReceiptContent) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the receipt could not be drawn on that page")
    try:
        layout = device.pageLayout()
        page = QRectF(layout.paintRectPixels(device.logicalDpiX()))
        paint_receipt(painter, QRectF(0, 0, page.width(), page.height()), content)
    finally:
        painter.end()


def write_pdf(content: ReceiptContent, path: Path) -> Path:
    """One A4 page; raises OSError when the file cannot be written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(content.title + " " + content.reference)
    writer.setCreator("Diaspora Desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    _paint_on(writer, content)
    del writer  # the file is finished when the writer goes
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"the receipt could not be written to {path}")
    return path


def render_png(content: ReceiptContent, path: Path, width: int = 1240) -> bool:
    """The page as a picture (A4 proportions, ``width`` pixels wide): for screenshots and previews."""
    from PySide6.QtGui import QImage

    height = round(width * 297 / 210)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(width / 0.210))
    image.setDotsPerMeterY(round(width / 0.210))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        margin = width * 18 / 210
        paint_receipt(painter, QRectF(margin, margin, width - 2 * margin, height - 2 * margin), content)
    finally:
        painter.end()
    # PySide6 6.12 accepts the format only as str here; its stubs say bytes (which it refuses).
    return image.save(str(path), "PNG")  # type: ignore[call-overload]


def print_receipt(content: ReceiptContent, printer: QPagedPaintDevice) -> None:
    """On a printer the clerk chose (``QPrinter``)."""
    _paint_on(printer, content)
