"""A passport's machine-readable zone (ICAO 9303 part 4, TD3: two lines of 44 characters) -> answers.

``parse_td3(text)`` takes the two lines as typed, pasted or sent by a desktop MRZ reader acting as a
keyboard (spaces, a missing or extra line break and lower case are tolerated), checks the five check
digits (document number, birth date, expiry date, optional data and the composite one) and returns a
``PassportMrz``; anything wrong raises ``MrzError`` whose message says, in words, what and where.
``answers_of(mrz, today)`` turns it into the registration form's answers (names, birth date, sex,
nationality and issuing country as the form's ISO alpha-2 codes, document type, number and expiry).

No Qt here; the dialog is ``desktop/pages/registration/mrz_dialog.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from forms.mrz_countries import ALPHA3_TO_ALPHA2, ICAO_CODES

LINE_LENGTH = 44
_WEIGHTS = (7, 3, 1)
_ALLOWED = re.compile(r"^[A-Z0-9<]+$")


class MrzError(ValueError):
    """What is wrong with the typed lines, in one or two sentences (English; the dialog translates by
    ``code``). ``field`` names the part whose check digit failed, if that is the problem."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class PassportMrz:
    document_code: str  # "P" and maybe a second letter
    issuing_state: str  # alpha-3 as printed (or D for Germany)
    family_name: str  # as printed, upper case, spaces between parts
    given_names: str
    document_number: str
    nationality: str
    birth_date: str  # YYMMDD as printed
    sex: str  # M, F or <
    expiry_date: str  # YYMMDD
    optional_data: str


def check_digit(field: str) -> str:
    """ICAO 9303 part 3: digits are themselves, A-Z are 10-35, < is 0; weights 7, 3, 1 repeating."""
    total = 0
    for position, character in enumerate(field):
        if character.isdigit():
            value = int(character)
        elif "A" <= character <= "Z":
            value = ord(character) - ord("A") + 10
        elif character == "<":
            value = 0
        else:
            raise MrzError("character", f"The character {character!r} cannot be in a passport's lines.")
        total += value * _WEIGHTS[position % 3]
    return str(total % 10)


def split_lines(text: str) -> tuple[str, str]:
    """The two lines out of what was typed or pasted (line breaks optional, spaces ignored)."""
    cleaned = [re.sub(r"\s+", "", line).upper() for line in text.splitlines()]
    cleaned = [line for line in cleaned if line]
    if len(cleaned) == 1 and len(cleaned[0]) == 2 * LINE_LENGTH:
        cleaned = [cleaned[0][:LINE_LENGTH], cleaned[0][LINE_LENGTH:]]
    if len(cleaned) != 2:
        raise MrzError(
            "lines",
            f"A passport has two lines of {LINE_LENGTH} characters under its photo page; "
            f"{len(cleaned)} line(s) were given.",
        )
    for number, line in enumerate(cleaned, start=1):
        if len(line) != LINE_LENGTH:
            raise MrzError(
                "length",
                f"Line {number} has {len(line)} characters; a passport line has {LINE_LENGTH}.",
                field=f"line{number}",
            )
        if not _ALLOWED.match(line):
            wrong = sorted({c for c in line if not ("A" <= c <= "Z" or c.isdigit() or c == "<")})
            raise MrzError(
                "character",
                f"Line {number} contains {' '.join(wrong)}: a passport line holds only capital letters, "
                "digits and <.",
                field=f"line{number}",
            )
    return cleaned[0], cleaned[1]


_CHECKS = (
    # (field, start, end, check position, words)
    ("document_number", 0, 9, 9, "the document number"),
    ("birth_date", 13, 19, 19, "the date of birth"),
    ("expiry_date", 21, 27, 27, "the expiry date"),
    ("optional_data", 28, 42, 42, "the optional data (personal number)"),
)


