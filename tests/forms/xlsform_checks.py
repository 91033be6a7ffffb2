"""A question's shape and answers to try, for comparing a form with its XLSForm round trip."""

from __future__ import annotations

import random
from typing import Any

from forms.engine import FormDefinition
from forms.engine.model import Question
from tests.forms.engine.filler import fill

ODD: list[Any] = [None, "", "yes", "no", "zzz", "1", "-3", 0, 7, 61, -1, 2.5, "2025-02-30", "a", "x" * 300]


def _shape(question: Question) -> tuple[Any, ...]:
    choices = [(c.name, c.labels, c.extra) for c in question.choices or []]
    return (
        question.name, question.path, question.kind, question.type, question.bind_type, question.labels,
        question.hints, question.constraint_messages, question.required_messages, question.appearance,
        question.rules, choices, question.choice_filter, question.default, question.range, question.preload,
        [_shape(child) for child in question.children],
    )  # fmt: skip


def _answers_to_try(form: FormDefinition, rng: random.Random) -> list[dict[str, Any]]:
    session = form.new_session()
    fill(form, session, repeats=2)
    filled = session.answers()
    names = [q.name for q in form.by_path.values() if q.kind == "question" and not q.repeat_chain]
    tries = [filled, {}]
    for _ in range(60):
        broken = dict(filled)
        for _ in range(rng.randrange(1, 4)):
            name = rng.choice(names)
            if rng.random() < 0.3:
                broken.pop(name, None)
            else:
                broken[name] = rng.choice(ODD)
        tries.append(broken)
    return tries
