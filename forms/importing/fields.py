"""Which questions of a form a spreadsheet can fill: one column per answerable question outside repeats.

Calculations, notes, metadata and unsupported types are computed or shown by the form; repeats need
more than one row per person and are not importable from a flat file. ``hidden`` questions are the
registration context the app fills (place, batch, operator): the importer fills them the same way, so
a file cannot claim another operator or batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question


def importable_questions(form: FormDefinition) -> list[Question]:
    """In form order, the questions a column can answer."""
    found: list[Question] = []
    for top in form.questions:
        for question in top.walk():
            if question.kind != "question" or not question.answerable:
                continue
            if question.repeat_chain or question.preload or question.type in ("metadata", "hidden"):
                continue
            found.append(question)
    return found


def computed_names(form: FormDefinition) -> set[str]:
    """Names a column may not fill: calculations, notes, metadata, repeats and what sits inside them."""
    importable = {q.name for q in importable_questions(form)}
    return {name for name in form.by_name if name not in importable}


def choice_questions(form: FormDefinition) -> list[Question]:
    return [q for q in importable_questions(form) if q.type in ("select_one", "select_multiple")]


def app_filled_names(form: FormDefinition) -> list[str]:
    """The hidden questions outside repeats: filled by the app (and by the importer), never by a column."""
    return [
        q.name
        for top in form.questions
        for q in top.walk()
        if q.kind == "question" and q.type == "hidden" and not q.repeat_chain
    ]
