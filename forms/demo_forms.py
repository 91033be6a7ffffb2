"""Invented, valid submissions for ANY form, made by driving the form engine as a clerk would: questions
in form order, only those that apply (relevance), choices as offered now (choice filters), 1-3
instances of each repeat (or the form's own repeat_count), and each value tried against the form's own
rules (constraints, required) until one is accepted. A value for a ``regex()`` constraint is drawn from
the pattern itself (rstr). Every submission is checked with ``FormDefinition.validate`` before it is
given out, so a demo file always imports.

The shipped registration form has its own, richer generator (forms.demo_data: invented diaspora
people); this one serves every programme's own XLSForm, for training and testing.
"""

from __future__ import annotations

import random
import re
import string
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from forms.errors import DeskError

if TYPE_CHECKING:
    from forms.engine import FormDefinition, FormSession
    from forms.engine.model import Question

REFERENCE_DAY = date(2026, 1, 1)  # dates are drawn around this day: a seed gives the same file any day
ATTEMPTS = 40  # random values tried per question before the fixed fall-backs
SUBMISSION_ATTEMPTS = 8
_REGEX = re.compile(r"""regex\(\s*\.\s*,\s*(['"])(.*?)\1\s*\)""", re.S)
_GIVEN = ("Musu", "Kwame", "Aya", "Fatmata", "Armando", "Conceição", "Moussa", "Hawa", "Kofi", "Inês")
_FAMILY = ("Kollie", "Mensah", "N'Guessan", "Kamara", "Machel", "da Silva", "Diop", "Flomo", "Owusu")
_WORDS = ("river", "market", "clinic", "school", "harbour", "garden", "north", "bridge", "valley")
_INTEGER_RANGES = ((0, 5), (1, 10), (0, 20), (18, 70), (0, 100), (1, 1000))
_FALLBACK: dict[str, list[Any]] = {
    "text": ["Test", "abc123", "0712345678", "+254712345678"],
    "integer": [1, 0, 2, 5, 10, 18, 30, 100],
    "decimal": [1.5, 1.0, 0.5, 10.0, 100.0],
    "date": [REFERENCE_DAY.isoformat(), date.today().isoformat()],
}


