"""The one catalogue of the reasons an import report gives for a rejected cell, by problem code.

The command line prints them as written here (English); the import dialog passes a ``translate``
function (Qt's, context ``ImportReasons``), whose French and Portuguese live in
resources/i18n/import_{fr,pt}.ts — so a sentence is written once and translated once, and the
dialog can never drift from the command line. ``%1``/``%2`` are filled after translating.

Reasons never repeat the cell's value (docs/security.md): only parameters that say what is expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from forms.dates import TYPED_DATE_FORMATS

TRANSLATION_CONTEXT = "ImportReasons"

REASONS = {
    "required": "required, but empty",
    "type_integer": "not a whole number",
    "type_decimal": "not a number",
    "type_date": f"not a valid date (expected {TYPED_DATE_FORMATS})",
    "type_datetime": "not a valid date and time (expected YYYY-MM-DD HH:MM)",
    "type_time": "not a valid time (expected HH:MM)",
    "type_text": "not text",
    "not_a_choice": "not one of the allowed values (see the Choices sheet of the template)",
    "read_only": "read-only in the form: leave this column empty",
    "unknown_field": "not a field of the form",
    "not_relevant": "should be empty: the form does not ask this question given the other answers",
    "not_a_repeat": "repeated answers cannot be imported from a spreadsheet",
    "computed": "computed by the form: leave this column empty",
    "unnamed_column": "a value under a column without a name",
    # typed layouts (forms.dates, forms.phones): what typing would say, without the cell's value
    "date_no_such_day": f"no such day in that month (expected {TYPED_DATE_FORMATS})",
    "date_no_such_month": f"no such month: months go from 1 to 12 (expected {TYPED_DATE_FORMATS})",
    "phone_no_country_code": "a phone number without + and the country code, and no country of residence",
    "phone_unknown_country_code": "a phone number whose country code no country uses",
    "phone_too_short": "too few digits for a phone number of its country",
    "phone_too_long": "too many digits for a phone number of its country",
    "phone_not_valid": "no phone number of its country has that many digits",
    "phone_not_a_number": "not a phone number: digits, with + and the country code in front",
}
WITH_MESSAGE = "does not meet the form's rule: %1"
WITHOUT_MESSAGE = "does not meet the form's rule"
OUT_OF_RANGE = "outside the allowed range (%1 to %2)"
UNKNOWN_CODE = "refused by the form (%1)"


def all_sentences() -> list[str]:
    """Every sentence of the catalogue, as the translation files must hold them."""
    return [*REASONS.values(), WITH_MESSAGE, WITHOUT_MESSAGE, OUT_OF_RANGE, UNKNOWN_CODE]


def _same(text: str) -> str:
    return text


def reason_for(code: str, params: dict[str, Any], translate: Callable[[str], str] = _same) -> str:
    """The reason for ``code``; ``translate`` turns a catalogue sentence into the reader's language."""
    if code == "constraint":
        message = params.get("message")
        if message:
            return translate(WITH_MESSAGE).replace("%1", str(message))
        return translate(WITHOUT_MESSAGE)
    if code == "out_of_range":
        text = translate(OUT_OF_RANGE)
        return text.replace("%1", str(params.get("minimum"))).replace("%2", str(params.get("maximum")))
    if code in REASONS:
        return translate(REASONS[code])
    return translate(UNKNOWN_CODE).replace("%1", code)
