"""FormSession: one form being filled in. The GUI, the importer and the server all use this API.

Answers live in an lxml copy of the XForm instance, so every rule is plain XPath 1.0 evaluated by
lxml. ``set()`` recomputes only the rules that depend on the changed answer (dependency graph built
at load time). A field inside a repeat is addressed as ``"household[2]/member_age"`` (1-based, as in
XPath) or by name with ``at=(1,)`` (0-based indices of the enclosing repeats).
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from . import instance_io
from .dependencies import Rule
from .functions import ENV, format_number, to_bool, to_num, to_str
from .model import Question, pick
from .problems import Problem
from .values import from_instance_text, to_instance_text

if TYPE_CHECKING:
    from .definition import FormDefinition

_ADDRESS_STEP = re.compile(r"^([^\[\]/]+)\[(\d+)\]$")


def parse_address(address: str) -> tuple[str, tuple[int, ...]]:
    """ "a[2]/b[1]/c" -> ("c", (1, 0)); "a[2]" (a repeat instance) -> ("a", (1,)); the key after the
    last repeat step may hold a group path: "a[2]/contact/phone" -> ("contact/phone", (1,))."""
    return _split_address(address)[1:]


def _split_address(address: str) -> tuple[str | None, str, tuple[int, ...]]:
    """(the innermost repeat's name or None, the key, the 0-based instance indexes)."""
    steps = address.split("/")
    indices: list[int] = []
    repeat: str | None = None
    for position, step in enumerate(steps):
        match = _ADDRESS_STEP.match(step)
        if match is None:
            if any(_ADDRESS_STEP.match(rest) for rest in steps[position:]):
                raise KeyError(f"not a field address: {address!r}")
            return repeat, "/".join(steps[position:]), tuple(indices)
        if int(match.group(2)) < 1:
            raise KeyError(f"not a field address: {address!r}")
        indices.append(int(match.group(2)) - 1)
        if position < len(steps) - 1:
            repeat = match.group(1)
    return repeat, _ADDRESS_STEP.match(steps[-1]).group(1), tuple(indices)  # type: ignore[union-attr]


class FormSession:
    """One form being filled in: answers in, visibility, requirements, problems and values out.

    ``answers`` (the dict of docs/contracts.md) reopens a record or a draft; what cannot be typed
    in is collected in ``load_problems`` (``FormDefinition.validate`` reports them).
    """

    def __init__(
        self,
        definition: FormDefinition,
        language: str | None = None,
        answers: dict[str, Any] | None = None,
        *,
        device_id: str = "",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.definition = definition
        self.language = definition.resolve_language(language)
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.device_id = device_id
        self.doc = copy.deepcopy(definition.template)
        self._state: dict[str, dict[Any, Any]] = {
            kind: {} for kind in ("relevant", "required", "readonly", "constraint")
        }
        self._invalid: dict[Any, Problem] = {}
        self.load_problems: list[Problem] = []
        self._activate()
        restored_meta = (answers or {}).get("meta") or {}
        if not isinstance(restored_meta, dict):
            restored_meta = {}
        # meta entries the form has no node for (deprecatedID, set by the store): kept as they came
        self.extra_meta = {
            key: value
            for key, value in restored_meta.items()
            if isinstance(key, str) and isinstance(value, str) and definition.by_name.get(key) is None
        }
        if answers:
            instance_io.load_answers(self, answers, self.doc, None, "")
        self._preload(restored_meta, fresh=not answers)
        for rule in definition.rules:
            self._run(rule)
        if answers:
            self.load_problems.extend(instance_io.irrelevant_answers(self))

    # --- set-up ---------------------------------------------------------------------------------
    def _activate(self) -> None:
        ENV.now = self._clock
        ENV.instances = self.definition.secondary
        ENV.choice_label = self._choice_label
        ENV.primary = self.doc

    def set_language(self, language: str | None) -> None:
        self.language = self.definition.resolve_language(language)

    def _preload(self, meta: dict[str, Any], fresh: bool) -> None:
        now = self._clock()
        for question in self.definition.by_path.values():
            if question.type != "metadata" or question.repeat_chain:
                continue
            element = self._element(question, ())
            restored = meta.get(question.name)
            if restored:
                element.text = str(restored)
            elif question.preload in ("start", "end"):
                element.text = now.isoformat(timespec="milliseconds")
            elif question.preload == "today":
                element.text = now.date().isoformat()
            elif question.preload == "deviceid":
                element.text = self.device_id
            elif question.preload == "instanceID":
                element.text = f"uuid:{uuid.uuid4()}"
        if not fresh:
            return  # expression defaults fire on a new form only (ODK's odk-instance-first-load)
        for ref, xpath in self.definition.default_xpaths.items():
            target = self.definition.by_path[ref]
            if not target.repeat_chain:  # defaults inside repeats apply to each new instance
                element = self._element(target, ())
                if not element.text:
                    element.text = _text_of(_evaluate(xpath, element)) or None

    # --- locating nodes -------------------------------------------------------------------------
    def _elements(self, path: str) -> list[Any]:
        return self.definition.locators[path](self.doc)

    def elements(self, path: str) -> list[Any]:
        """The instance nodes of the question at ``path`` (a definition path such as
        ``"/data/household/member_age"``): one per repeat instance, in document order."""
        return self._elements(path)

    def _resolve(self, name: str, at: tuple[int, ...]) -> tuple[Question, tuple[int, ...]]:
        if name in self.definition.by_name:
            return self.definition.by_name[name], tuple(at)
        if ("/" in name and not name.startswith("/")) or name.endswith("]"):
            repeat, name, at = _split_address(name)
            if repeat is not None and name not in self.definition.by_name:
                return self.definition.question(name, repeat), tuple(at)
        return self.definition.question(name), tuple(at)

    def _element(self, question: Question, at: tuple[int, ...]) -> Any:
        chain = question.repeat_chain  # for a repeat itself, the last index picks its instance
        if len(at) != len(chain):
            raise KeyError(f"{question.name!r} needs {len(chain)} repeat index(es), got {len(at)}")
        element, base = self.doc, f"/{self.definition.root_tag}"
        for repeat, index in zip(chain, at, strict=True):
            instances = element.findall(repeat.path[len(base) + 1 :])
            if not 0 <= index < len(instances):
                raise KeyError(f"{repeat.name!r} has no instance {index + 1}")
            element, base = instances[index], repeat.path
        return element.find(question.path[len(base) + 1 :]) if question.path != base else element

    def element(self, question: Question, at: tuple[int, ...] = ()) -> Any:
        """The instance node of ``question`` in the repeat instances ``at`` (0-based, one index per
        enclosing repeat); ``address(element(q, at))`` names it as ``errors()`` does."""
        return self._element(question, at)

    def address(self, element: Any) -> str:
        """ "name", or "repeat[2]/name" (1-based) for a field inside repeat instances."""
        repeats = self.definition.repeat_paths
        steps: list[str] = []
        node = element
        while node is not None and node.getparent() is not None:
            if _path_of(node) in repeats:
                index = sum(1 for s in node.itersiblings(preceding=True) if s.tag == node.tag) + 1
                steps.insert(0, f"{node.tag}[{index}]")
            node = node.getparent()
        path = _path_of(element)
        node_key = self.definition.by_path[path].key if path in self.definition.by_path else element.tag
        if not steps:
            return node_key
        return "/".join(steps if path in repeats else [*steps, node_key])

    # --- rules ----------------------------------------------------------------------------------
    def _run(self, rule: Rule) -> None:
        kind = rule.kind
        if kind == "repeat_count":
            self._run_repeat_count(rule)
            return
        for element in self._elements(rule.question.path):
            if kind == "constraint" and not element.text:
                self._state[kind][element] = True  # constraints apply only to answers given
            elif kind == "calculate":
                element.text = _text_of(_evaluate(rule.xpath, element)) or None
            else:
                self._state[kind][element] = to_bool(_evaluate(rule.xpath, element))

    def _run_repeat_count(self, rule: Rule) -> None:
        repeat = rule.question
        parent_path = repeat.path.rsplit("/", 1)[0]
        for parent in self._elements(parent_path):
            number = to_num(_evaluate(rule.xpath, parent))
            wanted = 0 if number != number else max(0, min(int(number), 1000))
            instances = parent.findall(repeat.name)
            for extra in instances[wanted:]:
                self._drop(extra)
            for _ in range(wanted - len(instances)):
                self._insert_instance(repeat, parent)

    def _changed(self, path: str) -> None:
        for rule in self.definition.affected.get(path, ()):
            self._run(rule)

    # --- repeats --------------------------------------------------------------------------------
    def _insert_instance(self, repeat: Question, parent: Any, fresh: bool = True) -> Any:
        """A blank instance after the existing ones; ``fresh`` (not restored): apply its defaults."""
        instance = copy.deepcopy(self.definition.repeat_templates[repeat.path])
        existing = parent.findall(repeat.name)
        followers = self.definition.followers[repeat.path]
        if existing:
            existing[-1].addnext(instance)
        else:
            anchor = next((child for child in parent if child.tag in followers), None)
            if anchor is not None:
                anchor.addprevious(instance)
            else:
                parent.append(instance)
        if fresh:
            for ref, xpath in self.definition.repeat_default_xpaths.items():
                if ref.startswith(repeat.path + "/"):
                    element = instance.find(ref[len(repeat.path) + 1 :])
                    if element is not None and not element.text:
                        element.text = _text_of(_evaluate(xpath, element)) or None
        return instance

    def restore_instance(self, repeat: Question, parent: Any) -> Any:
        """Append a repeat instance being reloaded from saved answers under its ``parent`` node and
        return it; its defaults are not applied (the saved answers are what it holds)."""
        return self._insert_instance(repeat, parent, fresh=False)

    def _drop(self, instance: Any) -> None:
        for node in instance.iter():
            self._invalid.pop(node, None)
            for states in self._state.values():
                states.pop(node, None)
        instance.getparent().remove(instance)

    def repeat_count(self, name: str, at: tuple[int, ...] = ()) -> int:
        repeat, at = self._resolve(name, at)
        return len(self._repeat_parent(repeat, at).findall(repeat.name))

    def _repeat_parent(self, repeat: Question, at: tuple[int, ...]) -> Any:
        parent_path = repeat.path.rsplit("/", 1)[0]
        if parent_path == f"/{self.definition.root_tag}":
            return self.doc
        return self._element(self.definition.by_path[parent_path], at)

    def repeat_relevant_from_parent(self, repeat: Question, at: tuple[int, ...] = ()) -> bool:
        """Whether a repeat applies while it has no instance: there is no instance node to ask, so
        its relevant expression is evaluated from the node that holds its instances (``at``: the
        0-based indexes of the repeats around it). True when it has no relevant rule. An address
        with no such node raises KeyError; an expression that cannot be evaluated there may raise
        ValueError."""
        rules = self.definition.rules_by_question.get(repeat.path, [])
        rule = next((r for r in rules if r.kind == "relevant"), None)
        if rule is None:
            return True
        self._activate()
        return to_bool(rule.xpath(self._repeat_parent(repeat, at)))

    def add_repeat(self, name: str, at: tuple[int, ...] = ()) -> int:
        """Add an instance at the end; returns its 0-based index."""
        self._activate()
        repeat, at = self._resolve(name, at)
        parent = self._repeat_parent(repeat, at)
        self._insert_instance(repeat, parent)
        self._changed(repeat.path)
        return len(parent.findall(repeat.name)) - 1

    def remove_repeat(self, name: str, index: int, at: tuple[int, ...] = ()) -> None:
        self._activate()
        repeat, at = self._resolve(name, at)
        instances = self._repeat_parent(repeat, at).findall(repeat.name)
        self._drop(instances[index])
        self._changed(repeat.path)

    # --- answering ------------------------------------------------------------------------------
    def set(self, name: str, value: Any, at: tuple[int, ...] = ()) -> Problem | None:
        """Store one answer; returns the typing problem (the answer is then cleared) or None."""
        self._activate()
        question, at = self._resolve(name, at)
        if not question.answerable:
            return Problem("read_only", {})
        element = self._element(question, at)
        text, problem = to_instance_text(question, value)
        if problem is not None:
            self._invalid[element] = problem
        else:
            self._invalid.pop(element, None)
        if (element.text or "") != text:
            element.text = text or None
            self._changed(question.path)
            self._stamp_end()
        return problem

    def _stamp_end(self) -> None:
        for question in self.definition.end_stamps:
            self._element(question, ()).text = self._clock().isoformat(timespec="milliseconds")

    def value(self, name: str, at: tuple[int, ...] = ()) -> Any:
        question, at = self._resolve(name, at)
        return from_instance_text(question, self._element(question, at).text or "")

    def visible(self, name: str, at: tuple[int, ...] = ()) -> bool:
        question, at = self._resolve(name, at)
        return self._visible(self._element(question, at))

    def element_visible(self, element: Any) -> bool:
        """Whether an instance node applies now: it and every node around it relevant."""
        return self._visible(element)

    def _visible(self, element: Any) -> bool:
        relevant = self._state["relevant"]
        node = element
        while node is not None:
            if not relevant.get(node, True):
                return False
            node = node.getparent()
        return True

    def required(self, name: str, at: tuple[int, ...] = ()) -> bool:
        question, at = self._resolve(name, at)
        return self._required(question, self._element(question, at))

    def _required(self, question: Question, element: Any) -> bool:
        if question.unsupported or not question.answerable:
            return False  # a clerk could never satisfy it here
        if question.rules.required == "true()":
            return True
        return bool(self._state["required"].get(element, False))

    def read_only(self, name: str, at: tuple[int, ...] = ()) -> bool:
        question, at = self._resolve(name, at)
        if not question.answerable or question.rules.readonly == "true()":
            return True
        return bool(self._state["readonly"].get(self._element(question, at), False))

    # --- texts ----------------------------------------------------------------------------------
    def _render(self, text: str, element: Any) -> str:
        if "{{" not in text:
            return text
        self._activate()
        return _OUTPUT.sub(
            lambda m: _text_of(_evaluate(self.definition.output_xpath(m.group(1)), element)), text
        )

    def label(self, name: str, at: tuple[int, ...] = ()) -> str:
        question, at = self._resolve(name, at)
        text = question.label(self.language, self.definition.default_language)
        if question.kind == "repeat" and len(at) < len(question.repeat_chain):
            return text  # the repeat as a whole, not one instance: nothing to fill in
        return self._render(text, self._element(question, at))

    def hint(self, name: str, at: tuple[int, ...] = ()) -> str:
        question, at = self._resolve(name, at)
        return self._render(
            question.hint(self.language, self.definition.default_language), self._element(question, at)
        )

    def choices(self, name: str, at: tuple[int, ...] = ()) -> list[tuple[str, str]]:
        """(name, label) of the choices offered now, after the choice filter, in the session language."""
        question, at = self._resolve(name, at)
        element = self._element(question, at)
        default = self.definition.default_language
        return [
            (c.name, self._render(pick(c.labels, self.language, default), element))
            for c in self._offered(question, element)
        ]

    def _offered(self, question: Question, element: Any) -> list[Any]:
        choices = question.choices or []
        choice_filter = self.definition.choice_filters.get(question.path)
        if choice_filter is None:
            return choices
        self._activate()
        variables = {
            name: _text_of(_evaluate(xpath, element)) for name, xpath in choice_filter.variables.items()
        }
        return [
            c
            for c, item in zip(choices, choice_filter.items, strict=False)
            if to_bool(choice_filter.xpath(item, **variables))
        ]

    def _choice_label(self, path: str, value: str) -> str:
        question = self.definition.by_path.get(path)
        for choice in (question.choices or []) if question else []:
            if choice.name == value:
                return pick(choice.labels, self.language, self.definition.default_language)
        return ""

    # --- problems -------------------------------------------------------------------------------
    def mark_invalid(self, element: Any, problem: Problem) -> None:
        """Record that the answer loaded into ``element`` could not be typed in: ``errors()`` reports
        ``problem`` for it until an answer is set there."""
        self._invalid[element] = problem

    def errors(self) -> dict[str, Problem]:
        """Field address -> its problem, for every visible field that is wrong or missing now."""
        self._activate()
        found: dict[str, Problem] = {}
        for question in self.definition.by_path.values():
            if question.kind != "question" or question.type in ("note", "metadata"):
                continue
            for element in self._elements(question.path):
                problem = self._problem(question, element)
                if problem is not None:
                    found[self.address(element)] = problem
        return found

    def _problem(self, question: Question, element: Any) -> Problem | None:
        if not self._visible(element):
            return None
        if element in self._invalid:
            return self._invalid[element]
        language, default = self.language, self.definition.default_language
        if not element.text:
            if self._required(question, element):
                message = pick(question.required_messages, language, default) or None
                return Problem("required", {"message": self._render(message, element) if message else None})
            return None
        if not self._state["constraint"].get(element, True):
            message = pick(question.constraint_messages, language, default) or None
            return Problem("constraint", {"message": self._render(message, element) if message else None})
        if question.path in self.definition.choice_filters:
            offered = {c.name for c in self._offered(question, element)}
            for item in element.text.split():
                if item not in offered:
                    return Problem("not_a_choice", {"value": item[:40]})
        return None

    # --- output (forms/engine/instance_io.py) ---------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """The filled-in form as the answers dict of docs/contracts.md (non-relevant answers left out)."""
        return instance_io.collect_answers(self)

    def to_json(self) -> str:
        return json.dumps(self.answers(), ensure_ascii=False)

    def to_xml(self) -> str:
        """The XForm instance (submission) XML; non-relevant nodes are emptied, as ODK does."""
        return instance_io.instance_xml(self)


_OUTPUT = re.compile(r"\{\{(.+?)\}\}")


def _evaluate(xpath: Any, element: Any) -> Any:
    ENV.current = element  # what current() means inside a predicate on a secondary instance
    return xpath(element)


def _text_of(result: Any) -> str:
    if isinstance(result, float):
        return "" if result != result else format_number(result)
    return to_str(result)


def _path_of(element: Any) -> str:
    tags: list[str] = []
    node = element
    while node is not None:
        tags.append(node.tag)
        node = node.getparent()
    return "/" + "/".join(reversed(tags))
