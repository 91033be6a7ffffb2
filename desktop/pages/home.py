"""The start page: who is signed in, the supervisor's day at a glance, and the keys that matter.

A supervisor sees today's registrations per clerk and per batch, the drafts, the records sent back,
the records waiting to sync and the last sync, and charts of the store's registrations (country of
residence, occupation, skills sector, sectors of interest, investment and return interest), each
exportable as a PNG. The counts are SQL queries (``forms.store.dashboard``) run on the store lane
when the page is shown, over indexes and the chart counts the store keeps as records change
(``forms.store.chart_counts``): a few milliseconds at 100k records, so a clerk's save or search never
waits long behind them (bench/desk.py --only start); only counts and choice codes come back, turned
into labels in the interface language. A clerk sees the welcome and the shortcuts. Locking clears the figures.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.pages import DeskContext, PageSpec
from desktop.pages.review.tables import fill, read_only_table
from desktop.widgets.bar_chart import BarChart

if TYPE_CHECKING:
    from forms.engine.model import Question
    from forms.store import Store
    from forms.store.dashboard import DayAtAGlance
    from forms.store.retention import DraftDeletion
    from forms.store.store import Operator

log = logging.getLogger(__name__)

PAGE_KEY = "home"
# chart name -> the answers it counts (the last one joins two yes/no questions)
# per counted question: choice code -> its label in the interface language
ChoiceLabels = dict[str, dict[str, str]]
CHARTS = ("residence_country", "occupation", "skills_sector", "invest_sectors", "interest")


def read_glance(
    store: Store, language: str | None, today: date | None = None
) -> tuple[DayAtAGlance, ChoiceLabels]:
    """On the store lane: the day's counts and, per counted question, choice code -> label."""
    from desktop.pages.review.data import shipped_form
    from forms.engine.model import pick
    from forms.store.dashboard import CHART_FIELDS, day_at_a_glance

    glance = day_at_a_glance(store, today)
    form = shipped_form()
    chosen = form.resolve_language(language)
    labels: ChoiceLabels = {}

    def walk(questions: list[Question]) -> None:
        for question in questions:
            if question.kind in ("group", "repeat"):
                walk(question.children)
            elif question.name in CHART_FIELDS:
                labels[question.name] = {
                    c.name: pick(c.labels, chosen, form.default_language) or c.name
                    for c in question.choices or []
                }

    walk(form.questions)
    return glance, labels


def read_deletions(store: Store, announce: bool) -> list[DraftDeletion]:
    """On the store lane: the drafts and autosaves retention will delete soon; ``announce`` (the Start
    page is on screen) notes that they were announced, which starts their week of notice."""
    from forms.store.retention import draft_warnings

    return draft_warnings(store, announce=announce)


