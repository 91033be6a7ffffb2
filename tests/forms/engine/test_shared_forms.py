"""Every real form in ../shared/xlsforms either runs (a scripted filling respects its rules) or is
refused with one clear sentence naming sheet, row and column. The expected outcome is per file.

An extra: those forms live beside the repository on the project's own machines only, so a clone
without them skips this module (test_project_forms.py covers the same features with the project's
own forms). DIASPORA_SHARED_XLSFORMS names another folder holding them."""

from __future__ import annotations

import pytest

from forms.engine import FormError, load_form
from tests.conftest import SHARED_XLSFORMS, shared_xlsforms_present

from .filler import assert_filling_respects_the_rules

SKIP_REASON = (
    f"no shared XLSForms in {SHARED_XLSFORMS} (they exist only beside the project's own checkouts; "
    "test_project_forms.py covers the same features)"
)
pytestmark = pytest.mark.skipif(not shared_xlsforms_present(), reason=SKIP_REASON)

REFUSED = {
    "onadata__MCH_v1.xlsx": (
        "sheet 'survey', row 17, column A ('type'): the question type 'Select one from source'"
    ),
    "onadata__enumerator_weekly.xlsx": "sheet 'survey', row 1: the column header 'label' appears twice",
}
# file -> (languages, repeats, questions shown read-only because this app does not support them yet:
# barcodes, and choices from a file that was not given with the form)
RUNS = {
    "onadata__external_choice_form_v1.xlsx": (["default"], 0, set()),
    "onadata__good_eats_multilang.xlsx": (["English", "French"], 0, set()),
    "onadata__new_cascading_select.xlsx": (["default"], 0, set()),
    "onadata__subdistrict_profiling_tool.xlsx": (["English (EN)", "العربية", "English"], 0, set()),
    "pyxform__UCL_Biomass_Plot_Form.xlsx": (
        ["Swahili (sw)", "English (en)"],
        5,
        {"region_id", "district_id", "village", "plot_id", "latin_name_id", "stump_latin_name_id",
         "latin_name_id_sp1", "latin_name_id_sp2"},
    ),
    "pyxform__tutorial.xls": (["default"], 1, set()),
    "pyxform__widgets.xls": (
        ["default"], 0, {"my_barcode"}
    ),
    "pyxform__xlsform_spec_test.xlsx": (
        ["default", "chinese", "english"], 1,
        {"barcode_test"},
    ),
}  # fmt: skip


def test_every_shared_form_has_an_expected_outcome():
    files = {path.name for path in SHARED_XLSFORMS.glob("*.xls*")}
    assert files == set(REFUSED) | set(RUNS)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_broken_form_is_refused_naming_sheet_row_and_column(name):
    with pytest.raises(FormError) as refused:
        load_form(SHARED_XLSFORMS / name)
    message = refused.value.message
    assert REFUSED[name] in message
    assert "Traceback" not in message and "\n" not in message


@pytest.fixture(scope="module")
def loaded():
    return {name: load_form(SHARED_XLSFORMS / name) for name in RUNS}


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
    session = loaded["onadata__new_cascading_select.xlsx"].new_session()
    assert [name for name, _ in session.choices("county")] == []
    session.set("state", "washington")
    assert [name for name, _ in session.choices("county")] == ["king", "pierce"]
    session.set("county", "king")
    assert [name for name, _ in session.choices("city")] == ["seattle", "redmond"]
    session.set("city", "seattle")
    session.set("state", "texas")  # the city no longer belongs to the offered choices
    assert session.errors()["city"].code == "not_a_choice"


def test_repeat_rules_run_once_per_instance(loaded):
    definition = loaded["pyxform__UCL_Biomass_Plot_Form.xlsx"]
    session = definition.new_session("en")
    session.set("slope", 10)
    assert session.value("slope_radius") == "15.04"  # round(x, 2) of a trigonometric calculation
    session.set("any_trees", "yes")
    session.add_repeat("trees")
    session.add_repeat("trees")
    session.set("trees[1]/tree_distance", 20)
    session.set("trees[2]/tree_distance", 2)
    assert session.errors()["trees[1]/tree_distance"].code == "constraint"
    assert "trees[2]/tree_distance" not in session.errors()
    assert session.value("size_constraint", at=(0,)) == "15"
    assert session.value("size_constraint", at=(1,)) == "6"
    session.set("any_trees", "no")
    assert not session.visible("trees", at=(0,)) and not session.visible("trees[2]")
    assert "trees" not in session.answers()


def test_repeat_count_drives_the_number_of_instances(loaded):
    definition = loaded["pyxform__xlsform_spec_test.xlsx"]
    question = next(q for q in definition.by_path.values() if q.kind == "repeat")
    session = definition.new_session()
    count_rule = question.rules.repeat_count
    assert count_rule
    assert session.repeat_count(question.name) == 2  # from the form's own default count


@pytest.mark.parametrize("name", sorted(set(RUNS) | set(REFUSED)))
def test_forms_check_exit_code_and_output_per_shared_form(name, capsys):
    from desktop.cli.main import main

    code = main(["forms", "check", str(SHARED_XLSFORMS / name)])
    out, err = capsys.readouterr()
    if name in REFUSED:
        assert code == 1 and out == ""
        assert REFUSED[name] in err and "Traceback" not in err
    else:
        assert code == 0 and out.startswith("ok: ") and err == ""
        assert f"repeats: {RUNS[name][1]}," in out
        for language in RUNS[name][0]:
            assert language in out
        if name == "pyxform__widgets.xls":  # pyxform's warnings, as notes with their row
            assert "note: row 23: On the 'choices' sheet, the 'label' value is invalid." in out
