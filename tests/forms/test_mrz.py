"""Passport MRZ (ICAO 9303 TD3): the published specimens parse; any altered digit is refused in words."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from forms.mrz import MrzError, answers_of, check_digit, parse_td3, split_lines
from forms.mrz_countries import ALPHA3_TO_ALPHA2

# ICAO 9303 part 4, the TD3 specimen (Utopia, a country that does not exist)
ICAO_SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
# The German specimen passport (ICAO code D, empty optional data)
GERMAN_SPECIMEN = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"
TODAY = date(2026, 6, 13)


def test_icao_worked_example_check_digit() -> None:
    assert check_digit("520727") == "3"  # ICAO 9303 part 3's worked example
    assert check_digit("L898902C3") == "6"


def test_icao_specimen_fills_the_form() -> None:
    found = answers_of(parse_td3(ICAO_SPECIMEN), TODAY)
    assert found.answers == {
        "family_name": "Eriksson",
        "given_name": "Anna Maria",
        "birth_date": "1974-08-12",
        "sex": "female",
        "id_document_type": "passport",
        "document_number": "L898902C3",
        "document_expiry_date": "2012-04-15",
    }
    assert found.unknown_countries == ("UTO",)  # Utopia is no ISO country: said, not guessed


def test_german_specimen_maps_icao_code_d() -> None:
    found = answers_of(parse_td3(GERMAN_SPECIMEN), TODAY)
    assert found.answers["nationalities"] == "DE"
    assert found.answers["document_issuing_country"] == "DE"
    assert found.answers["document_expiry_date"] == "2027-02-28"
    assert found.answers["birth_date"] == "1964-08-12"


def test_reader_input_is_tolerated() -> None:
    one_line = ICAO_SPECIMEN.replace("\n", "")
    spaced = "  " + ICAO_SPECIMEN.lower().replace("\n", " \r\n ") + "\n\n"
    assert parse_td3(one_line) == parse_td3(spaced) == parse_td3(ICAO_SPECIMEN)


@pytest.mark.parametrize(
    ("position", "field", "words"),
    [
        (0, "document_number", "document number"),  # a letter of the number
        (9, "document_number", "document number"),  # its check digit
        (15, "birth_date", "date of birth"),
        (23, "expiry_date", "expiry date"),
        (30, "optional_data", "optional data"),
        (43, "composite", "final check digit"),
    ],
)
def test_every_altered_digit_is_refused_in_words(position: int, field: str, words: str) -> None:
    first, second = ICAO_SPECIMEN.split("\n")
    original = second[position]
    altered_char = "7" if original != "7" else "8"
    altered = second[:position] + altered_char + second[position + 1 :]
    with pytest.raises(MrzError) as caught:
        parse_td3(first + "\n" + altered)
    assert caught.value.field == field
    assert words in caught.value.message and "Nothing was filled in" in caught.value.message


def test_sex_is_not_under_a_check_digit_but_must_be_a_sex() -> None:
    # ICAO 9303 covers neither sex nor nationality with a check digit: only their form is checked.
    first, second = ICAO_SPECIMEN.split("\n")
    assert (
        answers_of(parse_td3(first + "\n" + second[:20] + "M" + second[21:]), TODAY).answers["sex"] == "male"
    )
    with pytest.raises(MrzError, match="sex"):
        parse_td3(first + "\n" + second[:20] + "Q" + second[21:])


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("P<UTOERIKSSON", "two lines"),
        (ICAO_SPECIMEN[:-1], "Line 2 has 43 characters"),
        (ICAO_SPECIMEN.replace("ANNA", "AN?A"), "Line 1 contains ?"),
        (ICAO_SPECIMEN.replace("P<UTO", "I<UTO"), "starts with P"),
    ],
)
def test_malformed_input_is_one_sentence(text: str, says: str) -> None:
    with pytest.raises(MrzError, match=says.replace("?", r"\?")):
        parse_td3(text)


def test_split_lines_accepts_one_run_of_88() -> None:
    assert split_lines(ICAO_SPECIMEN.replace("\n", "")) == tuple(ICAO_SPECIMEN.split("\n"))


def test_birth_century_is_never_in_the_future() -> None:
    from forms.mrz import birth_date_iso, expiry_date_iso

    assert birth_date_iso("250101", date(2026, 1, 1)) == "2025-01-01"
    assert birth_date_iso("270101", date(2026, 1, 1)) == "1927-01-01"
    assert expiry_date_iso("310101", date(2026, 1, 1)) == "2031-01-01"


def test_country_table_matches_pycountry() -> None:
    assert {c.alpha_3: c.alpha_2 for c in pycountry.countries} == ALPHA3_TO_ALPHA2
