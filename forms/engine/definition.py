"""FormDefinition: a loaded form, its compiled rules and dependency graph; the factory of sessions."""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from lxml import etree

from .dependencies import MissingReference, Rule, affected_rules, build_rules, compile_xpath, refuse
from .expressions import ExpressionError, Node, compile_check, emit, walk
from .functions import compile_rewritten
from .loader import XFormReader
from .model import Question
from .problems import Problem

if TYPE_CHECKING:
    from .session import FormSession

OUTPUT = re.compile(r"\{\{(.+?)\}\}")


class ChoiceFilter:
    """A choice_filter: the predicate runs on each choice row; primary-instance paths in it become
    variables evaluated on the question first (lxml would resolve them in the choices document)."""

    def __init__(self, question: Question, predicate: str, items: list[etree._Element]) -> None:
        self.items = items
        try:
            node = compile_check(predicate)
        except ExpressionError as error:
            raise refuse(question, "choice_filter", str(error), predicate) from None
        self.variables: dict[str, etree.XPath] = {}
        self._replace(node, question)
        self.xpath = compile_rewritten(emit(node))

    def _replace(self, root: Node, question: Question) -> None:
        for node in list(walk(root)):
            if node.kind != "path":
                continue
            head = node.head
            primary = node.absolute or (head is not None and head.kind == "call" and head.value == "current")
            if primary:
                name = f"v{len(self.variables)}"
                text = emit(Node("path", absolute=node.absolute, steps=node.steps, head=None))
                if not node.absolute:
                    text = "." + ("/" + text if text else "")
                self.variables[name] = compile_xpath(question, "choice_filter", text)
                node.kind, node.value, node.head, node.steps, node.absolute = "var", name, None, [], False


def assign_keys(
    questions: list[Question], root: str
) -> tuple[dict[tuple[str, str], Question], dict[str, Question]]:
    """Give every node its answers key; return (scope path, key) -> node and key -> node.

    Names are unique among siblings (pyxform's rule, as ODK's), not in the whole form. Answers are a
    dict per form and per repeat instance, groups adding no level: a node's key is its name when no
    other node of the same dict (same nearest repeat) has that name, else its path from the repeat (or
    the form) (``emergency/phone`` beside ``person/phone``). ``by_name`` holds the keys used once in
    the whole form (the same key in two repeats is found through the repeat: ``by_scope``).
    """
    scopes: dict[str, dict[str, list[Question]]] = {}
    for top in questions:
        for node in top.walk():
            chain = [r for r in node.repeat_chain if r is not node]
            scope = chain[-1].path if chain else root
            scopes.setdefault(scope, {}).setdefault(node.name, []).append(node)
    by_scope: dict[tuple[str, str], Question] = {}
    counts: dict[str, int] = {}
    for scope, names in scopes.items():
        for name, nodes in names.items():
            for node in nodes:
                node.key = name if len(nodes) == 1 else node.path[len(scope) + 1 :]
                by_scope[(scope, node.key)] = node
                counts[node.key] = counts.get(node.key, 0) + 1
    by_name = {key: node for (_, key), node in by_scope.items() if counts[key] == 1}
    return by_scope, by_name


