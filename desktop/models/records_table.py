"""RecordsTableModel: a window onto the store's SQL search, one page of rows at a time.

Never a QSortFilterProxyModel over every row (350 ms a filter, 3.8 s a sort at 100k rows): the filter
and the sort are the store's SQL (forms.store.search), the row count is its COUNT, and rows are
fetched a page at a time on the store lane when the view first asks for them. Results of a query
that was replaced meanwhile (the clerk typed on) are dropped on arrival.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypedDict, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from desktop.tasks import StoreLane
    from forms.store import Store
    from forms.store.search import OrderBy, RecordSummary

PAGE_SIZE = 80  # about three screens of rows: the first page comes back sooner than a bigger one
# A text search counts its matches up to this many ("more than 1,000 found: type more"): past it the
# clerk narrows the search rather than scrolls, and counting every match of a common name is not free.
COUNT_UP_TO = 1000
MAX_CACHED_PAGES = 60  # 4800 rows kept: enough for scrolling back and forth, bounded in memory

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_HORIZONTAL = Qt.Orientation.Horizontal

# (attribute of RecordSummary, store order_by when sorted by this column or None)
COLUMNS: tuple[tuple[str, OrderBy | None], ...] = (
    ("family_name", "family_name"),
    ("given_name", "given_name"),
    ("birth_date", "birth_date"),
    ("document_number", None),
    ("phone", None),
    ("status", None),
    ("created_at", "newest"),
)


class Filters(TypedDict):
    """The keyword filters forms.store.search's search() and count() take."""

    batch_id: str | None
    status: str | None
    created_from: str | None
    created_to: str | None
    form_id: str | None


# (count, more than counted, the first page's rows, the store's milliseconds)
FirstPage = tuple[int, bool, "list[RecordSummary]", float]


@dataclass(frozen=True)
class RecordQuery:
    text: str = ""
    batch_id: str | None = None
    status: str | None = None
    created_from: str | None = None
    created_to: str | None = None
    order_by: OrderBy = "newest"
    form_id: str | None = None  # a programme form's records only (the model sets it with its columns)

    def filters(self) -> Filters:
        return Filters(
            batch_id=self.batch_id,
            status=self.status,
            created_from=self.created_from,
            created_to=self.created_to,
            form_id=self.form_id,
        )


def first_page(store: Store, query: RecordQuery, page_size: int = PAGE_SIZE) -> FirstPage:
    """Runs on the store lane: the count (bounded for a text search: more than COUNT_UP_TO says so) and
    the first page of a new query (one audit entry), and the milliseconds the store took (bench/desk.py
    tells the store's share from the window's)."""
    from forms.store.search import count, counted_through_index, search

    started = time.perf_counter()
    total = count(store, query.text, up_to=COUNT_UP_TO, **query.filters())
    more = counted_through_index(query.text) and total > COUNT_UP_TO
    rows = search(store, query.text, order_by=query.order_by, limit=page_size, **query.filters())
    return min(total, COUNT_UP_TO) if more else total, more, rows, (time.perf_counter() - started) * 1000


def page_values(store: Store, rows: list[RecordSummary], fields: list[str]) -> dict[str, dict[str, str]]:
    """On the store lane: the form's own identifying answers of these rows (version id -> field ->
    text), for a form other than the shipped one; nothing to read for the shipped form."""
    if not fields or not rows:
        return {}
    from forms.library import answers_of

    return answers_of(store, [row.version_id for row in rows], fields)


def later_page(
    store: Store, query: RecordQuery, page: int, page_size: int = PAGE_SIZE
) -> list[RecordSummary]:
    from forms.store.search import search

    return search(
        store, query.text, order_by=query.order_by, offset=page * page_size, limit=page_size, log=False,
        **query.filters(),
    )  # fmt: skip


