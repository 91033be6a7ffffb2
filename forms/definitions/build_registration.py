"""Builds forms/definitions/diaspora_registration.xlsx, the shipped XLSForm, with openpyxl.

Run ``python -m forms.definitions.build_registration`` after editing. Tests check that the committed
workbook matches this generator cell for cell, and that ``diaspora_registration.xform.xml`` (the
XForm pyxform makes of it, stored so the app starts without pyxform) matches the workbook. The
result is a plain XLSForm: any ODK, Kobo or Ona user can open it, and pyxform converts it.

Phone numbers: spaces are ignored, then ``^\\+[1-9][0-9]{6,14}$`` (E.164: a plus, a country code
that does not start with 0, 7 to 15 digits in all).
"""

from __future__ import annotations

import gettext
import sys
from pathlib import Path

import openpyxl
import pycountry

from forms.engine.prebuilt import write_prebuilt

OUTPUT = Path(__file__).resolve().parent / "diaspora_registration.xlsx"
LANGUAGES = ("English (en)", "French (fr)", "Portuguese (pt)")
FORM_VERSION = "2026112401"
NOTICE_VERSION = "DD-NOTICE-2026-11"
PHONE = r"regex(translate(., ' ', ''), '^\+[1-9][0-9]{6,14}$')"
EMAIL = r"regex(., '^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$')"
YES = "${%s} = 'yes'"

# (type, name, (label en, fr, pt), extra columns); hints and messages are (en, fr, pt) tuples
Row = tuple[str, str, tuple[str, str, str] | None, dict[str, object]]

