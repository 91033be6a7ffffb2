"""A scripted clerk: fills every visible answerable question with the first candidate value the
form's own rules accept, the way a person would retry after a constraint message."""

from __future__ import annotations

from datetime import date, timedelta

from forms.engine import FormDefinition, FormSession
from forms.engine.model import Question

TODAY = date.today()
CANDIDATES: dict[str, list[object]] = {
    "text": ["Test", "0712345678", "+254712345678", "abc123"],
    "integer": [1, 5, 2, 10, 100, 250, 0],
    "decimal": [1.5, 1, 5, 10, 0.5, 100],
    "range": [1, 5, 0],
    "date": [
        (TODAY - timedelta(days=10000)).isoformat(),
        TODAY.isoformat(),
        (TODAY + timedelta(days=30)).isoformat(),
    ],
    "datetime": ["2024-05-01T10:00:00.000+00:00"],
    "time": ["10:30:00"],
    "acknowledge": ["OK"],
    "hidden": ["filled-by-app"],
}


def candidates(session: FormSession, question: Question, at: tuple[int, ...]) -> list[object]:
    if question.type == "select_one":
        return [name for name, _ in session.choices(question.name, at)]
    if question.type == "select_multiple":
        return [name for name, _ in session.choices(question.name, at)][:1]
    return CANDIDATES.get(question.type, [])


def fill(definition: FormDefinition, session: FormSession, repeats: int = 1) -> list[str]:
    """Fill the whole form; returns the addresses that stayed unanswered (no candidate fitted)."""
    unanswered: list[str] = []
    _fill(definition.questions, session, (), repeats, unanswered)
    return unanswered


def _fill(questions, session, at, repeats, unanswered) -> None:
    for question in questions:
        if question.kind == "group":
            if session.visible(question.name, at):
                _fill(question.children, session, at, repeats, unanswered)
            continue
        if question.kind == "repeat":
            if not question.rules.repeat_count:
                for _ in range(repeats):
                    session.add_repeat(question.name, at)
            for index in range(session.repeat_count(question.name, at)):
                if session.visible(question.name, (*at, index)):
                    _fill(question.children, session, (*at, index), repeats, unanswered)
            continue
        if not question.answerable or not session.visible(question.name, at):
            continue
        address = session.address(session.element(question, at))
        if session.value(question.name, at) is not None and address not in session.errors():
            continue  # a default the rules accept
        for value in candidates(session, question, at):
            problem = session.set(question.name, value, at)
            if problem is None and address not in session.errors():
                break
        else:
            session.set(question.name, None, at)
            unanswered.append(address)


def assert_filling_respects_the_rules(definition: FormDefinition) -> None:
    """Fill a new session as a clerk would, then check the answers against the form's own rules."""
    session = definition.new_session()
    unanswered = fill(definition, session)
    errors = session.errors()
    # everything the clerk could answer was accepted; only answers no candidate satisfied remain
    assert set(errors) <= set(unanswered)
    answers = session.answers()
    assert definition.validate(answers) == [problem.at(address) for address, problem in errors.items()]
    # no answer for a question that is not relevant, and the XML instance carries the instance ID
    for question in definition.by_path.values():
        if question.kind == "question" and question.name in answers and not question.repeat_chain:
            assert session.visible(question.name)
    assert answers["meta"]["instanceID"].startswith("uuid:")
    assert answers["meta"]["instanceID"] in session.to_xml()
