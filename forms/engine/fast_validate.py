"""Validation of many answers dicts against one form, without building a form session for each.

``FormDefinition.validate`` builds a FormSession per record: a deep copy of the XForm instance, every
node found again by XPath, every field's address recomputed. A server checks thousands of records of
the same form version, so ``CompiledValidator`` does that work once: it keeps one instance document
whose nodes are found once, and per record only resets the texts, loads the answers, runs the form's
rules (the same compiled XPath, the same ENV, in the same order) and reads the problems, exactly as
FormSession and instance_io do (tests/forms/engine/test_fast_validate.py compares both on many
generated submissions, valid and invalid).

Forms with repeats or choice filters (whose nodes come and go, or whose problems depend on the
offered choices) are validated by ``FormDefinition.validate`` itself: ``compile_validator`` says so by
returning a validator whose ``fast`` is False.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .compiled_rules import compile_rule
from .expressions import _resolve, compile_check, is_instance_path, references
from .functions import ENV, to_bool
from .model import Question, pick
from .problems import Problem
from .session import _OUTPUT, _evaluate, _text_of
from .values import INT_MAX, INT_MIN, to_instance_text
from .xpath_parser import walk

if TYPE_CHECKING:
    from .definition import FormDefinition


MEMO_SIZE = 4096  # remembered results per rule
_MISSING = object()
_CHOICES = ("select_one", "select_multiple")
# functions whose result is not a function of the answers they are given (today() is: of the date too)
_UNREMEMBERED = {"now", "random", "uuid", "once", "position", "last", "instance", "primary", "current"}


def _memo_inputs(text: str, context: str, leaves: set[str]) -> list[str] | None:
    """The answers a rule's result depends on (sorted paths), or None when that cannot be told
    from the expression: variables, predicates, axes, wildcards, secondary instances, groups."""
    node = compile_check(text)
    for part in walk(node):
        if part.kind == "var":
            return None
        if part.kind == "call" and part.value.removeprefix("jr:") in _UNREMEMBERED:
            return None
        if part.kind == "path":
            if is_instance_path(part) or part.head is not None:
                return None
            steps = [step for step, _ in part.steps]
            if any(predicates for _, predicates in part.steps) or any(
                step == "" or step == "*" or step.startswith("@") or "::" in step or "(" in step
                for step in steps
            ):
                return None
            if _resolve("" if part.absolute else context, steps) not in leaves:
                return None
    inputs = references(node, context)
    return sorted(inputs) if inputs <= leaves else None


class CompiledValidator:
    """``validate(answers)`` gives exactly ``definition.validate(answers)``, faster for many records."""

    def __init__(
        self,
        definition: FormDefinition,
        clock: Callable[[], datetime] | None = None,
        compiled_rules: bool = True,
    ) -> None:
        self.definition = definition
        self._compiled_rules = compiled_rules
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._lock = threading.Lock()
        self.fast = not definition.repeat_paths and not definition.choice_filters
        if self.fast:
            self._compile()

    # --- once per form version ------------------------------------------------------------------
    def _compile(self) -> None:
        definition = self.definition
        self.language = definition.resolve_language(None)
        self.doc = copy.deepcopy(definition.template)
        self._texts = [(element, element.text) for element in self.doc.iter()]
        self._at: dict[str, Any] = {}
        for path in definition.by_path:
            found = definition.locators[path](self.doc)
            if len(found) != 1:  # a form whose instance is not one node per question: no shortcut
                self.fast = False
                return
            self._at[path] = found[0]
        # each node's ancestors (itself first) that have a relevance rule: what visibility depends on
        relevant_paths = {rule.question.path for rule in definition.rules if rule.kind == "relevant"}
        # the nodes a relevance rule hides when false: its own node and everything under it
        self._hides: dict[Any, list[Any]] = {}
        for element in self._at.values():
            node = element
            while node is not None:
                if _path(node) in relevant_paths:
                    self._hides.setdefault(node, []).append(element)
                node = node.getparent()
        leaves = {path for path, question in definition.by_path.items() if not question.children}
        read = set().union(*(rule.reads for rule in definition.rules))
        leaf_elements = {path: self._at[path] for path in leaves}
        self._rules: list[tuple[str, Any, Any, list[Any] | None, Any, dict[Any, Any], Any]] = []
        self._dated_memos: list[dict[Any, Any]] = []  # the memos of rules that read today's date
        self._memo_day: date | None = None  # the day those hold results of
        for rule in definition.rules:
            if rule.kind == "calculate" and not self._needed(rule.question, read):
                continue  # a calculation no rule reads and nothing checks: it cannot change a problem
            inputs = _memo_inputs(rule.text, rule.question.path, leaves)
            uses_today = "today" in rule.text
            elements = None if inputs is None else [self._at[path] for path in inputs]
            element = self._at[rule.question.path]
            # the rule as a Python closure when its shape allows (compiled_rules.py), else lxml's XPath
            closure = (
                compile_rule(rule.text, rule.question.path, element, leaf_elements)
                if self._compiled_rules
                else None
            )
            memo: dict[Any, Any] = {}
            if uses_today:
                self._dated_memos.append(memo)
            single = elements[0] if elements is not None and len(elements) == 1 else None
            self._rules.append((rule.kind, rule.xpath, element, elements, single, memo, closure))
        self._answerable = [(q, self._at[q.path]) for q in definition.by_path.values() if q.answerable]
        # what loading an answer needs, by the answer's name (instance_io.load_answers' look-ups, done once)
        # (a choice question's typings of texts are remembered: a pure function of the choices and the text,
        # and a country list is hundreds of choices, set up again on each call otherwise)
        self._loads: dict[str, tuple[Question, Any, bool, dict[str, tuple[str, Problem | None]] | None]] = {
            name: (q, self._at[q.path], q.answerable, {} if q.type in _CHOICES else None)
            for name, q in definition.by_name.items()
            if q.kind != "group"
        }
        self._checked = [
            (q, self._at[q.path], q.path.rsplit("/", 1)[1])
            for q in definition.by_path.values()
            if q.kind == "question" and q.type not in ("note", "metadata")
        ]
        self._metadata = [
            (q, self._at[q.path])
            for q in definition.by_path.values()
            if q.type == "metadata" and not q.repeat_chain
        ]

    def _needed(self, question: Question, read: set[str]) -> bool:
        return (
            question.path in read
            or question.answerable
            or question.rules.constraint is not None
            or any("{{" in text for texts in self._message_texts() for text in texts.values())
        )

    def _message_texts(self) -> list[dict[str, str]]:
        return [
            texts
            for question in self.definition.by_path.values()
            for texts in (question.required_messages, question.constraint_messages)
        ]

    # --- once per record ------------------------------------------------------------------------
    def validate(self, answers: dict[str, Any]) -> list[Problem]:
        with self.checking() as check:
            return check(answers)

    @contextmanager
    def checking(self) -> Iterator[Callable[[dict[str, Any]], list[Problem]]]:
        """``check(answers)``, each giving what ``validate(answers)`` gives, for many records in a row
        (a batch): the clock is read once (the records are checked as at one moment). The validator's
        lock is still taken per record, so the threads checking other batches take turns with this one,
        as with ``validate``. (Holding it for a whole batch was measured slower in the server: the
        batches' phases then overlap, and a batch's database work waits for the interpreter behind
        another's validation.)"""
        if not self.fast:
            yield self.definition.validate
            return
        now = self._clock()
        stamp, today = now.isoformat(timespec="milliseconds"), now.date()

        def clock() -> datetime:
            return now

        def check(answers: dict[str, Any]) -> list[Problem]:
            if not answers:  # an empty record is a fresh form: defaults fire
                return self.definition.validate(answers)
            with self._lock:
                if today != self._memo_day:  # what rules reading today's date remember is of another day
                    for memo in self._dated_memos:
                        memo.clear()
                    self._memo_day = today
                self._activate(clock)  # (a form session, or another batch, may have set them meanwhile)
                return self._validate(answers, stamp, today)

        yield check

    def _activate(self, clock: Callable[[], datetime]) -> None:
        ENV.now = clock
        ENV.instances = self.definition.secondary
        ENV.choice_label = self._choice_label
        ENV.primary = self.doc

    def _validate(self, answers: dict[str, Any], stamp: str, today: date) -> list[Problem]:
        """``stamp``: the moment of checking as a start/end preload writes it, ``today``: its date."""
        for element, text in self._texts:
            element.text = text
        relevant: dict[Any, bool] = {}
        required: dict[Any, bool] = {}
        constraint: dict[Any, bool] = {}
        states = {"relevant": relevant, "required": required, "readonly": {}, "constraint": constraint}
        invalid: dict[Any, Problem] = {}
        problems: list[Problem] = []
        # instance_io.load_answers, at the top level (no repeats here)
        loads = self._loads
        for key, value in answers.items():
            if key == "meta":
                continue
            load = loads.get(key)
            if load is None:  # no such question, or a group
                problems.append(Problem("unknown_field", {}, key))
                continue
            question, element, answerable, typings = load
            if answerable:
                if typings is None or type(value) is not str:
                    text, problem = _plain_typed(question.type, value) or to_instance_text(question, value)
                else:
                    typed = typings.get(value)
                    if typed is None:
                        if len(typings) >= MEMO_SIZE:
                            typings.clear()
                        typed = typings[value] = to_instance_text(question, value)
                    text, problem = typed
                if problem is not None:
                    invalid[element] = problem
                    problems.append(problem.at(key))
                element.text = text or None
            elif value not in (None, ""):
                element.text = str(value)
        # FormSession._preload of a reopened record
        meta = answers.get("meta") or {}
        if not isinstance(meta, dict):
            meta = {}
        for question, element in self._metadata:
            restored = meta.get(question.name)
            if restored:
                element.text = str(restored)
            elif question.preload in ("start", "end"):
                element.text = stamp
            elif question.preload == "today":
                element.text = today.isoformat()
            elif question.preload == "deviceid":
                element.text = ""
            elif question.preload == "instanceID":
                element.text = "uuid:00000000-0000-4000-8000-000000000000"  # any id: never checked
        # FormSession._run, every rule in the definition's order
        # (a rule whose result depends only on answers, and on today's date, is remembered by them)
        # (the memos of rules that read today's date hold today's results only: see checking)
        for kind, xpath, element, inputs, single, memo, closure in self._rules:
            if kind == "constraint" and not element.text:
                constraint[element] = True
                continue
            memo_key: Any = _MISSING
            if inputs is not None:
                memo_key = single.text if single is not None else tuple([node.text for node in inputs])
                result = memo.get(memo_key, _MISSING)
                if result is not _MISSING:
                    if kind == "calculate":
                        element.text = result
                    else:
                        states[kind][element] = result
                    continue
            value = _MISSING
            if closure is not None:
                try:
                    value = closure()
                except Exception:  # a conversion it leaves to libxml2 (Unsupported), or any error
                    value = _MISSING  # lxml evaluates it below, and raises what it raises
            if value is _MISSING:
                value = _evaluate(xpath, element)
            if kind == "calculate":
                result = element.text = _text_of(value) or None
            else:
                result = states[kind][element] = to_bool(value)
            if memo_key is not _MISSING:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[memo_key] = result

        hidden = {node for gate, shown in relevant.items() if not shown for node in self._hides[gate]}

        def visible(element: Any) -> bool:
            return element not in hidden

        # instance_io.irrelevant_answers (nothing is hidden in most records: no answer to refuse)
        if hidden:
            reported = {problem.field for problem in problems}
            for question, element in self._answerable:
                if element in hidden and element.text:
                    address = question.path.rsplit("/", 1)[1]
                    if address not in reported:
                        problems.append(Problem("not_relevant", {}, address))
        # FormSession.errors, then FormDefinition.validate's merge
        seen = {(problem.field, problem.code) for problem in problems}
        found: dict[str, Problem] = {}
        for question, element, address in self._checked:
            # the usual answer first: shown, typed well, given and within its constraint (as _problem)
            if element in hidden:
                continue
            if element in invalid:
                found[address] = invalid[element]
                continue
            if element.text and constraint.get(element, True):
                continue
            problem = self._problem(question, element, visible, invalid, required, constraint)
            if problem is not None:
                found[address] = problem
        for address, problem in found.items():
            if (address, problem.code) not in seen:
                problems.append(problem.at(address))
        return problems

    def _problem(
        self,
        question: Question,
        element: Any,
        visible: Callable[[Any], bool],
        invalid: dict[Any, Problem],
        required: dict[Any, bool],
        constraint: dict[Any, bool],
    ) -> Problem | None:
        if not visible(element):
            return None
        if element in invalid:
            return invalid[element]
        default = self.definition.default_language
        if not element.text:
            if _required(question, element, required):
                message = pick(question.required_messages, self.language, default) or None
                return Problem("required", {"message": self._render(message, element) if message else None})
            return None
        if not constraint.get(element, True):
            message = pick(question.constraint_messages, self.language, default) or None
            return Problem("constraint", {"message": self._render(message, element) if message else None})
        return None

    def _render(self, text: str, element: Any) -> str:
        if "{{" not in text:
            return text
        return _OUTPUT.sub(
            lambda m: _text_of(_evaluate(self.definition.output_xpath(m.group(1)), element)), text
        )

    def _choice_label(self, path: str, value: str) -> str:
        question = self.definition.by_path.get(path)
        for choice in (question.choices or []) if question else []:
            if choice.name == value:
                return pick(choice.labels, self.language, self.definition.default_language)
        return ""


def _plain_typed(kind: str, value: Any) -> tuple[str, None] | None:
    """What values.to_instance_text gives for the most common answers (a text for a text question, a
    32-bit whole number for an integer one, an ISO date as ``date.isoformat`` writes it for a date one),
    None for anything else (then to_instance_text itself decides). test_fast_validate.py compares both."""
    value_type = type(value)
    if value_type is str:
        if kind == "text" or kind == "hidden":
            return ("", None) if value.strip() == "" else (value, None)
        if kind == "date" and len(value) == 10:
            try:
                typed = date.fromisoformat(value).isoformat()
            except ValueError:
                return None
            return (value, None) if typed == value else None
    elif value_type is int and kind == "integer" and INT_MIN <= value <= INT_MAX:
        return str(value), None
    return None


def _required(question: Question, element: Any, required: dict[Any, bool]) -> bool:
    if question.unsupported or not question.answerable:
        return False
    if question.rules.required == "true()":
        return True
    return bool(required.get(element, False))


def _path(element: Any) -> str:
    tags: list[str] = []
    node = element
    while node is not None:
        tags.append(node.tag)
        node = node.getparent()
    return "/" + "/".join(reversed(tags))


def compile_validator(definition: FormDefinition, compiled_rules: bool = True) -> CompiledValidator:
    """``compiled_rules=False``: every rule evaluated by lxml (what the closures are compared with)."""
    return CompiledValidator(definition, compiled_rules=compiled_rules)
