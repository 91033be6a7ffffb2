""" "Host this event": run the event hub on this (supervisor's) laptop from the desktop, hand out clerk
codes as text and QR, and watch what the laptops sent (sync/hub; docs/events.md).

The hub's database key comes from the unlocked store, so the hub is prepared on the store lane; it is
then served from a thread of its own and stops when the window closes or the store locks.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.windows.errors import failure_reason
from forms.errors import DeskError
from sync import protocol as p

if TYPE_CHECKING:
    from desktop.dialogs.host_event_review import HostEventReview
    from desktop.tasks import StoreLane
    from sync.hub.background import BackgroundHub

CONTEXT = "HostEventDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class HostEventDialog(QDialog):
    def __init__(self, lane: StoreLane, parent: QWidget | None = None, *, announce: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("HostEventDialog")
        self.setMinimumWidth(560)
        self._lane = lane
        self._announce = announce
        self.hub: BackgroundHub | None = None

        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(8765)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._start_or_stop)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.label_edit = QLineEdit()
        self.code_button = QPushButton()
        self.code_button.clicked.connect(self._new_code)
        self.review_button = QPushButton()
        self.review_button.clicked.connect(self.open_review)
        self.review: HostEventReview | None = None
        self.code_view = QLineEdit()
        self.code_view.setReadOnly(True)
        self.qr = QLabel()
        self.counts = QLabel()
        self.refused = QLabel()  # files the central server refused at a relay, and what to do
        self.refused.setWordWrap(True)

        form = QFormLayout()
        self.port_label = QLabel()
        self.clerk_label = QLabel()
        form.addRow(self.port_label, self.port)
        form.addRow(self.clerk_label, self.label_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.code_button)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        layout.addWidget(self.code_view)
        layout.addWidget(self.qr)
        layout.addWidget(self.counts)
        layout.addWidget(self.refused)

        self._timer = QTimer(self)
        self._timer.setInterval(3000)
        self._timer.timeout.connect(self.refresh_counts)
        lane.store_detached.connect(self.stop_hosting)  # a locked store stops the hub
        self.retranslate_ui()
        self._show_state()

    # ----- text ------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(_tr("Host this event"))
        self.port_label.setText(_tr("Port"))
        self.clerk_label.setText(_tr("Clerk's laptop"))
        self.label_edit.setPlaceholderText(_tr("e.g. Clerk 2, Minneapolis"))
        self.code_button.setText(_tr("New clerk code"))
        self.review_button.setText(_tr("Review records..."))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_state(self) -> None:
        hosting = self.hub is not None
        self.start_button.setText(_tr("Stop hosting") if hosting else _tr("Start hosting"))
        self.code_button.setEnabled(hosting)
        self.review_button.setEnabled(hosting)
        self.port.setEnabled(not hosting)
        if self.hub is None:
            self.state.setText(_tr("Not hosting. Clerks' laptops sync to this laptop while it hosts."))
        else:
            self.state.setText(
                _tr("Hosting at {url}. Certificate fingerprint: {fingerprint}").format(
                    url=self.hub.url, fingerprint=self.hub.hub.fingerprint
                )
            )

    # ----- hosting ---------------------------------------------------------------------------------
    def _start_or_stop(self) -> None:
        if self.hub is not None:
            self.stop_hosting()
            return
        port = self.port.value()
        self.start_button.setEnabled(False)
        self.state.setText(_tr("Starting..."))

        def work(store: Any) -> Any:
            from sync.hub.names import require_server_code

            require_server_code()  # a sentence, not an import error, in the desk-only bundle
            from sync.hub.serve import prepare

            store.require_supervisor("host an event")
            return prepare(store, host="0.0.0.0", port=port, operator=store.operator.name)

        self._lane.run(work, self._prepared, self._failed)

    def _prepared(self, prepared: Any) -> None:
        from sync.hub.background import BackgroundHub

        hub = BackgroundHub(prepared, announce_it=self._announce)
        self.start_button.setEnabled(True)
        if not hub.start():
            self.state.setText(hub.error or "")
            return
        self.hub = hub
        self._timer.start()
        self._show_state()
        self.refresh_counts()

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        message = failure_reason(error, type(error).__name__)
        self.state.setText(_tr("The hub did not start: {reason}").format(reason=message))

    def stop_hosting(self) -> None:
        if self.hub is None:
            return
        self._timer.stop()
        hub, self.hub = self.hub, None
        if self.review is not None:
            self.review.close()
        hub.stop()
        self.code_view.clear()
        self.qr.clear()
        self._show_state()

    def _new_code(self) -> None:
        if self.hub is None:
            return
        label = self.label_edit.text().strip() or _tr("Clerk's laptop")
        try:
            line = self.hub.new_code(label)
        except DeskError as error:
            self.state.setText(failure_reason(error, type(error).__name__))
            return
        self.code_view.setText(line)
        import segno

        buffer = io.BytesIO()
        segno.make(line, error="m").save(buffer, kind="png", scale=4, border=2)
        pixmap = QPixmap()
        pixmap.loadFromData(buffer.getvalue(), "PNG")
        self.qr.setPixmap(pixmap)

    def open_review(self) -> None:
        """The hub's review page: every laptop's records and batches; the supervisor approves there."""
        if self.hub is None:
            return
        if self.review is None:
            from desktop.dialogs.host_event_review import HostEventReview

            self.review = HostEventReview(self._lane, lambda: self.hub, self)
        self.review.show()
        self.review.raise_()
        self.review.refresh()

    def refresh_counts(self) -> None:
        """The hub's counts, read from its database on the store lane (never on the GUI thread)."""
        hub = self.hub
        if hub is None:
            self.counts.clear()
            return
        self._lane.run_unlocked(hub.status, partial(self._show_counts, hub), lambda _error: None)

    def _show_counts(self, hub: Any, status: dict[str, Any]) -> None:
        if hub is not self.hub:  # stopped or restarted while the counts were read
            return
        self.counts.setText(
            _tr(
                "{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}."
            ).format(
                laptops=len(status["laptops"]),
                received=status["records_received"],
                relayed=status["relayed"],
                waiting=status["waiting"],
            )
        )
        self.refused.setText(refused_files_text(status.get("files_refused") or []))

    def done(self, result: int) -> None:
        self.stop_hosting()
        super().done(result)


