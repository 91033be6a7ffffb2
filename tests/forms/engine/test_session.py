"""FormSession behaviour on small forms: dependency order, once(), repeats, texts, serialisation."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from forms.engine import FormError, Problem

from .xlsform import make_form

HEADER = ["type", "name", "label", "relevant", "constraint", "calculation", "required", "default"]


def row(kind, name, label="", relevant="", constraint="", calculation="", required="", default=""):
    return [kind, name, label, relevant, constraint, calculation, required, default]


@pytest.fixture(scope="module")
def chain_form():
    # calculations written in reverse order: the engine must run them in dependency order
    return make_form([
        HEADER,
        row("calculate", "c", calculation="${b} * 2"),
        row("calculate", "b", calculation="${a} + 1"),
        row("integer", "a", "A"),
        row("text", "other", "Other"),
        row("note", "show", "a is ${a}, c is ${c}"),
        row("text", "big_only", "Only when big", relevant="${c} > 10"),
        row("calculate", "stamp", calculation="once(now())"),
        row("calculate", "id", calculation="once(uuid())"),
    ])  # fmt: skip


def test_calculations_run_in_dependency_order(chain_form):
    session = chain_form.new_session()
    session.set("a", 4)
    assert (session.value("b"), session.value("c")) == ("5", "10")
    assert session.label("show") == "a is 4, c is 10"
    assert not session.visible("big_only")
    session.set("a", 5)
    assert session.value("c") == "12" and session.visible("big_only")


def test_only_rules_reading_the_changed_answer_are_recomputed(chain_form):
    touched = {(rule.question.name, rule.kind) for rule in chain_form.affected["/data/a"]}
    assert touched == {("b", "calculate"), ("c", "calculate"), ("big_only", "relevant")}
    assert "/data/other" not in chain_form.affected


def test_once_now_and_uuid_do_not_change_on_every_keystroke(chain_form):
    moments = iter(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=i) for i in range(100))
    session = chain_form.new_session(clock=lambda: next(moments))
    stamp, ident = session.value("stamp"), session.value("id")
    assert stamp.startswith("2026-01-01T00:0") and len(ident) == 36
    for value in range(5):
        session.set("a", value)
        session.set("other", f"x{value}")
    assert (session.value("stamp"), session.value("id")) == (stamp, ident)
    reopened = chain_form.new_session(answers=session.answers())
    assert reopened.value("stamp") == stamp  # once() keeps the stored value on reopening


def test_answers_round_trip_through_json_and_keep_the_instance_id(chain_form):
    session = chain_form.new_session()
    session.set("a", 7)
    session.set("other", "hello")
    data = json.loads(session.to_json())
    assert data["a"] == 7 and data["other"] == "hello" and data["c"] == "16"
    reopened = chain_form.new_session(answers=data)
    assert reopened.answers() == data
    assert data["meta"]["instanceID"] in reopened.to_xml()


def test_typing_problems_are_codes_and_clear_the_answer(chain_form):
    session = chain_form.new_session()
    assert session.set("a", "12a") == Problem("type_integer", {})
    assert session.value("a") is None
    assert session.errors()["a"].code == "type_integer"
    assert session.set("a", " 12 ") is None and session.value("a") == 12
    assert "a" not in session.errors()
    assert session.set("c", "99").code == "read_only"


@pytest.fixture(scope="module")
def multilingual_form():
    return make_form(
        [
            ["type", "name", "label::English (en)", "label::French (fr)", "hint::English (en)", "constraint",
             "constraint_message::English (en)", "constraint_message::French (fr)"],
            ["integer", "age", "Age", "Âge", "In years", ". < 130", "Too old", "Trop âgé"],
            ["text", "city", "City", "", "", "", "", ""],
            ["select_one yn", "ok", "OK?", "D'accord ?", "", "", "", ""],
            ["geopoint", "where", "Where", "Où", "", "", "", ""],
        ],
        choices=[["list_name", "name", "label::English (en)", "label::French (fr)"],
                 ["yn", "yes", "Yes", "Oui"], ["yn", "no", "No", ""]],
        settings=[["form_id", "version", "default_language"], ["multi", "3", "English (en)"]],
    )  # fmt: skip


def test_missing_translation_falls_back_to_the_default_language(multilingual_form):
    session = multilingual_form.new_session("fr")
    assert session.label("age") == "Âge"
    assert session.label("city") == "City"  # no French label: never "-"
    assert session.hint("age") == "In years"
    assert session.choices("ok") == [("yes", "Oui"), ("no", "No")]
    session.set("age", 140)
    assert session.errors()["age"] == Problem("constraint", {"message": "Trop âgé"})


def test_a_geopoint_is_answered_as_odk_writes_it(multilingual_form):
    question = multilingual_form.question("where")
    assert not question.unsupported and question.type == "geopoint"
    session = multilingual_form.new_session()
    assert session.set("where", "1 2 0 0") is None
    assert session.value("where") == "1 2 0 0"


@pytest.fixture(scope="module")
def repeat_form():
    return make_form([
        ["type", "name", "label", "constraint", "calculation", "repeat_count"],
        ["integer", "people", "People", "", "", ""],
        ["begin repeat", "person", "Person", "", "", "${people}"],
        ["integer", "person_age", "Age", ". < 120", "", ""],
        ["calculate", "adult", "", "", "if(${person_age} >= 18, 'yes', 'no')", ""],
        ["end repeat", "", "", "", "", ""],
        ["calculate", "total_age", "", "", "sum(${person_age})", ""],
        ["calculate", "count_people", "", "", "count(${person})", ""],
        ["begin repeat", "visit", "Visit", "", "", ""],
        ["date", "visit_date", "Date", "", "", ""],
        ["end repeat", "", "", "", "", ""],
    ])  # fmt: skip


def test_repeat_count_instances_and_aggregates(repeat_form):
    session = repeat_form.new_session()
    assert session.repeat_count("person") == 0 and session.value("count_people") == "0"
    session.set("people", 2)
    assert session.repeat_count("person") == 2 and session.value("count_people") == "2"
    session.set("person[1]/person_age", 30)
    session.set("person_age", 10, at=(1,))
    assert session.value("total_age") == "40"  # no off-by-one from the template
    assert (session.value("adult", at=(0,)), session.value("adult", at=(1,))) == ("yes", "no")
    session.set("person[2]/person_age", 130)
    assert session.errors()["person[2]/person_age"].code == "constraint"
    session.set("people", 1)
    assert session.value("total_age") == "30" and "person[2]/person_age" not in session.errors()


def test_repeats_in_answers_and_validate(repeat_form):
    session = repeat_form.new_session()
    session.add_repeat("visit")
    session.add_repeat("visit")
    session.set("visit[2]/visit_date", "2025-02-03")
    session.remove_repeat("visit", 0)
    answers = session.answers()
    assert answers["visit"] == [{"visit_date": "2025-02-03"}]
    problems = repeat_form.validate({"people": 1, "person": [{"person_age": "x"}], "visit": "not a list"})
    assert {(p.field, p.code) for p in problems} == {("person[1]/person_age", "type_integer"),
                                                       ("visit", "not_a_repeat")}  # fmt: skip


def test_validate_reports_answers_to_questions_that_do_not_apply(chain_form):
    problems = chain_form.validate({"a": 1, "big_only": "sneaked in"})
    assert [(p.field, p.code) for p in problems] == [("big_only", "not_relevant")]


@pytest.mark.parametrize(
    "survey, expected",
    [
        ([HEADER, row("text", "a", "A", relevant="fancy(${a})")],
         "sheet 'survey', row 2, column D ('relevant'): The relevance condition of question 'a' cannot be "
         "used: the function fancy() is not known. The expression is: fancy(${a})"),
        ([HEADER, row("text", "a", "A", constraint="regex(., '[a-')")],
         "sheet 'survey', row 2, column E ('constraint'): The constraint of question 'a' cannot be used: "
         "the pattern '[a-' is not a valid regular expression"),
        ([HEADER, row("integer", "a", "A", constraint=". > ")],
         "The constraint of question 'a' cannot be used"),
        ([HEADER, row("calculate", "x", calculation="${y} + 1"),
          row("calculate", "y", calculation="${x} + 1")],
         "depend on each other in a circle"),
        ([HEADER, row("text", "a", "A"), row("text", "a", "Again")],
         "sheet 'survey', row 3, column B ('name'): The 'name' value 'a' is invalid"),
        ([HEADER, row("begin group", "meta", "M"), row("text", "a", "A"), row("end group", "")],
         "sheet 'survey', row 2, column B ('name'): The 'name' value 'meta' is invalid"),
        ([HEADER, row("text", "b", "B"), row("text", "a", "")],
         "sheet 'survey', row 3: The survey element named 'a' has no label or hint"),
        ([HEADER, row("text", "a", "A", relevant="${missing} = 1")],
         "sheet 'survey', row 2, column D ('relevant')"),
    ],
)  # fmt: skip
def test_broken_forms_are_refused_in_words_a_supervisor_understands(survey, expected):
    with pytest.raises(FormError) as refused:
        make_form(survey, filename="mine.xlsx")
    message = refused.value.message
    assert message.startswith("The form 'mine.xlsx' cannot be loaded")
    assert expected in message


def test_settings_and_xml_instance(multilingual_form):
    assert (multilingual_form.form_id, multilingual_form.version) == ("multi", "3")
    session = multilingual_form.new_session(device_id="desk-7")
    session.set("age", 33)
    xml = session.to_xml()
    assert xml.startswith("<?xml") and 'id="multi"' in xml and 'version="3"' in xml
    assert "<age>33</age>" in xml and "<instanceID>uuid:" in xml


XFORM = """<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
  xmlns:jr="http://openrosa.org/javarosa"><h:head><h:title>t</h:title><model>
  <instance><data id="t"><a/><b/><meta><instanceID/></meta></data></instance>
  <bind nodeset="/data/a" type="int"/>
  <bind nodeset="/data/b" type="string" relevant="{relevant}"/>
  <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
  </model></h:head><h:body><input ref="/data/a"><label>A</label></input>
  <input ref="/data/b"><label>B</label></input></h:body></h:html>"""


@pytest.mark.parametrize(
    "relevant, expected",
    [
        # a path to a missing node is accepted, as ODK Validate does: test_cycles_and_references.py
        ("digest(/data/a, 'MD5')", "the function digest() is not known"),
    ],
)
def test_hand_written_xform_with_bad_references_is_refused(relevant, expected):
    from forms.engine import load_xform

    with pytest.raises(FormError, match=re.escape(expected)):
        load_xform(XFORM.format(relevant=relevant), "hand.xml")
    assert load_xform(XFORM.format(relevant="/data/a > 1"), "hand.xml").question("b").rules.relevant


def test_files_that_are_not_xlsforms_are_refused(tmp_path):
    from forms.engine import load_form, load_form_bytes

    with pytest.raises(FormError, match=re.escape("expected an .xlsx or .xls file")):
        load_form_bytes(b"a,b\n", "form.csv")
    with pytest.raises(FormError, match="not a readable Excel workbook"):
        load_form_bytes(b"\xd0\xcf\x11\xe0 broken", "old.xls")
    with pytest.raises(FormError, match="cannot be read"):
        load_form(tmp_path / "missing.xlsx")


JUNK = [None, "", " ", "abc", "12", "-3", "1.5", "2020-02-30", "1e5", 10**12, 3.7, True, [], ["a", "b"],
        "x" * 300, "10:61", "é'<>&", float("nan"), float("inf"), {"a": 1}, [{"person_age": "x"}]]  # fmt: skip


@pytest.mark.parametrize("value", JUNK, ids=[repr(v)[:20] for v in JUNK])
def test_any_value_gives_a_problem_or_an_answer_never_a_crash(repeat_form, chain_form, value):
    for form in (repeat_form, chain_form):
        session = form.new_session()
        if form is repeat_form:
            session.set("people", 1)
        for question in form.by_path.values():
            if question.kind != "question":
                continue
            at = (0,) * len(question.repeat_chain)
            if question.repeat_chain and session.repeat_count(question.repeat_chain[0].name) == 0:
                continue  # the junk count emptied the repeat
            problem = session.set(question.name, value, at)
            assert problem is None or isinstance(problem, Problem)
        session.errors()
        answers = dict.fromkeys(form.by_name, value)
        assert all(isinstance(p, Problem) and p.field for p in form.validate(answers))
        session.to_xml()


# A name used in two groups is allowed, as in ODK: tests/forms/engine/test_names_in_groups.py


def test_meta_entries_without_a_node_are_kept(chain_form):
    answers = {"a": 2, "meta": {"instanceID": "uuid:b", "deprecatedID": "uuid:a"}}
    session = chain_form.new_session(answers=answers)
    assert session.answers()["meta"]["deprecatedID"] == "uuid:a"
    assert session.answers()["meta"]["instanceID"] == "uuid:b"
    assert "<deprecatedID>uuid:a</deprecatedID>" in session.to_xml()
