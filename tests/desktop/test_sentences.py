"""Issue 11: one catalogue of sentences (desktop/windows/errors.py), translated once.

A DeskError became a sentence in five places (the unlock windows, the registration page, the export
and import dialogs, the records page), and the import dialog had its own copy of the problem-code
texts, which drifted (a French window showed `computed` in English). Now every window, page and dialog
asks the catalogue: failure_sentence / failure_reason for an exception, problem_reason for a problem
code. These tests keep it so.
"""

from __future__ import annotations

import ast
import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.paths import translations_dir
from desktop.windows.errors import failure_reason, failure_sentence, problem_reason
from forms.errors import DeskError
from forms.export import ExportCancelled
from forms.importing import ImportCancelled, ImportFileError
from forms.importing.reasons import REASONS
from tests.conftest import REPO_ROOT

CATALOGUE = "desktop/windows/errors.py"
EXCEPTION_WORDS = ("Error", "Exception")


def _exception_names(function: ast.AST) -> set[str]:
    """The names an exception is bound to in a function: parameters typed as one, ``except ... as``."""
    names = set()
    if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        arguments = function.args
        for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            annotation = ast.unparse(argument.annotation) if getattr(argument, "annotation", None) else ""
            if any(word in annotation for word in EXCEPTION_WORDS):
                names.add(argument.arg)
    for node in ast.walk(function):
        if isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def text_made_outside_the_catalogue(name: str, source: str) -> list[str]:
    """Where a module turns an exception into text itself: ``error.message``, ``error.args``,
    ``getattr(x, "message")``, ``str(error)``, ``f"{error}"``, ``"...".format(error)``."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        is_getattr = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr"
        if is_getattr and len(node.args) > 1 and ast.unparse(node.args[1]) == "'message'":
            found.append(f"{name}:{node.lineno} getattr(..., 'message')")
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        names = _exception_names(function)
        if not names:
            continue
        for node in ast.walk(function):
            where = f"{name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Attribute) and node.attr in ("message", "args"):
                if isinstance(node.value, ast.Name) and node.value.id in names:
                    found.append(f"{where} {node.value.id}.{node.attr}")
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("str", "repr"):
                if node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in names:
                    found.append(f"{where} {node.func.id}({node.args[0].id})")  # type: ignore[attr-defined]
            elif isinstance(node, ast.FormattedValue):
                if isinstance(node.value, ast.Name) and node.value.id in names:
                    found.append(f"{where} f-string of {node.value.id}")
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format":
                for value in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(value, ast.Name) and value.id in names:
                        found.append(f"{where} .format({value.id})")
    return found


def test_exceptions_become_text_only_through_the_catalogue() -> None:
    """The GUI (desktop/, the command line aside: it prints the English sentences as raised)."""
    found, scanned = [], 0
    for path in sorted((REPO_ROOT / "desktop").rglob("*.py")):
        name = path.relative_to(REPO_ROOT).as_posix()
        if name == CATALOGUE or name.startswith("desktop/cli/"):
            continue
        scanned += 1
        found.extend(text_made_outside_the_catalogue(name, path.read_text(encoding="utf-8")))
    assert scanned > 50  # the scan reached the GUI's modules
    assert found == []


def test_the_scan_finds_the_ways_it_was_done() -> None:
    old = """
def _failed(self, error: BaseException) -> None:
    text = getattr(error, "message", None) or self.tr("The records could not be read.")

def _show_error(self, error: BaseException) -> None:
    if isinstance(error, DeskError):
        self.status.setText(error.message)

def _sentence(error: BaseException) -> str:
    return str(error) or error.__class__.__name__

def _new_code(self) -> None:
    try:
        pass
    except DeskError as error:
        self.state.setText(f"{error}")
