"""Names are unique among siblings (in their nearest group or repeat), as pyxform and ODK require, not
in the whole form. Answers keep flat keys: a name used once in its answers dict is its key; names that
collide get their group path (``emergency/phone`` beside ``person/phone``), see docs/contracts.md."""

from __future__ import annotations

import pytest

from forms.engine import FormError
from forms.export import ExportContext, ExportRecord, export_records
from tests.forms.engine.xlsform import make_form

HEADER = ["type", "name", "label", "relevant", "constraint"]
SURVEY = [
    HEADER,
    ["text", "given_name", "Given name", None, None],
    ["begin group", "person", "Person", None, None],
    ["text", "phone", "Phone", None, "string-length(.) > 5"],
    ["integer", "age", "Age", None, None],
    ["end group", None, None, None, None],
    ["begin group", "emergency", "Emergency contact", None, None],
    ["text", "phone", "Phone", "${given_name} != ''", None],
    ["end group", None, None, None, None],
    ["begin repeat", "children", "Children", None, None],
    ["text", "name", "Name", None, None],
    ["integer", "age", "Age", None, None],
    ["end repeat", None, None, None, None],
    ["begin repeat", "parents", "Parents", None, None],
    ["text", "name", "Name", None, None],
    ["end repeat", None, None, None, None],
]


@pytest.fixture(scope="module")
def form():
    return make_form(SURVEY)


def test_keys_are_names_unless_they_collide_in_one_answers_dict(form):
    keys = {q.path.split("/", 2)[2]: q.key for q in form.by_path.values() if q.kind != "group"}
    assert keys["given_name"] == "given_name"
    assert keys["person/phone"] == "person/phone" and keys["emergency/phone"] == "emergency/phone"
    assert keys["person/age"] == "age"  # 'age' in the children repeat is another answers dict
    assert keys["children/age"] == "age" and keys["children/name"] == "name" == keys["parents/name"]


def test_answers_round_trip_with_group_paths_for_the_colliding_names(form):
    session = form.new_session()
    assert session.set("given_name", "Ana") is None
    assert session.set("person/phone", "123") is None
    assert session.set("emergency/phone", "12") is None
    assert set(session.errors()) == {"person/phone"}  # the person's constraint, not the contact's
    assert session.set("person/phone", "+351912345678") is None
    assert session.errors() == {}
    session.add_repeat("children")
    session.set("children[1]/name", "Kofi")
    session.set("children[1]/age", 4)
    session.add_repeat("parents")
    session.set("parents[1]/name", "Ama")
    answers = session.answers()
    assert answers["person/phone"] == "+351912345678" and answers["emergency/phone"] == "12"
    assert answers["children"] == [{"name": "Kofi", "age": 4}] and answers["parents"] == [{"name": "Ama"}]
    reopened = form.new_session(answers=answers)
    assert reopened.answers() == answers and not reopened.load_problems
    assert form.validate(answers) == []


def test_a_bare_colliding_name_is_not_a_field(form):
    problems = form.validate({"phone": "+351912345678"})
    assert [(p.code, p.field) for p in problems] == [("unknown_field", "phone")]
    with pytest.raises(KeyError):
        form.new_session().set("phone", "1")


def test_errors_name_the_key(form):
    session = form.new_session(answers={"person/phone": "12"})
    assert "person/phone" in session.errors()


def test_two_siblings_with_one_name_are_still_refused():
    with pytest.raises(FormError) as refused:
        make_form([HEADER, ["text", "a", "A", None, None], ["text", "a", "Again", None, None]])
    assert "row 3" in refused.value.message


def test_the_export_keeps_both_phones(form, tmp_path):
    import openpyxl

    answers = {"given_name": "Ana", "person/phone": "+351 1", "emergency/phone": "+239 2",
               "children": [{"name": "Kofi", "age": 4}]}  # fmt: skip
    moment = "2026-06-13T10:00:00+00:00"
    record = ExportRecord("r1", "v1", "b", "ana", "d", moment, moment, "final", answers)
    out = tmp_path / "out.xlsx"
    export_records(form, [record], ExportContext("sup", "all", total=1), out=out)
    book = openpyxl.load_workbook(out)
    main = book.worksheets[0]
    row = dict(zip([c.value for c in main[1]], [c.value for c in main[2]], strict=True))
    assert row["person/phone"] == "+351 1" and row["emergency/phone"] == "+239 2"
    children = book["children"]
    assert [c.value for c in children[2]][:2] == ["Kofi", 4]
