"""An OpenRosa submission's XML: parsed safely, and turned into the answers dict of docs/contracts.md.

The parser resolves no entity, reads no DTD and touches no network; a document with a DOCTYPE is
refused outright (nothing legitimate in a submission needs one).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from lxml import etree

from forms.engine.model import Question
from forms.engine.values import from_instance_text

MAX_ELEMENTS = 20_000  # a registration has a few hundred nodes; a bomb of empty elements stops here
_UUID_TEXT = re.compile(r"^(?:uuid:)?([0-9a-fA-F-]{36})$")


class SubmissionError(Exception):
    """The submission cannot be read; the message is one sentence for the sender (never its content)."""


@dataclass(frozen=True)
class Submission:
    form_id: str
    form_version: str
    instance_id: str  # the version id (the UUID of meta/instanceID)
    deprecated_id: str | None  # the version id this one replaces (meta/deprecatedID), for an edit
    root: Any  # the parsed root element


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, dtd_validation=False, load_dtd=False, huge_tree=False
    )


def _uuid_of(text: str, what: str) -> str:
    match = _UUID_TEXT.match(text.strip())
    if match is None:
        raise SubmissionError(f"The submission's {what} must be a UUID (uuid:...).")
    try:
        return str(uuid.UUID(match.group(1)))
    except ValueError:
        raise SubmissionError(f"The submission's {what} must be a UUID (uuid:...).") from None


def parse_submission(data: bytes) -> Submission:
    """Parse the instance XML and read its identity (form id, version, instanceID, deprecatedID)."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise SubmissionError("The submission XML may not carry a DOCTYPE or entities.")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        raise SubmissionError("The submission is not well-formed XML.") from None
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise SubmissionError("The submission has too many elements.")
    form_id = (root.get("id") or "").strip()
    if not form_id:
        raise SubmissionError("The submission's root element names no form (its id attribute).")
    meta = _child(root, "meta")
    instance_text = _text(_child(meta, "instanceID")) if meta is not None else ""
    if not instance_text:
        raise SubmissionError("The submission has no meta/instanceID.")
    deprecated_text = _text(_child(meta, "deprecatedID")) if meta is not None else ""
    return Submission(
        form_id=form_id,
        form_version=(root.get("version") or "").strip(),
        instance_id=_uuid_of(instance_text, "instanceID"),
        deprecated_id=_uuid_of(deprecated_text, "deprecatedID") if deprecated_text else None,
        root=root,
    )


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(element: Any, name: str) -> Any:
    if element is None:
        return None
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: Any) -> str:
    return (element.text or "").strip() if element is not None else ""


def answers_from_submission(submission: Submission, questions: list[Question]) -> dict[str, Any]:
    """The answers dict (as the desk keeps it) of a parsed submission, read along the form's questions.

    Elements the form does not know (Kobo's ``formhub``, ``__version__``) are left out; metadata goes
    under ``meta`` with the instanceID and deprecatedID as ``uuid:...``.
    """
    answers: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    _collect(questions, submission.root, answers, meta)
    meta["instanceID"] = f"uuid:{submission.instance_id}"
    if submission.deprecated_id:
        meta["deprecatedID"] = f"uuid:{submission.deprecated_id}"
    answers["meta"] = meta
    return answers


def _collect(questions: list[Question], container: Any, out: dict[str, Any], meta: dict[str, Any]) -> None:
    for question in questions:
        elements = _children(container, question.name)
        if question.kind == "repeat":
            items = []
            for instance in elements:
                item: dict[str, Any] = {}
                _collect(question.children, instance, item, meta)
                if item:
                    items.append(item)
            if items:
                out[question.name] = items
            continue
        if not elements:
            continue
        element = elements[0]
        if question.kind == "group":
            _collect(question.children, element, out, meta)
            continue
        if question.type == "note" or question.name in ("instanceID", "deprecatedID"):
            continue
        text = element.text or ""
        if not text.strip():
            continue
        value = from_instance_text(question, text)
        if question.type == "metadata" or question.name == "instanceName":
            meta[question.name] = value
        else:
            out[question.name] = value
