"""Cell safety shared by the XLSX and CSV writers: formula neutralisation and Excel's size limits.

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
could be run as a formula by Excel or LibreOffice (``=HYPERLINK(...)``, ``@SUM(...)``, DDE). In XLSX
such a text is stored as a string cell with Excel's *quote prefix* (what Excel itself does when you
type a leading apostrophe): the value is intact, shown as typed, never evaluated. CSV has no cell
types, so there the text gets a leading apostrophe (the OWASP recommendation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the control characters XML 1.0 cannot hold (openpyxl's own pattern; not imported: importing
# openpyxl costs ~0.5 s and the exporter no longer needs it)
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
FORMULA_TRIGGERS = frozenset("=+-@\t\r")
EXCEL_MAX_CHARS = 32_767
EXCEL_MAX_ROWS = 1_048_576  # including the header row
TRUNCATION_MARKER = "…[truncated]"


@dataclass
class CellStats:
    """What the writers changed, reported in the metadata sheet."""

    neutralised: int = 0
    truncated: int = 0
    control_characters_removed: int = 0


# What a spreadsheet may skip before it decides a CSV cell is a formula (Excel trims spaces and line
# breaks; no-break spaces, the Unicode line/paragraph separators and zero-width characters go too): a
# value such as " =HYPERLINK(...)" or "\u2028@SUM(...)" is neutralised like "=HYPERLINK(...)".
SKIPPED_BEFORE_FORMULA = (
    " \t\r\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u180e"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)


def looks_like_formula(text: str) -> bool:
    if not text:
        return False
    if text[0] in FORMULA_TRIGGERS:
        return True
    return text[0] in SKIPPED_BEFORE_FORMULA and text.lstrip(SKIPPED_BEFORE_FORMULA)[:1] in FORMULA_TRIGGERS


def truncate_for_excel(text: str) -> str:
    """Cut a text to Excel's 32,767 characters, ending with a visible marker."""
    return text[: EXCEL_MAX_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER


def strip_control_characters(text: str) -> str:
    """XML 1.0 cannot hold most control characters; openpyxl refuses them."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def neutralise_for_csv(text: str) -> str:
    return "'" + text
