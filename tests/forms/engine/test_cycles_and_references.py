"""Calculations that can never be worked out, and references to nodes a form does not have: refused
when the form is loaded, in one sentence naming the sheet, row and column."""

from __future__ import annotations

import pytest

from forms.engine import FormError
from tests.forms.engine.xlsform import make_form

HEADER = ["type", "name", "label", "relevant", "calculation"]


def _refusal(survey: list[list[object]]) -> str:
    with pytest.raises(FormError) as refused:
        make_form([HEADER, *survey], filename="mine.xlsx")
    return refused.value.message


@pytest.mark.parametrize("expression", ["${total} + 1", ". + 1", "if(${total} = '', 0, ${total})"])
def test_a_calculation_reading_itself_is_refused_naming_its_row(expression):
    message = _refusal([
        ["integer", "n", "N", None, None],
        ["calculate", "total", None, None, expression],
    ])  # fmt: skip
    assert message.startswith("The form 'mine.xlsx' cannot be loaded: sheet 'survey', row 3, column E")
    assert "question 'total'" in message and "refers to its own value" in message


def test_a_circle_through_three_calculations_names_them_in_order():
    message = _refusal([
        ["calculate", "a", None, None, "${c} + 1"],
        ["calculate", "b", None, None, "${a} + 1"],
        ["calculate", "c", None, None, "${b} + 1"],
    ])  # fmt: skip
    assert "row 2, column E ('calculation')" in message
    assert "'a' -> 'c' -> 'b' -> 'a'" in message and "depend on each other in a circle" in message


def test_calculations_in_a_chain_and_position_in_a_repeat_are_no_cycle():
    form = make_form([
        HEADER,
        ["calculate", "a", None, None, "1"],
        ["calculate", "b", None, None, "${a} + 1"],
        ["begin_repeat", "r", "R", None, None],
        ["calculate", "pos", None, None, "position(..)"],
        ["end_repeat", None, None, None, None],
    ])  # fmt: skip
    assert form.new_session().value("b") in ("2", 2)


def test_a_path_to_a_missing_node_is_read_as_empty_as_odk_does_with_a_located_note(capsys):
    """ODK Validate accepts /data/nowhere and ../nowhere (checked with pyxform's ODK_Validate.jar):
    so does the engine, reading them as an empty node-set, and `forms check` says where they are."""
    form = make_form([
        HEADER,
        ["integer", "n", "N", None, None],
        ["calculate", "x", None, None, "if(string(/data/nowhere) = '', 'empty', 'set')"],
        ["text", "t", "T", "count(../nowhere) = 0", None],
    ], filename="mine.xlsx")  # fmt: skip
    session = form.new_session()
    assert session.value("x") == "empty" and session.visible("t")
    assert form.notes == [
        "sheet 'survey', row 3, column E ('calculation'): question 'x' refers to '/data/nowhere', which is "
        "not a node of this form; it is read as empty, as ODK does (check the spelling if that is not meant)",
        "sheet 'survey', row 4, column D ('relevant'): question 't' refers to '/data/nowhere', which is "
        "not a node of this form; it is read as empty, as ODK does (check the spelling if that is not meant)",
    ]


def test_a_missing_name_in_braces_is_refused_by_pyxform_naming_the_row():
    message = _refusal([["integer", "n", "N", "${gone} = 1", None]])
    assert "row 2" in message and "gone" in message
