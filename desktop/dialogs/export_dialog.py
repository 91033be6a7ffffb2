"""Export records to Excel or CSV: choose the form, the batch (or all), the format, headers as field
names or labels, an optional password; watch the progress; cancel at any time.

The form list is the shipped form and the library's forms (forms.library.available_forms, by title and
version); it starts at the form of the batch being filled, and choosing a batch chooses its form. Only
the chosen form's records are exported, with its columns.

The export runs on the store lane (the one thread that talks to the store), so the window stays
responsive for 100,000 records; the bar, the status line and Cancel are the shared WorkProgress
(desktop/widgets/work_progress.py): Cancel cancels the ``forms.work.Work`` the exporter checks between
records, and the file is written atomically, so a cancelled export leaves nothing at the destination.
Only supervisors may export (the store says so too, and audits it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.work_progress import WorkProgress
from forms.export import ExportResult
from forms.export.desk import DeskExportRequest, export_from_store
from forms.export.encrypted import MIN_PASSWORD_LENGTH
from forms.store.batches import list_batches

if TYPE_CHECKING:
    from desktop.tasks import StoreLane
    from forms.engine import FormDefinition


class ExportDialog(QDialog):
    """Choose what to export and where; Export writes the file, or nothing if cancelled."""

    export_finished = Signal(object)  # the ExportResult

    def __init__(
        self, lane: StoreLane, form: FormDefinition | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setMinimumWidth(560)
        self._lane = lane
        self._form = form
        self._result: ExportResult | None = None
        self._batch_rows: list[tuple[str, str, str, int]] = []  # id, name, day, records
        self._batch_forms: dict[str, str] = {}  # batch id -> the form_id it is filled with
        self._form_choices: list[tuple[str, str, str]] = []  # form_id, title, version
        self._form_id = str(form.form_id) if form is not None else None  # the chosen form
        self._form_reads = 0  # the latest form read; an older answer is dropped

        self.form_combo = QComboBox()
        self.form_combo.setObjectName("export_form")
        self.form_combo.currentIndexChanged.connect(lambda _i: self._form_chosen())
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("export_scope")
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._scope_chosen())
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("export_format")
        self.format_combo.currentIndexChanged.connect(self._update_password_fields)
        self.headers_combo = QComboBox()
        self.headers_combo.setObjectName("export_headers")
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("export_file")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.encrypt_check = QCheckBox()
        self.encrypt_check.setObjectName("export_encrypt")
        self.encrypt_check.toggled.connect(self._update_password_fields)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("export_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("export_password_repeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # Labels kept as attributes: retranslate_ui may run while Qt tears the layout down.
        self.scope_label, self.format_label, self.headers_label = QLabel(), QLabel(), QLabel()
        self.form_label = QLabel()
        self.file_label, self.password_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        buddies = [
            (self.form_label, self.form_combo),
            (self.scope_label, self.scope_combo),
            (self.format_label, self.format_combo),
            (self.headers_label, self.headers_combo),
            (self.file_label, self.file_edit),
            (self.password_label, self.password_edit),
            (self.repeat_label, self.repeat_edit),
        ]
        for label, buddy in buddies:
            label.setBuddy(buddy)
        self.form_layout = QFormLayout()
        self.form_layout.addRow(self.form_label, self.form_combo)
        self.form_layout.addRow(self.scope_label, self.scope_combo)
        self.form_layout.addRow(self.format_label, self.format_combo)
        self.form_layout.addRow(self.headers_label, self.headers_combo)
        self.form_layout.addRow(self.file_label, file_row)
        # No label, the box in the field column (Qt takes a null label; PySide6 6.12 stubs refuse None).
        self.form_layout.addRow(None, self.encrypt_check)  # type: ignore[call-overload]
        self.form_layout.addRow(self.password_label, self.password_edit)
        self.form_layout.addRow(self.repeat_label, self.repeat_edit)

        self.work_progress = WorkProgress("export", self._describe_progress)
        self.work_progress.running_changed.connect(self._set_running)
        self.work_progress.close_requested.connect(self.reject)
        self.progress, self.status = self.work_progress.bar, self.work_progress.status
        self.cancel_button = self.work_progress.cancel_button
        self.export_button = QPushButton()
        self.export_button.setObjectName("start_export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.work_progress)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_password_fields()
        self._check_role()
        self.load_batches()
        self.load_forms()

    # ----- texts ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export records"))
        self.form_label.setText(self.tr("For&m:"))
        self.scope_label.setText(self.tr("&Records:"))
        self.format_label.setText(self.tr("F&ormat:"))
        self.headers_label.setText(self.tr("&Headers:"))
        self.file_label.setText(self.tr("&Save as:"))
        self.browse_button.setText(self.tr("&Choose…"))
        self.encrypt_check.setText(self.tr("&Protect the file with a password (Excel asks for it)"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.repeat_label.setText(self.tr("R&epeat:"))
        self.export_button.setText(self.tr("&Export"))
        self._fill_formats()
        self._fill_headers()
        self._fill_scopes()
        self._fill_forms()

    def _fill_formats(self) -> None:
        chosen = self.format_combo.currentData() or "xlsx"
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format_combo.addItem(self.tr("CSV files, UTF-8 (.csv)"), "csv")
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(chosen)))
        self.format_combo.blockSignals(False)

    def _fill_headers(self) -> None:
        chosen = self.headers_combo.currentData()
        self.headers_combo.clear()
        self.headers_combo.addItem(self.tr("Field names (for analysis scripts)"), None)
        for language in self._form.languages if self._form is not None else []:
            self.headers_combo.addItem(self.tr("Labels in %1").replace("%1", language), language)
        self.headers_combo.setCurrentIndex(max(0, self.headers_combo.findData(chosen)))

    def _fill_forms(self) -> None:
        choices = self._form_choices or (
            [(str(self._form.form_id), str(self._form.title or self._form.form_id), str(self._form.version))]
            if self._form is not None
            else []
        )
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        for form_id, title, version in choices:
            self.form_combo.addItem(
                self.tr("%1 (version %2)").replace("%1", title).replace("%2", version), form_id
            )
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(self._form_id)))
        self.form_combo.blockSignals(False)

    def _fill_scopes(self) -> None:
        chosen = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("All batches"), None)
        for batch_id, name, day, records in self._batch_rows:
            text = self.tr("%1 (%2): %n record(s)", "", records).replace("%1", name).replace("%2", day)
            self.scope_combo.addItem(text, batch_id)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(chosen)))
        self.scope_combo.blockSignals(False)

    # ----- inputs ----------------------------------------------------------------------------------------
    def _check_role(self) -> None:
        store = self._lane.store
        operator = getattr(store, "operator", None)
        self._allowed = operator is not None and operator.is_supervisor
        if not self._allowed:
            self.work_progress.show_text(self.tr("Only a supervisor may export records."))
        self.export_button.setEnabled(self._allowed)

    def load_batches(self) -> None:
        """Fill the scope list with every batch and its record count (read on the store lane)."""

        def read(store: Any) -> tuple[list[tuple[str, str, str, int]], dict[str, str]]:
            from forms.library import shipped_form
            from forms.store.form_library import batch_form_id

            batches = list_batches(store)
            shipped = str(shipped_form().form_id)
            forms = {b.id: batch_form_id(store, b.id) or shipped for b in batches}
            return [(b.id, b.name, b.day, b.records) for b in batches], forms

        def show(found: tuple[list[tuple[str, str, str, int]], dict[str, str]]) -> None:
            if not shiboken6.isValid(self):
                return  # closed (and deleted) meanwhile
            self._batch_rows, self._batch_forms = found
            self._fill_scopes()

        self._lane.run(read, show, self._show_error)

    def load_forms(self) -> None:
        """Fill the form list: the shipped form and the library's forms, by title and version."""
        from forms.library import available_forms

        def read(store: Any) -> list[tuple[str, str, str]]:
            return [(c.form_id, c.title, c.version) for c in available_forms(store, include_retired=True)]

        def show(choices: list[tuple[str, str, str]]) -> None:
            if not shiboken6.isValid(self):
                return
            self._form_choices = choices
            self._fill_forms()

        self._lane.run(read, show, lambda _error: None)  # locked: the batch form alone stays listed

    def choose_form(self, form_id: str) -> None:
        index = self.form_combo.findData(form_id)
        if index >= 0:
            self.form_combo.setCurrentIndex(index)

    def _scope_chosen(self) -> None:
        """A batch brings its own form: the list shows it (the person may still choose another)."""
        batch_id = self.scope_combo.currentData()
        form_id = self._batch_forms.get(batch_id) if batch_id else None
        if form_id is not None and form_id != self._form_id:
            self.choose_form(form_id)

    def _form_chosen(self) -> None:
        """Read the chosen form on the store lane (its languages give the header choices)."""
        form_id = self.form_combo.currentData()
        if not form_id or (form_id == self._form_id and self._form is not None):
            return
        self._form_id = form_id
        self._form_reads += 1
        reading = self._form_reads

        def read(store: Any) -> FormDefinition:
            from forms.library import current_form

            return current_form(store, form_id)

        def show(form: FormDefinition) -> None:
            if shiboken6.isValid(self) and reading == self._form_reads:
                self._form = form
                self._fill_headers()

        self._lane.run(read, show, self._show_error)

    @property
    def form_id(self) -> str | None:
        """The form whose records are exported."""
        return self._form_id

    def choose_scope(self, batch_id: str | None) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(batch_id)))

    def set_file(self, path: Path | str) -> None:
        self.file_edit.setText(str(path))

    def _choose_file(self) -> None:
        xlsx = self.format_combo.currentData() == "xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the export as"),
            "export.xlsx" if xlsx else "export.csv",
            self.tr("Excel workbook (*.xlsx)") if xlsx else self.tr("CSV file (*.csv)"),
        )
        if chosen:
            self.set_file(chosen)

    def _update_password_fields(self) -> None:
        xlsx = self.format_combo.currentData() == "xlsx"
        running = self.work_progress.running
        self.encrypt_check.setEnabled(xlsx and not running)
        wanted = xlsx and self.encrypt_check.isChecked() and not running
        for widget in (self.password_edit, self.repeat_edit):
            widget.setEnabled(wanted)

    # ----- running the export ----------------------------------------------------------------------------
    def start_export(self) -> None:
        if self.work_progress.running or not self._allowed:
            return
        text = self.file_edit.text().strip()
        if not text:
            self.work_progress.show_text(self.tr("Choose where to save the export."))
            self.file_edit.setFocus()
            return
        file_format = self.format_combo.currentData() or "xlsx"
        password = None
        if file_format == "xlsx" and self.encrypt_check.isChecked():
            password = self.password_edit.text()
            if len(password) < MIN_PASSWORD_LENGTH:
                self.work_progress.show_text(
                    self.tr("The password needs at least %1 characters.").replace(
                        "%1", str(MIN_PASSWORD_LENGTH)
                    )
                )
                self.password_edit.setFocus()
                return
            if password != self.repeat_edit.text():
                self.work_progress.show_text(self.tr("The two passwords differ."))
                self.repeat_edit.setFocus()
                return
        request = DeskExportRequest(
            out=Path(text).expanduser(),
            batch_id=self.scope_combo.currentData(),
            file_format=file_format,
            password=password,
            language=self.headers_combo.currentData(),
        )
        form_id = self._form_id
        self._result = None
        work = self.work_progress.start(self.tr("Exporting…"))

        def export(store: Any) -> ExportResult:
            from forms.library import current_form

            chosen = current_form(store, form_id)  # the chosen form's records, with its columns
            return export_from_store(store, request, work=work, form=chosen)

        self._lane.run(export, self._finished, self._failed)

    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.browse_button, self.file_edit, self.scope_combo,
                       self.form_combo, self.format_combo, self.headers_combo):  # fmt: skip
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running and self._allowed)
        self._update_password_fields()

    def _describe_progress(self, done: int, _total: int | None, _message: str) -> str:
        return self.tr("Exporting… %n record(s) written.", "", done)

    def _finished(self, result: ExportResult) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()
        self._result = result
        text = self.tr("Exported %n record(s) to %1.", "", result.records).replace("%1", str(result.files[0]))
        self.work_progress.finish(text)
        self.export_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.work_progress.fail(error, self._failed_sentence())

    def _show_error(self, error: BaseException) -> None:
        self.work_progress.show_error(error, self._failed_sentence())

    def _failed_sentence(self) -> str:
        # An unexpected error's text could hold a personal value: say only that it failed.
        return self.tr("The export failed; no file was written.")

    def reject(self) -> None:
        self.work_progress.cancel()  # closing the window cancels; the export removes its temporary file
        super().reject()

    @property
    def export_result(self) -> ExportResult | None:
        return self._result
