"""Ingestion serialises a record's answers once: the content hash and the stored answers made from that
one serialisation are exactly ``WireRecord.content_hash()`` and the answers' stored JSON, for answers of
every kind a device can send (nested groups and repeats, non-ASCII, NUL, numbers, tombstones)."""

from __future__ import annotations

import random
import uuid
from typing import Any

from forms.demo_data import demo_registrations
from sync import protocol as p
from sync.server.ingest import _answers_json, _hash_and_stored_answers

LEAVES: list[Any] = [
    None, True, False, 0, -1, 2**53, 1.5, -0.0, 1e-7, 3.0, "", " ", "Élodie N'Guessan", "a\x00b", "\u2028",
    "日本語", "😀", "quote \" and \\ back", "<tag>&amp;", "2026-03-01", "x" * 300,
]  # fmt: skip


def _answers(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for _ in range(rng.randrange(0, 8)):
        key = rng.choice(["name", "Name", "a", "z", "answers", "ä", "0", "group_x", "deleted", ""])
        roll = rng.random()
        if roll < 0.15 and depth < 2:
            answers[key] = _answers(rng, depth + 1)
        elif roll < 0.25 and depth < 2:
            answers[key] = [_answers(rng, depth + 1) for _ in range(rng.randrange(0, 3))]
        else:
            answers[key] = rng.choice(LEAVES)
    return answers


def _record(rng: random.Random, answers: dict[str, Any]) -> p.WireRecord:
    deleted = rng.random() < 0.15
    return p.WireRecord(
        record_id=str(uuid.UUID(int=rng.getrandbits(128))),
        version_id=str(uuid.UUID(int=rng.getrandbits(128))),
        sequence=rng.randrange(0, 10**6),
        form_id=rng.choice(["diaspora_registration", "f", "formulaire_é"]),
        form_version=rng.choice(["2026-11-01", "1", ""]),
        answers={} if deleted and rng.random() < 0.8 else answers,
        replaces=rng.choice([None, str(uuid.UUID(int=rng.getrandbits(128)))]),
        deleted=deleted,
        created_at="2026-03-01T10:00:00+00:00",
        origin_device=rng.choice([None, "laptop-1"]),
        origin_operator=rng.choice([None, "ama"]),
    )


def test_one_serialisation_gives_the_content_hash_and_the_stored_answers() -> None:
    rng = random.Random(11)
    people = demo_registrations(300, seed=4)
    records = [_record(rng, person) for person in people] + [_record(rng, _answers(rng)) for _ in range(3000)]
    for record in records:
        expected = (record.content_hash(), "{}" if record.deleted else _answers_json(record))
        assert _hash_and_stored_answers(record) == expected, record
    assert sum(record.deleted for record in records) > 300