class FormDefinition:
    """A form that loaded completely: nothing half-loaded ever reaches a session."""

    def __init__(self, xform_xml: str, media: dict[str, bytes] | None = None) -> None:
        reader = XFormReader(xform_xml, media)
        self.xform_xml = xform_xml
        self.media_names = sorted(media or {})  # the files kept with the form (forms.engine.media)
        self.notes: list[str] = []  # pyxform's warnings: the form loads, but a supervisor may want to look
        self.title = reader.title
        self.languages = reader.languages
        self.default_language = reader.default_language
        self.questions: list[Question] = reader.questions()
        self.secondary = reader.secondary
        self.by_path: dict[str, Question] = {}
        for top in self.questions:
            for question in top.walk():
                self.by_path[question.path] = question
        self.root_tag = reader.instance.tag
        self.by_scope, self.by_name = assign_keys(self.questions, f"/{self.root_tag}")
        self.template = self._template(reader.instance)
        self.form_id = reader.instance.get("id", "")
        self.version = reader.instance.get("version", "")
        known = set(self.by_path) | {f"/{self.root_tag}"}
        # one compiled XPath per node path, shared by every session (lxml locks each during a call)
        self.locators = {path: etree.XPath(path) for path in [*self.by_path, f"/{self.root_tag}"]}
        self.repeat_paths = {path for path, q in self.by_path.items() if q.kind == "repeat"}
        self.missing_references: list[MissingReference] = []
        self.rules: list[Rule] = build_rules(
            self.questions, known, self.repeat_paths, self.missing_references
        )
        self.notes.extend(
            f"question '{m.question}', column '{m.column}': '{m.path}' is not a node of this form; "
            "it is read as empty (as ODK does)"
            for m in self.missing_references
        )
        self.affected: dict[str, list[Rule]] = affected_rules(self.rules)
        self.rules_by_question: dict[str, list[Rule]] = {}
        for rule in self.rules:
            self.rules_by_question.setdefault(rule.question.path, []).append(rule)
        self.choice_filters: dict[str, ChoiceFilter] = {}
        self._outputs: dict[str, etree.XPath] = {}
        for question in self.by_path.values():
            self._prepare_texts(question)
            if question.choice_filter and not question.unsupported and question.choice_list:
                items = list(self.secondary[question.choice_list].iter("item"))
                self.choice_filters[question.path] = ChoiceFilter(question, question.choice_filter, items)
        self.default_xpaths = {
            ref: compile_xpath(self.by_path[ref], "default", expression)
            for ref, expression in reader.dynamic_defaults.items()
            if ref in self.by_path
        }
        self.repeat_default_xpaths = {
            ref: compile_xpath(self.by_path[ref], "default", expression)
            for ref, expression in reader.repeat_defaults.items()
            if ref in self.by_path
        }
        self.end_stamps = [
            q
            for q in self.by_path.values()
            if q.type == "metadata" and q.preload == "end" and not q.repeat_chain
        ]
        self.instance_name = self.by_path.get(f"/{self.root_tag}/meta/instanceName")

    def _template(self, instance: etree._Element) -> etree._Element:
        """The empty instance (repeats start with no instance) and one blank copy per repeat."""
        self.repeat_templates: dict[str, etree._Element] = {}
        self.followers: dict[str, set[str]] = {}
        template = copy.deepcopy(instance)
        self._strip_repeats(template, f"/{template.tag}")
        return template

    def _strip_repeats(self, element: etree._Element, path: str) -> None:
        children = list(element)
        tags = [child.tag for child in children]
        for position, child in enumerate(children):
            child_path = f"{path}/{child.tag}"
            question = self.by_path.get(child_path)
            if question is not None and question.kind == "repeat":
                if child_path not in self.repeat_templates:
                    blank = copy.deepcopy(child)
                    blank.attrib.pop("template", None)
                    self._strip_repeats(blank, child_path)
                    self.repeat_templates[child_path] = blank
                    self.followers[child_path] = set(tags[position + 1 :]) - {child.tag}
                element.remove(child)
            else:
                self._strip_repeats(child, child_path)

    def _prepare_texts(self, question: Question) -> None:
        for texts in (
            question.labels,
            question.hints,
            question.constraint_messages,
            question.required_messages,
        ):
            for text in texts.values():
                for expression in OUTPUT.findall(text):
                    if expression not in self._outputs:
                        self._outputs[expression] = compile_xpath(question, "label", expression)
        if question.choices:
            for choice in question.choices:
                for text in choice.labels.values():
                    for expression in OUTPUT.findall(text):
                        if expression not in self._outputs:
                            self._outputs[expression] = compile_xpath(question, "label", expression)

    def output_xpath(self, expression: str) -> etree.XPath:
        return self._outputs[expression]

    # --- the public API ---------------------------------------------------------------------------
    def question(self, name: str, repeat: str | None = None) -> Question:
        """By path, by key (see assign_keys), or by key inside the repeat named ``repeat``."""
        if name.startswith("/"):
            found = self.by_path.get(name)
        elif repeat is not None:
            suffix = "/" + repeat
            found = next(
                (q for (scope, key), q in self.by_scope.items() if key == name and scope.endswith(suffix)),
                None,
            )
        else:
            found = self.by_name.get(name)
        if found is None:
            raise KeyError(f"no question named {name!r} in form {self.form_id!r}")
        return found

    def resolve_language(self, language: str | None) -> str:
        """'English (en)', 'English' or 'en' -> the form's language name; unknown -> the default."""
        if not language:
            return self.default_language
        wanted = language.strip().lower()
        for name in self.languages:
            lowered = name.lower()
            code = lowered[lowered.rfind("(") + 1 : -1] if lowered.endswith(")") else None
            if wanted in (lowered, code, lowered.split(" (")[0]):
                return name
        return self.default_language

    def new_session(self, language: str | None = None, answers: dict[str, Any] | None = None, **options: Any):
        from .session import FormSession

        return FormSession(self, language=language, answers=answers, **options)

    def validate(self, answers: dict[str, Any]) -> list[Problem]:
        """Every problem with ``answers``, each with its field: what typing the answers would refuse."""
        session: FormSession = self.new_session(answers=answers)
        problems = list(session.load_problems)
        reported = {(p.field, p.code) for p in problems}
        for address, problem in session.errors().items():
            if (address, problem.code) not in reported:
                problems.append(problem.at(address))
        return problems

    def summary(self) -> dict[str, Any]:
        nodes = list(self.by_path.values())
        return {
            "title": self.title,
            "form_id": self.form_id,
            "version": self.version,
            "questions": sum(1 for q in nodes if q.kind == "question" and q.type != "metadata"),
            "groups": sum(1 for q in nodes if q.kind == "group"),
            "repeats": sum(1 for q in nodes if q.kind == "repeat"),
            "languages": list(self.languages),
            "default_language": self.default_language,
            "rules": len(self.rules) + len(self.choice_filters),
            "read_only_unsupported": [q.name for q in nodes if q.unsupported],
            "notes": list(self.notes),
        }
