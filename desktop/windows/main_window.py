"""The main window frame: a sidebar of pages over a stack, menus with shortcuts, and the status bar.

Pages plug in with ``add_page(key, widget, title)``; the window owns no data itself. The status bar
is filled from a ``DeskStatus`` read on the store lane by whoever owns the lane (see desktop.app).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop.i18n import LANGUAGE_NAMES
from desktop.settings import LANGUAGES

AUTO_LOCK_CHOICES = (1, 2, 5, 10, 15)
SMALL_SCREEN = QSize(1440, 900)  # up to this (logical pixels), the window takes the whole screen


@dataclass(frozen=True)
class DeskStatus:
    operator_name: str
    operator_role: str
    open_batch: str | None = None
    waiting_to_sync: int = 0
    last_sync: datetime | None = None


@dataclass
class _Page:
    key: str
    widget: QWidget
    title: Callable[[], str]
    item: QListWidgetItem
    action: QAction
    holder: QScrollArea  # what the stack shows: the page, scrollable if the screen is smaller than it


class MainWindow(QMainWindow):
    lock_requested = Signal()
    sync_now_requested = Signal()
    import_requested = Signal()
    export_requested = Signal()
    language_chosen = Signal(str)
    idle_minutes_chosen = Signal(int)
    page_shown = Signal(str)

    def __init__(self, language: str = "en", idle_minutes: int = 5) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self._pages: dict[str, _Page] = {}
        self._status: DeskStatus | None = None
        self.shortcuts_dialog: QWidget | None = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMinimumWidth(140)
        self.sidebar.setMaximumWidth(180)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        self._build_menus(language, idle_minutes)
        self._build_status_bar()
        self.fit_to_screen()
        self.retranslate_ui()

    def fit_to_screen(self) -> None:
        """Use the screen: most of a large one, all of a laptop's (1366x768, or less at 150% scaling)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1100, 720)
            return
        room = screen.availableGeometry()
        if room.width() <= SMALL_SCREEN.width() or room.height() <= SMALL_SCREEN.height():
            self.resize(room.size())
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(int(room.width() * 0.85), int(room.height() * 0.88))
            self.move(room.center() - self.rect().center())

    # ----- pages -------------------------------------------------------------------------------------
    def add_page(self, key: str, widget: QWidget, title: str | Callable[[], str]) -> None:
        """Add a page to the stack, the sidebar and the Go menu (Ctrl+1..9 in order of addition)."""
        if key in self._pages:
            raise ValueError(f"a page named {key!r} is already in the main window")
        title_of = title if callable(title) else (lambda: title)
        item = QListWidgetItem(title_of())
        self.sidebar.addItem(item)
        # A page wider or taller than a small screen (1366x768 at 150% scaling) scrolls inside the
        # window instead of pushing the window past the screen's edges.
        holder = QScrollArea()
        holder.setObjectName("page_" + key)
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder.setWidget(widget)
        self.stack.addWidget(holder)
        action = QAction(title_of(), self)
        position = len(self._pages) + 1
        if position <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{position}"))
        action.triggered.connect(lambda: self.show_page(key))
        self.go_menu.addAction(action)
        self._pages[key] = _Page(key, widget, title_of, item, action, holder)
        if len(self._pages) == 1:
            self.show_page(key)

    def page(self, key: str) -> QWidget:
        return self._pages[key].widget

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def current_page_key(self) -> str | None:
        current = self.stack.currentWidget()
        return next((p.key for p in self._pages.values() if p.holder is current), None)

    def current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self._pages[key].widget if key is not None else None

    def show_page(self, key: str) -> None:
        page = self._pages[key]
        self.stack.setCurrentWidget(page.holder)
        self.sidebar.setCurrentItem(page.item)
        page.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        focus_target = page.widget.focusProxy() or page.widget.nextInFocusChain()
        if focus_target is not None and page.widget.isAncestorOf(focus_target):
            focus_target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_shown.emit(key)

    def _on_sidebar_row(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            key = list(self._pages)[row]
            if self.stack.currentWidget() is not self._pages[key].holder:
                self.stack.setCurrentWidget(self._pages[key].holder)
                self.page_shown.emit(key)

    # ----- menus -------------------------------------------------------------------------------------
    def _build_menus(self, language: str, idle_minutes: int) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Application-wide: Ctrl+L must lock whatever widget or dialog of ours has the focus.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.file_menu.addAction(self.lock_action)
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(self.sync_now_requested)
        self.file_menu.addAction(self.sync_action)
        self.file_menu.addSeparator()
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_requested)
        self.file_menu.addAction(self.import_action)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_requested)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.auto_lock_menu = self.file_menu.addMenu("")
        self._auto_lock_group = QActionGroup(self)
        self._auto_lock_actions: dict[int, QAction] = {}
        for minutes in AUTO_LOCK_CHOICES:
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(minutes == idle_minutes)
            action.triggered.connect(lambda _=False, m=minutes: self.idle_minutes_chosen.emit(m))
            self._auto_lock_group.addAction(action)
            self.auto_lock_menu.addAction(action)
            self._auto_lock_actions[minutes] = action
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.go_menu = bar.addMenu("")

        self.language_menu = bar.addMenu("")
        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self._language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.about_action)

    def set_export_allowed(self, allowed: bool) -> None:
        """Only supervisors export; a clerk does not see an action that would only refuse."""
        self.export_action.setVisible(allowed)
        self.export_action.setEnabled(allowed)

    def set_language_checked(self, language: str) -> None:
        self.language_actions[language].setChecked(True)

    def set_idle_minutes_checked(self, minutes: int) -> None:
        if minutes in self._auto_lock_actions:
            self._auto_lock_actions[minutes].setChecked(True)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the Help list and the start page; pages may add their own rows."""
        return [
            ("Ctrl+L", self.tr("lock now")),
            ("F5", self.tr("send the records to the server now")),
            ("Ctrl+I", self.tr("import registrations from a spreadsheet")),
            ("Ctrl+E", self.tr("export records to Excel or CSV (supervisors)")),
            ("Ctrl+1 ... Ctrl+9", self.tr("go to a page")),
            ("Ctrl+S", self.tr("save the registration")),
            ("Ctrl+D", self.tr("save it as a draft, to finish later")),
            ("Ctrl+Shift+D", self.tr("discard the draft on screen (after asking)")),
            ("Ctrl+N", self.tr("next person (an unfinished registration is kept as a draft)")),
            ("Ctrl+M", self.tr("scan a passport's two machine-readable lines")),
            ("Ctrl+P", self.tr("the person's receipt, after saving")),
            ("Ctrl+G", self.tr("sections of the form and their progress")),
            ("Ctrl+B", self.tr("open, switch or close the batch being filled")),
            ("Ctrl+PgDown / Ctrl+PgUp", self.tr("next / previous section of the form")),
            (self.tr("Tab / Shift+Tab"), self.tr("next / previous field")),
            (self.tr("Enter"), self.tr("confirm, or go to the next question")),
            ("F1", self.tr("this list")),
            ("Ctrl+Q", self.tr("quit")),
        ]

    def shortcuts_text(self) -> str:
        return "\n".join(keys + "\t" + meaning for keys, meaning in self.shortcut_rows())

    def _show_shortcuts(self) -> None:
        from desktop.windows.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.shortcuts_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "shortcuts_dialog", None))
        dialog.open()

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Diaspora Desk"),
            self.tr(
                "Diaspora Desk registers members of the diaspora at consulates and outreach events. "
                "Everything is stored encrypted on this computer until it is sent to the central server."
            ),
        )

    # ----- status bar --------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.operator_label = QLabel()
        self.batch_label = QLabel()
        self.waiting_label = QLabel()
        self.last_sync_label = QLabel()
        self.sync_error_label = QLabel()
        self.sync_error_label.setObjectName("sync_error")
        self.sync_error_label.setStyleSheet("color: #a4000f;")
        self.sync_error_label.hide()
        self.statusBar().addWidget(self.sync_error_label, 1)
        for index, label in enumerate(
            (self.operator_label, self.batch_label, self.waiting_label, self.last_sync_label)
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setContentsMargins(8, 0, 8, 0)
            if index:
                # A rule between the four facts, so they read as four and not as one sentence.
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.VLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                self.statusBar().addPermanentWidget(rule)
            self.statusBar().addPermanentWidget(label)

    def show_status(self, status: DeskStatus | None) -> None:
        self._status = status
        self._render_status()

    def set_waiting_to_sync(self, count: int) -> None:
        if self._status is not None:
            self._status = replace(self._status, waiting_to_sync=count)
            self._render_status()

    def set_last_sync(self, when: datetime) -> None:
        if self._status is not None:
            self._status = replace(self._status, last_sync=when)
            self._render_status()

    def set_sync_error(self, sentence: str) -> None:
        """The last sync error in words ("" once a pass succeeds); the sentences come from sync."""
        self.sync_error_label.setText(sentence)
        self.sync_error_label.setVisible(bool(sentence))

    def set_sync_progress(self, done: int, total: int) -> None:
        if total > 0 and done < total:
            text = self.tr("Sending records: %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _render_status(self) -> None:
        status = self._status
        if status is None:
            for label in (self.operator_label, self.batch_label, self.waiting_label, self.last_sync_label):
                label.clear()
            self.set_sync_error("")
            self.statusBar().clearMessage()
            return
        role = self.tr("supervisor") if status.operator_role == "supervisor" else self.tr("clerk")
        self.operator_label.setText(
            self.tr("Operator: %1 (%2)").replace("%1", status.operator_name).replace("%2", role)
        )
        if status.open_batch:
            self.batch_label.setText(self.tr("Batch: %1").replace("%1", status.open_batch))
        else:
            self.batch_label.setText(self.tr("No open batch"))
        self.waiting_label.setText(self.tr("%n record(s) waiting to sync", "", status.waiting_to_sync))
        if status.last_sync is None:
            self.last_sync_label.setText(self.tr("Never synced"))
        else:
            when = QLocale().toString(QDateTime(status.last_sync), QLocale.FormatType.ShortFormat)
            self.last_sync_label.setText(self.tr("Last sync: %1").replace("%1", when))

    # ----- language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Diaspora Desk"))
        self.file_menu.setTitle(self.tr("&File"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.sync_action.setText(self.tr("&Sync now"))
        self.import_action.setText(self.tr("&Import registrations..."))
        self.export_action.setText(self.tr("&Export..."))
        self.auto_lock_menu.setTitle(self.tr("&Auto-lock after"))
        for minutes, action in self._auto_lock_actions.items():
            action.setText(self.tr("%n minute(s)", "", minutes))
        self.quit_action.setText(self.tr("&Quit"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Diaspora Desk"))
        for page in self._pages.values():
            page.item.setText(page.title())
            page.action.setText(page.title())
        self._render_status()

    # ----- closing -----------------------------------------------------------------------------------
    closing = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
