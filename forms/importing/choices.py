"""Select answers written as a person writes them in a spreadsheet -> choice names.

Typing picks a choice by its label ("Sierra Leone", "Côte d'Ivoire") in the form language on screen;
a file may hold the label in any of the form's languages, or the choice name in any case. Both are
compared as every picker compares them (``forms.names.squash``: no case, accents, apostrophes,
hyphens or spaces). What matches no choice, or more than one, is passed on
unchanged so the engine reports it (``not_a_choice``).
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

from forms.names import squash

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question

_PARTS = re.compile(r"[,;\n]+")


class ChoiceReader:
    """The choices of one select question, found by name or by any label."""

    def __init__(self, question: Question) -> None:
        self._names = {choice.name for choice in question.choices or []}
        by_name: dict[str, set[str]] = {}
        by_label: dict[str, set[str]] = {}
        for choice in question.choices or []:
            by_name.setdefault(squash(choice.name), set()).add(choice.name)
            for label in choice.labels.values():
                if label and label != "-":
                    by_label.setdefault(squash(label), set()).add(choice.name)
        self._by_name = by_name
        self._by_label = by_label

    def name_of(self, text: str) -> str | None:
        """The one choice ``text`` means, or None."""
        text = text.strip()
        if text in self._names:
            return text
        key = squash(text)
        if not key:
            return None
        for table in (self._by_name, self._by_label):
            found = table.get(key)
            if found:
                return next(iter(found)) if len(found) == 1 else None
        return None

    def one(self, text: str) -> str:
        return self.name_of(text) or text.strip()

    def many(self, text: str) -> str:
        """Names separated by spaces (the XForm way) from names or labels separated by commas,
        semicolons, line breaks or (names and one-word labels) spaces."""
        chosen: list[str] = []
        for part in _PARTS.split(text):
            if not part.strip():
                continue
            whole = self.name_of(part)
            if whole is not None:
                chosen.append(whole)
                continue
            chosen.extend(self.one(word) for word in part.split())
        return " ".join(dict.fromkeys(chosen))


_READERS: weakref.WeakKeyDictionary[FormDefinition, dict[str, ChoiceReader]] = weakref.WeakKeyDictionary()


def choice_readers(form: FormDefinition) -> dict[str, ChoiceReader]:
    """One reader per select question of ``form``, built once per form."""
    readers = _READERS.get(form)
    if readers is None:
        readers = {
            question.name: ChoiceReader(question)
            for top in form.questions
            for question in top.walk()
            if question.kind == "question" and question.type in ("select_one", "select_multiple")
        }
        _READERS[form] = readers
    return readers
