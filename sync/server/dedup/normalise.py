"""Normalising what people type: names, phone numbers, e-mail addresses, document numbers, dates.

Names: accents, apostrophes, hyphens, spacing and case are folded away (``N'Guessan Kouamé`` and
``Nguessan  kouame`` give the same tokens); particles (da, dos, de, van, al...) are dropped; a token of
one letter is an initial; known spellings of one name (Mohamed, Mohammed, Muhammad) share a canonical
key; any other token gets a phonetic skeleton, so transliterations differing in vowels, doubled
letters or ``ou``/``u``, ``ph``/``f``, ``c``/``k`` share a key too. Given/family order is ignored by
comparing token sets (see compare.py).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers

from sync.server.dedup.variants import CANONICAL

# Letters NFKD does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l", "Ł": "l",
     "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’ʼ`´‘ʻ]")
_SEPARATORS = re.compile(r"[^0-9a-z]+")

# Dropped from names: Portuguese, Spanish, French, Italian, Dutch, German particles and the Arabic
# article written apart ("Al Hassan"). Dropped only when the name has other tokens.
PARTICLES = frozenset(
    {"da", "das", "do", "dos", "de", "e", "del", "della", "dello", "di", "du", "des", "van", "von",
     "der", "den", "ter", "al", "el", "y"}
)  # fmt: skip

# Transliteration equivalences applied in order before vowels are dropped (skeleton keys only).
_SKELETON_STEPS = (
    ("ph", "f"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ck", "k"), ("qu", "k"),
    ("q", "k"), ("c", "k"), ("x", "ks"), ("ou", "u"), ("w", "u"), ("y", "i"), ("z", "s"), ("dj", "j"),
)  # fmt: skip
_VOWELS = frozenset("aeiou")


def fold(text: object) -> str:
    """Lower case ASCII words separated by single spaces; apostrophes join, hyphens and dots separate."""
    if text is None:
        return ""
    value = str(text)
    if not value.isascii():  # ASCII text is its own NFKC and NFKD, with no letter to map or accent to drop
        value = unicodedata.normalize("NFKC", value).translate(_LETTERS)
        value = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    value = _APOSTROPHES.sub("", value.lower())
    return _SEPARATORS.sub(" ", value).strip()


def name_tokens(*parts: object) -> list[str]:
    """The folded words of a name, in order, without particles (unless the name is only particles)."""
    words = [word for part in parts for word in fold(part).split()]
    kept = [word for word in words if word not in PARTICLES]
    return kept or words


def is_initial(token: str) -> bool:
    return len(token) == 1


def canonical(token: str) -> str:
    """The canonical spelling of a known name variant, else the token itself."""
    return CANONICAL.get(token, token)


def skeleton(token: str) -> str:
    """A phonetic skeleton: first letter, then consonants, after transliteration equivalences."""
    value = token
    for old, new in _SKELETON_STEPS:
        value = value.replace(old, new)
    value = value.replace("h", "") or value
    collapsed = [value[0]] if value else []
    for char in value[1:]:
        if char != collapsed[-1]:
            collapsed.append(char)
    if not collapsed:
        return ""
    first = collapsed[0]
    return first + "".join(c for c in collapsed[1:] if c not in _VOWELS)


def name_key(token: str) -> str:
    """The blocking key of one name token: its variant group when known, else its skeleton."""
    known = CANONICAL.get(token)
    return known if known is not None else skeleton(token)


def phone_e164(text: object) -> str:
    """A phone number in E.164 (+<country><number>), or "" when it cannot be read as one."""
    raw = str(text or "").strip()
    if not raw:
        return ""
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", raw)
        return f"+{digits}" if raw.startswith("+") and len(digits) >= 7 else ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(text: object) -> str:
    return str(text or "").strip().lower()


def document_number(text: object) -> str:
    """Upper-case letters and digits only (spaces, dashes, dots are how it was read, not the number)."""
    return re.sub(r"[^0-9A-Z]", "", fold(text).upper())


def parse_date(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text or "")[:10])
    except ValueError:
        return None


def day_month_swapped(value: date) -> date | None:
    """The date with day and month exchanged (3 April <-> 4 March); None if no date or the same."""
    if value.day > 12 or value.day == value.month:
        return None
    try:
        return value.replace(month=value.day, day=value.month)
    except ValueError:
        return None
