"""Answers with some values broken, for the validation tests."""

from __future__ import annotations

import random
from typing import Any

ODD_VALUES: list[Any] = [
    None, "", "   ", "yes", "no", "none", "zzz", "1", "-3", "12.5", "1e3", 0, 7, -1, 2.5, True, False,
    [], ["yes"], ["a", "b"], {"x": 1}, "2025-02-30", "1890-01-01", "2099-12-31", "2001-05-17",
    "2024-05-01T10:00:00Z", "10:30", "+33612345678", "0612 345 678", "a@b.org", "not an email",
    "AB-1234", "!!", "x" * 300, "Élodie N'Guessan", "employed retired", "master", "self_employed",
]  # fmt: skip


def _broken(rng: random.Random, answers: dict[str, Any], names: list[str]) -> dict[str, Any]:
    broken = dict(answers)
    for _ in range(rng.randrange(1, 6)):
        move = rng.random()
        name = rng.choice(names)
        if move < 0.35:
            broken[name] = rng.choice(ODD_VALUES)
        elif move < 0.6:
            broken.pop(name, None)
        elif move < 0.7:
            broken[rng.choice(["unknown_question", "identity", "meta_x"])] = "x"
        elif move < 0.8:
            broken["meta"] = rng.choice([{}, {"instanceID": "uuid:1"}, "not a dict", {"start": 5}])
        elif move < 0.9:  # answers that do not apply: refused as not relevant
            broken.update(consent=rng.choice(["no", "yes"]), invest_interest=rng.choice(["no", "yes"]))
        else:
            broken[name] = str(broken.get(name, "")).upper()
    if rng.random() < 0.3:  # another key order: problems come in the answers' order
        items = list(broken.items())
        rng.shuffle(items)
        broken = dict(items)
    return broken
