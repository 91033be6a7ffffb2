"""CompiledValidator gives exactly FormDefinition.validate's problems, on many generated submissions
of the shipped form (valid ones and ones broken in every way a device or a person could), and on a
small form with messages that quote answers; forms it cannot shortcut are validated the slow way."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.engine.fast_validate import CompiledValidator, compile_validator
from tests.forms.engine.broken_answers import ODD_VALUES, _broken
from tests.forms.engine.xlsform import make_form


def test_the_shipped_form_gives_the_same_problems_both_ways() -> None:
    form = load_form(shipped_form_path())
    validator = compile_validator(form)
    assert validator.fast
    names = [q.name for q in form.by_path.values() if q.kind == "question"]
    rng = random.Random(99)
    people = demo_registrations(400, seed=5)
    checked = invalid = 0
    for person in people:
        for answers in (person, _broken(rng, person, names), _broken(rng, person, names)):
            expected = form.validate(dict(answers))
            assert validator.validate(dict(answers)) == expected, answers
            checked += 1
            invalid += bool(expected)
    assert checked == 1200
    assert 600 < invalid < checked  # both kinds are well represented
    codes = {p.code for a in (_broken(rng, p, names) for p in people[:200]) for p in form.validate(a)}
    assert {"required", "constraint", "not_relevant", "unknown_field", "not_a_choice"} <= codes


def test_messages_quoting_answers_and_group_relevance_match() -> None:
    form = make_form(
        [
            [
                "type",
                "name",
                "label",
                "relevant",
                "required",
                "constraint",
                "constraint_message",
                "required_message",
                "calculation",
            ],
            ["integer", "age", "Age", "", "yes", ". >= 0 and . < 130", "${age} is not an age", "", ""],
            ["begin_group", "work", "Work", "${age} >= 16", "", "", "", "", ""],
            [
                "text",
                "job",
                "Job",
                "",
                "${age} > 18",
                "string-length(.) > 2",
                "too short: ${job}",
                "a job for ${age}",
                "",
            ],
            ["calculate", "next", "", "", "", "", "", "", "${age} + 1"],
            ["integer", "years", "Years", "", "", ". < ${next}", "less than ${next}", "", ""],
            ["end_group", "", "", "", "", "", "", "", ""],
            ["date", "seen", "Seen", "", "", ". <= today()", "", "", ""],
        ]
    )
    validator = compile_validator(form)
    assert validator.fast
    rng = random.Random(7)
    values: dict[str, list[Any]] = {
        "age": [None, 3, 17, 19, 40, 200, "x", -1],
        "job": [None, "", "ab", "Baker", 5],
        "years": [None, 1, 19, 50, "many"],
        "seen": [None, "2020-01-01", "2999-01-01", "bad"],
        "next": [None, 3],
    }
    for _ in range(500):
        answers = {name: rng.choice(choices) for name, choices in values.items() if rng.random() < 0.8}
        assert validator.validate(dict(answers)) == form.validate(dict(answers)), answers


def test_a_form_with_repeats_is_validated_the_slow_way() -> None:
    form = make_form(
        [
            ["type", "name", "label", "constraint"],
            ["begin_repeat", "member", "Member", ""],
            ["integer", "member_age", "Age", ". >= 0"],
            ["end_repeat", "", "", ""],
        ]
    )
    validator = compile_validator(form)
    assert not validator.fast
    for answers in ({"member": [{"member_age": 3}, {"member_age": -2}]}, {"member": "x"}, {}):
        assert validator.validate(dict(answers)) == form.validate(dict(answers))


def test_typing_the_usual_answers_gives_what_values_py_gives() -> None:
    """_plain_typed (texts, whole numbers and ISO dates typed without values.py) against
    to_instance_text, for every question type and many values, odd ones included."""
    from forms.engine.fast_validate import _plain_typed
    from forms.engine.model import ANSWERABLE, Question
    from forms.engine.values import to_instance_text

    values: list[Any] = [*ODD_VALUES, "2024-02-29", "2023-02-29", "0999-01-01", " 2001-05-17", "2001-5-17"]
    values += ["２０２０-01-01", "٢٠٢٠-٠١-٠١", "2001-05-17\n", 2**31 - 1, 2**31, -(2**31), -(2**31) - 1]
    values += [10**30]
    values += [3.0, -0.0, float("nan"), "\u00a0", "\t x", "x", 1, True]
    shortcut = 0
    for kind in sorted(ANSWERABLE):
        question = Question(path=f"/data/{kind}", name=kind, kind="question", type=kind)
        for value in values:
            fast = _plain_typed(kind, value)
            if fast is not None:
                shortcut += 1
                assert fast == to_instance_text(question, value), (kind, value)
    assert shortcut >= 30


def test_a_batch_checked_at_once_gives_each_record_s_own_problems() -> None:
    """CompiledValidator.checking (one lock, one clock for many records), with an empty record in
    the middle (checked the slow way, whose form session takes over the functions' environment)."""
    form = load_form(shipped_form_path())
    validator = compile_validator(form)
    names = [q.name for q in form.by_path.values() if q.kind == "question"]
    rng = random.Random(3)
    people = demo_registrations(60, seed=8)
    batch = [_broken(rng, person, names) if i % 2 else person for i, person in enumerate(people)]
    batch.insert(20, {})
    with validator.checking() as check:
        found = [check(dict(answers)) for answers in batch]
    assert found == [form.validate(dict(answers)) for answers in batch]
    assert any(found) and not all(found)


def test_results_remembered_for_today_are_forgotten_the_next_day() -> None:
    """A rule reading today() is remembered by its answers only for the day it was checked on."""
    form = make_form([["type", "name", "label", "constraint"], ["date", "seen", "Seen", ". <= today()"]])
    days = [datetime(2030, 1, 1, 12, tzinfo=UTC)]
    validator = CompiledValidator(form, clock=lambda: days[0])
    assert validator.fast
    answers = {"seen": "2030-01-02"}
    assert [p.code for p in validator.validate(dict(answers))] == ["constraint"]  # tomorrow: not yet
    days[0] = datetime(2030, 1, 3, 12, tzinfo=UTC)
    assert validator.validate(dict(answers)) == []
    days[0] = datetime(2030, 1, 1, 12, tzinfo=UTC)
    with validator.checking() as check:
        assert [p.code for p in check(dict(answers))] == ["constraint"]
        assert [p.code for p in check(dict(answers))] == ["constraint"]  # remembered, the same day


def test_batches_checked_in_turns_keep_their_own_day() -> None:
    """Two batches checked in turns (threads share a validator, taking its lock per record), one
    before midnight and one after: each record is checked as on its own batch's day."""
    form = make_form([["type", "name", "label", "constraint"], ["date", "seen", "Seen", ". <= today()"]])
    days = [datetime(2030, 1, 1, 23, 59, tzinfo=UTC)]
    validator = CompiledValidator(form, clock=lambda: days[0])
    answers = {"seen": "2030-01-02"}
    with validator.checking() as before_midnight:
        days[0] = datetime(2030, 1, 2, 0, 1, tzinfo=UTC)
        with validator.checking() as after_midnight:
            for _ in range(3):
                assert [p.code for p in before_midnight(dict(answers))] == ["constraint"]
                assert after_midnight(dict(answers)) == []
