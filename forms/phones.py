"""Phone numbers as people say them -> one stored form (E.164, "+16125550147"), with the `phonenumbers`
library (Google's libphonenumber data): spaces, dashes, dots and brackets are fine, a number typed
without "+" is read in the country of residence, and what is wrong is named ("too short for +1"),
never "start with +" for a number that did.

Phone questions are recognised by name (``phone``, or a name ending in ``_phone``), as the shipped form
names them; the country of residence is the ``residence_country`` answer (ISO 3166-1 alpha-2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

REGION_FIELD = "residence_country"

# Problem codes (the GUI turns them into sentences; params in brackets):
NO_COUNTRY_CODE = "phone_no_country_code"  # no "+" and no country of residence to read it in
UNKNOWN_COUNTRY_CODE = "phone_unknown_country_code"  # [code]
TOO_SHORT = "phone_too_short"  # [code]
TOO_LONG = "phone_too_long"  # [code]
NOT_A_NUMBER = "phone_not_a_number"  # letters or other signs
NOT_VALID = "phone_not_valid"  # [code]: a length that no number of that country has


def is_phone_question(name: str, kind: str) -> bool:
    return kind == "text" and (name == "phone" or name.endswith("_phone"))


@dataclass(frozen=True)
class PhoneReading:
    e164: str | None  # "+16125550147" when the number is usable
    problem: str | None = None
    params: dict[str, str] = field(default_factory=dict)


_ALLOWED = set("0123456789+ -.()/")


def read_phone(text: str, region: str | None = None) -> PhoneReading:
    """Parse a typed number; ``region`` (alpha-2) reads a number typed without "+"."""
    typed = text.strip()
    if not typed:
        return PhoneReading(None)
    if not set(typed) <= _ALLOWED or not any(char.isdigit() for char in typed):
        return PhoneReading(None, NOT_A_NUMBER)
    if typed.startswith("00"):  # the international prefix as dialled in Europe and Africa
        typed = "+" + typed[2:]
    country = (region or "").upper() or None
    if not typed.startswith("+") and country is None:
        return PhoneReading(None, NO_COUNTRY_CODE)
    try:
        number = phonenumbers.parse(typed, None if typed.startswith("+") else country)
    except NumberParseException as error:
        if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            if typed.startswith("+"):
                return PhoneReading(None, UNKNOWN_COUNTRY_CODE, {"code": _digits_after_plus(typed)})
            return PhoneReading(None, NO_COUNTRY_CODE)
        if error.error_type in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
            return PhoneReading(None, TOO_SHORT, {"code": _digits_after_plus(typed)})
        if error.error_type == NumberParseException.TOO_LONG:
            return PhoneReading(None, TOO_LONG, {"code": _digits_after_plus(typed)})
        return PhoneReading(None, NOT_A_NUMBER)
    code = str(number.country_code)
    if phonenumbers.region_code_for_country_code(number.country_code or 0) == "ZZ":
        return PhoneReading(None, UNKNOWN_COUNTRY_CODE, {"code": code})
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.TOO_SHORT:
        return PhoneReading(None, TOO_SHORT, {"code": code})
    if reason == ValidationResult.INVALID_LENGTH:
        return PhoneReading(None, NOT_VALID, {"code": code})
    if reason == ValidationResult.TOO_LONG:
        return PhoneReading(None, TOO_LONG, {"code": code})
    # A possible number is kept even when this copy of the numbering plans does not know its range
    # (plans change every month; refusing a real number at the desk would be worse).
    return PhoneReading(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def _digits_after_plus(typed: str) -> str:
    digits = "".join(char for char in typed if char.isdigit())
    return digits[:3]


def format_phone(value: str | None) -> str:
    """A stored number (E.164, or the digits kept for search) shown with its "+": "+1 612-555-0147"."""
    if not value:
        return ""
    text = str(value).strip()
    candidate = text if text.startswith("+") else "+" + "".join(char for char in text if char.isdigit())
    try:
        number = phonenumbers.parse(candidate, None)
    except NumberParseException:
        return candidate if len(candidate) > 1 else text
    if not phonenumbers.is_possible_number(number):
        return candidate
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
