"""KoboToolbox export conventions: which sheets and columns a form gives, and the rows of a record.

- One column per field, headed by its group path (``identity/given_name``), its bare name, or its
  label in a chosen language (then select answers are written as labels too, like Kobo's "Labels").
- A geopoint is its text ("lat lon alt acc") plus ``_<header>_latitude``, ``_longitude``, ``_altitude``
  and ``_precision`` as numbers; traces and shapes stay one text column; an attachment is its file name
  (the files themselves go to a folder beside the workbook: forms.store.attachments).
- A select_multiple is one column (choice names joined by a space) plus, optionally, one 0/1 column
  per choice headed ``field/choice`` (by default for lists of up to 30 choices).
- One sheet per repeat; each repeat row carries ``_index`` (its row number in that sheet),
  ``_parent_table_name``, ``_parent_index`` (the ``_index`` of the row it belongs to) and the record
  UUID, so analysis scripts written for Kobo exports join them unchanged.
- Meta columns after the fields: ``_uuid`` (the record UUID), ``_version_id``, ``__version__``,
  ``_submission_time`` (UTC), ``_created_time``, ``_status``, ``_batch``, ``_operator``, ``_device``,
  ``_index``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from forms.engine.definition import FormDefinition
from forms.engine.expressions import ExpressionError, compile_check
from forms.engine.model import Choice, Question, pick
from forms.engine.values import split_geopoint
from forms.errors import DeskError

from .source import ExportRecord
from .values import Converter, converter_for, utc_datetime

MAIN_META = ("_uuid", "_version_id", "__version__", "_submission_time", "_created_time", "_status",
             "_batch", "_operator", "_device", "_index")  # fmt: skip
REPEAT_META = ("_index", "_parent_table_name", "_parent_index", "_submission__uuid",
               "_submission__submission_time")  # fmt: skip
SKIPPED_TYPES = {"note", "group", "repeat"}
GEOPOINT_PARTS = ("latitude", "longitude", "altitude", "precision")
SHEET_TITLE_MAX = 31
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")

_BIND_KINDS = {"int": "integer", "decimal": "decimal", "date": "date", "dateTime": "datetime",
               "time": "time"}  # fmt: skip

_NUMERIC_FUNCTIONS = {"int", "round", "number", "count", "sum", "count-selected", "string-length",
                      "floor", "ceiling", "abs", "pow", "sqrt", "count-non-empty", "decimal-date-time",
                      "min", "max"}  # fmt: skip
_ARITHMETIC = {"+", "-", "*", "div", "mod"}


def numeric_calculation(expression: str | None) -> bool:
    """pyxform types every calculation as a string; one whose outermost operation is arithmetic or a
    numeric function (``int((today() - ${birth}) div 365.25)``) gives numbers: export them as such."""
    if not expression:
        return False
    try:
        node = compile_check(expression)
    except ExpressionError:
        return False
    while node.kind == "paren" and node.args:
        node = node.args[0]
    if node.kind in ("num", "neg"):
        return True
    if node.kind == "call":
        return node.value in _NUMERIC_FUNCTIONS
    return node.kind == "binary" and node.value in _ARITHMETIC


Getter = Callable[[dict[str, Any], list[Any]], None]


@dataclass(frozen=True)
class ColumnOptions:
    language: str | None = None  # None: names as headers and values; else labels in this language
    group_paths: bool = True  # headers "group/field" (Kobo's default) rather than "field"
    split_select_multiple: bool = True  # one extra 0/1 column per choice...
    # ...for lists up to this many choices (0: any length). 249 columns of zeros for "nationalities"
    # help no analyst and would triple the size and time of the export.
    split_max_choices: int = 30
    typed: bool = True  # real dates and numbers (XLSX); False keeps ISO text (CSV)


@dataclass
class DictionaryEntry:
    """One line of the dictionary sheet: a column, the field behind it, or one of its choices."""

    sheet: str
    column: str
    question: Question
    choice: Choice | None = None


@dataclass
class SheetLayout:
    """A sheet's title, headers and the getters that turn one answers dict into one row."""

    title: str
    table: str  # the logical table name: the main title, or the repeat's name
    repeat: Question | None
    key: str = ""  # a repeat's key in its parent's answers (its name, or its group path: contracts.md)
    headers: list[str] = field(default_factory=list)
    getters: list[Getter] = field(default_factory=list)
    entries: list[DictionaryEntry] = field(default_factory=list)
    children: list[SheetLayout] = field(default_factory=list)

    def values(self, answers: dict[str, Any]) -> list[Any]:
        row: list[Any] = []
        for getter in self.getters:
            getter(answers, row)
        return row


