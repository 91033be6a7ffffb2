"""A workbook laid out as our export lays it out, read back for an import: the first sheet holds one
row per record, each repeat has a sheet of its own (titled as the export titles it: the repeat's name)
whose rows name the row they belong to by ``_parent_index`` (the ``_index`` of that row), so an export
re-imports and ``demo-data --out FILE.xlsx`` writes repeats.

Headers may be field names or the export's group paths (``identity/given_name``); the export's own
columns (``_uuid``, ``_index``, ...), its 0/1 column per choice of a select_multiple, and, in an
exported workbook, the form's computed and app-filled fields are left out, as the form computes them
again. Rows of a repeat sheet become the repeat's instances (``answers[repeat] = [{...}, ...]``), in
sheet order; the engine then checks them as typing would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forms.export.columns import GEOPOINT_PARTS, MAIN_META, REPEAT_META, unique_title

from .errors import ImportFileError
from .readers import SourceRow, Table, read_table, sheet_titles

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question

EXPORT_COLUMNS = frozenset(MAIN_META) | frozenset(REPEAT_META)
INDEX, PARENT_INDEX = "_index", "_parent_index"


def direct_fields(questions: list[Question]) -> list[Question]:
    """The questions of one sheet: inside groups, not inside a nested repeat."""
    found: list[Question] = []
    for question in questions:
        if question.kind == "group":
            found.extend(direct_fields(question.children))
        elif question.kind == "question":
            found.append(question)
    return found


def direct_repeats(questions: list[Question]) -> list[Question]:
    found: list[Question] = []
    for question in questions:
        if question.kind == "group":
            found.extend(direct_repeats(question.children))
        elif question.kind == "repeat":
            found.append(question)
    return found


def repeat_sheet_titles(form: FormDefinition) -> dict[str, Question]:
    """Sheet title (case-folded) -> repeat, as the export titles them (and the bare repeat names)."""
    taken: set[str] = set()
    unique_title(form.title or form.form_id or "data", taken)
    found: dict[str, Question] = {}

    def walk(questions: list[Question]) -> None:
        for repeat in direct_repeats(questions):
            found[unique_title(repeat.name, taken).casefold()] = repeat
            found.setdefault(repeat.name.casefold(), repeat)
            walk(repeat.children)

    walk(form.questions)
    return found


def _relative(form: FormDefinition, question: Question) -> str:
    prefix = f"/{form.root_tag}/"
    return question.path[len(prefix) :] if question.path.startswith(prefix) else question.name


def header_names(
    form: FormDefinition, columns: list[str], fields: list[Question], *, exported: bool
) -> dict[str, str | None]:
    """Each header -> the field it fills, or None for a column the import leaves out. A header that is
    neither is kept as it is, for ``check_columns`` to refuse with its sentence."""
    by_header: dict[str, Question] = {}
    for question in fields:
        by_header.setdefault(question.name, question)
        by_header.setdefault(_relative(form, question), question)
    mapped: dict[str, str | None] = {}
    for column in columns:
        found = by_header.get(column)
        if column in EXPORT_COLUMNS:
            mapped[column] = None
        elif found is not None:
            computed = not found.answerable or found.preload or found.type in ("metadata", "hidden")
            mapped[column] = None if exported and computed else found.name
        elif _is_choice_column(column, by_header) or _is_geopoint_part(column, by_header):
            mapped[column] = None
        else:
            mapped[column] = column
    return mapped


def _is_choice_column(column: str, by_header: dict[str, Question]) -> bool:
    """The export's 0/1 column of one choice of a select_multiple: ``<header>/<choice>``."""
    head, _, choice = column.rpartition("/")
    question = by_header.get(head)
    return bool(choice) and question is not None and question.type == "select_multiple"


def _is_geopoint_part(column: str, by_header: dict[str, Question]) -> bool:
    """The export's ``_<header>_latitude`` (longitude, altitude, precision) beside a geopoint's column."""
    for part in GEOPOINT_PARTS:
        suffix = f"_{part}"
        if column.startswith("_") and column.endswith(suffix):
            question = by_header.get(column[1 : -len(suffix)])
            return question is not None and question.type == "geopoint"
    return False


