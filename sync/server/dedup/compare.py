"""Comparing two records' profiles rule by rule, and the pair's score (the sum of the rules' points)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz.distance import JaroWinkler, Levenshtein

from sync.server.dedup.normalise import canonical, day_month_swapped, is_initial, skeleton
from sync.server.dedup.rules import Rule, Rules

AGREE, PARTIAL, DISAGREE, MISSING = "agree", "partial", "disagree", "missing"
NAME_AGREE = 0.97  # a name similarity from here on counts as agreement (one letter off in a long name)


def token_similarity(a: str, b: str) -> float:
    """0..1 for two folded name tokens: same name (any known spelling) 1.0, a matching initial 0.9."""
    if a == b or canonical(a) == canonical(b):
        return 1.0
    if is_initial(a) or is_initial(b):
        return 0.9 if a[0] == b[0] else 0.0
    similarity = JaroWinkler.similarity(a, b)
    if similarity >= 0.8 and skeleton(a) == skeleton(b):
        similarity = max(similarity, 0.95)
    return float(similarity)


def name_similarity(first: list[str], second: list[str]) -> float:
    """Order-free: each token of the shorter name is paired with its best partner in the longer one."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    scored = sorted(
        ((token_similarity(x, y), i, j) for i, x in enumerate(short) for j, y in enumerate(long)),
        reverse=True,
    )
    used_short: set[int] = set()
    used_long: set[int] = set()
    total = 0.0
    for similarity, i, j in scored:
        if i in used_short or j in used_long:
            continue
        used_short.add(i)
        used_long.add(j)
        total += similarity
    tokens = total / len(short) - 0.02 * (len(long) - len(short))  # a missing middle name costs a little
    if len(short) == 1 and len(long) > 1:
        tokens *= 0.85  # one name against several says less
    # Joined spellings: "Abdel Kader" / "Abdelkader", "Jean Pierre" / "Jeanpierre", in either order.
    joined_a = "".join(first)
    joined = max(
        Levenshtein.normalized_similarity(joined_a, "".join(second)),
        Levenshtein.normalized_similarity(joined_a, "".join(reversed(second))),
    )
    return max(0.0, tokens, float(joined))


def _compare_dates(rule: Rule, a: str, b: str) -> str:
    if a == b:
        return AGREE
    first, second = date.fromisoformat(a), date.fromisoformat(b)
    if rule.day_month_swapped and day_month_swapped(first) == second:
        return PARTIAL
    if rule.within_days and abs((first - second).days) <= rule.within_days:
        return PARTIAL
    return DISAGREE


def compare(rule: Rule, a: Any, b: Any) -> str:
    """One rule's level for two normalised values (see profile.py)."""
    if not a or not b:
        return MISSING
    if rule.comparison == "exact":
        return AGREE if a == b else DISAGREE
    if rule.comparison == "date":
        return _compare_dates(rule, a, b)
    if rule.comparison == "name":
        if sorted(map(canonical, a)) == sorted(map(canonical, b)):
            return AGREE
        similarity = name_similarity(a, b)
    else:  # fuzzy
        if a == b:
            return AGREE
        similarity = float(JaroWinkler.similarity(a, b))
    if similarity >= NAME_AGREE and rule.comparison == "name":
        return AGREE
    return PARTIAL if similarity >= rule.threshold else DISAGREE


@dataclass(frozen=True)
class Scored:
    score: float
    levels: tuple[tuple[str, str], ...]  # (rule name, level): what agreed, never the values


def score(rules: Rules, first: dict[str, Any], second: dict[str, Any]) -> Scored:
    total = 0.0
    levels: list[tuple[str, str]] = []
    for index, rule in enumerate(rules.rules):
        key = f"r{index}"
        level = compare(rule, first.get(key), second.get(key))
        levels.append((rule.name, level))
        if level == AGREE:
            total += rule.agree
        elif level == PARTIAL:
            total += rule.partial
        elif level == DISAGREE:
            total += rule.disagree
    return Scored(round(total, 2), tuple(levels))
