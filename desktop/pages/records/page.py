"""The records list: search as you type, filters by batch, status and day, sort by clicking a header.

Every keystroke restarts a short timer; when the clerk pauses (150 ms) one SQL search runs on the
store lane. Enter or a double click opens the record in the registration page, where saving it makes
a new version.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.records_table import COLUMNS, RecordQuery, RecordsTableModel
from desktop.pages.records.server_only import ServerOnlyPanel
from desktop.widgets.header_fit import keep_headers_fitted
from desktop.windows.errors import failure_sentence
from forms.dates import parse_typed_date


def records_columns(
    store: Any, batch_id: str | None, language: str
) -> tuple[list[str], list[str], str | None, str]:
    """On the store lane: (fields, headers, form id, form title) of the form of that batch, or of the
    batch being filled; ([], [], None, "") for the shipped form (its own columns)."""
    from forms.library import batch_form, identifying_fields, is_shipped
    from forms.store.current_batch import current_batch

    if batch_id is None:
        current = current_batch(store)
        batch_id = current.id if current is not None else None
    if batch_id is None:
        return [], [], None, ""
    form = batch_form(store, batch_id)
    if is_shipped(form.form_id):
        return [], [], None, ""
    fields = identifying_fields(store, form)
    wanted = form.resolve_language(language)
    headers = [
        plain_label(form.question(name).label(wanted, form.default_language)) or name for name in fields
    ]
    return fields, headers, str(form.form_id), plain_label(str(form.title or form.form_id))


def plain_label(text: str) -> str:
    """A question label as a column header: without the XLSForm markdown and HTML it may carry."""
    from desktop.pages.registration.markup import to_plain_text

    return to_plain_text(text)


SEARCH_PAUSE_MS = 150
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REGISTRATION_PAGE_KEY = "registration"


class RecordsTableView(QTableView):
    """Enter opens the current record (the default would start editing a cell); Delete asks to discard
    it when it is a draft."""

    open_requested = Signal(int)
    discard_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.discard_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class RecordsPage(QWidget):
    record_open_requested = Signal(str)  # a record id

    def __init__(self, context: Any) -> None:
        super().__init__()
        self.setObjectName("RecordsPage")
        self.context = context
        self.model = RecordsTableModel(context.lane, self)
        self.model.results_loaded.connect(self._results_loaded)
        self.model.query_failed.connect(self._query_failed)
        self._total = 0
        self.form_title = ""  # a programme form's title while the list holds its records only
        self.discard_question: Any = None
        self._build()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self.search_timer.start())
        for combo in (self.batch_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.batch_filter.currentIndexChanged.connect(lambda _i: self.follow_form())
        for line in (self.created_from, self.created_to):
            line.editingFinished.connect(self.run_search)
        context.lock.registry.register(self)
        context.lock.unlocked.connect(lambda _store: self.reload())
        window = getattr(context, "window", None)
        if window is not None and hasattr(window, "page_shown"):
            window.page_shown.connect(lambda key: self.reload() if key == "records" else None)
        self.retranslate_ui()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.batch_filter = QComboBox()
        self.batch_filter.setObjectName("batch_filter")
        self.batch_filter.setMinimumWidth(200)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.created_from = QLineEdit()
        self.created_from.setObjectName("created_from")
        self.created_to = QLineEdit()
        self.created_to.setObjectName("created_to")
        for line in (self.created_from, self.created_to):
            line.setMaximumWidth(120)
        self.from_label, self.to_label = QLabel(), QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.batch_filter, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.from_label)
        filters.addWidget(self.created_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.created_to)

        self.table = RecordsTableView()
        self.table.setObjectName("records_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_columns()
        header.setSortIndicator(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        keep_headers_fitted(self.table)  # "Date de naissance" is not cut in French
        self.table.open_requested.connect(self.open_row)
        self.table.discard_requested.connect(self.discard_row)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_record")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        bottom = QHBoxLayout()
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard_draft")
        self.discard_button.setEnabled(False)
        self.discard_button.clicked.connect(lambda: self.discard_row(self.table.currentIndex().row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        self.model.modelReset.connect(self._current_changed)
        self.model.dataChanged.connect(lambda *_: self._current_changed())
        self.erase_button = QPushButton()  # supervisors: erase a person (desktop/pages/records/erasing.py)
        self.erase_button.setObjectName("erase_record")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(lambda: self.erase_row(self.table.currentIndex().row()))
        self.erase_question: Any = None
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.erase_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.open_button)

        # Records retention removed from this laptop (forms.store.retention): said, not silently gone.
        self.server_only_label = QLabel()
        self.server_only_label.setObjectName("only_on_server")
        self.server_only_label.setWordWrap(True)
        self.server_only_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.server_only_label)
        self.server_only = ServerOnlyPanel(self)  # which ones: a typed reference, "Show which..."
        layout.addWidget(self.server_only)
        layout.addLayout(bottom)
        self.setFocusProxy(self.search)
        self.search.installEventFilter(self)

    def title(self) -> str:
        return self.tr("Records")

    # --- searching --------------------------------------------------------------------------------
    def current_query(self) -> RecordQuery:
        return RecordQuery(
            text=self.search.text().strip(),
            batch_id=self.batch_filter.currentData() or None,
            status=self.status_filter.currentData() or None,
            created_from=self._day(self.created_from),
            created_to=self._day(self.created_to),
            order_by=self.model.query.order_by,
        )

    @staticmethod
    def _day(line: QLineEdit) -> str | None:
        text = line.text().strip()
        if not text:
            return None
        day = parse_typed_date(text)
        return day if _ISO_DAY.match(day) else None

    def run_search(self) -> None:
        self.search_timer.stop()
        if self.context.lane.is_open:
            self.model.set_query(self.current_query())

    def reload(self) -> None:
        """Fresh batch list and results (after an unlock, a save, or when the page is shown)."""
        if not self.context.lane.is_open:
            return
        from forms.store.batches import list_batches

        self.context.lane.run(list_batches, self._batches_loaded, self._query_failed)
        self.follow_form()
        self.run_search()

    def follow_form(self) -> None:
        """The columns follow the form of the chosen batch (or, for all batches, of the batch being
        filled): another form than the shipped one shows its own identifying fields."""
        if not self.context.lane.is_open:
            return
        batch_id = self.batch_filter.currentData() or None
        language = self.context.languages.language
        self.context.lane.run(
            lambda store: records_columns(store, batch_id, language),
            self._form_columns_read,
            self._query_failed,
        )

    def _form_columns_read(self, columns: tuple[list[str], list[str], str | None, str]) -> None:
        fields, headers, form_id, title = columns
        shown = self.model.form_fields
        self.model.set_form_columns(fields, headers, form_id)
        if self.model.form_fields != shown:
            self._fit_columns()
        self.form_title = title if self.model.form_id else ""
        self._show_search_hint()
        self._show_count()

    def _fit_columns(self) -> None:
        """Starting widths: the shipped form's columns, or a form's identifying columns (wider: a full
        name, a number with its dashes, a phone as typed), then the status; the created day stretches."""
        fields = self.model.form_fields
        widths = (*(210,) * len(fields), 90) if fields else (150, 150, 100, 110, 130, 75)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def _show_search_hint(self) -> None:
        """What the search box looks in: the shipped form's names, document and phone, or the form's
        own identifying questions."""
        headers = [
            self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(self.model.form_fields))
        ]
        if headers:
            self.search.setPlaceholderText(
                self.tr("Search by %1").replace("%1", ", ".join(map(str, headers)))
            )
        else:
            self.search.setPlaceholderText(self.tr("Search by name, document number or phone"))

    def _batches_loaded(self, batches: list[Any]) -> None:
        chosen = self.batch_filter.currentData()
        self.batch_filter.blockSignals(True)
        self.batch_filter.clear()
        self.batch_filter.addItem(self.tr("All batches"), "")
        for batch in batches:
            self.batch_filter.addItem(
                self.tr("%1, %2").replace("%1", batch.day).replace("%2", batch.name), batch.id
            )
        index = self.batch_filter.findData(chosen) if chosen else 0
        self.batch_filter.setCurrentIndex(max(index, 0))
        self.batch_filter.blockSignals(False)

    def _results_loaded(self, total: int) -> None:
        self._total = total
        self._show_count()
        if total and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self) -> None:
        self._show_server_only()
        if self.model.more_than_shown:
            self.count_label.setText(
                self.tr("More than %1 records found: type more to narrow the search.").replace(
                    "%1", QLocale().toString(self._total)
                )
            )
            return
        if self.form_title:  # the list holds that form's records only: say so
            self.count_label.setText(
                self.tr("%n record(s) of the form %1 found", "", self._total).replace("%1", self.form_title)
            )
            return
        self.count_label.setText(self.tr("%n record(s) found", "", self._total))

    def _show_server_only(self) -> None:
        count = self.model.only_on_server
        self.server_only_label.setVisible(count > 0)
        if not count:
            self.server_only_label.clear()
        elif self.model.query.batch_id:
            self.server_only_label.setText(
                self.tr(
                    "%n record(s) of this batch are only on the server now: this laptop removed them "
                    "after the server confirmed it holds them.",
                    "",
                    count,
                )
            )
        else:
            self.server_only_label.setText(
                self.tr(
                    "%n record(s) registered on this laptop are only on the server now: this laptop "
                    "removed them after the server confirmed it holds them.",
                    "",
                    count,
                )
            )

    def _query_failed(self, error: BaseException) -> None:
        text = failure_sentence(error, self.tr("The records could not be read."))
        self.count_label.setText(str(text))

    # --- opening ----------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        record = self.model.record_at(row) if row >= 0 else None
        if record is None:
            return
        self.record_open_requested.emit(record.record_id)
        window = getattr(self.context, "window", None)
        if window is not None and REGISTRATION_PAGE_KEY in window.page_keys():
            window.page(REGISTRATION_PAGE_KEY).open_record(record.record_id)
            window.show_page(REGISTRATION_PAGE_KEY)

    def _current_changed(self) -> None:
        record = self.model.record_at(self.table.currentIndex().row()) if self.model.rowCount() else None
        self.discard_button.setEnabled(record is not None and record.status == "draft")
        store = getattr(self.context.lane, "store", None)
        supervisor = store is not None and bool(store.operator.is_supervisor)
        self.erase_button.setVisible(supervisor)
        self.erase_button.setEnabled(supervisor and record is not None)

    def erase_row(self, row: int) -> None:
        """Ask with a reason, then erase the record on that row everywhere (supervisors)."""
        from desktop.pages.records.erasing import ask_to_erase

        record = self.model.record_at(row) if row >= 0 else None
        if record is None:
            return
        person = " ".join(name for name in (record.given_name, record.family_name) if name)
        self.erase_question = ask_to_erase(
            self, self.context.lane, record.record_id, person, self._erased, self._query_failed
        )

    def _erased(self, _erased: Any) -> None:
        self.erase_question = None
        self.model.refresh()
        getattr(self.context, "refresh_status", lambda: None)()
        self.table.setFocus()

    def discard_row(self, row: int) -> None:
        """Ask, then discard the draft on that row (a saved record is never discarded)."""
        from desktop.pages.registration.discarding import ask_to_discard

        record = self.model.record_at(row) if row >= 0 else None
        if record is None or record.status != "draft":
            return
        person = " ".join(name for name in (record.given_name, record.family_name) if name)
        self.discard_question = ask_to_discard(
            self, self.context.lane, record.record_id, person, self._draft_discarded, self._query_failed
        )

    def _draft_discarded(self) -> None:
        self.discard_question = None
        self.model.refresh()
        getattr(self.context, "refresh_status", lambda: None)()
        self.table.setFocus()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        # Down from the search box goes to the results, so the clerk never needs the mouse.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down:
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.model.rowCount():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_search()
                return True
        return False

    # --- lock and language --------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        self.search_timer.stop()
        self.search.clear()
        self.model.clear_personal_data()
        self.batch_filter.blockSignals(True)
        self.batch_filter.clear()
        self.batch_filter.blockSignals(False)
        self._total = 0
        self.count_label.clear()
        self.server_only_label.clear()
        self.server_only_label.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.model.form_fields:
                self.follow_form()  # a programme form's column headers in the new language
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._show_search_hint()
        status = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("Any status"), "")
        self.status_filter.addItem(self.tr("Saved"), "final")
        self.status_filter.addItem(self.tr("Drafts"), "draft")
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status or ""), 0))
        self.status_filter.blockSignals(False)
        if self.batch_filter.count():
            self.batch_filter.setItemText(0, self.tr("All batches"))
        self.from_label.setText(self.tr("Created from"))
        self.to_label.setText(self.tr("to"))
        for line in (self.created_from, self.created_to):
            line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.open_button.setText(self.tr("Open (Enter)"))
        self.discard_button.setText(self.tr("Discard draft... (Delete)"))
        self.erase_button.setText(self.tr("Erase this person..."))
        headers = [
            self.tr("Family name"), self.tr("Given name"), self.tr("Birth date"), self.tr("Document"),
            self.tr("Phone"), self.tr("Status"), self.tr("Created"),
        ]  # fmt: skip
        self.model.set_headers(headers, {"final": self.tr("saved"), "draft": self.tr("draft")})
        self._show_count()
