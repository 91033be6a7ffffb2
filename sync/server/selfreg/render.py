"""The published form as a tree of fields for the page, filled from what the person sent.

Everything comes from the forms engine (``FormSession``): labels, hints and choices in the page's
language, relevance, required, constraints and typing checks. What the person typed is kept as typed
(``raw``) so that nothing is lost when the page comes back with errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from forms.engine import FormDefinition, FormSession
from forms.engine.model import Question
from sync.server.selfreg.texts import problem_sentence

MAX_ANSWER_CHARS = 2000
EMAIL_FIELD = "selfreg_email"
HONEYPOT_FIELD = "website"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[A-Za-z]{2,24}$")
_INPUTS = {"integer": "number", "decimal": "number", "range": "number", "date": "date", "time": "time"}
_INPUTS["datetime"] = "datetime-local"
_AUTOCOMPLETE = {
    "given_name": "given-name",
    "family_name": "family-name",
    "email": "email",
    "phone": "tel",
    "birth_date": "bday",
}


@dataclass
class Node:
    kind: str  # "group" | "repeat" | "note" | "field"
    name: str  # the field address (the input's name)
    label: str
    hint: str = ""
    visible: bool = True
    widget: str = (
        "text"  # text | textarea | number | date | time | datetime-local | radio | select | checkbox
    )
    step: str = ""
    required: bool = False
    value: Any = ""  # a string, or a list for select_multiple
    error: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    autocomplete: str = ""


def email_question(definition: FormDefinition) -> Question | None:
    """The form's own e-mail question (a text question named email), when it has one."""
    question = definition.by_name.get("email")
    if question is not None and question.kind == "question" and question.type == "text":
        return question
    return None


def is_shown(question: Question) -> bool:
    """Questions the public page offers: answerable ones, except hidden fields (set by staff only)."""
    return question.answerable and question.type != "hidden"


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def fill(
    definition: FormDefinition, language: str, raw: Mapping[str, Any]
) -> tuple[FormSession, dict[str, str]]:
    """A session with the answers that were sent; returns it and the addresses it holds answers for."""
    session = definition.new_session(language, device_id="self-registration")
    for top in definition.questions:
        for question in top.walk():
            top_repeat = question.kind == "repeat" and len(question.repeat_chain) == 1
            if top_repeat and session.repeat_count(question.name) == 0:
                session.add_repeat(question.name)
    addresses: dict[str, str] = {}
    for top in definition.questions:
        for question in top.walk():
            if not is_shown(question) or len(question.repeat_chain) > 1:
                continue
            address = _address(question)
            addresses[address] = question.type
            value = raw.get(address)
            if value is None or value == "" or value == []:
                continue
            session.set(address, value)
    return session, addresses


def _address(question: Question) -> str:
    chain = question.repeat_chain
    return f"{chain[0].name}[1]/{question.name}" if chain else question.name


def tree(
    definition: FormDefinition,
    session: FormSession,
    raw: Mapping[str, Any],
    errors: Mapping[str, Any],
    t: Callable[[str], str],
) -> list[Node]:
    return [node for q in definition.questions if (node := _node(q, session, raw, errors, t)) is not None]


def _node(
    question: Question,
    session: FormSession,
    raw: Mapping[str, Any],
    errors: Mapping[str, Any],
    t: Callable[[str], str],
) -> Node | None:
    if question.kind in ("group", "repeat"):
        if question.kind == "repeat" and len(question.repeat_chain) > 1:
            return None  # a repeat inside a repeat: not offered on the public page
        if question.name == "meta":
            return None
        address = question.name if question.kind == "group" else f"{question.name}[1]"
        children = [n for c in question.children if (n := _node(c, session, raw, errors, t)) is not None]
        if not children:
            return None
        return Node(
            question.kind,
            address,
            question.label(session.language, session.definition.default_language),
            visible=session.visible(address),
            children=children,
        )
    address = _address(question)
    if question.type == "note":
        return Node("note", address, session.label(address), session.hint(address), session.visible(address))
    if not is_shown(question):
        return None
    problem = errors.get(address)
    sent = raw.get(address, "")
    if question.type == "select_multiple":
        value: Any = sent if isinstance(sent, list) else ([sent] if sent else [])
    else:
        value = sent if isinstance(sent, str) else ""
    return Node(
        "field",
        address,
        session.label(address),
        session.hint(address),
        session.visible(address),
        widget=_widget(question),
        step="any" if question.type == "decimal" else "",
        required=session.required(address),
        value=value,
        error=problem_sentence(problem.code, dict(problem.params), t) if problem is not None else "",
        choices=session.choices(address) if question.choices is not None else [],
        autocomplete=_AUTOCOMPLETE.get(question.name, "off" if question.type != "text" else ""),
    )


def _widget(question: Question) -> str:
    if question.type == "select_one":
        return "select" if "minimal" in question.appearance else "radio"
    if question.type == "select_multiple":
        return "multiselect" if "minimal" in question.appearance else "checkbox"
    if question.type == "acknowledge":
        return "checkbox"
    if question.type == "text" and "multiline" in question.appearance:
        return "textarea"
    if question.type == "text" and question.name == "email":
        return "email"
    if question.type == "text" and "numbers" in question.appearance:
        return "tel"
    return _INPUTS.get(question.type, "text")


def visible_addresses(session: FormSession, addresses: Mapping[str, str]) -> list[str]:
    return [address for address in addresses if session.visible(address)]
