"""The Import dialog on real widgets, a real store lane and a real encrypted store (pytest-qt, offscreen)."""

from __future__ import annotations

import ast
import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QStyle

from desktop.dialogs.import_dialog import REPORT_SIZE, ImportDialog
from desktop.paths import translations_dir
from forms.demo_data import write_demo_file
from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.importing import ImportReport, RowProblem
from forms.importing.reasons import (
    FILE_REFUSALS,
    REASONS,
    TRANSLATION_CONTEXT,
    all_sentences,
    placeholders,
    reason_for,
)
from forms.store import Store
from forms.store.search import count

from .conftest import PASSPHRASE, SUPERVISOR


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form(shipped_form_path())


@pytest.fixture
def store(existing_store: Path, lane) -> Store:
    store = Store.unlock(existing_store, SUPERVISOR, PASSPHRASE)
    lane.attach(store)
    return store


@pytest.fixture
def import_english(english):
    """The dialog's own English catalogue (its plural forms), as the app installs it beside diaspora_en."""
    translator = QTranslator()
    assert translator.load("import_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def dialog(qtbot, lane, store, form, import_english) -> ImportDialog:
    widget = ImportDialog(lane, form)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def records_on_lane(qtbot, lane) -> int:
    found: list[int] = []
    lane.run(count, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


def run_import(qtbot, dialog: ImportDialog, path: Path, batch: str) -> None:
    dialog.set_file(path)
    dialog.batch_combo.setEditText(batch)
    dialog.place_edit.setText("Minneapolis")
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_one_bad_row_imports_nothing_and_the_report_names_row_and_column(
    qtbot, dialog: ImportDialog, lane, form: FormDefinition, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    write_demo_file(form, path, 6, seed=21)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[2]["sex"] = "feminine"  # the fourth line of the file
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    run_import(qtbot, dialog, path, "Community day")
    table = dialog.report_table
    assert table.isVisible() and table.rowCount() == 1
    assert table.item(0, 0).data(Qt.ItemDataRole.DisplayRole) == 4
    assert table.item(0, 1).text() == "sex"
    assert "allowed values" in table.item(0, 2).text()
    assert "feminine" not in table.item(0, 2).text()
    assert "Nothing was imported: 1 row rejected" in dialog.status.text()
    assert dialog.import_button.isEnabled()
    assert records_on_lane(qtbot, lane) == 0


def test_a_good_file_imports_every_row_with_progress(
    qtbot, dialog: ImportDialog, lane, form: FormDefinition, tmp_path: Path
) -> None:
    path = tmp_path / "demo.xlsx"
    write_demo_file(form, path, 12, seed=22)
    steps: list[tuple[str, int, int]] = []
    dialog.work_progress.progressed.connect(lambda done, total, phase: steps.append((phase, done, total)))
    imported: list[tuple[str, int]] = []
    dialog.records_imported.connect(lambda batch_id, n: imported.append((batch_id, n)))
    run_import(qtbot, dialog, path, "Community day")
    assert dialog.report is not None and dialog.report.imported == 12
    assert not dialog.report_table.isVisible()
    assert dialog.status.text() == "Imported 12 records."
    assert steps[-1] == ("saving", 12, 12)
    assert imported and imported[0][1] == 12
    assert records_on_lane(qtbot, lane) == 12
    qtbot.waitUntil(lambda: dialog.batch_combo.findText("Community day") >= 0, timeout=10_000)


def test_missing_file_or_batch_is_said_before_anything_runs(
    qtbot, dialog: ImportDialog, tmp_path: Path
) -> None:
    dialog.set_file(tmp_path / "nowhere.csv")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Choose a .csv or .xlsx file" in dialog.status.text()
    existing = tmp_path / "people.csv"
    existing.write_text("given_name\nAma\n", encoding="utf-8")
    dialog.set_file(existing)
    dialog.batch_combo.setEditText("")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Choose the batch" in dialog.status.text()


def test_the_template_is_written_off_the_gui_thread(qtbot, dialog: ImportDialog, tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    dialog.save_template(target)
    qtbot.waitUntil(lambda: "column" in dialog.status.text(), timeout=10_000)
    assert target.is_file()


def test_a_template_named_without_an_extension_is_saved_as_xlsx(
    qtbot, dialog: ImportDialog, tmp_path: Path
) -> None:
    """Typed "kobo-template" in the save dialog (which does not add .xlsx on every desktop): the template
    is written as kobo-template.xlsx, not refused with an English sentence about the name."""
    dialog.save_template(tmp_path / "kobo-template")
    qtbot.waitUntil(lambda: "column" in dialog.status.text(), timeout=10_000)
    assert (tmp_path / "kobo-template.xlsx").is_file()


def test_the_dialog_speaks_french(qtbot, dialog: ImportDialog) -> None:
    translator = QTranslator()
    assert translator.load("import_fr", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Importer des enregistrements", timeout=5_000)
        assert dialog.import_button.text() == "&Importer"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Import registrations", timeout=5_000)


def test_a_locked_store_is_said_in_words(
    qtbot, lane, form: FormDefinition, import_english, tmp_path: Path
) -> None:
    widget = ImportDialog(lane, form)  # no store attached to the lane: locked
    qtbot.addWidget(widget)
    assert widget.status.text() == ""
    path = tmp_path / "people.csv"
    path.write_text("given_name\nAma\n", encoding="utf-8")
    widget.set_file(path)
    widget.batch_combo.setEditText("Day")
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert "locked" in widget.status.text()
    assert widget.import_button.isEnabled()


def bad_rows_file(form: FormDefinition, path: Path, count_: int) -> Path:
    write_demo_file(form, path, count_, seed=23)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for index, row in enumerate(rows):
        if index % 2:
            row["sex"] = "feminine"
        else:
            row["birth_date"] = "31/02/1985"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def assert_every_reason_is_readable(table) -> None:
    """No horizontal scrolling, and each reason's wrapped text fits the height of its row."""
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for row in range(table.rowCount()):
        for column in (0, 1, 2):
            text = table.item(row, column).text()
            width = table.columnWidth(column) - margins  # what the item delegate leaves for the text
            needed = metrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), text)
            assert needed.width() <= width, (row, column, text)
            assert needed.height() <= table.rowHeight(row), (row, column, text)


def test_the_report_table_is_readable_rows_sized_text_wrapped_dialog_large_enough(
    qtbot, dialog: ImportDialog, form: FormDefinition, tmp_path: Path
) -> None:
    """Issue 12 defect 10: the table showed two rows, cut off."""
    run_import(qtbot, dialog, bad_rows_file(form, tmp_path / "people.csv", 12), "Community day")
    table = dialog.report_table
    assert table.rowCount() == 12
    available = dialog.screen().availableGeometry()  # 800x600 on the offscreen platform
    wanted = (min(REPORT_SIZE[0], available.width() - 40), min(REPORT_SIZE[1], available.height() - 60))
    qtbot.waitUntil(lambda: (dialog.width(), dialog.height()) >= wanted, timeout=5_000)
    assert table.rowViewportPosition(7) + table.rowHeight(7) <= table.viewport().height()  # 8 rows in view
    assert [table.item(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(3)] == [2, 3, 4]
    assert {table.item(r, 1).text() for r in range(12)} == {"sex", "birth_date"}
    qtbot.waitUntil(lambda: assert_every_reason_is_readable(table), timeout=5_000)


def test_a_long_rule_message_wraps_instead_of_being_cut(qtbot, dialog: ImportDialog) -> None:
    rule = "Write the number with the country code, for example +231 77 012 3456; " * 4
    problems = [RowProblem(n, "emergency_contact_phone", "constraint", "", {"message": rule}) for n in (2, 3)]
    dialog._finished(ImportReport("people.csv", rows_read=2, problems=problems, rejected=2))
    table = dialog.report_table
    assert table.item(0, 2).text() == "does not meet the form's rule: " + rule
    qtbot.waitUntil(lambda: assert_every_reason_is_readable(table), timeout=5_000)  # once laid out
    assert table.rowHeight(0) > 3 * table.fontMetrics().height()  # wrapped over several lines
    dialog.resize(640, dialog.height())  # narrower: rows grow to keep every word in view
    qtbot.waitUntil(lambda: assert_every_reason_is_readable(table), timeout=5_000)


def test_past_the_listed_problems_the_rest_are_counted(qtbot, dialog: ImportDialog) -> None:
    problems = [RowProblem(2, "sex", "not_a_choice", "")]
    dialog._finished(
        ImportReport("people.csv", rows_read=3000, problems=problems, rejected=3000, left_off=2999)
    )
    assert dialog.left_off_label.isVisible()
    assert dialog.left_off_label.text() == "2999 more problems not listed: fix these, then import again."
    assert "3000 rows rejected" in dialog.status.text()


def test_reasons_come_from_the_one_catalogue_translated_once(qtbot, dialog: ImportDialog) -> None:
    """The dialog had its own copy of the sentences, and a French window showed `computed` in English."""
    codes = [*REASONS, "constraint", "out_of_range", "something_new"]
    problems = [RowProblem(2, "c", code, "", {"minimum": 1, "maximum": 9}) for code in codes]
    english = [reason_for(p.code, p.params) for p in problems]
    assert [dialog.reason_text(p) for p in problems] == english  # the command line's sentences
    for language in ("fr", "pt"):
        translator = QTranslator()
        assert translator.load(f"import_{language}", str(translations_dir()))
        QCoreApplication.installTranslator(translator)
        try:
            translated = [dialog.reason_text(p) for p in problems]
        finally:
            QCoreApplication.removeTranslator(translator)
        untranslated = [text for text, source in zip(translated, english, strict=True) if text == source]
        assert untranslated == [], language
    assert "calculé par le formulaire" in reason_for("computed", {}, french_reason())
    assert reason_for("out_of_range", {"minimum": 1, "maximum": 9}, french_reason()) == (
        "hors de l'intervalle permis (1 à 9)"
    )


def french_reason():
    translator = QTranslator()
    assert translator.load("import_fr", str(translations_dir()))

    def translate(sentence: str) -> str:
        return translator.translate(TRANSLATION_CONTEXT, sentence) or sentence

    return translate


def test_the_catalogues_translate_every_reason() -> None:
    for language in ("fr", "pt"):
        found = _translations(language)
        assert set(found) == set(all_sentences()), language
        assert all(t is not None and t.text and t.get("type") != "unfinished" for t in found.values()), (
            language
        )


def _import_raises() -> list[tuple[str, str, ast.Call]]:
    """Every call of ImportFileError and DeskError in forms.importing: (where, name called, call)."""
    from tests.conftest import REPO_ROOT

    found = []
    for source in sorted((REPO_ROOT / "forms" / "importing").glob("*.py")):
        if source.name == "errors.py":
            continue  # the class itself (rebuilt from its own code and values when copied)
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
            if name in ("ImportFileError", "DeskError"):
                found.append((f"{source.name}:{node.lineno}", name, node))
    return found


def test_every_file_refusal_raised_by_the_import_names_a_code_of_the_catalogue() -> None:
    """A refusal is found by its code, never by its sentence: each raise names a code of FILE_REFUSALS
    and as many values as that sentence has placeholders, and every code is raised somewhere."""
    raised = _import_raises()
    refusals = [(where, call) for where, name, call in raised if name == "ImportFileError"]
    assert len(refusals) > 25  # the scan found the raise sites
    wrong, codes = [], set()
    for where, call in refusals:
        first = call.args[0] if call.args else None
        code = first.value if isinstance(first, ast.Constant) else None
        if code not in FILE_REFUSALS or any(isinstance(arg, ast.Starred) for arg in call.args):
            wrong.append((where, ast.unparse(call)))
            continue
        codes.add(code)
        if len(call.args) - 1 != placeholders(code):
            wrong.append(
                (where, f"{code}: {len(call.args) - 1} values for {placeholders(code)} placeholders")
            )
    assert wrong == []
    assert codes == set(FILE_REFUSALS)
    # A plain DeskError would reach the dialog in English: only writing a file (the template, an export
    # to .csv or .xlsx) raises one, never reading a file to import.
    assert {where.split(":")[0] for where, name, _ in raised if name == "DeskError"} <= {
        "template.py",
        "writers.py",
    }


def _translations(language: str) -> dict[str, ET.Element | None]:
    tree = ET.parse(translations_dir() / f"import_{language}.ts")
    return {
        message.findtext("source") or "": message.find("translation")
        for context in tree.getroot().iter("context")
        if context.findtext("name") == TRANSLATION_CONTEXT
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_every_refusal_code_is_translated_with_all_its_values(language: str) -> None:
    found = _translations(language)
    untranslated = []
    for code, sentence in FILE_REFUSALS.items():
        translation = found.get(sentence)
        text = translation.text if translation is not None else None
        wanted = {f"%{n}" for n in range(1, placeholders(code) + 1)}
        if (
            not text
            or translation is None
            or translation.get("type") == "unfinished"
            or {f"%{n}" for n in range(1, 10) if f"%{n}" in text} != wanted
        ):
            untranslated.append(code)
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "impossible d'importer people.txt : seuls les fichiers .csv et .xlsx peuvent être importés"),
        ("pt", "não é possível importar people.txt: só podem ser importados ficheiros .csv e .xlsx"),
    ],
)
def test_a_refused_file_is_said_in_the_interface_language(
    qtbot, dialog: ImportDialog, tmp_path: Path, language: str, expected: str
) -> None:
    """Issue 12: a file refused whole (not a spreadsheet, a column twice, an unknown column, over a
    bound) was said in English in a French or Portuguese window."""
    wrong_kind = tmp_path / "people.txt"
    wrong_kind.write_text("given_name\nAma\n", encoding="utf-8")
    twice = tmp_path / "twice.csv"
    twice.write_text("given_name,given_name\nAma,Ama\n", encoding="utf-8")
    translator = QTranslator()
    assert translator.load(f"import_{language}", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        dialog.set_file(wrong_kind)
        dialog.batch_combo.setEditText("Community day")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: dialog.import_button.isEnabled() and dialog.status.text() != "", timeout=10_000
        )
        qtbot.waitUntil(lambda: "people.txt" in dialog.status.text(), timeout=10_000)
        assert dialog.status.text() == expected
        dialog.set_file(twice)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "twice.csv" in dialog.status.text(), timeout=10_000)
        assert "given_name" in dialog.status.text()
        assert "appears twice" not in dialog.status.text()  # not the English sentence
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_refusal_is_said_by_its_code_with_figures_written_the_readers_way() -> None:
    from forms.importing import ImportFileError
    from forms.importing.reasons import file_refusal

    french_number = lambda n: f"{n:,}".replace(",", "\u202f")  # noqa: E731
    rows = ImportFileError("too_many_rows", "big.csv", 100_000)
    assert file_refusal(rows, french_reason(), french_number) == (
        "big.csv a plus de 100\u202f000 lignes sous l'en-tête (les lignes vides comptent aussi) : "
        "découpez-le en fichiers plus petits"
    )
    # A size keeps its unit; a row number is a figure too in the dialog (as in its report table).
    assert "32 MB" in file_refusal(
        ImportFileError("file_too_big", "a.csv", 32), french_reason(), french_number
    )
    assert "12\u202f345" in file_refusal(
        ImportFileError("row_not_csv", "a.csv", 12_345), french_reason(), french_number
    )
    # A file name holding a placeholder is never filled in again.
    assert file_refusal(ImportFileError("row_not_csv", "%2.csv", 7), french_reason()) == (
        "%2.csv : la ligne 7 n'est pas du CSV valide"
    )
