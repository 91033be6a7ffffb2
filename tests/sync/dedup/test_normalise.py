"""Each name normalisation case, phone and e-mail normalisation, and name similarity."""

from __future__ import annotations

import pytest

from sync.server.dedup.compare import name_similarity, token_similarity
from sync.server.dedup.normalise import (
    day_month_swapped,
    document_number,
    email,
    fold,
    name_key,
    name_tokens,
    parse_date,
    phone_e164,
)


def test_accents_and_case_fold_away() -> None:
    assert name_tokens("Kouamé") == name_tokens("KOUAME") == ["kouame"]
    assert fold("Conceição Gonçalves") == "conceicao goncalves"
    assert fold("Søren Æsir Œuvre Straße") == "soren aesir oeuvre strasse"


def test_apostrophes_join_the_word() -> None:
    assert name_tokens("N'Guessan") == name_tokens("N’Guessan") == name_tokens("Nguessan") == ["nguessan"]


def test_hyphens_and_dots_separate_words() -> None:
    assert name_tokens("Jean-Pierre") == ["jean", "pierre"]
    assert name_tokens("J.P.") == ["j", "p"]


def test_spacing_is_collapsed() -> None:
    assert name_tokens("  Ama   Mensah ") == ["ama", "mensah"]
    assert fold("\tAma\u00a0Mensah\n") == "ama mensah"


def test_given_and_family_swapped_compare_equal() -> None:
    abidjan = name_tokens("N'Guessan", "Kouamé")
    paris = name_tokens("Kouame", "Nguessan")
    assert name_similarity(abidjan, paris) == 1.0


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mohamed", "Muhammad"),
        ("Mohammed", "Mohamed"),
        ("Abdoulaye", "Abdullahi"),
        ("Ousmane", "Usman"),
        ("Fatoumata", "Fatmata"),
        ("Aissatou", "Isatu"),
    ],
)
def test_arabic_origin_variants_share_a_key(first: str, second: str) -> None:
    assert name_key(fold(first)) == name_key(fold(second))
    assert token_similarity(fold(first), fold(second)) == 1.0


def test_transliteration_skeleton_joins_spellings_the_table_does_not_know() -> None:
    assert name_key("kouame") == name_key("kwame")
    assert name_key("philippe") == name_key("filipe")
    assert name_key("mensah") != name_key("kamara")


@pytest.mark.parametrize("particle", ["da", "dos", "de", "das", "do"])
def test_portuguese_particles_are_dropped(particle: str) -> None:
    assert name_tokens(f"Maria {particle} Silva") == ["maria", "silva"]
    assert name_tokens("Maria", f"{particle.title()} Silva") == name_tokens("Maria Silva")


def test_a_name_made_only_of_particles_is_kept() -> None:
    assert name_tokens("Do") == ["do"]


def test_initials_match_the_name_they_start() -> None:
    assert token_similarity("m", "mohamed") == 0.9
    assert token_similarity("k", "mohamed") == 0.0
    assert name_similarity(name_tokens("M. Kamara"), name_tokens("Mohamed Kamara")) >= 0.9


def test_typos_are_near_but_not_equal() -> None:
    similarity = name_similarity(name_tokens("Kouassi Yao"), name_tokens("Kouasi Yao"))
    assert 0.9 < similarity < 1.0
    assert name_similarity(name_tokens("Ama Mensah"), name_tokens("Kofi Boateng")) < 0.7


def test_joined_spellings_match() -> None:
    assert name_similarity(name_tokens("Abdel Kader"), name_tokens("Abdelkader")) > 0.9


def test_phone_to_e164() -> None:
    assert phone_e164("+1 612 555 0123") == "+16125550123"
    assert phone_e164("+33 6 12 34 56 78") == phone_e164("0033612345678") == "+33612345678"
    assert phone_e164("") == ""
    assert phone_e164("call me") == ""


def test_email_lowercased_and_trimmed() -> None:
    assert email("  Ama.Mensah@Example.ORG ") == "ama.mensah@example.org"


def test_document_number_keeps_letters_and_digits() -> None:
    assert document_number("ab 123-456.7") == "AB1234567"


def test_day_month_swap() -> None:
    day = parse_date("1980-04-03")
    assert day is not None
    assert str(day_month_swapped(day)) == "1980-03-04"
    assert day_month_swapped(parse_date("1980-04-13")) is None  # type: ignore[arg-type]
    assert day_month_swapped(parse_date("1980-05-05")) is None  # type: ignore[arg-type]
