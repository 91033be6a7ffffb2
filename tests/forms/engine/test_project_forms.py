"""The project's own XLSForms (tests/data/project_forms.py) either run (a scripted filling respects
their rules) or are refused with one sentence naming sheet, row and column: languages, repeats,
repeat_count, choice filters, read-only question types, .xls and .xlsx, in every clone."""

from __future__ import annotations

import pytest
import xlrd

from forms.engine import FormError, load_form
from tests.data.project_forms import TUTORIAL_XLS, TUTORIAL_XLS_SHEETS, write_forms

from .filler import assert_filling_respects_the_rules

REFUSED = {
    "vendor_type.xlsx": (
        "sheet 'survey', row 4, column A ('type'): the question type 'Select one from source'"
    ),
    "duplicate_header.xlsx": (
        "sheet 'survey', row 1: the column header 'label' appears twice (columns C and D)"
    ),
}
# file -> (languages, repeats, questions shown read-only because this app does not support them yet)
RUNS = {
    "household_repeats.xlsx": (["English (en)", "Kiswahili (sw)"], 3, set()),  # geopoint, image: issue 13
    "cascading_select.xlsx": (["default"], 0, set()),
    "languages_and_media.xlsx": (
        ["default", "Français (fr)", "العربية (ar)"], 0, {"card_code"}  # audio and video: answerable
    ),
    "tutorial.xls": (["default"], 1, set()),
}  # fmt: skip


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    return write_forms(tmp_path_factory.mktemp("project-forms"))


@pytest.fixture(scope="module")
def loaded(paths):
    return {name: load_form(paths[name]) for name in RUNS}


def test_every_project_form_has_an_expected_outcome(paths):
    assert set(paths) == set(REFUSED) | set(RUNS)


def test_the_xls_file_holds_the_rows_written_in_the_module():
    book = xlrd.open_workbook(str(TUTORIAL_XLS))
    assert book.sheet_names() == list(TUTORIAL_XLS_SHEETS)
    for title, rows in TUTORIAL_XLS_SHEETS.items():
        sheet = book.sheet_by_name(title)
        cells = [[str(value) for value in sheet.row_values(r)] for r in range(sheet.nrows)]
        assert cells == [[str(value) for value in row] for row in rows], title


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_broken_form_is_refused_naming_sheet_row_and_column(paths, name):
    with pytest.raises(FormError) as refused:
        load_form(paths[name])
    message = refused.value.message
    assert REFUSED[name] in message
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("name", sorted(RUNS))
def test_form_loads_with_its_languages_repeats_and_read_only_questions(loaded, name):
    languages, repeats, unsupported = RUNS[name]
    summary = loaded[name].summary()
    assert summary["languages"] == languages
    assert summary["repeats"] == repeats
    assert set(summary["read_only_unsupported"]) == unsupported


@pytest.mark.parametrize("name", sorted(RUNS))
def test_scripted_filling_respects_the_rules(loaded, name):
    assert_filling_respects_the_rules(loaded[name])


def test_cascading_choice_filter_reads_the_primary_instance(loaded):
    session = loaded["cascading_select.xlsx"].new_session()
    assert [name for name, _ in session.choices("region")] == []
    session.set("country", "liberia")
    assert [name for name, _ in session.choices("region")] == ["montserrado", "margibi"]
    session.set("region", "montserrado")
    assert [name for name, _ in session.choices("town")] == ["monrovia", "paynesville"]
    session.set("town", "monrovia")
    session.set("country", "ghana")  # the town no longer belongs to the offered choices
    assert session.errors()["town"].code == "not_a_choice"
    assert [name for name, _ in session.choices("region")] == ["greater_accra", "ashanti"]


def test_repeat_rules_run_once_per_instance(loaded):
    definition = loaded["household_repeats.xlsx"]
    session = definition.new_session("en")
    session.set("slope", 10)
    assert session.value("slope_radius") == "15.23"  # round(x, 2) of a trigonometric calculation
    session.set("any_members", "yes")
    session.add_repeat("member")
    session.add_repeat("member")
    session.set("member[1]/member_role", "child")
    session.set("member[2]/member_role", "adult")
    session.set("member[1]/member_age", 20)
    session.set("member[2]/member_age", 20)
    assert session.errors()["member[1]/member_age"].code == "constraint"
    assert "member[2]/member_age" not in session.errors()
    assert session.value("age_limit", at=(0,)) == "17"
    assert session.value("age_limit", at=(1,)) == "120"
    assert session.value("member_count") == "2"
    session.add_repeat("phone", (1,))  # a repeat inside a repeat: one phone for the second member
    session.set("phone_number", "0770000000", at=(1, 0))
    assert session.value("member[2]/phone[1]/phone_number") == "0770000000"
    assert session.answers()["member"][1]["phone"] == [{"phone_number": "0770000000"}]
    session.set("any_members", "no")
    assert not session.visible("member", at=(0,)) and not session.visible("member[2]")
    assert "member" not in session.answers()


def test_repeat_count_drives_the_number_of_instances(loaded):
    definition = loaded["household_repeats.xlsx"]
    visit = definition.question("visit")
    assert visit.kind == "repeat" and visit.rules.repeat_count
    session = definition.new_session()
    assert session.repeat_count("visit") == 2  # from the form's own fixed count


def test_labels_follow_the_language_and_fall_back_to_the_default(loaded):
    definition = loaded["languages_and_media.xlsx"]
    arabic = definition.new_session("ar")
    assert arabic.label("full_name") == "الاسم الكامل"
    assert arabic.choices("consent") == [("yes", "نعم"), ("no", "لا")]
    french = definition.new_session("fr")
    french.set("full_name", "Awa")
    assert french.label("thanks") == "Merci, Awa"
    assert definition.new_session().label("full_name") == "Full name"
    swahili = loaded["household_repeats.xlsx"].new_session("sw")
    assert swahili.label("slope") == "Mteremko (digrii)"
    assert swahili.hint("slope") == "0 to 60"  # no Swahili hint: the English one, never "-"


def test_read_only_types_refuse_answers_and_are_never_required(loaded):
    session = loaded["languages_and_media.xlsx"].new_session()
    assert session.set("card_code", "x").code == "read_only"
    assert session.read_only("card_code") and not session.required("card_code")
    for name in ("voice_note", "clip"):  # attachments since issue 13: a file name, kept in the store
        assert session.set(name, "0123456789abcdef0123.m4a") is None
        assert session.set(name, "../x").code == "type_attachment"


@pytest.mark.parametrize("name", sorted(set(RUNS) | set(REFUSED)))
def test_forms_check_exit_code_and_output_per_project_form(paths, name, capsys):
    from desktop.cli.main import main

    code = main(["forms", "check", str(paths[name])])
    out, err = capsys.readouterr()
    if name in REFUSED:
        assert code == 1 and out == ""
        assert REFUSED[name] in err and "Traceback" not in err
    else:
        assert code == 0 and out.startswith("ok: ") and err == ""
        assert f"repeats: {RUNS[name][1]}," in out
        for language in RUNS[name][0]:
            assert language in out
        if name == "tutorial.xls":  # pyxform's warnings, as notes with their row
            assert "note: row 4: On the 'choices' sheet, the 'label' value is invalid." in out
            assert "note: row 5: On the 'choices' sheet, the 'label' value is invalid." in out