SURVEY: list[Row] = [
    ("start", "start", None, {}),
    ("end", "end", None, {}),
    ("today", "today", None, {}),
    ("deviceid", "deviceid", None, {}),
    ("begin group", "registration", ("Registration", "Enregistrement", "Registo"), {}),
    ("hidden", "registration_place", None, {}),
    ("hidden", "registration_batch", None, {}),
    ("hidden", "operator", None, {}),
    ("calculate", "notice_version", None, {"calculation": f"'{NOTICE_VERSION}'"}),
    (
        "note",
        "consent_notice",
        (
            "Your answers are kept by the consulate to register the diaspora and to contact you about the "
            "programmes you choose. Notice ${notice_version}.",
            "Vos réponses sont conservées par le consulat pour enregistrer la diaspora et vous contacter "
            "au sujet des programmes que vous choisissez. Avis ${notice_version}.",
            "As suas respostas são guardadas pelo consulado para registar a diáspora e contactá-lo sobre "
            "os programas que escolher. Aviso ${notice_version}.",
        ),
        {},
    ),
    (
        "select_one legal_basis",
        "legal_basis",
        ("Legal basis", "Base juridique", "Base jurídica"),
        {"required": "yes"},
    ),
    (
        "select_one yes_no",
        "consent",
        (
            "Does the person agree to be registered?",
            "La personne accepte-t-elle d'être enregistrée ?",
            "A pessoa aceita ser registada?",
        ),
        {"required": "yes"},
    ),
    ("end group", "", None, {}),
    ("begin group", "identity", ("Identity", "Identité", "Identidade"), {"relevant": YES % "consent"}),
    ("text", "given_name", ("Given name(s)", "Prénom(s)", "Nome(s) próprio(s)"), {"required": "yes"}),
    ("text", "family_name", ("Family name", "Nom de famille", "Apelido"), {"required": "yes"}),
    (
        "text",
        "other_names",
        (
            "Other names (birth name, alias)",
            "Autres noms (nom de naissance, alias)",
            "Outros nomes (nome de nascimento, alcunha)",
        ),
        {},
    ),
    ("select_one sex", "sex", ("Sex", "Sexe", "Sexo"), {"required": "yes"}),
    (
        "date",
        "birth_date",
        ("Date of birth", "Date de naissance", "Data de nascimento"),
        {
            "required": "yes",
            "constraint": ". <= today() and (today() - .) div 365.25 <= 120",
            "constraint_message": (
                "The date of birth cannot be in the future nor more than 120 years ago.",
                "La date de naissance ne peut être ni future ni antérieure à 120 ans.",
                "A data de nascimento não pode ser futura nem anterior a 120 anos.",
            ),
        },
    ),
    (
        "calculate",
        "age",
        None,
        {"calculation": "if(${birth_date} = '', '', int((today() - ${birth_date}) div 365.25))"},
    ),
    (
        "select_one country",
        "birth_country",
        ("Country of birth", "Pays de naissance", "País de nascimento"),
        {"appearance": "minimal"},
    ),
    (
        "text",
        "birth_place",
        ("Place of birth (town)", "Lieu de naissance (ville)", "Local de nascimento (cidade)"),
        {},
    ),
    (
        "select_multiple country",
        "nationalities",
        ("Nationalities", "Nationalités", "Nacionalidades"),
        {
            "required": "yes",
            "appearance": "minimal",
            "hint": (
                "Choose every nationality held.",
                "Choisissez toutes les nationalités détenues.",
                "Escolha todas as nacionalidades.",
            ),
        },
    ),
    (
        "select_one id_document",
        "id_document_type",
        ("Identity document", "Pièce d'identité", "Documento de identificação"),
        {"required": "yes"},
    ),
    (
        "text",
        "document_number",
        ("Document number", "Numéro du document", "Número do documento"),
        {
            "required": "yes",
            "relevant": "${id_document_type} != 'none'",
            "constraint": r"regex(., '^[A-Za-z0-9-]{4,20}$')",
            "constraint_message": (
                "4 to 20 letters, digits or dashes.",
                "4 à 20 lettres, chiffres ou tirets.",
                "4 a 20 letras, algarismos ou hífenes.",
            ),
        },
    ),
    (
        "select_one country",
        "document_issuing_country",
        ("Issuing country", "Pays de délivrance", "País emissor"),
        {"relevant": "${id_document_type} != 'none'", "appearance": "minimal"},
    ),
    (
        "date",
        "document_issue_date",
        ("Issue date", "Date de délivrance", "Data de emissão"),
        {
            "relevant": "${id_document_type} != 'none'",
            "constraint": ". <= today() and (${birth_date} = '' or . >= ${birth_date})",
            "constraint_message": (
                "The issue date must be between the date of birth and today.",
                "La date de délivrance doit être entre la date de naissance et aujourd'hui.",
                "A data de emissão tem de estar entre a data de nascimento e hoje.",
            ),
        },
    ),
    (
        "date",
        "document_expiry_date",
        ("Expiry date", "Date d'expiration", "Data de validade"),
        {
            "relevant": "${id_document_type} != 'none'",
            "constraint": "${document_issue_date} = '' or . > ${document_issue_date}",
            "constraint_message": (
                "The expiry date must be after the issue date.",
                "La date d'expiration doit suivre la date de délivrance.",
                "A data de validade tem de ser posterior à data de emissão.",
            ),
        },
    ),
    ("end group", "", None, {}),
    ("begin group", "residence", ("Residence", "Résidence", "Residência"), {"relevant": YES % "consent"}),
    (
        "select_one country",
        "residence_country",
        ("Country of residence", "Pays de résidence", "País de residência"),
        {"required": "yes", "appearance": "minimal"},
    ),
    ("text", "residence_region", ("Region or state", "Région ou État", "Região ou estado"), {}),
    ("text", "residence_city", ("City", "Ville", "Cidade"), {"required": "yes"}),
    (
        "integer",
        "residence_since",
        ("Living there since (year)", "Y réside depuis (année)", "Reside lá desde (ano)"),
        {
            "constraint": ". <= int(format-date(today(), '%Y')) and (${birth_date} = '' or "
            ". >= int(format-date(${birth_date}, '%Y')))",
            "constraint_message": (
                "A year between the year of birth and this year.",
                "Une année entre l'année de naissance et cette année.",
                "Um ano entre o ano de nascimento e o ano corrente.",
            ),
        },
    ),
    ("end group", "", None, {}),
    ("begin group", "contacts", ("Contacts", "Coordonnées", "Contactos"), {"relevant": YES % "consent"}),
    (
        "text",
        "phone",
        ("Phone", "Téléphone", "Telefone"),
        {
            "appearance": "numbers",
            "constraint": PHONE,
            "hint": (
                "With the country code, e.g. +33 6 12 34 56 78.",
                "Avec l'indicatif du pays, ex. +33 6 12 34 56 78.",
                "Com o indicativo do país, p. ex. +351 912 345 678.",
            ),
            "constraint_message": (
                "Start with + and the country code; 7 to 15 digits.",
                "Commencez par + et l'indicatif du pays ; 7 à 15 chiffres.",
                "Comece por + e o indicativo do país; 7 a 15 algarismos.",
            ),
        },
    ),
    (
        "text",
        "email",
        ("Email", "Courriel", "Correio eletrónico"),
        {
            "constraint": EMAIL,
            "constraint_message": (
                "Not a valid email address.",
                "Adresse électronique invalide.",
                "Endereço de correio eletrónico inválido.",
            ),
        },
    ),
    (
        "select_one contact_language",
        "preferred_language",
        ("Preferred language for contact", "Langue de contact préférée", "Língua de contacto preferida"),
        {},
    ),
    ("end group", "", None, {}),
    ("begin group", "household", ("Household", "Ménage", "Agregado familiar"), {"relevant": YES % "consent"}),
    (
        "integer",
        "household_size",
        ("People in the household", "Personnes dans le ménage", "Pessoas no agregado"),
        {
            "constraint": ". >= 1 and . <= 30",
            "constraint_message": (
                "Between 1 and 30 people.",
                "Entre 1 et 30 personnes.",
                "Entre 1 e 30 pessoas.",
            ),
        },
    ),
    (
        "integer",
        "dependants",
        ("Dependants living at home", "Personnes à charge au foyer", "Dependentes em casa"),
        {
            "constraint": ". >= 0 and (${household_size} = '' or . < ${household_size})",
            "constraint_message": (
                "Fewer than the people in the household.",
                "Moins que les personnes du ménage.",
                "Menos do que as pessoas do agregado.",
            ),
        },
    ),
    ("end group", "", None, {}),
    (
        "begin group",
        "skills",
        ("Education and work", "Études et travail", "Estudos e trabalho"),
        {"relevant": YES % "consent"},
    ),
    ("select_one education", "education_level", ("Highest education", "Niveau d'études", "Escolaridade"), {}),
    (
        "text",
        "education_field",
        ("Field of study", "Domaine d'études", "Área de estudos"),
        {"relevant": "selected('vocational bachelor master doctorate', ${education_level})"},
    ),
    (
        "select_one occupation",
        "occupation",
        ("Occupation", "Situation professionnelle", "Situação profissional"),
        {},
    ),
    (
        "select_one sector",
        "skills_sector",
        ("Main skills sector", "Secteur de compétences principal", "Setor principal de competências"),
        {},
    ),
    (
        "text",
        "profession",
        ("Profession", "Profession", "Profissão"),
        {"relevant": "selected('employed self_employed retired', ${occupation})"},
    ),
    (
        "integer",
        "years_experience",
        ("Years of experience", "Années d'expérience", "Anos de experiência"),
        {
            "relevant": "selected('employed self_employed retired', ${occupation}) and ${profession} != ''",
            "constraint": ". >= 0 and . <= 70 and (${age} = '' or . <= ${age})",
            "constraint_message": (
                "Between 0 and 70 years, and not more than the age.",
                "Entre 0 et 70 ans, et pas plus que l'âge.",
                "Entre 0 e 70 anos, e não mais do que a idade.",
            ),
        },
    ),
    (
        "select_multiple licensed",
        "licensed_professions",
        ("Licensed or regulated professions", "Professions réglementées", "Profissões regulamentadas"),
        {
            "constraint": "not(selected(., 'none') and count-selected(.) > 1)",
            "constraint_message": (
                "'None' cannot be combined with a profession.",
                "« Aucune » ne peut pas être combinée avec une profession.",
                "'Nenhuma' não pode ser combinada com uma profissão.",
            ),
        },
    ),
    (
        "select_multiple spoken",
        "languages_spoken",
        ("Languages spoken", "Langues parlées", "Línguas faladas"),
        {},
    ),
    (
        "select_one yes_no",
        "association_member",
        (
            "Member of a diaspora association?",
            "Membre d'une association de la diaspora ?",
            "Membro de uma associação da diáspora?",
        ),
        {},
    ),
    (
        "text",
        "association_name",
        ("Association name", "Nom de l'association", "Nome da associação"),
        {"relevant": YES % "association_member"},
    ),
    ("end group", "", None, {}),
    (
        "begin group",
        "engagement",
        ("Engagement", "Engagement", "Envolvimento"),
        {"relevant": YES % "consent"},
    ),
    (
        "select_one yes_no",
        "invest_interest",
        (
            "Interested in investing at home?",
            "Intéressé(e) par un investissement au pays ?",
            "Interessado(a) em investir no país?",
        ),
        {},
    ),
    (
        "select_multiple sector",
        "invest_sectors",
        ("Sectors to invest in", "Secteurs d'investissement", "Setores de investimento"),
        {"relevant": YES % "invest_interest"},
    ),
    (
        "select_one amount_band",
        "invest_amount",
        ("Indicative amount", "Montant indicatif", "Montante indicativo"),
        {"relevant": YES % "invest_interest"},
    ),
    (
        "select_one yes_no",
        "skills_transfer_interest",
        (
            "Interested in skills transfer or a temporary return?",
            "Intéressé(e) par un transfert de compétences ou un retour temporaire ?",
            "Interessado(a) em transferir competências ou num regresso temporário?",
        ),
        {},
    ),
    (
        "select_one duration",
        "return_duration",
        ("For how long?", "Pour quelle durée ?", "Por quanto tempo?"),
        {"relevant": YES % "skills_transfer_interest"},
    ),
    (
        "select_one sector",
        "transfer_sector",
        ("In which sector?", "Dans quel secteur ?", "Em que setor?"),
        {"relevant": YES % "skills_transfer_interest"},
    ),
    (
        "select_one yes_no",
        "mentoring_interest",
        ("Interested in mentoring?", "Intéressé(e) par le mentorat ?", "Interessado(a) em mentoria?"),
        {},
    ),
    ("end group", "", None, {}),
    (
        "begin group",
        "emergency",
        ("Emergency contact", "Contact d'urgence", "Contacto de emergência"),
        {"relevant": YES % "consent"},
    ),
    ("text", "emergency_name", ("Name", "Nom", "Nome"), {}),
    (
        "text",
        "emergency_phone",
        ("Phone", "Téléphone", "Telefone"),
        {
            "relevant": "${emergency_name} != ''",
            "appearance": "numbers",
            "constraint": PHONE,
            "constraint_message": (
                "Start with + and the country code; 7 to 15 digits.",
                "Commencez par + et l'indicatif du pays ; 7 à 15 chiffres.",
                "Comece por + e o indicativo do país; 7 a 15 algarismos.",
            ),
        },
    ),
    (
        "select_one relation",
        "emergency_relation",
        ("Relationship", "Lien", "Relação"),
        {"relevant": "${emergency_name} != ''"},
    ),
    ("end group", "", None, {}),
    ("text", "remarks", ("Remarks", "Remarques", "Observações"), {"appearance": "multiline"}),
]