def refused_files_text(refused: Sequence[Mapping[str, object]]) -> str:
    """The files the central server refused at a relay (sync/hub/status.py files_refused): one line each,
    the record's reference, the file and, in the interface language, why and what to do."""
    if not refused:
        return ""
    reasons = {
        p.ERROR_NOT_RECORD_OWNER: _tr(
            "another laptop owns this record on the central server: give its administrator this reference"
        ),
        p.ERROR_FILE_MISMATCH: _tr(
            "the file changed after it was attached: ask the clerk to attach it again and sync"
        ),
        p.ERROR_FILE_REFUSED: _tr(
            "the central server cannot keep this file for this record: give its administrator this reference"
        ),
        p.ERROR_BODY_TOO_LARGE: _tr(
            "the file is larger than the central server takes: ask the clerk to attach a smaller one and sync"
        ),
    }
    lines = [
        _tr(
            "Attached files the central server refused: {count}. Their records wait on this laptop"
            " and go again at the next sync."
        ).format(count=len(refused))
    ]
    for entry in refused:
        code = str(entry.get("code", ""))
        reason = reasons.get(code) or _tr("refused by the central server ({code})").format(code=code)
        lines.append(f"\u2022 {entry.get('reference', '')} \u2014 {entry.get('file', '')}: {reason}")
    return "\n".join(lines)


class _Retranslate(QObject):
    """Keeps the menu action's text in the window's language."""

    def __init__(self, action: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._action.setText(_tr("Host this event..."))
        return False


def install(window: Any, lane: StoreLane) -> QAction:
    """Add "Host this event..." to the main window's File menu (one dialog per window)."""
    action = QAction(_tr("Host this event..."), window)
    window.installEventFilter(_Retranslate(action, window))
    dialogs: list[HostEventDialog] = []

    def open_dialog() -> None:
        if not dialogs:
            dialogs.append(HostEventDialog(lane, window))
        dialogs[0].show()
        dialogs[0].raise_()

    action.triggered.connect(open_dialog)
    window.file_menu.insertAction(window.quit_action, action)
    return action
