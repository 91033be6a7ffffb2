"""Issue #12: the records list's column headers are not cut in French ("Date de naissance" in a column
sized for "Birth date"): every header section is at least as wide as its text, after a language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.harness import Desk, press


def _cut_headers(records) -> list[str]:
    header = records.table.horizontalHeader()
    model = records.table.model()
    cut = []
    for section in range(model.columnCount()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal))
        if header.sectionSize(section) < header.fontMetrics().horizontalAdvance(text):
            cut.append(text)
    return cut


def test_headers_fit_their_text_in_french(qtbot, desk: Desk) -> None:
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    records = desk.records
    model = records.table.model()

    def headers() -> list[str]:
        return [str(model.headerData(s, Qt.Orientation.Horizontal)) for s in range(model.columnCount())]

    qtbot.waitUntil(lambda: "Birth date" in headers(), timeout=5000)
    assert _cut_headers(records) == []
    desk.context.languages.switch_to("fr")
    try:
        qtbot.waitUntil(lambda: "Date de naissance" in headers(), timeout=5000)
        assert _cut_headers(records) == []
    finally:
        desk.context.languages.switch_to("en")
