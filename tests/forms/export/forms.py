"""A small registration-shaped XLSForm built with openpyxl for the exporter tests.

It has the shapes the exporter must handle: groups, a select_one, a select_multiple, dates, a
datetime, a repeat with a nested repeat, three languages and start/end metadata.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

LANGUAGES = ("English (en)", "Français (fr)", "Português (pt)")

SURVEY = [
    ("start", "start", None, None, None),
    ("end", "end", None, None, None),
    ("begin_group", "identity", "Identity", "Identité", "Identidade"),
    ("text", "given_name", "Given name", "Prénom", "Nome próprio"),
    ("text", "family_name", "Family name", "Nom", "Apelido"),
    ("date", "birth_date", "Birth date", "Date de naissance", "Data de nascimento"),
    ("end_group", None, None, None, None),
    ("select_one country", "country", "Country of residence", "Pays de résidence", "País de residência"),
    ("text", "city", "City", "Ville", "Cidade"),
    ("text", "phone", "Phone", "Téléphone", "Telefone"),
    ("select_multiple skill", "skills", "Skills", "Compétences", "Competências"),
    ("integer", "years_abroad", "Years abroad", "Années à l'étranger", "Anos no estrangeiro"),
    ("decimal", "height_m", "Height (m)", "Taille (m)", "Altura (m)"),
    ("datetime", "arrived_at", "Arrived at", "Arrivé le", "Chegou em"),
    ("text", "comments", "Comments", "Commentaires", "Comentários"),
    ("begin_repeat", "children", "Children", "Enfants", "Filhos"),
    ("text", "child_name", "Child's name", "Nom de l'enfant", "Nome do filho"),
    ("date", "child_birth_date", "Child's birth date", "Date de naissance", "Data de nascimento"),
    ("begin_repeat", "schools", "Schools", "Écoles", "Escolas"),
    ("text", "school_name", "School", "École", "Escola"),
    ("end_repeat", None, None, None, None),
    ("end_repeat", None, None, None, None),
]

CHOICES = [
    ("country", "LR", "Liberia", "Libéria", "Libéria"),
    ("country", "PT", "Portugal", "Portugal", "Portugal"),
    ("country", "ST", "São Tomé and Príncipe", "Sao Tomé-et-Principe", "São Tomé e Príncipe"),
    ("skill", "health", "Health worker", "Santé", "Saúde"),
    ("skill", "engineer", "Engineer", "Ingénieur", "Engenheiro"),
    ("skill", "teacher", "Teacher", "Enseignant", "Professor"),
]


def write_registration_form(path: Path) -> Path:
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name"] + [f"label::{language}" for language in LANGUAGES])
    for row in SURVEY:
        survey.append(list(row))
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name"] + [f"label::{language}" for language in LANGUAGES])
    for row in CHOICES:
        choices.append(list(row))
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "version", "form_title", "default_language"])
    settings.append(["diaspora_test", "2026112401", "Diaspora registration (test)", "English (en)"])
    workbook.save(path)
    return path
