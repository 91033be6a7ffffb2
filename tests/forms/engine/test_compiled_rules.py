"""Rules compiled to Python closures (forms/engine/compiled_rules.py) give exactly what lxml gives.

Each test evaluates both ways side by side on the same instance: the closure (falling back to lxml
when it raises, as the validator does) and the rule's XPath as FormSession evaluates it; results are
compared with their types (a string is not a number, NaN is NaN), errors by their type. Answers are
generated around the boundaries the rules draw (today, 120 years back, the birth date, empty answers,
texts that are not dates or numbers)."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from lxml import etree

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.engine.compiled_rules import compile_rule
from forms.engine.expressions import rewrite
from forms.engine.fast_validate import CompiledValidator
from forms.engine.functions import ENV, compile_rewritten
from forms.engine.session import _evaluate
from tests.forms.engine.broken_answers import _broken

TODAY = date(2026, 3, 1)  # the day after a 28-day February: date arithmetic's edges
NOW = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)


def _days(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


DATES = [
    _days(0), _days(1), _days(-1), _days(-43830), _days(-43831), _days(-43829), _days(-43830 - 365),
    "1906-03-01", "1906-02-28", "2024-02-29", "2025-02-29", "2025-02-30", "2000-01-01", "1999-12-31",
    "2026-03-01T00:00:00Z", "2026-03-01T23:59:59+05:00", " 2020-01-01 ", "2020-1-1", "01/02/2020",
    "2026", "1900", "2027",
]  # fmt: skip
TEXTS = [
    None, "", " ", "x", "yes", "no", "none", "true", "false", "abc", "ABC def", "Élodie N'Guessan",
    "a@b.org", "not an email", "+39 315 000 8063", "+0123", "+1 234 567 8901 2345", "AB-1234", "ab",
    "employed retired", "none other", "master", "0", "-0", "1", "-1", "3", "7", "30", "31", "70", "71",
    "120", "1.5", ".5", "5.", "1e3", " 7 ", "-", "NaN", "Infinity", "١٢٣", "0612 345 678",
]  # fmt: skip
POOL = DATES + TEXTS


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        if math.isnan(left) or math.isnan(right):
            return math.isnan(left) and math.isnan(right)
        return left == right and math.copysign(1, left) == math.copysign(1, right)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(a is b for a, b in zip(left, right, strict=True))
    if isinstance(left, str) and isinstance(right, str) and not isinstance(left, bool):
        return str(left) == str(right)
    return type(left) is type(right) and left == right


def _outcome(run: Any) -> tuple[str, Any]:
    try:
        return "value", run()
    except Exception as error:  # lxml's own error, or the extension function's
        return "error", type(error).__name__


class _Both:
    """Evaluates a compiled closure (with the validator's fallback) and lxml; counts the closure's own
    answers, so a test cannot pass by falling back every time."""

    def __init__(self) -> None:
        self.compiled = 0
        self.fell_back = 0

    def check(self, closure: Any, xpath: Any, element: Any, label: str) -> None:
        def compiled() -> Any:
            try:
                value = closure()
            except Exception:
                self.fell_back += 1
                return _evaluate(xpath, element)
            self.compiled += 1
            return value

        expected = _outcome(lambda: _evaluate(xpath, element))
        got = _outcome(compiled)
        assert got[0] == expected[0] and (
            got[1] == expected[1] if got[0] == "error" else _same(got[1], expected[1])
        ), f"{label}: compiled {got!r}, lxml {expected!r}"


@pytest.fixture(autouse=True)
def _fixed_clock() -> Any:
    before = ENV.now
    ENV.now = lambda: NOW
    yield
    ENV.now = before


def test_every_rule_of_the_shipped_form_is_compiled_and_agrees_with_lxml() -> None:
    form = load_form(shipped_form_path())
    validator = CompiledValidator(form, clock=lambda: NOW)
    rules = validator._rules
    assert rules and all(rule[6] is not None for rule in rules)  # every shape of the form is known
    leaves = [element for path, element in validator._at.items() if not form.by_path[path].children]
    people = demo_registrations(200, seed=3)
    rng = random.Random(15)
    both = _Both()
    ENV.primary = validator.doc
    for round_ in range(1500):
        person = people[round_ % len(people)]
        for element in leaves:  # a person's answers, then odd values in a few places
            tag = element.tag
            value = person.get(tag)
            element.text = None if value is None else str(value)
            if rng.random() < 0.25:
                element.text = rng.choice(POOL)
        for kind, xpath, element, _inputs, _today, _memo, closure in rules:
            both.check(closure, xpath, element, f"{kind} of {element.tag} with {element.text!r}")
    assert both.compiled > 0.95 * (both.compiled + both.fell_back)


EXPRESSIONS = [
    ". = 'x'", ". != ''", "/data/a = /data/b", "/data/a != /data/b", ". = true()", ". != false()",
    "true() = 'x'", "false() != ''", "1 = 1.0", "'a' = 'a'", "(/data/n + 0) = 3", "(/data/n + 0) != 3",
    "/data/n = 3", "/data/n != '3'", "3 = /data/n", "'x' != .", "(/data/n + 0) = true()",
    ". < 3", ". >= /data/n", ". + 1", "/data/n - 2", "/data/n * 2", "(/data/n + 0) * 2",
    "(/data/n + 0) div 0", "-(/data/n + 0) div 0", "0 div 0", "(/data/n + 0) div -0",
    "(/data/n + 0) mod 3", "(/data/n + 0) mod 0", "-(/data/n + 1)", "-/data/n", "/data/n div 2",
    "string-length(.)", "string-length(/data/n)", "string-length(/data/n + 1)",
    "translate(., 'abc ', 'AB')", "translate(., 'aa', 'xy')", "translate(/data/b, '0123456789', '')",
    "concat(/data/a, '-', /data/b, true())", "concat(/data/a, /data/n + 1)", "contains(/data/a, /data/b)",
    "contains(/data/a, '')", "starts-with(., 'E')", "starts-with(/data/b, /data/a)", "string(/data/a)",
    "string(1 = 1)", "string(/data/n + 1)", "boolean(/data/a)", "boolean('')", "not(/data/a = '')",
    "not(/data/n + 0)", "/data/d <= today()", "(today() - /data/d) div 365.25 <= 120",
    ". <= today() and (today() - .) div 365.25 <= 120", "int((today() - /data/d) div 365.25)",
    "if(/data/d = '', '', int((today() - /data/d) div 365.25))", "format-date(/data/d, '%Y-%m %e %b')",
    "int(format-date(/data/d, '%Y'))", ". <= int(format-date(today(), '%Y'))",
    "if(/data/a = '', 'none', concat(/data/a, '!'))", "if(/data/n > 3, 1, 0)", "if(/data/a, /data/b, 2)",
    "coalesce(/data/a, /data/b)", "selected(/data/a, 'x')", "selected('employed retired', /data/a)",
    "count-selected(/data/a) > 1", "not(selected(., 'none') and count-selected(.) > 1)",
    "regex(., '^[A-Z].*')", "regex(., '[')", "regex(/data/n + 1, '^[0-9]+$')",
    "regex(translate(/data/b, ' ', ''), '^\\+[1-9][0-9]{6,14}$')", "regex(/data/a, /data/b)",
    "substr(/data/a, 1, 3)", "substr(/data/a, /data/n)", "date(/data/d)", "date(/data/n + 0)",
    "date-time(/data/d)", "/data/d > '2020-01-01'", "'2020-01-01' <= /data/d", "/data/a < 'abc'",
    "/data/a and /data/b", "/data/a or false()", "/data/n > 1 or /data/n < -1", "min(/data/n, 3)",
    "max(/data/n, /data/d)", "round(/data/n, 1)", "round(/data/n)", "pow(/data/n, 2)", "abs(/data/n)",
    "1.1 + 2.2", "0.1 * 3", "365.25", "2.345", "-0", "boolean-from-string(/data/a)", "ends-with(., 's')",
    "decimal-date-time(/data/d)", "today()", "string-length(today())", "/data/n | /data/a",
    "count(/data/a)", "/data/a/../b", "../b", "../../data/n", "number(/data/n)", "sum(/data/n)",
    "/data/d - today() < 0", "today() - /data/d", "(/data/d - 1) = (today() - 1)",
    "/data/d + 0 = today()", "/data/a = /data/a", "/data/a != /data/a", "string(/data/a) = 1",
    "concat(/data/a, '') != 7", "true() = 1", "(/data/n + 0) = false()",
]  # fmt: skip


def test_many_expression_shapes_agree_with_lxml() -> None:
    doc = etree.fromstring("<data><a/><b/><n/><d/></data>")
    elements = {f"/data/{child.tag}": child for child in doc}
    context = elements["/data/a"]
    rng = random.Random(4)
    both = _Both()
    compiled_count = 0
    for text in EXPRESSIONS:
        closure = compile_rule(text, "/data/a", context, elements)
        xpath = compile_rewritten(rewrite(text))
        if closure is None:
            continue
        compiled_count += 1
        for _ in range(250):
            for element in elements.values():
                element.text = rng.choice(POOL)
            both.check(closure, xpath, context, f"{text} with {[e.text for e in doc]!r}")
    assert compiled_count > 0.85 * len(EXPRESSIONS)
    assert both.compiled > 0.6 * (both.compiled + both.fell_back)


def test_shapes_it_does_not_know_are_left_to_lxml() -> None:
    doc = etree.fromstring("<data><a/><g><b/></g></data>")
    leaves = {"/data/a": doc[0], "/data/g/b": doc[1][0]}
    for text in ("/data/a | /data/g/b", "count(/data/a)", "/data/g = ''", "/data/a[. = 'x']", "$v",
                 "position()", "once(/data/a)", "random() < 2", "uuid()", "instance('x')/root/item",
                 "current()", "/data/*", "//b", "@id", "sum(/data/a)"):  # fmt: skip
        assert compile_rule(text, "/data/a", doc[0], leaves) is None, text


def _validators() -> tuple[Any, CompiledValidator, CompiledValidator]:
    form = load_form(shipped_form_path())
    compiled = CompiledValidator(form, clock=lambda: NOW)
    plain = CompiledValidator(form, clock=lambda: NOW, compiled_rules=False)
    return form, compiled, plain


def test_the_validator_gives_the_same_problems_with_and_without_compiled_rules() -> None:
    form, compiled, plain = _validators()
    names = [q.name for q in form.by_path.values() if q.kind == "question"]
    rng = random.Random(23)
    dated = ["birth_date", "document_issue_date", "document_expiry_date"]
    checked = constraint = 0
    for person in demo_registrations(300, seed=8):
        variants = [person, _broken(rng, person, names), _broken(rng, person, names)]
        edge = dict(person)  # boundary dates and years around today and 120 years back
        for name in dated:
            if rng.random() < 0.7:
                edge[name] = rng.choice([*DATES, "", None])
        edge["residence_since"] = rng.choice([2026, 2027, 1906, 1905, "2026", "", "x", 1990.5])
        edge["years_experience"] = rng.choice([0, 70, 71, -1, "", 120, edge.get("age", 30)])
        edge["dependants"] = rng.choice([0, 1, 5, 30, -1, ""])
        edge["household_size"] = rng.choice([1, 2, 30, 31, 0, ""])
        variants.append(edge)
        for answers in variants:
            expected = plain.validate(dict(answers))
            assert compiled.validate(dict(answers)) == expected, answers
            checked += 1
            constraint += any(problem.code == "constraint" for problem in expected)
    assert checked == 1200 and constraint > 200


def test_what_depends_on_the_clock_alone_follows_the_clock() -> None:
    """A part depending on today() alone is remembered for the moment object the clock gives (one per
    validator batch); a clock giving a new moment each time is asked each time, as lxml asks it."""
    doc = etree.fromstring("<data><a/><d/></data>")
    elements = {f"/data/{child.tag}": child for child in doc}
    texts = ["int(format-date(today(), '%Y'))", "today()", "/data/d <= today()", "concat(today(), 'x')",
             "(today() - /data/d) div 365.25", "format-date(now(), '%Y-%m-%d')"]  # fmt: skip
    moments = [datetime(2025, 12, 31, 23, 0, tzinfo=UTC), NOW, datetime(2027, 1, 1, 1, 0, tzinfo=UTC)]
    both = _Both()
    for text in texts:
        closure = compile_rule(text, "/data/a", doc[0], elements)
        assert closure is not None, text
        xpath = compile_rewritten(rewrite(text))
        for step in range(12):
            fixed = moments[step // 4]  # the same object four times, then another day's
            ticking = datetime(2026, 1, 1 + step, 12, tzinfo=UTC)  # a new object (and day) each time
            for moment in (fixed, ticking):
                ENV.now = lambda moment=moment: moment
                elements["/data/d"].text = _days(-step * 40)
                both.check(closure, xpath, doc[0], f"{text} at {moment}")
    assert both.fell_back == 0
