"""A record's dedup profile (the normalised values the rules compare) and its blocking keys.

Keys are stored hashed (BLAKE2b, 96 bits, salted with the form id): the key table is an index, not
a second copy of names, numbers and addresses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from itertools import combinations
from typing import Any

from sync.server.dedup import normalise as n
from sync.server.dedup.rules import Rules

_NORMALISERS: dict[str, Callable[[object], str]] = {
    "text": n.fold,
    "document": n.document_number,
    "phone": n.phone_e164,
    "email": n.email,
    "raw": lambda value: "" if value is None else str(value).strip(),
}
MAX_NAME_TOKENS = 4
KEY_LEN = 24


def _date(value: object) -> str:
    parsed = n.parse_date(value)
    return parsed.isoformat() if parsed else ""


def build_profile(rules: Rules, answers: Mapping[str, Any]) -> dict[str, Any]:
    """``r<i>`` for each rule's value, plus blocking values ``doc``, ``tel``, ``mail``, ``names``, ``bd``."""
    done: dict[tuple[Any, ...], Any] = {}  # a field read the same way twice (a rule and a key) is read once

    def once(how: Callable[[object], Any], name: str) -> Any:
        key = (how, name)
        if key not in done:
            done[key] = how(answers.get(name))
        return done[key]

    def names(fields: tuple[str, ...]) -> list[str]:
        key = (n.name_tokens, fields)
        if key not in done:
            done[key] = n.name_tokens(*(answers.get(name) for name in fields))
        return list(done[key])

    profile: dict[str, Any] = {}
    for index, rule in enumerate(rules.rules):
        if rule.comparison == "name":
            value: Any = names(rule.fields)
        elif rule.comparison == "date":
            value = once(_date, rule.fields[0])
        else:
            value = once(_NORMALISERS[rule.normalise], rule.fields[0])
        if value:
            profile[f"r{index}"] = value
    blocking = rules.blocking
    values = {
        "doc": once(n.document_number, blocking.document) if blocking.document else "",
        "tel": once(n.phone_e164, blocking.phone) if blocking.phone else "",
        "mail": once(n.email, blocking.email) if blocking.email else "",
        "names": names(blocking.names) if blocking.names else [],
        "bd": once(_date, blocking.birth_date) if blocking.birth_date else "",
    }
    profile.update({key: value for key, value in values.items() if value})
    return profile


def _hash(form_id: str, key: str) -> str:
    digest = hashlib.blake2b(f"{form_id}\x1f{key}".encode(), digest_size=KEY_LEN // 2)
    return digest.hexdigest()


def blocking_keys(form_id: str, profile: Mapping[str, Any]) -> set[str]:
    """Document; phone; e-mail; each pair of name keys + birth year; name key + birth date (or swapped)."""
    plain: set[str] = set()
    if len(profile.get("doc", "")) >= 4:
        plain.add("d:" + profile["doc"])
    if profile.get("tel"):
        plain.add("p:" + profile["tel"])
    if "@" in profile.get("mail", ""):
        plain.add("e:" + profile["mail"])
    tokens = [t for t in profile.get("names", []) if not n.is_initial(t)][:MAX_NAME_TOKENS]
    name_keys = sorted({n.name_key(t) for t in tokens} - {""})
    born = profile.get("bd", "")
    if born and name_keys:
        for first, second in combinations(name_keys, 2):
            plain.add(f"n:{first}+{second}|{born[:4]}")
        day = n.parse_date(born)
        swapped = n.day_month_swapped(day) if day else None
        days = [born, swapped.isoformat()] if swapped else [born]
        for key in name_keys:
            for when in days:
                plain.add(f"t:{key}|{when}")
    return {_hash(form_id, key) for key in plain}