def unique_title(base: str, taken: set[str], suffix: str = "") -> str:
    """A valid Excel sheet title (<= 31 characters, none of []:*?/\\), unique without regard to case."""
    cleaned = _BAD_TITLE.sub("_", base).strip().strip("'") or "data"
    number = 1
    while True:
        tail = suffix if number == 1 else f"{suffix} ({number})"
        title = cleaned[: SHEET_TITLE_MAX - len(tail)] + tail
        if title.lower() not in taken:
            taken.add(title.lower())
            return title
        number += 1


def resolve_language(form: FormDefinition, language: str | None) -> str | None:
    """The form's name for ``language`` ('fr', 'French', 'French (fr)'); an unknown one is an error."""
    if not language:
        return None
    wanted = language.strip().lower()
    for name in form.languages:
        lowered = name.lower()
        code = lowered[lowered.rfind("(") + 1 : -1] if lowered.endswith(")") else None
        if wanted in (lowered, code, lowered.split(" (")[0]):
            return name
    known = ", ".join(form.languages) or "none"
    raise DeskError(f"the form has no language '{language}'; its languages are: {known}", exit_code=2)


class Layouts:
    """The sheets of one form under one set of options, and the rows of each record."""

    def __init__(self, form: FormDefinition, options: ColumnOptions, taken_titles: set[str]) -> None:
        self.form = form
        self.options = options
        self.language = resolve_language(form, options.language)
        self._root_prefix = f"/{form.root_tag}/"
        self._headers = self._unambiguous_headers(form.questions)
        main_title = unique_title(form.title or form.form_id or "data", taken_titles)
        self.main = SheetLayout(title=main_title, table=main_title, repeat=None)
        self.sheets: list[SheetLayout] = [self.main]
        self._fill(self.main, form.questions, taken_titles)
        self.main.headers.extend(MAIN_META)
        self._rename_meta_collisions(self.main, MAIN_META)
        for sheet in self.sheets[1:]:
            self._rename_meta_collisions(sheet, REPEAT_META)
        self._counters: dict[str, int] = {sheet.title: 0 for sheet in self.sheets}

    # --- layout -------------------------------------------------------------------------------------
    def _fill(self, sheet: SheetLayout, questions: list[Question], taken: set[str]) -> None:
        for question in questions:
            if question.kind == "repeat":
                child = SheetLayout(
                    title=unique_title(question.name, taken),
                    table=question.name,
                    repeat=question,
                    key=question.key or question.name,
                )
                sheet.children.append(child)
                self.sheets.append(child)
                self._fill(child, question.children, taken)
                child.headers.extend(REPEAT_META)
            elif question.kind == "group":
                if question.path == f"{self._root_prefix}meta":
                    continue  # instanceID and friends are the _version_id meta column
                self._fill(sheet, question.children, taken)
            elif question.type not in SKIPPED_TYPES and not question.unsupported:
                self._add_field(sheet, question)

    def _header(self, question: Question) -> str:
        return self._headers.get(question.path) or self._plain_header(question)

    def _plain_header(self, question: Question) -> str:
        if self.language is not None:
            return question.label(self.language, self.form.default_language) or question.name
        if self.options.group_paths and question.path.startswith(self._root_prefix):
            return question.path[len(self._root_prefix) :]
        return question.name

    def _group_path(self, question: Question) -> str:
        """The enclosing groups (up to the nearest repeat) by label, or by name without labels."""
        parts: list[str] = []
        node = question.parent
        while node is not None and node.kind == "group":
            if self.language is not None:
                parts.insert(0, node.label(self.language, self.form.default_language) or node.name)
            else:
                parts.insert(0, node.name)
            node = node.parent
        return "/".join(parts)

    def _unambiguous_headers(self, questions: list[Question]) -> dict[str, str]:
        """Headers that two fields of one sheet would share (two "Téléphone" labels, or one name in
        two groups without group paths) get the path of their groups: "Contacts/Téléphone"."""
        by_sheet: dict[str | None, list[Question]] = {}
        for top in questions:
            for node in top.walk():
                if node.kind == "question":
                    chain = node.repeat_chain
                    by_sheet.setdefault(chain[-1].path if chain else None, []).append(node)
        headers: dict[str, str] = {}
        for fields in by_sheet.values():
            plain = {q.path: self._plain_header(q) for q in fields}
            counts: dict[str, int] = {}
            for header in plain.values():
                counts[header.casefold()] = counts.get(header.casefold(), 0) + 1
            for question in fields:
                header = plain[question.path]
                if counts[header.casefold()] > 1:
                    group = self._group_path(question)
                    header = f"{group}/{header}" if group else header
                headers[question.path] = header
            seen: dict[str, int] = {}
            for question in fields:  # still equal (same label in the same group): add the field name
                key = headers[question.path].casefold()
                seen[key] = seen.get(key, 0) + 1
            for question in fields:
                if seen[headers[question.path].casefold()] > 1:
                    headers[question.path] = f"{headers[question.path]} ({question.name})"
        return headers

    @staticmethod
    def _rename_meta_collisions(sheet: SheetLayout, meta: tuple[str, ...]) -> None:
        """A field headed like one of the exporter's own columns (a Kobo form's ``__version__``
        calculation) is headed ``<header> (form field)``: the two never share a header."""
        fields = len(sheet.headers) - len(meta)
        reserved = {name.casefold() for name in meta}
        for index in range(fields):
            if sheet.headers[index].casefold() in reserved:
                renamed = f"{sheet.headers[index]} (form field)"
                for entry in sheet.entries:
                    if entry.column == sheet.headers[index]:
                        entry.column = renamed
                sheet.headers[index] = renamed

    def _choice_text(self, choice: Choice) -> str:
        if self.language is None:
            return choice.name
        return pick(choice.labels, self.language, self.form.default_language) or choice.name

    def _add_field(self, sheet: SheetLayout, question: Question) -> None:
        header = self._header(question)
        sheet.headers.append(header)
        sheet.entries.append(DictionaryEntry(sheet.title, header, question))
        kind = question.preload if question.type == "metadata" else question.type
        if kind in ("calculate", "hidden"):  # typed by its bind: a calculated age is a number
            kind = _BIND_KINDS.get(question.bind_type, kind)
            if kind == "calculate" and numeric_calculation(question.rules.calculate):
                kind = "number"
        convert = converter_for(kind or "text", self.options.typed)
        name = question.name if question.type == "metadata" else (question.key or question.name)
        if question.type == "metadata":
            sheet.getters.append(_meta_getter(name, convert))
        elif question.type == "geopoint":
            sheet.getters.append(self._geopoint_getter(sheet, question, header, name))
        elif question.type in ("select_one", "select_multiple") and question.choices:
            texts = {choice.name: self._choice_text(choice) for choice in question.choices}
            if question.type == "select_one":
                sheet.getters.append(_select_one_getter(name, texts, self.language is not None))
            else:
                sheet.getters.append(self._select_multiple_getter(sheet, question, header, texts))
        else:
            sheet.getters.append(_plain_getter(name, convert))

    def _geopoint_getter(self, sheet: SheetLayout, question: Question, header: str, name: str) -> Getter:
        """The point as recorded, then ``_<header>_latitude``, ``_longitude``, ``_altitude`` and
        ``_precision`` as numbers (KoboToolbox's columns)."""
        for part in GEOPOINT_PARTS:
            column = f"_{header}_{part}"
            sheet.headers.append(column)
            sheet.entries.append(DictionaryEntry(sheet.title, column, question))
        typed = self.options.typed

        def getter(answers: dict[str, Any], row: list[Any]) -> None:
            value = answers.get(name)
            if value is None or value == "":
                row.extend([None] * (1 + len(GEOPOINT_PARTS)))
                return
            text = str(value)
            row.append(text)
            if typed:
                row.extend(split_geopoint(text))
            else:  # CSV: the numbers as recorded
                parts = text.split()[: len(GEOPOINT_PARTS)]
                row.extend([*parts, *([None] * (len(GEOPOINT_PARTS) - len(parts)))])

        return getter

    def _select_multiple_getter(
        self, sheet: SheetLayout, question: Question, header: str, texts: dict[str, str]
    ) -> Getter:
        name = question.key or question.name
        choices = [choice.name for choice in question.choices or []]
        limit = self.options.split_max_choices
        split = self.options.split_select_multiple and (limit <= 0 or len(choices) <= limit)
        if split:
            for choice in question.choices or []:
                column = f"{header}/{self._choice_text(choice)}"
                sheet.headers.append(column)
                sheet.entries.append(DictionaryEntry(sheet.title, column, question, choice))
        labels = self.language is not None

        def getter(answers: dict[str, Any], row: list[Any]) -> None:
            value = answers.get(name)
            if value is None or value == "":
                row.append(None)
                if split:
                    row.extend([None] * len(choices))
                return
            picked = str(value).split()
            row.append("; ".join(texts.get(p, p) for p in picked) if labels else " ".join(picked))
            if split:
                chosen = set(picked)
                row.extend([1 if choice in chosen else 0 for choice in choices])

        return getter

    # --- rows ---------------------------------------------------------------------------------------
    def rows(self, record: ExportRecord) -> list[tuple[SheetLayout, list[Any]]]:
        """The main row of ``record`` and the rows of its repeats, each with the sheet it goes to."""
        typed = self.options.typed
        answers = record.answers
        submitted = utc_datetime(record.updated_at, typed)
        main = self.main
        self._counters[main.title] += 1
        index = self._counters[main.title]
        row = main.values(answers)
        row += [record.record_id, record.version_id, self.form.version, submitted,
                utc_datetime(record.created_at, typed), record.status, record.batch_id, record.operator,
                record.device_id, index]  # fmt: skip
        out = [(main, row)]
        if main.children:
            self._repeat_rows(main, answers, index, record.record_id, submitted, out)
        return out

    def _repeat_rows(
        self,
        parent: SheetLayout,
        answers: dict[str, Any],
        parent_index: int,
        record_id: str,
        submitted: Any,
        out: list[tuple[SheetLayout, list[Any]]],
    ) -> None:
        for child in parent.children:
            instances = answers.get(child.key or child.table)
            if not isinstance(instances, list):
                continue
            for instance in instances:
                if not isinstance(instance, dict):
                    continue
                self._counters[child.title] += 1
                index = self._counters[child.title]
                row = child.values(instance)
                row += [index, parent.table, parent_index, record_id, submitted]
                out.append((child, row))
                if child.children:
                    self._repeat_rows(child, instance, index, record_id, submitted, out)

    def row_counts(self) -> dict[str, int]:
        return dict(self._counters)


def _plain_getter(name: str, convert: Converter) -> Getter:
    def getter(answers: dict[str, Any], row: list[Any]) -> None:
        value = answers.get(name)
        row.append(None if value is None or value == "" else convert(value))

    return getter


def _meta_getter(name: str, convert: Converter) -> Getter:
    def getter(answers: dict[str, Any], row: list[Any]) -> None:
        meta = answers.get("meta")
        value = meta.get(name) if isinstance(meta, dict) else None
        if value is None:
            value = answers.get(name)  # a caller that kept start/end at the top level
        row.append(None if value is None or value == "" else convert(value))

    return getter


def _select_one_getter(name: str, texts: dict[str, str], labels: bool) -> Getter:
    def getter(answers: dict[str, Any], row: list[Any]) -> None:
        value = answers.get(name)
        if value is None or value == "":
            row.append(None)
        else:
            text = str(value)
            row.append(texts.get(text, text) if labels else text)

    return getter