CHOICES: dict[str, list[tuple[str, tuple[str, str, str]]]] = {
    "yes_no": [("yes", ("Yes", "Oui", "Sim")), ("no", ("No", "Non", "Não"))],
    "legal_basis": [
        ("consent", ("Consent of the person", "Consentement de la personne", "Consentimento da pessoa")),
        (
            "public_task",
            (
                "Consular registration duty",
                "Mission d'immatriculation consulaire",
                "Dever de registo consular",
            ),
        ),
    ],
    "sex": [
        ("female", ("Female", "Féminin", "Feminino")),
        ("male", ("Male", "Masculin", "Masculino")),
        ("unspecified", ("Unspecified (X)", "Non spécifié (X)", "Não especificado (X)")),
    ],
    "id_document": [
        ("passport", ("Passport", "Passeport", "Passaporte")),
        ("national_id", ("National identity card", "Carte nationale d'identité", "Bilhete de identidade")),
        ("consular_card", ("Consular card", "Carte consulaire", "Cartão consular")),
        ("residence_permit", ("Residence permit", "Titre de séjour", "Autorização de residência")),
        ("birth_certificate", ("Birth certificate", "Acte de naissance", "Certidão de nascimento")),
        ("none", ("None", "Aucune", "Nenhum")),
    ],
    "contact_language": [
        ("en", ("English", "Anglais", "Inglês")),
        ("fr", ("French", "Français", "Francês")),
        ("pt", ("Portuguese", "Portugais", "Português")),
    ],
    "education": [
        ("none", ("None", "Aucun", "Nenhuma")),
        ("primary", ("Primary", "Primaire", "Primário")),
        ("secondary", ("Secondary", "Secondaire", "Secundário")),
        ("vocational", ("Vocational", "Formation professionnelle", "Profissional")),
        ("bachelor", ("Bachelor", "Licence", "Licenciatura")),
        ("master", ("Master", "Master", "Mestrado")),
        ("doctorate", ("Doctorate", "Doctorat", "Doutoramento")),
    ],
    "occupation": [
        ("employed", ("Employed", "Salarié(e)", "Por conta de outrem")),
        ("self_employed", ("Self-employed", "Indépendant(e)", "Por conta própria")),
        ("unemployed", ("Looking for work", "En recherche d'emploi", "À procura de emprego")),
        ("student", ("Student", "Étudiant(e)", "Estudante")),
        ("retired", ("Retired", "Retraité(e)", "Reformado(a)")),
        ("homemaker", ("Homemaker", "Au foyer", "Doméstico(a)")),
        ("other", ("Other", "Autre", "Outro")),
    ],
    "sector": [
        ("agriculture", ("Agriculture", "Agriculture", "Agricultura")),
        ("construction", ("Construction", "Construction", "Construção")),
        ("education", ("Education", "Éducation", "Educação")),
        ("energy", ("Energy", "Énergie", "Energia")),
        ("finance", ("Finance", "Finance", "Finanças")),
        ("health", ("Health", "Santé", "Saúde")),
        ("ict", ("Information technology", "Informatique", "Informática")),
        ("manufacturing", ("Manufacturing", "Industrie", "Indústria")),
        ("public_admin", ("Public administration", "Administration publique", "Administração pública")),
        ("tourism", ("Tourism", "Tourisme", "Turismo")),
        ("trade", ("Trade", "Commerce", "Comércio")),
        ("transport", ("Transport", "Transport", "Transportes")),
        ("water", ("Water and sanitation", "Eau et assainissement", "Água e saneamento")),
        ("other", ("Other", "Autre", "Outro")),
    ],
    "licensed": [
        ("physician", ("Physician", "Médecin", "Médico(a)")),
        ("nurse", ("Nurse", "Infirmier(ère)", "Enfermeiro(a)")),
        ("midwife", ("Midwife", "Sage-femme", "Parteira")),
        ("pharmacist", ("Pharmacist", "Pharmacien(ne)", "Farmacêutico(a)")),
        ("engineer", ("Engineer", "Ingénieur(e)", "Engenheiro(a)")),
        ("teacher", ("Teacher", "Enseignant(e)", "Professor(a)")),
        ("none", ("None", "Aucune", "Nenhuma")),
    ],
    "spoken": [
        ("en", ("English", "Anglais", "Inglês")),
        ("fr", ("French", "Français", "Francês")),
        ("pt", ("Portuguese", "Portugais", "Português")),
        ("es", ("Spanish", "Espagnol", "Espanhol")),
        ("ar", ("Arabic", "Arabe", "Árabe")),
        ("sw", ("Swahili", "Swahili", "Suaíli")),
        ("de", ("German", "Allemand", "Alemão")),
        ("zh", ("Chinese", "Chinois", "Chinês")),
        ("other", ("Other", "Autre", "Outra")),
    ],
    "amount_band": [
        ("lt_10k", ("Under 10,000 USD", "Moins de 10 000 USD", "Menos de 10 000 USD")),
        ("10k_50k", ("10,000 to 50,000 USD", "10 000 à 50 000 USD", "10 000 a 50 000 USD")),
        ("50k_250k", ("50,000 to 250,000 USD", "50 000 à 250 000 USD", "50 000 a 250 000 USD")),
        ("gt_250k", ("Over 250,000 USD", "Plus de 250 000 USD", "Mais de 250 000 USD")),
    ],
    "duration": [
        ("lt_1m", ("Less than a month", "Moins d'un mois", "Menos de um mês")),
        ("1_6m", ("1 to 6 months", "1 à 6 mois", "1 a 6 meses")),
        ("6_12m", ("6 to 12 months", "6 à 12 mois", "6 a 12 meses")),
        ("gt_12m", ("More than a year", "Plus d'un an", "Mais de um ano")),
    ],
    "relation": [
        ("spouse", ("Spouse or partner", "Conjoint(e)", "Cônjuge")),
        ("parent", ("Parent", "Parent", "Pai ou mãe")),
        ("child", ("Child", "Enfant", "Filho(a)")),
        ("sibling", ("Brother or sister", "Frère ou sœur", "Irmão ou irmã")),
        ("friend", ("Friend", "Ami(e)", "Amigo(a)")),
        ("other", ("Other", "Autre", "Outro")),
    ],
}


