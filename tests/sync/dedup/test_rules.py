"""Rule files: each comparison type, the weights, and refusals in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.engine import load_form, shipped_form_path
from sync.server.dedup.compare import AGREE, DISAGREE, MISSING, PARTIAL, compare, score
from sync.server.dedup.profile import blocking_keys, build_profile
from sync.server.dedup.rules import Rule, RulesError, check_against_form, load_rules, parse_rules

HEADER = 'form_id = "diaspora_registration"\nthreshold = 5\n'


def rule(comparison: str, **extra: object) -> Rule:
    settings: dict[str, object] = {"agree": 4, "partial": 2, "disagree": -3, **extra}
    return Rule(name=comparison, fields=("x",), comparison=comparison, **settings)  # type: ignore[arg-type]


def test_exact() -> None:
    exact = rule("exact")
    assert compare(exact, "AB123", "AB123") == AGREE
    assert compare(exact, "AB123", "AB124") == DISAGREE
    assert compare(exact, "AB123", "") == MISSING


def test_fuzzy_with_threshold() -> None:
    fuzzy = rule("fuzzy", threshold=0.9)
    assert compare(fuzzy, "saint louis", "saint louis") == AGREE
    assert compare(fuzzy, "saint louis", "saint luis") == PARTIAL
    assert compare(fuzzy, "saint louis", "dakar") == DISAGREE
    assert compare(rule("fuzzy", threshold=0.99), "saint louis", "saint luis") == DISAGREE


def test_date_within_n_days() -> None:
    within = rule("date", within_days=3)
    assert compare(within, "1980-04-03", "1980-04-03") == AGREE
    assert compare(within, "1980-04-03", "1980-04-06") == PARTIAL
    assert compare(within, "1980-04-03", "1980-04-07") == DISAGREE
    assert compare(rule("date"), "1980-04-03", "1980-04-04") == DISAGREE


def test_date_day_month_swapped() -> None:
    swapped = rule("date", day_month_swapped=True)
    assert compare(swapped, "1980-04-03", "1980-03-04") == PARTIAL
    assert compare(rule("date"), "1980-04-03", "1980-03-04") == DISAGREE


def test_name_comparison_levels() -> None:
    names = rule("name", threshold=0.85)
    assert compare(names, ["kouame", "nguessan"], ["nguessan", "kouame"]) == AGREE
    assert compare(names, ["mohamed", "kamara"], ["muhammad", "kamara"]) == AGREE
    assert compare(names, ["mohamed", "kamara"], ["m", "kamara"]) == PARTIAL
    assert compare(names, ["ama", "mensah"], ["kofi", "boateng"]) == DISAGREE


def test_weights_add_up_and_missing_counts_nothing() -> None:
    rules = parse_rules(
        HEADER
        + '[[rule]]\nfield = "document_number"\ncomparison = "exact"\nnormalise = "document"\nagree = 10\n'
        + "disagree = -4\n"
        + '[[rule]]\nfield = "birth_date"\ncomparison = "date"\nday_month_swapped = true\nagree = 6\n'
        + "partial = 3\ndisagree = -5\n",
        "test",
    )
    first = build_profile(rules, {"document_number": "ab-123 45", "birth_date": "1980-04-03"})
    assert (
        score(
            rules, first, build_profile(rules, {"document_number": "AB12345", "birth_date": "1980-03-04"})
        ).score
        == 13
    )
    assert score(rules, first, build_profile(rules, {"birth_date": "1981-01-01"})).score == -5
    assert score(rules, first, build_profile(rules, {"document_number": "X9999"})).score == -4


def test_default_rules_fit_the_shipped_form() -> None:
    rules = load_rules()
    check_against_form(rules, load_form(shipped_form_path()))
    assert rules.form_id == "diaspora_registration"


def test_a_rule_naming_a_missing_field_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(HEADER + '[[rule]]\nfield = "passport_colour"\ncomparison = "exact"\nagree = 3\n')
    with pytest.raises(RulesError) as caught:
        check_against_form(load_rules(path), load_form(shipped_form_path()))
    message = caught.value.message
    assert "passport_colour" in message and "does not have" in message
    assert message.endswith(".") and ". " not in message and "\n" not in message


def test_a_date_comparison_on_a_text_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(HEADER + '[[rule]]\nfield = "family_name"\ncomparison = "date"\nagree = 3\n')
    with pytest.raises(RulesError, match="as a date"):
        check_against_form(load_rules(path), load_form(shipped_form_path()))


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('[[rule]]\nfield = "sex"\ncomparison = "soundex"\nagree = 1\n', "use one of"),
        ('[[rule]]\nfield = "sex"\ncomparison = "exact"\nagree = "high"\n', "needs a number"),
        ('[[rule]]\nfield = "sex"\ncomparison = "exact"\nagree = 1\ncolour = "red"\n', "unknown setting"),
        ('[[rule]]\ncomparison = "exact"\nagree = 1\n', "names no field"),
        ('[[rule]]\nfield = "sex"\ncomparison = "fuzzy"\nthreshold = 2\nagree = 1\n', "between 0 and 1"),
        ("", "has no [[rule]]"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_malformed_rule_files_are_one_sentence(tmp_path: Path, body: str, words: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(HEADER + body)
    with pytest.raises(RulesError, match=words.replace("[", r"\[")):
        load_rules(path)


def test_unreadable_rules_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="Cannot read"):
        load_rules(tmp_path / "missing.toml")


def test_blocking_keys_cover_swaps_variants_and_hide_values() -> None:
    rules = load_rules()
    abidjan = build_profile(
        rules, {"given_name": "N'Guessan", "family_name": "Kouamé", "birth_date": "1980-04-03"}
    )
    paris = build_profile(
        rules, {"given_name": "Kouame", "family_name": "Nguessan", "birth_date": "1980-03-04"}
    )
    keys_a, keys_b = blocking_keys(rules.form_id, abidjan), blocking_keys(rules.form_id, paris)
    assert keys_a & keys_b
    assert not any("kouame" in key or "1980" in key for key in keys_a)
    mohamed = build_profile(
        rules, {"given_name": "Mohamed", "family_name": "Kamara", "birth_date": "1975-07-21"}
    )
    muhammad = build_profile(
        rules, {"given_name": "Muhammad", "family_name": "Kamara", "birth_date": "1975-07-21"}
    )
    assert blocking_keys(rules.form_id, mohamed) == blocking_keys(rules.form_id, muhammad)
