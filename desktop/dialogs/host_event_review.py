"""The hub's review page: the supervisor hosting the event sees what every clerk's laptop sent (per
laptop: records and batches; the records themselves) and approves batches, or sends one back to its
laptop with a short note saying why; the approval travels with the relay to the central server
(sync/hub/review.py, sync/hub/relay.py; docs/events.md).

Opened from "Host this event" while the hub runs. Every read and the approval go through the store
lane (the hub's database is a file of the unlocked store); answers stay in memory, in the tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.windows.errors import failure_reason

if TYPE_CHECKING:
    from desktop.tasks import StoreLane
    from sync.hub.background import BackgroundHub
    from sync.hub.review import BatchLine, RecordLine

CONTEXT = "HostEventReview"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[str]) -> None:
    table.setRowCount(len(rows))
    for row, (cells, key) in enumerate(zip(rows, keys, strict=True)):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(row, column, item)


class HostEventReview(QDialog):
    def __init__(
        self, lane: StoreLane, hub: Callable[[], BackgroundHub | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HostEventReview")
        self.resize(1180, 680)
        self._lane = lane
        self._hub = hub
        self._laptop: str | None = None  # the laptop chosen (its device id on the hub), None: all
        self._batch: str | None = None  # the batch chosen, None: all of the laptop's
        self._batches: list[BatchLine] = []
        self.records_shown: list[RecordLine] = []
        self._said: Callable[[], str] = str  # the last message, made again in the window's language

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.laptops = _table(5)
        self.batches = _table(6)
        self.records = _table(6)
        self.laptops_title, self.batches_title, self.records_title = QLabel(), QLabel(), QLabel()
        self.all_button = QPushButton()
        self.approve_button = QPushButton()
        self.send_back_button = QPushButton()
        self.refresh_button = QPushButton()
        self.approve_button.setEnabled(False)
        self.send_back_button.setEnabled(False)

        self.laptops.itemSelectionChanged.connect(self._laptop_chosen)
        self.batches.itemSelectionChanged.connect(self._batch_chosen)
        self.all_button.clicked.connect(self._show_all)
        self.approve_button.clicked.connect(self.approve_selected)
        self.send_back_button.clicked.connect(self.send_back_selected)
        self.refresh_button.clicked.connect(self.refresh)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for title, table in ((self.laptops_title, self.laptops), (self.batches_title, self.batches)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(table)
            top_layout.addLayout(column)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.records_title)
        bottom_layout.addWidget(self.records)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.send_back_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # ----- text ------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("Review the event's records"))
        self.laptops_title.setText(_tr("Laptops"))
        self.batches_title.setText(_tr("Batches received"))
        self.records_title.setText(_tr("Records"))
        self.all_button.setText(_tr("Show all laptops"))
        self.approve_button.setText(_tr("Approve batch"))
        self.send_back_button.setText(_tr("Send back..."))
        self.refresh_button.setText(_tr("Refresh"))
        self.message.setText(self._said())
        self.laptops.setHorizontalHeaderLabels(
            [_tr("Laptop"), _tr("Records"), _tr("Batches"), _tr("Approved"), _tr("Last seen")]
        )
        self.batches.setHorizontalHeaderLabels(
            [
                _tr("Laptop"),
                _tr("Received"),
                _tr("Records"),
                _tr("Approved by"),
                _tr("Approval relayed"),
                _tr("Sent back"),
            ]
        )
        self.records.setHorizontalHeaderLabels(
            [_tr("Laptop"), _tr("Operator"), _tr("Received"), _tr("Form"), _tr("Name"), _tr("Relayed")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)

    # ----- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        hub = self._hub()
        if hub is None:
            self._say(lambda: _tr("The hub is not running; start hosting to review."))
            return
        engine, laptop, batch = hub.hub.engine, self._laptop, self._batch

        def work(_store: Any) -> Any:
            from sync.hub import review

            return (
                review.laptops(engine),
                review.batches(engine, laptop),
                review.records(engine, device_id=laptop, batch_id=batch),
            )

        self._lane.run(work, self._show, self._failed)

    def _show(self, result: Any) -> None:
        laptops, batches, records = result
        self._batches = batches
        total = sum(line.records for line in laptops)
        self.summary.setText(
            _tr(
                "{laptops} laptops sent {records} records in {batches} batches; {approved} batches approved."
            ).format(
                laptops=len(laptops),
                records=total,
                batches=sum(line.batches for line in laptops),
                approved=sum(line.approved_batches for line in laptops),
            )
        )
        yes, no = _tr("yes"), _tr("no")
        self._quietly(
            self.laptops,
            [
                [x.label, str(x.records), str(x.batches), str(x.approved_batches), _when(x.last_seen_at)]
                for x in laptops
            ],
            [x.device_id for x in laptops],
            self._laptop,
        )
        self._quietly(
            self.batches,
            [
                [
                    b.laptop,
                    _when(b.received_at),
                    str(b.records),
                    b.approved_by or "",
                    yes if b.approval_relayed else no,
                    _tr("by {name}: {note}").format(name=b.sent_back_by, note=b.note) if b.sent_back else "",
                ]
                for b in batches
            ],
            [b.batch_id for b in batches],
            self._batch,
        )
        from desktop.pages.review.data import person_name

        self.records_shown = records
        _fill(
            self.records,
            [
                [
                    r.laptop,
                    r.operator or "",
                    _when(r.received_at),
                    r.form_id,
                    _tr("(erased)") if r.deleted else person_name(r.answers),
                    yes if r.relayed else no,
                ]
                for r in records
            ],
            [r.version_id for r in records],
        )
        self._update_approve()

    def _quietly(
        self, table: QTableWidget, rows: list[list[str]], keys: list[str], chosen: str | None
    ) -> None:
        table.blockSignals(True)
        try:
            _fill(table, rows, keys)
            table.clearSelection()
            if chosen in keys:
                table.selectRow(keys.index(chosen))
        finally:
            table.blockSignals(False)

    def _failed(self, error: BaseException) -> None:
        reason = failure_reason(error, type(error).__name__)
        self._say(lambda: _tr("The review could not be read: {reason}").format(reason=reason))

    def _say(self, text: Callable[[], str]) -> None:
        self._said = text
        self.message.setText(text())

    # ----- choosing --------------------------------------------------------------------------------
    @staticmethod
    def _chosen(table: QTableWidget) -> str | None:
        items = table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _laptop_chosen(self) -> None:
        self._laptop, self._batch = self._chosen(self.laptops), None
        self.refresh()

    def _batch_chosen(self) -> None:
        self._batch = self._chosen(self.batches)
        self._update_approve()
        self.refresh()

    def _show_all(self) -> None:
        self._laptop = self._batch = None
        self.refresh()

    def _selected_batch(self) -> BatchLine | None:
        return next((b for b in self._batches if b.batch_id == self._batch), None)

    def _update_approve(self) -> None:
        batch = self._selected_batch()
        open_ = batch is not None and not batch.approved and not batch.sent_back
        self.approve_button.setEnabled(open_)
        self.send_back_button.setEnabled(open_)

    # ----- approving -------------------------------------------------------------------------------
    def approve_selected(self) -> None:
        hub, batch = self._hub(), self._selected_batch()
        if hub is None or batch is None or batch.approved:
            return
        engine, batch_id = hub.hub.engine, batch.batch_id
        self.approve_button.setEnabled(False)

        def work(store: Any) -> Any:
            from sync.hub import review

            store.require_supervisor("approve a batch")
            line = review.approve(engine, batch_id, store.operator.name)
            store.audit("event_hub_batch_approved", batch_id=batch_id)
            return line

        self._lane.run(work, self._approved, self._refused)

    def _approved(self, line: Any) -> None:
        self._say(
            lambda: _tr(
                "Batch of {laptop} ({records} records) approved by {name}; the approval goes with the relay."
            ).format(laptop=line.laptop, records=line.records, name=line.approved_by)
        )
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        reason = failure_reason(error, type(error).__name__)
        self._say(lambda: _tr("The batch was not approved: {reason}").format(reason=reason))
        self.refresh()

    # ----- sending back ----------------------------------------------------------------------------
    def _ask_note(self, batch: BatchLine) -> str | None:
        """The supervisor's short note saying why (None: cancelled)."""
        note, ok = QInputDialog.getText(
            self,
            _tr("Send the batch back"),
            _tr("Why does the batch of {laptop} go back? The clerk sees this note.").format(
                laptop=batch.laptop
            ),
        )
        return note if ok else None

    def send_back_selected(self) -> None:
        hub, batch = self._hub(), self._selected_batch()
        if hub is None or batch is None or batch.approved or batch.sent_back:
            return
        note = self._ask_note(batch)
        if note is None:
            return
        engine, batch_id = hub.hub.engine, batch.batch_id
        self.send_back_button.setEnabled(False)
        self.approve_button.setEnabled(False)

        def work(store: Any) -> Any:
            from sync.hub import review

            return review.send_back_as(store, engine, batch_id, note)

        self._lane.run(work, self._sent_back, self._not_sent_back)

    def _sent_back(self, line: Any) -> None:
        self._say(
            lambda: _tr(
                "Batch of {laptop} ({records} records) sent back; the laptop reopens it at its next sync."
            ).format(laptop=line.laptop, records=line.records)
        )
        self.refresh()

    def _not_sent_back(self, error: BaseException) -> None:
        reason = failure_reason(error, type(error).__name__)
        self._say(lambda: _tr("The batch was not sent back: {reason}").format(reason=reason))
        self.refresh()
