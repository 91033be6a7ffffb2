"""The start page: who is signed in and the keys that matter, so a new clerk can work without a mouse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pages import DeskContext, PageSpec


class HomePage(QWidget):
    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        self.setObjectName("HomePage")
        self._context = context
        self._operator_name = ""
        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSize(heading_font.pointSize() + 6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.shortcuts = QGridLayout()
        self.shortcuts.setHorizontalSpacing(24)
        self.shortcuts.setVerticalSpacing(6)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock_now")
        self.lock_button.clicked.connect(lambda: context.lock.lock())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addSpacing(12)
        layout.addLayout(self.shortcuts)
        layout.addSpacing(12)
        layout.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setFocusProxy(self.lock_button)
        context.lock.unlocked.connect(self._session_started)
        if context.lane.store is not None:
            self._session_started(context.lane.store)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Start")

    def _session_started(self, store: Any) -> None:
        self._operator_name = store.operator.name
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_shortcuts(self) -> None:
        while self.shortcuts.count():
            item = self.shortcuts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, (keys, meaning) in enumerate(self._context.window.shortcut_rows()):
            key_label = QLabel(keys)
            key_font = QFont(key_label.font())
            key_font.setBold(True)
            key_label.setFont(key_font)
            self.shortcuts.addWidget(key_label, row, 0)
            self.shortcuts.addWidget(QLabel(meaning), row, 1)
        self.shortcuts.setColumnStretch(2, 1)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Welcome, %1").replace("%1", self._operator_name))
        self._fill_shortcuts()
        self.lock_button.setText(self.tr("Lock now (Ctrl+L)"))


def create_page(context: DeskContext) -> PageSpec:
    page = HomePage(context)
    return PageSpec("home", page, page.title, order=1000)
