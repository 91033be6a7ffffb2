"""The one catalogue of the reasons an import report gives for a rejected cell, by problem code, and
of the sentences refusing a whole file (FILE_REFUSALS).

The command line prints them as written here (English); the import dialog passes a ``translate``
function (Qt's, context ``ImportReasons``), whose French and Portuguese live in
resources/i18n/import_{fr,pt}.ts — so a sentence is written once and translated once, and the
dialog can never drift from the command line. ``%1``/``%2`` are filled after translating.

Reasons never repeat the cell's value (docs/security.md): only parameters that say what is expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

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
    "type_geopoint": "not a place: latitude and longitude in degrees, then altitude and accuracy in metres",
    "geopoint_bounds": "a latitude beyond -90..90, a longitude beyond -180..180 or a negative accuracy",
    "type_geotrace": "not a line: two or more points 'latitude longitude' joined by ;",
    "type_geoshape": "not an area: three or more points 'latitude longitude' joined by ;",
    "type_attachment": "not a file name (a name without folders, as the export writes it)",
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


# A file the import refuses whole (forms.importing's ImportFileError): by refusal code, the English
# sentence with %1, %2... where the values of the error go (the file name, a sheet, a column, a figure).
# A raise site names a code and its values; the command line prints refusal_message (this sentence,
# filled in), the dialog says the same code translated (file_refusal), figures written the reader's
# way. tests/desktop/test_import_dialog.py checks that every raise names a code of this catalogue with
# as many values as its sentence has placeholders, and that fr and pt translate every sentence.
FILE_REFUSALS = {
    "no_such_file": "the file %1 does not exist or is not a file",
    "cannot_read": "cannot read %1: check that you may open it",
    "not_a_spreadsheet": "cannot import %1: only .csv and .xlsx files can be imported",
    "no_header": "%1 has no header row: the first row must hold the field names",
    "too_many_columns": "%1: the header row has more than %2 columns, more than an import reads",
    "unnamed_header": "%1: column %2 of the header row has no name",
    "column_twice": "%1: the column %2 appears twice in the header row",
    "not_utf8": "%1 is not UTF-8 text: save it as 'CSV UTF-8' (or as .xlsx) and import it again",
    "header_too_long": (
        "%1: the header row is longer than %2 characters, far longer than the form's field names"
    ),
    "empty": "%1 is empty",
    "header_not_csv": "%1: the header row is not valid CSV",
    "row_not_csv": "%1: row %2 is not valid CSV",
    "first_sheet_empty": "%1: the first sheet is empty",
    "sheet_empty": "%1: the sheet %2 is empty",
    "too_many_rows": (
        "%1 has more than %2 rows below the header (blank rows count too): split it into smaller files"
    ),
    "too_many_cells": "%1 has more than %2 filled cells: split it into smaller files",
    "too_much_text": "%1 holds more than %2 characters of text: split it into smaller files",
    "cell_too_long_at": (
        "%1: row %2, column %3 holds more than %4 characters, the most a spreadsheet cell can hold"
    ),
    "row_cell_too_long": "%1: row %2 holds more than %3 characters, the most a spreadsheet cell can hold",
    "a_cell_too_long": "%1: a cell holds more than %2 characters, the most a spreadsheet cell can hold",
    "file_too_big": "%1 is larger than %2, the most one import reads: split it into smaller files",
    "not_a_workbook": "%1 cannot be opened as an Excel workbook (is it password-protected or damaged?)",
    "too_much_shared_text": "%1 holds more than %2 of shared text: split it into smaller files",
    "too_many_parts": "%1 holds more than %2 parts, far more than a workbook has",
    "unpacks_too_big": "%1 unpacks to more than %2: split it into smaller files",
    "zip_bomb": (
        "%1 is compressed more than %2 times, as only a damaged or hostile file is (a zip bomb): "
        "it was not read"
    ),
    "too_many_texts": "%1 holds more than %2 different texts: split it into smaller files",
    "value_beyond_columns": "%1: row %2 has a value beyond column %3, more columns than an import reads",
    "document_type": (
        "%1 cannot be imported: its part %2 declares a document type (DTD), which no Excel workbook does "
        "and which can make a reader fetch files or run out of memory"
    ),
    "no_index_column": (
        "%1: the sheet %2 links its rows to the first sheet by %3, but the first sheet has no %4 column"
    ),
    "no_parent_column": "%1: the sheet %2 has no %3 column to say which row each of its rows belongs to",
    "not_a_repeat_field": "%1: the column %2 of the sheet %3 is not a field of the repeat %4",
    "app_filled_column": (
        "%1: the column %2 is filled by Diaspora Desk from the batch and the operator; remove that column"
    ),
    "computed_column": "%1: the column %2 is computed by the form or repeated; remove that column",
    "unknown_column": (
        "%1: the column %2 is not a field of the form "
        "(the header row must hold the form's field names; see diaspora-desk import --template)"
    ),
    "no_rows": "%1 has no rows to import: nothing was saved",
    "no_batch_name": "name the batch the records go into (the event or the consulate day)",
}
# How a figure (an int value) is written where it is not a count: a row or column number as a spreadsheet
# shows it (the command line says "row 12345", never "row 12,345"), or a size in MB ("32 MB").
_ROW_OR_COLUMN = {
    "unnamed_header": (2,), "row_not_csv": (2,), "cell_too_long_at": (2, 3), "row_cell_too_long": (2,),
    "value_beyond_columns": (2,),
}  # fmt: skip
_MEGABYTES = {"file_too_big": (2,), "too_much_shared_text": (2,), "unpacks_too_big": (2,)}
_PLACEHOLDER = re.compile(r"%(\d)")


def _same(text: str) -> str:
    return text


class Refusal(Protocol):
    """What file_refusal needs of an ImportFileError (forms.importing.errors imports this module)."""

    @property
    def code(self) -> str: ...

    @property
    def values(self) -> tuple[str | int, ...]: ...


def placeholders(code: str) -> int:
    """How many values the refusal ``code`` takes (its sentence's highest %n)."""
    return max((int(number) for number in _PLACEHOLDER.findall(FILE_REFUSALS[code])), default=0)


def refusal_message(code: str, values: Sequence[str | int]) -> str:
    """The English sentence of the refusal ``code`` filled with ``values``: what the command line prints.
    Figures are written "1,000,000" (a row or column number "12345", a size "32 MB")."""
    if code not in FILE_REFUSALS:
        raise ValueError(f"{code!r} is not a refusal of forms.importing.reasons.FILE_REFUSALS")
    if len(values) != placeholders(code):
        raise ValueError(f"the refusal {code!r} takes {placeholders(code)} values, not {len(values)}")
    return _filled(code, values, _same, None)


def file_refusal(
    refusal: Refusal, translate: Callable[[str], str] = _same, number: Callable[[int], str] | None = None
) -> str:
    """A refusal of the whole file in the reader's language: ``translate`` as for reason_for, ``number``
    writes a figure (1000000) the reader's way. Without them, the English sentence the error carries."""
    return _filled(refusal.code, refusal.values, translate, number)


def _filled(
    code: str,
    values: Sequence[str | int],
    translate: Callable[[str], str],
    number: Callable[[int], str] | None,
) -> str:
    written: dict[int, str] = {}
    for index, value in enumerate(values, start=1):
        if isinstance(value, str):
            written[index] = value
            continue
        if number is not None:
            text = number(value)
        elif index in _ROW_OR_COLUMN.get(code, ()):
            text = str(value)
        else:
            text = f"{value:,}"
        written[index] = text + " MB" if index in _MEGABYTES.get(code, ()) else text
    # One pass: a value holding "%2" (a file name) is never filled in again.
    return _PLACEHOLDER.sub(
        lambda m: written.get(int(m.group(1)), m.group(0)), translate(FILE_REFUSALS[code])
    )


def all_sentences() -> list[str]:
    """Every sentence of the catalogue, as the translation files must hold them."""
    return [
        *REASONS.values(),
        WITH_MESSAGE,
        WITHOUT_MESSAGE,
        OUT_OF_RANGE,
        UNKNOWN_CODE,
        *FILE_REFUSALS.values(),
    ]


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
