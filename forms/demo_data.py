"""Synthetic registrations for training sessions, demonstrations and benchmarks.

Every person is invented: given and family names are drawn independently from small lists per
origin (Liberian, Ghanaian, Ivorian, Sierra Leonean, Mozambican, Portuguese-speaking, French), so
any match with a real person is a coincidence of common names. Emails use the reserved example.*
domains. The same seed gives the same people on any day (ages are counted from a fixed date), and
every registration is valid for the shipped form (a test checks each one with the engine).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.engine import FormDefinition

# Ages are counted from this day, not today, so a seed gives the same file whenever it runs.
REFERENCE_DAY = date(2026, 1, 1)
MIN_AGE, MAX_AGE = 18, 80


@dataclass(frozen=True)
class Origin:
    country: str  # ISO 3166 alpha-2, as the form's country choices
    language: str  # preferred_language choice
    demonym: str
    given_female: tuple[str, ...]
    given_male: tuple[str, ...]
    family: tuple[str, ...]
    places: tuple[str, ...]
    local_language: str | None = None  # an extra languages_spoken choice


ORIGINS = (
    Origin("LR", "en", "Liberian", ("Musu", "Korto", "Comfort", "Hawa", "Ellen", "Precious"),
           ("Sekou", "Benedict", "Emmanuel", "Jallah", "Momo", "Prince"),
           ("Kollie", "Doe", "Weah", "Flomo", "Kpoto", "Sirleaf", "Tubman", "Gbowee", "Johnson"),
           ("Monrovia", "Gbarnga", "Buchanan", "Harper", "Kakata")),
    Origin("GH", "en", "Ghanaian", ("Akosua", "Abena", "Ama", "Esi", "Adwoa", "Efua"),
           ("Kwame", "Kofi", "Yaw", "Kwabena", "Kwesi", "Kojo"),
           ("Mensah", "Owusu", "Asante", "Boateng", "Appiah", "Osei", "Agyeman", "Darko"),
           ("Accra", "Kumasi", "Tamale", "Cape Coast", "Takoradi")),
    Origin("CI", "fr", "Ivorian", ("Aya", "Adjoua", "Affoué", "Awa", "Akissi", "Mariam"),
           ("Koffi", "Yao", "Konan", "Mamadou", "Kouadio", "Drissa"),
           ("N'Guessan", "Kouassi", "Kouamé", "Ouattara", "Koné", "Bamba", "Coulibaly", "Touré"),
           ("Abidjan", "Bouaké", "Yamoussoukro", "Daloa", "San-Pédro")),
    Origin("SL", "en", "Sierra Leonean", ("Fatmata", "Isatu", "Mariama", "Kadiatu", "Aminata"),
           ("Mohamed", "Abu", "Alhaji", "Ibrahim", "Foday"),
           ("Kamara", "Sesay", "Conteh", "Bangura", "Koroma", "Turay", "Kargbo", "Jalloh"),
           ("Freetown", "Bo", "Kenema", "Makeni")),
    Origin("MZ", "pt", "Mozambican", ("Graça", "Albertina", "Luísa", "Nélia", "Celeste", "Inês"),
           ("Armando", "Celso", "Ernesto", "Júlio", "Anselmo", "Fernando"),
           ("Machel", "Chissano", "Mondlane", "Sitoe", "Cossa", "Macuácua", "Nhantumbo", "Tembe"),
           ("Maputo", "Beira", "Nampula", "Quelimane", "Tete"), "sw"),
    Origin("ST", "pt", "São Toméan", ("Conceição", "Maria", "Edite", "Leopoldina", "Joana"),
           ("João", "Tiago", "Gonçalo", "Aurélio", "Nuno"),
           ("da Silva", "Conceição", "Gonçalves", "Pereira", "Sousa", "Fernandes", "Lima", "Trovoada"),
           ("São Tomé", "Santo António", "Trindade", "Neves")),
    Origin("SN", "fr", "Senegalese", ("Fatou", "Aminata", "Élodie", "Khady", "Hélène"),
           ("Moussa", "Ousmane", "François", "Cheikh", "Jérôme"),
           ("Diop", "Ndiaye", "Fall", "Sow", "Mendy", "Lefèvre", "Gomis", "Faye"),
           ("Dakar", "Thiès", "Saint-Louis", "Ziguinchor"), "ar"),
)  # fmt: skip

# Residence: (country, language spoken there, calling code, mobile number pattern, cities)
# In a pattern each "#" is a random digit; each pattern gives 7-15 digits, as the form's rule wants.
RESIDENCES = (
    ("US", "en", "+1", "###5550###", ("Minneapolis", "Atlanta", "Philadelphia", "Houston", "New York")),
    ("GB", "en", "+44", "7### ######", ("London", "Manchester", "Birmingham", "Leeds")),
    ("FR", "fr", "+33", "6 ## ## ## ##", ("Paris", "Lyon", "Marseille", "Lille", "Bordeaux")),
    ("PT", "pt", "+351", "9## ### ###", ("Lisboa", "Porto", "Amadora", "Setúbal")),
    ("CA", "fr", "+1", "514555####", ("Montréal", "Toronto", "Ottawa", "Calgary")),
    ("DE", "de", "+49", "15# ########", ("Berlin", "Hamburg", "Köln", "Frankfurt am Main")),
    ("BE", "fr", "+32", "4## ## ## ##", ("Bruxelles", "Liège", "Antwerpen", "Charleroi")),
    ("BR", "pt", "+55", "11 9#### ####", ("São Paulo", "Rio de Janeiro", "Salvador", "Belo Horizonte")),
    ("ZA", "en", "+27", "7# ### ####", ("Johannesburg", "Cape Town", "Durban", "Pretoria")),
    ("IT", "en", "+39", "3## ### ####", ("Roma", "Milano", "Torino")),
    ("NL", "en", "+31", "6 ########", ("Amsterdam", "Rotterdam", "Den Haag")),
)

SECTORS = (
    "agriculture", "construction", "education", "energy", "finance", "health", "ict", "manufacturing",
    "public_admin", "tourism", "trade", "transport", "water", "other",
)  # fmt: skip
PROFESSIONS = {
    "agriculture": ("Agronomist", "Farm manager"), "construction": ("Civil engineer", "Site foreman"),
    "education": ("Teacher", "Lecturer"), "energy": ("Electrical engineer", "Solar installer"),
    "finance": ("Accountant", "Bank officer"), "health": ("Nurse", "Physician", "Midwife", "Pharmacist"),
    "ict": ("Software developer", "Network technician"),
    "manufacturing": ("Machine operator", "Quality manager"),
    "public_admin": ("Civil servant",), "tourism": ("Hotel manager", "Tour guide"),
    "trade": ("Shop owner", "Importer"), "transport": ("Truck driver", "Logistics planner"),
    "water": ("Hydrologist",), "other": ("Consultant", "Artist"),
}  # fmt: skip
LICENSES = {
    "Nurse": "nurse", "Physician": "physician", "Midwife": "midwife", "Pharmacist": "pharmacist",
    "Civil engineer": "engineer", "Electrical engineer": "engineer", "Teacher": "teacher",
}  # fmt: skip
EDUCATION = ("none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate")
EDUCATION_WEIGHTS = (1, 3, 10, 8, 12, 6, 2)
FIELDS_OF_STUDY = ("Nursing", "Civil engineering", "Economics", "Computer science", "Agronomy", "Law",
                   "Education", "Business administration")  # fmt: skip
OCCUPATIONS = ("employed", "self_employed", "unemployed", "student", "retired", "homemaker", "other")
OCCUPATION_WEIGHTS = (12, 5, 2, 2, 2, 1, 1)
WITH_PROFESSION = ("employed", "self_employed", "retired")
DOCUMENTS = (("passport", 10), ("national_id", 3), ("consular_card", 2), ("residence_permit", 1))
AMOUNTS = ("lt_10k", "10k_50k", "50k_250k", "gt_250k")
DURATIONS = ("lt_1m", "1_6m", "6_12m", "gt_12m")
RELATIONS = ("spouse", "parent", "child", "sibling", "friend", "other")
EMAIL_DOMAINS = ("example.org", "example.com", "example.net")


def ascii_letters(text: str) -> str:
    """'N'Guessan' -> 'nguessan', 'Conceição' -> 'conceicao': for invented e-mail addresses."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.lower() if ch.isalnum())


