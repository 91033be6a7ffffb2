"""Duplicate rules per deployment: a TOML file naming fields, how to compare them and their weights.

The shipped registration form's rules are ``default_rules.toml`` beside this module; a deployment
points ``DIASPORA_DEDUP_RULES`` at its own file. A rule naming a field the form lacks, an unknown
comparison or a malformed number is refused at start with one sentence (RulesError).

Scoring is Fellegi-Sunter with hand-set weights: each rule adds ``agree`` points when its fields
agree, ``partial`` points when they nearly agree (a fuzzy match, a day/month swap, a date within N
days), ``disagree`` points (negative) when both records have values that differ, and nothing when
either record lacks the value. A pair whose total reaches ``threshold`` is queued for a registrar.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forms.errors import DeskError

RULES_ENV = "DIASPORA_DEDUP_RULES"
DEFAULT_RULES_PATH = Path(__file__).resolve().parent / "default_rules.toml"

COMPARISONS = ("exact", "fuzzy", "name", "date")
NORMALISERS = ("text", "document", "phone", "email", "raw")
# The form question types each comparison can read.
_DATE_TYPES = frozenset({"date", "datetime"})
_TEXT_TYPES = frozenset({"text", "hidden", "calculate", "barcode"})


class RulesError(DeskError):
    """The duplicate rules file cannot be used as it is (one sentence saying why)."""


@dataclass(frozen=True)
class Rule:
    name: str
    fields: tuple[str, ...]
    comparison: str
    agree: float
    disagree: float
    partial: float = 0.0
    normalise: str = "text"
    threshold: float = 0.9  # fuzzy and name: the similarity (0..1) that counts as a partial match
    within_days: int = 0  # date: a difference of at most this many days is a partial match
    day_month_swapped: bool = False  # date: day and month exchanged is a partial match


@dataclass(frozen=True)
class Blocking:
    """Which fields give the blocking keys (candidate lookup); any may be empty."""

    document: str = ""
    phone: str = ""
    email: str = ""
    names: tuple[str, ...] = ()
    birth_date: str = ""

    def fields(self) -> list[str]:
        single = [self.document, self.phone, self.email, self.birth_date]
        return [name for name in [*single, *self.names] if name]


@dataclass(frozen=True)
class Rules:
    form_id: str
    threshold: float
    rules: tuple[Rule, ...]
    blocking: Blocking
    max_candidates: int = 100
    source: str = "default"
    fingerprint: str = field(default="", compare=False)

    def fields(self) -> list[str]:
        names = [name for rule in self.rules for name in rule.fields] + self.blocking.fields()
        return list(dict.fromkeys(names))


def _number(where: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RulesError(f"In the duplicate rules, {where} needs a number for '{key}'.")
    return float(value)


def _rule(index: int, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise RulesError(f"In the duplicate rules, rule {index} is not a table of settings.")
    name = str(raw.get("name") or f"rule {index}")
    where = f"rule '{name}'"
    known = {"name", "fields", "field", "comparison", "agree", "partial", "disagree", "normalise",
             "threshold", "within_days", "day_month_swapped"}  # fmt: skip
    unknown = sorted(set(raw) - known)
    if unknown:
        raise RulesError(f"In the duplicate rules, {where} has an unknown setting '{unknown[0]}'.")
    fields = raw.get("fields", [raw["field"]] if "field" in raw else [])
    if isinstance(fields, str):
        fields = [fields]
    if not fields or not all(isinstance(f, str) and f for f in fields):
        raise RulesError(f"In the duplicate rules, {where} names no field.")
    comparison = raw.get("comparison")
    if comparison not in COMPARISONS:
        raise RulesError(
            f"In the duplicate rules, {where} compares {comparison!r}; use one of {', '.join(COMPARISONS)}."
        )
    normalise = raw.get("normalise", "text")
    if normalise not in NORMALISERS:
        raise RulesError(
            f"In the duplicate rules, {where} normalises {normalise!r}; use one of {', '.join(NORMALISERS)}."
        )
    if comparison != "name" and len(fields) != 1:
        raise RulesError(
            f"In the duplicate rules, {where} compares one field; only a name rule takes several."
        )
    agree = _number(where, "agree", raw.get("agree"))
    disagree = _number(where, "disagree", raw.get("disagree", 0))
    partial = _number(where, "partial", raw.get("partial", agree / 2))
    threshold = _number(where, "threshold", raw.get("threshold", 0.9))
    if not 0 < threshold <= 1:
        raise RulesError(f"In the duplicate rules, {where} needs a threshold between 0 and 1.")
    within = raw.get("within_days", 0)
    if isinstance(within, bool) or not isinstance(within, int) or within < 0:
        raise RulesError(f"In the duplicate rules, {where} needs a whole number of days of 0 or more.")
    swapped = raw.get("day_month_swapped", False)
    if not isinstance(swapped, bool):
        raise RulesError(f"In the duplicate rules, {where} needs true or false for 'day_month_swapped'.")
    return Rule(
        name, tuple(fields), comparison, agree, disagree, partial, normalise, threshold, within, swapped
    )


def _blocking(raw: Any) -> Blocking:
    if not isinstance(raw, dict):
        raise RulesError("In the duplicate rules, [blocking] is not a table of settings.")
    unknown = sorted(set(raw) - {"document", "phone", "email", "names", "birth_date"})
    if unknown:
        raise RulesError(f"In the duplicate rules, [blocking] has an unknown setting '{unknown[0]}'.")
    names = raw.get("names", [])
    if isinstance(names, str):
        names = [names]
    values = {key: raw.get(key, "") for key in ("document", "phone", "email", "birth_date")}
    if not all(isinstance(v, str) for v in [*values.values(), *names]):
        raise RulesError("In the duplicate rules, [blocking] names fields as text.")
    return Blocking(names=tuple(names), **values)


def parse_rules(text: str, source: str) -> Rules:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"The duplicate rules file {source} is not valid TOML ({exc}).") from None
    unknown = sorted(set(raw) - {"form_id", "threshold", "max_candidates", "rule", "blocking"})
    if unknown:
        raise RulesError(f"The duplicate rules file {source} has an unknown setting '{unknown[0]}'.")
    form_id = raw.get("form_id")
    if not isinstance(form_id, str) or not form_id:
        raise RulesError(f"The duplicate rules file {source} does not say which form_id it is for.")
    rules = raw.get("rule", [])
    if not isinstance(rules, list) or not rules:
        raise RulesError(f"The duplicate rules file {source} has no [[rule]].")
    max_candidates = raw.get("max_candidates", 100)
    if isinstance(max_candidates, bool) or not isinstance(max_candidates, int) or max_candidates < 1:
        raise RulesError(f"In the duplicate rules file {source}, max_candidates must be a whole number >= 1.")
    return Rules(
        form_id=form_id,
        threshold=_number("the file", "threshold", raw.get("threshold")),
        rules=tuple(_rule(i, r) for i, r in enumerate(rules, start=1)),
        blocking=_blocking(raw.get("blocking", {})),
        max_candidates=max_candidates,
        source=source,
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )


def load_rules(path: Path | None = None) -> Rules:
    """The rules in ``path``, else in $DIASPORA_DEDUP_RULES, else the shipped form's defaults."""
    if path is None:
        configured = os.environ.get(RULES_ENV, "").strip()
        path = Path(configured).expanduser() if configured else None
    target = path or DEFAULT_RULES_PATH
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise RulesError(f"Cannot read the duplicate rules file {target}.") from None
    return parse_rules(text, "default" if path is None else str(target))


def check_against_form(rules: Rules, form: Any) -> None:
    """Refuse rules naming a field the form lacks, or comparing dates on a field that holds no date."""
    by_name = form.by_name
    for name in rules.fields():
        if name not in by_name:
            raise RulesError(
                f"The duplicate rules ({rules.source}) name the field '{name}', which form "
                f"{rules.form_id} version {form.version} does not have."
            )
    date_fields = [r.fields[0] for r in rules.rules if r.comparison == "date"]
    if rules.blocking.birth_date:
        date_fields.append(rules.blocking.birth_date)
    for name in date_fields:
        if by_name[name].type not in _DATE_TYPES:
            raise RulesError(
                f"The duplicate rules ({rules.source}) compare '{name}' as a date, but it is a "
                f"{by_name[name].type} question in form {rules.form_id}."
            )