"""
    found = text_made_outside_the_catalogue("old.py", old)
    assert [line.split(" ", 1)[1] for line in found] == [
        "getattr(..., 'message')", "error.message", "str(error)", "f-string of error"
    ]  # fmt: skip


# ----- problem codes ------------------------------------------------------------------------------------
SPECIAL_CODES = {"constraint", "out_of_range"}  # sentences with the form's message or the range


def produced_problem_codes() -> set[str]:
    """Every problem code an import can put in its report: the engine's (FormDefinition.validate),
    typing's (forms.dates, forms.phones) and the import's own (forms.importing), read from the code."""
    from forms.engine import values

    sources = [
        *sorted((REPO_ROOT / "forms" / "engine").glob("*.py")),
        *sorted((REPO_ROOT / "forms" / "importing").glob("*.py")),
        REPO_ROOT / "forms" / "dates.py",
        REPO_ROOT / "forms" / "phones.py",
    ]
    codes: set[str] = set()
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Problem", "CellProblem"):
                position = 0 if node.func.id == "Problem" else 1  # type: ignore[attr-defined]
                if len(node.args) > position:
                    code = node.args[position]
                    if isinstance(code, ast.Constant) and isinstance(code.value, str):
                        codes.add(code.value)
                    elif isinstance(code, ast.JoinedStr) and ast.unparse(code) == "f'type_{kind}'":
                        codes.update(f"type_{kind}" for kind in values._MIN_POINTS)  # geo_text's kinds
            if path.name == "phones.py" and isinstance(node, ast.Assign):
                value = node.value
                if isinstance(value, ast.Constant) and re.fullmatch(r"phone_[a-z_]+", str(value.value)):
                    codes.add(str(value.value))
    return codes


def test_every_problem_code_an_import_can_produce_has_a_sentence() -> None:
    produced = produced_problem_codes()
    assert {"required", "not_a_choice", "type_geoshape", "date_no_such_day", "phone_too_short"} <= produced
    assert "unnamed_column" in produced  # the import's own
    assert sorted(produced - set(REASONS) - SPECIAL_CODES) == []


@pytest.mark.parametrize("language", ["fr", "pt"])
def test_every_problem_code_is_said_in_french_and_portuguese(qapp, language: str) -> None:
    codes = sorted(produced_problem_codes() | set(REASONS) | SPECIAL_CODES)
    params = {"minimum": 1, "maximum": 9, "message": None}
    english = {code: problem_reason(code, params) for code in codes}
    translator = QTranslator()
    assert translator.load(f"import_{language}", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        translated = {code: problem_reason(code, params) for code in codes}
    finally:
        QCoreApplication.removeTranslator(translator)
    assert [code for code in codes if translated[code] == english[code]] == []


# ----- failures -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "export", "imported"),
    [
        ("fr", "Annulé : aucun fichier n'a été écrit.", "Annulé : rien n'a été importé."),
        ("pt", "Cancelado: nenhum ficheiro foi escrito.", "Cancelado: nada foi importado."),
    ],
)
def test_a_cancel_is_said_by_the_catalogue_in_the_interface_language(
    qapp, english, language: str, export: str, imported: str
) -> None:
    assert failure_sentence(ExportCancelled()) == "Cancelled: no file was written."
    english.switch_to(language)
    assert failure_sentence(ExportCancelled()) == export
    assert failure_sentence(ImportCancelled()) == imported
    refused = ImportFileError("not_a_spreadsheet", "people.txt")
    assert "people.txt" in failure_sentence(refused) and "only .csv" not in failure_sentence(refused)


def test_what_is_not_a_desk_error_never_shows_its_own_text(qapp) -> None:
    leaking = ValueError("Amara Diallo, 1990-03-07")
    assert failure_sentence(leaking, "The export failed.") == "The export failed."
    assert "Amara" not in failure_sentence(leaking)
    assert failure_reason(leaking, "ValueError") == "ValueError"
    assert failure_reason(DeskError("the hub port is taken"), "x") == "the hub port is taken"
    assert failure_sentence(DeskError("the hub port is taken")) == "The hub port is taken"


def test_wording_a_store_error_does_not_load_export_or_import() -> None:
    """The unlock window words a wrong operator name before export or import was ever used: the
    catalogue must not import them to tell (it froze the window ~700 ms and could itself fail)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from forms.store.errors import UnknownOperatorError\n"
        "from desktop.windows.errors import failure_sentence\n"
        "print(failure_sentence(UnknownOperatorError('no such operator')))\n"
        "loaded = [m for m in ('forms.export', 'forms.importing') if m in sys.modules]\n"
        "print('loaded:', ','.join(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "no operator with this name" in done.stdout
    assert done.stdout.strip().endswith("loaded:"), done.stdout
