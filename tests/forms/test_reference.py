"""The receipt's registration reference: round trip to the record id, check character, forgiving typing."""

from __future__ import annotations

import itertools
import uuid

import pytest

from forms.reference import (
    ALPHABET,
    ReferenceError,
    check_character,
    looks_like_reference,
    normalise,
    record_id_prefix,
    reference_of,
)

RECORD_ID = "5f0c9a3e-7b21-4c8e-9d4f-0a1b2c3d4e5f"


def test_reference_is_short_and_typable() -> None:
    reference = reference_of(RECORD_ID)
    assert len(reference) == 11 and reference[4] == "-" and reference[9] == "-"
    assert all(c in ALPHABET for c in reference.replace("-", ""))
    assert normalise(reference) == reference


def test_reference_leads_back_to_the_record_id() -> None:
    for _ in range(200):
        record_id = str(uuid.uuid4())
        assert record_id.startswith(record_id_prefix(reference_of(record_id)))


def test_typing_is_forgiving() -> None:
    reference = reference_of(RECORD_ID)
    typed = " " + reference.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert normalise(typed) == reference


def test_every_single_character_mistake_is_caught() -> None:
    compact = reference_of(RECORD_ID).replace("-", "")
    for position, wrong in itertools.product(range(len(compact)), ALPHABET):
        if compact[position] == wrong:
            continue
        altered = compact[:position] + wrong + compact[position + 1 :]
        assert not looks_like_reference(altered), altered


def test_neighbour_swaps_are_caught() -> None:
    for _ in range(100):
        compact = reference_of(str(uuid.uuid4())).replace("-", "")
        for i in range(len(compact) - 1):
            if compact[i] == compact[i + 1]:
                continue
            swapped = compact[:i] + compact[i + 1] + compact[i] + compact[i + 2 :]
            # Luhn mod N misses only the swap of the two characters whose values sum to N - 1 ...
            values = {ALPHABET.index(compact[i]), ALPHABET.index(compact[i + 1])}
            if values == {0, len(ALPHABET) - 1}:
                continue
            assert not looks_like_reference(swapped), swapped


@pytest.mark.parametrize(
    ("typed", "says"),
    [("K7M3-9QF2", "9 letters and digits"), ("K7M3-9QF2-U", "never contains U"), ("", "has 0")],
)
def test_bad_references_are_one_sentence(typed: str, says: str) -> None:
    with pytest.raises(ReferenceError, match=says):
        normalise(typed)


def test_check_character_known_value() -> None:
    # Luhn mod 32 by hand for "00000001": 1 doubled = 2, (32 - 2) % 32 = 30 -> "Y"
    assert check_character("00000001") == "Y"
