"""Passphrase rules (docs/security.md, after OWASP ASVS): at least 12 characters, no composition rules, and
not a common password from the list bundled in ``forms/data/common-passwords.txt``."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from .errors import WeakPassphraseError

MIN_LENGTH = 12
MAX_LENGTH = 1024


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = resources.files("forms").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(_canonical(line) for line in text.splitlines() if line and not line.startswith("#"))


def _canonical(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def check_passphrase(passphrase: str) -> None:
    """Raises ``WeakPassphraseError`` with the reason; returns quietly when the passphrase is acceptable."""
    length = len(passphrase)
    if length < MIN_LENGTH:
        raise WeakPassphraseError(f"The passphrase is too short: use at least {MIN_LENGTH} characters.")
    if length > MAX_LENGTH:
        raise WeakPassphraseError(f"The passphrase is too long: use at most {MAX_LENGTH} characters.")
    canonical = _canonical(passphrase)
    if len(set(canonical)) <= 2:
        raise WeakPassphraseError(
            "The passphrase repeats one or two characters; choose a few unrelated words."
        )
    if canonical in common_passwords():
        raise WeakPassphraseError(
            "The passphrase is in the list of common passwords; choose a few unrelated words."
        )
