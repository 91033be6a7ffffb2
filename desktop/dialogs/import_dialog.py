"""Import a spreadsheet of registrations into a batch: choose the file and the batch, watch the
progress, read the rejected rows. The file goes in whole or not at all (forms.importing).

The import runs on the store lane (the one thread that talks to the store); the bar, the status line
and Cancel are the shared WorkProgress (desktop/widgets/work_progress.py), whose progress comes back to
the GUI thread through a queued signal, so the window stays responsive on a 10,000-row file. Cancel
cancels the ``forms.work.Work`` the importer checks between rows; the open transaction is rolled back,
nothing is saved.

The reasons of rejected cells, and the sentences refusing a whole file (not a spreadsheet, no header,
an unknown column, over a bound), come from the one catalogue (desktop/windows/errors.py:
problem_reason by problem code, failure_sentence), which says ``forms.importing.reasons``'s sentences
in the interface language (the command line prints them in English). The report table wraps each
reason and sizes its rows, and the dialog grows to show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import StoreLocked
from desktop.widgets.work_progress import WorkProgress
from desktop.windows.errors import problem_reason
from forms.importing import (
    CHECKING,
    ImportReport,
    RowProblem,
    batch_for_import,
    form_for_import,
    import_file,
    write_template,
)
from forms.store.batches import BATCH_OPEN, list_batches

if TYPE_CHECKING:
    from desktop.tasks import StoreLane
    from forms.engine import FormDefinition


# The report's size when it shows: wide enough for a form's long rule, never past the screen.
REPORT_SIZE = (900, 620)


class ImportDialog(QDialog):
    """Choose a .csv or .xlsx file and a batch; Import checks every row, then saves all or nothing."""

    import_finished = Signal(object)  # the ImportReport, also when rows were rejected
    records_imported = Signal(str, int)  # batch id, count: for views that show counts

    def __init__(
        self,
        lane: StoreLane,
        form: FormDefinition,
        parent: QWidget | None = None,
        batch_name: str | None = None,
    ) -> None:
        """``form``: the form of the batch being filled (a new batch named here is opened with it);
        ``batch_name``: that batch, chosen first. An open batch chosen here brings its own form."""
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setMinimumWidth(640)
        self._lane = lane
        self._default_form = form  # for a new batch
        self._form = form  # the chosen batch's form, shown (and written as the template)
        self._batch_name = batch_name
        self._form_lookup = 0  # the latest lookup of the chosen batch's form; older answers are dropped
        self._report: ImportReport | None = None

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("import_batch")
        self.batch_combo.setEditable(True)  # a new name opens a new batch today
        self.batch_combo.currentTextChanged.connect(lambda _text: self._look_up_form())
        self.form_value = QLabel()
        self.form_value.setObjectName("import_form")
        self.form_value.setWordWrap(True)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("import_place")
        # Labels kept as attributes: retranslate_ui may run while Qt tears the layout down.
        self.file_label, self.batch_label, self.place_label = QLabel(), QLabel(), QLabel()
        self.form_title_label = QLabel()
        self.file_label.setBuddy(self.file_edit)
        self.batch_label.setBuddy(self.batch_combo)
        self.place_label.setBuddy(self.place_edit)
        self.form_layout = QFormLayout()
        self.form_layout.addRow(self.file_label, file_row)
        self.form_layout.addRow(self.batch_label, self.batch_combo)
        self.form_layout.addRow(self.place_label, self.place_edit)
        self.form_layout.addRow(self.form_title_label, self.form_value)

        self.work_progress = WorkProgress("import", self._describe_progress)
        self.work_progress.running_changed.connect(self._set_running)
        self.work_progress.close_requested.connect(self.reject)
        self.progress, self.status = self.work_progress.bar, self.work_progress.status
        self.cancel_button = self.work_progress.cancel_button
        self.report_table = QTableWidget(0, 3)
        self.report_table.setObjectName("import_report")
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setWordWrap(True)
        self.report_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.report_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.report_table.setMinimumHeight(260)
        self.report_table.verticalHeader().setVisible(False)
        header = self.report_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A wrapped reason needs more lines when its column narrows: rows follow their contents (at most
        # MAX_LISTED_PROBLEMS rows, so measuring them all stays quick).
        self.report_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.report_table.hide()
        self.left_off_label = QLabel()
        self.left_off_label.setObjectName("import_left_off")
        self.left_off_label.setWordWrap(True)
        self.left_off_label.hide()

        self.template_button = QPushButton()
        self.template_button.setObjectName("write_template")
        self.template_button.clicked.connect(self._write_template)
        self.import_button = QPushButton()
        self.import_button.setObjectName("start_import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.work_progress)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.left_off_label)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.load_batches()

    # ----- texts ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import registrations"))
        self.batch_label.setText(self.tr("&Batch:"))
        self.place_label.setText(self.tr("&Place (for a new batch):"))
        self.file_label.setText(self.tr("&File (.csv or .xlsx):"))
        self.browse_button.setText(self.tr("&Choose…"))
        editor = self.batch_combo.lineEdit()
        if editor is not None:  # always, for an editable combo box
            editor.setPlaceholderText(self.tr("an open batch, or the name of a new one"))
        self.template_button.setText(self.tr("Write an empty &template…"))
        self.form_title_label.setText(self.tr("Form:"))
        self._show_form()
        self.import_button.setText(self.tr("&Import"))
        self.report_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Reason")])
        if self._report is not None:
            self._show_report(self._report)

    def reason_text(self, problem: RowProblem) -> str:
        """The reason in the interface language; the form's own constraint message is kept as written."""
        return problem_reason(problem.code, problem.params)

    # ----- batches and files ---------------------------------------------------------------------------
    def load_batches(self) -> None:
        """Fill the batch list with the open batches, newest first (read on the store lane)."""

        def names(store: Any) -> list[str]:
            return list(dict.fromkeys(b.name for b in list_batches(store, status=BATCH_OPEN)))

        def show(found: list[str]) -> None:
            if not shiboken6.isValid(self):
                return  # closed (and deleted) meanwhile
            typed = self.batch_combo.currentText()
            wanted = self._batch_name if self._batch_name in found else None
            self._batch_name = None  # chosen once; later reloads keep what is typed
            self.batch_combo.blockSignals(True)
            self.batch_combo.clear()
            self.batch_combo.addItems(found)
            self.batch_combo.blockSignals(False)
            self.batch_combo.setEditText(typed or wanted or (found[0] if found else ""))
            self._look_up_form()

        self._lane.run(names, show, self._batches_unavailable)

    def _batches_unavailable(self, error: BaseException) -> None:
        if not isinstance(error, StoreLocked):  # locked: the list stays empty, Import says why
            self._show_error(error)

    def set_file(self, path: Path | str) -> None:
        self.file_edit.setText(str(path))

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), "", self.tr("Spreadsheets (*.csv *.xlsx)")
        )
        if chosen:
            self.set_file(chosen)

    def _write_template(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import template"),
            "import-template.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen:
            self.save_template(Path(chosen))

    # ----- the chosen batch's form -------------------------------------------------------------------
    def _look_up_form(self) -> None:
        """The form of the batch named in the box (read on the store lane): an open batch's own, or for a
        new name the form of the batch being filled."""
        name = self.batch_combo.currentText().strip()
        if not name or not self._lane.is_open:
            self._form_found(self._form_lookup, self._default_form)
            return
        self._form_lookup += 1
        lookup, default = self._form_lookup, self._default_form

        def read(store: Any) -> FormDefinition:
            return form_for_import(store, batch_for_import(store, name), default)

        self._lane.run(read, lambda form: self._form_found(lookup, form), self._form_lookup_failed)

    def _form_found(self, lookup: int, form: FormDefinition) -> None:
        if shiboken6.isValid(self) and lookup == self._form_lookup:  # not closed meanwhile
            self._form = form
            self._show_form()

    def _form_lookup_failed(self, error: BaseException) -> None:
        if not isinstance(error, StoreLocked):
            self._show_error(error)

    def _show_form(self) -> None:
        form = self._form
        title, version = str(form.title or form.form_id), str(form.version)
        self.form_value.setText(self.tr("%1 (version %2)").replace("%1", title).replace("%2", version))

    @property
    def form(self) -> FormDefinition:
        """The form the chosen batch's rows are checked against (and its template written from)."""
        return self._form

    def save_template(self, path: Path) -> None:
        """The empty template of the chosen batch's form (its questions, its choices). A name typed
        without an extension gets .xlsx (the file dialog does not add it everywhere)."""
        if not path.suffix:
            path = path.with_name(path.name + ".xlsx")

        def done(columns: int) -> None:
            self.work_progress.show_text(self.tr("Template written: %n column(s).", "", columns))

        name, default = self.batch_combo.currentText().strip(), self._default_form
        if not name or not self._lane.is_open:
            form = self._form
            self._lane.run_unlocked(lambda: write_template(form, path), done, self._show_error)
            return

        def write(store: Any) -> int:
            return write_template(form_for_import(store, batch_for_import(store, name), default), path)

        self._lane.run(write, done, self._show_error)

    # ----- running the import --------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.work_progress.running:
            return
        path = Path(self.file_edit.text().strip())
        batch_name = self.batch_combo.currentText().strip()
        if not self.file_edit.text().strip() or not path.is_file():
            self.work_progress.show_text(self.tr("Choose a .csv or .xlsx file to import."))
            self.file_edit.setFocus()
            return
        if not batch_name:
            self.work_progress.show_text(self.tr("Choose the batch the records go into, or type a new name."))
            self.batch_combo.setFocus()
            return
        place = self.place_edit.text().strip()
        default = self._default_form
        self._report = None
        self.report_table.hide()
        work = self.work_progress.start(self.tr("Checking rows…"))

        def run(store: Any) -> ImportReport:
            batch = batch_for_import(store, batch_name, place)
            form = form_for_import(store, batch, default)  # an open batch keeps its own form
            return import_file(store, form, path, batch, work=work)

        self._lane.run(run, self._finished, self._failed)

    def _set_running(self, running: bool) -> None:
        inputs = (self.import_button, self.browse_button, self.file_edit, self.batch_combo, self.place_edit)
        for widget in (*inputs, self.template_button):
            widget.setEnabled(not running)

    def _describe_progress(self, done: int, _total: int | None, phase: str) -> str:
        # the bar is busy while the total is unknown (an XLSX without its size written)
        if phase == CHECKING:
            return self.tr("Checking rows… %1").replace("%1", str(done))
        return self.tr("Saving records… %1").replace("%1", str(done))

    def _finished(self, report: ImportReport) -> None:
        self._report = report
        self._show_report(report)
        self.import_finished.emit(report)
        if report.succeeded and report.batch_id:
            self.records_imported.emit(report.batch_id, report.imported)
            self.load_batches()

    def _show_report(self, report: ImportReport) -> None:
        if report.succeeded:
            self.work_progress.finish(self.tr("Imported %n record(s).", "", report.imported))
            self.report_table.hide()
            self.left_off_label.hide()
            return
        rejected = report.rejected
        self.work_progress.finish(
            self.tr(
                "Nothing was imported: %n row(s) rejected. Fix them in the file and import it again.",
                "",
                rejected,
            ),
            complete=False,
        )
        table = self.report_table
        table.setRowCount(len(report.problems))
        top = Qt.AlignmentFlag.AlignTop
        for index, problem in enumerate(report.problems):
            row_item = QTableWidgetItem()
            row_item.setData(Qt.ItemDataRole.DisplayRole, problem.row)
            row_item.setTextAlignment(top | Qt.AlignmentFlag.AlignRight)
            column_item = QTableWidgetItem(problem.column)
            column_item.setTextAlignment(top | Qt.AlignmentFlag.AlignLeft)
            reason = self.reason_text(problem)
            reason_item = QTableWidgetItem(reason)
            reason_item.setTextAlignment(top | Qt.AlignmentFlag.AlignLeft)
            reason_item.setToolTip(reason)
            for column, item in enumerate((row_item, column_item, reason_item)):
                table.setItem(index, column, item)
        if report.left_off:
            self.left_off_label.setText(
                self.tr(
                    "%n more problem(s) not listed: fix these, then import again.",
                    "",
                    report.left_off,
                )
            )
        self.left_off_label.setVisible(bool(report.left_off))
        table.show()
        self._make_room_for_the_report()

    def _make_room_for_the_report(self) -> None:
        """Grow the dialog to the report's size (within the screen); never shrink what the person set."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = REPORT_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 40), min(height, available.height() - 60)
        if self.width() < width or self.height() < height:
            self.resize(max(self.width(), width), max(self.height(), height))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, StoreLocked):
            self.work_progress.finish(self._locked_sentence(), complete=False)
        else:
            self.work_progress.fail(error, self._failed_sentence())

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, StoreLocked):
            self.work_progress.show_text(self._locked_sentence())
        else:
            self.work_progress.show_error(error, self._failed_sentence())

    def _locked_sentence(self) -> str:
        return self.tr("The store is locked: unlock it, then import again.")

    def _failed_sentence(self) -> str:
        # An unexpected error's text could hold a personal value: say only that it failed.
        return self.tr("The import failed; nothing was imported.")

    def reject(self) -> None:
        self.work_progress.cancel()  # closing the window cancels; the lane finishes the rollback
        super().reject()

    @property
    def report(self) -> ImportReport | None:
        return self._report