class FormFiller:
    """Fills sessions of one form with random values its rules accept (one seed, one sequence)."""

    def __init__(self, form: FormDefinition, seed: int = 0, *, max_repeats: int = 3) -> None:
        import rstr

        self.form = form
        self.rng = random.Random(seed)
        self._xeger = rstr.Rstr(self.rng).xeger
        self.max_repeats = max_repeats
        self.unfilled: list[str] = []

    def submission(self) -> dict[str, Any]:
        """One valid answers dict (as ``FormSession.answers()`` gives it); DeskError naming the question
        when the form's rules accept none of the values tried for a required question."""
        problem = ""
        for _ in range(SUBMISSION_ATTEMPTS):
            session = self.form.new_session()
            self.unfilled = []
            self._fill(session, self.form.questions, ())
            answers = session.answers()
            problems = self.form.validate(answers)
            if not problems:
                return answers
            first = problems[0]
            problem = f"{first.field or 'the form'} ({first.code})"
        raise DeskError(
            f"demo-data could not invent a valid submission for form {self.form.form_id}: no value tried "
            f"satisfied {problem}; give that question a simpler rule or fill it by hand",
            exit_code=1,
        )

    def _fill(self, session: FormSession, questions: list[Question], at: tuple[int, ...]) -> None:
        for question in questions:
            if question.kind == "group":
                if session.visible(question.name, at):
                    self._fill(session, question.children, at)
            elif question.kind == "repeat":
                if not question.rules.repeat_count:
                    for _ in range(self.rng.randint(1, self.max_repeats)):
                        session.add_repeat(question.name, at)
                for index in range(session.repeat_count(question.name, at)):
                    if session.visible(question.name, (*at, index)):  # relevance is per instance
                        self._fill(session, question.children, (*at, index))
            elif self._fillable(session, question, at):
                self._answer(session, question, at)

    @staticmethod
    def _fillable(session: FormSession, question: Question, at: tuple[int, ...]) -> bool:
        if not question.answerable or question.preload or question.type in ("metadata", "hidden"):
            return False
        return session.visible(question.name, at) and not session.read_only(question.name, at)

    @staticmethod
    def _address(question: Question, at: tuple[int, ...]) -> str:
        steps = [
            f"{repeat.name}[{index + 1}]" for repeat, index in zip(question.repeat_chain, at, strict=False)
        ]
        return "/".join([*steps, question.name])

    def _answer(self, session: FormSession, question: Question, at: tuple[int, ...]) -> None:
        address = self._address(question, at)
        required = session.required(question.name, at)
        if not required and self.rng.random() < 0.15:
            return  # optional questions are sometimes left empty, as people do
        tries = [self._random_value(session, question, at) for _ in range(ATTEMPTS)]
        for value in [*tries, *_FALLBACK.get(question.type, [])]:
            if value is None:
                continue
            if session.set(question.name, value, at) is None and address not in session.errors():
                return
        session.set(question.name, None, at)
        self.unfilled.append(address)

    def _random_value(self, session: FormSession, question: Question, at: tuple[int, ...]) -> Any:
        rng, kind = self.rng, question.type
        if kind in ("select_one", "select_multiple"):
            names = [name for name, _ in session.choices(question.name, at)]
            if not names:
                return None
            if kind == "select_one":
                return rng.choice(names)
            return " ".join(rng.sample(names, k=rng.randint(1, min(3, len(names)))))
        if kind == "integer":
            low, high = rng.choice(_INTEGER_RANGES)
            return rng.randint(low, high)
        if kind == "decimal":
            low, high = rng.choice(_INTEGER_RANGES)
            return round(rng.uniform(low, high), 2)
        if kind == "range" and question.range is not None:
            start, end, step = question.range
            steps = int((end - start) / step) if step else 0
            return start + step * rng.randint(0, max(steps, 0))
        if kind == "date":
            return (REFERENCE_DAY + timedelta(days=rng.randint(-80 * 365, 365))).isoformat()
        if kind == "datetime":
            day = REFERENCE_DAY + timedelta(days=rng.randint(-3650, 365))
            return (
                f"{day.isoformat()}T{rng.randint(7, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}:00.000+00:00"
            )
        if kind == "time":
            return f"{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}:00"
        if kind == "acknowledge":
            return "OK"
        if kind in ("geopoint", "geotrace", "geoshape"):  # places around Monrovia, metres of accuracy
            count = {"geopoint": 1, "geotrace": 3, "geoshape": 4}[kind]
            points = [f"{rng.uniform(6.2, 6.4):.6f} {rng.uniform(-10.9, -10.7):.6f} 0 {rng.randint(3, 30)}"
                      for _ in range(count)]  # fmt: skip
            return ";".join([*points, points[0]] if kind == "geoshape" else points)
        if kind == "text":
            return self._text(question)
        return None

    def _text(self, question: Question) -> str:
        rng = self.rng
        pattern = _REGEX.search(question.rules.constraint or "")
        if pattern is not None:
            try:
                return str(self._xeger(pattern.group(2)))
            except Exception:  # a Java-only construct rstr does not know: fall back to plain text
                pass
        name = question.name.lower()
        if "name" in name:
            return f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        if "phone" in name or "tel" in name:
            return "+2317" + "".join(rng.choice(string.digits) for _ in range(7))
        if "mail" in name:
            return f"{rng.choice(_GIVEN).lower()}.{rng.randint(1, 999)}@example.org"
        return " ".join(rng.sample(_WORDS, k=rng.randint(1, 3)))


def demo_submissions(form: FormDefinition, count: int, seed: int = 0) -> list[dict[str, Any]]:
    """``count`` valid answers dicts for ``form`` (repeats as lists of instance dicts)."""
    filler = FormFiller(form, seed)
    return [filler.submission() for _ in range(count)]
