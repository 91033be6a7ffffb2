"""The form model read from the XForm: an ordered tree of groups, repeats and questions.

Every node knows its XLSForm ``name``, its absolute ``path`` in the instance (``/data/group/name``),
its type in XLSForm words, labels and hints per language, and the rule expressions of its bind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# XLSForm types a clerk can answer; everything else is computed, shown, or not supported here.
ANSWERABLE = {
    "text", "integer", "decimal", "date", "datetime", "time", "select_one", "select_multiple",
    "acknowledge", "range", "hidden", "geopoint", "geotrace", "geoshape", "image", "audio", "video", "file",
}  # fmt: skip
# Places (text "lat lon alt acc", ";" between the points of a trace or shape) and attachments (the
# instance holds the file's name, as ODK's does; the bytes live in the store: forms.store.attachments).
GEO_TYPES = ("geopoint", "geotrace", "geoshape")
ATTACHMENT_TYPES = ("image", "audio", "video", "file")
UNSUPPORTED_BIND_TYPES = {"barcode", "xml-external", "odk:rank"}


@dataclass
class Choice:
    name: str
    labels: dict[str, str] = field(default_factory=dict)
    # other columns of the choice row (used by choice filters): name -> value
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Rules:
    """The bind's expressions, as written in the XForm (``None`` when absent)."""

    relevant: str | None = None
    required: str | None = None
    constraint: str | None = None
    calculate: str | None = None
    readonly: str | None = None
    repeat_count: str | None = None


@dataclass
class Question:
    """A question, a group or a repeat (``kind``); ``children`` only for groups and repeats."""

    name: str
    path: str
    kind: str  # "question" | "group" | "repeat"
    type: str  # XLSForm type: text, integer, ..., group, repeat, note, calculate, unsupported:<what>
    bind_type: str = "string"
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    constraint_messages: dict[str, str] = field(default_factory=dict)
    required_messages: dict[str, str] = field(default_factory=dict)
    appearance: str = ""
    rules: Rules = field(default_factory=Rules)
    choices: list[Choice] | None = None
    choice_list: str | None = None
    choice_filter: str | None = None
    default: str = ""
    preload: str | None = None  # start, end, today, deviceid, instanceID, ...
    range: tuple[float, float, float] | None = None  # start, end, step
    unsupported: str | None = None  # why this question is shown read-only
    # the answers-dict key: the name, or the group path from the nearest repeat (or the form) when
    # another node of the same answers dict has the same name (see FormDefinition and contracts.md)
    key: str = ""
    children: list[Question] = field(default_factory=list)
    parent: Question | None = field(default=None, repr=False)

    @property
    def answerable(self) -> bool:
        return self.kind == "question" and self.type in ANSWERABLE and not self.unsupported

    @property
    def repeat_chain(self) -> list[Question]:
        """Enclosing repeats, outermost first (and this node if it is a repeat)."""
        chain: list[Question] = []
        node: Question | None = self
        while node is not None:
            if node.kind == "repeat":
                chain.insert(0, node)
            node = node.parent
        return chain

    def walk(self) -> Iterator[Question]:
        yield self
        for child in self.children:
            yield from child.walk()

    def label(self, language: str | None, default_language: str) -> str:
        return pick(self.labels, language, default_language)

    def hint(self, language: str | None, default_language: str) -> str:
        return pick(self.hints, language, default_language)


def pick(texts: dict[str, str], language: str | None, default_language: str) -> str:
    """The text in ``language``; a missing translation ("-" from pyxform) falls back to the default."""
    for candidate in (language, default_language, "default"):
        if candidate is not None:
            text = texts.get(candidate)
            if text and text != "-":
                return text
    return next((t for t in texts.values() if t and t != "-"), "")
