"""The registration reference printed on a person's receipt: short, typable, with a check character.

``XXXX-XXXX-C``: eight Crockford base-32 characters (no I, L, O or U, so nothing reads as another
letter) carry the first 40 bits of the record id (a random UUID), and a ninth is a Luhn mod 32 check
character, which catches every single mistyped character and every swap of two neighbours. Typing is
forgiving: case, spaces and hyphens do not matter, and O reads as 0, I and L as 1.

Because the reference is the record id's start, a clerk who is given a reference finds the record
with a prefix search on the record id (``record_id_prefix``). No Qt, no store here.
"""

from __future__ import annotations

import re
import uuid

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_BASE = len(ALPHABET)
_DATA_CHARACTERS = 8  # 40 bits
_TYPED_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


class ReferenceError(ValueError):
    """A typed reference that cannot be one; the message is one sentence for the person or the clerk."""


def check_character(data: str) -> str:
    """Luhn mod 32 over ``data`` (characters of ``ALPHABET``)."""
    factor, total = 2, 0
    for character in reversed(data):
        addend = factor * ALPHABET.index(character)
        factor = 1 if factor == 2 else 2
        total += addend // _BASE + addend % _BASE
    return ALPHABET[(_BASE - total % _BASE) % _BASE]


def _data_of(record_id: str) -> str:
    bits = uuid.UUID(record_id).int >> (128 - 5 * _DATA_CHARACTERS)
    characters = []
    for _ in range(_DATA_CHARACTERS):
        characters.append(ALPHABET[bits % _BASE])
        bits //= _BASE
    return "".join(reversed(characters))


def reference_of(record_id: str) -> str:
    """The reference of a record, e.g. ``K7M3-9QF2-X``."""
    data = _data_of(record_id)
    return f"{data[:4]}-{data[4:]}-{check_character(data)}"


def normalise(typed: str) -> str:
    """A typed reference in its printed form, or ReferenceError saying what is wrong with it."""
    compact = _SEPARATORS.sub("", typed).upper().translate(_TYPED_ALIASES)
    if len(compact) != _DATA_CHARACTERS + 1:
        raise ReferenceError(
            f"A reference has {_DATA_CHARACTERS + 1} letters and digits (like K7M3-9QF2-X); "
            f"this one has {len(compact)}."
        )
    wrong = sorted({c for c in compact if c not in ALPHABET})
    if wrong:
        raise ReferenceError(f"A reference never contains {', '.join(wrong)}; check the receipt again.")
    data, check = compact[:-1], compact[-1]
    if check_character(data) != check:
        raise ReferenceError("This reference has a typing mistake: its last character does not match.")
    return f"{data[:4]}-{data[4:]}-{check}"


def record_id_prefix(reference: str) -> str:
    """The start of the record id (``xxxxxxxx-xx``) a valid reference stands for."""
    data = normalise(reference).replace("-", "")[:_DATA_CHARACTERS]
    bits = 0
    for character in data:
        bits = bits * _BASE + ALPHABET.index(character)
    hex_digits = f"{bits:010x}"
    return f"{hex_digits[:8]}-{hex_digits[8:]}"


def looks_like_reference(text: str) -> bool:
    try:
        normalise(text)
    except ReferenceError:
        return False
    return True


def record_id_range(typed: str) -> tuple[str, str] | None:
    """The record-id range ``[low, high)`` a typed reference stands for: a whole reference (its check
    character right), or its start in the printed shape, ``XXXX-X`` to ``XXXX-XXXX`` (the hyphen tells
    it from a name or a document number). None when the text is neither."""
    try:
        prefix = record_id_prefix(typed)
    except ReferenceError:
        prefix = None
    if prefix is not None:
        return prefix, prefix + "~"  # '~' sorts after every hex digit and '-'
    compact = typed.strip().upper().translate(_TYPED_ALIASES)
    parts = compact.split("-")
    if len(parts) != 2 or len(parts[0]) != 4 or not 1 <= len(parts[1]) <= 4:
        return None
    data = parts[0] + parts[1]
    if any(character not in ALPHABET for character in data):
        return None
    bits = 0
    for character in data:
        bits = bits * _BASE + ALPHABET.index(character)
    missing = 5 * (_DATA_CHARACTERS - len(data))
    low, high = bits << missing, (bits + 1) << missing  # 40-bit bounds
    return _id_start(low), (_id_start(high) if high < 1 << 40 else "~")


def _id_start(bits: int) -> str:
    digits = f"{bits:010x}"
    return f"{digits[:8]}-{digits[8:]}"