class HomePage(QWidget):
    glance_shown = Signal()

    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        self.setObjectName("HomePage")
        self._context = context
        self._operator_name = ""
        self._is_supervisor = False
        self.glance: DayAtAGlance | None = None
        self._labels: ChoiceLabels = {}
        self.deletions: list[DraftDeletion] = []  # soonest first
        self._build()
        context.lock.registry.register(self)
        context.lock.unlocked.connect(self._session_started)
        window = getattr(context, "window", None)
        if window is not None and hasattr(window, "page_shown"):
            window.page_shown.connect(lambda key: self.reload() if key == PAGE_KEY else None)
        if context.lane.is_open:
            self._session_started()
        self.retranslate_ui()

    # ----- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSize(heading_font.pointSize() + 6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock_now")
        self.lock_button.clicked.connect(lambda: self._context.lock.lock())
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.lock_button)
        # Everyone sees it: unfinished work that retention will delete (forms.store.retention).
        self.deletion_warning = QLabel()
        self.deletion_warning.setObjectName("draft_deletion_warning")
        self.deletion_warning.setWordWrap(True)
        self.deletion_warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.deletion_warning.setContentsMargins(8, 4, 8, 4)
        warning_font = QFont(self.deletion_warning.font())
        warning_font.setBold(True)
        self.deletion_warning.setFont(warning_font)
        self.deletion_warning.hide()

        self.dashboard = QWidget()
        self.dashboard.setObjectName("dashboard")
        self.today_label = QLabel()
        self.today_label.setObjectName("today")
        self.today_label.setWordWrap(True)
        self.facts: dict[str, QLabel] = {}
        facts_row = QHBoxLayout()
        for name in ("registered", "drafts", "sent_back", "waiting", "last_sync"):
            label = QLabel()
            label.setObjectName(f"fact_{name}")
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setContentsMargins(8, 4, 8, 4)
            label.setWordWrap(True)
            self.facts[name] = label
            facts_row.addWidget(label, 1)
        self.per_clerk = read_only_table("per_clerk", 2)
        self.per_batch = read_only_table("per_batch", 2)
        tables = QVBoxLayout()
        self.per_clerk_title, self.per_batch_title = QLabel(), QLabel()
        for title, table in ((self.per_clerk_title, self.per_clerk), (self.per_batch_title, self.per_batch)):
            title.setBuddy(table)
            tables.addWidget(title)
            tables.addWidget(table, 1)
        for table in (self.per_clerk, self.per_batch):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.charts: dict[str, BarChart] = {}
        self.export_buttons: dict[str, QPushButton] = {}
        self.chart_cells: list[QWidget] = []
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(8)
        self._chart_columns = 0
        for name in CHARTS:
            chart = BarChart(f"chart_{name}")
            chart.setMinimumHeight(170)
            button = QPushButton()
            button.setObjectName(f"export_{name}")
            button.clicked.connect(lambda _=False, n=name: self.ask_export(n))
            self.charts[name], self.export_buttons[name] = chart, button
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(chart, 1)
            cell_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.chart_cells.append(cell)
        self._place_charts(3)
        middle = QHBoxLayout()
        side = QWidget()
        side.setLayout(tables)
        side.setMinimumWidth(170)
        side.setMaximumWidth(260)
        middle.addWidget(side)
        middle.addLayout(self.chart_grid, 1)
        dashboard_layout = QVBoxLayout(self.dashboard)
        dashboard_layout.setContentsMargins(0, 0, 0, 0)
        dashboard_layout.addWidget(self.today_label)
        dashboard_layout.addLayout(facts_row)
        dashboard_layout.addLayout(middle, 1)
        self.dashboard.hide()

        self.shortcuts_box = QGroupBox()
        self.shortcuts = QGridLayout(self.shortcuts_box)
        self.shortcuts.setHorizontalSpacing(24)
        self.shortcuts.setVerticalSpacing(4)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(16, 12, 16, 12)
        inner_layout.addLayout(top)
        inner_layout.addWidget(self.deletion_warning)
        inner_layout.addWidget(self.dashboard, 1)
        inner_layout.addWidget(self.shortcuts_box)
        inner_layout.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.lock_button)

    def title(self) -> str:
        return self.tr("Start")

    def _place_charts(self, columns: int) -> None:
        """Charts in as many columns as the width allows (3 on a large screen, 2 or 1 on a laptop)."""
        if columns == self._chart_columns:
            return
        self._chart_columns = columns
        for cell in self.chart_cells:
            self.chart_grid.removeWidget(cell)
        for index, cell in enumerate(self.chart_cells):
            self.chart_grid.addWidget(cell, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._place_charts(3 if width >= 1150 else 2 if width >= 760 else 1)
        super().resizeEvent(event)

    # ----- data --------------------------------------------------------------------------------------
    def _session_started(self, _store: object = None) -> None:
        # Who is signed in, read on the store lane like every store read (the lane drops the answer
        # of a session locked meanwhile).
        self._context.lane.run(lambda store: store.operator, self._operator_read, self._failed)

    def _operator_read(self, operator: Operator) -> None:
        self._operator_name = operator.name
        self._is_supervisor = operator.is_supervisor
        self.dashboard.setVisible(self._is_supervisor)
        self.retranslate_ui()
        self.reload()

    def reload(self) -> None:
        if not self._context.lane.is_open:
            return
        announce = self.isVisible()  # a deletion is announced only by a Start page someone can see
        self._context.lane.run(lambda s: read_deletions(s, announce), self._show_deletions, self._failed)
        if not self._is_supervisor:  # the operator read at unlock
            return
        language = self._context.languages.language
        self._context.lane.run(lambda s: read_glance(s, language), self._show_glance, self._failed)

    def _failed(self, error: BaseException) -> None:
        from desktop.tasks import StoreLocked

        if not isinstance(error, StoreLocked):
            log.warning("the day at a glance could not be read: %s", type(error).__name__)

    def _show_glance(self, found: tuple[DayAtAGlance, ChoiceLabels]) -> None:
        self.glance, self._labels = found
        self.dashboard.setVisible(True)
        self._render_glance()
        self.glance_shown.emit()

    def _show_deletions(self, deletions: list[DraftDeletion]) -> None:
        self.deletions = list(deletions)
        self._render_deletions()

    def _render_deletions(self) -> None:
        lines = []
        locale = QLocale()
        for deletion in self.deletions:
            day = locale.toString(
                QDate.fromString(deletion.day, Qt.DateFormat.ISODate), QLocale.FormatType.LongFormat
            )
            lines.append(
                self.tr(
                    "%n unfinished registration(s) (drafts or autosaved forms) will be deleted on %1: "
                    "nobody touched them for a long time. Finish them before that day.",
                    "",
                    deletion.drafts + deletion.autosaves,
                ).replace("%1", day)
            )
        self.deletion_warning.setText("\n".join(lines))
        self.deletion_warning.setVisible(bool(lines))

    def _label(self, field: str, code: str) -> str:
        return str(self._labels.get(field, {}).get(code, code))

    def _render_glance(self) -> None:
        glance = self.glance
        if glance is None:
            return
        locale = QLocale()
        day = locale.toString(
            QDate.fromString(glance.day, Qt.DateFormat.ISODate), QLocale.FormatType.LongFormat
        )
        self.today_label.setText(self.tr("Today, %1").replace("%1", day))
        self.facts["registered"].setText(self.tr("%n registration(s) today", "", glance.registered_today))
        self.facts["drafts"].setText(self.tr("%n unfinished draft(s)", "", glance.drafts))
        self.facts["sent_back"].setText(self.tr("%n sent back, not corrected yet", "", glance.sent_back))
        self.facts["waiting"].setText(self.tr("%n record(s) waiting to sync", "", glance.waiting_to_sync))
        if glance.last_sync:
            moment = datetime.fromisoformat(glance.last_sync)
            moment = moment.astimezone() if moment.tzinfo else moment
            when = locale.toString(QDateTime(moment), QLocale.FormatType.ShortFormat)
            self.facts["last_sync"].setText(self.tr("Last sync: %1").replace("%1", when))
        else:
            self.facts["last_sync"].setText(self.tr("Never synced"))
        fill(self.per_clerk, [[name, str(count)] for name, count in glance.per_clerk])
        fill(self.per_batch, [[name, str(count)] for name, count in glance.per_batch])
        charts = glance.charts
        for name in ("residence_country", "occupation", "skills_sector", "invest_sectors"):
            self.charts[name].set_bars([(self._label(name, code), n) for code, n in charts.get(name, [])])
        interest: list[tuple[str, int]] = []
        for field, topic in (
            ("invest_interest", self.tr("Investing")),
            ("skills_transfer_interest", self.tr("Return, skills")),
        ):
            for code, count in charts.get(field, []):
                interest.append((f"{topic}: {self._label(field, code)}", count))
        self.charts["interest"].set_bars(interest)

    # ----- export ------------------------------------------------------------------------------------
    def ask_export(self, name: str) -> None:
        chart = self.charts[name]
        suggested = str(Path.home() / f"{name}-{date.today().isoformat()}.png")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if path:
            self.export_chart(name, Path(path))
        chart.setFocus()

    def export_chart(self, name: str, path: Path) -> bool:
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        saved = self.charts[name].export_png(path)
        self.today_label.setText(
            (
                self.tr("The chart was saved to %1.")
                if saved
                else self.tr("The chart could not be saved to %1.")
            ).replace("%1", str(path))
        )
        return saved

    # ----- lock and language -------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        self._is_supervisor = False  # until the next unlock says who is signed in
        self.glance = None
        self.deletions = []
        self.deletion_warning.clear()
        self.deletion_warning.hide()
        self.per_clerk.setRowCount(0)
        self.per_batch.setRowCount(0)
        for chart in self.charts.values():
            chart.set_bars([])
        for label in self.facts.values():
            label.clear()
        self.today_label.clear()
        self.dashboard.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()  # choice labels come from the form in the new language
        super().changeEvent(event)

    def _fill_shortcuts(self) -> None:
        while self.shortcuts.count():
            item = self.shortcuts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        rows = self._context.window.shortcut_rows()
        half = (len(rows) + 1) // 2
        for index, (keys, meaning) in enumerate(rows):
            key_label = QLabel(keys)
            key_font = QFont(key_label.font())
            key_font.setBold(True)
            key_label.setFont(key_font)
            row, column = index % half, 2 * (index // half)
            self.shortcuts.addWidget(key_label, row, column)
            meaning_label = QLabel(meaning)
            meaning_label.setWordWrap(True)  # a narrow window (150% scaling) wraps, never scrolls sideways
            self.shortcuts.addWidget(meaning_label, row, column + 1)
        self.shortcuts.setColumnStretch(1, 1)
        self.shortcuts.setColumnStretch(3, 1)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Welcome, %1").replace("%1", self._operator_name))
        self._fill_shortcuts()
        self.shortcuts_box.setTitle(self.tr("Keyboard shortcuts"))
        self.lock_button.setText(self.tr("Lock now (Ctrl+L)"))
        self.per_clerk_title.setText(self.tr("Registered today, per &clerk"))
        self.per_batch_title.setText(self.tr("Registered today, per &batch"))
        self.per_clerk.setHorizontalHeaderLabels([self.tr("Clerk"), self.tr("Registrations")])
        self.per_batch.setHorizontalHeaderLabels([self.tr("Batch"), self.tr("Registrations")])
        titles = {
            "residence_country": self.tr("Country of residence"),
            "occupation": self.tr("Occupation"),
            "skills_sector": self.tr("Main skills sector"),
            "invest_sectors": self.tr("Sectors of interest for investing"),
            "interest": self.tr("Investment and return interest"),
        }
        for name, chart in self.charts.items():
            chart.set_title(titles[name])
            chart.empty_text = self.tr("No registration yet.")
            chart.other_text = self.tr("Other")
            self.export_buttons[name].setText(self.tr("Save as PNG…"))
            self.export_buttons[name].setAccessibleName(
                self.tr("Save as PNG: %1").replace("%1", titles[name])
            )
        self._render_glance()
        self._render_deletions()


def create_page(context: DeskContext) -> PageSpec:
    page = HomePage(context)
    return PageSpec(PAGE_KEY, page, page.title, order=1000)