def _renamed(cells: dict[str, Any], names: dict[str, str | None]) -> dict[str, Any]:
    renamed = {column: names.get(column, column) for column in cells}
    return {name: cells[column] for column, name in renamed.items() if name}


def _key(value: Any) -> str:
    """An _index cell as text (Excel gives 3 or 3.0, a CSV "3")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class LinkedInstances:
    """The rows of one repeat sheet, by the ``_index`` of the row they belong to."""

    def __init__(self, repeat: Question, title: str) -> None:
        self.repeat = repeat
        self.title = title
        self.by_parent: dict[str, list[dict[str, Any]]] = {}


def read_for_form(path: Path, form: FormDefinition) -> Table:
    """The rows of ``path`` for an import into ``form``: headers mapped to field names and, for an
    .xlsx with repeat sheets, each row carrying its repeats' instances."""
    path = Path(path)
    main = read_table(path)
    exported = INDEX in main.columns or "_uuid" in main.columns
    fields = direct_fields(form.questions)
    names = header_names(form, main.columns, fields, exported=exported)
    columns = [name for name in (names[c] for c in main.columns) if name]
    linked: dict[str, LinkedInstances] = {}
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        linked = _repeat_sheets(path, form, exported)
    if linked and INDEX not in main.columns:
        first = next(iter(linked.values()))
        raise ImportFileError("no_index_column", path.name, first.title, PARENT_INDEX, INDEX)
    top = [instances for instances in linked.values() if not instances.repeat.repeat_chain[:-1]]

    def rows() -> Iterator[SourceRow]:
        for row in main:
            cells = _renamed(row.cells, names)
            if linked:
                _attach(cells, _key(row.cells.get(INDEX, "")), top, linked)
            yield SourceRow(row.number, cells)

    return Table(columns, rows(), main.row_count)


def _attach(
    cells: dict[str, Any], index: str, children: list[LinkedInstances], linked: dict[str, LinkedInstances]
) -> None:
    for child in children:
        instances = child.by_parent.get(index)
        if not instances:
            continue
        nested = [
            linked[title]
            for title, sheet in linked.items()
            if sheet.repeat.repeat_chain[:-1] and sheet.repeat.repeat_chain[-2] is child.repeat
        ]
        found: list[dict[str, Any]] = []
        for instance in instances:
            own_index = _key(instance.pop(INDEX, ""))
            if nested:
                _attach(instance, own_index, nested, linked)
            found.append(instance)
        cells[child.repeat.name] = found


def _repeat_sheets(path: Path, form: FormDefinition, exported: bool) -> dict[str, LinkedInstances]:
    repeats = repeat_sheet_titles(form)
    linked: dict[str, LinkedInstances] = {}
    for title in sheet_titles(path)[1:]:
        repeat = repeats.get(title.casefold())
        if repeat is None or any(sheet.repeat is repeat for sheet in linked.values()):
            continue  # the dictionary and metadata sheets, or any sheet of the person's own
        table = read_table(path, title)
        if PARENT_INDEX not in table.columns:
            raise ImportFileError("no_parent_column", path.name, title, PARENT_INDEX)
        fields = direct_fields(repeat.children)
        names = header_names(form, table.columns, fields, exported=exported)
        known = {q.name for q in fields if q.answerable}
        for column in table.columns:
            name = names[column]
            if name is not None and name not in known and column != INDEX:
                raise ImportFileError("not_a_repeat_field", path.name, column, title, repeat.name)
        sheet = LinkedInstances(repeat, title)
        for row in table:
            parent = _key(row.cells.get(PARENT_INDEX, ""))
            instance = _renamed(row.cells, names)
            if INDEX in row.cells:
                instance[INDEX] = row.cells[INDEX]
            sheet.by_parent.setdefault(parent, []).append(instance)
        linked[title] = sheet
    return linked
