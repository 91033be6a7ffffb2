"""A programme's own XLSForms for the form-library, demo-data, import and batch tests (issue 13).

``write_programme_form(path, version)`` writes a health-worker return form unlike the shipped one: no
given_name/family_name, a `settings` row naming the identifying fields (``identifying_fields``, read by
the records list), relevance, constraints, required questions, a cascading choice filter and a repeat
of children with a constraint reading the instance's own answer.
"""

from __future__ import annotations

from pathlib import Path

from tests.data.project_forms import Sheet, write_xlsx

PROGRAMME_FORM_ID = "health_return"
# The same form as an old-Excel .xls (written by tests/data/make_own_xls.py, which needs xlwt).
OWN_FORM_XLS = Path(__file__).resolve().parent / "own_form.xls"
OWN_FORM_XLS_ID = "health_return_xls"

PROGRAMME: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label", "label::Français (fr)", "required", "relevant", "constraint",
         "constraint_message", "choice_filter", "appearance"],
        ["text", "worker_name", "Health worker's full name", "Nom complet", "yes", "", "", "", "", ""],
        ["text", "licence_no", "**Licence** number", "Numéro de licence", "yes", "",
         "regex(., '^[A-Z]{2}-[0-9]{4}$')", "Two capitals, a dash, four digits", "", ""],
        ["select_one cadre", "cadre", "Cadre", "Catégorie", "yes", "", "", "", "", ""],
        ["integer", "years_abroad", "Years abroad", "Années à l'étranger", "yes", "", ". >= 0 and . <= 50",
         "0 to 50", "", ""],
        ["select_one county", "county", "County of return", "Comté", "yes", "", "", "", "", ""],
        ["select_one district", "district", "District", "District", "yes", "", "", "",
         "county = ${county}", ""],
        ["select_multiple skill", "skills", "Skills", "Compétences", "", "", "", "", "", ""],
        ["text", "other_skill", "Other skill", "Autre compétence", "yes", "selected(${skills}, 'other')",
         "", "", "", ""],
        ["date", "arrival", "Expected arrival", "Arrivée prévue", "", "", ". >= '2020-01-01'", "", "", ""],
        ["begin repeat", "child", "Child travelling", "Enfant", "", "", "", "", "", ""],
        ["text", "child_name", "Child's name", "Nom de l'enfant", "yes", "", "", "", "", ""],
        ["integer", "child_age", "Child's age", "Âge de l'enfant", "yes", "", ". >= 0 and . < 18",
         "Under 18", "", ""],
        ["end repeat", "", "", "", "", "", "", "", "", ""],
        ["text", "notes", "Notes", "Notes", "", "", "", "", "", "multiline"],
    ],
    "choices": [
        ["list_name", "name", "label", "label::Français (fr)", "county"],
        ["cadre", "nurse", "Nurse", "Infirmier", ""],
        ["cadre", "midwife", "Midwife", "Sage-femme", ""],
        ["cadre", "doctor", "Doctor", "Médecin", ""],
        ["county", "bong", "Bong", "Bong", ""],
        ["county", "nimba", "Nimba", "Nimba", ""],
        ["district", "gbarnga", "Gbarnga", "Gbarnga", "bong"],
        ["district", "suakoko", "Suakoko", "Suakoko", "bong"],
        ["district", "sanniquellie", "Sanniquellie", "Sanniquellie", "nimba"],
        ["district", "ganta", "Ganta", "Ganta", "nimba"],
        ["skill", "surgery", "Surgery", "Chirurgie", ""],
        ["skill", "paediatrics", "Paediatrics", "Pédiatrie", ""],
        ["skill", "other", "Other", "Autre", ""],
    ],
    "settings": [
        ["form_id", "version", "form_title", "default_language", "identifying_fields"],
        [PROGRAMME_FORM_ID, "1", "Health worker return", "English (en)", "worker_name licence_no"],
    ],
}  # fmt: skip


def programme_sheets(version: str = "1", form_id: str = PROGRAMME_FORM_ID) -> dict[str, Sheet]:
    sheets = {name: [list(row) for row in rows] for name, rows in PROGRAMME.items()}
    sheets["settings"][1][0] = form_id
    sheets["settings"][1][1] = version
    return sheets


def write_programme_form(path: Path, version: str = "1", form_id: str = PROGRAMME_FORM_ID) -> Path:
    return write_xlsx(path, programme_sheets(version, form_id))
