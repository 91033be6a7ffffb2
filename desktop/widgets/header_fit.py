"""Column headers never cut: each section of a table's horizontal header is kept at least as wide as its
text (French headers run longer than English ones). Only the header text is measured, never the rows, so
it costs nothing on a table of 100,000 records; a column the clerk widened is left as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView


def header_text_width(header: QHeaderView, section: int) -> int:
    """The width the header needs to show the text of ``section`` whole (with its margins and the sort
    arrow's room)."""
    model = header.model()
    if model is None:
        return 0
    text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return header.fontMetrics().horizontalAdvance(text) + 4 * margin + arrow


def fit_headers(table: QTableView) -> None:
    """Widen every column whose header text does not fit; narrower ones are not touched."""
    header = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    for section in range(model.columnCount()):
        needed = header_text_width(header, section)
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


def keep_headers_fitted(table: QTableView) -> None:
    """Fit now and again whenever the headers change (a language switch, another batch's columns)."""
    model = table.model()
    model.headerDataChanged.connect(lambda *_: fit_headers(table))
    model.modelReset.connect(lambda: fit_headers(table))
    model.columnsInserted.connect(lambda *_: fit_headers(table))
    fit_headers(table)