def parse_td3(text: str) -> PassportMrz:
    first, second = split_lines(text)
    if first[0] != "P":
        raise MrzError("not_passport", "The first line of a passport starts with P; this one does not.")
    for field, start, end, check_at, words in _CHECKS:
        expected, printed = check_digit(second[start:end]), second[check_at]
        if field == "optional_data" and printed == "<" and set(second[start:end]) == {"<"}:
            continue  # an empty optional field may have < as its check digit
        if expected != printed:
            raise MrzError(
                "check_digit",
                f"The check digit of {words} does not match (line 2, character {check_at + 1}): "
                "a character was misread or mistyped. Nothing was filled in.",
                field=field,
            )
    composite = second[0:10] + second[13:20] + second[21:43]
    if check_digit(composite) != second[43]:
        raise MrzError(
            "check_digit",
            "The final check digit of line 2 does not match: a character was misread or mistyped. "
            "Nothing was filled in.",
            field="composite",
        )
    for field, start in (("birth_date", 13), ("expiry_date", 21)):
        value = second[start : start + 6]
        if not value.isdigit() or not 1 <= int(value[2:4]) <= 12 or not 1 <= int(value[4:6]) <= 31:
            raise MrzError("date", f"Line 2 does not hold a real date at character {start + 1}.", field)
    if second[20] not in _SEX:
        raise MrzError("sex", f"Line 2 gives the sex as {second[20]}; a passport writes F, M, X or <.", "sex")
    names = first[5:].rstrip("<")
    family, _, given = names.partition("<<")
    return PassportMrz(
        document_code=first[0:2].rstrip("<"),
        issuing_state=first[2:5].rstrip("<"),
        family_name=family.replace("<", " ").strip(),
        given_names=given.replace("<", " ").strip(),
        document_number=second[0:9].rstrip("<"),
        nationality=second[10:13].rstrip("<"),
        birth_date=second[13:19],
        sex=second[20],
        expiry_date=second[21:27],
        optional_data=second[28:42].rstrip("<"),
    )


def country_code(mrz_code: str) -> str | None:
    """The form's ISO alpha-2 code for an MRZ country code, or None (e.g. UTO, the specimen Utopia)."""
    return ALPHA3_TO_ALPHA2.get(mrz_code) or ICAO_CODES.get(mrz_code)


def birth_date_iso(yymmdd: str, today: date) -> str:
    """A birth date is never in the future: 24 is 1924 when read in 2023."""
    year = 2000 + int(yymmdd[:2])
    if year > today.year:
        year -= 100
    return _iso(year, yymmdd)


def expiry_date_iso(yymmdd: str, today: date) -> str:
    """Passports last at most about ten years: the century that puts expiry near today."""
    year = 2000 + int(yymmdd[:2])
    if year > today.year + 50:
        year -= 100
    return _iso(year, yymmdd)


def _iso(year: int, yymmdd: str) -> str:
    try:
        return date(year, int(yymmdd[2:4]), int(yymmdd[4:6])).isoformat()
    except ValueError as error:
        raise MrzError("date", f"{yymmdd} is not a real date.") from error


def _person_name(mrz_name: str) -> str:
    """ERIKSSON -> Eriksson, ANNA MARIA -> Anna Maria (the clerk corrects McDonald-like cases)."""
    return " ".join(part.capitalize() for part in mrz_name.split())


_SEX = {"F": "female", "M": "male", "<": "unspecified", "X": "unspecified"}


@dataclass(frozen=True)
class MrzAnswers:
    answers: dict[str, object]
    unknown_countries: tuple[str, ...]  # MRZ codes with no ISO country (the specimen's UTO)


def answers_of(mrz: PassportMrz, today: date) -> MrzAnswers:
    """The registration form's answers read from the passport."""
    answers: dict[str, object] = {
        "family_name": _person_name(mrz.family_name),
        "given_name": _person_name(mrz.given_names),
        "birth_date": birth_date_iso(mrz.birth_date, today),
        "sex": _SEX[mrz.sex],
        "id_document_type": "passport",
        "document_number": mrz.document_number,
        "document_expiry_date": expiry_date_iso(mrz.expiry_date, today),
    }
    unknown = []
    nationality = country_code(mrz.nationality)
    if nationality:
        answers["nationalities"] = nationality
    else:
        unknown.append(mrz.nationality)
    issuer = country_code(mrz.issuing_state)
    if issuer:
        answers["document_issuing_country"] = issuer
    elif mrz.issuing_state not in unknown:
        unknown.append(mrz.issuing_state)
    return MrzAnswers(answers, tuple(unknown))