def countries() -> list[tuple[str, tuple[str, str, str]]]:
    """ISO 3166-1 alpha-2 codes with names from pycountry's own fr and pt translations."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    portuguese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pt"])
    rows = []
    for country in pycountry.countries:
        name = country.name
        rows.append((country.alpha_2, (name, french.gettext(name), portuguese.gettext(name))))
    return sorted(rows, key=lambda row: row[1][0])


SURVEY_COLUMNS = [
    "type",
    "name",
    *(f"label::{lang}" for lang in LANGUAGES),
    *(f"hint::{lang}" for lang in LANGUAGES),
    "required",
    *(f"required_message::{lang}" for lang in LANGUAGES),
    "relevant",
    "constraint",
    *(f"constraint_message::{lang}" for lang in LANGUAGES),
    "calculation",
    "appearance",
]
REQUIRED_MESSAGE = (
    "This answer is required.",
    "Cette réponse est obligatoire.",
    "Esta resposta é obrigatória.",
)


def survey_rows() -> list[list[object]]:
    rows: list[list[object]] = [list(SURVEY_COLUMNS)]
    for kind, name, label, extra in SURVEY:
        hint = extra.get("hint") or ("", "", "")
        message = extra.get("constraint_message") or ("", "", "")
        required = extra.get("required", "")
        required_message = REQUIRED_MESSAGE if required else ("", "", "")
        rows.append(
            [
                kind,
                name,
                *(label or ("", "", "")),
                *hint,
                required,
                *required_message,  # type: ignore[misc]
                extra.get("relevant", ""),
                extra.get("constraint", ""),
                *message,  # type: ignore[misc]
                extra.get("calculation", ""),
                extra.get("appearance", ""),
            ]
        )
    return rows


def choice_rows() -> list[list[object]]:
    rows: list[list[object]] = [["list_name", "name", *(f"label::{lang}" for lang in LANGUAGES)]]
    for list_name, choices in [*CHOICES.items(), ("country", countries())]:
        rows.extend([list_name, name, *labels] for name, labels in choices)
    return rows


def settings_rows() -> list[list[object]]:
    return [
        ["form_title", "form_id", "version", "default_language", "instance_name"],
        [
            "Diaspora registration",
            "diaspora_registration",
            FORM_VERSION,
            LANGUAGES[0],
            "concat(${family_name}, ', ', ${given_name})",
        ],
    ]


def sheets() -> dict[str, list[list[object]]]:
    return {"survey": survey_rows(), "choices": choice_rows(), "settings": settings_rows()}


def build(path: Path = OUTPUT) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets().items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([cell if cell != "" else None for cell in row])
    workbook.save(path)
    if path == OUTPUT:
        write_prebuilt(path)  # the app then starts without running pyxform
    return path


if __name__ == "__main__":
    sys.stdout.write(f"{build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)}\n")
