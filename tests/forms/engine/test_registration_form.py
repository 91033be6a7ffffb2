"""The shipped registration form: generated, convertible, trilingual, and each rule does its job."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.cli.main import main
from forms.definitions import build_registration
from forms.engine import load_form, shipped_form_path

CLOCK = lambda: datetime(2026, 6, 1, 9, 30, tzinfo=UTC)  # noqa: E731 - a fixed "now" for the rules
REQUIRED_NAMES = [
    "given_name", "family_name", "sex", "birth_date", "document_number", "residence_country",
    "residence_city", "phone", "email", "skills_sector",
]  # fmt: skip
VALID = {
    "legal_basis": "consent", "consent": "yes", "given_name": "Ana", "family_name": "Silva",
    "other_names": "Ana Maria", "sex": "female", "birth_date": "1990-05-01", "birth_country": "AO",
    "birth_place": "Luanda", "nationalities": "AO PT", "id_document_type": "passport",
    "document_number": "N1234567", "document_issuing_country": "AO", "document_issue_date": "2020-01-10",
    "document_expiry_date": "2030-01-09", "residence_country": "FR", "residence_region": "Rhône",
    "residence_city": "Lyon", "residence_since": 2015, "phone": "+33 6 12 34 56 78",
    "email": "ana.silva@example.org", "preferred_language": "pt", "household_size": 3, "dependants": 2,
    "education_level": "master", "education_field": "Civil engineering", "occupation": "employed",
    "skills_sector": "construction", "profession": "Engineer", "years_experience": 8,
    "licensed_professions": "engineer", "languages_spoken": "pt fr en", "association_member": "yes",
    "association_name": "Angolans in Lyon", "invest_interest": "yes", "invest_sectors": "energy water",
    "invest_amount": "10k_50k", "skills_transfer_interest": "yes", "return_duration": "1_6m",
    "transfer_sector": "construction", "mentoring_interest": "no", "emergency_name": "João Silva",
    "emergency_phone": "+244923456789", "emergency_relation": "sibling", "remarks": "None",
}  # fmt: skip


@pytest.fixture(scope="module")
def form():
    return load_form(shipped_form_path())


def test_committed_workbook_matches_its_generator():
    workbook = openpyxl.load_workbook(shipped_form_path(), read_only=True)
    for title, rows in build_registration.sheets().items():
        stored = [
            ["" if cell is None else cell for cell in row]
            for row in workbook[title].iter_rows(values_only=True)
        ]
        assert stored == rows, f"run: python -m forms.definitions.build_registration (sheet {title})"


def test_form_has_the_agreed_field_names_settings_and_languages(form):
    for name in REQUIRED_NAMES + list(VALID):
        assert form.question(name).kind == "question"
    assert form.form_id == "diaspora_registration"
    assert form.languages == ["English (en)", "French (fr)", "Portuguese (pt)"]
    assert form.default_language == "English (en)"
    for name in ("registration_place", "registration_batch", "operator"):
        assert form.question(name).type == "hidden"  # filled by the app, never shown


def test_forms_check_reports_the_three_languages(capsys):
    assert main(["forms", "check", str(shipped_form_path())]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: Diaspora registration (diaspora_registration")
    assert "languages: English (en) (default), French (fr), Portuguese (pt)" in out
    assert "note:" not in out  # pyxform has nothing to say about it


def test_forms_check_refuses_a_broken_form_with_exit_1(tmp_path: Path, capsys):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main(["forms", "check", str(broken)]) == 1
    assert "not a readable Excel workbook" in capsys.readouterr().err


def test_countries_are_iso_codes_named_in_three_languages(form):
    session = form.new_session("fr")
    offered = dict(session.choices("residence_country"))
    assert len(offered) == 249
    assert offered["DE"] == "Allemagne"
    session.set_language("pt")
    assert dict(session.choices("residence_country"))["DE"] == "Alemanha"
    session.set_language("en")
    assert dict(session.choices("nationalities"))["CV"] == "Cabo Verde"


@pytest.mark.parametrize(
    "language, label, notice",
    [
        ("en", "Date of birth", "Notice DD-NOTICE-2026-11."),
        ("fr", "Date de naissance", "Avis DD-NOTICE-2026-11."),
        ("pt", "Data de nascimento", "Aviso DD-NOTICE-2026-11."),
    ],
)
def test_form_is_filled_in_each_language(form, language, label, notice):
    session = form.new_session(language, clock=CLOCK)
    assert session.label("birth_date") == label
    assert session.label("consent_notice").endswith(notice)  # ${notice_version} in the label
    for name, value in VALID.items():
        assert session.set(name, value) is None, name
    for name in ("registration_place", "registration_batch", "operator"):
        session.set(name, f"{name}-1")
    assert session.errors() == {}
    answers = session.answers()
    assert answers["age"] == "36"
    assert answers["meta"]["instanceName"] == "Silva, Ana"
    assert answers["notice_version"] == "DD-NOTICE-2026-11"
    assert form.validate(answers) == []
    assert "<given_name>Ana</given_name>" in session.to_xml()


CONSTRAINT_CASES = [
    ("birth_date", "2026-06-02", "2026-06-01"),  # the future / today
    ("birth_date", "1900-01-01", "1910-01-01"),  # implausible age / 116 years
    ("document_number", "A1", "AB-1234"),
    ("document_issue_date", "2026-07-01", "2026-05-01"),
    ("document_issue_date", "1989-12-31", "1990-05-01"),  # born 1990-05-01
    ("document_expiry_date", "2019-12-31", "2020-01-11"),  # issued 2020-01-10
    ("residence_since", 1989, 1990),  # born 1990
    ("residence_since", 2027, 2026),
    ("phone", "0612345678", "+33612345678"),
    ("phone", "+0 612 345 678", "+351 912 345 678"),
    ("email", "ana@", "ana@example.pt"),
    ("email", "ana silva@example.org", "a.b@c.io"),
    ("household_size", 0, 1),
    ("dependants", 3, 2),  # household of 3
    ("years_experience", 71, 20),
    ("licensed_professions", "none nurse", "nurse teacher"),
    ("emergency_phone", "12345", "+244923456789"),
]


def test_every_constraint_of_the_form_has_a_case(form):
    constrained = {q.name for q in form.by_path.values() if q.rules.constraint}
    assert constrained == {field for field, _bad, _good in CONSTRAINT_CASES}


@pytest.mark.parametrize("field, bad, good", CONSTRAINT_CASES)
def test_each_constraint_fires_on_a_bad_value_and_not_on_a_good_one(form, field, bad, good):
    session = form.new_session("pt", answers=VALID, clock=CLOCK)
    assert session.set(field, bad) is None  # well typed: the constraint, not the type, refuses it
    problem = session.errors()[field]
    assert problem.code == "constraint" and problem.params["message"]
    session.set(field, good)
    assert field not in session.errors()


def test_constraint_message_follows_the_session_language(form):
    session = form.new_session("fr", answers=VALID, clock=CLOCK)
    session.set("email", "nope")
    assert session.errors()["email"].params["message"] == "Adresse électronique invalide."


@pytest.mark.parametrize(
    "trigger, value, follow_ups",
    [
        ("consent", "no", ["given_name", "residence_city", "phone", "skills_sector"]),
        ("id_document_type", "none", ["document_number", "document_expiry_date"]),
        ("invest_interest", "no", ["invest_sectors", "invest_amount"]),
        ("skills_transfer_interest", "no", ["return_duration", "transfer_sector"]),
        ("association_member", "no", ["association_name"]),
        ("occupation", "student", ["profession", "years_experience"]),
        ("education_level", "primary", ["education_field"]),
    ],
)
def test_follow_up_questions_only_when_they_apply(form, trigger, value, follow_ups):
    session = form.new_session(answers=VALID, clock=CLOCK)
    assert all(session.visible(name) for name in follow_ups)
    session.set(trigger, value)
    assert not any(session.visible(name) for name in follow_ups)
    answers = session.answers()
    assert not set(follow_ups) & set(answers)  # non-relevant answers are not kept


def test_required_fields_are_reported_with_the_form_message(form):
    session = form.new_session("pt", clock=CLOCK)
    session.set("consent", "yes")
    errors = session.errors()
    assert errors["given_name"].code == "required"
    assert errors["given_name"].params["message"] == "Esta resposta é obrigatória."
    assert "email" not in errors  # optional


def test_validate_rejects_exactly_what_typing_rejects(form):
    answers = dict(VALID, household_size="three", sex="other", nationalities="AO XX", surname="Silva")
    problems = {(p.field, p.code) for p in form.validate(answers)}
    assert problems == {
        ("household_size", "type_integer"),
        ("sex", "not_a_choice"),
        ("nationalities", "not_a_choice"),
        ("surname", "unknown_field"),
    }
    session = form.new_session(clock=CLOCK)
    assert session.set("household_size", "three").code == "type_integer"
    assert session.set("sex", "other").code == "not_a_choice"


def test_one_definition_validates_from_many_threads_at_once(form):
    # the server validates uploaded records in worker threads with one cached definition
    from concurrent.futures import ThreadPoolExecutor

    bad = dict(VALID, email="nope", household_size="x")

    def problems(index: int) -> set[tuple[str | None, str]]:
        return {(p.field, p.code) for p in form.validate(VALID if index % 2 else bad)}

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(problems, range(80)))
    assert all(result == set() for result in results[1::2])
    assert all(
        result == {("email", "constraint"), ("household_size", "type_integer")} for result in results[0::2]
    )


def test_stored_xform_is_what_pyxform_makes_of_the_committed_workbook(tmp_path: Path):
    from forms.engine.loader import run_pyxform
    from forms.engine.prebuilt import read_prebuilt

    data = shipped_form_path().read_bytes()
    stored = read_prebuilt(shipped_form_path(), data)
    assert stored is not None, "run: python -m forms.definitions.build_registration"
    fresh = run_pyxform(data, shipped_form_path().name)
    assert stored.split("-->", 1)[1].strip() == fresh.partition("?>")[2].strip()
    # a changed workbook, or one outside forms/definitions, is always converted afresh
    assert read_prebuilt(shipped_form_path(), data + b" ") is None
    copy = tmp_path / shipped_form_path().name
    copy.write_bytes(data)
    (tmp_path / "diaspora_registration.xform.xml").write_text(stored, encoding="utf-8")
    assert read_prebuilt(copy, data) is None
