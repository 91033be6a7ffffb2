"""indexed-repeat(), and current() inside predicates on the form's own answers (the question's node,
not the node the predicate filters), as ODK Collect evaluates them."""

from __future__ import annotations

import pytest

from forms.engine import FormError
from tests.forms.engine.xlsform import make_form

HEADER = ["type", "name", "label", "calculation"]


@pytest.fixture(scope="module")
def form():
    return make_form([
        HEADER,
        ["integer", "which", "Which", None],
        ["begin_repeat", "r", "R", None],
        ["integer", "v", "V", None],
        ["calculate", "pos", None, "position(..)"],
        ["calculate", "prev", None, "/data/r[position() = current()/../pos - 1]/v"],
        ["calculate", "prev_relative", None, "../../r[current()/../pos - 1]/v"],
        ["calculate", "bigger_before", None,
         "count(../../r[position() < position(current()/..) and v > current()/../v])"],
        ["begin_repeat", "s", "S", None],
        ["text", "w", "W", None],
        ["end_repeat", None, None, None],
        ["end_repeat", None, None, None],
        ["calculate", "second", None, "indexed-repeat(${v}, ${r}, 2)"],
        ["calculate", "chosen", None, "indexed-repeat(${v}, ${r}, ${which})"],
        ["calculate", "deep", None, "indexed-repeat(${w}, ${r}, 2, ${s}, 2)"],
    ])  # fmt: skip


@pytest.fixture
def filled(form):
    session = form.new_session()
    for number, value in enumerate((10, 30, 20), start=1):
        session.add_repeat("r")
        session.set(f"r[{number}]/v", value)
    session.add_repeat("s", at=(1,))
    session.add_repeat("s", at=(1,))
    session.set("r[2]/s[1]/w", "first")
    session.set("r[2]/s[2]/w", "second")
    return session


def test_current_in_a_predicate_is_the_questions_node(filled):
    rows = filled.answers()["r"]
    assert [row.get("prev") for row in rows] == [None, "10", "30"]
    assert [row.get("prev_relative") for row in rows] == [None, "10", "30"]
    assert [row["bigger_before"] for row in rows] == ["0", "0", "1"]  # 30 before the third (20)


def test_indexed_repeat(filled):
    assert filled.value("second") == "30"
    assert filled.value("chosen") is None  # no 'which' yet: no instance 0
    filled.set("which", 3)
    assert filled.value("chosen") == "20"
    assert filled.value("deep") == "second"
    filled.set("r[1]/v", 99)
    filled.set("which", 1)
    assert filled.value("chosen") == "99"


def test_indexed_repeat_is_recomputed_when_the_repeat_changes(filled):
    filled.set("r[2]/v", 31)
    assert filled.value("second") == "31"


@pytest.mark.parametrize(
    ("calculation", "reason"),
    [
        ("indexed-repeat(${v}, ${r})", "takes a field, then pairs of a repeat and an instance number"),
        ("indexed-repeat(${which}, ${r}, 1)", "the field is not inside the repeat /data/r"),
        ("indexed-repeat('x', ${r}, 1)", "the first argument of indexed-repeat() must be a field"),
    ],
)
def test_malformed_indexed_repeat_is_refused_naming_the_cell(calculation, reason):
    with pytest.raises(FormError) as refused:
        make_form([
            HEADER,
            ["integer", "which", "Which", None],
            ["begin_repeat", "r", "R", None],
            ["integer", "v", "V", None],
            ["end_repeat", None, None, None],
            ["calculate", "x", None, calculation],
        ], filename="mine.xlsx")  # fmt: skip
    assert "sheet 'survey', row 6, column D ('calculation')" in refused.value.message
    assert reason in refused.value.message
