"""Question types, choice filters with current(), defaults and appearances on a small form."""

from __future__ import annotations

import re

import pytest

from .xlsform import make_form


@pytest.fixture(scope="module")
def form():
    return make_form(
        [
            ["type", "name", "label", "appearance", "choice_filter", "default", "parameters", "read_only"],
            ["select_one fruit or_other", "fruit", "Fruit", "minimal", "", "", "", ""],
            ["note", "picked", "You picked ${fruit}", "", "", "", "", ""],
            ["range", "score", "Score", "", "", "", "start=1 end=5 step=1", ""],
            ["acknowledge", "agree", "I agree", "", "", "", "", ""],
            ["datetime", "when", "When", "", "", "", "", ""],
            ["time", "at", "At", "", "", "", "", ""],
            ["text", "country", "Country", "", "", "PT", "", "yes"],
            ["begin repeat", "trip", "Trip", "field-list", "", "", "", ""],
            ["select_one region", "region", "Region", "", "", "", "", ""],
            ["select_one town", "town", "Town", "", "region = current()/../region", "", "", ""],
            ["end repeat", "", "", "", "", "", "", ""],
        ],
        choices=[
            ["list_name", "name", "label", "region"],
            ["fruit", "apple", "Apple", ""], ["fruit", "pear", "Pear", ""],
            ["region", "north", "North", ""], ["region", "south", "South", ""],
            ["town", "porto", "Porto", "north"], ["town", "braga", "Braga", "north"],
            ["town", "faro", "Faro", "south"],
        ],
    )  # fmt: skip


def test_types_are_read_from_the_xform(form):
    types = {q.name: q.type for q in form.by_path.values() if q.kind == "question" and q.type != "metadata"}
    assert types == {
        "fruit": "select_one", "fruit_other": "text", "picked": "note", "score": "range",
        "agree": "acknowledge", "when": "datetime", "at": "time", "country": "text",
        "region": "select_one", "town": "select_one",
    }  # fmt: skip
    assert form.question("fruit").appearance == "minimal"
    assert form.question("trip").appearance == "field-list"
    assert form.question("score").range == (1.0, 5.0, 1.0)


def test_or_other_adds_the_other_choice_and_its_follow_up(form):
    session = form.new_session()
    assert [name for name, _ in session.choices("fruit")] == ["apple", "pear", "other"]
    assert not session.visible("fruit_other")
    session.set("fruit", "other")
    assert session.visible("fruit_other")
    assert session.label("picked") == "You picked other"


def test_values_are_typed(form):
    session = form.new_session()
    assert session.set("score", 7).code == "out_of_range"
    assert session.set("score", 3) is None and session.value("score") == 3.0
    assert session.set("agree", True) is None and session.value("agree") == "OK"
    assert session.set("when", "2025-03-04T10:20:30+01:00") is None
    assert session.value("when") == "2025-03-04T10:20:30.000+01:00"
    assert session.set("when", "yesterday").code == "type_datetime"
    assert session.set("when", "2025-03-04").code == "type_datetime"  # a date is not a date-time
    assert session.set("when", "2025-03-04T10:20") is None
    assert re.fullmatch(r"2025-03-04T10:20:00\.000[+-]\d\d:\d\d", session.value("when"))  # offset added
    assert session.set("at", "25:00").code == "type_time"
    assert session.set("at", "09:15") is None and session.value("at") == "09:15:00"


def test_default_and_read_only(form):
    session = form.new_session()
    assert session.value("country") == "PT"
    assert session.read_only("country")
    assert not session.read_only("fruit")


def test_choice_filter_with_current_inside_a_repeat(form):
    session = form.new_session()
    session.add_repeat("trip")
    session.add_repeat("trip")
    session.set("trip[1]/region", "north")
    session.set("trip[2]/region", "south")
    assert [name for name, _ in session.choices("town", at=(0,))] == ["porto", "braga"]
    assert [name for name, _ in session.choices("town", at=(1,))] == ["faro"]
    session.set("trip[2]/town", "porto")
    assert session.errors()["trip[2]/town"].code == "not_a_choice"
    session.set("trip[2]/town", "faro")
    assert "trip[2]/town" not in session.errors()


@pytest.fixture(scope="module")
def lookup_form():
    return make_form(
        [
            ["type", "name", "label", "calculation"],
            ["select_one item", "main", "Main dish", ""],
            ["calculate", "main_price", "", "instance('item')/root/item[name = ${main}]/price"],
            ["begin repeat", "extra", "Extra", ""],
            ["select_one item", "pick", "Pick", ""],
            ["calculate", "pick_price", "", "instance('item')/root/item[name = current()/../pick]/price"],
            ["end repeat", "", "", ""],
            ["calculate", "total", "", "${main_price} + sum(${pick_price})"],
        ],
        choices=[
            ["list_name", "name", "label", "price"],
            ["item", "rice", "Rice", "3"], ["item", "fish", "Fish", "7"], ["item", "tea", "Tea", "1"],
        ],
    )  # fmt: skip


def test_lookups_in_a_secondary_instance_read_answers_from_the_form(lookup_form):
    # plain lxml would look for /data/main and current() in the choices document (a silent trap)
    session = lookup_form.new_session()
    session.set("main", "fish")
    assert session.value("main_price") == "7"
    session.add_repeat("extra")
    session.add_repeat("extra")
    session.set("extra[1]/pick", "tea")
    session.set("extra[2]/pick", "rice")
    assert (session.value("pick_price", at=(0,)), session.value("pick_price", at=(1,))) == ("1", "3")
    assert session.value("total") == "11"


def test_expression_defaults_on_first_load_and_in_each_new_repeat():
    from datetime import UTC, datetime

    form = make_form([
        ["type", "name", "label", "default"],
        ["date", "visit_day", "Day", "today()"],
        ["begin repeat", "child", "Child", ""],
        ["date", "seen_on", "Seen on", "today()"],
        ["end repeat", "", "", ""],
    ])  # fmt: skip
    session = form.new_session(clock=lambda: datetime(2026, 3, 9, 8, 0, tzinfo=UTC))
    assert session.value("visit_day") == "2026-03-09"
    session.add_repeat("child")
    assert session.value("seen_on", at=(0,)) == "2026-03-09"
    reopened = form.new_session(answers={"visit_day": "2026-03-01", "child": [{}]})
    assert reopened.value("visit_day") == "2026-03-01"
    assert reopened.value("seen_on", at=(0,)) is None  # a restored record keeps its blanks
    assert form.new_session(answers={"child": []}).value("visit_day") is None