class RecordsTableModel(QAbstractTableModel):
    results_loaded = Signal(int)  # the number of matching records, after each new query
    query_failed = Signal(object)

    def __init__(self, lane: StoreLane, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._lane = lane
        self.page_size = page_size
        self.query = RecordQuery()
        self._total = 0
        self.more_than_shown = False  # a text search found more than COUNT_UP_TO: the list stops there
        # Records of the chosen batch (or of all) that retention removed from this laptop after the
        # server acknowledged them: counts only, the laptop keeps no person (forms.store.retention).
        self.only_on_server = 0
        self._pages: OrderedDict[int, list[RecordSummary]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._searching = False  # a first-page search is on the lane
        self._waiting = False  # a newer query waits for it
        self.last_store_ms = 0.0  # the store's time for the last first page
        self._headers: list[str] = [name for name, _ in COLUMNS]
        self._status_texts: dict[str, str] = {}
        # Another form than the shipped one: its identifying fields replace the shipped form's columns
        # (set_form_columns); their values come from the answers, read with each page.
        self.form_fields: list[str] = []
        self.form_id: str | None = None  # that form: the list holds its records only
        self._form_headers: list[str] = []
        self._form_orders: dict[str, OrderBy] = {}
        self._values: dict[str, dict[str, str]] = {}

    def columns(self) -> tuple[tuple[str, OrderBy | None], ...]:
        """(attribute or form field, store order_by or None) of each column shown now."""
        if not self.form_fields:
            return COLUMNS
        return (
            *((name, self._form_orders.get(name)) for name in self.form_fields),
            ("status", None),
            ("created_at", "newest"),
        )

    def set_form_columns(self, fields: list[str], headers: list[str], form_id: str | None = None) -> None:
        """Show these identifying fields of the batch's form (with their headers) instead of the
        shipped form's name, birth date, document and phone, and that form's records only; [] shows
        the shipped form's columns again (over every record). The store keeps those fields in its
        search columns (forms.store.fields.search_slots): each sorts by the index of its slot."""
        from forms.store.fields import search_slots

        form_id = form_id if fields else None
        if (fields, headers, form_id) == (self.form_fields, self._form_headers, self.form_id):
            return
        self.beginResetModel()
        self.form_fields, self._form_headers, self.form_id = list(fields), list(headers), form_id
        self._form_orders = cast("dict[str, OrderBy]", search_slots(fields))  # slot names are orders
        self._values = {}
        self.endResetModel()
        self.refresh()

    # --- queries ----------------------------------------------------------------------------------
    def set_query(self, query: RecordQuery) -> None:
        """Run a new search; the rows change when its first page arrives.

        One search at a time on the lane: while one runs, only the latest request waits (a fast typist
        never queues a search per keystroke behind a slow one)."""
        self.query = query = replace(query, form_id=self.form_id)
        self._generation += 1
        if self._searching:
            self._waiting = True
            return
        self._start_search()

    def _start_search(self) -> None:
        self._searching, self._waiting = True, False
        generation, query = self._generation, self.query

        def finished(
            found: tuple[FirstPage, dict[str, dict[str, str]], int],
        ) -> None:
            self._search_done()
            if generation == self._generation:
                self._values = dict(found[1])  # a new query: the earlier pages are let go
                self.only_on_server = found[2]
            self._first_page_arrived(generation, found[0])

        def failed(error: BaseException) -> None:
            self._search_done()
            self.query_failed.emit(error)

        size, fields = self.page_size, list(self.form_fields)

        def work(store: Store) -> tuple[FirstPage, dict[str, dict[str, str]], int]:
            from forms.store.retention import server_only

            result = first_page(store, query, size)
            return result, page_values(store, result[2], fields), server_only(store, query.batch_id)

        self._lane.run(work, finished, failed)

    def _search_done(self) -> None:
        self._searching = False
        if self._waiting:
            self._start_search()

    def refresh(self) -> None:
        self.set_query(self.query)

    def with_order(self, order_by: OrderBy) -> RecordQuery:
        return replace(self.query, order_by=order_by)

    def _first_page_arrived(self, generation: int, result: FirstPage) -> None:
        if generation != self._generation:
            return  # the clerk typed on: an older answer
        total, self.more_than_shown, rows, self.last_store_ms = result
        self.beginResetModel()
        self._total = total
        self._pages = OrderedDict({0: rows})
        self._pending = set()
        self.endResetModel()
        self.results_loaded.emit(total)

    def _fetch(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, query, size, fields = self._generation, self.query, self.page_size, list(self.form_fields)

        def work(store: Store) -> tuple[list[RecordSummary], dict[str, dict[str, str]]]:
            rows = later_page(store, query, page, size)
            return rows, page_values(store, rows, fields)

        def arrived(found: tuple[list[RecordSummary], dict[str, dict[str, str]]]) -> None:
            if generation == self._generation:
                self._values.update(found[1])
            self._page_arrived(generation, page, found[0])

        self._lane.run(work, arrived, self.query_failed.emit)

    def _page_arrived(self, generation: int, page: int, rows: list[RecordSummary]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            oldest = next(iter(self._pages))
            for dropped in self._pages.pop(oldest):
                self._values.pop(dropped.version_id, None)
        first = page * self.page_size
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns()) - 1))

    def record_at(self, row: int) -> RecordSummary | None:
        """The RecordSummary on that row, or None while its page is still on its way."""
        page = self._pages.get(row // self.page_size)
        if page is None:
            if 0 <= row < self._total:
                self._fetch(row // self.page_size)
            return None
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def total(self) -> int:
        return self._total

    # --- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role in (_DISPLAY, _TOOLTIP):
            record = self.record_at(index.row())
            if record is None:
                return "..." if index.column() == 0 and role == _DISPLAY else None
            name = self.columns()[index.column()][0]
            if name in self.form_fields:
                return self._values.get(record.version_id, {}).get(name)
            value = getattr(record, name)
            if name == "created_at" and value:
                return str(value)[:10]
            if name == "status":
                return self._status_texts.get(value, value)
            if name == "phone" and value:
                from forms.phones import format_phone

                return format_phone(value)  # the store keeps digits for search; people read "+1 612-..."
            return value
        if role == _USER:
            record = self.record_at(index.row())
            return None if record is None else record.record_id
        if role == _ALIGN and self.columns()[index.column()][0] in ("birth_date", "created_at"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        headers = self._headers
        if self.form_fields:  # the form's own fields, then the status and created columns
            headers = [*self._form_headers, *self._headers[-2:]]
        if int(role) == _DISPLAY and orientation == _HORIZONTAL and 0 <= section < len(headers):
            return headers[section]
        return super().headerData(section, orientation, role)

    def set_headers(self, headers: list[str], status_texts: dict[str, str]) -> None:
        """Column titles and status words in the interface language (the page translates them)."""
        self._headers = headers
        self._status_texts = status_texts
        self.headerDataChanged.emit(_HORIZONTAL, 0, len(self.columns()) - 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the store's ORDER BY; columns without an index keep the current order."""
        columns = self.columns()
        order_by = columns[column][1] if 0 <= column < len(columns) else None
        if order_by is None:
            return
        if order_by == "newest" and order == Qt.SortOrder.AscendingOrder:
            order_by = "oldest"
        if order_by != self.query.order_by:
            self.set_query(self.with_order(order_by))

    def clear_personal_data(self) -> None:
        self._generation += 1
        self._searching = self._waiting = False  # the lane drops what was queued before the lock
        self.beginResetModel()
        self._total = 0
        self.only_on_server = 0
        self._pages = OrderedDict()
        self._pending = set()
        self._values = {}
        self.endResetModel()
