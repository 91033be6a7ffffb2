"""The project's own XLSForms for the engine tests, one feature set each, as rows of cells.

``write_forms(folder)`` writes the .xlsx forms with openpyxl; the one .xls form (``tutorial.xls``) is
kept as a file beside this module because writing the old Excel format needs xlwt, which the project
does not depend on: ``make_xls.py`` rebuilds it from ``TUTORIAL_XLS`` and a test checks the two agree.
Together they exercise what the shared forms of ../shared/xlsforms exercise: several languages
(with and without a default ``label`` column), repeats (nested, inside a relevant group, with a
``repeat_count``), per-instance rules, cascading choice filters, question types shown read-only,
pyxform warnings reported with their row, and broken forms refused by sheet, row and column.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
TUTORIAL_XLS = HERE / "tutorial.xls"

Sheet = list[list[object]]

# Two named languages, three repeats (one nested, one inside a relevant group, one with a fixed
# repeat_count), a trigonometric calculation, a constraint reading a calculation of its own instance,
# and media/location questions this app shows read-only.
HOUSEHOLD: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Kiswahili (sw)", "hint::English (en)", "relevant",
         "constraint", "constraint_message::English (en)", "calculation", "required", "repeat_count"],
        ["decimal", "slope", "Slope of the plot (degrees)", "Mteremko (digrii)", "0 to 60", "",
         ". >= 0 and . < 60", "Between 0 and 60 degrees", "", "yes", ""],
        ["calculate", "slope_radius", "", "", "", "", "", "",
         "round(15 div cos(${slope} * 3.141592653589793 div 180), 2)", "", ""],
        ["select_one yes_no", "any_members", "Does anyone live here?", "Kuna mtu anaishi hapa?", "", "",
         "", "", "", "yes", ""],
        ["begin group", "members_group", "Members", "Wanakaya", "", "${any_members} = 'yes'",
         "", "", "", "", ""],
        ["begin repeat", "member", "Member", "Mwanakaya", "", "", "", "", "", "", ""],
        ["text", "member_name", "Name", "Jina", "", "", "", "", "", "yes", ""],
        ["select_one role", "member_role", "Role", "Nafasi", "", "", "", "", "", "yes", ""],
        ["calculate", "age_limit", "", "", "", "", "", "", "if(${member_role} = 'child', 17, 120)", "", ""],
        ["integer", "member_age", "Age", "Umri", "", "", ". >= 0 and . <= ${age_limit}",
         "Too old for this role", "", "", ""],
        ["geopoint", "member_home", "Home location", "Mahali pa nyumbani", "", "", "", "", "", "", ""],
        ["begin repeat", "phone", "Phone", "Simu", "", "", "", "", "", "", ""],
        ["text", "phone_number", "Phone number", "Nambari ya simu", "", "", "", "", "", "", ""],
        ["end repeat", "", "", "", "", "", "", "", "", "", ""],
        ["end repeat", "", "", "", "", "", "", "", "", "", ""],
        ["end group", "", "", "", "", "", "", "", "", "", ""],
        ["calculate", "member_count", "", "", "", "", "", "", "count(${member})", "", ""],
        ["begin repeat", "visit", "Visit", "Ziara", "", "", "", "", "", "", "2"],
        ["date", "visit_date", "Date of the visit", "Tarehe ya ziara", "", "", "", "", "", "", ""],
        ["image", "visit_photo", "Photo", "Picha", "", "", "", "", "", "", ""],
        ["end repeat", "", "", "", "", "", "", "", "", "", ""],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Kiswahili (sw)"],
        ["yes_no", "yes", "Yes", "Ndiyo"],
        ["yes_no", "no", "No", "Hapana"],
        ["role", "adult", "Adult", "Mtu mzima"],
        ["role", "child", "Child", "Mtoto"],
    ],
    "settings": [["form_title", "form_id", "version", "default_language"],
                 ["Household", "household", "1", "English (en)"]],
}  # fmt: skip

# Three cascading choice lists filtered by the answers before them.
CASCADING: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label", "choice_filter", "required"],
        ["select_one country", "country", "Country", "", "yes"],
        ["select_one region", "region", "Region", "country = ${country}", "yes"],
        ["select_one town", "town", "Town", "country = ${country} and region = ${region}", "yes"],
        ["text", "street", "Street", "", ""],
    ],
    "choices": [
        ["list_name", "name", "label", "country", "region"],
        ["country", "liberia", "Liberia", "", ""],
        ["country", "ghana", "Ghana", "", ""],
        ["region", "montserrado", "Montserrado", "liberia", ""],
        ["region", "margibi", "Margibi", "liberia", ""],
        ["region", "greater_accra", "Greater Accra", "ghana", ""],
        ["region", "ashanti", "Ashanti", "ghana", ""],
        ["town", "monrovia", "Monrovia", "liberia", "montserrado"],
        ["town", "paynesville", "Paynesville", "liberia", "montserrado"],
        ["town", "kakata", "Kakata", "liberia", "margibi"],
        ["town", "accra", "Accra", "ghana", "greater_accra"],
        ["town", "tema", "Tema", "ghana", "greater_accra"],
        ["town", "kumasi", "Kumasi", "ghana", "ashanti"],
    ],
    "settings": [["form_title", "form_id"], ["Where from", "cascading"]],
}  # fmt: skip

# A plain ``label`` column beside two translated ones (so the form has a "default" language), a
# non-Latin language name, and the media and code types this app shows read-only.
LANGUAGES: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label", "label::Français (fr)", "label::العربية (ar)", "constraint", "required"],
        ["text", "full_name", "Full name", "Nom complet", "الاسم الكامل", "string-length(.) > 1", "yes"],
        ["select_one yes_no", "consent", "Consent given?", "Consentement donné ?", "هل وافقت؟", "", "yes"],
        ["barcode", "card_code", "Card barcode", "Code-barres de la carte", "رمز البطاقة", "", ""],
        ["audio", "voice_note", "Voice note", "Note vocale", "ملاحظة صوتية", "", ""],
        ["video", "clip", "Short video", "Courte vidéo", "فيديو قصير", "", ""],
        ["integer", "children", "Children", "Enfants", "الأطفال", ". >= 0", ""],
        ["note", "thanks", "Thank you, ${full_name}", "Merci, ${full_name}", "شكرا ${full_name}", "", ""],
    ],
    "choices": [
        ["list_name", "name", "label", "label::Français (fr)", "label::العربية (ar)"],
        ["yes_no", "yes", "Yes", "Oui", "نعم"],
        ["yes_no", "no", "No", "Non", "لا"],
    ],
    "settings": [["form_title", "form_id", "version"], ["Languages", "languages", "2"]],
}  # fmt: skip

# Refused: a vendor question type in row 4 (the check must name sheet, row and column).
VENDOR_TYPE: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label"],
        ["text", "first_name", "First name"],
        ["integer", "age", "Age"],
        ["Select one from source", "district", "District"],
        ["text", "remarks", "Remarks"],
    ],
}

# Refused: the survey sheet has the column header 'label' twice (columns C and D).
DUPLICATE_HEADER: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label", "label", "required"],
        ["text", "first_name", "First name", "Given name", "yes"],
        ["date", "visit_day", "Visit day", "Day", ""],
    ],
}

# The .xls form (old Excel format): one repeat, a select_multiple and two choices without a label,
# which pyxform reports as warnings with their row on the choices sheet.
TUTORIAL_XLS_SHEETS: dict[str, Sheet] = {
    "survey": [
        ["type", "name", "label", "relevant", "constraint"],
        ["text", "name", "What is your name?", "", ""],
        ["integer", "age", "How old are you?", "", ". >= 0 and . < 130"],
        ["select_multiple languages", "spoken", "Which languages do you speak?", "", ""],
        ["select_one yes_no", "has_children", "Do you have children?", "", ""],
        ["begin repeat", "child", "Child", "${has_children} = 'yes'", ""],
        ["text", "child_name", "Child's name", "", ""],
        ["integer", "child_age", "Child's age", "", ". < ${age}"],
        ["end repeat", "", "", "", ""],
    ],
    "choices": [
        ["list_name", "name", "label"],
        ["languages", "english", "English"],
        ["languages", "french", "French"],
        ["languages", "portuguese", ""],
        ["languages", "arabic", ""],
        ["yes_no", "yes", "Yes"],
        ["yes_no", "no", "No"],
    ],
    "settings": [["form_title", "form_id"], ["Tutorial", "tutorial"]],
}

XLSX_FORMS: dict[str, dict[str, Sheet]] = {
    "household_repeats.xlsx": HOUSEHOLD,
    "cascading_select.xlsx": CASCADING,
    "languages_and_media.xlsx": LANGUAGES,
    "vendor_type.xlsx": VENDOR_TYPE,
    "duplicate_header.xlsx": DUPLICATE_HEADER,
}


def write_xlsx(path: Path, sheets: dict[str, Sheet]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_forms(folder: Path) -> dict[str, Path]:
    """Every project form as a file in ``folder`` (the .xlsx written now, the .xls copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: write_xlsx(folder / name, sheets) for name, sheets in XLSX_FORMS.items()}
    paths[TUTORIAL_XLS.name] = folder / TUTORIAL_XLS.name
    paths[TUTORIAL_XLS.name].write_bytes(TUTORIAL_XLS.read_bytes())
    return paths
