"""The F1 list of keyboard shortcuts: keys and what they do in two aligned columns (a table, not
tab-separated text, so long key names never push a description out of line)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        for row, (keys, meaning) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(meaning))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        # Rows follow their text when the dialog takes its width (sized at the narrow first width they
        # kept wide gaps under one-line meanings in French and Portuguese).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # ... and again whenever a column changes width (a scrollbar coming or going narrows the meanings):
        # the header's own delayed re-fit was seen to miss it on a loaded machine (CI, 2026-12-07).
        header.sectionResized.connect(self._fit_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = self.table.horizontalHeader().length() + 60
        height = sum(self.table.rowHeight(r) for r in range(len(rows))) + 90
        self.resize(max(560, min(width, 900)), min(height, 640))
        self.table.setFocus()

    def _fit_rows(self, _section: int, _old: int, _new: int) -> None:
        self.table.resizeRowsToContents()
