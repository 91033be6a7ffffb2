"""Published form versions, loaded once per process, and checking a record's answers against the one it names.

The form engine (forms.engine) parses the XLSForm; a loaded FormDefinition, and its rules compiled for
checking many records (forms.engine.fast_validate: the same problems as FormDefinition.validate without
a form session per record), are cached per (form_id, version) because published versions never change
(publishing makes a new version).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from forms.engine import load_form_bytes
from forms.engine.fast_validate import CompiledValidator, compile_validator
from sync.server.models import FormVersionRow

log = logging.getLogger("sync.server.validation")

# Problem parameters that could echo what a person typed: never sent back or stored in an answer.
_PERSONAL_PARAMS = frozenset({"value", "values", "answer"})

# The global cap on one answer's length, whatever the form says (a form caps a field further with a
# constraint such as `string-length(.) <= 100`, which the form engine checks). Long enough for an
# address or a note; a 4.9 MB "name" is refused before the form engine ever sees it.
MAX_ANSWER_CHARS = 2000


@dataclass(frozen=True)
class FormIdentity:
    form_id: str
    version: str
    title: str


class PublishedForm:
    """One published version: the file and, loaded on first use, its definition."""

    def __init__(self, form_id: str, version: str, filename: str, content: bytes) -> None:
        self.form_id = form_id
        self.version = version
        self.filename = filename
        self._content = content
        self._definition: Any = None
        self._validator: CompiledValidator | None = None
        self._lock = threading.Lock()

    def definition(self) -> Any:
        with self._lock:
            if self._definition is None:
                self._definition = load_form_bytes(self._content, self.filename)
            return self._definition

    def validator(self) -> CompiledValidator:
        """The form's rules compiled once for this version (forms.engine.fast_validate)."""
        definition = self.definition()
        with self._lock:
            if self._validator is None:
                self._validator = compile_validator(definition)
            return self._validator

    def validate(self, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The answers' problems as JSON-ready dicts (empty when the record is valid)."""
        return self.validate_many([answers])[0]

    def validate_many(self, many: Sequence[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
        """``validate`` of each, in order: a batch's records checked as at one moment, the clock read
        once (CompiledValidator.checking; the validator's lock is taken per record)."""
        try:
            validator = self.validator()
        except Exception as exc:
            return [self._unreadable(exc) for _ in many]
        found: list[list[dict[str, Any]]] = []
        with validator.checking() as check:
            for answers in many:
                try:
                    problems = check(dict(answers))
                except Exception as exc:
                    found.append(self._unreadable(exc))
                    continue
                found.append([problem_to_json(problem) for problem in problems])
        return found

    def _unreadable(self, exc: Exception) -> list[dict[str, Any]]:
        log.warning("form %s %s could not check a record: %s", self.form_id, self.version, type(exc).__name__)
        return [{"code": "unreadable_answers", "field": None, "params": {}}]


def too_long_answers(answers: Mapping[str, Any]) -> tuple[dict[str, Any], ...]:
    """A `too_long` problem for each answer (also inside repeats) longer than MAX_ANSWER_CHARS."""
    for value in answers.values():  # the usual record: flat, short texts and numbers (nothing to report)
        kind = type(value)
        if kind is str:
            if len(value) > MAX_ANSWER_CHARS:
                break
        elif value is not None and kind is not int and kind is not float and kind is not bool:
            break  # a group, a repeat or a list: walked below
    else:
        return ()
    problems: list[dict[str, Any]] = []
    pending: list[tuple[str, Any]] = list(answers.items())
    while pending:
        name, value = pending.pop()
        if isinstance(value, str) and len(value) > MAX_ANSWER_CHARS:
            field = str(name)[:200]
            problems.append({"code": "too_long", "field": field, "params": {"max": MAX_ANSWER_CHARS}})
        elif isinstance(value, dict):
            pending.extend((f"{name}/{key}", inner) for key, inner in value.items())
        elif isinstance(value, list):
            pending.extend((str(name), inner) for inner in value)
    return tuple(sorted(problems, key=lambda problem: problem["field"]))


def problem_to_json(problem: Any) -> dict[str, Any]:
    params = getattr(problem, "params", None) or {}
    safe_params = {
        str(key): value
        for key, value in params.items()
        if key not in _PERSONAL_PARAMS and isinstance(value, str | int | float | bool | type(None))
    }
    return {
        "code": str(getattr(problem, "code", "invalid")),
        "field": getattr(problem, "field", None),
        "params": safe_params,
    }


class FormCatalog:
    """Per-process cache of published form versions (thread-safe; versions are immutable once published)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._forms: dict[tuple[str, str], PublishedForm] = {}
        self._lock = threading.Lock()

    def get(self, form_id: str, version: str) -> PublishedForm | None:
        key = (form_id, version)
        with self._lock:
            cached = self._forms.get(key)
        if cached is not None:
            return cached
        with self._factory() as session:
            row = session.execute(
                select(FormVersionRow.filename, FormVersionRow.content).where(
                    FormVersionRow.form_id == form_id, FormVersionRow.version == version
                )
            ).first()
        if row is None:
            return None  # not cached: the version may be published a minute from now
        published = PublishedForm(form_id, version, row.filename, bytes(row.content))
        with self._lock:
            return self._forms.setdefault(key, published)


def read_form_identity(content: bytes, filename: str) -> FormIdentity:
    """Load the XLSForm with the form engine (raises FormError naming what is wrong) and read its identity."""
    definition = load_form_bytes(content, filename)
    return FormIdentity(
        form_id=str(definition.form_id), version=str(definition.version), title=str(definition.title or "")
    )
