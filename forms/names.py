"""How typed text is compared with names and choice labels, everywhere: records search, duplicate
checks, pickers and filters. Insensitive to case, accents, apostrophes, hyphens and spaces.

No dependency beyond the standard library: the desk's pickers use it without importing the store.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = frozenset("'’ʼ`´")


def normalize_name(text: str) -> str:
    """Casefolded, accents stripped, punctuation dropped, single spaces: what name search compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        if char in _APOSTROPHES:
            continue  # N'Guessan -> nguessan, so "ngue" finds it
        kept.append(char if char.isalnum() else " ")
    return " ".join("".join(kept).split())


def squash(text: str) -> str:
    """Letters and digits only, casefolded, accents stripped ("Côte d'Ivoire" -> "cotedivoire"): what
    the records search index holds and what every picker compares typed text with."""
    return normalize_name(text).replace(" ", "")
