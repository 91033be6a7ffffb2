"""Answers in and out of a session: the answers dict of docs/contracts.md, and the XForm instance XML.

Loading is lenient where typing is strict only for what typing cannot produce: calculated values are
kept (``once()`` must see them) and values of unsupported question types are preserved as given.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from lxml import etree

from .model import Question
from .problems import Problem
from .values import from_instance_text, to_instance_text

if TYPE_CHECKING:
    from .session import FormSession

META_KEYS = ("instanceID", "deprecatedID", "instanceName")


# --- loading answers ------------------------------------------------------------------------
def load_answers(
    session: FormSession, answers: dict[str, Any], container: Any, repeat: Question | None, prefix: str
) -> None:
    """Put an answers dict (docs/contracts.md) into the instance; problems go to session.load_problems."""
    for key, value in answers.items():
        if key == "meta" and repeat is None:
            continue
        base = repeat.path if repeat else f"/{session.definition.root_tag}"
        question = session.definition.by_scope.get((base, key)) if isinstance(key, str) else None
        if question is None or question.kind == "group":
            session.load_problems.append(Problem("unknown_field", {}, prefix + key))
            continue
        if question.kind == "repeat":
            if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                session.load_problems.append(Problem("not_a_repeat", {}, prefix + key))
                continue
            parent_path = question.path.rsplit("/", 1)[0]
            parent = container if parent_path == base else container.find(parent_path[len(base) + 1 :])
            for number, item in enumerate(value, start=1):
                instance = session.restore_instance(question, parent)
                load_answers(session, item, instance, question, f"{prefix}{key}[{number}]/")
            continue
        element = container.find(question.path[len(base) + 1 :])
        if question.answerable:
            text, problem = to_instance_text(question, value)
            if problem is not None:
                session.mark_invalid(element, problem)
                session.load_problems.append(problem.at(prefix + key))
            element.text = text or None
        elif value not in (None, ""):
            element.text = str(value)  # calculations (for once()), unsupported types: kept as given


def irrelevant_answers(session: FormSession) -> list[Problem]:
    """Answers given to questions that do not apply: typing could never have entered them."""
    reported = {p.field for p in session.load_problems}
    found: list[Problem] = []
    for question in session.definition.by_path.values():
        if not question.answerable:
            continue
        for element in session.elements(question.path):
            if element.text and not session.element_visible(element):
                address = session.address(element)
                if address not in reported:
                    found.append(Problem("not_relevant", {}, address))
    return found


# --- output ---------------------------------------------------------------------------------
def collect_answers(session: FormSession) -> dict[str, Any]:
    """The filled-in form as the answers dict of docs/contracts.md (non-relevant answers left out)."""
    result: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    _collect(session, session.definition.questions, session.doc, result, meta)
    meta = {**session.extra_meta, **meta}
    if meta:
        result["meta"] = meta
    return result


def _collect(
    session: FormSession, questions: list[Question], container: Any, out: dict[str, Any], meta: dict[str, Any]
) -> None:
    for question in questions:
        elements = container.findall(question.name)
        if question.kind == "repeat":
            items = []
            for instance in elements:
                if session.element_visible(instance):
                    item: dict[str, Any] = {}
                    _collect(session, question.children, instance, item, meta)
                    items.append(item)
            if items:
                out[question.key] = items
            continue
        if not elements or not session.element_visible(elements[0]):
            continue
        element = elements[0]
        if question.kind == "group":
            _collect(session, question.children, element, out, meta)
            continue
        if question.type == "note" or not element.text:
            continue
        value = from_instance_text(question, element.text)
        if question.type == "metadata" or question.name in META_KEYS:
            meta[question.name] = value
        else:
            out[question.key] = value


def instance_xml(session: FormSession) -> str:
    """The XForm instance (submission) XML; non-relevant nodes are emptied, as ODK does."""
    document = copy.deepcopy(session.doc)
    pairs = list(zip(session.doc.iter(), document.iter(), strict=True))
    for original, copied in pairs:
        if not session.element_visible(original) and copied.getparent() is not None:
            for child in list(copied):
                copied.remove(child)
            copied.text = None
    meta = document.find("meta")
    for key, value in session.extra_meta.items():
        if meta is not None and meta.find(key) is None and key.isidentifier():
            etree.SubElement(meta, key).text = value
    document.set("id", session.definition.form_id)
    if session.definition.version:
        document.set("version", session.definition.version)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8").decode("utf-8")
