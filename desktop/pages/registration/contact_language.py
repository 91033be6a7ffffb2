"""A new person's contact-language question starts at the language the clerk registers in.

A registration done in French is most often for a person who wants French letters: the form's
language question (a top-level select_one named ``*language*`` with no ``default`` of its own, such as
``preferred_language``) starts at the form language's code when its list offers it, else the interface
language's. The engine's own rule stays first: a ``default`` in the form wins (the question is then left
alone), and the clerk changes the answer like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.engine.definition import FormDefinition
    from forms.engine.model import Question
    from forms.engine.session import FormSession


def language_code(form_language: str | None, interface_language: str) -> str:
    """ "French (fr)" -> "fr"; a form language without a code falls back to the interface language."""
    if form_language and form_language.endswith(")") and "(" in form_language:
        return form_language.rsplit("(", 1)[-1].rstrip(")").strip().lower()
    return interface_language


def contact_language_preset(
    definition: FormDefinition, form_language: str | None, interface_language: str
) -> tuple[Question, str] | None:
    """The form's language question and the choice a fresh form starts it at, if it has both."""
    for question in definition.by_path.values():
        if (
            question.type != "select_one"
            or "language" not in question.name.lower()
            or question.default
            or question.repeat_chain
            or not question.choices
        ):
            continue
        names = {choice.name for choice in question.choices}
        for code in (language_code(form_language, interface_language), interface_language):
            if code in names:
                return question, code
        return None
    return None


def preset_contact_language(
    session: FormSession, definition: FormDefinition, form_language: str | None, interface_language: str
) -> tuple[str, str] | None:
    """Answer the language question of a fresh form; returns (question name, value) when it did."""
    found = contact_language_preset(definition, form_language, interface_language)
    if found is None or session.value(found[0].name) not in (None, ""):
        return None  # an expression default or a preload answered it: the form's rule wins
    session.set(found[0].name, found[1])
    return found[0].name, found[1]