class DemoPeople:
    """Draws people from one seeded random generator (never the global one)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._documents: set[str] = set()
        self._emails: set[str] = set()

    def _digits(self, pattern: str) -> str:
        return "".join(str(self.rng.randrange(10)) if ch == "#" else ch for ch in pattern)

    def _day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def _document_number(self) -> str:
        while True:
            number = "".join(self.rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=2)) + self._digits("#######")
            if number not in self._documents:
                self._documents.add(number)
                return number

    def _email(self, given: str, family: str) -> str:
        base = f"{ascii_letters(given.split()[0])}.{ascii_letters(family)}"
        while True:
            address = f"{base}{self.rng.randrange(1, 1000)}@{self.rng.choice(EMAIL_DOMAINS)}"
            if address not in self._emails:
                self._emails.add(address)
                return address

    def person(self) -> dict[str, Any]:
        rng = self.rng
        origin = rng.choice(ORIGINS)
        country, spoken, code, pattern, cities = rng.choice(RESIDENCES)
        sex = rng.choice(("female", "male"))
        given = rng.choice(origin.given_female if sex == "female" else origin.given_male)
        family = rng.choice(origin.family)
        born = self._day_between(
            REFERENCE_DAY.replace(year=REFERENCE_DAY.year - MAX_AGE),
            REFERENCE_DAY.replace(year=REFERENCE_DAY.year - MIN_AGE) - timedelta(days=1),
        )
        age = (REFERENCE_DAY - born).days // 365
        answers: dict[str, Any] = {
            "legal_basis": "consent" if rng.random() < 0.9 else "public_task",
            "consent": "yes",
            "given_name": given,
            "family_name": family,
            "sex": sex,
            "birth_date": born.isoformat(),
            "birth_country": origin.country,
            "birth_place": rng.choice(origin.places),
            "nationalities": origin.country if rng.random() < 0.7 else f"{origin.country} {country}",
        }
        document = rng.choices([d for d, _ in DOCUMENTS], weights=[w for _, w in DOCUMENTS])[0]
        valid_years = 10 if document == "passport" else 5
        # Issued within its validity, so the person at the desk holds a document that is still valid.
        issued = self._day_between(
            REFERENCE_DAY - timedelta(days=(valid_years - 1) * 365), REFERENCE_DAY - timedelta(days=30)
        )
        answers.update(
            id_document_type=document,
            document_number=self._document_number(),
            document_issuing_country=country if document == "residence_permit" else origin.country,
            document_issue_date=issued.isoformat(),
            document_expiry_date=(issued + timedelta(days=valid_years * 365)).isoformat(),
            residence_country=country,
            residence_city=rng.choice(cities),
            residence_since=rng.randint(max(born.year + 1, REFERENCE_DAY.year - 30), REFERENCE_DAY.year),
            phone=f"{code} {self._digits(pattern)}",
            email=self._email(given, family),
            preferred_language=origin.language,
        )
        household = rng.randint(1, 6)
        answers.update(household_size=household, dependants=rng.randint(0, household - 1))
        self._skills(answers, origin, spoken, age)
        self._engagement(answers, origin, answers["residence_city"])
        return answers

    def _skills(self, answers: dict[str, Any], origin: Origin, spoken: str, age: int) -> None:
        rng = self.rng
        level = rng.choices(EDUCATION, weights=EDUCATION_WEIGHTS)[0]
        answers["education_level"] = level
        if level in ("vocational", "bachelor", "master", "doctorate"):
            answers["education_field"] = rng.choice(FIELDS_OF_STUDY)
        occupation = "retired" if age >= 67 else rng.choices(OCCUPATIONS, weights=OCCUPATION_WEIGHTS)[0]
        sector = rng.choice(SECTORS)
        answers.update(occupation=occupation, skills_sector=sector)
        if occupation in WITH_PROFESSION:
            profession = rng.choice(PROFESSIONS[sector])
            answers["profession"] = profession
            answers["years_experience"] = rng.randint(0, min(age - 18, 45))
            answers["licensed_professions"] = LICENSES.get(profession, "none")
        languages = dict.fromkeys(
            [origin.language, spoken, *([origin.local_language] if origin.local_language else [])]
        )
        if rng.random() < 0.5:
            languages["en"] = None
        answers["languages_spoken"] = " ".join(languages)
        member = rng.random() < 0.3
        answers["association_member"] = "yes" if member else "no"
        if member:
            answers["association_name"] = f"{origin.demonym} Community Association"

    def _engagement(self, answers: dict[str, Any], origin: Origin, city: str) -> None:
        rng = self.rng
        invest = rng.random() < 0.4
        answers["invest_interest"] = "yes" if invest else "no"
        if invest:
            answers["invest_sectors"] = " ".join(sorted(rng.sample(SECTORS[:-1], k=rng.randint(1, 3))))
            answers["invest_amount"] = rng.choices(AMOUNTS, weights=(6, 3, 2, 1))[0]
        transfer = rng.random() < 0.35
        answers["skills_transfer_interest"] = "yes" if transfer else "no"
        if transfer:
            answers["return_duration"] = rng.choice(DURATIONS)
            answers["transfer_sector"] = answers["skills_sector"]
        answers["mentoring_interest"] = rng.choice(("yes", "no"))
        if rng.random() < 0.6:
            given = rng.choice(origin.given_female + origin.given_male)
            answers["emergency_name"] = f"{given} {rng.choice(origin.family)}"
            # The same number with its last four digits changed (spaces in the layout are not digits).
            answers["emergency_phone"] = answers["phone"].replace(" ", "")[:-4] + self._digits("####")
            answers["emergency_relation"] = rng.choice(RELATIONS)


def demo_registrations(count: int, seed: int = 0) -> list[dict[str, Any]]:
    """``count`` invented registrations (answers dicts, without the context the app fills)."""
    if count < 0:
        raise ValueError("count must not be negative")
    people = DemoPeople(seed)
    return [people.person() for _ in range(count)]


def write_demo_file(form: FormDefinition, path: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` registrations to ``path`` (.csv or .xlsx) with the import template's columns.

    The shipped registration form gets invented diaspora people (above); any other form gets valid
    random submissions from its own rules (forms.demo_forms), repeats on sheets of their own in an
    .xlsx, laid out as the export lays them out."""
    from forms.importing.fields import importable_questions
    from forms.importing.writers import write_linked, write_rows

    if not is_shipped_form(form):
        from forms.demo_forms import demo_submissions

        write_linked(Path(path), form, demo_submissions(form, count, seed))
        return count
    questions = importable_questions(form)
    columns = [q.name for q in questions]
    rows = demo_registrations(count, seed)
    unknown = sorted({name for row in rows for name in row} - set(columns))
    if unknown:
        # The form changed under the generator: better no file than a file that cannot be imported.
        raise ValueError(f"the demo generator fills fields the form does not have: {', '.join(unknown)}")
    write_rows(Path(path), columns, rows, date_columns={q.name for q in questions if q.type == "date"})
    return count


SHIPPED_FORM_ID = "diaspora_registration"


def is_shipped_form(form: FormDefinition) -> bool:
    """The people generator above writes the shipped form's fields; other forms are filled by rule."""
    return str(form.form_id) == SHIPPED_FORM_ID
